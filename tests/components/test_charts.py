"""Charts users read numbers off: wage-fill bars and month axes labelled in Korean style."""

import pandas as pd

from components import charts


def test_fill_by_wage_applies_the_small_cell_rule_to_closed_and_filled_postings():
    q = pd.DataFrame(
        {
            "quintile": [1, 4, 5],
            "wage_from": [2_000_000, 2_300_000, 2_500_000],
            "wage_to": [2_090_000, 2_300_000, 3_000_000],
            "n": [70, 30, 20],
            "n_closed": [60, 3, 10],
            "n_filled": [30, 0, 4],
            "fill_rate": [0.5, 0.0, 0.4],
            "days_to_fill": [10.0, None, 12.0],
        }
    )
    fig, note = charts.fill_by_wage(q, min_cell=5)
    assert list(fig.data[0].x) == ["200만원~209만원", "250만원~300만원"]  # 30 postings but only 3 closed: no rate
    assert list(fig.data[0].y) == [50.0, 40.0]
    assert [c[0] for c in fig.data[0].customdata] == ["10일", "—"]  # 4 filled: no median days
    assert "3개 구간" in note and "5건 미만인 1개 구간" in note


def test_month_axes_read_yyyy_mm_not_month_names():
    months = pd.date_range("2025-01-01", periods=3, freq="MS")
    df = pd.DataFrame(
        {
            "month": months,
            "openings": [1, 2, 3],
            "new_seekers": [3, 2, 1],
            "vacancy_ratio": [0.3, 1, 3],
            "wage_median": [2_500_000, 2_600_000, 2_700_000],
        }
    )
    for fig in (charts.trend(df, "t"), charts.wage_trend(df, "w", df)):
        axis = fig.layout.xaxis
        assert axis.type == "date" and axis.tickformat == "%Y-%m" and axis.hoverformat == "%Y-%m"
        assert axis.title.text == "월" and axis.dtick == "M1"  # three months: one tick each, no repeated label
    long = pd.DataFrame(
        {
            "month": pd.date_range("2024-11-01", periods=24, freq="MS"),
            "openings": 1,
            "new_seekers": 1,
            "vacancy_ratio": 1.0,
            "wage_median": 1.0,
        }
    )
    assert charts.trend(long, "t").layout.xaxis.dtick == "M3"
