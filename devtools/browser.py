"""Chromium and a `streamlit run` server for code that drives the app in a real browser (browser tests, bench/pages.py).

The browser is Debian's chromium driven by Playwright (`playwright install` cannot download
browsers on these machines); the flags keep it from stalling on the closed network and give deck.gl
a software WebGL.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import config
from auth.demo import DEMO, DEMO_PASSWORD, ensure_demo_accounts

ROOT = config.PROJECT_ROOT
CHROMIUM = Path("/usr/bin/chromium")
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


def free_port() -> int:
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
def serve_app(
    data_dir: Path,
    work_dir: Path,
    script: str | Path = "streamlit_app.py",
    *,
    port: int | None = None,
    extra_args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """The app (or another `script`) served by a `streamlit run` subprocess on a free port; always terminated.

    `port` fixes the port (a test that must name the address beforehand, e.g. an OIDC redirect URI);
    `extra_args` go to `streamlit run` after the defaults (e.g. `--secrets.files`); `env` adds variables.
    """
    port = port or free_port()
    log_path = work_dir / "server.log"
    env = dict(
        os.environ,
        GOYONG_DATA_DIR=str(data_dir),
        GOYONG_STORE_URL=f"sqlite:///{(work_dir / 'operational.sqlite').resolve()}",
        PYTHONUNBUFFERED="1",
    ) | dict(env or {})
    env.pop("GOYONG_BASEMAP_STYLE", None)  # offline map, no basemap
    if env.get("GOYONG_DEMO_ACCOUNTS", "1") not in ("0", "false"):
        ensure_demo_accounts(data_dir, env["GOYONG_STORE_URL"])  # what `make run` does: one account per role
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
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
        *extra_args,
    ]
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(f"http://127.0.0.1:{port}/_stcore/health"):
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
                raise RuntimeError(
                    f"streamlit did not become healthy on port {port} (exit code {proc.poll()}):\n{tail}"
                )
            time.sleep(0.25)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def demo_user(role: str) -> str:
    """The demo account of a role (auth.demo), to sign a browser in."""
    return DEMO[role][0]


def sign_in(page, username: str, timeout_ms: int = 60_000) -> bool:
    """Sign in on the app's sign-in screen if it is showing (every new browser session starts there).

    Returns whether it had to. Reloading or opening an address starts a new Streamlit session, so tests and
    benches call this after each `page.goto`.
    """
    form = page.get_by_label("아이디")
    try:
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stSidebar\"]') || "
            "[...document.querySelectorAll('input')].some(i => i.getAttribute('aria-label') === '아이디')",
            timeout=timeout_ms,
        )
    except Exception:  # noqa: BLE001 - a page without either is reported by the caller's own checks
        return False
    if not form.count():
        return False
    dismiss_page_not_found(page)
    form.fill(username)
    page.get_by_label("비밀번호").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="로그인", exact=True).click()
    page.get_by_role("button", name="로그아웃").wait_for(timeout=timeout_ms)
    return True


def goto_signed_in(page, url: str, role: str, **kwargs) -> None:
    """Open `url` and sign in as the demo account of `role` when the sign-in screen shows."""
    page.goto(url, wait_until="domcontentloaded", **kwargs)
    sign_in(page, demo_user(role))


def dismiss_page_not_found(page) -> bool:
    """Close Streamlit's spurious "Page not found" modal (a framework bug on a first, deep-linked visit)."""
    dlg = page.get_by_role("dialog").filter(has_text="Page not found")
    if not dlg.count():
        return False
    page.keyboard.press("Escape")
    dlg.wait_for(state="detached", timeout=10_000)
    return True
