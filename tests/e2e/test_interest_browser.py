"""Real-browser test of the interest test: answers survive a browser reload, back keeps them, results render.

AppTest can only imitate a reload by opening a new session with the same `?test=` id; here
Chromium really reloads the page, so the Streamlit session (and its session state) is gone and
only what the page persisted in the app-state database can bring the answers back.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from devtools.browser import demo_user, goto_signed_in, sign_in
from tests.e2e.browser import (
    REQUIRES_CHROMIUM,
    RUN_TIMEOUT_MS,
    assert_no_exception,
    browser_page,
    dismiss_page_not_found,
    screenshot,
    wait_idle,
    warm_up,
)

pytestmark = REQUIRES_CHROMIUM
ITEMS_PER_SCREEN = 6


def _item_radios(page):
    """The answer widgets of the current screen (each item is one horizontal 5-point radio)."""
    return page.locator('[data-testid="stForm"] [data-testid="stRadio"]')


def _labels(page) -> list[str]:
    """The item texts of the current screen."""
    return [t.strip() for t in _item_radios(page).locator('[data-testid="stWidgetLabel"]').all_inner_texts()]


def _answer(page, choices: list[str]) -> list[str]:
    """Click one option per item, in screen order; returns the answered items' texts."""
    radios = _item_radios(page)
    for k, choice in enumerate(choices):
        radios.nth(k).get_by_text(choice, exact=True).click()
    return _labels(page)[: len(choices)]


def _checked(page) -> list[str]:
    """The option label that is selected in each radio of the current screen ('' when none)."""
    radios = _item_radios(page)
    out = []
    for k in range(radios.count()):
        checked = radios.nth(k).locator("label:has(input:checked)")
        out.append(checked.inner_text().strip() if checked.count() else "")
    return out


def _progress(page) -> str:
    return page.locator('[data-testid="stProgress"]').inner_text()


def test_interest_answers_survive_reload_and_results_render(app_url: str) -> None:
    with browser_page() as (page, page_errors, _console_errors):
        try:
            warm_up(page, app_url)
            goto_signed_in(page, f"{app_url}/interest", "seeker")
            expect(page.get_by_role("heading", name="직업흥미검사")).to_be_visible(timeout=RUN_TIMEOUT_MS)
            wait_idle(page)
            dismiss_page_not_found(page)

            # 1. start the full form: the test id goes into the URL
            page.locator('[data-testid="stRadio"]').filter(has_text="검사 형식").get_by_text(
                re.compile("^전체형")
            ).click()
            page.get_by_role("button", name="검사 시작").click()
            expect(page).to_have_url(re.compile(r"[?&]test=[0-9a-f]{12}"), timeout=RUN_TIMEOUT_MS)
            wait_idle(page)
            test_url = page.url
            expect(_item_radios(page)).to_have_count(ITEMS_PER_SCREEN)
            assert "0/288" in _progress(page)

            # 2. "다음" with one item unanswered: a Korean error, and the five answers are kept
            first = ["좋다", "매우 좋다", "싫다", "보통", "매우 싫다"]
            first_texts = _answer(page, first)
            page.get_by_role("button", name="다음").click()
            wait_idle(page)
            expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text("응답하지 않은 문항이 1개")
            _item_radios(page).nth(5).get_by_text("좋다", exact=True).click()
            page.get_by_role("button", name="다음").click()
            wait_idle(page)
            expect(page.locator('[data-testid="stProgress"]')).to_contain_text("6/288")

            # 3. a real reload: the session is gone, the answers are not
            page.reload(wait_until="domcontentloaded")
            sign_in(page, demo_user("seeker"))
            dismiss_page_not_found(page)
            expect(page.locator('[data-testid="stProgress"]')).to_contain_text("6/288", timeout=RUN_TIMEOUT_MS)
            wait_idle(page)
            assert page.url == test_url
            assert not set(_labels(page)) & set(first_texts), "after the reload the test must continue, not restart"

            # 4. back: the first screen again, with the answers given before the reload
            page.get_by_role("button", name="이전").click()
            wait_idle(page)
            expect(_item_radios(page).first.locator('[data-testid="stWidgetLabel"]')).to_have_text(first_texts[0])
            assert _labels(page)[:5] == first_texts and _checked(page) == [*first, "좋다"]

            # 5. results from the answers so far: profile chart, Top-5 with stability, download
            page.get_by_role("button", name="지금까지 응답으로 결과 보기").click()
            expect(page.get_by_role("heading", name="나와 잘 맞는 직업 5가지")).to_be_visible(timeout=RUN_TIMEOUT_MS)
            wait_idle(page)
            expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible()
            expect(page.get_by_text(re.compile(r"^추천 안정도 \d{1,3}%"))).to_have_count(5)
            expect(page.get_by_role("button", name="결과 내려받기 (JSON)")).to_be_visible()
            assert_no_exception(page, "on the interest results", page_errors)
        finally:
            screenshot(page, "interest.png")
    assert not page_errors, f"uncaught page errors: {page_errors}"


def _start(page, form: str) -> str:
    page.locator('[data-testid="stRadio"]').filter(has_text="검사 형식").get_by_text(re.compile(f"^{form}")).click()
    page.get_by_role("button", name="검사 시작").click()
    expect(page).to_have_url(re.compile(r"[?&]test=[0-9a-f]{12}"), timeout=RUN_TIMEOUT_MS)
    wait_idle(page)
    return page.url


def test_a_new_test_starts_clean_and_the_old_one_stays_reachable(app_url: str) -> None:
    with browser_page() as (page, page_errors, _console_errors):
        try:
            warm_up(page, app_url)
            goto_signed_in(page, f"{app_url}/interest", "seeker")
            dismiss_page_not_found(page)
            wait_idle(page)
            old_url = _start(page, "전체형")
            first_screen = _labels(page)
            _answer(page, ["좋다"] * ITEMS_PER_SCREEN)
            page.get_by_role("button", name="다음").click()
            wait_idle(page)
            expect(page.locator('[data-testid="stProgress"]')).to_contain_text("6/288")
            page.get_by_role("button", name="지금까지 응답으로 결과 보기").click()
            wait_idle(page)

            # '새 검사 시작' clears the test from the address and shows the start form
            page.get_by_role("button", name="새 검사 시작").click()
            expect(page.get_by_role("button", name="검사 시작")).to_be_visible(timeout=RUN_TIMEOUT_MS)
            wait_idle(page)
            assert "test=" not in page.url

            # a second full test in the same session starts at item 1 (it crashed on stale paging before)
            new_url = _start(page, "전체형")
            assert new_url != old_url
            expect(page.locator('[data-testid="stProgress"]')).to_contain_text("0/288")
            assert _labels(page) == first_screen
            assert_no_exception(page, "on the second test", page_errors)

            # the old full test is still there at its address
            page.get_by_role("button", name="이전").click()  # harmless on the first screen
            wait_idle(page)
            goto_signed_in(page, old_url, "seeker")
            dismiss_page_not_found(page)
            expect(page.locator('[data-testid="stProgress"]')).to_contain_text("6/288", timeout=RUN_TIMEOUT_MS)
            assert_no_exception(page, "on the old test", page_errors)
        finally:
            screenshot(page, "interest_new_test.png")
    assert not page_errors, f"uncaught page errors: {page_errors}"
