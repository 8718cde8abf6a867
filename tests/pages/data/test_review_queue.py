"""Review queue: flagged postings of the last day by severity, a decision stored durably, a stale decision refused,
and a bulk file check with a report."""

from __future__ import annotations

from datetime import timedelta

from models.posting_check.queue import last_day
from store.postings import PostingStore
from tests.pages.apptest import assert_renders, identity_for, open_page


def _month(at, con):
    """The queue over the last 30 days (the small world posts a handful a day, so one day may have no suspect)."""
    last = last_day(con)
    at.date_input(key="rq_days").set_value((last - timedelta(days=29), last)).run()
    return at


def test_renders_with_the_last_days_flagged_postings(app_env, small_con):
    at = _month(assert_renders("review_queue", "공고 심사 대기열"), small_con)
    assert not at.exception and any("점검한 공고" in m.value for m in at.markdown)
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


def test_a_decision_is_stored_and_a_concurrent_one_gets_a_korean_notice(app_env, small_con):
    first = _month(open_page("review_queue"), small_con)  # two reviewers, the same posting
    second = _month(open_page("review_queue"), small_con)
    key = _decide(first, "rejected", "연령 제한 확인")
    assert not first.exception and any("저장했습니다" in s.value for s in first.success)
    _decide(second, "accepted", "문제 없음")
    assert any("먼저" in w.value and "저장하지" in w.value for w in second.warning)
    cur = PostingStore().reviews([f"wh:{key}"])[f"wh:{key}"]
    assert cur["decision"] == "rejected" and cur["note"] == "연령 제한 확인"
    assert cur["reviewer"] == identity_for("data_admin").actor
    # having been told, the second reviewer may now decide on the newer version; the first may revise their own
    _decide(second, "accepted", "확인 후 승인")
    assert any("저장했습니다" in s.value for s in second.success)
    _decide(first, "rejected", "다시 반려")
    assert any("먼저" in w.value for w in first.warning)  # the first reviewer had not seen the second's decision
    assert [h["decision"] for h in PostingStore().history(f"wh:{key}")] == ["rejected", "accepted"]


def test_a_decision_must_be_chosen_and_a_correction_must_pass_the_checker(app_env, small_con):
    at = _month(open_page("review_queue"), small_con)
    next(b for b in at.button if b.label == "결정 저장").click().run()
    assert any("골라 주세요" in e.value for e in at.error)
    key = at.selectbox(key="rq_pick").value
    at.radio(key=f"rq_dec_wh:{key}").set_value("corrected")
    next(b for b in at.button if b.label == "결정 저장").click().run()
    assert any("본문을 고친 뒤" in e.value for e in at.error)
    assert PostingStore().reviews([f"wh:{key}"]) == {}
