"""Korean number and date formatting used by every page (만원, 명, %, YYYY-MM-DD)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime

import pandas as pd

from analytics.market import METRIC_LABELS


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA or v is pd.NaT


def manwon(krw: float | None, digits: int = 0) -> str:
    """3,120,000 → '312만원'."""
    if _missing(krw):
        return "—"
    return f"{float(krw) / 10_000:,.{digits}f}만원"


def won(krw: float | None) -> str:
    if _missing(krw):
        return "—"
    return f"{round(float(krw)):,}원"


def people(n: float | None, unit: str = "명") -> str:
    if _missing(n):
        return "—"
    return f"{round(float(n)):,}{unit}"


def pct(x: float | None, digits: int = 1) -> str:
    """0.523 → '52.3%'."""
    if _missing(x):
        return "—"
    return f"{float(x) * 100:.{digits}f}%"


def ratio(x: float | None) -> str:
    if _missing(x):
        return "—"
    return f"{float(x):.2f}배"


def days(x: float | None) -> str:
    if _missing(x):
        return "—"
    return f"{float(x):.0f}일"


def ymd(d: date | datetime | pd.Timestamp | None) -> str:
    if _missing(d):
        return "—"
    return pd.Timestamp(d).strftime("%Y-%m-%d")


def ymd_hm(d: datetime | pd.Timestamp | None) -> str:
    """A moment as people read it here: 2026-12-02 14:30."""
    if _missing(d):
        return "—"
    return pd.Timestamp(d).strftime("%Y-%m-%d %H:%M")


def ym(d: date | datetime | pd.Timestamp | None) -> str:
    if _missing(d):
        return "—"
    return pd.Timestamp(d).strftime("%Y-%m")


def period(
    start: date | datetime | pd.Timestamp | None,
    end: date | datetime | pd.Timestamp | None,
    fmt: Callable[[date | datetime | pd.Timestamp | None], str] = ym,
) -> str:
    """'2025-01 – 2025-12': an en dash, since '~' between two dates turns Markdown text into strikethrough."""
    return f"{fmt(start)} – {fmt(end)}"


def manwon_range(low: float | None, high: float | None) -> str:
    """3,120,000 and 3,500,000 → '312–350만원' (compact enough for a KPI card; see `period` for why not '~')."""
    if _missing(low) or _missing(high):
        return "—"
    return f"{float(low) / 10_000:,.0f}–{float(high) / 10_000:,.0f}만원"


def signed_manwon(krw: float | None) -> str:
    if _missing(krw):
        return "—"
    return f"{float(krw) / 10_000:+,.0f}만원"


UNIT_FORMATTERS = {
    "만원": manwon,
    "명": people,
    "건": lambda v: people(v, "건"),
    "%": pct,
    "배": ratio,
    "일": days,
}


def metric_value(metric: str, v: float | None) -> str:
    """Format a map metric by its unit (wage gap keeps its sign)."""
    if metric == "wage_gap":
        return signed_manwon(v)
    return UNIT_FORMATTERS[METRIC_LABELS[metric][1]](v)
