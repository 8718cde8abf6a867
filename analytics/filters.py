"""The map's filter set and its translation into parameterised SQL.

Only fixed SQL fragments are ever concatenated; every user value travels as a `?` parameter.
Region level and metric names are checked against whitelists before they reach SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

LEVELS = {"sido": "sido_code", "sigungu": "sigungu_code"}
OCC_LEVELS = {"major": "occ_major", "middle": "occ_middle", "detailed": "keco_code"}


class FilterError(ValueError):
    """A filter value a person chose (or typed in the URL) that cannot be used; message in Korean."""


@dataclass(frozen=True)
class MarketFilter:
    start: date
    end: date  # inclusive; months are compared by their first day
    occ_level: str | None = None  # 'major' | 'middle' | 'detailed'
    occ_code: str | None = None
    ksic_sections: tuple[str, ...] = field(default_factory=tuple)
    size_bands: tuple[str, ...] = field(default_factory=tuple)
    contract_types: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise FilterError("기간의 끝이 시작보다 앞섭니다.")
        if (self.occ_level is None) != (self.occ_code is None):
            raise FilterError("직업 필터는 분류 수준과 코드를 함께 지정해야 합니다.")
        if self.occ_level is not None and self.occ_level not in OCC_LEVELS:
            raise FilterError(f"알 수 없는 직업 분류 수준입니다: {self.occ_level}")
        if self.occ_code is not None:
            want = {"major": 1, "middle": 2, "detailed": 4}[str(self.occ_level)]
            if len(self.occ_code) != want or not self.occ_code.isdigit():
                raise FilterError(f"직업 코드 '{self.occ_code}'의 형식이 분류 수준과 맞지 않습니다.")

    @property
    def posting_only(self) -> bool:
        """True when filters apply that seekers do not have (industry, size, contract)."""
        return bool(self.ksic_sections or self.size_bands or self.contract_types)


def month_start(d: date) -> date:
    return date(d.year, d.month, 1)


def where_clause(
    f: MarketFilter, *, posting: bool, level: str | None = None, region: str | None = None
) -> tuple[str, list]:
    """WHERE clause (with leading 'WHERE') and params for fact_posting / fact_seeker, optionally one region."""
    parts = ["month BETWEEN ? AND ?"]
    params: list = [month_start(f.start), month_start(f.end)]
    if level and region:
        parts.append(f"{region_col(level)} = ?")
        params.append(region)
    if f.occ_level:
        parts.append(f"{OCC_LEVELS[f.occ_level]} = ?")
        params.append(f.occ_code)
    if posting:
        for col, vals in (
            ("ksic_section", f.ksic_sections),
            ("size_band", f.size_bands),
            ("contract_type", f.contract_types),
        ):
            if vals:
                parts.append(f"{col} IN ({', '.join('?' * len(vals))})")
                params.extend(vals)
    return "WHERE " + " AND ".join(parts), params


def conditions(*pairs: tuple[str, object]) -> tuple[list[str], list]:
    """The parameterised SQL conditions whose value is given (not None or ''), and their parameters in order."""
    kept = [(sql, v) for sql, v in pairs if v is not None and v != ""]
    return [sql for sql, _ in kept], [v for _, v in kept]


def region_col(level: str) -> str:
    if level not in LEVELS:
        raise FilterError(f"알 수 없는 지역 수준입니다: {level}")
    return LEVELS[level]


def parse_month(s: str) -> date:
    """'2025-03' or '2025-03-01' → date(2025, 3, 1); raises FilterError in Korean."""
    try:
        parts = [int(x) for x in str(s).strip().split("-")]
        return date(parts[0], parts[1], 1)
    except (ValueError, IndexError) as exc:
        raise FilterError(f"'{s}'은(는) 올바른 연월(YYYY-MM)이 아닙니다.") from exc


def parse_query_params(
    qp: dict[str, str], *, allowed: dict[str, tuple[str, ...]], period: tuple[date, date]
) -> tuple[dict[str, object], list[str]]:
    """Validate URL query parameters; keep the valid ones, explain the rest in Korean.

    `allowed` maps parameter name → allowed values for enumerated parameters; 'start'/'end' are
    months that must fall inside `period`.
    """
    values: dict[str, object] = {}
    errors: list[str] = []
    for key, raw in qp.items():
        if key in ("start", "end"):
            try:
                m = parse_month(raw)
            except FilterError as e:
                errors.append(f"URL 매개변수 {key}: {e}")
                continue
            if not (month_start(period[0]) <= m <= month_start(period[1])):
                errors.append(
                    f"URL 매개변수 {key}: {raw}은(는) 자료 기간({period[0]:%Y-%m}~{period[1]:%Y-%m}) 밖입니다."
                )
                continue
            values[key] = m
        elif key in allowed:
            if raw in allowed[key]:
                values[key] = raw
            else:
                errors.append(f"URL 매개변수 {key}: '{raw}'은(는) 허용되지 않는 값입니다.")
    if "start" in values and "end" in values and values["end"] < values["start"]:  # type: ignore[operator]
        errors.append("URL 매개변수: 기간의 끝이 시작보다 앞서 기간을 무시했습니다.")
        values.pop("start")
        values.pop("end")
    return values, errors
