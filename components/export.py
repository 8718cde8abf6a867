"""Table downloads: CSV that a spreadsheet opens safely and that says who exported it, when.

Formulas. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel,
LibreOffice and Google Sheets: an imported posting title `=HYPERLINK("http://evil","x")` becomes a link, and
`=cmd|…` has launched programs (OWASP "CSV Injection"). Such a text cell gets a leading single quote `'`, so it
reads as the text it is. The full-width forms (＝ ＋ － ＠), which a Korean or Japanese input method types and a
spreadsheet may read as the ASCII sign, and the same signs after leading spaces are treated the same way. Numbers
are not touched: a numeric column stays numeric (-3.5 is written -3.5), and a text cell that is just a number
("-3.5", "+1,200") is left as it is: a spreadsheet reads it as that number, which runs nothing.

Who and when. The first line is `# 내보낸 사람: 이름(역할) · 내보낸 시각: YYYY-MM-DD HH:MM` (Korean time), then
the header and the rows. One line on top is what a person opening the file reads first, and what a printout or a
forwarded copy still shows; two columns repeating the same name and time on every row would be pushed to the far
right, clutter every filter and sort, and read as if the value differed by row. A program reading the file skips
one line (`pandas.read_csv(..., skiprows=1)`).

The file is UTF-8 with a byte-order mark, so Excel opens Korean text without mojibake, with CRLF line ends
(RFC 4180): a cell holding a line break or a carriage return is quoted, so it cannot start a row of its own.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from components.auth_ui import user_label

KST = ZoneInfo("Asia/Seoul")
FORMULA_START = re.compile(r"^[ \u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]")
"""Text a spreadsheet may run as a formula: these signs first, perhaps after (full-width) spaces."""
PLAIN_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$")
"""A signed number as text (thousands commas, decimals, exponent, percent): a spreadsheet reads it as a number."""


def neutralise(value: object) -> object:
    """A text cell with a leading `'` when a spreadsheet would run it as a formula; anything else unchanged."""
    if not isinstance(value, str) or not FORMULA_START.match(value):
        return value
    if PLAIN_NUMBER.match(value) and any(ch.isdigit() for ch in value):
        return value
    return "'" + value


def provenance_line(exporter: str, when: datetime | None = None) -> str:
    when = datetime.now(KST) if when is None else when
    when = when.astimezone(KST) if when.tzinfo else when
    return f"# 내보낸 사람: {exporter} · 내보낸 시각: {when:%Y-%m-%d %H:%M}"


def csv_bytes(df: pd.DataFrame, exporter: str, when: datetime | None = None) -> bytes:
    """`df` as a UTF-8 (BOM) CSV without its index: formulas neutralised, the exporter and time on the first line."""
    out = io.StringIO()
    # one quoted-if-needed cell, itself neutralised: a name like 'x,=1+1' must not open a second cell that runs
    csv.writer(out, lineterminator="\r\n").writerow([neutralise(provenance_line(exporter, when))])
    safe = df.rename(columns=lambda c: neutralise(str(c)))
    text_cols = [c for c in safe.columns if not pd.api.types.is_numeric_dtype(safe[c])]
    safe[text_cols] = safe[text_cols].map(neutralise)
    safe.to_csv(out, index=False, lineterminator="\r\n")
    return out.getvalue().encode("utf-8-sig")


def download_csv(label: str, df: pd.DataFrame, file_name: str, **kwargs) -> bool:
    """A download button for a table: the CSV of `csv_bytes`, built when clicked (so the time is the export's),
    naming the signed-in user of this session. True on the rerun after a click (to record the export)."""
    exporter = user_label()  # read here: the click runs the callable on another thread, without the session
    return st.download_button(label, lambda: csv_bytes(df, exporter), file_name=file_name, mime="text/csv", **kwargs)
