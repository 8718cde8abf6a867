"""Questions, feedback and hand-overs: each asker reaches only their own, staff see what needs a person."""

from __future__ import annotations

import pytest

from data_catalog.errors import UserError
from models.qa.answer import Answer
from store.qa import QaStore


def _ans(q: str, abstained: bool) -> Answer:
    return Answer(q, "답변" if not abstained else "답할 수 없습니다", [], abstained, 0.3 if abstained else 0.9)


def test_record_feedback_handover_review_resolve(store_url):
    s = QaStore(store_url)
    ok = s.record("counsellor", "local:kim", "counsellor", _ans("주휴수당 조건?", False))
    no = s.record("chatbot", "local:lee", "seeker", _ans("내일 날씨?", True))
    fine = s.record("chatbot", "local:lee", "seeker", _ans("연차 며칠?", False))
    s.feedback(ok, "local:kim", helpful=False, comment="조문이 틀렸어요")
    s.feedback(fine, "local:lee", helpful=True)
    s.handover(no, "local:lee", "010-0000-0000")
    review = {r["question_id"]: r for r in s.for_review()}
    assert set(review) == {ok, no}  # the unhelpful and the handed-over; the helpful one needs nobody
    assert review[no]["status"] == "handover" and review[no]["contact"] == "010-0000-0000"
    assert review[ok]["comment"] == "조문이 틀렸어요"
    s.resolve(no, "local:admin", "전화 안내함")
    with pytest.raises(UserError, match="이미 처리 완료"):
        s.resolve(no, "local:park", "두 번째 담당자")  # the second one is told; the first note stays
    assert s.for_review(include_resolved=True)[-1]["staff_note"] in ("전화 안내함", None)
    assert {r["question_id"] for r in s.for_review()} == {ok}
    assert {r["question_id"] for r in s.for_review(include_resolved=True)} == {ok, no}
    c = s.counts()
    assert c["total"] == 3 and c["resolved"] == 1 and c["helpful"] == 1 and c["unhelpful"] == 1


def test_an_asker_reaches_only_their_own_questions(store_url):
    s = QaStore(store_url)
    mine = s.record("chatbot", "local:lee", "seeker", _ans("실업급여?", False))
    with pytest.raises(UserError, match="찾지 못했습니다"):
        s.feedback(mine, "local:kim", helpful=False)
    with pytest.raises(UserError, match="찾지 못했습니다"):
        s.handover(mine, "local:kim")
    assert [r["question_id"] for r in s.mine("local:lee")] == [mine] and s.mine("local:kim") == []


def test_bad_input_is_a_korean_error_and_keeps_the_question(store_url):
    s = QaStore(store_url)
    q = s.record("chatbot", "local:lee", "seeker", _ans("실업급여?", False))
    with pytest.raises(UserError, match="너무 깁니다"):
        s.feedback(q, "local:lee", helpful=False, comment="가" * 1001)
    with pytest.raises(UserError, match="200자"):
        s.handover(q, "local:lee", "1" * 201)
    assert s.mine("local:lee")[0]["helpful"] is None
    with pytest.raises(ValueError, match="channel"):
        s.record("phone", "local:lee", "seeker", _ans("x", False))


def test_ids_and_times_carry_no_outcome(store_url):
    """qa_questions: the id is random, so neither it nor the row order says whether a question was answered."""
    s = QaStore(store_url)
    ids = [s.record("chatbot", "local:lee", "seeker", _ans(f"질문 {i}", i % 2 == 0)) for i in range(40)]
    assert len(set(ids)) == 40 and all(len(i) == 32 for i in ids)
    by_id = sorted(ids)
    abstained = {i for n, i in enumerate(ids) if n % 2 == 0}
    first_half = set(by_id[:20])
    assert 4 <= len(first_half & abstained) <= 16  # sorting by id does not separate the outcomes
