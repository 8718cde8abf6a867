"""Employer what-if page: renders with the firm's defaults, answers a target, refuses a wage below the minimum."""

from __future__ import annotations

from data_catalog.reference import minimum_monthly_pay, wage_year
from tests.pages.apptest import assert_renders, open_page


def test_renders(app_env):
    at = assert_renders("hiring", "충원 가능성 진단")
    assert any("충원확률" in m.label for m in at.metric)


def test_a_target_gets_the_smallest_changes_or_a_plan(app_env):
    at = open_page("hiring")
    at.slider(key="hp_target").set_value(90).run()
    assert not at.exception
    text = (
        " ".join(m.value for m in at.markdown)
        + " ".join(i.value for i in at.info)
        + " ".join(s.value for s in at.success)
    )
    assert "충원확률" in text or "찾지 못했습니다" in text


def test_a_wage_below_the_minimum_is_a_korean_error_and_nothing_is_scored(app_env):
    at = open_page("hiring")
    floor = minimum_monthly_pay(wage_year(), 40) // 10_000
    at.number_input(key="hp_wage").set_value(floor - 20).run()
    assert not at.exception
    assert any("최저임금" in e.value for e in at.error) and not at.metric


def test_a_counsellor_can_try_conditions_without_a_firm(app_env):
    at = open_page("hiring", role="counsellor")
    assert not at.exception and not at.error and not any("우리 사업체" in c.value for c in at.caption)
