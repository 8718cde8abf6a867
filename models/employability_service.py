"""What the employability pages ask for: a seeker's features (stored or from a form), validated in Korean."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from data_catalog.reference import minimum_monthly_wage
from models.features_seeker import CATEGORICAL, FEATURE_NAMES, SCOPE_RANK, build_features


def stored_features(con: duckdb.DuckDBPyConnection, seeker_ids: list[int]) -> pd.DataFrame:
    x = con.execute("SELECT * FROM seeker_features WHERE seeker_id IN (SELECT UNNEST(?))", [list(map(int, seeker_ids))]).df()
    x = x.set_index("seeker_id").reindex(seeker_ids)
    for c in CATEGORICAL:
        x[c] = x[c].astype("category")
    return x[FEATURE_NAMES]


def seeker_info(con: duckdb.DuckDBPyConnection, seeker_id: int) -> dict:
    row = con.execute("""
        SELECT s.*, o.name_ko AS desired_ko, o.typical_monthly_wage_krw AS typical_wage, r.sido_name_ko
        FROM seekers s LEFT JOIN ref_occupation o ON o.keco_code = s.desired_keco_code
        LEFT JOIN ref_sido r ON r.sido_code = s.sido_code WHERE s.seeker_id = ?""", [int(seeker_id)]).df()
    return row.iloc[0].to_dict() if len(row) else {}


def market_ratio(con: duckdb.DuckDBPyConnection, sido: str, major: str) -> float | None:
    """Openings per new registration in the last 90 days of data, for a sido and KECO major group."""
    row = con.execute("""
        WITH last AS (SELECT max(posted_date) AS d FROM postings)
        SELECT (SELECT sum(openings) FROM postings, last WHERE sido_code = ? AND substr(keco_code, 1, 1) = ?
                  AND posted_date > last.d - INTERVAL 90 DAY),
               (SELECT count(*) FROM seekers, last WHERE sido_code = ? AND substr(desired_keco_code, 1, 1) = ?
                  AND registered_date > last.d - INTERVAL 90 DAY)""", [sido, major, sido, major]).fetchone()
    return float(row[0]) / row[1] if row and row[0] and row[1] else None


@dataclass
class ProfileResult:
    features: pd.DataFrame | None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def profile_from_form(form: dict, occupations: pd.DataFrame, con: duckdb.DuckDBPyConnection,
                      today: pd.Timestamp | None = None) -> ProfileResult:
    """Validate a new profile typed by a person; missing optional fields become 'unknown' (NaN)."""
    today = today or pd.Timestamp("2026-10-31")
    errors, notes = [], []
    occ = occupations.set_index("keco_code")
    des = form.get("desired_keco_code")
    if not des or des not in occ.index:
        errors.append("희망 직업을 선택해 주세요.")
    age = form.get("age")
    if age is None:
        errors.append("나이를 입력해 주세요.")
    elif not 15 <= age <= 80:
        errors.append(f"나이 {age}세는 범위(15~80세)를 벗어납니다.")
    wage = form.get("desired_wage_manwon")
    if wage is not None and wage * 10_000 < minimum_monthly_wage(today.year):
        errors.append(f"희망 월급 {wage:,}만원은 {today.year}년 최저임금(월 {minimum_monthly_wage(today.year) / 10_000:,.1f}만원)보다 "
                      "낮습니다. 최저임금 이상으로 입력해 주세요.")
    months = form.get("unemp_months")
    if months is not None and not 0 <= months <= 240:
        errors.append("구직 기간은 0~240개월 사이로 입력해 주세요.")
    if errors:
        return ProfileResult(None, errors)
    for k, ko in (("desired_wage_manwon", "희망 월급"), ("unemp_months", "구직 기간"), ("career_years", "경력 기간"),
                  ("training_hours", "훈련 이수 시간")):
        if form.get(k) is None:
            notes.append(f"{ko}을(를) 입력하지 않아 '정보 없음'으로 계산했습니다.")
    reg = today
    row = pd.DataFrame([{
        "seeker_id": 0, "registered_date": reg, "age": age, "education": form.get("education"),
        "career_years": form.get("career_years"), "last_keco_code": form.get("last_keco_code"),
        "desired_keco_code": des, "desired_wage_krw": None if wage is None else wage * 10_000,
        "unemployment_start": None if months is None else reg - pd.Timedelta(days=round(months * 30.44)),
        "training_hours_before": form.get("training_hours"), "desired_region_scope": form.get("region_scope"),
        "skills": ";".join(form.get("skills") or []), "sido_code": form.get("sido_code"),
    }])
    x = build_features(row, occupations, None)
    ratio = market_ratio(con, form.get("sido_code"), des[:1]) if form.get("sido_code") else None
    x["local_openings_per_seeker"] = np.nan if ratio is None else ratio
    if form.get("region_scope") not in SCOPE_RANK:
        x["region_scope"] = np.nan
    return ProfileResult(x, [], notes)
