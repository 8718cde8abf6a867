"""Jobs map: level and metric, drill-down, filters, bad URL parameters, a missing warehouse."""

from __future__ import annotations

from tests.pages.apptest import assert_renders, open_page


def test_renders(app_env):
    assert_renders("jobs_map", "대한민국 일자리 맵")


def test_map_level_metric_and_drilldown(app_env):
    at = open_page("jobs_map")
    at.selectbox(key="map_metric").select("vacancy_ratio").run()
    at.radio(key="map_level").set_value("sigungu").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "구인배수(배)" in table.columns and len(table) == 229
    at.selectbox(key="map_region_sigungu").select("11010").run()
    assert not at.exception
    assert at.subheader[0].value.startswith("서울 종로구")
    assert len(at.get("plotly_chart")) >= 4
    assert at.query_params["region"] == ["11010"] or at.query_params["region"] == "11010"


def test_map_filters_change_the_numbers(app_env):
    at = open_page("jobs_map")
    before = at.dataframe[0].value["신규 구인인원(명)"].sum()
    at.selectbox(key="map_major").select("8").run()
    after = at.dataframe[0].value["신규 구인인원(명)"].sum()
    assert 0 < after < before
    at.multiselect(key="map_contract").select("part_time").run()
    assert not at.exception
    assert not any("구직자 지표" in i.value for i in at.info)  # posting metric: no caveat needed
    at.selectbox(key="map_metric").select("new_seekers").run()
    assert any("구직자 지표에는" in i.value for i in at.info)  # seekers have no contract type: say so


def test_map_bad_query_params_warn_and_keep_valid_ones(app_env):
    at = open_page("jobs_map", {"level": "sigungu", "metric": "no_such", "start": "1999-01"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "metric" in warnings and "start" in warnings
    assert at.radio(key="map_level").value == "sigungu"


def test_missing_warehouse_gives_korean_error_not_a_crash(tmp_path, monkeypatch):
    monkeypatch.setenv("GOYONG_DATA_DIR", str(tmp_path))
    at = open_page("jobs_map")
    assert not at.exception
    assert "make run" in at.error[0].value
