"""Exact answers for the questions a rule answers better than any text: minimum-wage amounts, 주휴, weekly hours.

The figures come from the same reference data the posting checker and the generator use
(`data_catalog.reference`: the 최저임금위원회 rates, 209 paid hours a month at 40 h, pro rata from 15 h a week, none
under 15 h), and each answer names the articles it rests on (`Calc.cites`, "short article" ids), which the answerer
adds to what it retrieved, so a figure is never quoted without its article.

A rule fires only on an explicit intent ("최저임금"/"최저시급", "주휴", "주 52시간"/"연장근로 한도"); anything else is
left to retrieval. Amounts and hours are read from the question ("시급 12,000원", "1만 2천원", "주 20시간",
"하루 4시간 주 3일"); a year after the last published rate says so instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from data_catalog import reference

MIN_WAGE_CITES = ("최저임금법 제5조", "최저임금법 제10조", "최저임금법 시행령 제5조", "수치 최저임금")
HOLIDAY_CITES = ("근로기준법 제55조", "근로기준법 시행령 제30조", "근로기준법 제18조")
HOURS_CITES = ("근로기준법 제50조", "근로기준법 제53조", "근로기준법 제11조")
WEEK_LIMIT, DAY_LIMIT, OVERTIME_LIMIT = 40, 8, 12
"""근로기준법 제50조 (40 h a week, 8 h a day) and 제53조① (12 h of agreed overtime a week)."""

MIN_WAGE = re.compile(r"최저\s*(임금|시급|월급|일급|주급|연봉|급여)")
AMOUNT_ASKED = re.compile(r"얼마|몇\s*원|금액|환산|월급으로|월급은|일급|주급|연봉|시급은|시급이")
NOT_AN_AMOUNT = re.compile(r"벌금|과태료|처벌|위반|벌칙|산입|포함|수습|감액")
"""A question about a penalty, what counts towards the minimum or a probation cut is for the articles, not the table."""
HOLIDAY = re.compile(r"주\s*휴")
HOURS_LIMIT = re.compile(r"52\s*시간|연장\s*근로.{0,8}(한도|최대|몇\s*시간)|(최대|최장)\s*(몇\s*)?시간|몇\s*시간까지")
YEAR = re.compile(r"(?<![\d,.])(20\d\d)(?![\d,.])(?!\s*원)\s*년?")
HOURLY = re.compile(r"(?:시급|시간당|시간급)\s*(?:은|이|을|를|으로|이면)?\s*([\d,.]+\s*만?\s*[\d,]*\s*천?\s*원?)")
WEEKLY_HOURS = re.compile(r"(?:주|일주일에|1주에?|한\s*주에?)\s*(\d{1,2}(?:\.\d)?)\s*시간")
DAY_HOURS = re.compile(r"(?:하루|1일|일)\s*(\d{1,2}(?:\.\d)?)\s*시간")
DAYS_A_WEEK = re.compile(r"주\s*(\d)\s*일|일주일에\s*(\d)\s*일|(\d)\s*일\s*(?:근무|일해|출근)")


@dataclass
class Calc:
    text: str
    cites: tuple[str, ...]
    figures: dict[str, int | float] = field(default_factory=dict)


def won(x: float) -> str:
    return f"{round(x):,}원"


def parse_amount(text: str) -> int | None:
    """'12,000원', '1만 2천원', '1.2만원', '12000' → won; None when there is no number."""
    t = text.replace(",", "").replace(" ", "").rstrip("원")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)만(?:(\d+)천)?(\d+)?", t)
    if m:
        return round(float(m.group(1)) * 10_000 + int(m.group(2) or 0) * 1_000 + int(m.group(3) or 0))
    m = re.fullmatch(r"(\d+)천(\d+)?", t)
    if m:
        return int(m.group(1)) * 1_000 + int(m.group(2) or 0)
    m = re.fullmatch(r"\d+(?:\.\d+)?", t)
    return round(float(t)) if m else None


def weekly_hours(q: str) -> float | None:
    m = WEEKLY_HOURS.search(q)
    if m:
        return float(m.group(1))
    d, n = DAY_HOURS.search(q), DAYS_A_WEEK.search(q)
    if d and n:
        return float(d.group(1)) * int(next(g for g in n.groups() if g))
    return None


def asked_year(q: str, today: date) -> int:
    m = YEAR.search(q)
    if m:
        return int(m.group(1))
    if "내년" in q:
        return today.year + 1
    if "작년" in q or "지난해" in q:
        return today.year - 1
    return today.year


def minimum_wage_text(year: int) -> str:
    """The year's rate and its conversions, as the corpus's figure chunk and the calculator both state them."""
    hourly = reference.MINIMUM_WAGE_HOURLY[year]
    monthly = reference.minimum_monthly_wage(year)
    return (
        f"{year}년 최저임금은 시간급 {won(hourly)}입니다. 하루 8시간이면 일급 {won(hourly * DAY_LIMIT)}, "
        f"주 40시간 일하고 주휴수당을 받으면 주급 {won(hourly * (WEEK_LIMIT + DAY_LIMIT))}, 월 환산액은 주 40시간 "
        f"기준 {reference.MONTHLY_HOURS}시간(주휴 포함)으로 {won(monthly)}, 연 환산액은 {won(monthly * 12)}입니다."
    )


def minimum_wage(q: str, today: date) -> Calc:
    year = asked_year(q, today)
    latest = max(reference.MINIMUM_WAGE_HOURLY)
    if year not in reference.MINIMUM_WAGE_HOURLY:
        if year > latest:
            lead = f"{year}년 최저임금은 보유 자료에 아직 없습니다. 가장 최근 자료인 {latest}년 기준으로 안내합니다. "
        else:
            lead = f"{year}년 최저임금은 보유 자료에 없어 가장 가까운 연도 기준으로 안내합니다. "
        year = reference.minimum_wage(year)[0]
    else:
        lead = ""
    hourly = reference.MINIMUM_WAGE_HOURLY[year]
    monthly = reference.minimum_monthly_wage(year)
    text = lead + minimum_wage_text(year)
    h = weekly_hours(q)
    figures: dict[str, int | float] = {"year": year, "hourly": hourly, "monthly_209h": monthly}
    if h is not None and 0 < h < WEEK_LIMIT:
        pay = reference.minimum_monthly_pay(year, h)
        text += f" 주 {h:g}시간 일하면 최저 월 급여는 {won(pay)}입니다"
        text += (
            "(주휴 포함, 비례 계산)." if h >= reference.WEEKLY_HOLIDAY_MIN_HOURS else "(주 15시간 미만이라 주휴 없음)."
        )
        figures["monthly_for_hours"] = pay
    elif h is not None and h > WEEK_LIMIT:
        pay = reference.minimum_pay_for_hours(year, h)
        text += (
            f" 주 {h:g}시간이면 40시간을 넘는 {h - WEEK_LIMIT:g}시간은 연장근로입니다. 그 시간까지 최저임금으로 "
            f"치면 월 {won(pay)}이고, 연장근로에는 통상임금의 50% 이상을 더 줘야 합니다(가산분 별도)."
        )
        figures["monthly_for_hours"] = pay
    text += " 고시된 최저임금은 다음 해 1월 1일부터 효력이 생깁니다."
    return Calc(text, MIN_WAGE_CITES, figures)


def weekly_holiday(q: str, today: date) -> Calc:
    year = reference.minimum_wage(asked_year(q, today))[0]
    m = HOURLY.search(q)
    hourly = parse_amount(m.group(1)) if m else None
    basis = "" if hourly else f" ({year}년 최저임금 {won(reference.MINIMUM_WAGE_HOURLY[year])} 기준)"
    hourly = hourly or reference.MINIMUM_WAGE_HOURLY[year]
    h = weekly_hours(q)
    rule = (
        "주휴수당은 1주 소정근로일을 개근한 근로자에게 주는 유급휴일의 임금이며, 4주 동안을 평균한 1주 "
        "소정근로시간이 15시간 미만이면 주지 않아도 됩니다."
    )
    figures: dict[str, int | float] = {"hourly": hourly}
    if h is None:
        paid = DAY_LIMIT * hourly
        text = f"{rule} 주 40시간이면 하루치(8시간)로 {won(paid)}입니다{basis}. 주 40시간보다 적으면 비례해 줄어듭니다."
    elif h < reference.WEEKLY_HOLIDAY_MIN_HOURS:
        paid = 0
        text = f"{rule} 주 {h:g}시간은 15시간 미만이므로 주휴수당이 없습니다."
    else:
        hours = min(h, WEEK_LIMIT) / WEEK_LIMIT * DAY_LIMIT
        paid = hours * hourly
        text = f"{rule} 주 {h:g}시간이면 주휴 {hours:g}시간분으로 한 주에 {won(paid)}입니다{basis}."
    figures["weekly_holiday_pay"] = round(paid)
    return Calc(text, HOLIDAY_CITES, figures)


def hour_limits() -> Calc:
    text = (
        f"법정 근로시간은 휴게시간을 빼고 1주 {WEEK_LIMIT}시간, 1일 {DAY_LIMIT}시간입니다. 당사자가 합의하면 1주 "
        f"{OVERTIME_LIMIT}시간까지 연장할 수 있어 1주 최대 {WEEK_LIMIT + OVERTIME_LIMIT}시간입니다. 상시 4명 이하 "
        "사업장에는 이 한도가 적용되지 않습니다(제11조에 따라 대통령령으로 정한 일부 규정만 적용)."
    )
    return Calc(text, HOURS_CITES, {"week": WEEK_LIMIT, "day": DAY_LIMIT, "max_week": WEEK_LIMIT + OVERTIME_LIMIT})


def calculate(question: str, today: date | None = None) -> Calc | None:
    """The rule answer for `question`, or None when no rule's intent is in it."""
    today = today or date.today()
    q = question.strip()
    if HOLIDAY.search(q):
        return weekly_holiday(q, today)
    if MIN_WAGE.search(q) and AMOUNT_ASKED.search(q) and not NOT_AN_AMOUNT.search(q):
        return minimum_wage(q, today)
    if HOURS_LIMIT.search(q):
        return hour_limits()
    return None
