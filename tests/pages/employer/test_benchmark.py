"""Employer benchmark: the minimum-wage check by weekly hours."""

from __future__ import annotations

from data_catalog.reference import minimum_monthly_pay, minimum_wage, wage_year
from tests.pages.apptest import assert_renders, identity_for, open_page


def test_renders(app_env):
    assert_renders("benchmark", "임금·충원 벤치마크")


def test_employer_minimum_wage_warning(app_env):
    at = open_page("benchmark")
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


def test_an_employer_sees_only_their_own_firms_postings(app_env, small_con):
    firm = identity_for("employer").org
    at = open_page("benchmark")
    own = at.dataframe[0].value
    expected = small_con.execute("SELECT count(*) FROM postings WHERE firm_id = ?", [int(firm)]).fetchall()[0][0]
    assert not at.exception and len(own) == min(expected, 200) and expected > 0
    names = small_con.execute("SELECT DISTINCT firm_name FROM firms WHERE firm_id = ?", [int(firm)]).fetchall()
    assert {own["사업체"].iloc[0]} == {names[0][0]}
    assert set(own["사업체"]) == {names[0][0]}


def test_a_counsellor_on_the_benchmark_sees_no_firms_postings(app_env):
    at = open_page("benchmark", role="counsellor")  # a counsellor's organisation is a centre code, not a firm
    assert not at.exception and not any("우리 사업체의 공고" in e.label for e in at.expander)
