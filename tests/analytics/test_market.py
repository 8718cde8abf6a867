"""Analytics against hand-computed answers on a tiny fixture that goes through the real fact SQL."""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest

from analytics import market, postings
from analytics.filters import FilterError, MarketFilter
from data_catalog.warehouse import refresh_derived


def _posting(
    pid,
    day,
    sgg,
    wage_manwon,
    openings=1,
    status="closed_unfilled",
    fill_days=None,
    keco="5501",
    contract="permanent",
    section="Q",
    size="5-29",
):
    posted = pd.Timestamp(day)
    return {
        "posting_id": pid,
        "firm_id": 1,
        "posted_date": posted,
        "closing_date": posted + pd.Timedelta(days=30),
        "sido_code": sgg[:2],
        "sigungu_code": sgg,
        "keco_code": keco,
        "ksic_section": section,
        "size_band": size,
        "contract_type": contract,
        "openings": openings,
        "wage_monthly_krw": wage_manwon * 10_000,
        "wage_type": "monthly",
        "wage_amount": wage_manwon * 10_000,
        "weekly_hours": 40.0,
        "title": "t",
        "status": status,
        "filled_date": posted + pd.Timedelta(days=fill_days) if fill_days is not None else pd.NaT,
    }


@pytest.fixture(scope="module")
def con():
    p = pd.DataFrame(
        [
            # region A (11010), January 2025: wages 200..240, openings 8, 2 filled (10 and 20 days), 1 open
            _posting(1, "2025-01-03", "11010", 200, 1, "filled", 10),
            _posting(2, "2025-01-10", "11010", 210, 2, "filled", 20),
            _posting(3, "2025-01-15", "11010", 220, 1),
            _posting(4, "2025-01-20", "11010", 230, 1),
            _posting(5, "2025-01-25", "11010", 240, 3, "open"),
            # region A, March: part-time, other occupation — outside the January period
            _posting(6, "2025-03-02", "11010", 300, 1, contract="part_time", keco="6152", section="G"),
            # region B (26010): only 3 postings → suppressed at MIN_CELL = 5
            _posting(7, "2025-01-05", "26010", 250),
            _posting(8, "2025-01-06", "26010", 260),
            _posting(9, "2025-02-07", "26010", 270, keco="6152", section="G", size="300+"),
        ]
    )
    s = pd.DataFrame(
        {
            "seeker_id": [1, 2, 3, 4, 5, 6, 7],
            "registered_date": pd.to_datetime(
                ["2025-01-02", "2025-01-09", "2025-01-16", "2025-01-23", "2024-11-15", "2024-06-01", "2024-12-01"]
            ),
            "sido_code": ["11"] * 7,
            "sigungu_code": ["11010"] * 7,
            "desired_keco_code": ["5501"] * 7,
            "desired_wage_krw": [2_500_000, 2_600_000, 2_700_000, 2_800_000, 3_000_000, 3_000_000, 3_000_000],
        }
    )
    o = pd.DataFrame(
        {
            "seeker_id": [1, 2, 3, 4, 5, 6, 7],
            "employed_date": pd.to_datetime([None, None, None, None, None, None, "2024-12-20"]),
        }
    )
    c = _warehouse(p, s, o)
    yield c
    c.close()


def _warehouse(p: pd.DataFrame, s: pd.DataFrame, o: pd.DataFrame) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse with these postings, seekers and outcomes, and its derived tables."""
    c = duckdb.connect()
    occ = pd.DataFrame({"keco_code": ["5501", "6152"], "name_ko": ["요양보호사", "상점 판매원"]})
    for name, df in {"postings": p, "seekers": s, "seeker_outcomes": o, "ref_occupation": occ}.items():
        c.register("_df", df)
        c.execute(f"CREATE TABLE {name} AS SELECT * FROM _df")
        c.unregister("_df")
    c.execute("CREATE TABLE firms AS SELECT 1 AS firm_id, '테스트' AS firm_name, 10 AS employees")
    c.execute(
        "CREATE TABLE ref_sigungu AS SELECT '11010' AS sigungu_code, '종로구' AS sigungu_name_ko, '서울특별시' AS "
        "sido_name_ko"
    )
    refresh_derived(c)
    return c


JAN = MarketFilter(date(2025, 1, 1), date(2025, 1, 31))


def test_posting_metrics_by_sigungu(con):
    df = market.market_metrics(con, JAN, "sigungu", min_cell=1).set_index("region")
    a = df.loc["11010"]
    assert a["new_postings"] == 5
    assert a["openings"] == 8
    assert (a["wage_p25"], a["wage_median"], a["wage_p75"]) == (2_100_000, 2_200_000, 2_300_000)
    assert a["fill_rate"] == pytest.approx(2 / 4)  # open posting excluded from the denominator
    assert a["days_to_fill"] == 10  # inverted-CDF median of [10, 20]


def test_seeker_metrics_and_ratio(con):
    a = market.market_metrics(con, JAN, "sigungu", min_cell=1).set_index("region").loc["11010"]
    assert a["new_seekers"] == 4
    assert a["active_seekers"] == 5  # + the one registered 2024-11-15, still searching in January
    assert a["desired_wage_median"] == 2_600_000
    assert a["vacancy_ratio"] == pytest.approx(8 / 4)
    assert a["wage_gap"] == 2_600_000 - 2_200_000


def test_small_cells_are_suppressed(con):
    df = market.market_metrics(con, JAN, "sigungu").set_index("region")
    b = df.loc["26010"]
    assert b["suppressed_postings"] and b["suppressed_seekers"]
    assert pd.isna(b["new_postings"]) and pd.isna(b["openings"]) and pd.isna(b["wage_median"])
    assert market.suppressed_count(df.reset_index(), "wage_median") == 1
    # region A has 5 postings: shown; fill rate needs 5 closed postings, so it is hidden
    assert not df.loc["11010", "suppressed_postings"] and pd.isna(df.loc["11010", "fill_rate"])


def test_filters_period_occupation_industry_size_contract(con):
    q1 = MarketFilter(date(2025, 1, 1), date(2025, 3, 1))
    by = lambda f: market.market_metrics(con, f, "sido", min_cell=1).set_index("region")  # noqa: E731
    assert by(q1).loc["11", "new_postings"] == 6
    assert by(MarketFilter(q1.start, q1.end, occ_level="detailed", occ_code="6152")).loc["11", "new_postings"] == 1
    assert by(MarketFilter(q1.start, q1.end, occ_level="major", occ_code="5")).loc["11", "openings"] == 8
    assert by(MarketFilter(q1.start, q1.end, ksic_sections=("G",))).loc["26", "new_postings"] == 1
    big = by(MarketFilter(q1.start, q1.end, size_bands=("300+",)))
    assert big["new_postings"].fillna(0).to_dict() == {"11": 0, "26": 1}  # seekers keep region 11 in the frame
    pt = by(MarketFilter(q1.start, q1.end, contract_types=("part_time",)))
    assert pt.loc["11", "wage_median"] == 3_000_000
    nat = market.market_metrics(con, q1, None, min_cell=1).iloc[0]
    assert nat["new_postings"] == 9 and nat["region"] == "00"


def test_trend_top_occupations_and_distribution(con):
    q1 = MarketFilter(date(2025, 1, 1), date(2025, 3, 1))
    tr = market.monthly_trend(con, q1, "sido", "11")
    assert tr["new_postings"].tolist() == [5, 1]
    assert tr["new_seekers"].tolist() == [4, 0]
    top = market.top_occupations(con, q1, "sido", "11")
    assert top.iloc[0]["occupation_ko"] == "요양보호사" and top.iloc[0]["openings"] == 8
    assert len(top) == 1  # 상점 판매원 has 1 posting in Seoul: below the cell minimum
    dist = market.wage_distribution(con, JAN, "sigungu", "11010", bin_manwon=20)
    assert dist.set_index("bin_manwon")["region_n"].to_dict() == {200: 2, 220: 2, 240: 1, 260: 0}
    assert dist["nation_share"].sum() == pytest.approx(1.0)


def test_wage_benchmark_and_search(con):
    b = postings.wage_benchmark(con, JAN, level="sigungu", region="11010", offer=2_200_000)
    assert b["n"] == 5 and b["median"] == 2_200_000
    assert b["offer_percentile"] == pytest.approx((2 + 0.5) / 5)
    found = postings.search(con, JAN, level="sigungu", region="11010", status=("filled",))
    assert sorted(found["posting_id"]) == [1, 2]


def test_wage_quintiles_keep_equal_wages_together():
    # 10 offers, six of them exactly at one wage: ntile(5) would split that tie over three quintiles
    wages = [200, 209, 209, 209, 209, 209, 209, 230, 250, 300]
    p = pd.DataFrame(
        [
            _posting(i, "2025-01-10", "11010", w, 1, "filled" if i % 2 else "closed_unfilled", 10)
            for i, w in enumerate(wages, start=1)
        ]
    )
    s = pd.DataFrame(
        {
            "seeker_id": [1],
            "registered_date": pd.to_datetime(["2025-01-02"]),
            "sido_code": ["11"],
            "sigungu_code": ["11010"],
            "desired_keco_code": ["5501"],
            "desired_wage_krw": [2_500_000],
        }
    )
    c = _warehouse(p, s, pd.DataFrame({"seeker_id": [1], "employed_date": pd.to_datetime([None])}))
    q = postings.fill_by_wage_quintile(c, JAN)
    assert q["n"].sum() == len(wages)
    assert (q["wage_to"].to_numpy()[:-1] < q["wage_from"].to_numpy()[1:]).all()  # ranges never overlap
    tie = q[(q["wage_from"] <= 2_090_000) & (q["wage_to"] >= 2_090_000)]
    assert len(tie) == 1 and tie["n"].item() >= 6  # the whole tie in one quintile
    assert q["quintile"].tolist() == sorted(q["quintile"]) and q["quintile"].between(1, 5).all()


@pytest.mark.parametrize("wages", [[250], [230] * 7])
def test_wage_quintiles_with_one_posting_or_one_wage(wages):
    p = pd.DataFrame([_posting(i, "2025-01-10", "11010", w, 1, "filled", 10) for i, w in enumerate(wages, start=1)])
    s = pd.DataFrame(
        {
            "seeker_id": [1],
            "registered_date": pd.to_datetime(["2025-01-02"]),
            "sido_code": ["11"],
            "sigungu_code": ["11010"],
            "desired_keco_code": ["5501"],
            "desired_wage_krw": [2_500_000],
        }
    )
    c = _warehouse(p, s, pd.DataFrame({"seeker_id": [1], "employed_date": pd.to_datetime([None])}))
    q = postings.fill_by_wage_quintile(c, JAN)
    assert q[["quintile", "n", "n_closed", "n_filled"]].values.tolist() == [[1, len(wages), len(wages), len(wages)]]
    assert q["fill_rate"].item() == 1.0 and q["wage_from"].item() == q["wage_to"].item() == wages[0] * 10_000


def test_invalid_filters_raise_korean_errors():
    with pytest.raises(FilterError, match="기간"):
        MarketFilter(date(2025, 3, 1), date(2025, 1, 1))
    with pytest.raises(FilterError, match="형식"):
        MarketFilter(date(2025, 1, 1), date(2025, 3, 1), occ_level="major", occ_code="12")
    with pytest.raises(FilterError):
        market.posting_metrics(duckdb.connect(), JAN, "dong")


def _assert_cube_equals_fact(con, metrics, f, level):
    a = metrics(con, f, level, use_cube=True).sort_values("region").reset_index(drop=True)
    b = metrics(con, f, level, use_cube=False).sort_values("region").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


@pytest.mark.parametrize(
    ("metrics", "f"),
    [
        (market.posting_metrics, JAN),
        (market.posting_metrics, MarketFilter(date(2025, 1, 1), date(2025, 3, 1), occ_level="major", occ_code="5")),
        (market.seeker_metrics, JAN),
        (market.seeker_metrics, MarketFilter(date(2024, 12, 1), date(2025, 2, 1), occ_level="major", occ_code="5")),
    ],
)
def test_cube_and_fact_paths_agree(con, metrics, f):
    for level in ("sido", "sigungu", None):
        _assert_cube_equals_fact(con, metrics, f, level)


@pytest.mark.parametrize(
    ("metrics", "f"),
    [
        (market.posting_metrics, MarketFilter(date(2025, 11, 1), date(2026, 10, 1))),
        (market.seeker_metrics, MarketFilter(date(2025, 6, 1), date(2026, 3, 1))),
    ],
)
def test_cube_and_fact_paths_agree_on_the_small_world(small_con, metrics, f):
    _assert_cube_equals_fact(small_con, metrics, f, "sigungu")


def test_wage_quantiles_equal_the_inverted_cdf_computed_directly(small_con):
    """The two-level histogram quantiles equal the textbook inverted-CDF quantile on the raw rows."""
    f = MarketFilter(date(2025, 3, 1), date(2026, 2, 1))
    got = market.posting_metrics(small_con, f, "sigungu").set_index("region")
    raw = small_con.execute(
        "SELECT sigungu_code, wage_manwon FROM fact_posting WHERE month BETWEEN ? AND ?",
        [date(2025, 3, 1), date(2026, 2, 1)],
    ).df()
    checked = 0
    for region, g in raw.groupby("sigungu_code"):
        v = np.sort(g["wage_manwon"].to_numpy())
        for q, col in ((0.25, "wage_p25"), (0.5, "wage_median"), (0.75, "wage_p75")):
            expect = v[int(np.ceil(q * len(v))) - 1] * 10_000
            assert got.loc[region, col] == expect, (region, q)
        checked += 1
    assert checked > 100
