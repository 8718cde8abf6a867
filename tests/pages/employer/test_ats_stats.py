"""Employer's hiring statistics page: empty state, then with applicants of real warehouse seekers — the funnel, the
tables, a small cell shown as 비공개, a CSV button; one posting's scope; another firm's applicants never counted."""

from __future__ import annotations

import duckdb
import pytest

import config
from analytics import postings
from store.applications import ApplicationStore
from store.ats import Tracking
from tests.pages.apptest import assert_renders, identity_for


def _frame(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.fixture()
def applicants(app_env):
    """18 applicants to the demo firm's newest posting: 10 in their 20s, 6 in their 30s, 2 in their 40s."""
    firm = identity_for("employer").org
    con = duckdb.connect(str(config.warehouse_db()), read_only=True)
    pid = str(postings.firm_postings(con, firm).posting_id.iat[0])
    ids = []
    for lo, n in ((20, 10), (30, 6), (40, 2)):
        ids += [
            r[0]
            for r in con.execute(
                "SELECT seeker_id FROM seekers WHERE age BETWEEN ? AND ? ORDER BY seeker_id LIMIT ?", [lo, lo + 9, n]
            ).fetchall()
        ]
    other_firm = con.execute("SELECT min(firm_id) FROM postings WHERE firm_id <> ?", [int(firm)]).fetchone()[0]
    con.close()
    store = ApplicationStore(config.store_url())
    apps = [store.apply(s, int(pid), int(firm), "recommended" if i % 3 else "search", 70) for i, s in enumerate(ids)]
    store.apply(ids[0], 1, int(other_firm), "direct", 50)  # another firm's applicant: never in these figures
    track = Tracking(config.store_url())
    track.sync(firm)
    track.move(firm, apps[0], "screened", "local:hr", 1)
    track.move(firm, apps[0], "hired", "local:hr", 2)
    track.move(firm, apps[1], "rejected", "local:hr", 1)
    return firm, pid, apps


def test_renders_without_applicants(app_env):
    at = assert_renders("ats_stats", "채용 통계")
    assert any("아직 없습니다" in i.value for i in at.info)
    assert not at.get("download_button")


def test_funnel_tables_hidden_cells_and_csv(applicants):
    at = assert_renders("ats_stats", "채용 통계")
    assert [m.label for m in at.metric][:3] == ["지원자", "진행 중", "입사"]
    assert at.metric[0].value == "18명" and at.metric[2].value == "1명"  # the other firm's applicant is not counted
    assert at.get("plotly_chart")  # the funnel (and the trend)
    funnel = _frame(at, "도달(명)").set_index("단계")
    assert funnel.loc["접수", "도달(명)"] == 18 and funnel.loc["서류 검토", "도달(명)"] == 1
    assert funnel.loc["입사", "도달(명)"] == 1 and funnel.loc["불합격", "진입(명)"] == 1
    assert funnel.loc["접수", "지금 머무는 인원(명)"] == 16  # 18 less the one hired and the one rejected
    at.radio(key="as_view").set_value("지원 경로·지원자 특성").run()  # one section drawn at a time
    source = _frame(at, "지원 경로").set_index("지원 경로")
    assert source["지원(명)"].sum() == 18
    chars = _frame(at, "특성")
    age = chars[chars["특성"] == "연령대"]
    shown = dict(zip(age["구분"], age["지원자(명)"], strict=True))
    assert shown["20대"] == "10" and shown["40대"] == "비공개" and shown["30대"] == "비공개"  # 6 hidden beside 2
    assert any("비공개" in c.value and "5명 미만" in c.value for c in at.caption)
    assert at.get("download_button")


def test_one_posting_and_the_monthly_view(applicants):
    _firm, pid, _apps = applicants
    at = assert_renders("ats_stats", "채용 통계")
    at.selectbox(key="as_scope").select(pid).run()
    assert not at.exception and at.metric[0].value == "18명"
    at.radio(key="as_view").set_value("기간별 추이").run()
    at.radio(key="as_freq").set_value("month").run()
    assert not at.exception and at.get("plotly_chart")
