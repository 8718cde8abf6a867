"""KPI cards laid out so their values are never cut off.

`st.metric` shortens a value with '…' when its column is narrower than the value. Seven-digit
counts ('1,234,567명') and wage ranges need about a third of the main area at a 1280-pixel-wide
window, so cards go at most three to a row, with ranges written compactly ('216–320만원').
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

MAX_PER_ROW = 3


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    delta: str | None = None
    delta_color: str = "normal"
    help: str | None = None


def kpi_rows(kpis: list[Kpi], per_row: int = MAX_PER_ROW) -> None:
    for start in range(0, len(kpis), per_row):
        cols = st.columns(per_row)
        for col, k in zip(cols, kpis[start : start + per_row], strict=False):
            col.metric(k.label, k.value, delta=k.delta, delta_color=k.delta_color, help=k.help)
