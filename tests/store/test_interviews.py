"""Interviews: scheduled for the firm's own applicants, checked in Korean, rescheduled, cancelled, held; the
applicant sees only their own upcoming ones. A fixed clock stands for "now"."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from data_catalog.errors import UserError
from store.applications import ApplicationStore
from store.ats import Tracking
from store.interviews import Interviews

NOW = datetime(2026, 12, 1, 9, 0)


@pytest.fixture()
def setup(store_url):
    apps = ApplicationStore(store_url)
    a = apps.apply(100, 5001, 77, "recommended", 80)
    b = apps.apply(101, 5001, 77, "recommended", 60)
    Tracking(store_url).sync("77")
    return Interviews(store_url), a, b


def test_schedule_reschedule_hold_and_the_applicants_view(setup):
    iv, a, b = setup
    first = iv.schedule("77", a, NOW + timedelta(days=2), 45, place="본사 3층 회의실", interviewers="김팀장", now=NOW)
    other = iv.schedule("77", b, NOW + timedelta(days=3), 30, video_url="https://meet.example/x", now=NOW)
    iv.reschedule("77", first, NOW + timedelta(days=4), 60, place="본사 2층", now=NOW)
    mine = iv.upcoming_for_seeker(100, now=NOW)
    assert [(m["starts_at"], m["place"]) for m in mine] == [(NOW + timedelta(days=4), "본사 2층")]
    assert "interviewers" not in mine[0] and iv.upcoming_for_seeker(101, now=NOW)[0]["video_url"]
    iv.record_outcome("77", first, "pass", "실무 역량 좋음")
    assert iv.upcoming_for_seeker(100, now=NOW) == []
    with pytest.raises(UserError, match="이미 취소했거나 끝난"):
        iv.cancel("77", first)
    iv.cancel("77", other, "지원자 요청")
    assert [x["status"] for x in iv.for_application("77", b)] == ["cancelled"]
    assert iv.for_application("77", a)[0]["outcome"] == "pass"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"starts_at": NOW - timedelta(hours=1), "place": "본사"}, "지금 이후"),
        ({"starts_at": NOW + timedelta(days=1), "minutes": 5, "place": "본사"}, "10~480분"),
        ({"starts_at": NOW + timedelta(days=1)}, "장소나 화상 면접 링크"),
        ({"starts_at": NOW + timedelta(days=1), "video_url": "http://meet.example/x"}, "https://"),
    ],
)
def test_a_bad_interview_is_a_korean_error_and_nothing_is_saved(setup, kwargs, message):
    iv, a, _ = setup
    with pytest.raises(UserError, match=message):
        iv.schedule("77", a, now=NOW, **kwargs)
    assert iv.for_application("77", a) == []


def test_only_the_firms_own_applicants(setup):
    iv, a, _ = setup
    with pytest.raises(UserError, match="우리 회사 공고의 지원자만"):
        iv.schedule("88", a, NOW + timedelta(days=1), place="x", now=NOW)
    first = iv.schedule("77", a, NOW + timedelta(days=1), place="본사", now=NOW)
    with pytest.raises(UserError, match="예정된 면접을 찾지 못했습니다"):
        iv.cancel("88", first)
    assert iv.for_application("88", a) == []
    with pytest.raises(UserError, match="면접 결과는"):
        iv.record_outcome("77", first, "maybe")
