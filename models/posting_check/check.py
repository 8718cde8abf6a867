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
from typing import TYPE_CHECKING, Any

import pandas as pd

from data_catalog.spec import WAGE_TYPES
from models.posting_check import law
from models.posting_check.rules import RULES, SEVERITY_RANK, Flag, Posting
from models.posting_check.text import parse_amount

if TYPE_CHECKING:
    from models.posting_check.anomaly import AnomalyScorer

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
CHECKER_COLUMNS = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
"""Every column the checker reads."""
REPORT_COLUMNS = [
    "id",
    "rules",
    "max_severity",
    "n_flags",
    "reasons",
    "fixes",
    "evidence",
    "families",
    "anomaly_score",
    "error_ko",
]

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


ANOMALY_ARTICLES = (
    (law.FAIR_HIRING_ACT, "제4조의3"),
    (law.AGE_DISCRIMINATION_ACT, "제4조의4"),
    (law.EQUAL_EMPLOYMENT_ACT, "제7조"),
    (law.EMPLOYMENT_SECURITY_ACT, "제34조"),
)


def anomaly_flag(score: float, threshold: float, evidence: list[str]) -> Flag:
    """The ML flag: what the score is, why a person should look, and the articles such postings usually break."""
    cites = ", ".join(law.cite(a, b) for a, b in ANOMALY_ARTICLES)
    return Flag(
        "anomaly",
        "low",
        f"규칙에 해당하는 표현은 없지만 이상 공고 점수가 {score:.2f}(기준 {threshold:.2f})로, 위반 공고에서 자주 보인 "
        f"표현과 비슷합니다. 규칙이 모르는 표현의 연령·성별 제한, 금지된 개인정보 요구, 사기성 구인일 수 있습니다"
        f"({cites}).",
        "심사자가 본문을 읽고 위반 여부를 판단해 주세요. 위반이 아니면 '승인'으로 닫으면 됩니다.",
        ", ".join(f"'{e}'" for e in evidence),
    )


def check_frame(df: pd.DataFrame, scorer: AnomalyScorer | None = None) -> pd.DataFrame:
    """One report row per posting (columns `REPORT_COLUMNS`), in the input's order.

    With `scorer` (a trained `anomaly.AnomalyScorer`), every posting gets its `anomaly_score`, and one that no rule
    flagged but scores above the scorer's threshold gets the `anomaly` flag.
    """
    rows = []
    cols = [str(c) for c in df.columns]
    columns = [df[c].tolist() for c in df.columns]  # column lists: much faster than itertuples on Arrow strings
    scores, evidence = scorer.score_with_evidence(df) if scorer is not None else (None, {})
    for i, values in enumerate(zip(*columns, strict=True)):
        p, errors = parse_row(dict(zip(cols, values, strict=True)))
        flags = check(p)
        if scores is not None and not flags and scores[i] >= scorer.threshold:
            flags = [anomaly_flag(float(scores[i]), scorer.threshold, evidence.get(i, []))]
        row = report_row(p.id, flags, errors)
        row["anomaly_score"] = round(float(scores[i]), 4) if scores is not None else None
        rows.append(row)
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


_WORKER_SCORER: list = []


def _init_worker(scorer: AnomalyScorer | None) -> None:
    _WORKER_SCORER[:] = [scorer]


def _check_chunk(df: pd.DataFrame) -> pd.DataFrame:
    return check_frame(df, _WORKER_SCORER[0] if _WORKER_SCORER else None)


def check_parallel(
    df: pd.DataFrame, scorer: AnomalyScorer | None = None, workers: int = 2, chunk: int = 2000
) -> pd.DataFrame:
    """`check_frame` over `workers` processes (a large file on the 2-core machine); the same report, same order."""
    if workers <= 1 or len(df) <= chunk:
        return check_frame(df, scorer)
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only large files pay for the pool

    parts = [df.iloc[i : i + chunk] for i in range(0, len(df), chunk)]
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(scorer,)) as pool:
        return pd.concat(list(pool.map(_check_chunk, parts)), ignore_index=True)
