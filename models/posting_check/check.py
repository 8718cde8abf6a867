"""Check postings: one row (a dict) → its flags; a frame of postings → one report row per posting.

A row's fields are read leniently ("10,030원", "230만원", "시급"/"hourly", "2025.03.01"); a value that cannot be
read is reported in `error_ko` (Korean, naming the column and the value) and treated as missing, so the rest of
the posting is still checked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd

from data_catalog.spec import WAGE_TYPES
from models.posting_check.rules import RULES, SEVERITY_RANK, Flag, Posting
from models.posting_check.text import parse_amount

REQUIRED_COLUMNS = (
    "id",
    "title",
    "body",
    "wage_type",
    "wage",
    "weekly_hours",
    "year",
    "posted_date",
    "closing_date",
    "location",
    "contact",
)
OPTIONAL_COLUMNS = ("daily_hours",)
REPORT_COLUMNS = ["id", "rules", "max_severity", "n_flags", "reasons", "fixes", "evidence", "families", "error_ko"]

_WAGE_TYPE_WORDS: dict[str, str] = {
    **{code: code for code in WAGE_TYPES},
    **{label: code for code, label in WAGE_TYPES.labels.items()},
    "시간급": "hourly",
    "시간제": "hourly",
    "일당": "daily",
    "일일": "daily",
    "월": "monthly",
    "월급여": "monthly",
    "월봉": "monthly",
    "연": "annual",
    "연간": "annual",
    "연봉제": "annual",
    "hour": "hourly",
    "day": "daily",
    "month": "monthly",
    "year": "annual",
    "yearly": "annual",
}


def _blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, str) and not v.strip()


def _text(v: Any) -> str:
    return "" if _blank(v) else str(v)


def _number(v: Any, col: str, errors: list[tuple[str, str]], lo: float, hi: float, money: bool = False) -> float | None:
    if _blank(v):
        return None
    if isinstance(v, bool):
        errors.append((col, f"{col} 값 '{v}'을(를) 숫자로 읽을 수 없습니다"))
        return None
    if isinstance(v, (int, float)):
        x = float(v)
    else:
        raw = str(v).strip()
        t = re.sub(r"[\s,]", "", raw)
        t = t.removesuffix("원") if money else re.sub(r"(?:시간|h|hours?)$", "", t, flags=re.IGNORECASE)
        try:
            x = float(t)
        except ValueError:
            x = None
            if money and re.fullmatch(r"(?:\d+(?:\.\d+)?|[일이삼사오육칠팔구십백천만억])+", t):
                amt = parse_amount(t)
                x = float(amt) if amt is not None else None
            if x is None:
                errors.append((col, f"{col} 값 '{raw}'을(를) 숫자로 읽을 수 없습니다"))
                return None
    if not math.isfinite(x) or not lo <= x <= hi:
        errors.append((col, f"{col} 값 {x:g}은(는) 허용 범위({lo:g}~{hi:g})를 벗어납니다"))
        return None
    return x


def _date(v: Any, col: str, errors: list[tuple[str, str]]) -> date | None:
    if _blank(v):
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, pd.Timestamp):
        return v.date()
    raw = str(v).strip()
    m = re.fullmatch(r"(\d{4})[-./년\s]*(\d{1,2})[-./월\s]*(\d{1,2})일?(?:[ T].*)?", raw)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    errors.append((col, f"{col} 값 '{raw}'을(를) 날짜(YYYY-MM-DD)로 읽을 수 없습니다"))
    return None


def _wage_type(v: Any, errors: list[tuple[str, str]]) -> str | None:
    if _blank(v):
        return None
    key = re.sub(r"\s", "", str(v)).lower()
    code = _WAGE_TYPE_WORDS.get(key)
    if code is None:
        allowed = ", ".join(f"{label}({code})" for code, label in WAGE_TYPES.labels.items())
        errors.append(("wage_type", f"wage_type 값 '{v}'은(는) 알 수 없는 임금 형태입니다(허용: {allowed})"))
    return code


def parse_row(row: Mapping[str, Any]) -> tuple[Posting, list[str]]:
    """A raw row → a typed `Posting` and the Korean messages for the values that could not be read."""
    errors: list[tuple[str, str]] = []  # (column, message)
    year_f = _number(row.get("year"), "year", errors, 1988, 2100)
    p = Posting(
        id=_text(row.get("id")),
        title=_text(row.get("title")),
        body=_text(row.get("body")),
        wage_type=_wage_type(row.get("wage_type"), errors),
        wage=_number(row.get("wage"), "wage", errors, 0, 1e11, money=True),
        weekly_hours=_number(row.get("weekly_hours"), "weekly_hours", errors, 0, 168),
        daily_hours=_number(row.get("daily_hours"), "daily_hours", errors, 0, 24),
        year=int(year_f) if year_f is not None else None,
        posted_date=_date(row.get("posted_date"), "posted_date", errors),
        closing_date=_date(row.get("closing_date"), "closing_date", errors),
        location=_text(row.get("location")),
        contact=_text(row.get("contact")),
    )
    p.invalid = {col for col, _ in errors}
    if p.weekly_hours == 0:
        p.weekly_hours = None
    if p.daily_hours == 0:
        p.daily_hours = None
    if p.wage is not None and p.wage > 0 and p.wage_type is None and _blank(row.get("wage_type")):
        errors.append(
            ("wage_type", "wage 값은 있는데 wage_type(시급/일급/월급/연봉)이 비어 있어 최저임금을 판단하지 않았습니다")
        )
    return p, [msg for _, msg in errors]


def _dedupe(flags: Iterable[Flag]) -> list[Flag]:
    out: list[Flag] = []
    seen: set[tuple[str, str, str]] = set()
    for f in flags:
        key = (f.rule_id, f.family, f.evidence)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def check(p: Posting) -> list[Flag]:
    """Every rule on a parsed posting, duplicates removed, in rule order."""
    flags: list[Flag] = []
    for rule in RULES.values():
        flags += rule(p)
    return _dedupe(flags)


def check_posting(row: Mapping[str, Any]) -> list[Flag]:
    """The flags of one posting given as a dict of its columns (unreadable values are treated as missing)."""
    return check(parse_row(row)[0])


def report_row(pid: str, flags: list[Flag], errors: list[str]) -> dict[str, Any]:
    """One report row: rules ';'-joined and sorted, the highest severity, reasons and fixes ' / '-joined."""

    def uniq(xs: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(x for x in xs if x))

    top = max(flags, key=lambda f: SEVERITY_RANK[f.severity]).severity if flags else ""
    return {
        "id": pid,
        "rules": ";".join(sorted({f.rule_id for f in flags})),
        "max_severity": top,
        "n_flags": len(flags),
        "reasons": " / ".join(uniq(f.reason_ko for f in flags)),
        "fixes": " / ".join(uniq(f.fix_ko for f in flags)),
        "evidence": " / ".join(uniq(f.evidence for f in flags)),
        "families": ";".join(sorted({f.family for f in flags if f.family})),
        "error_ko": "; ".join(errors),
    }


def check_frame(df: pd.DataFrame) -> pd.DataFrame:
    """One report row per posting (columns `REPORT_COLUMNS`), in the input's order."""
    rows = []
    cols = [str(c) for c in df.columns]
    columns = [df[c].tolist() for c in df.columns]  # column lists: much faster than itertuples on Arrow strings
    for values in zip(*columns, strict=True):
        p, errors = parse_row(dict(zip(cols, values, strict=True)))
        rows.append(report_row(p.id, check(p), errors))
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)
