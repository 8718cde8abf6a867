"""A member of the public asks the chatbot in Chromium: a cited answer, then a refusal handed over to a person."""

from __future__ import annotations

from playwright.sync_api import expect

from components import nav
from devtools.browser import goto_signed_in
from tests.e2e.browser import REQUIRES_CHROMIUM, assert_no_exception, browser_page, dismiss_page_not_found, wait_idle

pytestmark = REQUIRES_CHROMIUM


def _ask(page, text: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")
    wait_idle(page)


def test_ask_read_the_article_then_hand_over(app_url: str) -> None:
    with browser_page() as (page, errors, _console):
        page.set_viewport_size({"width": 1280, "height": 900})
        goto_signed_in(page, f"{app_url}/{nav.spec('chatbot').url_path}", "seeker")
        dismiss_page_not_found(page)
        wait_idle(page)
        expect(page.get_by_text("법률 자문이 아닙니다")).to_be_visible()
        _ask(page, "주 20시간 알바도 주휴수당 받나요?")
        assert_no_exception(page, "after a question", errors)
        cited = page.get_by_test_id("stExpander").filter(has_text="시행")
        expect(cited.first).to_be_visible(timeout=60_000)
        cited.first.click()
        expect(page.get_by_text("조문 전문").first).to_be_visible()
        _ask(page, "내일 서울 날씨 어때요?")
        expect(page.get_by_text("답하기 어렵습니다").first).to_be_visible(timeout=60_000)
        page.get_by_label("연락받을 방법 (선택: 전화번호나 이메일)").last.fill("010-1234-5678")
        page.get_by_role("button", name="상담원에게 질문 넘기기").last.click()
        wait_idle(page)
        expect(page.get_by_text("상담원에게 전달했습니다")).to_be_visible(timeout=30_000)
        assert page.get_by_test_id("stChatMessage").count() >= 4  # the conversation is kept
        assert_no_exception(page, "after the hand-over", errors)
