"""Shared plumbing for the real-browser tests: Streamlit-aware waits and pickers on top of devtools.browser.

Chromium and the `streamlit run` server live in `devtools/browser.py` (the page bench uses them too).
Screenshots for debugging go to test-results/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect, sync_playwright

from devtools.browser import (  # noqa: F401 - re-exported for the browser tests
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    RUN_TIMEOUT_MS,
    dismiss_page_not_found,
    goto_signed_in,
    serve_app,
    sign_in,
)

RESULTS = ROOT / "test-results"
REQUIRES_CHROMIUM = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found: install Debian's chromium (make browser)"),
]


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
    goto_signed_in(page, f"{app_url}/", "policy")
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
