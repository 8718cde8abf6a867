"""Analytics against hand-computed answers on a tiny fixture that goes through the real fact SQL."""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest

from analytics import market
from analytics.filters import FilterError, MarketFilter
from tests.analytics.conftest import JAN


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
        "SELECT sigungu_code, wage_manwon FROM fact_posting WHERE month BETWEEN ? AND ? AND wage_valid",
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
