"""Counsellor Q&A page: a question gets a cited answer, the citation opens with its text, feedback is stored."""

from __future__ import annotations

import config
from store.qa import QaStore
from tests.pages.apptest import assert_renders


def test_a_question_gets_a_cited_answer_and_feedback_is_stored(app_env, qa_data_dir):
    at = assert_renders("knowledge", "상담 지식 Q&A")
    at.text_area(key="kq_question").input("면접에서 결혼했냐고 물으면 불법인가요?")
    at.button[[b.label for b in at.button].index("답변 찾기")].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    shown = " ".join(m.value for m in at.markdown)
    assert "채용절차법" in " ".join(e.label for e in at.expander) or "채용절차" in shown
    assert any("시행" in e.label for e in at.expander)
    rows = QaStore(config.store_url()).mine("local:test_counsellor")
    assert len(rows) == 1 and rows[0]["channel"] == "counsellor" and not rows[0]["abstained"]


def test_an_empty_question_is_a_korean_error_and_nothing_is_stored(app_env, qa_data_dir):
    at = assert_renders("knowledge", "상담 지식 Q&A")
    at.button[[b.label for b in at.button].index("답변 찾기")].click().run()
    assert [e.value for e in at.error] == ["질문을 입력해 주세요."]
    assert QaStore(config.store_url()).mine("local:test_counsellor") == []


def test_markdown_in_a_question_is_shown_as_typed(app_env, qa_data_dir):
    at = assert_renders("knowledge", "상담 지식 Q&A")
    at.text_area(key="kq_question").input("[링크](http://evil.example) 주휴수당 **조건**?")
    at.button[[b.label for b in at.button].index("답변 찾기")].click().run()
    asked = next(m.value for m in at.markdown if m.value.startswith("**질문:**"))
    assert "\\[링크\\]\\(http" in asked and "\\*\\*조건\\*\\*" in asked
