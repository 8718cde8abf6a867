"""A hand-built two-region world for the analytics tests (known counts, wages and fills)."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from analytics.filters import MarketFilter
from data_catalog.warehouse import refresh_derived


def posting(
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
            posting(1, "2025-01-03", "11010", 200, 1, "filled", 10),
            posting(2, "2025-01-10", "11010", 210, 2, "filled", 20),
            posting(3, "2025-01-15", "11010", 220, 1),
            posting(4, "2025-01-20", "11010", 230, 1),
            posting(5, "2025-01-25", "11010", 240, 3, "open"),
            # region A, March: part-time, other occupation — outside the January period
            posting(6, "2025-03-02", "11010", 300, 1, contract="part_time", keco="6152", section="G"),
            # region B (26010): only 3 postings → suppressed at MIN_CELL = 5
            posting(7, "2025-01-05", "26010", 250),
            posting(8, "2025-01-06", "26010", 260),
            posting(9, "2025-02-07", "26010", 270, keco="6152", section="G", size="300+"),
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
    c = warehouse(p, s, o)
    yield c
    c.close()


def warehouse(p: pd.DataFrame, s: pd.DataFrame, o: pd.DataFrame) -> duckdb.DuckDBPyConnection:
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
