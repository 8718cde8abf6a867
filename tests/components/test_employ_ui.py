"""The caseload comparison chart: the probability in each row label, the legend above the bars."""

import pandas as pd

from components import employ_ui


def test_comparison_rows_carry_the_probability_and_the_legend_sits_above():
    contrib = pd.DataFrame({"나이": [-3.0, 1.5], "구직 기간(등록 시)": [-1.0, -2.5]}, index=["구직자 7", "구직자 9"])
    fig = employ_ui.comparison(contrib, pd.Series({"구직자 7": 0.214, "구직자 9": 0.6}), "비교")
    assert [t.name for t in fig.data] == list(contrib.columns)  # one stacked bar series per factor
    assert list(fig.data[0].y) == ["구직자 7 · 취업확률 21%", "구직자 9 · 취업확률 60%"]
    assert list(fig.data[1].x) == [-1.0, -2.5] and fig.layout.barmode == "relative"
    assert fig.layout.legend.y >= 1.0 and fig.layout.legend.yanchor == "bottom"  # never over the axis title
