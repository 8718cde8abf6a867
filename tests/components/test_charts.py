"""Charts whose content users read numbers off: the caseload comparison and the employer wage-fill bars."""

import pandas as pd

from components import charts, employ_ui


def test_comparison_rows_carry_the_probability_and_the_legend_sits_above():
    contrib = pd.DataFrame({"나이": [-3.0, 1.5], "구직 기간(등록 시)": [-1.0, -2.5]}, index=["구직자 7", "구직자 9"])
    fig = employ_ui.comparison(contrib, pd.Series({"구직자 7": 0.214, "구직자 9": 0.6}), "비교")
    assert [t.name for t in fig.data] == list(contrib.columns)  # one stacked bar series per factor
    assert list(fig.data[0].y) == ["구직자 7 · 취업확률 21%", "구직자 9 · 취업확률 60%"]
    assert list(fig.data[1].x) == [-1.0, -2.5] and fig.layout.barmode == "relative"
    assert fig.layout.legend.y >= 1.0 and fig.layout.legend.yanchor == "bottom"  # never over the axis title


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
