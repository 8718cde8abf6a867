"""AppTest smoke tests for every page, plus the interactions a user relies on."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_catalog.reference import minimum_monthly_pay, minimum_wage, wage_year

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
PAGES = {
    "pages/policy_home.py": "고용AI 정책 홈",
    "pages/policy_jobs_map.py": "대한민국 일자리 맵",
    "pages/seeker_interest_test.py": "직업흥미검사",
    "pages/seeker_market.py": "내 지역 일자리 현황",
    "pages/seeker_outlook.py": "나의 취업 전망",
    "pages/counselor_caseload.py": "상담사 사례 관리",
    "pages/model_card.py": "모델 카드",
    "pages/seeker_training.py": "직업훈련 과정 찾기",
    "pages/employer_benchmark.py": "임금·충원 벤치마크",
    "pages/counselor_postings.py": "구인공고 검색",
    "pages/data_catalog.py": "데이터 카탈로그",
    "pages/data_import.py": "데이터 가져오기",
}


def open_page(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(page).run()
    return at


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_without_exception(app_env, page):
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert PAGES[page] in at.title[0].value
    assert not at.error


def test_navigation_is_grouped_by_role():
    src = Path(APP).read_text(encoding="utf-8")
    for role in ("구직자", "기업", "상담사", "정책·분석", "데이터"):
        assert f'"{role}"' in src


def test_map_level_metric_and_drilldown(app_env):
    at = open_page("pages/policy_jobs_map.py")
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
    at = open_page("pages/policy_jobs_map.py")
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
    at = open_page("pages/policy_jobs_map.py", {"level": "sigungu", "metric": "no_such", "start": "1999-01"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "metric" in warnings and "start" in warnings
    assert at.radio(key="map_level").value == "sigungu"


def test_catalog_marks_truth_tables(app_env):
    at = open_page("pages/data_catalog.py")
    overview = at.dataframe[0].value
    assert {"postings", "truth.seeker_truth"} <= set(overview["테이블"])
    assert (overview.set_index("테이블").loc["postings", "행 수"]) > 0
    at.selectbox(key="cat_table").select("truth.seeker_truth").run()
    assert any("평가 전용" in w.value for w in at.warning)


def test_employer_minimum_wage_warning(app_env):
    at = open_page("pages/employer_benchmark.py")
    year, hourly = minimum_wage(wage_year())  # the rate the page applies today
    at.number_input(key="em_offer").set_value(150).run()
    assert not at.exception
    assert any(f"{year}년 최저임금" in e.value and f"시급 {hourly:,}원, 주휴수당 포함" in e.value for e in at.error)
    at.number_input(key="em_hours").set_value(20).run()  # 150만원 for 20 h/week is above the floor (≈ 108만원)
    assert not at.exception and not any("최저임금" in e.value for e in at.error)
    # under 15 h/week there is no 주휴수당: the floor is 12 h × 365/7/12 weeks × rate (≈ 53.8만원 in 2026)
    at.number_input(key="em_hours").set_value(12).run()
    floor = minimum_monthly_pay(year, 12)
    assert floor == round(hourly * 12 * 365 / 7 / 12)
    for offer in (floor // 10_000, floor // 10_000 + 1):
        at.number_input(key="em_offer").set_value(offer).run()
        warned = [e.value for e in at.error if "최저임금" in e.value]
        assert bool(warned) == (offer * 10_000 < floor) and all("주휴수당 없음" in w for w in warned)


def test_seeker_page_wish_wage(app_env):
    at = open_page("pages/seeker_market.py")
    at.number_input(key="sk_wish").set_value(250).run()
    assert not at.exception
    assert any("희망 월급" in i.value for i in at.info)


def test_missing_warehouse_gives_korean_error_not_a_crash(tmp_path, monkeypatch):
    monkeypatch.setenv("GOYONG_DATA_DIR", str(tmp_path))
    at = open_page("pages/policy_jobs_map.py")
    assert not at.exception
    assert "make run" in at.error[0].value


def test_jobs_and_training_pages_accept_an_occupation_link(app_env):
    at = open_page("pages/seeker_training.py", {"occ": "5501"})
    assert not at.exception and at.selectbox(key="tr_detailed").value == "5501"
    at = open_page("pages/seeker_market.py", {"occ": "9999"})
    assert not at.exception and any("찾을 수 없어" in w.value for w in at.warning)
