"""The default backend: a deterministic, offline writer grounded in the occupation catalogue.

Duties come from the catalogue's `duties_ko` and the first skills; qualifications only from the job's real
requirements (education, experience) — never an age, a sex, looks or family (the checker would flag them).
Wording varies: each section has several phrasings, picked by a seeded generator from the request and a
`variant` number, so the same conditions give the same text and "다른 문장으로" gives another.
"""

from __future__ import annotations

import hashlib
import random
import re
from datetime import datetime, timedelta

from data_catalog.spec import CONTRACTS, EDUCATION_REQ, SHIFTS
from models.posting_writer.request import APPLY_METHODS, Request, Written, wage_text

NAME = "template"


def _rng(req: Request, variant: int) -> random.Random:
    h = hashlib.sha256(f"{req!r}|{variant}".encode()).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def _duty_items(duties: str) -> list[str]:
    """The catalogue's duties sentence as task items in the noun style of postings, one per clause
    ('법률안을 심의·의결하고 업무를 감시·견제한다' → '법률안을 심의·의결', '업무를 감시·견제')."""
    s = duties.strip().rstrip(".")
    parts = re.split(r"(?:하고|하며|하거나),?\s+", s)
    return [re.sub(r"(?:한다|하다|된다)$", "", p.strip()).strip() for p in parts if p.strip()]


def _preferred(skill: str, lead: bool) -> str:
    """'지게차 운전 가능자', '수의사 면허 소지자', '현금 출납 경험자' (a licence is held, a skill is done)."""
    if re.search(r"(면허|자격증?|기사|기능사)$", skill):
        return f"{skill} 소지자"
    return f"{skill} {'경험자' if lead else '가능자'}"


def _end_time(start: str, hours: float) -> str:
    t = datetime.strptime(start, "%H:%M") + timedelta(hours=hours + (1 if hours >= 8 else 0.5 if hours >= 4 else 0))
    return t.strftime("%H:%M")


def write(req: Request, variant: int = 0) -> Written:
    """A complete posting in the Work24 sections (deterministic for one request and variant)."""
    r = _rng(req, variant)
    occ, n = req.occupation_ko, req.openings
    contract = CONTRACTS.ko(req.contract_type)
    where = f"{req.sido_ko} {req.sigungu_ko}".strip()
    firm = req.firm_name or "저희 사업장"
    term = f"(계약기간 {req.contract_months}개월)" if req.contract_type == "fixed_term" else ""
    recruit = r.choice(
        [
            f"{occ} {n}명 ({contract}{term})",
            f"- 모집 직종: {occ}\n- 모집 인원: {n}명\n- 고용형태: {contract}{term}",
            f"{firm}에서 함께 일할 {occ}을(를) {n}명 모집합니다. 고용형태는 {contract}{term}입니다.",
        ]
    )
    items = _duty_items(req.duties_ko)
    skills = list(req.skills)
    opener = r.choice(["주요 업무는 다음과 같습니다.", "입사하시면 아래 업무를 맡습니다.", "담당하실 업무입니다."])
    duty_lines = [f"- {x}" for x in items[:4]]
    if skills:
        duty_lines.append(
            r.choice([f"- {skills[0]} 관련 실무", f"- {skills[0]} 등 직무 관련 업무", f"- {skills[0]} 관련 업무 지원"])
        )
    duty_lines += [f"- {x}" for x in req.duty_notes]
    duties = f"{opener}\n" + "\n".join(duty_lines)

    edu = EDUCATION_REQ.ko(req.education_req)
    career = (
        r.choice(["경력 무관(신입 지원 가능)", "신입·경력 모두 지원 가능", "경력 무관"])
        if req.career_req_years == 0
        else f"관련 경력 {req.career_req_years}년 이상"
    )
    quals = "\n".join([f"- 학력: {edu}", f"- 경력: {career}"])

    prefer_pool = [_preferred(s, lead=False) for s in skills[1:4]] + [_preferred(s, lead=True) for s in skills[:1]]
    r.shuffle(prefer_pool)
    prefer = [*prefer_pool[:3], *req.preferred_notes]
    preferred = "\n".join(f"- {x}" for x in prefer) if prefer else "- 해당 직무에 관심 있는 분"

    days = req.days_per_week
    hours_day = req.daily_hours
    end = _end_time(req.start_time, hours_day)
    shift = SHIFTS.ko(req.shift)
    schedule = (
        f"주 {days}일, {req.start_time}~{end}(휴게시간 포함)"
        if req.shift == "day"
        else f"주 {days}일 {shift} 근무(근무표에 따름)"
    )
    holiday = "주휴수당 포함" if req.weekly_hours >= 15 and req.wage_type in ("monthly", "annual") else ""
    pay = wage_text(req) + (f"({holiday})" if holiday else "")
    if req.wage_type in ("hourly", "daily") and req.weekly_hours >= 15:
        pay += r.choice([", 주휴수당 별도 지급", " (주휴수당 별도 지급)"])
    probation = f"\n- 수습기간: {req.probation_months}개월(수습기간 중 급여 100% 지급)" if req.probation_months else ""
    conditions = (
        f"- 근무지: {where}\n- 근무시간: {schedule}, 주 {req.weekly_hours:g}시간\n- 근무형태: {shift}\n"
        f"- 임금: {pay}{probation}"
    )

    benefits = list(dict.fromkeys(req.benefits))
    r.shuffle(benefits)
    welfare = r.choice(["- " + "\n- ".join(benefits), " · ".join(benefits)]) if benefits else "- 4대보험"

    steps = r.choice(
        ["서류 전형 → 면접 → 최종 합격", "서류 심사 → 면접 → 합격 통보", "서류 전형 → 면접(1회) → 최종 합격"]
    )
    process = (
        f"- {steps}\n- 채용 일정과 과정은 지원자에게 미리 알려 드리고, 결과는 전형이 끝나면 모든 지원자에게 "
        "알려 드립니다.\n- 제출하신 서류는 채용 여부가 확정된 뒤 요청하시면 돌려 드립니다."
    )
    closing = req.closing_date or (req.posted_date + timedelta(days=30))
    method = APPLY_METHODS.get(req.apply_method, APPLY_METHODS["work24"])
    contact = f"\n- 문의: {req.contact}" if req.contact else ""
    apply = (
        f"- 접수 기간: {req.posted_date:%Y-%m-%d} ~ {closing:%Y-%m-%d}\n- 접수 방법: {method}\n"
        f"- 제출 서류: 이력서, 자기소개서{contact}"
    )
    title = r.choice(
        [
            f"[{where}] {occ} {contract} 채용 ({wage_text(req)})",
            f"{occ} {n}명 모집 - {where}",
            f"[{req.sigungu_ko or req.sido_ko}] {occ} 모집 · {contract} · {wage_text(req)}",
        ]
    )
    sections = {
        "모집 직종·인원": recruit,
        "담당 업무": duties,
        "자격 요건": quals,
        "우대 사항": preferred,
        "근무 조건": conditions,
        "복리후생": welfare,
        "전형 절차": process,
        "접수 방법": apply,
    }
    return Written(title=title, sections=sections, backend=NAME)
