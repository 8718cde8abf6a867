"""Every written posting goes through the checker before anyone sees it: a posting that breaks a rule is never offered.

The same validation serves every backend: all sections present and non-empty, the conditions (wage and hours)
stated as typed, and no checker flag. An employer's free-text note that would make the posting unlawful
("30세 이하", "용모 단정") is left out and the page says which rule it breaks; the rest is kept.
"""

from __future__ import annotations

from dataclasses import replace

from models.posting_check.check import check_posting
from models.posting_check.rules import Flag
from models.posting_writer.request import APPLY_METHODS, SECTIONS, Request, Written, wage_text


def checker_row(req: Request, w: Written) -> dict:
    """The checker's input columns for a written posting."""
    return {
        "id": "draft",
        "title": w.title,
        "body": w.body,
        "wage_type": req.wage_type,
        "wage": req.wage_amount,
        "weekly_hours": req.weekly_hours,
        "daily_hours": round(req.daily_hours, 2),
        "year": req.posted_date.year,
        "posted_date": req.posted_date.isoformat(),
        "closing_date": req.closing_date.isoformat() if req.closing_date else "",
        "location": f"{req.sido_ko} {req.sigungu_ko}".strip(),
        "contact": req.contact or APPLY_METHODS.get(req.apply_method, ""),
    }


def flags_of(req: Request, w: Written) -> list[Flag]:
    return check_posting(checker_row(req, w))


def structure_errors(w: Written) -> list[str]:
    """Korean reasons the output is not a complete posting (a missing or empty section, no title)."""
    errs = [f"'{s}' 항목이 비어 있습니다." for s in SECTIONS if not str(w.sections.get(s, "")).strip()]
    if not w.title.strip():
        errs.append("제목이 비어 있습니다.")
    extra = set(w.sections) - set(SECTIONS)
    if extra:
        errs.append(f"알 수 없는 항목이 있습니다: {', '.join(sorted(extra))}")
    return errs


def states_conditions(req: Request, w: Written) -> list[str]:
    """The conditions a backend must not change: the wage figure and the weekly hours appear as typed."""
    errs = []
    amount_forms = {f"{req.wage_amount:,}", str(req.wage_amount), wage_text(req).split(" ", 1)[1]}
    if not any(a in w.body for a in amount_forms):
        errs.append("임금 금액이 입력한 조건과 다르게 쓰였습니다.")
    if f"{req.weekly_hours:g}시간" not in w.body.replace(" 시간", "시간"):
        errs.append("주 근로시간이 입력한 조건과 다르게 쓰였습니다.")
    return errs


def screen_notes(
    req: Request,
    write_fn,
    base_flags: list[Flag] | None = None,  # noqa: ANN001 - write(req) -> Written
) -> tuple[Request, list[str]]:
    """Drop each free-text note that adds a checker flag; return the request with the lawful notes and the notices.

    `base_flags` are the flags of the posting without any note, when the caller has them already."""
    if base_flags is None:
        base_flags = flags_of(req, write_fn(replace(req, duty_notes=(), preferred_notes=())))
    base = {(f.rule_id, f.family) for f in base_flags}
    notices: list[str] = []
    keep: dict[str, list[str]] = {"duty_notes": [], "preferred_notes": []}
    for fld in keep:
        for note in getattr(req, fld):
            trial = replace(req, **{"duty_notes": (), "preferred_notes": (), fld: (note,)})
            new = [f for f in flags_of(trial, write_fn(trial)) if (f.rule_id, f.family) not in base]
            if new:
                notices.append(f"'{note}' 문구는 넣지 않았습니다: {new[0].reason_ko}")
            else:
                keep[fld].append(note)
    return replace(req, duty_notes=tuple(keep["duty_notes"]), preferred_notes=tuple(keep["preferred_notes"])), notices
