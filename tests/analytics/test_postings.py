"""Posting search, the wage benchmark and fill rates by wage group."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import postings
from tests.analytics.conftest import JAN, posting, warehouse


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
            posting(i, "2025-01-10", "11010", w, 1, "filled" if i % 2 else "closed_unfilled", 10)
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
    c = warehouse(p, s, pd.DataFrame({"seeker_id": [1], "employed_date": pd.to_datetime([None])}))
    q = postings.fill_by_wage_quintile(c, JAN)
    assert q["n"].sum() == len(wages)
    assert (q["wage_to"].to_numpy()[:-1] < q["wage_from"].to_numpy()[1:]).all()  # ranges never overlap
    tie = q[(q["wage_from"] <= 2_090_000) & (q["wage_to"] >= 2_090_000)]
    assert len(tie) == 1 and tie["n"].item() >= 6  # the whole tie in one quintile
    assert q["quintile"].tolist() == sorted(q["quintile"]) and q["quintile"].between(1, 5).all()


@pytest.mark.parametrize("wages", [[250], [230] * 7])
def test_wage_quintiles_with_one_posting_or_one_wage(wages):
    p = pd.DataFrame([posting(i, "2025-01-10", "11010", w, 1, "filled", 10) for i, w in enumerate(wages, start=1)])
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
    c = warehouse(p, s, pd.DataFrame({"seeker_id": [1], "employed_date": pd.to_datetime([None])}))
    q = postings.fill_by_wage_quintile(c, JAN)
    assert q[["quintile", "n", "n_closed", "n_filled"]].values.tolist() == [[1, len(wages), len(wages), len(wages)]]
    assert q["fill_rate"].item() == 1.0 and q["wage_from"].item() == q["wage_to"].item() == wages[0] * 10_000
