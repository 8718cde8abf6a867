"""Data catalog: tables, truth tables marked, Korean labels of coded values."""

from __future__ import annotations

from tests.pages.apptest import assert_renders, open_page


def test_renders(app_env):
    assert_renders("catalog", "데이터 카탈로그")


def test_catalog_marks_truth_tables(app_env):
    at = open_page("catalog")
    overview = at.dataframe[0].value
    assert {"postings", "truth.seeker_truth"} <= set(overview["테이블"])
    assert (overview.set_index("테이블").loc["postings", "행 수"]) > 0
    at.selectbox(key="cat_table").select("truth.seeker_truth").run()
    assert any("평가 전용" in w.value for w in at.warning)
