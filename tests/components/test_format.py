"""Korean formatting of numbers and dates (만원, 명, %, YYYY-MM-DD) and ranges that survive Markdown."""

import pandas as pd

from components import format as fmt


def test_korean_formatting():
    assert fmt.manwon(3_120_000) == "312만원"
    assert fmt.won(10_320) == "10,320원"
    assert fmt.pct(0.523) == "52.3%"
    assert fmt.ratio(1.234) == "1.23배"
    assert fmt.ymd(pd.Timestamp("2026-03-05")) == "2026-03-05"
    assert fmt.signed_manwon(-250_000) == "-25만원"
    assert fmt.manwon(None) == "—" and fmt.people(float("nan")) == "—"
    assert fmt.metric_value("fill_rate", 0.5) == "50.0%" and fmt.metric_value("vacancy_ratio", 2) == "2.00배"


def test_periods_and_ranges_never_use_a_tilde():
    # two '~' in one Markdown text strike the words between them through
    assert fmt.period(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-01")) == "2025-01 – 2025-12"
    assert fmt.period(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-12-31"), fmt.ymd) == "2025-01-01 – 2025-12-31"
    assert fmt.manwon_range(2_160_000, 3_900_000) == "216–390만원" and fmt.manwon_range(None, 1) == "—"
