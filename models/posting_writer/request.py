"""What an employer asks the writer for, and what it gives back: the structured conditions and the Work24 sections.

The sections are the Work24 posting structure, in its order; every backend (the offline template writer, an
OpenAI-compatible LLM) returns the same `Written` and goes through the same validation (`validate.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from data_catalog.reference import paid_hours_a_month
from data_catalog.spec import WAGE_TYPES

SECTIONS = ("모집 직종·인원", "담당 업무", "자격 요건", "우대 사항", "근무 조건", "복리후생", "전형 절차", "접수 방법")
"""Work24's posting sections, in order (the writer's output, the page's editors and the LLM's JSON keys)."""

BENEFITS = (
    "4대보험",
    "퇴직금",
    "중식 제공",
    "식대 지원",
    "교통비 지원",
    "통근버스 운행",
    "기숙사 제공",
    "명절 상여금",
    "성과급",
    "경조사 지원",
    "자녀 학자금 지원",
    "건강검진 지원",
    "교육비 지원",
    "유니폼 지급",
    "연차휴가",
)
"""Benefits an employer can tick (4대보험 and, for a year or more at 15+ hours a week, 퇴직금 are the law's)."""

APPLY_METHODS = {
    "work24": "고용24 온라인 입사지원",
    "email": "이메일 접수",
    "visit": "방문 접수",
    "phone": "전화 문의 후 접수",
}


@dataclass(frozen=True)
class Request:
    """The conditions of one posting, as the writer page collects them (wage in its own unit, in 원)."""

    keco_code: str
    occupation_ko: str
    duties_ko: str
    skills: tuple[str, ...]
    sido_ko: str
    sigungu_ko: str
    wage_type: str  # hourly | daily | monthly | annual
    wage_amount: int
    weekly_hours: float
    days_per_week: int = 5
    start_time: str = "09:00"
    contract_type: str = "permanent"
    contract_months: int = 12
    shift: str = "day"
    openings: int = 1
    education_req: str = "any"
    career_req_years: int = 0
    probation_months: int = 0
    benefits: tuple[str, ...] = ("4대보험", "퇴직금")
    duty_notes: tuple[str, ...] = ()
    preferred_notes: tuple[str, ...] = ()
    posted_date: date = field(default_factory=date.today)
    closing_date: date | None = None
    apply_method: str = "work24"
    contact: str = ""
    firm_name: str = ""

    @property
    def daily_hours(self) -> float:
        return self.weekly_hours / max(self.days_per_week, 1)

    @property
    def monthly_wage_krw(self) -> int:
        """The offer as monthly pay (hourly × paid hours with 주휴; daily via its hours a day; annual / 12)."""
        return monthly_equivalent(self.wage_type, self.wage_amount, self.weekly_hours, self.days_per_week)


def monthly_equivalent(wage_type: str, amount: float, weekly_hours: float, days_per_week: int = 5) -> int:
    """Monthly pay of an offer in any wage unit (the same paid-hours rule as the generator and the checker)."""
    paid = paid_hours_a_month(weekly_hours)
    if wage_type == "hourly":
        return round(amount * paid)
    if wage_type == "daily":
        hourly = amount * max(days_per_week, 1) / max(weekly_hours, 1e-9)
        return round(hourly * paid)
    if wage_type == "annual":
        return round(amount / 12)
    return round(amount)


def wage_text(req: Request) -> str:
    """'월급 230만원', '시급 10,320원' … as the wage line reads (the amount as typed, in its own unit)."""
    unit = WAGE_TYPES.ko(req.wage_type)
    a = req.wage_amount
    if req.wage_type in ("monthly", "annual") and a % 10_000 == 0:
        return f"{unit} {a // 10_000:,}만원"
    return f"{unit} {a:,}원"


@dataclass
class Written:
    """A written posting: a title and the text of each section (`SECTIONS`), plus who wrote it and any notice."""

    title: str
    sections: dict[str, str]
    backend: str
    notices: list[str] = field(default_factory=list)
    """Korean notices for the page (a note left out and why, an LLM fallback)."""

    @property
    def body(self) -> str:
        return "\n\n".join(f"[{name}]\n{self.sections.get(name, '').strip()}" for name in SECTIONS)
