"""pandera schemas built from `spec.py`, plus row-level validation with Korean messages.

Validation is row-oriented on purpose: an imported file is split into valid rows (loaded) and
rejected rows (quarantined with the reason), so one bad cell never blocks a whole extract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa

from data_catalog.spec import DTYPES, TABLES, Codes, Col, TableSpec, parse_bool

_PANDAS_DTYPE = {
    "str": "string",
    "int": "Int64",
    "float": "Float64",
    "bool": "boolean",
    "date": "datetime64[us]",
}


def _checks(c: Col) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if c.allowed is not None:
        checks.append(pa.Check.isin(list(c.allowed), name="allowed"))
    if c.min is not None:
        checks.append(pa.Check.ge(c.min, name="min"))
    if c.max is not None:
        checks.append(pa.Check.le(c.max, name="max"))
    if c.pattern is not None:
        checks.append(pa.Check.str_matches(c.pattern, name="pattern"))
    return checks


def pandera_schema(table: str | TableSpec) -> pa.DataFrameSchema:
    """The pandera schema of a table (dtypes are enforced by `coerce_frame` beforehand)."""
    spec = TABLES[table] if isinstance(table, str) else table
    cols = {
        c.name: pa.Column(
            None,
            checks=_checks(c),
            nullable=c.nullable,
            unique=c.unique,
            required=True,
            description=f"{c.ko} / {c.en}",
            title=c.ko,
        )
        for c in spec.columns
    }
    return pa.DataFrameSchema(cols, name=spec.name, strict="filter")


_CHECK_KIND = (
    ("isin", "allowed"),
    ("greater_than_or_equal_to", "min"),
    ("less_than_or_equal_to", "max"),
    ("str_matches", "pattern"),
    ("field_uniqueness", "unique"),
)


def _message(c: Col, check: str, value: object) -> str:
    check = next((kind for prefix, kind in _CHECK_KIND if check.startswith(prefix)), check)
    if check == "not_nullable":
        return f"'{c.ko}'({c.name}) 값이 비어 있습니다."
    if check.startswith("coerce"):
        kind = DTYPES[c.dtype]
        text = f"'{c.ko}'({c.name}) 값 '{value}'을(를) {kind}(으)로 읽을 수 없습니다."
        if c.dtype == "date":
            return f"{text} 읽을 수 있는 형식: {DATE_FORMS_KO}"
        if c.dtype in ("int", "float") and "," in str(value):
            return f"{text} 천 단위 쉼표는 1,234,000처럼 세 자리마다 써야 합니다."
        return text
    if check == "impossible_date":
        return f"'{c.ko}'({c.name}) 값 '{value}'은(는) 달력에 없는 날짜입니다."
    if check == "nonfinite":
        return (
            f"'{c.ko}'({c.name}) 값 '{value}'은(는) 유한한 숫자가 아닙니다(무한대 또는 NaN). "
            "값이 없다면 칸을 비워 두세요."
        )
    if check == "overflow":
        if c.dtype == "int":
            return f"'{c.ko}'({c.name}) 값 '{value}'이(가) 너무 커서 정수로 저장할 수 없습니다(최대 {INT64_MAX:,})."
        return f"'{c.ko}'({c.name}) 값 '{value}'이(가) 너무 커서 숫자로 저장할 수 없습니다."
    if check == "fraction":
        return f"'{c.ko}'({c.name}) 값 '{value}'은(는) 정수가 아닙니다(소수점 아래가 있습니다)."
    if check == "allowed":
        return f"'{c.ko}'({c.name}) 값 '{value}'은(는) 허용되지 않습니다. 허용값: {allowed_text(c)}"
    if check == "min":
        return f"'{c.ko}'({c.name}) 값 {value}이(가) 최솟값 {c.min:g}보다 작습니다."
    if check == "max":
        return f"'{c.ko}'({c.name}) 값 {value}이(가) 최댓값 {c.max:g}보다 큽니다."
    if check == "pattern":
        return f"'{c.ko}'({c.name}) 값 '{value}'의 형식이 올바르지 않습니다(형식: {c.pattern})."
    if check == "unique":
        return f"'{c.ko}'({c.name}) 값 '{value}'이(가) 중복됩니다."
    return f"'{c.ko}'({c.name}) 값 '{value}'이(가) 검사({check})를 통과하지 못했습니다."


def allowed_text(c: Col) -> str:
    """The allowed values of a column as a person reads them: 'permanent(정규직), fixed_term(계약직), …'."""
    if isinstance(c.allowed, Codes):
        return ", ".join(f"{k}({v})" for k, v in c.allowed.items())
    return ", ".join(map(str, c.allowed or ()))


_DATE_RE = re.compile(
    r"""^(?:
        (?P<y>\d{4})(?P<sep>[-./])\s*(?P<m>\d{1,2})(?P=sep)\s*(?P<d>\d{1,2})\.?   # 2026-11-30, 2026. 11. 30.
      | (?P<y8>\d{4})(?P<m8>\d{2})(?P<d8>\d{2})                                  # 20261130
    )
    (?:(?:\s+|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?)?$           # optional time, dropped
    """,
    re.VERBOSE,
)
DATE_FORMS_KO = "2026-11-30, 2026.11.30, 2026/11/30, 20261130(시각은 무시)"
"""The date forms `parse_dates` reads, as the messages name them."""


def _iso_days(series: pd.Series) -> pd.Series:
    """'YYYY-MM-DD' text for every value written in one of the accepted forms (<NA> otherwise), not yet
    checked against the calendar."""
    text = series.astype("string").str.strip()
    parts = text.str.extract(_DATE_RE)
    year = parts["y"].fillna(parts["y8"])
    month = parts["m"].fillna(parts["m8"])
    day = parts["d"].fillna(parts["d8"])
    return year + "-" + month.str.zfill(2) + "-" + day.str.zfill(2)


def parse_dates(series: pd.Series) -> pd.Series:
    """Read day dates written the ways Korean files write them → datetime64[us]; NaT where unreadable.

    Accepted: YYYY-MM-DD, YYYY.MM.DD (also "2026. 11. 30." as Korean Excel prints it, and a trailing
    dot), YYYY/MM/DD and YYYYMMDD, with surrounding spaces, each optionally followed by a time ("14:05",
    "T14:05:00", " 00:00:00" as Excel cells read as text) which is dropped because the warehouse stores
    days. The form is recognised with one regular expression and the calendar check is left to
    `pd.to_datetime(format="%Y-%m-%d", errors="coerce")`, so an impossible day such as 2026-02-30 is NaT,
    never shifted; pandas' format-free parser is not used because it guesses (day-first, partial dates).
    Values that already are datetimes keep their day (the time is dropped); the index is kept.
    """
    if pd.api.types.is_datetime64_any_dtype(series):
        if getattr(series.dt, "tz", None) is not None:
            series = series.dt.tz_localize(None)
        return series.astype("datetime64[us]").dt.normalize()
    out = pd.to_datetime(_iso_days(series), format="%Y-%m-%d", errors="coerce")
    return pd.Series(out, index=series.index, name=series.name).astype("datetime64[us]")


INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
_GROUPED = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234,000 and 1,234.5; never 1,2 or 12,34
_INTEGER = r"[+-]?\d+"
_NON_FINITE = r"[+-]?(?:inf|infinity|nan)"
_SHORT_INT_DIGITS = 18  # |n| < 10**18 < 2**63: pandas parses these exactly as int64


def _numbers(s: pd.Series, integer: bool) -> tuple[pd.Series, pd.Series]:
    """Text → (Int64 or Float64 values, reason per unreadable non-blank cell).

    Reasons: 'coerce' (not a number, or thousands commas in the wrong places), 'nonfinite' (inf/nan
    written out), 'overflow' (an integer beyond int64, e.g. 2**63 or 1e30; pandas would raise
    OverflowError or wrap it), 'fraction' (1.5 in an integer column). Commas are accepted only as
    thousands separators with valid three-digit grouping, as Korean files write wages ("1,234,000").
    Integers are read exactly (never through float), so 9223372036854775807 fits and one more does not.
    """
    text = s.astype("string").str.strip()
    present = text.notna() & (text != "")
    grouped = text.str.fullmatch(_GROUPED, na=False)
    clean = text.mask(grouped, text.str.replace(",", "", regex=False)).where(present)
    nonfinite = clean.str.lower().str.fullmatch(_NON_FINITE, na=False)
    reason = pd.Series(pd.NA, index=s.index, dtype="string")
    reason.loc[nonfinite] = "nonfinite"
    if not integer:
        num = pd.to_numeric(clean.where(~nonfinite), errors="coerce").astype("Float64")
        reason.loc[present & ~nonfinite & num.isna()] = "coerce"
        huge = num.notna() & ~np.isfinite(num.fillna(0).to_numpy(dtype=float))
        reason.loc[huge] = "overflow"  # "1e400" reads as inf
        return num.where(~huge), reason
    is_int = clean.str.fullmatch(_INTEGER, na=False)
    short = is_int & (clean.str.lstrip("+-").str.len() <= _SHORT_INT_DIGITS)
    out = pd.Series(pd.NA, index=s.index, dtype="Int64")
    if short.any():
        out.loc[short] = pd.to_numeric(clean[short]).astype("Int64")
    long_ = is_int & ~short
    for label, t in clean[long_].items():  # rare: 19+ digits, exact with Python ints
        n = int(t) if len(t) <= 40 else None
        if n is not None and INT64_MIN <= n <= INT64_MAX:
            out.loc[label] = n
        else:
            reason.loc[label] = "overflow"
    rest = present & ~is_int & ~nonfinite  # decimals and exponents: 12.0, 1e3, 1.5, 1e30
    if rest.any():
        f = pd.to_numeric(clean[rest], errors="coerce").astype(float)
        finite = np.isfinite(f)
        whole = finite & (f == np.trunc(f))
        fits = whole & (f.abs() < 2.0**63)
        reason.loc[f.index[f.isna()]] = "coerce"
        reason.loc[f.index[f.notna() & ~finite]] = "overflow"  # 1e400
        reason.loc[f.index[whole & ~fits]] = "overflow"
        reason.loc[f.index[finite & ~whole]] = "fraction"
        out.loc[f.index[fits]] = f[fits].astype("int64").to_numpy()
    return out, reason


def _coerce_col(s: pd.Series, c: Col) -> pd.Series:
    """A column converted to its spec dtype (unreadable values become missing).

    Already-typed columns (the generator's frames, Parquet files) keep the conversion they always had, so
    the synthetic world stays byte-identical; text (CSV and Excel cells) goes through the readers for
    real files: `_numbers` and `parse_dates`.
    """
    if c.dtype in ("int", "float") and not pd.api.types.is_numeric_dtype(s):
        return _numbers(s, c.dtype == "int")[0]
    if c.dtype == "int":
        num = pd.to_numeric(s, errors="coerce")
        num = num.where(num.isna() | (num == num.round()))
        return num.astype("Int64")
    if c.dtype == "float":
        return pd.to_numeric(s, errors="coerce").astype("Float64")
    if c.dtype == "date":
        if pd.api.types.is_datetime64_any_dtype(s):
            return s.astype("datetime64[us]")
        return parse_dates(s)
    if c.dtype == "bool":
        if pd.api.types.is_bool_dtype(s):
            return s.astype("boolean")
        return parse_bool(s)
    out = s.astype("string")
    if c.pattern is not None:
        out = out.str.strip()
    return out


def _coerce_with_reasons(s: pd.Series, c: Col) -> tuple[pd.Series, pd.Series]:
    """`_coerce_col`, and why each non-blank cell that came out missing was unreadable (a `_message`
    check name per cell, <NA> where the cell is fine or blank)."""
    if c.dtype in ("int", "float") and not pd.api.types.is_numeric_dtype(s):
        return _numbers(s, c.dtype == "int")
    val = _coerce_col(s, c)
    text = s.astype("string").str.strip()
    bad = (val.isna() & text.notna() & (text != "")).fillna(False).astype(bool)
    reason = pd.Series(pd.NA, index=s.index, dtype="string").mask(bad, "coerce")
    if c.dtype == "date" and bad.any():
        reason.loc[bad & _iso_days(s).notna()] = "impossible_date"  # right form, not in the calendar
    return val, reason


@dataclass
class ValidationResult:
    """The split of a frame into rows to load and rows to quarantine.

    `valid` and `rejected` keep the input frame's index labels (label i = the i-th data row of the file,
    see `files.read_table`), so a row keeps its file row number even after blank rows were dropped:
    `valid_row_numbers` gives them for the valid rows, `rejected["_row"]` for the rejected ones.
    """

    valid: pd.DataFrame  # typed rows, index = input labels
    rejected: pd.DataFrame  # original rows (as strings), index = input labels, with _row and _reason
    errors: pd.DataFrame  # one row per problem: row, column, column_ko, value, message_ko
    missing_columns: list[str]
    row_offset: int = 2

    @property
    def ok(self) -> bool:
        return self.errors.empty and not self.missing_columns

    @property
    def valid_row_numbers(self) -> pd.Series:
        """The file row number of every valid row (index label + row_offset), aligned with `valid`."""
        return pd.Series(self.valid.index + self.row_offset, index=self.valid.index, name="_row", dtype="int64")


_ERROR_COLUMNS = ["row", "column", "column_ko", "value", "message_ko"]


def _row_labels(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with index labels usable as row numbers: a unique integer index is kept, any other reset."""
    if df.index.is_unique and pd.api.types.is_integer_dtype(df.index.dtype):
        return df
    return df.reset_index(drop=True)


def validate_frame(df: pd.DataFrame, table: str, *, row_offset: int = 2) -> ValidationResult:
    """Coerce and validate `df` against `table`; split valid and rejected rows.

    Row numbers are the frame's index labels plus `row_offset` (2 = header on line 1, the row labelled 0
    on line 2), not positions, so rows after a dropped blank row keep the number the user sees in a
    spreadsheet. A frame whose index is not a unique integer index is numbered by position. Every
    rejected row carries `_row` and `_reason`; values that cannot be typed (bad dates, 2**63, inf, nan
    in an integer column, …) are rejected with a Korean reason, never raised.
    """
    spec = TABLES[table]
    df = _row_labels(df)
    absent = [c.name for c in spec.columns if c.optional and c.name not in df.columns]
    if absent:
        df = df.assign(**dict.fromkeys(absent, pd.NA))
    missing = [c.name for c in spec.columns if c.name not in df.columns]
    problems: list[dict] = []
    if missing:
        names = ", ".join(f"'{spec.col(m).ko}'({m})" for m in missing)
        for m in missing:
            c = spec.col(m)
            problems.append(
                {
                    "row": None,
                    "column": m,
                    "column_ko": c.ko,
                    "value": None,
                    "message_ko": f"필수 열 '{c.ko}'({m})이(가) 파일에 없습니다.",
                }
            )
        errors = pd.DataFrame(problems, columns=_ERROR_COLUMNS)
        rejected = df.astype("string").assign(_row=df.index + row_offset, _reason=f"필수 열 누락: {names}")
        return ValidationResult(df.iloc[0:0], rejected, errors, missing, row_offset)

    coerced = pd.DataFrame(index=df.index)
    for c in spec.columns:
        raw = df[c.name]
        val, reason = _coerce_with_reasons(raw, c)
        for label, kind in reason.dropna().items():
            problems.append(
                {
                    "row": int(label) + row_offset,
                    "column": c.name,
                    "column_ko": c.ko,
                    "value": str(raw.loc[label]),
                    "message_ko": _message(c, kind, raw.loc[label]),
                }
            )
        coerced[c.name] = val

    try:
        pandera_schema(spec).validate(coerced, lazy=True)
    except pa.errors.SchemaErrors as exc:
        unreadable = {(p["row"], p["column"]) for p in problems}
        for rec in exc.failure_cases.itertuples(index=False):
            if rec.column not in coerced.columns or pd.isna(rec.index):
                continue
            c = spec.col(rec.column)
            check = str(rec.check)
            row = int(rec.index) + row_offset
            if check == "not_nullable" and (row, c.name) in unreadable:
                continue  # already reported as unreadable
            problems.append(
                {
                    "row": row,
                    "column": c.name,
                    "column_ko": c.ko,
                    "value": None if pd.isna(rec.failure_case) else str(rec.failure_case),
                    "message_ko": _message(c, check, rec.failure_case),
                }
            )

    errors = pd.DataFrame(problems, columns=_ERROR_COLUMNS)
    bad_labels = sorted({int(r) - row_offset for r in errors["row"].dropna()})
    reasons = errors.dropna(subset=["row"]).groupby("row")["message_ko"].agg(" / ".join)
    valid = coerced.drop(index=bad_labels)
    rejected = (
        df.loc[bad_labels]
        .astype("string")
        .assign(
            _row=pd.array([lb + row_offset for lb in bad_labels], dtype="int64"),
            _reason=pd.array([reasons.get(lb + row_offset, "") for lb in bad_labels], dtype="string"),
        )
    )
    return ValidationResult(valid, rejected, errors, [], row_offset)


def enforce_dtypes(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Cast a generated frame to the declared dtypes (no validation)."""
    spec = TABLES[table]
    return pd.DataFrame({c.name: _coerce_col(df[c.name], c) for c in spec.columns})
