"""Rule answers: minimum wage by hour/day/week/month/year, 주휴, weekly hour limits, each with its articles."""

from __future__ import annotations

from datetime import date

import pytest

from data_catalog import reference
from models.qa import calculator, corpus

TODAY = date(2026, 12, 1)


def test_minimum_wage_for_the_asked_year_at_209_hours():
    c = calculator.calculate("2026년 최저임금 월급으로 얼마예요?", TODAY)
    assert c.figures["hourly"] == 10_320 and c.figures["monthly_209h"] == 10_320 * 209 == 2_156_880
    assert "2,156,880원" in c.text and "82,560원" in c.text  # a day at 8 h
    assert f"{2_156_880 * 12:,}원" in c.text
    c24 = calculator.calculate("작년 최저시급 얼마였죠", TODAY)
    assert c24.figures["year"] == 2025 and c24.figures["hourly"] == reference.MINIMUM_WAGE_HOURLY[2025]


def test_a_year_not_yet_published_says_so_and_uses_the_latest():
    c = calculator.calculate("내년 최저임금 얼마", TODAY)
    assert "2027년 최저임금은 보유 자료에 아직 없습니다" in c.text and c.figures["year"] == 2026


def test_part_time_monthly_minimum_is_pro_rata_with_holiday_pay():
    c = calculator.calculate("하루 4시간 주 5일 일하면 최저임금 월급 얼마", TODAY)
    assert c.figures["monthly_for_hours"] == reference.minimum_monthly_pay(2026, 20) == round(10_320 * 209 / 2)


@pytest.mark.parametrize(
    ("question", "pay"),
    [
        ("시급 1만 2천원 주 20시간이면 주휴수당 얼마", 48_000),  # 20/40 × 8 h × 12,000
        ("주휴수당 주 12시간 일하면?", 0),  # under 15 h: none
        ("시급 12,000원 주 40시간 주휴 얼마", 96_000),
    ],
)
def test_weekly_holiday_pay(question, pay):
    c = calculator.calculate(question, TODAY)
    assert c.figures["weekly_holiday_pay"] == pay
    assert "근로기준법 제55조" in c.cites and "근로기준법 제18조" in c.cites


def test_weekly_hour_limits():
    c = calculator.calculate("주52시간 넘게 일해도 되나요", TODAY)
    assert c.figures["max_week"] == 52 and c.cites == calculator.HOURS_CITES
    assert "상시 4명 이하" in c.text and "근로기준법 제11조" in c.cites  # the limit does not bind the smallest firms


def test_no_rule_without_its_intent():
    for q in (
        "수습 기간에는 최저임금보다 적게 줘도 되나요?",
        "면접에서 결혼했냐고 물으면 불법인가요?",
        "오늘 날씨 어때",
        "최저임금 위반하면 벌금 얼마예요?",  # a penalty: the articles answer it, not the rate table
        "식대도 최저임금 계산에 들어가요?",
        "파견직은 최대 몇 년까지 일할 수 있어요?",  # not the weekly hour limit
        "실업급여 최대 며칠 받아요?",
    ):
        assert calculator.calculate(q, TODAY) is None, q


def test_an_amount_is_not_read_as_a_year():
    c = calculator.calculate("시급 12000원이면 최저임금 월급으로 얼마예요", TODAY)
    assert c.figures["year"] == 2026 and "2000년" not in c.text


def test_hours_beyond_40_are_overtime_on_top():
    c = calculator.calculate("주 52시간 일하면 최저임금 월급 얼마", TODAY)
    assert c.figures["monthly_for_hours"] == reference.minimum_pay_for_hours(2026, 52) and "연장근로" in c.text


@pytest.mark.parametrize(
    ("text", "won"), [("12,000원", 12_000), ("1만 2천원", 12_000), ("1.2만원", 12_000), ("9천원", 9_000), ("만", None)]
)
def test_amounts(text, won):
    assert calculator.parse_amount(text) == won


def test_every_cited_rule_article_is_in_the_corpus():
    docs = set(corpus.chunks().doc_id)
    for cites in (calculator.MIN_WAGE_CITES, calculator.HOLIDAY_CITES, calculator.HOURS_CITES):
        assert set(cites) <= docs
