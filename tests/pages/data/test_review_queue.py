"""Review queue: flagged postings of the last day by severity, a decision stored durably, a stale decision refused,
and a bulk file check with a report."""

from __future__ import annotations

from store.postings import PostingStore
from tests.pages.apptest import assert_renders, identity_for, open_page


def test_renders_with_the_last_days_flagged_postings(app_env):
    at = assert_renders("review_queue", "공고 심사 대기열")
    table = at.dataframe[0].value
    assert len(table) > 0 and (table["심각도"] != "-").all()
    order = table["심각도"].map({"높음": 3, "중간": 2, "낮음": 1})
    assert order.is_monotonic_decreasing


def _decide(at, decision: str, note: str):
    key = at.selectbox(key="rq_pick").value
    at.radio(key=f"rq_dec_wh:{key}").set_value(decision)
    at.text_area(key=f"rq_note_wh:{key}").set_value(note)
    next(b for b in at.button if b.label == "결정 저장").click().run()
    return key


def test_a_decision_is_stored_and_a_concurrent_one_gets_a_korean_notice(app_env):
    first, second = open_page("review_queue"), open_page("review_queue")  # two reviewers, same posting
    key = _decide(first, "rejected", "연령 제한 확인")
    assert not first.exception and any("저장했습니다" in s.value for s in first.success)
    _decide(second, "accepted", "문제 없음")
    assert any("먼저" in w.value and "저장하지" in w.value for w in second.warning)
    cur = PostingStore().reviews([f"wh:{key}"])[f"wh:{key}"]
    assert cur["decision"] == "rejected" and cur["note"] == "연령 제한 확인"
    assert cur["reviewer"] == identity_for("data_admin").actor
