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


def test_catalog_shows_each_columns_personal_data_class(app_env):
    at = open_page("catalog")
    overview = at.dataframe[0].value.set_index("테이블")
    assert {"식별자 열", "개인정보 열", "민감정보 열"} <= set(overview.columns)
    assert overview.loc["seekers", "민감정보 열"] == 3 and overview.loc["firms", "개인정보 열"] == 0
    assert overview.loc["quarantine", "개인정보 열"] >= 1  # the raw rows an import set aside
    at.selectbox(key="cat_table").select("seekers").run()
    cols = at.dataframe[1].value.set_index("열")["개인정보 구분"]
    assert (
        cols["gender"] == "민감정보(감사 전용)" and cols["seeker_id"] == "식별자" and cols["education"] == "해당 없음"
    )
    assert (at.dataframe[2].value["resume_text"] == "●●●").all()  # the sample hides what is about a person
    assert any("개인정보 구분" in c.value for c in at.caption)
    at.selectbox(key="cat_table").select("quarantine").run()
    assert any("개인정보" in w.value for w in at.warning)
    assert at.dataframe[1].value.set_index("열").loc["raw_json", "개인정보 구분"] == "개인정보"
