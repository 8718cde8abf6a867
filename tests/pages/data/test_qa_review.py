"""Staff review of questions: what the system could not answer, hand-overs and poor ratings, marked resolved."""

from __future__ import annotations

import config
from models.qa.answer import Answer
from store.qa import QaStore
from tests.pages.apptest import assert_renders


def test_lists_what_needs_a_person_and_marks_it_resolved(app_env):
    s = QaStore(config.store_url())
    no = s.record("chatbot", "local:lee", "seeker", Answer("이혼 **양육권**?", "답할 수 없습니다", [], True, 0.1))
    s.handover(no, "local:lee", "lee@example.com")
    s.record("chatbot", "local:lee", "seeker", Answer("연차 며칠?", "15일", [], False, 0.9))
    at = assert_renders("qa_review", "상담 질문 검토")
    table = at.dataframe[0].value
    assert list(table["질문"]) == ["이혼 **양육권**?"] and table["상태"].iat[0] == "상담원 연결 요청"
    assert not any("lee@example" in m.value for m in at.markdown)  # nothing opened, nothing logged yet
    at.selectbox(key="qr_pick").select(no).run()
    assert any("lee@example\\.com" in m.value for m in at.markdown)
    at.text_area(key=f"qr_note_{no}").input("가정법원 상담 안내")
    at.button[[b.label for b in at.button].index("처리 완료")].click().run()
    assert not at.exception and any("검토할 질문이 없습니다" in x.value for x in at.success)
    assert s.counts()["resolved"] == 1
