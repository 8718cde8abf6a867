"""Shared plumbing for the real-browser tests: a `streamlit run` server and Streamlit-aware waits.

The browser is Debian's chromium driven by Playwright (`playwright install` cannot download
browsers on these machines). Screenshots for debugging go to test-results/.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
RESULTS = ROOT / "test-results"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # without these Chromium stalls on the closed network
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # deck.gl needs WebGL: software rendering through ANGLE + SwiftShader
    "--use-gl=angle",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]
START_TIMEOUT_S = 60
RUN_TIMEOUT_MS = 90_000  # one script rerun; the first switch to 시군구 also builds the sigungu GeoJSON

REQUIRES_CHROMIUM = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found: install Debian's chromium (make browser)"),
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200 and r.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def serve_app(data_dir: Path, work_dir: Path) -> Iterator[str]:
    """The app served by a `streamlit run` subprocess on a free port; always terminated afterwards."""
    port = _free_port()
    log_path = work_dir / "server.log"
    env = dict(
        os.environ,
        GOYONG_DATA_DIR=str(data_dir),
        GOYONG_STATE_DB=str(work_dir / "app_state.duckdb"),
        PYTHONUNBUFFERED="1",
    )
    env.pop("GOYONG_BASEMAP_STYLE", None)  # offline map, no basemap
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        # the repo may be edited while the test runs: never show "source file changed" or rerun
        "--server.fileWatcherType",
        "none",
        "--server.runOnSave",
        "false",
    ]
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(f"http://127.0.0.1:{port}/_stcore/health"):
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
                pytest.fail(f"streamlit did not become healthy on port {port} (exit code {proc.poll()}):\n{tail}")
            time.sleep(0.25)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


@contextmanager
def browser_page() -> Iterator[tuple[object, list[str], list[str]]]:
    """A Korean-locale Chromium page plus the lists its uncaught page errors and console errors go to."""
    page_errors: list[str] = []
    console_errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1200}, locale="ko-KR")
            page.set_default_timeout(RUN_TIMEOUT_MS)
            page.on("pageerror", lambda e: page_errors.append(str(e)))
            page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
            yield page, page_errors, console_errors
        finally:
            browser.close()


def warm_up(page, app_url: str) -> None:
    """Open the entrypoint first: a fresh server's first session that deep-links to a page gets a
    spurious "Page not found" modal (Streamlit bug) that makes the page inert."""
    page.goto(f"{app_url}/", wait_until="domcontentloaded")
    expect(page.locator('[data-testid="stSidebarNav"]')).to_be_visible(timeout=RUN_TIMEOUT_MS)
    wait_idle(page)


def screenshot(page, name: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(RESULTS / name))


_IDLE_JS = """(ms) => {
  const busy = document.querySelector(
    '[data-testid="stStatusWidget"], [data-stale="true"], [data-testid="stSpinner"], [data-testid="stSkeleton"]');
  const now = performance.now();
  if (busy) { window.__e2eIdleSince = null; return false; }
  if (window.__e2eIdleSince == null) window.__e2eIdleSince = now;
  return now - window.__e2eIdleSince >= ms;
}"""


def param(key: str, value: str) -> re.Pattern[str]:
    """URL pattern: query parameter `key` equals `value` (the page mirrors its state in the URL)."""
    return re.compile(rf"[?&]{re.escape(key)}={re.escape(value)}(&|$)")


def wait_idle(page, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
    """Wait until no running indicator, stale element or spinner has been seen for one second."""
    page.evaluate("() => { window.__e2eIdleSince = null; }")
    page.wait_for_function(_IDLE_JS, arg=1000, timeout=timeout_ms, polling=100)


def assert_no_exception(page, where: str, page_errors: list[str]) -> None:
    exc = page.locator('[data-testid="stException"]')
    if exc.count():
        pytest.fail(f"Streamlit exception shown {where}:\n" + "\n---\n".join(exc.all_inner_texts()))
    assert not page_errors, f"uncaught page errors {where}: {page_errors}"


def choose(page, label: str, option: str, typed: str | None = None) -> None:
    """Pick `option` in the Streamlit selectbox labelled `label` (a react-aria combobox)."""
    box = page.get_by_role("combobox", name=label, exact=True)
    expect(box).to_be_visible(timeout=RUN_TIMEOUT_MS)
    box.click()
    if typed:  # long lists are virtualised: filter first so the option is rendered
        box.fill(typed)
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)


def dismiss_page_not_found(page) -> bool:
    """Close Streamlit's spurious "Page not found" modal (a framework bug on a first, deep-linked visit)."""
    dlg = page.get_by_role("dialog").filter(has_text="Page not found")
    if not dlg.count():
        return False
    page.keyboard.press("Escape")
    dlg.wait_for(state="detached", timeout=10_000)
    return True
