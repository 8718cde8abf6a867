"""Applicant-tracking statistics on a hand-built case: four applicants with known times (2026-01-05 is a Monday).

A1 recommended: 접수 01-05 → 서류 검토 01-07 (2 days) → 면접 01-12 (5) → 입사 01-22 (10)
A2 search:      접수 01-06 → 서류 검토 01-10 (4) → 불합격 01-11 (1)
A3 recommended: 접수 01-06 → 면접 01-09 (3, 서류 검토 skipped), still there at NOW (11 days so far)
A4 direct:      접수 01-13, still there at NOW (7 days so far)
"""

from __future__ import annotations

import random
from datetime import datetime

import duckdb
import pandas as pd
import pytest

from analytics import ats_stats as ats
from components.export import csv_bytes
from data_catalog import spec
from store.ats import DEFAULT_PIPELINE, WITHDRAWN

NOW = datetime(2026, 1, 20, 9, 0)
ORDER = [*DEFAULT_PIPELINE, WITHDRAWN]
LABELS = dict(spec.ATS_STAGES.labels)
PATHS = {
    "A1": [("applied", "01-05"), ("screened", "01-07"), ("interview", "01-12"), ("hired", "01-22")],
    "A2": [("applied", "01-06"), ("screened", "01-10"), ("rejected", "01-11")],
    "A3": [("applied", "01-06"), ("interview", "01-09")],
    "A4": [("applied", "01-13")],
}
SOURCES = {"A1": "recommended", "A2": "search", "A3": "recommended", "A4": "direct"}


def _t(day: str) -> pd.Timestamp:
    return pd.Timestamp(f"2026-{day} 09:00")


@pytest.fixture()
def frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    moves = pd.DataFrame(
        [
            {"application_id": a, "posting_id": "7", "moved_at": _t(d), "from_stage": prev, "to_stage": s}
            for a, path in PATHS.items()
            for (s, d), prev in zip(path, [None] + [p[0] for p in path[:-1]], strict=True)
        ]
    )
    cards = pd.DataFrame(
        {
            "application_id": list(PATHS),
            "posting_id": "7",
            "seeker_id": ["1", "2", "3", "4"],
            "stage": [p[-1][0] for p in PATHS.values()],
            "updated_at": [_t(p[-1][1]) for p in PATHS.values()],
            "hired_at": [_t("01-22"), pd.NaT, pd.NaT, pd.NaT],
            "decided_at": [_t("01-22"), _t("01-11"), pd.NaT, pd.NaT],
            "source": [SOURCES[a] for a in PATHS],
            "applied_at": [_t(p[0][1]) for p in PATHS.values()],
        }
    )
    return cards, moves


def test_funnel_counts_reached_and_conversions(frames):
    f = ats.funnel(*frames, ORDER, LABELS).set_index("stage")
    path = f[f["on_path"]]
    assert list(path.index) == ["applied", "screened", "interview", "offer", "hired"]
    assert list(path["reached"]) == [4, 3, 2, 1, 1]  # A3 skipped 서류 검토 but passed it
    assert list(path["entered"]) == [4, 2, 2, 0, 1]
    assert pd.isna(path.loc["applied", "from_prev"])
    assert path["from_prev"].iloc[1:].tolist() == pytest.approx([3 / 4, 2 / 3, 1 / 2, 1.0])
    assert path["from_first"].tolist() == pytest.approx([1, 0.75, 0.5, 0.25, 0.25])
    side = f[~f["on_path"]]
    assert list(side.index) == ["rejected", "on_hold", "withdrawn"]
    assert side["entered"].tolist() == [1, 0, 0] and side["from_first"].tolist() == pytest.approx([0.25, 0, 0])
    assert side["reached"].isna().all() and side["from_prev"].isna().all()
    assert f.loc["screened", "label"] == "서류 검토"


def test_median_days_in_each_stage_from_consecutive_moves(frames):
    t = ats.time_in_stage(*frames, ORDER, LABELS, NOW).set_index("stage")
    assert t.loc["applied", ["n_done", "median_days", "n_open", "median_open_days"]].tolist() == [3, 3.0, 1, 7.0]
    assert t.loc["screened", ["n_done", "median_days", "n_open"]].tolist() == [2, 3.0, 0]  # 5 and 1 days
    assert t.loc["interview", ["n_done", "median_days", "n_open", "median_open_days"]].tolist() == [1, 10.0, 1, 11.0]
    # end stages: open stays are counted, but have no "time so far" and no completed stay
    assert t.loc["hired", "n_open"] == 1 and pd.isna(t.loc["hired", "median_open_days"])
    assert pd.isna(t.loc["hired", "median_days"]) and t.loc["rejected", "n_open"] == 1
    assert t.loc["offer", "n_done"] == 0 and pd.isna(t.loc["offer", "median_days"])


def test_the_stage_table_puts_funnel_and_time_side_by_side(frames):
    f = ats.funnel(*frames, ORDER, LABELS)
    table = ats.stage_table(f, ats.time_in_stage(*frames, ORDER, LABELS, NOW)).set_index("단계")
    assert list(table.index) == ["접수", "서류 검토", "면접", "최종 합격", "입사", "불합격", "보류", "지원 취소"]
    assert table.loc["면접", "도달(명)"] == 2 and table.loc["면접", "머문 기간 중앙값(일)"] == 10.0
    assert table.loc["접수", "지금까지 머문 기간 중앙값(일)"] == 7.0
    assert table.loc["불합격", "지금 머무는 인원(명)"] == 1


def test_summary_and_sources(frames):
    s = ats.summary(*frames)
    assert s == {"applicants": 4, "in_progress": 2, "hired": 1, "hire_rate": 0.25, "median_days_to_hire": 17.0}
    src = ats.by_source(frames[0]).set_index("source")
    assert list(src.index) == list(spec.APPLICATION_SOURCES)  # every declared channel, in declared order
    assert src["applications"].tolist() == [2, 1, 1] and src["hired"].tolist() == [1, 0, 0]
    assert src["hire_rate"].tolist() == [0.5, 0.0, 0.0] and src["share"].tolist() == [0.5, 0.25, 0.25]
    assert src.loc["recommended", "label"] == spec.APPLICATION_SOURCES["recommended"]


def test_an_unknown_source_is_listed_after_the_declared_ones(frames):
    cards = frames[0].assign(source=["recommended", None, "job_fair", "direct"])
    src = ats.by_source(cards)
    assert src["source"].tolist() == ["recommended", "search", "direct", "unknown", "job_fair"]
    assert src.set_index("source").loc["search", "applications"] == 0
    assert pd.isna(src.set_index("source").loc["search", "hire_rate"])
    assert src.set_index("source").loc["unknown", "label"] == ats.UNKNOWN


def test_weekly_and_monthly_trend(frames):
    w = ats.trend(*frames, "week")
    assert w["label"].tolist() == ["2026-01-05", "2026-01-12", "2026-01-19"]
    assert w["applications"].tolist() == [3, 1, 0] and w["hired"].tolist() == [0, 0, 1]
    m = ats.trend(*frames, "month")
    assert m["label"].tolist() == ["2026-01"] and m["applications"].tolist() == [4] and m["hired"].tolist() == [1]
    assert ats.default_freq(*frames) == "week"


def test_stage_orders_of_several_pipelines_merge():
    a = ["applied", "screened", "hired", "withdrawn"]
    b = ["applied", "test", "screened", "hired", "withdrawn"]
    assert ats.merge_orders([a, b]) == ["applied", "test", "screened", "hired", "withdrawn"]
    assert ats.merge_orders([]) == []


@pytest.mark.parametrize(
    ("counts", "hidden"),
    [
        ([6, 7, 8], [False, False, False]),
        ([10, 3, 8], [False, True, True]),  # one small cell: total minus the others would give it, so 8 goes too
        ([10, 1, 1, 20], [True, True, True, False]),  # two small cells holding 2: the next smallest goes too
        ([2, 2], [True, True]),  # fewer than MIN_CELL in all: everything hidden
        ([5, 4, 9], [True, True, False]),
    ],
)
def test_small_cells_and_their_complement_are_hidden(counts, hidden):
    assert ats.MIN_CELL == 5
    assert ats.suppress(counts) == hidden


def test_no_hidden_cell_can_be_recovered_from_the_total():
    rng = random.Random(17)
    for _ in range(2_000):
        counts = [rng.randint(1, 15) for _ in range(rng.randint(1, 7))]
        hide = ats.suppress(counts)
        assert all(h for c, h in zip(counts, hide, strict=True) if c < ats.MIN_CELL)
        if any(hide) and not all(hide):
            assert sum(hide) >= 2 and sum(c for c, h in zip(counts, hide, strict=True) if h) >= ats.MIN_CELL


def _bands(ages: list[int]) -> pd.DataFrame:
    n = len(ages)
    profiles = pd.DataFrame(
        {
            "seeker_id": range(1, n + 1),
            "age": ages,
            "sido_code": "11",
            "sido_name_ko": "서울특별시",
            "education": "university",
            "career_years": [0.5] * (n - 1) + [12.0],
        }
    )
    cards = pd.DataFrame({"seeker_id": [str(i) for i in range(1, n + 1)] + ["1", "999"]})  # 1 twice, 999 unknown
    return ats.applicant_bands(cards, profiles)


def test_characteristics_count_people_once_and_hide_small_cells():
    bands = _bands([25] * 10 + [33] * 6 + [45] * 3)  # 19 known people + one not in the warehouse
    assert len(bands) == 20
    c = ats.characteristics(bands)
    age = c[c["dimension"] == "age_band"].set_index("category")
    assert list(age.index) == ["20대", "30대", "40대", ats.UNKNOWN]
    assert age.loc["20대", "applicants"] == 10 and age.loc["20대", "share"] == pytest.approx(0.5)
    # 40대 (3) and 정보 없음 (1) are small; together 4 < 5, so 30대 (6) is hidden as well
    assert age["hidden"].tolist() == [False, True, True, True] and age["applicants"].iloc[1:].isna().all()
    edu = c[c["dimension"] == "education"].set_index("category")
    assert list(edu.index) == ["대졸", ats.UNKNOWN]
    assert edu["hidden"].tolist() == [True, True]  # 19 shown beside 1 hidden would give the 1 away
    exp = c[c["dimension"] == "experience"].set_index("category")
    assert list(exp.index) == ["1년 미만", "10년 이상", ats.UNKNOWN]
    table = ats.characteristics_table(c, "age_band")
    assert table["지원자(명)"].tolist() == ["10", ats.HIDDEN, ats.HIDDEN, ats.HIDDEN]
    assert table["비중(%)"].tolist()[:2] == ["50.0", ats.HIDDEN]


def test_the_warehouse_read_never_touches_sensitive_columns():
    sensitive = spec.sensitive_columns("seekers")
    assert set(sensitive) == {"gender", "disability", "nationality"}
    assert not any(s in ats.PROFILE_SQL.lower() for s in sensitive) and "*" not in ats.PROFILE_SQL
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE seekers AS SELECT * FROM (VALUES (1, 25, '11', 'F', true, 'KR', 'university', 2.0), "
        "(2, 41, '26', 'M', false, 'VN', 'college', 15.0), (3, 30, '11', 'F', false, 'KR', 'graduate', 0.0)) "
        "t(seeker_id, age, sido_code, gender, disability, nationality, education, career_years)"
    )
    sido = "VALUES ('11', '서울특별시'), ('26', '부산광역시')"
    con.execute(f"CREATE TABLE ref_sido AS SELECT * FROM ({sido}) t(sido_code, sido_name_ko)")
    got = ats.seeker_profiles(con, ["2", "1", "1", "x", "404"])
    assert list(got.columns) == list(ats.PROFILE_COLUMNS)
    assert got["seeker_id"].tolist() == [1, 2] and got["sido_name_ko"].tolist() == ["서울특별시", "부산광역시"]
    bands = ats.applicant_bands(pd.DataFrame({"seeker_id": ["1", "2"]}), got)
    assert not set(bands.columns) & set(sensitive)
    assert bands["age_band"].tolist() == ["20대", "40대"] and bands["experience"].tolist() == [
        "1~3년 미만",
        "10년 이상",
    ]
    assert ats.seeker_profiles(con, []).empty


def test_the_csv_keeps_hidden_cells_hidden_and_a_typed_stage_name_inert(frames):
    cards, moves = frames
    labels = LABELS | {"screened": '=HYPERLINK("http://evil","x")'}
    f = ats.funnel(cards, moves, ORDER, labels)
    t = ats.time_in_stage(cards, moves, ORDER, labels, NOW)
    c = ats.characteristics(_bands([25] * 10 + [45] * 3))
    table = ats.report_table(f, t, ats.by_source(cards), c, ats.trend(cards, moves))
    assert set(table["표"]) >= {"단계별 전환", "단계별 머문 기간", "지원 경로", "지원자 특성: 연령대", "기간별 추이"}
    age = table[table["표"] == "지원자 특성: 연령대"]
    assert (age.loc[age["항목"] == "40대", "값"] == ats.HIDDEN).all()
    text = csv_bytes(table, "시험(기업)").decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
