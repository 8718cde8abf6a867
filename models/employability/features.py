"""Seeker features known at the registration date (the prediction date) — no outcome leakage.

Market features look back only: openings and new registrations in the seeker's sido and desired
KECO major group over the 90 days *before* registration. Sensitive attributes (gender,
disability, nationality) are never produced here; they are joined separately for fairness audits.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from data_catalog.spec import EDUCATION_RANK, REGION_SCOPES, sensitive_columns
from models.common.gbm import Feature

FEATURES: tuple[Feature, ...] = (
    Feature("age", "나이", False),
    Feature("education_rank", "학력", False),
    Feature("career_years", "경력 기간", False),
    Feature("has_last_job", "직전 직업 유무", False),
    Feature("unemp_months", "구직 기간(등록 시)", False),
    Feature("desired_major", "희망 직업군", True, categorical=True),
    Feature("desired_wage_ratio", "희망임금 수준(직업 대표임금 대비)", True),
    Feature("edu_gap", "희망 직업 대비 학력", False),
    Feature("training_hours", "직업훈련 이수 시간", True),
    Feature("region_scope", "희망 근무지역 범위", True),
    Feature("n_skills", "보유 기술·자격 수", True),
    Feature("sido", "거주 시도", False, categorical=True),
    Feature("local_openings_per_seeker", "지역·직업군 구인배수(최근 90일)", False),
    Feature("reg_month", "등록 월", False),
)
FEATURE_NAMES = [f.name for f in FEATURES]
CATEGORICAL = [f.name for f in FEATURES if f.categorical]
SENSITIVE = sensitive_columns("seekers")
"""Audit-only attributes (from the data spec): joined as `audit_*` for the fairness audit, never features."""
SCOPE_RANK = {s: i for i, s in enumerate(REGION_SCOPES)}  # sigungu < sido < nationwide
AUDITED = (*SENSITIVE, "age", "sido_code")
"""Seeker columns carried beside the features for the audit (age and region are features too)."""

MARKET_SQL = """
WITH daily AS (
    SELECT sido_code, substr(keco_code, 1, 1) AS major, posted_date::DATE AS d, sum(openings) AS openings, 0 AS regs
    FROM postings GROUP BY ALL
    UNION ALL
    SELECT sido_code, substr(desired_keco_code, 1, 1), registered_date::DATE, 0, count(*) FROM seekers GROUP BY ALL
),
agg AS (SELECT sido_code, major, d, sum(openings) AS openings, sum(regs) AS regs FROM daily GROUP BY ALL),
roll AS (
    SELECT sido_code, major, d,
           sum(openings) OVER w AS openings_90, sum(regs) OVER w AS regs_90
    FROM agg WINDOW w AS (PARTITION BY sido_code, major ORDER BY d
                          RANGE BETWEEN INTERVAL 90 DAY PRECEDING AND INTERVAL 1 DAY PRECEDING)
)
SELECT s.seeker_id, coalesce(r.openings_90, 0) AS openings_90, coalesce(r.regs_90, 0) AS regs_90
FROM seekers s LEFT JOIN roll r
  ON r.sido_code = s.sido_code AND r.major = substr(s.desired_keco_code, 1, 1) AND r.d = s.registered_date::DATE
"""


def build_features(
    seekers: pd.DataFrame, occupations: pd.DataFrame, market: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Feature frame (index = seeker_id) from seeker rows in the warehouse schema.

    Only `seeker_id` and `registered_date` must be present: a real extract may lack any other column,
    and a feature built from an absent column is unknown (NaN), never a made-up 0. `market` (seeker_id,
    openings_90, regs_90) may be absent for a new profile or an extract; the caller then sets it from the
    market at the chosen date (see `service.market_ratios`) or leaves it unknown.
    """
    occ = occupations.set_index("keco_code")

    def col(name: str) -> pd.Series:
        return seekers[name] if name in seekers.columns else pd.Series(np.nan, index=seekers.index, dtype=object)

    des = col("desired_keco_code").astype("string")
    known = des.isin(occ.index)
    typical = des.map(occ["typical_monthly_wage_krw"]).astype(float)
    occ_edu = des.map(occ["education"].map(EDUCATION_RANK)).astype(float)
    edu = col("education").map(EDUCATION_RANK).astype(float)
    reg = pd.to_datetime(seekers["registered_date"])
    unemp = (reg - pd.to_datetime(col("unemployment_start"))).dt.days / 30.44
    skills = col("skills").fillna("").astype(str)
    absent = pd.Series(np.nan, index=seekers.index)
    df = pd.DataFrame(
        {
            "seeker_id": seekers["seeker_id"].to_numpy(),
            "age": pd.to_numeric(col("age"), errors="coerce").astype(float),
            "education_rank": edu,
            "career_years": pd.to_numeric(col("career_years"), errors="coerce").astype(float),
            # an absent column is unknown, not "no last job" / "no skills" (an empty cell in a present one is)
            "has_last_job": seekers["last_keco_code"].notna().astype(float) if "last_keco_code" in seekers else absent,
            "unemp_months": unemp.clip(lower=0).astype(float),
            "desired_major": des.str[:1].where(known),
            "desired_wage_ratio": pd.to_numeric(col("desired_wage_krw"), errors="coerce").astype(float) / typical,
            "edu_gap": edu - occ_edu,
            "training_hours": pd.to_numeric(col("training_hours_before"), errors="coerce").astype(float),
            "region_scope": col("desired_region_scope").map(SCOPE_RANK).astype(float),
            "n_skills": (
                skills.map(lambda s: len([x for x in s.split(";") if x.strip()])).astype(float)
                if "skills" in seekers
                else absent
            ),
            "sido": col("sido_code").astype("string"),
            "reg_month": reg.dt.month.astype(float),
        }
    ).set_index("seeker_id")
    if market is not None:
        m = market.set_index("seeker_id")
        ratio = m["openings_90"] / m["regs_90"].where(m["regs_90"] > 0)
        df["local_openings_per_seeker"] = ratio.reindex(df.index).astype(float)
    else:
        df["local_openings_per_seeker"] = np.nan
    for c in CATEGORICAL:
        df[c] = df[c].astype("category")
    return df[FEATURE_NAMES]


def market_features(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(MARKET_SQL).df()


def load_training_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Seekers with an observed 6-month label, their features, label and audit-only attributes.

    In seeker_id order: DuckDB's parallel join returns rows in any order, and the row order decides the
    bagging samples, so without it one warehouse gave a different model (and data hash) on every run.
    """
    seekers = con.execute("""
        SELECT s.*, o.employed_6m FROM seekers s JOIN seeker_outcomes o USING (seeker_id) WHERE o.observed
        ORDER BY s.seeker_id
    """).df()
    occ = con.execute("SELECT * FROM ref_occupation").df()
    x = build_features(seekers, occ, market_features(con))
    return with_label_and_audit(x, seekers, seekers["employed_6m"])


def with_label_and_audit(x: pd.DataFrame, seekers: pd.DataFrame, label: pd.Series) -> pd.DataFrame:
    """Features plus the label, the registration date (for the time split) and the audit-only attributes."""
    rows = seekers.set_index("seeker_id")
    x["label"] = label.astype(int).to_numpy()
    x["registered_date"] = pd.to_datetime(rows["registered_date"])
    for c in AUDITED:
        x[f"audit_{c}"] = rows[c] if c in rows.columns else pd.NA
    return x
