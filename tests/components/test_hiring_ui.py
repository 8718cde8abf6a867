"""How an offer's place in its local market is written."""

from __future__ import annotations

from components.hiring_ui import percentile_text


def test_percentile_reads_from_the_nearer_end():
    assert percentile_text(None) == "비교 공고 부족"
    assert percentile_text(0.8) == "상위 20%" and percentile_text(0.3) == "하위 30%"
    assert percentile_text(1.0) == "상위 1%" and percentile_text(0.0) == "하위 1%"
