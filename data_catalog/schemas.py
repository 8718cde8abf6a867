"""pandera schemas built from `spec.py`, plus row-level validation with Korean messages.

Validation is row-oriented on purpose: an imported file is split into valid rows (loaded) and
rejected rows (quarantined with the reason), so one bad cell never blocks a whole extract.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        return f"'{c.ko}'({c.name}) 값 '{value}'을(를) {kind}(으)로 읽을 수 없습니다."
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


def _coerce_col(s: pd.Series, c: Col) -> pd.Series:
    if c.dtype == "int":
        num = pd.to_numeric(s, errors="coerce")
        num = num.where(num.isna() | (num == num.round()))
        return num.astype("Int64")
    if c.dtype == "float":
        return pd.to_numeric(s, errors="coerce").astype("Float64")
    if c.dtype == "date":
        if pd.api.types.is_datetime64_any_dtype(s):
            return s.astype("datetime64[us]")
        return pd.to_datetime(s.astype("string").str.strip(), errors="coerce", format="%Y-%m-%d").astype(
            "datetime64[us]"
        )
    if c.dtype == "bool":
        if pd.api.types.is_bool_dtype(s):
            return s.astype("boolean")
        return parse_bool(s)
    out = s.astype("string")
    if c.pattern is not None:
        out = out.str.strip()
    return out


@dataclass
class ValidationResult:
    valid: pd.DataFrame
    rejected: pd.DataFrame  # original rows (as strings) with row number and reason
    errors: pd.DataFrame  # one row per problem: row, column, column_ko, value, message_ko
    missing_columns: list[str]

    @property
    def ok(self) -> bool:
        return self.errors.empty and not self.missing_columns


def validate_frame(df: pd.DataFrame, table: str, *, row_offset: int = 2) -> ValidationResult:
    """Coerce and validate `df` against `table`; split valid and rejected rows.

    `row_offset` converts the 0-based position into the row number a person sees in the file
    (2 = header on line 1, first data row on line 2).
    """
    spec = TABLES[table]
    df = df.reset_index(drop=True)
    missing = [c.name for c in spec.columns if c.name not in df.columns]
    problems: list[dict] = []
    if missing:
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
        errors = pd.DataFrame(problems)
        return ValidationResult(df.iloc[0:0], df.assign(_reason="필수 열 누락"), errors, missing)

    coerced = pd.DataFrame(index=df.index)
    for c in spec.columns:
        raw = df[c.name]
        val = _coerce_col(raw, c)
        bad = val.isna() & raw.notna() & (raw.astype("string").str.strip() != "")
        for i in bad[bad].index:
            problems.append(
                {
                    "row": int(i) + row_offset,
                    "column": c.name,
                    "column_ko": c.ko,
                    "value": str(raw.iloc[i]),
                    "message_ko": _message(c, "coerce", raw.iloc[i]),
                }
            )
        coerced[c.name] = val

    try:
        pandera_schema(spec).validate(coerced, lazy=True)
    except pa.errors.SchemaErrors as exc:
        fc = exc.failure_cases
        for rec in fc.itertuples(index=False):
            if rec.column not in coerced.columns or pd.isna(rec.index):
                continue
            c = spec.col(rec.column)
            check = str(rec.check)
            if check == "not_nullable" and any(
                p["row"] == int(rec.index) + row_offset and p["column"] == c.name for p in problems
            ):
                continue  # already reported as unreadable
            problems.append(
                {
                    "row": int(rec.index) + row_offset,
                    "column": c.name,
                    "column_ko": c.ko,
                    "value": None if pd.isna(rec.failure_case) else str(rec.failure_case),
                    "message_ko": _message(c, check, rec.failure_case),
                }
            )

    errors = pd.DataFrame(problems, columns=["row", "column", "column_ko", "value", "message_ko"])
    bad_pos = sorted({int(r) - row_offset for r in errors["row"].dropna()})
    valid = coerced.drop(index=bad_pos)
    rejected = df.loc[bad_pos].astype("string")
    if not errors.empty:
        reasons = errors.dropna(subset=["row"]).groupby("row")["message_ko"].agg(" / ".join)
        rejected = rejected.assign(
            _row=[p + row_offset for p in bad_pos],
            _reason=[reasons.get(p + row_offset, "") for p in bad_pos],
        )
    return ValidationResult(valid.reset_index(drop=True), rejected.reset_index(drop=True), errors, [])


def enforce_dtypes(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Cast a generated frame to the declared dtypes (no validation)."""
    spec = TABLES[table]
    return pd.DataFrame({c.name: _coerce_col(df[c.name], c) for c in spec.columns})
