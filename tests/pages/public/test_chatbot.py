"""Public chatbot: a conversation kept for the session, a notice, abstention with the hand-over recorded."""

from __future__ import annotations

import config
from store.qa import QaStore
from tests.pages.apptest import assert_renders


def test_a_conversation_with_an_answer_then_a_hand_over(app_env, qa_data_dir):
    at = assert_renders("chatbot", "AI 민원상담 챗봇")
    assert "법률 자문이 아닙니다" in at.info[0].value
    at.chat_input[0].set_value("주 20시간 알바도 주휴수당 받나요?").run()
    assert not at.exception and len(at.chat_message) == 2
    at.chat_input[0].set_value("내일 서울 날씨 어때요?").run()
    assert len(at.chat_message) == 4  # the first exchange is still there
    assert "답하기 어렵습니다" in " ".join(w.value for w in at.warning)
    at.text_input(key="chat_contact_3").input("010-1234-5678")
    at.button[[b.label for b in at.button].index("상담원에게 질문 넘기기")].click().run()
    assert "상담원에게 전달했습니다" in " ".join(s.value for s in at.success)
    rows = QaStore(config.store_url()).mine("local:test_seeker")
    assert {r["status"] for r in rows} == {"answered", "handover"}
    assert next(r for r in rows if r["status"] == "handover")["contact"] == "010-1234-5678"
    at.button(key="logout").click().run()
    assert "chat_log" not in at.session_state  # the next person in this tab does not see the conversation
