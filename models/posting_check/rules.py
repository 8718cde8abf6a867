"""The rules of the posting checker: one function per rule, each returning the flags it raises for one posting.

Every rule reads a `Posting` (typed fields plus the normalised text of title and body, see `text.Norm`) and returns
`Flag`s that cite the article they rest on (`law.cite`), suggest a lawful wording and quote the original text span
that triggered them. Text rules match the normalised text (no spaces or punctuation), so "만35세이하", "만 35세 이하"
and "만 35 세 이하" read alike; each knows the lawful look-alikes of its family (여성의류, 시니어 모델, 만 18세 미만
불가, 주휴수당 별도 지급, 교육비 회사 부담, a lawful probation clause …) and leaves them alone.

Rule ids and the `VIOLATION_FAMILIES` codes their flags carry:

- `min_wage`: wage_below_minimum (field or text amount under the year's 최저임금), probation (an unlawful 수습 cut),
  weekly_holiday (주휴수당 denied or folded into the minimum rate for 15+ hours a week);
- `hours`: hours_over_limit (more than 52 hours a week in the field or the text);
- `age`: age_limit; `gender`: gender_limit;
- `banned_request`: appearance, origin_marital_assets, family_background (채용절차법 제4조의3, 남녀고용평등법 제7조②);
- `scam`: scam (fees, guaranteed income for vague work, messenger-only contact, recruiting acquaintances, lending
  accounts or IDs, a hidden employer);
- `inconsistent`: inconsistent_fields; `missing`: missing_essentials.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from data_catalog.reference import (
    MINIMUM_WAGE_HOURLY,
    MONTHLY_HOURS,
    WEEKS_PER_MONTH,
    minimum_monthly_pay,
    minimum_pay_for_hours,
    minimum_wage,
)
from data_catalog.spec import WAGE_TYPES
from models.posting_check import law
from models.posting_check.law import cite
from models.posting_check.text import Norm, Schedule, WageMention, schedule, wage_mentions

SEVERITIES = ("high", "medium", "low")
SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
RULE_IDS = ("min_wage", "hours", "age", "gender", "banned_request", "scam", "inconsistent", "missing")
FLAG_IDS = (*RULE_IDS, "anomaly")
"""Every flag's rule id: the rules above and the ML score (`anomaly.py`, raised by `check.check_frame`)."""
RULE_NAMES_KO = {
    "min_wage": "최저임금·주휴·수습",
    "hours": "근로시간 한도",
    "age": "연령 차별",
    "gender": "성별 차별",
    "banned_request": "채용 시 금지된 정보 요구",
    "scam": "사기성 구인",
    "inconsistent": "항목 간 불일치",
    "missing": "필수 항목 누락",
    "anomaly": "이상 공고 점수(ML)",
}
FAMILY_RULE = {
    "wage_below_minimum": "min_wage",
    "probation": "min_wage",
    "weekly_holiday": "min_wage",
    "hours_over_limit": "hours",
    "age_limit": "age",
    "gender_limit": "gender",
    "appearance": "banned_request",
    "origin_marital_assets": "banned_request",
    "family_background": "banned_request",
    "scam": "scam",
    "inconsistent_fields": "inconsistent",
    "missing_essentials": "missing",
}
"""Which rule raises each violation family (spec.VIOLATION_FAMILIES)."""

WEEKLY_LIMIT = 52
FULL_WEEK = 40
WEEKLY_HOLIDAY_MIN_HOURS = 15
PROBATION_MAX_MONTHS = 3
PROBATION_MIN_PCT = 90


@dataclass(frozen=True)
class Flag:
    """One finding: which rule, how serious, why (with the article), how to fix it, and the text that shows it."""

    rule_id: str
    severity: str  # high | medium | low
    reason_ko: str
    fix_ko: str
    evidence: str
    family: str = ""  # the spec.VIOLATION_FAMILIES code

    def __post_init__(self) -> None:
        if self.rule_id not in FLAG_IDS or self.severity not in SEVERITY_RANK:
            raise ValueError(f"bad flag {self.rule_id!r}/{self.severity!r}")


@dataclass
class Posting:
    """A posting's fields, typed (None where absent or unreadable), and its normalised text."""

    id: str = ""
    title: str = ""
    body: str = ""
    wage_type: str | None = None  # hourly | daily | monthly | annual
    wage: float | None = None
    weekly_hours: float | None = None
    daily_hours: float | None = None
    year: int | None = None
    posted_date: date | None = None
    closing_date: date | None = None
    location: str = ""
    contact: str = ""
    invalid: set[str] = field(default_factory=set)  # columns whose value could not be read (see check.parse_row)

    @cached_property
    def norm(self) -> Norm:
        return Norm(f"{self.title}\n{self.body}")

    @property
    def s(self) -> str:
        return self.norm.s

    @cached_property
    def sched(self) -> Schedule:
        return schedule(self.s)

    @cached_property
    def wages(self) -> list[WageMention]:
        return wage_mentions(self.s)

    @property
    def wage_year(self) -> int:
        """The year whose minimum wage applies: the field, else the posting date's year, else the latest rate."""
        if self.year is not None:
            return self.year
        if self.posted_date is not None:
            return self.posted_date.year
        return max(MINIMUM_WAGE_HOURLY)

    @property
    def hours_for_pay(self) -> float:
        """Weekly hours the monthly minimum is computed for: the field, else the text, else 40."""
        if self.weekly_hours is not None:
            return self.weekly_hours
        est = self.sched.weekly_estimate
        return est if est is not None else FULL_WEEK


def _after(s: str, i: int, n: int) -> str:
    """Up to n normalised characters from i, stopping at the end of the sentence."""
    j = s.find("#", i, i + n)
    return s[i : j if j >= 0 else i + n]


def _before(s: str, i: int, n: int) -> str:
    """Up to n normalised characters before i, stopping at the start of the sentence."""
    j = s.rfind("#", max(0, i - n), i)
    return s[(j + 1) if j >= 0 else max(0, i - n) : i]


def _digit_before(s: str, i: int) -> bool:
    return i > 0 and s[i - 1] in "0123456789."


def _has(s: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` occurs in `s` (a cheap guard before an expensive pattern)."""
    return any(w in s for w in words)


_GUARDS: dict[re.Pattern, tuple[str, ...]] = {}
"""Patterns that can only match where one of these substrings occurs: `_finditer` skips the scan otherwise."""


def _guard(rx: re.Pattern, *need: str) -> re.Pattern:
    _GUARDS[rx] = need
    return rx


def _finditer(rx: re.Pattern, s: str):  # noqa: ANN202 - an iterator of matches
    need = _GUARDS.get(rx)
    if need is not None and not any(w in s for w in need):
        return iter(())
    return rx.finditer(s)


@dataclass(frozen=True)
class _Joined:
    """A match assembled from two regex matches (a number found backwards from its unit)."""

    a: int
    b: int
    n: str
    bound: str

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self, name: str) -> str:
        return self.n if name == "n" else self.bound


def _sentence(s: str, i: int, j: int) -> str:
    a = s.rfind("#", 0, i) + 1
    b = s.find("#", j)
    return s[a : b if b >= 0 else len(s)]


def _won(x: float) -> str:
    return f"{round(x):,}원"


def _hours(x: float) -> str:
    return f"{x:g}시간" if x == round(x, 1) else f"{x:.1f}시간"


# ============================================================================ min_wage
WAGE_TYPE_KO = WAGE_TYPES
"""시급/일급/월급/연봉 by wage-type code (the spec's labels: one source)."""
_C_MW = cite(law.MINIMUM_WAGE_ACT, "제6조")
_C_MW5 = cite(law.MINIMUM_WAGE_ACT, "제5조")
_C_MW_PROB = cite(law.MINIMUM_WAGE_DECREE, "제3조")
_C_MW_CONV = cite(law.MINIMUM_WAGE_DECREE, "제5조")
_C_HOLIDAY = cite(law.LABOR_STANDARDS_ACT, "제55조")
_C_PART = cite(law.LABOR_STANDARDS_ACT, "제18조")
_C_OT = cite(law.LABOR_STANDARDS_ACT, "제56조")


def minimum_daily_pay(year: int, daily_hours: float) -> int:
    """Minimum pay for one day of `daily_hours` hours (the hourly minimum times the hours, rounded to 원)."""
    return round(minimum_wage(year)[1] * daily_hours)


def daily_hours_of(p: Posting) -> tuple[float, str]:
    """Hours of a working day and where they come from: the field, the text, weekly hours / days, else 8."""
    if p.daily_hours is not None:
        return p.daily_hours, "일 근로시간 항목"
    if p.sched.daily is not None:
        return p.sched.daily, "본문의 1일 근로시간"
    if p.weekly_hours is not None:
        days = p.sched.days or 5
        return p.weekly_hours / days, f"주 {p.weekly_hours:g}시간 ÷ {days:g}일"
    return 8.0, "근로시간 미기재로 1일 8시간 가정"


@dataclass(frozen=True)
class _Need:
    """The minimum a wage must reach: `base` (hours up to 40 a week / 8 a day), `all_hours` (every hour paid at
    the minimum) and `premium` (overtime at 150 %, 근로기준법 제56조, for workplaces of 5 or more)."""

    base: int
    all_hours: int
    premium: int
    basis: str


def minimum_for(wage_type: str, year: int, weekly_hours: float, daily_hours: float) -> _Need:
    """The minimum pay of one unit of `wage_type` for the given hours (see `_Need`)."""
    _, hourly = minimum_wage(year)
    if wage_type == "hourly":
        return _Need(hourly, hourly, hourly, f"시간급 최저임금 {_won(hourly)}")
    if wage_type == "daily":
        base_h = min(daily_hours, 8.0)
        over = max(daily_hours - 8.0, 0.0)
        base = round(hourly * base_h)
        return _Need(
            base,
            round(hourly * daily_hours),
            round(hourly * (base_h + 1.5 * over)),
            f"시간급 {_won(hourly)} × 1일 {_hours(daily_hours)}",
        )
    base = minimum_monthly_pay(year, min(weekly_hours, FULL_WEEK))
    over = max(weekly_hours - FULL_WEEK, 0.0) * WEEKS_PER_MONTH
    all_hours = minimum_pay_for_hours(year, weekly_hours)
    premium = round(base + 1.5 * hourly * over)
    if weekly_hours >= WEEKLY_HOLIDAY_MIN_HOURS:
        paid = MONTHLY_HOURS * min(weekly_hours, FULL_WEEK) / FULL_WEEK
        basis = f"시간급 {_won(hourly)} × 월 {paid:.1f}시간(주휴 포함, 주 {min(weekly_hours, FULL_WEEK):g}시간 기준)"
    else:
        basis = f"시간급 {_won(hourly)} × 주 {weekly_hours:g}시간 × 365/7/12 (주 15시간 미만: 주휴 없음)"
    if wage_type == "annual":
        return _Need(12 * base, 12 * all_hours, 12 * premium, f"월 최저 {_won(base)} × 12개월 ({basis})")
    return _Need(base, all_hours, premium, basis)


def _wage_flags(
    p: Posting,
    wage_type: str,
    amount: float,
    where: str,
    evidence: str | Callable[[], str],
    floor_pct: int = 100,
    family: str = "",
) -> list[Flag]:
    """The min_wage flags of one amount (`evidence` may be a callable, quoted only when a flag is raised)."""
    flags = _wage_flags_raw(p, wage_type, amount, where, floor_pct, family)
    if flags and callable(evidence):
        evidence = evidence()
    return [Flag(f.rule_id, f.severity, f.reason_ko, f.fix_ko, str(evidence), f.family) for f in flags]


def _wage_flags_raw(p: Posting, wage_type: str, amount: float, where: str, floor_pct: int, family: str) -> list[Flag]:
    evidence = ""
    year = p.wage_year
    applied, hourly = minimum_wage(year)
    weekly = p.hours_for_pay
    dh, dh_src = daily_hours_of(p)
    need = minimum_for(wage_type, year, weekly, dh)
    unit = WAGE_TYPE_KO[wage_type]
    yr = f"{year}년" if applied == year else f"{year}년({applied}년 고시 최저임금)"
    fam = family or "wage_below_minimum"
    pct = floor_pct / 100
    base = math.ceil(need.base * pct) if floor_pct < 100 else need.base
    hours_note = ""
    if wage_type in ("monthly", "annual") and p.weekly_hours is None:
        hours_note = " 주 근로시간이 없어 " + (
            "본문의 시간으로 계산했습니다." if p.sched.weekly_estimate else "주 40시간(월 209시간)으로 가정했습니다."
        )
    if wage_type == "daily":
        hours_note = f" 1일 근로시간: {_hours(dh)} ({dh_src})."
    if applied > year:  # before the table: the earliest published rate is higher than the year's own
        hours_note += (
            f" {year}년 최저임금은 기준표에 없어 {applied}년 기준으로 비교했습니다(실제 기준은 더 낮을 수 있음)."
        )
    if amount < base:
        floor_txt = f"의 {floor_pct}%({_won(base)})" if floor_pct < 100 else f"({_won(base)})"
        return [
            Flag(
                "min_wage",
                "high" if applied <= year else "low",
                f"{where} {unit} {_won(amount)}이 {yr} 최저임금 기준{floor_txt}보다 낮습니다 — {need.basis}. "
                f"{_C_MW}에 따라 최저임금액 이상을 지급해야 하며, 환산은 {_C_MW_CONV}에 따릅니다.{hours_note}",
                f"{unit}을 {_won(base)} 이상으로 올리세요.",
                evidence,
                fam,
            )
        ]
    if floor_pct < 100:
        return []
    if need.all_hours > amount:
        return [
            Flag(
                "min_wage",
                "medium",
                f"{where} {unit} {_won(amount)}은 40시간(1일 8시간)을 넘는 근로시간까지 최저임금으로 계산한 "
                f"{_won(need.all_hours)}보다 낮습니다 ({_C_MW}; 주 {weekly:g}시간).{hours_note}",
                f"연장근로 시간까지 포함해 {_won(need.all_hours)} 이상(5인 이상 사업장은 가산임금 포함 "
                f"{_won(need.premium)} 이상)으로 정하세요.",
                evidence,
                fam,
            )
        ]
    # Overtime paid below the 150 % premium (근로기준법 제56조) is an overtime-pay question for workplaces of 5 or more,
    # not a minimum-wage breach: the check stops at the minimum for all hours worked (above).
    return []


_SIMPLE_LABOUR_RE = re.compile(
    r"단순노무|단순노동|단순업무직|청소원|미화원|환경미화|건물청소|(?<!특수)경비원|주차관리|주차요원|주방보조|설거지|패스트푸드|주유원|"
    r"음식배달|배달원|상하차|하역|포장원|포장작업|단순포장|포장직|포장알바|분류작업|택배분류|잡부|일용직|건설현장보조|제조단순|단순조립|검침원|"
    r"가사도우미|재활용품수거|매장정리|진열원"
)


def _simple_labour(p: Posting) -> str:
    """The simple-labour job (최저임금법 제5조 ② 단서) the posting is for: a job word in the title, or '단순노무'
    anywhere in the text."""
    m = _SIMPLE_LABOUR_RE.search(Norm(p.title).s) if p.title else None
    if m:
        return m.group()
    m = re.search(r"단순노무|단순노동|단순노무직|단순종사", p.s)
    return m.group() if m else ""


_LONG_CONTRACT_RE = re.compile(
    r"(?:[1-9]|일)년(?:이상)?(?:의)?(?:근로)?계약|계약기간(?:은|:)?(?:[1-9]|일)년|정규직(?!전환|으로전환|채용전환)|무기계약|무기직"
    r"|기간의정함이없|기간의정함없|기간을정하지않|1년이상"
)
_SHORT_CONTRACT_RE = re.compile(
    r"계약(?:기간)?(?:은|:|이)?(?P<m1>\d{1,2})개월|(?P<m2>\d{1,2})개월(?:단기|짜리)?(?:근로)?계약(?!직전환)|계약직(?P<m3>\d{1,2})개월"
    r"|(?P<short>단기(?:계약|근무|알바|아르바이트|직)|일용)"
)
_FIXED_TERM_RE = re.compile(r"계약직|기간제|파견|촉탁|임시직|단기")
_PROB_RE = re.compile(r"수습|시용(?:기간|근로|계약)|견습|인턴|교육기간|트레이닝기간|수련기간")
_PROB_NONE_RE = re.compile(r"^(?:기간)?(?:은|는|:)?(?:없|무(?!급|보수|임금|페이)|x|해당없|생략)")
_PCT_RE = re.compile(
    r"(?<!\d)(?P<p>\d{1,3})(?:%|프로|퍼센트)(?P<cut>감액|차감|삭감|공제|깎|적게|덜)?|(?<!\d)(?P<h>[5-9])할"
)
_UNPAID_RE = re.compile(
    r"무급|무보수|무임금|무페이|노페이|급여없|보수없|임금없|급여미지급|임금미지급|페이없|돈안|무료봉사|열정페이|교육비를받지|급여는없"
)
_NO_MIN_RE = re.compile(
    r"최저(?:임금|시급|시금)(?:을|은|이)?(?:미적용|적용안|적용하지않|적용되지않|적용제외|제외|예외|미만|이하|에못미|보다적|과무관)"
)
_HALF_RE = re.compile(r"절반|반값|반만|반액|2분의1|1/2")
_FULL_PAY_RE = re.compile(
    r"100%|백퍼|감액없|감액은없|차감없|전액|동일(?:하게)?지급|정상(?:급여|임금)?지급|그대로지급|100프로"
)
_EXTEND_RE = re.compile(r"연장(?!근로|근무|수당|야간|및|휴일)(?:가능|될수|할수|시|기간|하여|해|되|할경우|한|됩|돼)")


def _probation_clause(s: str, i: int) -> str:
    """From a probation word, up to 48 characters, crossing at most two line ends ("■ 수습#기간: 3개월#급여 90%")."""
    seg = s[i : i + 48]
    k = -1
    for _ in range(3):
        k = seg.find("#", k + 1)
        if k < 0:
            return seg
    return seg[:k]


def _probation_flags(p: Posting) -> list[Flag]:
    s = p.s
    out: list[Flag] = []
    seen_end = -1
    for m in _PROB_RE.finditer(s):
        if m.start() < seen_end:
            continue
        clause = _probation_clause(s, m.start())
        rest = clause[len(m.group()) :]
        if _PROB_NONE_RE.match(rest):
            continue
        first = clause.find("#")
        info_end = first if first >= 0 else len(clause)
        months = None
        mm = re.search(r"(?<!\d)(\d{1,2})(?:개월|달)", clause)
        if mm:
            months = float(mm.group(1))
            info_end = max(info_end, mm.end())
        elif my := re.search(r"(?<!\d)([1-3])년(?!이상|계약|의|근로|미만|차|간계약)", clause):
            months = 12.0 * int(my.group(1))
            info_end = max(info_end, my.end())
        else:
            mw = re.search(r"(?<!\d)(\d{1,2})주(?!일|휴|당|\d|간근로)", clause)
            md = re.search(r"(?<!\d)(\d{1,3})일(?:간|동안)", clause)
            if mw:
                months = int(mw.group(1)) / WEEKS_PER_MONTH
                info_end = max(info_end, mw.end())
            elif md:
                months = int(md.group(1)) / 30.4
                info_end = max(info_end, md.end())
        pct = None
        how = ""
        found = _UNPAID_RE.search(clause) or _NO_MIN_RE.search(clause) or _HALF_RE.search(clause)
        if found:
            info_end = max(info_end, found.end())
            if found.re is _UNPAID_RE:
                pct, how = 0, "무급"
            elif found.re is _NO_MIN_RE:
                pct, how = 0, "최저임금 미적용"
            else:
                pct, how = 50, "급여의 절반"
        else:
            for pm in _PCT_RE.finditer(clause):
                if pm.group("h"):
                    v = int(pm.group("h")) * 10
                else:
                    v = int(pm.group("p"))
                    if pm.group("cut"):
                        v = 100 - v
                if 0 < v <= 100:
                    pct, how = v, f"급여의 {v}%"
                    info_end = max(info_end, pm.end())
                    break
        if pct is None or pct >= 100 or _FULL_PAY_RE.search(clause) and pct >= PROBATION_MIN_PCT:
            continue
        seen_end = m.start() + info_end  # one clause, one flag ("수습 3개월, 수습 중 급여 80%")
        ev = p.norm.span(m.start(), m.start() + info_end)
        problems = []
        if pct == 0:
            problems.append(f"{how}은 수습 중에도 허용되지 않습니다(최저임금의 90%가 하한)")
        elif pct < PROBATION_MIN_PCT:
            problems.append(f"{how}은 법정 하한 90%에 못 미칩니다")
        if months is not None and months > PROBATION_MAX_MONTHS:
            problems.append(f"감액 기간 {months:g}개월은 수습 시작일부터 3개월 한도를 넘습니다")
        elif months is None and pct > 0 and _EXTEND_RE.search(clause):
            problems.append("수습 연장 기간의 감액은 3개월 한도를 넘을 수 있습니다")
        if _EXTEND_RE.search(clause) and pct > 0 and months is not None and months <= PROBATION_MAX_MONTHS:
            problems.append("수습을 연장해 감액하면 3개월 한도를 넘습니다")
        sc = _SHORT_CONTRACT_RE.search(s)
        short_m = None
        if sc:
            g = sc.group("m1") or sc.group("m2") or sc.group("m3")
            short_m = int(g) if g else 0
        sev = "high"
        if sc and (short_m == 0 or (short_m is not None and short_m < 12)):
            problems.append("1년 미만 계약(단기·일용 포함)에는 수습 감액을 할 수 없습니다")
        elif not problems and _FIXED_TERM_RE.search(s) and not _LONG_CONTRACT_RE.search(s):
            problems.append(
                "계약직·기간제·파견 공고인데 계약 기간이 없습니다 — 1년 미만 계약이면 수습 감액을 할 수 없습니다"
            )
            sev = "medium"
        sl = _simple_labour(p)
        if sl:
            problems.append(f"단순노무업무('{sl}')는 수습 감액 대상에서 제외됩니다")
        if not problems:
            continue
        out.append(
            Flag(
                "min_wage",
                sev,
                "위법한 수습 감액: " + "; ".join(problems) + f". 수습 감액은 1년 이상 계약·수습 시작 3개월 이내·"
                f"단순노무 외 직종에 한해 최저임금의 90%까지만 허용됩니다({_C_MW5} ②, {_C_MW_PROB}).",
                "수습 기간에도 최저임금 이상을 지급하거나, 1년 이상 계약인 경우에만 3개월 이내·90% 이상으로 정하세요.",
                ev,
                "probation",
            )
        )
    return out


_HOLIDAY_WORD_RE = re.compile(r"주휴(?:수당|일|수딩|숭당|수당은|수당도)?|주유수당|쥬휴(?:수당)?")
_HOLIDAY_DENY_RE = re.compile(
    r"미지급|미적용|미발생|없음|없어|없습|없고|없이|없는|없다|해당없|해당사항없|적용안|적용하지않|적용되지않|지급안|지급하지않|지급되지않|"
    r"지급x|안(?:드리|드림|드려|드립|줌|줍|줘|주|됨|돼|됩|나와|나옴|나갑|나감|나)|해당안|해당되지않|못드|불가|제외|빼고|무급|x(?!\d)|"
    r"대신|계산안|계산하지않|별도없|나중에|"
    r"(?P<delay>(?:\d+|한|두|세|석|넉)(?:개월|달|주)(?:근무|근속|이상|경과)?(?:후|이후|뒤|지나)(?:부터)?|부터지급|부터발생|부터적용)|"
    r"(?P<incl>(?<![미불])포함)"
)
_HOLIDAY_OK_BEFORE_RE = re.compile(
    r"(?:결근|무단결근|지각|개근하지|개근못|개근을하지|만근하지|미만근|15시간미만|주15시간미만|소정근로일을|퇴사주|퇴사하는주)"
)
_HOLIDAY_OK_RE = re.compile(
    r"별도(?!없)|따로|100%|정상지급|법정|지급(?!하지|안|되지|x|불가|않|없)|발생(?!하지|안|되지|없)|적용(?!안|하지|되지|제외|없)|있음|"
    r"(?<![a-z])o(?![a-z])|계산해|보장"
)
_REST_DAY_UNPAID_RE = re.compile(
    r"(?P<w>주휴일|휴일|쉬는날|쉬지만|쉬는데|쉬어도|쉬는)(?P<mid>[^#]{0,8}?)(?:은|는|이)?"
    r"(?:유급(?:이)?아(?:님|니|닙)|유급은아|유급처리안|유급x|무급(?!휴가|휴직))"
)
_MINIMUM_RATE_RE = re.compile(r"최저(?:시급|임금|시금)")


def _weekly_holiday_flags(p: Posting) -> list[Flag]:
    s = p.s
    if "주휴" not in s and "휴일" not in s and "쉬" not in s and "주유수당" not in s and "쥬휴" not in s:
        return []
    hours = p.weekly_hours if p.weekly_hours is not None else p.sched.weekly_estimate
    if hours is not None and hours < WEEKLY_HOLIDAY_MIN_HOURS:
        return []
    hits: list[tuple[str, re.Match]] = []
    for m in _HOLIDAY_WORD_RE.finditer(s):
        before = _before(s, m.start(), 14)
        after = _after(s, m.end(), 16)
        d = _HOLIDAY_DENY_RE.search(after)
        if not d:
            continue
        ok = _HOLIDAY_OK_RE.search(after)
        if ok and ok.start() < d.start():
            continue
        if d.group("incl"):
            sentence = _sentence(s, m.start(), m.end())
            if re.search(r"포함(?:x|아님|아니|안됨|안돼|되지않|하지않|안함)|미포함|불포함|별도", after):
                continue  # "주휴, 교통비 포함 아님 별도": not folded in
            # a monthly wage at 209 h already includes 주휴: "월 209만원(주휴수당 포함)" is lawful, and so is a
            # monthly conversion of an hourly rate ("주휴 포함 월 환산 약 250만원")
            monthly = p.wage_type in ("monthly", "annual") or bool(
                re.search(r"월급|월급여|연봉|월\d|월환산|월예상|환산", sentence)
            )
            if monthly or not (_MINIMUM_RATE_RE.search(sentence) or _inclusive_rate_too_low(p, sentence)):
                continue
            kind = "incl"
        elif d.group("delay"):
            kind = "delay"
        else:
            if _HOLIDAY_OK_BEFORE_RE.search(before) and not re.search(r"해도|하더라도|하셔도", before):
                continue  # 결근한 주에는 주휴수당이 없다: lawful (소정근로일 개근이 요건)
            kind = "deny"
        hits.append((kind, m))
        break
    if not hits:
        for m in _REST_DAY_UNPAID_RE.finditer(s):
            before = _before(s, m.start(), 8)
            if re.search(r"토요일|토$|무급휴무|공휴일", before + m.group("mid")):
                continue
            hits.append(("rest", m))
            break
    out = []
    hours_txt = f"주 {hours:g}시간" if hours is not None else "주 근로시간 미기재(15시간 이상이면 해당)"
    sev = "high" if hours is not None else "medium"
    for kind, m in hits:
        end = m.end() + len(_after(s, m.end(), 16))
        ev = p.norm.span(m.start(), end)
        what = {
            "deny": "주휴수당을 주지 않는다는 표현",
            "delay": "주휴수당 지급을 일정 기간 뒤로 미루는 표현",
            "incl": "최저임금 수준의 시급에 주휴수당을 포함한다는 표현",
            "rest": "주휴일을 무급으로 한다는 표현",
        }[kind]
        out.append(
            Flag(
                "min_wage",
                sev,
                f"{what}이 있습니다({hours_txt}). 1주 소정근로시간이 15시간 이상이면 사업장 규모·수습 여부와 관계없이 "
                f"1주 개근 시 유급 주휴일을 보장해야 합니다({_C_HOLIDAY} ①; 15시간 미만만 예외, {_C_PART} ③).",
                "'주 15시간 이상 근무 시 주휴수당 지급'으로 고치세요. 시급에 포함하려면 주휴분을 더한 금액"
                "(최저임금 × 1.2 이상)을 명시하세요.",
                ev,
                "weekly_holiday",
            )
        )
    return out


def _inclusive_rate_too_low(p: Posting, sentence: str) -> bool:
    """An hourly rate said to include 주휴수당 must cover the paid rest hours: ≥ minimum × (1 + 1/5). The rate is
    the hourly amount stated in the same sentence, else the wage field."""
    stated = [w.amount for w in wage_mentions(sentence) if w.wage_type == "hourly"]
    if stated:
        rate = max(stated)
    elif p.wage_type == "hourly" and p.wage is not None:
        rate = p.wage
    else:
        return False
    _, hourly = minimum_wage(p.wage_year)
    return rate < math.ceil(hourly * 1.2)


def rule_min_wage(p: Posting) -> list[Flag]:
    """최저임금: the field wage and pay amounts in the text against the year's minimum; unlawful probation cuts;
    주휴수당 denied, delayed or folded into a minimum-level rate for 15+ hours a week."""
    out: list[Flag] = []
    field_low = False
    if p.wage_type is not None and p.wage is not None and p.wage > 0:
        fl = _wage_flags(p, p.wage_type, p.wage, "공고의", f"{WAGE_TYPE_KO[p.wage_type]} {_won(p.wage)}")
        field_low = any(f.severity == "high" for f in fl)
        out += fl
    probation = _probation_flags(p)
    out += probation
    for w in p.wages:
        if field_low and w.wage_type == p.wage_type:
            continue  # the field already says it
        lawful_probation = w.probation and not probation
        floor = PROBATION_MIN_PCT if lawful_probation and w.wage_type != "annual" else 100
        fam = "probation" if w.probation else "wage_below_minimum"
        fl = _wage_flags(p, w.wage_type, w.amount, "본문에 적힌", lambda w=w: p.norm.span(w.start, w.end), floor, fam)
        out += [f for f in fl if f.severity == "high"]  # text amounts: only a clear shortfall
    out += _weekly_holiday_flags(p)
    return out


# ============================================================================ hours
_C_HOURS = cite(law.LABOR_STANDARDS_ACT, "제50조")
_C_OVERTIME = cite(law.LABOR_STANDARDS_ACT, "제53조")


_EXEMPT_HOURS_RE = re.compile(r"감시단속|감시적|단속적|근로시간적용제외|적용제외승인")
"""근로기준법 제63조: approved 감시·단속적 work (격일 24시간 경비 …) is outside the weekly limit; a schedule stated
in the text is then not flagged (the weekly_hours field still is)."""


def rule_hours(p: Posting) -> list[Flag]:
    """More than 52 hours a week (40 + 12 overtime) in the weekly_hours field or in the text's schedule."""
    out = []
    text_est = p.sched.weekly_estimate
    if p.weekly_hours is not None and p.weekly_hours > WEEKLY_LIMIT:
        out.append(
            Flag(
                "hours",
                "high",
                f"주 근로시간 {p.weekly_hours:g}시간은 법정 한도 주 52시간(기본 40시간 {_C_HOURS} ① + 연장 12시간 "
                f"{_C_OVERTIME} ①)을 넘습니다.",
                "주 52시간 이내로 근무시간을 줄이거나 교대제·인원 충원으로 조정하세요.",
                f"주 근로시간 {p.weekly_hours:g}시간",
                "hours_over_limit",
            )
        )
    elif text_est is not None and text_est > WEEKLY_LIMIT and not _EXEMPT_HOURS_RE.search(p.s):
        sc = p.sched
        parts = []
        if sc.weekly:
            parts.append(f"주 {sc.weekly:g}시간")
        if sc.days and sc.daily:
            parts.append(f"주 {sc.days:g}일 × 1일 {_hours(sc.daily)}")
        ev = " / ".join(p.norm.span(a, b) for a, b in sc.spans[:4])
        out.append(
            Flag(
                "hours",
                "medium" if p.weekly_hours is not None else "high",
                f"본문의 근무 일정({', '.join(parts)} ≈ 주 {text_est:g}시간)이 법정 한도 주 52시간({_C_HOURS} ①, "
                f"{_C_OVERTIME} ①)을 넘습니다.",
                "근무일수·1일 근로시간을 주 52시간 이내(휴게시간 제외)로 조정해 적으세요.",
                ev,
                "hours_over_limit",
            )
        )
    return out


# ============================================================================ age
_C_AGE = cite(law.AGE_DISCRIMINATION_ACT, "제4조의4")
_C_AGE_EXC = cite(law.AGE_DISCRIMINATION_ACT, "제4조의5")
_DECADES = {"이십": 20, "삼십": 30, "사십": 40, "오십": 50, "육십": 60}
_KOREAN_AGES = {"스물": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60}
_AGE_BOUND_RE = re.compile(
    r"(?:세|살|才)(?:이|가)?(?P<b>이하|미만|까지|이내|아래|안쪽|전후|안팎|내외|정도|이상|초과|넘|부터|밑|以下|以上)"
)
_AGE_NUM_BEFORE_RE = re.compile(r"(?:만|연|나이|연령)?(?P<n>\d{1,2}|스물|서른|마흔|쉰|예순)$")
_AGE_RANGE_RE = re.compile(r"(?P<a>\d{2})(?:세|살)?(?:~|부터|에서)(?:만)?(?P<b>\d{2})(?:세|살)(?!\d)")
_DECADE_RANGE_RE = re.compile(r"(?P<a>[1-6]0)대?(?:~|부터|에서|/)(?P<b>[1-9]0)대")
_DECADE_RE = re.compile(r"(?P<d>[1-6]0|이십|삼십|사십|오십|육십)대(?!\d|학|표|상|회|기업|건|관)")
_BIRTH_RE = re.compile(
    r"(?<!\d)(?:19|20)?\d{2}년생(?:~|이후|이전|이하|이상|까지|부터|만|분|이신|위주|환영|우대|지원|출생|\d)"
    r"|(?<!\d)(?:19|20)?\d{2}~(?:19|20)?\d{2}년생"
    r"|(?<!\d)(?:19|20)?\d{2}년(?:\d{1,2}월)?(?:\d{1,2}일)?(?:이후|이전|부터)(?:출생|생)"
)
_AGE_EXCLUDE_RE = re.compile(
    r"불가|제외|사절|안됨|안돼|안됩|어렵|할수없|채용하지않|채용안|받지않|안받|no(?![a-z])|금지|곤란|죄송|고용할수없|고용불가|"
    r"근무불가|근무할수없|지원이불가|뽑지않|x(?![a-z0-9])"
)
_LOWER_BOUND_TARGET_RE = re.compile(
    r"^(?:인|의|이신|되신)?(?:분|자|성인|남녀|여성|남성|지원자)?(?:만|한정|지원가능|가능|채용|모집|구함|이어야|에한|우대|환영|지원)"
)
_NATIVE_AGE_RE = re.compile(
    r"(?P<t>스물|서른|마흔|쉰|예순)(?P<u>한|하나|두|둘|세|셋|네|넷|다섯|여섯|일곱|여덟|아홉)?(?:살|세)?(?:이|가)?"
    r"(?:이하|미만|까지|이내|아래|전후|넘으면|넘은|넘는)"
)
_NATIVE_UNITS = {
    "한": 1,
    "하나": 1,
    "두": 2,
    "둘": 2,
    "세": 3,
    "셋": 3,
    "네": 4,
    "넷": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
}
_AGE_NOT_WORKER_AFTER_RE = re.compile(
    r"^(?:이하|미만|이상|까지)?(?:의|인)?(?:자녀|아동|아이|어린이|영유아|자녀분|손자|미취학|초등|학생자녀|입소|이용|어르신|"
    r"노인|환자|고객|회원|수급|대상자|아동을|아동의)"
)
_AGE_NOT_WORKER_BEFORE_RE = re.compile(
    r"(?:정년|퇴직|정년퇴직|정년은|자녀|아이|아동|어르신|노인|환자|고객|회원|이용자)[^#]{0,4}$"
)
_YOUTH_RE = re.compile(r"청소년|연소자|미성년|연소근로|청소년보호")
_SUPPORT_RE = re.compile(
    r"청년내일채움|내일채움|청년일자리|도약장려금|청년디지털|청년인턴|청년채용|고용장려금|지원사업|고용촉진장려금|신중년|"
    r"정부지원|장려금|청년고용|고령자고용"
)
_DECADE_TARGET_RE = re.compile(
    r"^(?:의|인|이신|이며|중|정도)?(?:초반|중반|후반|초중반|중후반|초|중|후)?(?:~[1-9]0대(?:초반|중반|후반)?)?"
    r"(?:만|한정|위주|선호|우대|환영|모집|구함|구해|찾|직원|분|사원|여성|남성|여자|남자|청년|지원가능|가능|인재|친구|"
    r"알바|매니저|스탭|스태프|젊은|까지만|이내|이하|까지|미만|아래|신입|막내|또래|남녀|여직원|남직원|선생님|위주로|대환영)"
)
_DECADE_DESCRIPTIVE_RE = re.compile(
    r"근무중|근무하고|재직|일하고|계십|많|다수|분포|활약|근무하시|근무합|고루|골고루|다양|있습니다|있어요|구성"
)
_DECADE_AIM_RE = re.compile(r"위주|만(?!원|족)|한정|우대|선호|구해|구합|구함|모집|찾|환영")


def _decade_descriptive(tail: str) -> bool:
    """'20~30대 직원들이 일하고 있어요' describes the team; '20~30대 직원 위주로 … 있어요' still aims at an age."""
    d = _DECADE_DESCRIPTIVE_RE.search(tail)
    return d is not None and not _DECADE_AIM_RE.search(tail[: d.start()])


_DECADE_NOT_AGE_BEFORE_RE = re.compile(
    r"(?:차량|트럭|대수|장비|기계|설비|컴퓨터|pc|모니터|버스|택시|화물차|지게차|카메라|총|약|최대|최소)$"
)
_AGE_WORD_RES: list[tuple[re.Pattern, str, str]] = [
    (
        re.compile(
            r"젊(?:은|고|으신|으며|음|은나이|은층)(?P<mid>[^#]{0,10}?)(?:분|사람|친구|인재|직원|남성|여성|남자|여자|청년|사원|"
            r"알바|피|감각|나이|층)"
        ),
        "medium",
        "젊은 사람을 찾는 표현",
    ),
    (
        re.compile(
            r"나이(?:가|는|도)?(?:많|드신|드셨|있으신|지긋|든)[^#]{0,14}?(?:불가|사절|자제|어렵|제외|안됩|안돼|죄송|정중|"
            r"곤란|힘들|안받|받지않|삼가)"
        ),
        "high",
        "나이 많은 사람을 배제하는 표현",
    ),
    (
        re.compile(
            r"(?:연령|년령|나이|연녕|나히)(?:제한|재한|상한|하한|커트|컷|한도|조정|조건있|기준있)(?!없|무|x|불문|무관|no|해제|폐지|철폐)"
        ),
        "high",
        "연령 제한을 두는 표현",
    ),
    (
        re.compile(
            r"(?:중장년|중년|장년|노년|고령자|고령|시니어|퇴직자|은퇴자|실버|나이드신|연세있으신|연세가많|50대이상|60대이상)"
            r"(?:층|자|분|이신분|들|분들)?(?:은|는|의)?(?:지원)?(?:불가|사절|제외|안됩|안돼|채용하지않|채용안|받지않|어렵|"
            r"지원자제|죄송|곤란|뽑지않|no(?![a-z]))"
        ),
        "high",
        "중장년·고령자를 배제하는 표현",
    ),
    (re.compile(r"막내(?:역할|직원|사원|포지션|자리|로|같은|급)"), "medium", "'막내'를 찾는 연령 암시 표현"),
    (
        re.compile(
            r"나이(?:가|는)?(?:\d{2})(?:살|세)?(?:넘|이상|넘으|넘어)[^#]{0,10}?(?:힘들|어렵|안돼|안됩|불가|곤란|사절)"
        ),
        "high",
        "일정 나이를 넘는 사람을 배제하는 표현",
    ),
    (
        re.compile(r"아가씨(?:구|모|찾|만|환영|우대|분)"),
        "medium",
        "젊은 여성을 가리키는 호칭('아가씨')으로 사람을 찾는 표현",
    ),
    (re.compile(r"또래(?:들|분위기|직원|끼리|위주|만|친구)"), "medium", "또래(특정 연령대)를 찾는 표현"),
    (re.compile(r"어린(?:친구|분|직원|사람|나이)"), "medium", "어린 사람을 찾는 표현"),
    (
        _guard(
            re.compile(
                r"mz(?:세대)?(?:환영|우대|선호|만|위주|직원|인재|세대)|(?<!\d)2030(?:세대|여성|남성|직원|환영|우대|모집|만)"
            ),
            "mz",
            "2030",
        ),
        "medium",
        "특정 세대(MZ·2030)를 찾는 표현",
    ),
]


def _age_num(g: str) -> int:
    return _KOREAN_AGES.get(g) or int(g)


def _age_flag(p: Posting, sev: str, what: str, ev: str, support: bool = False) -> Flag:
    reason = (
        f"{what}('{ev}')은 합리적 이유 없는 연령 차별에 해당할 수 있습니다({_C_AGE} ①). 직무상 불가피한 경우, "
        f"법령상 정년, 고용 지원 조치 등만 예외입니다({_C_AGE_EXC})."
    )
    if support:
        reason += " 정부 지원사업의 연령 요건이면 예외일 수 있으니 사업명을 함께 밝히세요."
        sev = "low"
    return Flag(
        "age",
        sev,
        reason,
        "연령 조건을 지우고 '연령 무관'으로 적거나, 직무에 필요한 자격·경력·체력 요건으로 바꾸세요.",
        ev,
        "age_limit",
    )


def rule_age(p: Posting) -> list[Flag]:
    """Age limits (고령자고용법 제4조의4): age bounds and ranges, decades, birth years, 'young', 'no seniors'."""
    s = p.s
    out: list[Flag] = []
    covered: list[tuple[int, int]] = []

    def add(sev: str, what: str, a: int, b: int) -> None:
        if any(x <= a < y for x, y in covered):
            return
        sentence = _sentence(s, a, b)
        covered.append((a, b))
        out.append(_age_flag(p, sev, what, p.norm.span(a, b), bool(_SUPPORT_RE.search(sentence))))

    has_digit_age = "세" in s or "살" in s or "대" in s or "년생" in s or "년" in s
    if has_digit_age:
        for m in _AGE_RANGE_RE.finditer(s):
            if _digit_before(s, m.start()):
                continue
            a, b = int(m.group("a")), int(m.group("b"))
            if (
                15 <= a < b < 60
                and not _AGE_NOT_WORKER_AFTER_RE.match(s[m.end() :])
                and not (_AGE_NOT_WORKER_BEFORE_RE.search(_before(s, m.start(), 8)))
            ):
                add("high", "연령 범위를 정한 표현", m.start(), m.end())
        for um in _AGE_BOUND_RE.finditer(s):
            m = _AGE_NUM_BEFORE_RE.search(s, max(0, um.start() - 6), um.start())
            if m is None or (m.start() > 0 and s[m.start() - 1] in "0123456789."):
                continue
            m = _Joined(m.start(), um.end(), m.group("n"), um.group("b"))
            n = _age_num(m.group("n"))
            b = m.group("b")
            tail = _after(s, m.end(), 16)
            if _AGE_NOT_WORKER_AFTER_RE.match(s[m.end() - len(b) :]) or _AGE_NOT_WORKER_BEFORE_RE.search(
                _before(s, m.start(), 8)
            ):
                continue
            excl = _AGE_EXCLUDE_RE.search(tail)
            end = m.end() + (excl.end() if excl else 0)
            youth = bool(_YOUTH_RE.search(_sentence(s, m.start(), m.end())))
            if b in ("이상", "초과", "넘", "부터", "以上"):
                if excl:
                    if n >= 19 and not (n >= 60 and "정년" in _sentence(s, m.start(), m.end())):
                        add("high", f"{n}세 이상을 배제하는 표현", m.start(), end)
                elif 25 <= n < 55 and not youth and (not tail or _LOWER_BOUND_TARGET_RE.match(tail)):
                    add("medium", f"{n}세 이상으로 지원을 제한하는 표현", m.start(), m.end())
            elif b in ("이하", "미만", "아래", "밑", "以下") and excl:
                if n > 20 and not youth:
                    add("medium", f"{n}세 미만을 배제하는 표현", m.start(), end)
            elif n <= 18 or youth:
                continue
            elif n >= 60:
                if "정년" not in _sentence(s, m.start(), m.end()):
                    add("low", f"{n}세로 상한을 두는 표현", m.start(), m.end())
            else:
                add("high", f"{n}세로 상한을 두는 표현", m.start(), end)
        wide: list[tuple[int, int]] = []
        for m in _DECADE_RANGE_RE.finditer(s):
            if _digit_before(s, m.start()):
                continue
            a, b = int(m.group("a")), int(m.group("b"))
            if b >= 60 or b - a >= 30:
                wide.append(m.span())
            elif a < b and not _decade_descriptive(_after(s, m.end(), 14)):
                add("high", "연령대를 한정한 표현", m.start(), m.end())
        for m in _DECADE_RE.finditer(s):
            if any(x <= m.start() < y for x, y in wide):
                continue
            d = _DECADES.get(m.group("d")) or int(m.group("d"))
            if (
                (m.start() and s[m.start() - 1] in "0123456789.~")
                or d < 20
                or _DECADE_NOT_AGE_BEFORE_RE.search(_before(s, m.start(), 5))
            ):
                continue
            tail = _after(s, m.end(), 14)
            if _decade_descriptive(tail):
                continue
            if tail.startswith("이상"):
                if _AGE_EXCLUDE_RE.search(tail):
                    add("high", f"{d}대 이상을 배제하는 표현", m.start(), m.end() + len(tail))
                elif 30 <= d < 50:
                    add("medium", f"{d}대 이상으로 지원을 제한하는 표현", m.start(), m.end() + 2)
                continue
            if (
                _DECADE_TARGET_RE.match(tail)
                or _AGE_EXCLUDE_RE.match(tail)
                or re.match(r"(?:초|중|후|초중|중후)반", tail)
            ):
                add("high", "특정 연령대를 찾는 표현", m.start(), m.end() + min(len(tail), 6))
        for m in _BIRTH_RE.finditer(s) if ("년생" in s or "출생" in s or "생이후" in s) else ():
            if not _AGE_NOT_WORKER_AFTER_RE.match(s[m.end() :]) and "자녀" not in _after(s, m.end(), 6):
                add("high", "출생연도로 지원을 제한하는 표현", m.start(), m.end())
    for m in _NATIVE_AGE_RE.finditer(s):
        n = _KOREAN_AGES[m.group("t")] + _NATIVE_UNITS.get(m.group("u") or "", 0)
        if 19 <= n < 60:
            add("high", f"{n}세로 상한을 두는 표현", m.start(), m.end())
    for rx, sev, what in _AGE_WORD_RES:
        for m in _finditer(rx, s):
            mid = m.groupdict().get("mid") or ""
            if re.search(r"조직|문화|회사|기업|분위기|팀|환경|감성|브랜드|사무실|매장|카페|공간|센터", mid):
                continue
            add(sev, what, m.start(), m.end())
    return out


# ============================================================================ gender
_C_GENDER = cite(law.EQUAL_EMPLOYMENT_ACT, "제7조")
_GENDER_WORD_RE = re.compile(
    r"(?P<g>남자직원|여자직원|남자사원|여자사원|남자분|여자분|남성분|여성분|남직원|여직원|남사원|여사원|남학생|여학생|"
    r"남자|여자|남성|여성|남셩|여셩|녀성|녀자|남정네)"
)
_GENDER_NOT_WORKER_AFTER_RE = re.compile(
    r"^(?:의|용|들의|만의)?(?:의류|복|옷|의복|속옷|란제리|화장품|패션|잡화|구두|신발|용품|쇼핑|브랜드|전용(?!채용|모집|구인|공고)|고객|손님|회원|"
    r"환자|헤어|미용|뷰티|전문|인력개발|새로일|가족부|친화|휴게|화장실|탈의|샤워|기숙사|숙소|합창|질환|건강|호르몬|위생|"
    r"클리닉|병원|의원|대상|상품|제품|모델|취업지원|고용|일자리|창업|단체|센터|회관|매장|샵|shop|살롱|사우나|찜질|목욕|스파|"
    r"피트니스|헬스|골프|축구|농구|배구|팀|선수|의사|전문의|잡지|학교|대학|고등학교|중학교|기숙|병동|어르신|이용자|수급자|"
    r"입소자|노인|아동|청소년|쉼터|보호|근로자보호|인권|폭력|안전|권익|정책|복지|리더|임원비율|관리자비율|고용률|경력단절|"
    r"장애인|어린이|유아|구두|가방|시계|향수|속옷|수영복|가운|정장|캐주얼|커트|컷|펌|네일|왁싱|이용원|바버|탈모|비뇨|부인과|"
    r"산부인과|갱년기|암|질환)"
)
_GENDER_NOT_WORKER_BEFORE_RE = re.compile(
    r"(?:경력단절|경단|양성평등|성평등|임산부|어르신|고객|환자|이용자|입소자|회원)$"
)
_GENDER_DESCRIPTIVE_RE = re.compile(
    r"근무중|근무하고|재직|일하고|계십|많|다수|비율|활약|근무합|있습니다|있어요|구성|들과|과함께|와함께|분들과|함께일하"
)
_GENDER_QUALIFIED_BEFORE_RE = re.compile(r"(?:미혼|기혼|\d0대|\d0~\d0대|\d0대초반|\d0대중반|젊은|어린)$")
_GENDER_RESTRICT_RE = re.compile(
    r"만(?!족|약|큼|원|나|들|두|화|점|세|기|료|일|남|\d)|한정|한함|한해|에한|국한|only|전용채용|우대|선호|환영|모집|구함|구해|구합|구하|급구|구인|모십|모셔|모심|찾|"
    r"채용|뽑|지원가능|가능자|필요|원함|원합|위주|좋|바람직|적합|적격|희망|요망|가능|대환영|(?<!\d)\d명|직원|지원자격|근무자"
)
_GENDER_EXCLUDE_RE = re.compile(
    r"불가|사절|제외|안됨|안돼|안됩|어렵|할수없|불합격|받지않|안받|no(?![a-z])|금지|곤란|죄송|사양|지원x|뽑지않|채용하지않"
)
_GENDER_FIELD_RE = re.compile(
    r"(?:성별|지원자격|자격|모집대상|채용대상|대상|자격요건|우대사항|우대조건|우대|조건|필수)(?:은|는|:|요건)?"
    r"(?P<g>남자|여자|남성|여성|남|여)(?P<after>[^#]{0,6})"
)
_GENDER_NOUN_RE = re.compile(
    r"(?P<g>이모님|이모(?!티콘|지|션|부|작|저|씨네)|삼촌|아가씨|아줌마|아주머니|아저씨|총각|처녀|여사님|언니|오빠|형님|누나|"
    r"주부사원|주부님|주부(?!동산|처|방|품|식)|어머님|아버님|엄마|아빠|청년남|미스|미시)"
)
_GENDER_NOUN_SKIP_AFTER_RE = re.compile(
    r"^(?:들|분들|님들)?(?:과|와|같|처럼|손님|고객|어르신|돌봄|께서|가계|이계|들이계|들이근무|근무중|의마음|마음|의손맛|손맛|"
    r"표|네|집|밥|표김치|친구|클럽|카페|식당|국밥|김밥|반찬|의정성|정성|가족)"
)
_PLACE_BIGRAMS = frozenset(
    (
        *(
            "충남",
            "전남",
            "경남",
            "강남",
            "하남",
            "해남",
            "호남",
            "영남",
            "동남",
            "서남",
            "운남",
            "이남",
            "지남",
            "성남",
        ),
        *(
            "제남",
            "창남",
            "익남",
            "급여",
            "참여",
            "부여",
            "대여",
            "수여",
            "기여",
            "관여",
            "증여",
            "공여",
            "투여",
            "잔여",
        ),
        *("양여", "녀여"),
    )
)
"""Two letters that end a place name or a common word and start a gender word once spaces are gone."""
_GENDER_COUNT_RE = re.compile(r"(?:남자|여자|남성|여성|남|여)\d+명")
_GENDER_COUNT_BEFORE_RE = re.compile(r"(?:[^가-힣]|인원|모집|각|대상|^)$")


def _gender_flag(p: Posting, sev: str, what: str, ev: str) -> Flag:
    return Flag(
        "gender",
        sev,
        f"{what}('{ev}')은 모집·채용에서 남녀를 차별하는 것으로 볼 수 있습니다({_C_GENDER} ①). 직무의 성질상 특정 성이 "
        "불가피한 경우에만 예외입니다.",
        "성별 조건과 성별을 드러내는 호칭(이모님·삼촌·아가씨 등)을 지우고 '성별 무관'으로 적거나, 필요한 직무 요건"
        "(예: 20kg 물품 운반)을 직접 적으세요.",
        ev,
        "gender_limit",
    )


def rule_gender(p: Posting) -> list[Flag]:
    """Gender limits (남녀고용평등법 제7조 ①): a sex as a requirement or preference, gendered job titles."""
    s = p.s
    out: list[Flag] = []
    used: list[int] = []

    def add(sev: str, what: str, a: int, b: int) -> None:
        if any(abs(a - u) < 4 for u in used):
            return
        used.append(a)
        out.append(_gender_flag(p, sev, what, p.norm.span(a, b)))

    for m in _GENDER_FIELD_RE.finditer(s):
        g, after = m.group("g"), m.group("after")
        rest = s[m.end("g") :]
        if len(g) == 1 and not re.match(r"(?:#|$|/|,|만|한정|우대|선호|환영|지원|\d|모집|구함|필수|only)", rest):
            continue
        if re.match(r"(?:무관|불문|구분|상관|관계|모두|둘다|누구|공통)", rest) or _GENDER_NOT_WORKER_AFTER_RE.match(
            rest
        ):
            continue
        if re.match(r"^(?:/|또는|혹은|및|이나)?(?:남|여)", rest):
            continue
        add("high", "지원 자격을 한 성별로 정한 표현", m.start(), m.end("g") + min(len(after), 4))
    for m in _GENDER_WORD_RE.finditer(s):
        o = p.norm.orig_index(m.start())
        joined = bool(o) and re.match(r"[가-힣]", p.norm.orig[o - 1]) is not None  # no space before it in the text
        if joined and s[max(0, m.start() - 1) : m.start() + 1] in _PLACE_BIGRAMS:
            continue  # 충남자동차, 급여성과급 (but "있어서 남자분만" has a space: a gender word)
        after = _after(s, m.end(), 12)
        if _GENDER_NOT_WORKER_AFTER_RE.match(after) or _GENDER_NOT_WORKER_BEFORE_RE.search(_before(s, m.start(), 6)):
            continue
        if re.match(
            r"^(?:무관|불문|구분없|상관없|관계없|모두|누구나|,?(?:남자|여자|남성|여성)모두|또는|혹은|및|이나|/)", after
        ):
            continue
        if re.match(r"^(?:도|분도|도지원|분들도)(?:지원)?(?:가능|환영)", after) and re.search(
            r"(?:남자|여자|남성|여성)(?:도|분도)", _before(s, m.start(), 12)
        ):
            continue  # "남성도 여성도 환영"
        if _GENDER_DESCRIPTIVE_RE.search(after):
            continue
        if _GENDER_QUALIFIED_BEFORE_RE.search(_before(s, m.start(), 8)):
            add("high", "한 성별을 자격으로 적은 표현", max(0, m.start() - 4), m.end())  # "미혼 여성", "20대 여성"
            continue
        ex = _GENDER_EXCLUDE_RE.search(after)
        rs = _GENDER_RESTRICT_RE.search(after)
        if ex:
            add("high", "한 성별을 배제하는 표현", m.start(), m.end() + ex.end())
        elif rs:
            add("high", "한 성별만 찾거나 우대하는 표현", m.start(), m.end() + rs.end())
    for m in _GENDER_NOUN_RE.finditer(s):
        after = _after(s, m.end(), 10)
        if _GENDER_NOUN_SKIP_AFTER_RE.match(after) or _GENDER_NOT_WORKER_BEFORE_RE.search(_before(s, m.start(), 6)):
            continue
        if m.group("g") in ("미스", "미시") and not re.match(r"^(?:분|환영|우대|모집|구함|만)", after):
            continue
        ex = _GENDER_EXCLUDE_RE.search(after)
        rs = _GENDER_RESTRICT_RE.search(after)
        if ex or rs:
            k = (ex or rs).end()
            add("medium", f"성별을 드러내는 호칭('{m.group('g')}')으로 사람을 찾는 표현", m.start(), m.end() + k)
    for m in _GENDER_COUNT_RE.finditer(s):
        o = p.norm.orig_index(m.start())
        before = p.norm.orig[o - 1 : o] if o else ""
        if not re.match(r"[가-힣]", before) or _GENDER_COUNT_BEFORE_RE.search(s, max(0, m.start() - 2), m.start()):
            add("high", "성별로 인원을 나눈 표현", m.start(), m.end())
    return out


# ============================================================================ banned_request
_C_FAIR = cite(law.FAIR_HIRING_ACT, "제4조의3")
_FAMILY_WHO_RE = re.compile(
    r"가족사항|가족관계|가족구성원|가족|부모님|부모|양친|아버지|아버님|부친|어머니|어머님|모친|형제자매|형제|자매|남매|친척|친인척|"
    r"집안|가정환경|직계존비속|직계가족|직계|배우자|자녀|조부모|부·모|부모형제"
)
_FAMILY_WHAT_RE = re.compile(
    r"최종학력|학력|졸업학교|출신학교|학교명|학위|대졸|고졸|초대졸|직업|직장|직위|직급|직책|근무처|회사명|재직|재산|자산|소득|연봉|"
    r"수입|월급|자가|아파트|평수|부동산|공무원|교사|사회적지위|경제력|생활수준|재정"
)
_FAMILY_SKIP_AFTER_RE = re.compile(
    r"^(?:같|적인|적분위|처럼|친화|돌봄|수당|휴가|여행|행사|경조|초청|의날|단위|모임|회사|기업|경영|연락처|비상|동반|사랑|관계증명|"
    r"행복|건강|상담|치료|센터|캠프|과의|에게|들에게|의동의|동의|학자금|교육비|보육|양육|육아|장학|출산|입학|학비|어린이집|"
    r"보험|의료비|간병|요양|면회|방문|초대|참여|지원)"
)
_FAMILY_MID_SKIP_RE = re.compile(r"학자금|교육비|장학|학비|보육|돌봄|수당|휴가|지원|혜택|할인|같은|처럼|상담|소통|안내")
_FAMILY_REVERSE_RE = re.compile(
    r"(?:학력|직업|직장|재산|소득)(?:[^#]{0,8}?)(?:을|를)?(?:가족별|가족마다|가족모두|가족사항|부모님|부모|형제자매|형제)"
    r"(?:의|별|마다|모두)?(?:기재|작성|적어|제출|표시|체크)"
)
_APPEARANCE_RES: list[tuple[re.Pattern, str, str]] = [
    (
        re.compile(r"용모(?:가|는|이)?(?:단정|준수|깔끔|우수|좋|단아|수려|심사|평가|확인|중시|보|뛰어|호감|단정한)"),
        "high",
        "용모 조건",
    ),
    (
        re.compile(
            r"외모(?!보다|와무관|무관|상관|불문|차별|평가안|평가하지않|보지않|에관계없|관계없|로차별|와상관|는보지|는상관|"
            r"를보지|만으로판단하지|지상주의)"
        ),
        "high",
        "외모 조건",
    ),
    (
        re.compile(
            r"호감형|호감가는(?:인상|외모|얼굴)|미모(?:의|가|이신|우대|분|재원|인)|(?:미인|미남|미녀)(?:이신|형|분|우대|환영|만|선호)|"
            r"얼짱|몸짱|몸매|날씬|글래머|s라인|에스라인|꽃미남|훈남|훈녀|예쁘장|"
            r"잘생기|동안이신|동안인분"
        ),
        "high",
        "외모·몸매 조건",
    ),
    (
        re.compile(
            r"(?:예쁜|이쁜|잘생긴|훈훈한|귀여운|섹시한|아름다운|멋진|매력적인)(?:외모|얼굴|분|여성|남성|여자|남자|직원|친구|스타일|"
            r"인상|매니저|알바|인재|사람)"
        ),
        "high",
        "외모 조건",
    ),
    (
        re.compile(
            r"비만(?:이신|인|하신|체형|이거나|이면|이시면|자|분|이신분|인분)|뚱뚱|통통(?:한|하신)|마른(?:체형|분|몸)|마르신|"
            r"슬림(?:한|하신)(?:분|체형|몸매|여성|남성)|체형(?:이|은)?(?:날씬|마른|슬림|보통이상|좋)"
        ),
        "high",
        "체형 조건",
    ),
    (
        re.compile(
            r"(?:키|신장)(?<!매출신장)(?<!실적신장)(?:가|는|이)?(?:1[4-9]\d|크|큰|작|높|제한|조건|기준|몸무게|체중)(?!내과|이식)"
        ),
        "high",
        "키(신장) 조건",
    ),
    (
        re.compile(
            r"(?:체중|몸무게)(?<!회원체중)(?<!고객체중)(?<!환자체중)(?<!회원몸무게)(?<!고객몸무게)(?:은|는|이|가)?(?:\d|제한|조건|기재|작성|적어|이하|이상|미달|초과|가벼|제출|란|"
            r"기준|무거|많이나가)"
        ),
        "high",
        "체중 조건",
    ),
    (re.compile(r"bmi|체질량지수"), "high", "체질량지수(BMI) 요구"),
    (
        _guard(
            re.compile(
                r"(?:전신|얼굴|상반신|셀카|셀피|프로필|외모확인용?|바디|몸매|수영복|비키니|노출|실물)(?:사진|샷|컷|촬영|"
                r"이나오게|이나오도록|이보이게|나오게|이보이도록)|사진[^#]{0,6}?(?:전신|얼굴|상반신|셀카|실물|보정없|보정안|"
                r"무보정)|(?:전신|얼굴|상반신)(?:이|이잘|잘)?(?:나온|보이는|찍은)사진|셀카|셀피"
            ),
            *("사진", "셀카", "셀피", "샷", "컷", "촬영", "나오", "보이"),
        ),
        "high",
        "외모 확인용 사진 요구",
    ),
    (
        re.compile(r"신체(?:사항|조건|정보|치수|사이즈|스펙|적조건)|(?:44|55|66)(?:사이즈|반|size)|사이즈(?:44|55|66)"),
        "high",
        "신체 조건",
    ),
    (re.compile(r"인상(?:이)?(?:좋|깔끔|호감|밝|선한|훈훈)"), "low", "인상(외모)을 보는 표현"),
    (re.compile(r"건장(?:한|하신)"), "medium", "체격 조건"),
]
_ORIGIN_RES: list[tuple[re.Pattern, str, str]] = [
    (
        re.compile(
            r"본적(?<!기본적)(?!인|으로)|원적(?!외선)|출생지|태어난곳|고향(?:이|은|을|기재|작성|적어|어디|확인|우대|출신|사람|분|이신|지역|정보|도적|을적)"
        ),
        "high",
        "출신지역(본적·고향) 요구",
    ),
    (
        _guard(
            re.compile(
                r"출신(?:지역|지(?!원)|도(?!시))|(?:지역|권|지방|영남|호남|충청|강원|경상|전라|제주|서울|부산|대구|광주|대전|울산|인천|"
                r"경기|수도권|경북|경남|전북|전남|충북|충남|도|시|동네)출신|토박이"
            ),
            "출신",
            "토박이",
        ),
        "high",
        "출신지역 조건",
    ),
]
_MARITAL_RES: list[tuple[re.Pattern, str, str]] = [
    (
        re.compile(
            r"(?:미혼|기혼|독신|돌싱|이혼)(?:자|이신|인|여성|남성|만|우대|환영|불가|사절|선호|분|이어야|조건|여부|녀|남|이면|일것|이실|"
            r"이셔야|유무|상태)"
        ),
        "high",
        "혼인 여부 조건",
    ),
    (
        re.compile(
            r"(?:결혼|혼인)(?:여부|유무|계획|예정|상태|했|하신|안하|안한|하지않|할계획|안하신|을안|은안|생각|사항|관계|을하지|을하신)"
        ),
        "high",
        "결혼 여부·계획 요구",
    ),
    (re.compile(r"싱글(?:이신|인|여성|남성|만|분|우대|맘|대디|이어야|이면)"), "high", "혼인 여부 조건"),
    (
        re.compile(
            r"(?:배우자|자녀|아이|자제)(?:유무|여부|출산계획|계획|수기재|수를기재)|(?:배우자|자녀|아이)(?:가)?(?:없|있)(?:는|으신)분"
            r"(?:만|우대|불가|환영|선호)"
        ),
        "high",
        "배우자·자녀 유무 요구",
    ),
    (re.compile(r"(?:임신|출산)(?:계획|예정|여부|가능성|의사)"), "high", "임신·출산 계획 요구"),
]
_ASSET_RES: list[tuple[re.Pattern, str, str]] = [
    (
        re.compile(
            r"재산(?<!지식재산)(?<!지적재산)(?<!회사재산)(?<!법인재산)(?<!고객재산)(?<!공공재산)(?:정도|규모|상태|현황|기재|증빙|목록|내역|수준|유무|사항|등|보유|"
            r"여부|평가|조사|증명|확인|체크|관계|내용|총액|액|을(?!보호|관리)|를|이|은|는)(?!보호|관리|손괴|피해|범죄)"
        ),
        "high",
        "재산 정보 요구",
    ),
    (re.compile(r"자산(?:규모|현황|정도|내역|증빙|기재|상태|보유|수준|을기재|목록)(?!\d)"), "high", "자산 정보 요구"),
    (
        re.compile(
            r"(?:자가|자택|주택|아파트|부동산)(?:소유|보유|유무|여부|현황|평수|시세|등기|증빙|내역|을소유|을보유)"
        ),
        "high",
        "주택·부동산 보유 요구",
    ),
    (
        re.compile(
            r"(?:대출|부채|채무|빚)(?<!고객대출)(?<!회원대출)(?<!기업대출)(?:현황|여부|유무|규모|내역|기재|정도|상황|금액)"
        ),
        "high",
        "부채·대출 정보 요구",
    ),
    (
        re.compile(r"거주형태|주거형태|주거상태|전월세|전세월세|월세여부|전세여부|자가여부|자가전세|자가월세"),
        "high",
        "주거 형태(재산) 요구",
    ),
    (
        re.compile(
            r"(?:연소득|소득수준|월소득|재정상태|재정상황|경제력|생활수준)(?:을|를)?(?:기재|적어|작성|증빙|제출|확인|체크)"
        ),
        "high",
        "소득·재정 정보 요구",
    ),
]
_REQUEST_PATTERNS: list[tuple[str, re.Pattern, str, str]] = [
    (fam, rx, sev, what)
    for fam, group in (
        ("appearance", _APPEARANCE_RES),
        ("origin_marital_assets", _ORIGIN_RES),
        ("origin_marital_assets", _MARITAL_RES),
        ("origin_marital_assets", _ASSET_RES),
    )
    for rx, sev, what in group
]
for (_kind, _rx, _sev, _what), _need in zip(
    _REQUEST_PATTERNS,
    [
        ("용모",),
        ("외모",),
        (
            "호감",
            "미모",
            "미인",
            "미남",
            "미녀",
            "얼짱",
            "몸짱",
            "몸매",
            "날씬",
            "글래머",
            "라인",
            "훈남",
            "훈녀",
            "예쁘",
        ),
        ("예쁜", "이쁜", "잘생긴", "훈훈", "귀여운", "섹시", "아름다운", "멋진", "매력적"),
        ("비만", "뚱뚱", "통통", "마른", "마르신", "슬림", "체형"),
        ("키", "신장"),
        ("체중", "몸무게"),
        ("bmi", "체질량"),
        None,  # guarded where it is defined
        ("신체", "사이즈", "size", "44반", "55반", "66반"),
        ("인상",),
        ("건장",),
        ("본적", "원적", "출생지", "태어난", "고향"),
        None,
        ("미혼", "기혼", "독신", "돌싱", "이혼"),
        ("결혼", "혼인"),
        ("싱글",),
        ("배우자", "자녀", "아이", "자제"),
        ("임신", "출산"),
        ("재산",),
        ("자산",),
        ("자가", "자택", "주택", "아파트", "부동산"),
        ("대출", "부채", "채무", "빚"),
        ("거주형태", "주거", "전월세", "전세", "월세", "자가"),
        ("소득", "재정", "경제력", "생활수준"),
    ],
    strict=True,
):
    if _need is not None:
        _guard(_rx, *_need)
_guard(_FAMILY_REVERSE_RE, "학력", "직업", "직장", "재산", "소득")
_REQUEST_NEGATED_RE = re.compile(
    r"^(?:은|는|이|가|을|를)?(?:무관|상관없|불문|구분없|관계없|차별없|묻지않|모두|기재불필요|받지않|필요없)"
)
_FIX_APPEARANCE = (
    "용모·키·체중·사진 등 신체 조건을 지우세요. 직무에 꼭 필요한 신체 능력(예: 20kg 운반)만 직무 요건으로 적고, "
    "사진은 받지 않거나 합격 후 인사 서류로만 받으세요."
)
_FIX_ORIGIN = (
    "출신지역·혼인 여부·재산(주택·부동산·부채) 항목을 지원서와 공고에서 지우세요. 출퇴근 편의가 필요하면 "
    "'근무지 인근 거주자 우대'처럼 현 거주지 기준으로 적으세요."
)
_FIX_FAMILY = "가족(부모·형제자매·자녀)의 학력·직업·재산을 묻는 항목을 지우세요. 비상연락처는 입사 후 받으세요."


def _request_flag(p: Posting, family: str, sev: str, what: str, ev: str) -> Flag:
    if family == "appearance":
        basis = f"{_C_FAIR} 1호(용모·키·체중 등 신체적 조건), {_C_GENDER} ②"
    elif family == "family_background":
        basis = f"{_C_FAIR} 3호(직계 존비속·형제자매의 학력·직업·재산)"
    elif what.startswith(("혼인", "결혼", "배우자", "임신")):
        basis = f"{_C_FAIR} 2호(혼인여부), {_C_GENDER} ②(미혼 조건)"
    else:
        basis = f"{_C_FAIR} 2호(출신지역·혼인여부·재산)"
    return Flag(
        "banned_request",
        sev,
        f"{what}('{ev}'): 직무 수행에 필요하지 않은 정보를 기초심사자료에 적게 하거나 채용 조건으로 삼을 수 없습니다"
        f"({basis}).",
        _FIX_APPEARANCE if family == "appearance" else _FIX_FAMILY if family == "family_background" else _FIX_ORIGIN,
        ev,
        family,
    )


def rule_banned_request(p: Posting) -> list[Flag]:
    """Information 채용절차법 제4조의3 forbids asking for: appearance, height, weight, looks photos (1호); origin,
    marital status, assets (2호); family members' education, jobs and assets (3호); 미혼 조건
    (남녀고용평등법 제7조②)."""
    s = p.s
    out: list[Flag] = []
    fams: set[tuple[str, int]] = set()

    def add(family: str, sev: str, what: str, a: int, b: int) -> None:
        key = (family, a // 12)
        if key in fams:
            return
        fams.add(key)
        out.append(_request_flag(p, family, sev, what, p.norm.span(a, b)))

    family_spans: list[tuple[int, int]] = []
    for m in _FAMILY_WHO_RE.finditer(s):
        after = s[m.end() : m.end() + 24]
        if _FAMILY_SKIP_AFTER_RE.match(after):
            continue
        seg = _after(s, m.end(), 24)
        w = _FAMILY_WHAT_RE.search(seg)
        if not w or _FAMILY_MID_SKIP_RE.search(seg[: w.start()]):
            continue
        family_spans.append((m.start(), m.end() + w.end()))
        add("family_background", "high", "가족의 학력·직업·재산 요구", m.start(), m.end() + w.end() + 4)
    for m in _finditer(_FAMILY_REVERSE_RE, s):
        family_spans.append(m.span())
        add("family_background", "high", "가족의 학력·직업·재산 요구", m.start(), m.end())
    for kind, rx, sev, what in _REQUEST_PATTERNS:
        for m in _finditer(rx, s):
            if kind == "appearance":
                add("appearance", sev, what, m.start(), m.end() + len(_after(s, m.end(), 6)))
                continue
            if any(a - 2 <= m.start() < b + 2 for a, b in family_spans):
                continue
            tail = _after(s, m.end(), 8)
            if _REQUEST_NEGATED_RE.match(tail):
                continue
            if re.search(r"(?:미혼|기혼)(?:[^#]{0,3})(?:무관|상관없|불문|모두)", s[m.start() : m.end() + 8]):
                continue
            if re.match(r"^(?:자)?(?:와|과|고객|상담|커플|분들과|을위한|에게|분들께|박람회|준비)", tail):
                continue  # a wedding business's customers, not the applicant
            add("origin_marital_assets", sev, what, m.start(), m.end() + len(_after(s, m.end(), 6)))
    return out


# ============================================================================ scam
_C_FEE = cite(law.EMPLOYMENT_SECURITY_ACT, "제32조")
_C_FALSE_AD = cite(law.EMPLOYMENT_SECURITY_ACT, "제34조")
_C_FALSE_AD_DECREE = cite(law.EMPLOYMENT_SECURITY_DECREE, "제34조")
_C_SCREEN_FEE = cite(law.FAIR_HIRING_ACT, "제9조")
_FEE_RE = re.compile(
    r"(?P<f>교육비|교재비|등록비|등록금|가입비|가입금|입회금|회비|입회비|보증금|수강료|강의료|심사비|서류비|전형료|응시료|면접비|채용심사비용|심사비용|"
    r"유니폼비|유니폼대|유니폼값|장비비|장비대|물품비|재료비|스타터키트|키트비|키트|초기비용|초기자금|투자금|투자비|선입금|예치금|"
    r"알선료|소개비|소개료|중개수수료|수수료|계약금|선납금|선결제|창업비|가맹비|인증비|교육수강료|연수비|숙소보증금)"
)
_FEE_OK_AFTER_RE = re.compile(
    r"^(?:은|는|이|가|도|및[가-힣]{1,6})?(?:전액|전부|모두)?(?:회사|당사|사측|본사|업체|센터)?(?:에서|측)?(?:전액|전부|모두)?"
    r"(?:부담|지원|제공|무료|없|면제|지급|일절없|0원|받지않|요구하지않|청구하지않|걱정없|x(?![a-z0-9])|환급해드|돌려드|"
    r"100%지원|국비|무상)"
)
_FEE_OK_BEFORE_RE = re.compile(r"(?:무료|무상|국비|회사부담|전액지원|no|없는|없이)$")
_FEE_PAY_RE = re.compile(
    r"(?<!\d)\d+(?:\.\d+)?(?:만)?원|만원|입금|납부|선납|결제|지불|내야|내셔야|내시면|부담하셔|구매|구입|필요|필수|후근무|후면접|"
    r"확인후|후시작|후활동|선입금|먼저|별도|본인부담|자비"
)
_DEPOSIT_RE = re.compile(
    r"선입금|(?<!급여)(?<!월급)(?<!임금)(?<!당일)(?<!익일)(?<!매주)(?<!매월)(?<!정산)입금(?:확인|필수|후|하셔야|해주|해야|하시면|완료)"
)
_PRINCIPAL_RE = re.compile(
    r"원금(?:보장|환급|돌려|보전|회수)|수익금(?:즉시)?(?:환급|지급|보장)|미션(?:완료|수행|참여|비용|금액)"
)
_PURCHASE_RE = re.compile(
    r"(?:제품|물품|상품|키트|교재|장비|유니폼|재료|회원권)(?:을|를)?(?:먼저|직접|본인이|자비로)?(?:구매|구입|결제)(?:후|해야|하셔야|필수|조건|하시면)"
)
_LURE_RE = re.compile(r"고수익|고소득|고액알바|고액수당|꿀알바|대박수익|초고수익|수익(?:을)?보장|수입보장|소득보장")
_GUARANTEE_RE = re.compile(
    r"(?P<unit>월|일당|하루|일|주|시간당|시급|건당)?(?P<n>\d+)(?:만원?)?(?:이상)?(?:무조건|100%)?"
    r"(?P<g>보장|확정|즉시지급|당일지급|즉시입금|당일입금)"
)
_VAGUE_RE = re.compile(
    r"휴대폰만|핸드폰만|폰만|스마트폰만|누구나가능|누구나쉽게|하루\d시간투자|재택부업|댓글알바|리뷰알바|좋아요(?:알바|누르)|"
    r"타자알바|가입만|클릭만|여권만|신분증만|몸만오|몸만와"
)
"""Work described only by what the applicant needs to own or do in a minute: the usual companion of a lure."""


def _big_guarantee(m: re.Match) -> bool:
    """A guaranteed amount far above ordinary pay for its unit (만원: 월 500, 주 150, 일 30, 시간 5, 건 10)."""
    n = int(m.group("n"))
    if "만" not in m.group() and n < 100:
        return False  # "주 5일 보장"-like counts, not money
    unit = m.group("unit") or ""
    limit = {"일당": 30, "하루": 30, "일": 30, "주": 150, "시간당": 5, "시급": 5, "건당": 10}.get(unit, 500)
    if m.group("g") in ("즉시지급", "당일지급", "즉시입금", "당일입금"):
        limit = {"일당": 50, "하루": 50, "일": 50, "건당": 20}.get(unit, 10**9)  # same-day pay is normal for day work
    return n >= limit


_COURIER_RE = re.compile(
    r"(?:서류|물건|물품|현금|돈|가방|봉투|카드|상품권|택배)(?:를|을)?(?:전달|수거|운반|배송|받아|받기|픽업|인출)(?:만|하시면|해주|업무|하는|책|원|알바)"
    r"|현금(?:수거|전달|인출)|수거책|전달책|인출책"
)
_ABROAD_RE = re.compile(
    r"해외(?:근무|취업|일자리|파견|채용|고수익|현지근무)|(?:캄보디아|태국|필리핀|베트남|미얀마|라오스)(?:근무|현지|취업)"
)
_ABROAD_LURE_RE = re.compile(r"보장|고수익|항공권|항공료|숙소제공|숙식제공|여권만|월\d+만원|(?<!\d)\d{3,4}만원")
_MESSENGER_RE = re.compile(
    r"(?P<m>텔레그램|텔레그렘|텔래그램|텔레그래|텔레(?=id|아이디|문의|연락|상담|로|으로|:)|telegram|위챗|wechat|시그널|signal|왓츠앱|whatsapp|오픈채팅|오픈톡|오픈카톡|카카오톡|카톡|kakaotalk|"
    r"kakao|(?<![온프산립장업조드스크골목선허])라인|line)(?P<after>[^#]{0,10})"
)
_MESSENGER_CONTACT_RE = re.compile(
    r"^(?:오픈채팅|오픈톡)?(?:id|아이디|으로|로|문의|연락|상담|친추|친구추가|추가|만|채널|주세요|:|@)"
)
_SUSPECT_MESSENGERS = frozenset(
    {
        "텔레그램",
        "텔레그렘",
        "텔래그램",
        "텔레그래",
        "텔레",
        "telegram",
        "위챗",
        "wechat",
        "시그널",
        "signal",
        "왓츠앱",
        "whatsapp",
        "오픈채팅",
        "오픈톡",
        "오픈카톡",
    }
)
_PHONE_RE = re.compile(r"0\d{1,2}[-. )]{0,2}\d{3,4}[-. ]?\d{4}|1[5-9]\d{2}[-. ]?\d{4}|\+82")
_EMAIL_URL_RE = re.compile(r"@[\w-]+\.[a-z]|https?://|www\.", re.IGNORECASE)
_CHANNEL_RE = re.compile(
    r"고용24|워크넷|사람인|잡코리아|알바몬|알바천국|인크루트|잡플래닛|원티드|온라인지원|온라인으로지원|온라인접수|입사지원|즉시지원|지원하기|"
    r"이메일|메일|e메일|email|홈페이지|채용사이트|채용포털|채용게시판|방문접수|방문지원|우편접수|팩스|fax|전화|연락처|담당자"
)
_HIDDEN_ID_RE = re.compile(
    r"(?:업체명|회사명|상호명|상호|업체|회사|사업장|기업명|사업체명)(?:은|는|이)?(?:비공개|미공개|공개불가|밝힐수없|면접시공개|추후공개|"
    r"합격후공개|알려드리지않|비밀)"
)
_RECRUIT_RE = re.compile(
    r"(?:지인|친구|주변분|주변사람|아는사람|인맥|가족|지인분)(?:을|를|분|들|분들)?(?:\d+명)?(?:만)?(?:소개|모집|가입|영입|데려|초대|유치|"
    r"끌어|등록)(?P<after>[^#]{0,16})|다단계|네트워크마케팅|하위라인|하부라인|직급수당|후원수당|추천수당|리쿠르팅|하위회원|"
    r"(?:추천인|하위)(?:모집|수당)"
)
_RECRUIT_REWARD_RE = re.compile(r"수당|수익|보너스|커미션|포인트|만원|%|당\d|인당|명당|리워드|적립|보상|인센")
_RECRUIT_OK_RE = re.compile(r"입사|채용|재직자|사내|직원추천|추천채용|근무시|채용시|입사시|입사하면|채용되면")
_LEND_RE = re.compile(
    r"(?:통장|계좌|체크카드|신용카드|카드|신분증|명의|유심|usim|휴대폰|핸드폰|공인인증서|인증서|otp|아이디|계정|사업자등록증|사업자)"
    r"(?:사본)?(?:을|를|만|과|및|·|[가-힣]{0,4})?(?:대여|빌려|양도|(?<!매장)(?<!대리점)(?<!직원)판매|매입|매매|넘겨|임대|빌리|구매합|삽니|사드립|개통해)"
)
_ID_FIRST_RE = re.compile(
    r"(?:신분증|주민등록증|통장|계좌|카드|주민번호|주민등록번호|여권|운전면허증)(?:사본)?(?:과|와|및|·|,)?"
    r"(?:[가-힣]{0,6}(?:사본)?)?(?:을|를)?(?:먼저|미리|선제출|면접전|지원시|면접시|지원할때|우선)[^#]{0,10}?"
    r"(?:보내|제출|전송|첨부|필수|가능|찍어)"
    r"|(?:먼저|미리|면접전|지원시|지원할때|우선)[^#]{0,4}(?:신분증|주민등록증|통장|계좌|카드|주민번호|주민등록번호|여권)"
    r"(?:사본)?(?:을|를)?(?:보내|제출|전송|첨부|찍어)"
)
_guard(_ABROAD_RE, "해외", "캄보디아", "태국", "필리핀", "베트남", "미얀마", "라오스")
_guard(_HIDDEN_ID_RE, "공개", "비밀", "밝힐수", "알려드리지")
_guard(_PRINCIPAL_RE, "원금", "수익금", "미션")
_guard(_PURCHASE_RE, "구매", "구입", "결제")
_guard(_ID_FIRST_RE, "신분증", "주민", "통장", "계좌", "카드", "여권", "면허")
_guard(
    _LEND_RE,
    "대여",
    "빌려",
    "빌리",
    "양도",
    "판매",
    "매입",
    "매매",
    "넘겨",
    "임대",
    "구매합",
    "삽니",
    "사드립",
    "개통해",
)
_guard(_COURIER_RE, "전달", "수거", "운반", "배송", "받아", "받기", "픽업", "인출", "책")
_ID_OK_RE = re.compile(
    r"입사후|합격후|채용후|근로계약|입사시|계약시|채용확정|최종합격|입사당일|출근시|출근후|입사하신후"
)


_INCOME_WORDS = ("보장", "고수익", "고소득", "고액", "꿀알바", "대박", "확정", "즉시", "당일")
_MESSENGER_WORDS = (
    "텔레",
    "telegram",
    "위챗",
    "wechat",
    "시그널",
    "signal",
    "왓츠앱",
    "whatsapp",
    "오픈",
    "카톡",
    "카카오톡",
    "kakao",
    "라인",
    "line",
)
_RECRUIT_WORDS = (
    "지인",
    "친구",
    "주변",
    "아는사람",
    "인맥",
    "가족",
    "다단계",
    "네트워크",
    "하위",
    "하부",
    "직급수당",
    "후원수당",
    "추천",
    "리쿠르팅",
)


def _has_contact(p: Posting) -> bool:
    """A telephone number, e-mail address or web address in the contact field or the text."""
    return bool(
        _PHONE_RE.search(p.contact)
        or _EMAIL_URL_RE.search(p.contact)
        or _PHONE_RE.search(p.norm.orig)
        or _EMAIL_URL_RE.search(p.norm.orig)
    )


def _scam_flag(sev: str, what: str, basis: str, fix: str, ev: str) -> Flag:
    return Flag("scam", sev, f"{what}('{ev}') — {basis}.", fix, ev, "scam")


def rule_scam(p: Posting) -> list[Flag]:
    """Fraud signals: money asked of applicants, guaranteed income for vague work, courier work, overseas lures,
    messenger-only contact, recruiting acquaintances for a reward, lending accounts or IDs, a hidden employer."""
    s = p.s
    out: list[Flag] = []
    seen: set[str] = set()

    def add(key: str, sev: str, what: str, basis: str, fix: str, a: int, b: int) -> None:
        if key in seen:
            return
        seen.add(key)
        out.append(_scam_flag(sev, what, basis, fix, p.norm.span(a, b)))

    fee_fix = (
        "구직자에게서 교육비·보증금·등록비 등 어떤 명목의 금품도 받지 마세요. 필요한 비용은 회사가 부담한다고 적으세요."
    )
    for m in _FEE_RE.finditer(s):
        after = _after(s, m.end(), 18)
        if _FEE_OK_AFTER_RE.match(after) or _FEE_OK_BEFORE_RE.search(_before(s, m.start(), 6)):
            continue
        if re.search(r"(?:없음|없습니다|없어요|없고|없이|받지않|무료|면제|회사부담|전액지원|지원합니다)", after):
            continue
        if m.group("f") == "수수료" and not re.search(r"원|입금|납부|선납|결제|지불", after):
            continue
        if m.group("f") == "회비" and not re.search(r"(?<!\d)\d+(?:만)?원|입금|납부|선납", after):
            continue
        pay = _FEE_PAY_RE.search(after)
        if not pay or re.search(r"원(?:을|를|씩)?(?:지원|제공|지급|보조)", after):
            continue  # "동호회비 월 2만원 지원": the employer pays
        screening = m.group("f") in ("심사비", "서류비", "전형료", "응시료", "면접비", "채용심사비용", "심사비용")
        basis = (
            f"채용심사를 이유로 구직자에게 비용을 부담시킬 수 없습니다({_C_SCREEN_FEE})"
            if screening
            else f"근로자를 모집하는 자는 어떤 명목으로든 응모자에게서 금품을 받을 수 없습니다({_C_FEE}); "
            "구인을 가장한 "
            f"물품판매·수강생 모집은 거짓 구인광고입니다({_C_FALSE_AD_DECREE} 1호)"
        )
        add("fee", "high", "구직자에게 금품(비용)을 요구하는 표현", basis, fee_fix, m.start(), m.end() + pay.end())
    for rx, what in (
        (_DEPOSIT_RE if "입금" in s else None, "먼저 돈을 입금하게 하는 표현"),
        (
            _PRINCIPAL_RE if _has(s, _GUARDS[_PRINCIPAL_RE]) else None,
            "원금·수익금 환급을 내세우는 표현(투자·미션형 사기 수법)",
        ),
        (_PURCHASE_RE if _has(s, _GUARDS[_PURCHASE_RE]) else None, "물품 구매를 근무 조건으로 거는 표현"),
    ):
        m = rx.search(s) if rx is not None else None
        if m:
            add(
                "fee",
                "high",
                what,
                f"응모자에게서 금품을 받을 수 없고({_C_FEE}), 구인을 가장한 물품판매·자금모금은 거짓 구인광고입니다"
                f"({_C_FALSE_AD_DECREE} 1호)",
                fee_fix,
                m.start(),
                m.end() + len(_after(s, m.end(), 6)),
            )
    courier = next(_finditer(_COURIER_RE, s), None)
    if courier:
        add(
            "courier",
            "high",
            "서류·현금 전달·수거만 하면 된다는 표현(보이스피싱 전달·수거책 모집 수법)",
            f"업무 내용을 사실과 다르게 알리는 거짓 구인광고입니다({_C_FALSE_AD} ①, {_C_FALSE_AD_DECREE} 4호)",
            "실제 업무 내용·업체명·근무지를 구체적으로 밝히세요.",
            courier.start(),
            courier.end() + len(_after(s, courier.end(), 6)),
        )
    money_words = _has(s, _INCOME_WORDS)
    lure = _LURE_RE.search(s) if money_words else None
    guarantees = list(_GUARANTEE_RE.finditer(s)) if money_words else []
    big = next((g for g in guarantees if _big_guarantee(g)), None)
    vague = _VAGUE_RE.search(s) if (lure or guarantees) else None
    hit = big or lure or (guarantees[0] if vague else None)
    if hit:
        sev = "high" if vague else "medium" if big else "low"
        add(
            "income",
            sev,
            "막연한 업무에 높은 수익을 보장하는 표현" if vague or big else "근거 없이 고수익을 내세우는 표현",
            f"제시한 근로조건이 실제와 현저히 다르거나 중요 내용이 사실과 다른 광고는 거짓 구인광고입니다"
            f"({_C_FALSE_AD} ①, {_C_FALSE_AD_DECREE} 3호·4호)",
            "'고수익 보장' 같은 표현을 지우고 실제 임금(시급·월급)과 업무 내용을 구체적으로 적으세요.",
            hit.start(),
            hit.end() + len(_after(s, hit.end(), 8)),
        )
    ab = next(_finditer(_ABROAD_RE, s), None)
    if ab and _ABROAD_LURE_RE.search(_sentence(s, ab.start(), ab.end()) + s[ab.end() : ab.end() + 40]):
        add(
            "abroad",
            "high",
            "해외 근무에 고수익·항공권·숙소를 내세우는 표현(해외 취업 사기·감금 수법)",
            f"근로조건이 실제와 다른 거짓 구인광고일 수 있습니다({_C_FALSE_AD} ①, {_C_FALSE_AD_DECREE} 3호); "
            "해외 취업은 "
            "등록된 국외 유료직업소개사업자를 통해야 합니다",
            "업체명·현지 사업장 주소·근로계약 조건을 밝히고 등록된 국외 직업소개 경로로 모집하세요.",
            ab.start(),
            ab.end() + len(_after(s, ab.end(), 10)),
        )
    for m in _MESSENGER_RE.finditer(s) if _has(s, _MESSENGER_WORDS) else ():
        name, after = m.group("m"), m.group("after")
        if name in ("라인", "line") and not re.match(
            r"^(?:id|아이디|친추|친구추가|메신저|문의|연락|상담|으로문의|으로연락|로문의|로연락)", after
        ):
            continue
        if not _MESSENGER_CONTACT_RE.match(after) and name not in _SUSPECT_MESSENGERS:
            continue
        only = bool(re.match(r"^(?:id|아이디)?(?:으로|로)?만", after))
        if name in _SUSPECT_MESSENGERS or only or not _has_contact(p):
            sev = (
                "high"
                if name in _SUSPECT_MESSENGERS and name not in ("오픈채팅", "오픈톡", "오픈카톡") or only
                else "medium"
            )
            add(
                "messenger",
                sev,
                "연락을 메신저(익명 채팅)로만 받는 표현",
                f"구인자의 신원(업체명·연락처)을 숨기는 광고는 거짓 구인광고로 봅니다({_C_FALSE_AD_DECREE} 2호)",
                "업체명·사업장 주소·유선 연락처를 밝히고, 메신저는 보조 연락 수단으로만 쓰세요.",
                m.start(),
                m.end(),
            )
            break
    hid = next(_finditer(_HIDDEN_ID_RE, s), None)
    if hid:
        add(
            "hidden",
            "high",
            "업체명을 밝히지 않는 표현",
            f"구인자의 신원(업체명 또는 성명)을 표시하지 않는 광고는 거짓 구인광고입니다({_C_FALSE_AD_DECREE} 2호)",
            "업체명·대표자·사업장 주소를 공고에 밝히세요.",
            hid.start(),
            hid.end() + len(_after(s, hid.end(), 16)),
        )
    for m in _RECRUIT_RE.finditer(s) if _has(s, _RECRUIT_WORDS) else ():
        after = m.group("after")
        if after is not None:
            sentence = _sentence(s, m.start(), m.end())
            if not _RECRUIT_REWARD_RE.search(after) or _RECRUIT_OK_RE.search(sentence):
                continue
        add(
            "recruit",
            "high",
            "지인을 끌어오면 수당을 주는 모집 방식(다단계·불법 모집 수법)",
            f"구인을 가장해 회원·투자자를 모으는 광고는 거짓 구인광고입니다({_C_FALSE_AD} ①, {_C_FALSE_AD_DECREE} 1호)",
            "지인 모집·가입 실적에 따른 수당 조건을 지우고 실제 업무와 임금을 적으세요.",
            m.start(),
            m.end(),
        )
        break
    for rx in (_LEND_RE, _ID_FIRST_RE):
        for m in _finditer(rx, s):
            sentence = _sentence(s, m.start(), m.end())
            if _ID_OK_RE.search(sentence):
                continue
            add(
                "lend",
                "high",
                "통장·카드·신분증을 빌려 주거나 먼저 보내게 하는 표현(대포통장·명의도용 수법)",
                f"구인을 가장해 금융·신분 정보를 모으는 거짓 구인광고입니다({_C_FALSE_AD} ①, "
                f"{_C_FALSE_AD_DECREE} 1호·4호); "
                "통장·카드 대여는 전자금융거래법상 범죄입니다",
                "통장·신분증 사본은 채용이 확정된 뒤 급여 지급 등 필요한 범위에서만 받으세요.",
                m.start(),
                m.end() + len(_after(s, m.end(), 8)),
            )
            break
    return out


# ============================================================================ inconsistent
_C_DECREE_FALSE = _C_FALSE_AD_DECREE
_SAID_DAILY_RE = re.compile(r"(?:하루|(?<!격)1일|일일)(?:근무|근로)?(?P<h>\d{1,2}(?:\.\d)?)시간(?!제외|휴게|이상|미만)")
_PART_TIME_RE = re.compile(
    r"시간제(?!과|빵|작|품|조|약|도|한|어|공|외)|파트타임|파트타이머|단시간|parttime|part-time|알바|아르바이트"
)
_FULL_TIME_RE = re.compile(r"풀타임|fulltime|전일제|종일제|정규직")
_PLAUSIBLE = {
    "hourly": (1_000, 100_000),
    "daily": (20_000, 1_000_000),
    "monthly": (150_000, 20_000_000),
    "annual": (6_000_000, 1_000_000_000),
}


def _looks_like(amount: float) -> str:
    if amount < 100_000:
        return "시급"
    if amount < 600_000:
        return "일급"
    if amount < 12_000_000:
        return "월급"
    return "연봉"


def rule_inconsistent(p: Posting) -> list[Flag]:
    """Fields that contradict each other or the text: an amount implausible for its wage type, part-time at more
    than 40 hours, daily hours that cannot make the weekly hours, a text amount different from the field, a closing
    date before the posting date."""
    out: list[Flag] = []
    fix_fields = "임금 형태·금액·근로시간·날짜 항목을 실제 조건과 본문에 맞게 고치세요."

    def add(sev: str, reason: str, ev: str) -> None:
        out.append(
            Flag(
                "inconsistent",
                sev,
                reason
                + f" 근로조건이나 광고의 중요 내용이 사실과 다르면 거짓 구인광고가 될 수 있습니다({_C_DECREE_FALSE}).",
                fix_fields,
                ev,
                "inconsistent_fields",
            )
        )

    if p.wage_type is not None and p.wage is not None and p.wage > 0:
        lo, hi = _PLAUSIBLE[p.wage_type]
        if not lo <= p.wage < hi:
            add(
                "high",
                f"임금 형태가 {WAGE_TYPE_KO[p.wage_type]}인데 금액 {_won(p.wage)}은 {_looks_like(p.wage)} "
                "금액으로 보입니다.",
                f"{WAGE_TYPE_KO[p.wage_type]} {_won(p.wage)}",
            )
        same = [w for w in p.wages if w.wage_type == p.wage_type and w.comparable]
        if same:
            lo_t = min(w.amount for w in same)
            hi_t = max(w.amount for w in same)
            if not (lo_t * 0.99 - 1 <= p.wage <= hi_t * 1.01 + 1):
                w = same[0]
                add(
                    "medium",
                    f"본문의 {WAGE_TYPE_KO[p.wage_type]} {_won(w.amount)}과 임금 항목 {_won(p.wage)}이 다릅니다.",
                    p.norm.span(w.start, w.end),
                )
    s = p.s
    if p.weekly_hours is not None and p.weekly_hours > FULL_WEEK:
        pt = _PART_TIME_RE.search(s)
        if pt and not _FULL_TIME_RE.search(s):
            strong = pt.group() not in ("알바", "아르바이트")
            add(
                "medium" if strong else "low",
                f"시간제(단시간) 공고인데 주 근로시간이 {p.weekly_hours:g}시간으로 통상 근로자(주 40시간)보다 깁니다"
                f"({_C_PART} ①: 단시간근로자는 통상 근로자보다 소정근로시간이 짧은 사람).",
                p.norm.span(pt.start(), pt.end()) + f" / 주 {p.weekly_hours:g}시간",
            )
    if p.weekly_hours is not None and p.daily_hours is not None and p.weekly_hours > p.daily_hours * 7 + 1e-9:
        add(
            "medium",
            f"1일 {p.daily_hours:g}시간으로는 주 {p.weekly_hours:g}시간을 채울 수 없습니다.",
            f"1일 {p.daily_hours:g}시간 / 주 {p.weekly_hours:g}시간",
        )
    # only hours the text states in words ("주 40시간", "하루 8시간 주 5일"), not read off clock ranges (shifts,
    # alternate Saturdays and breaks make those approximate)
    said_daily = [float(m.group("h")) for m in _SAID_DAILY_RE.finditer(s)]
    daily_said = max(said_daily) if said_daily else None
    sched_week = p.sched.weekly or (p.sched.days * daily_said if p.sched.days and daily_said else None)
    if p.weekly_hours is not None and sched_week is not None and abs(sched_week - p.weekly_hours) >= 8:
        add(
            "medium",
            f"본문의 근무 일정(주 약 {sched_week:g}시간)과 주 근로시간 항목({p.weekly_hours:g}시간)이 다릅니다.",
            f"본문 주 {sched_week:g}시간 / 항목 주 {p.weekly_hours:g}시간",
        )
    elif p.daily_hours is not None and daily_said is not None and abs(daily_said - p.daily_hours) >= 2:
        add(
            "medium",
            f"본문의 하루 근로시간({daily_said:g}시간)과 1일 근로시간 항목({p.daily_hours:g}시간)이 다릅니다.",
            f"본문 하루 {daily_said:g}시간 / 항목 {p.daily_hours:g}시간",
        )
    if p.year is not None and p.posted_date and p.year != p.posted_date.year:
        add(
            "medium",
            f"연도 항목({p.year}년)과 게시일({p.posted_date.isoformat()})의 연도가 다릅니다. 최저임금은 게시일이 속한 "
            "해의 금액으로 판단해야 합니다.",
            f"year {p.year} / 게시일 {p.posted_date.isoformat()}",
        )
    title = Norm(p.title).s if p.title else ""
    weekdays = re.search(r"월~금|평일(?:근무|만)|월요일~금요일", s)
    if re.search(r"주말(?:알바|근무|아르바이트|only|만)", title) and weekdays:
        add("medium", "제목은 주말 근무인데 본문의 근무일은 평일입니다.", "제목 주말 / 본문 평일")
    if p.posted_date and p.closing_date and p.closing_date < p.posted_date:
        add(
            "medium",
            f"마감일({p.closing_date.isoformat()})이 게시일({p.posted_date.isoformat()})보다 앞섭니다.",
            f"{p.posted_date.isoformat()} → {p.closing_date.isoformat()}",
        )
    return out


# ============================================================================ missing
_C_TERMS = cite(law.LABOR_STANDARDS_ACT, "제17조")
_LOCATION_RE = re.compile(
    r"근무지|근무지역|근무장소|근무처|소재지|주소|위치|출근지|근무위치|재택|원격근무|리모트|"
    r"서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|충청|전라|경상|"
    r"[가-힣]{1,4}(?:시|군|구)[가-힣]{1,5}(?:동|읍|면|로|길)"
)


_WITHHELD_RE = re.compile(
    r"^[^#]{0,14}?(?:비공개|공개하지|공개안|추후(?:안내|공지|알려|통보)|면접(?:때|시|후|당일)|연락(?:주시면|시|후|드리면)|"
    r"합격(?:시|후)|출근전|출근전날|개별(?:안내|통보|연락)|따로(?:안내|알려)|알려드(?:림|려요|립니다))"
)


def _location_stated(s: str) -> bool:
    """A work location in the text that is not withheld ("위치는 면접 때 알려드려요", "근무지: 추후 안내")."""
    return any(not _WITHHELD_RE.search(s[m.end() : m.end() + 30]) for m in _LOCATION_RE.finditer(s))


def rule_missing(p: Posting) -> list[Flag]:
    """Essentials absent from both the fields and the text: contact (신원), work location, wage."""
    out: list[Flag] = []
    s = p.s
    if not p.contact.strip() and not (
        _PHONE_RE.search(p.norm.orig) or _EMAIL_URL_RE.search(p.norm.orig) or _CHANNEL_RE.search(s)
    ):
        out.append(
            Flag(
                "missing",
                "high",
                "연락처·지원 방법이 항목에도 본문에도 없습니다. 구인자의 신원을 표시하지 않는 광고는 거짓 구인광고로 "
                f"볼 수 있습니다({_C_FALSE_AD_DECREE} 2호).",
                "업체명과 전화번호·이메일 또는 지원 경로(고용24 등)를 적으세요.",
                "연락처 없음",
                "missing_essentials",
            )
        )
    if not p.location.strip() and not _location_stated(s):
        out.append(
            Flag(
                "missing",
                "medium",
                "근무 장소가 항목에도 본문에도 없습니다. 취업 장소는 근로계약 때 명시해야 하는 "
                f"근로조건입니다({_C_TERMS}).",
                "근무지 주소(시군구 이상)를 적으세요.",
                "근무지 없음",
                "missing_essentials",
            )
        )
    if (p.wage is None or p.wage <= 0) and not p.wages and "wage" not in p.invalid:
        negotiable = bool(re.search(r"협의|면접후결정|회사내규|내규에따|경력에따라", s))
        out.append(
            Flag(
                "missing",
                "low" if negotiable else "medium",
                f"임금이 항목에도 본문에도 없습니다{' (협의·내규로만 표시)' if negotiable else ''}. 임금은 근로계약 때 "
                f"명시해야 하는 근로조건입니다({_C_TERMS} ①).",
                "시급·월급 등 임금 형태와 금액(또는 최소 금액)을 적으세요.",
                "임금 없음",
                "missing_essentials",
            )
        )
    return out


RULES: dict[str, Callable[[Posting], list[Flag]]] = {
    "min_wage": rule_min_wage,
    "hours": rule_hours,
    "age": rule_age,
    "gender": rule_gender,
    "banned_request": rule_banned_request,
    "scam": rule_scam,
    "inconsistent": rule_inconsistent,
    "missing": rule_missing,
}
"""Every rule, in report order."""
