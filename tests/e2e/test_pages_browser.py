"""Every page in Chromium at a 1280-pixel window, as its user first sees it.

Checks what only a real browser shows: no Streamlit exception, no text struck through (two '~' in
one Markdown text do that), no KPI value cut off with '…' (st.metric shortens a value that does not
fit its column), and month axes labelled '2025-01' rather than plotly's 'Jan 2025'.
"""

from __future__ import annotations

import re

import pytest

from components import nav
from devtools.browser import goto_signed_in
from tests.e2e.browser import REQUIRES_CHROMIUM, assert_no_exception, browser_page, dismiss_page_not_found, wait_idle

pytestmark = REQUIRES_CHROMIUM

CUT_VALUES_JS = """() => [...document.querySelectorAll('[data-testid="stMetricValue"] *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"""
DATE_TICKS_JS = """() => [...document.querySelectorAll('.xtick text')].map(e => e.textContent)
    .filter(t => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b/.test(t))"""


def test_pages_render_without_strikethrough_cut_values_or_english_months(app_url: str) -> None:
    problems = []
    with browser_page() as (page, page_errors, _console):
        page.set_viewport_size({"width": 1280, "height": 900})
        goto_signed_in(page, f"{app_url}/", "policy")
        wait_idle(page)
        for p in nav.PAGES:
            goto_signed_in(page, f"{app_url}/{p.url_path or ''}", nav.ACCESS[p.key][0])
            dismiss_page_not_found(page)
            wait_idle(page)
            assert_no_exception(page, f"on {p.path}", page_errors)
            if n := page.locator("main del, main s").count():
                problems.append(f"{p.path}: {n} struck-through text(s)")
            if cut := page.evaluate(CUT_VALUES_JS):
                problems.append(f"{p.path}: KPI values cut off: {cut}")
            if months := page.evaluate(DATE_TICKS_JS):
                problems.append(f"{p.path}: English month ticks: {months[:3]}")
            if p.key == "policy_home":
                ticks = page.evaluate("() => [...document.querySelectorAll('.xtick text')].map(e => e.textContent)")
                assert any(re.fullmatch(r"20\d\d-\d\d", t) for t in ticks), ticks
    if problems:
        pytest.fail("\n".join(problems))
