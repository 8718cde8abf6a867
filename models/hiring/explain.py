"""The hiring model's explanations in Korean: each posting feature's value as an employer reads it, and the
SHAP factors phrased by `models.common.shap_text` ("제시임금(…)이 중위값의 96%로 충원확률을 2.1%p 낮춥니다")."""

from __future__ import annotations

import math

import pandas as pd

from data_catalog.spec import CONTRACTS, EDUCATION_RANK, EDUCATION_REQ, SHIFTS, SIZE_BANDS
from models.common.shap_text import factor_table
from models.hiring.model import HiringModel

OUTCOME_KO = "충원확률"


def value_ko(name: str, v: object) -> str:
    """A posting feature's value as an employer reads it."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return "정보 없음"
    edu = {EDUCATION_RANK[k]: EDUCATION_REQ.ko(k) for k in EDUCATION_REQ}
    fmt = {
        "wage_vs_local": lambda x: f"중위값의 {x * 100:.0f}%",
        "wage_vs_desired": lambda x: f"희망임금 중위값의 {x * 100:.0f}%",
        "weekly_hours": lambda x: f"주 {x:g}시간",
        "education_rank": lambda x: edu.get(int(x), str(x)),
        "career_req_years": lambda x: "경력 무관" if x == 0 else f"{x:.0f}년 이상",
        "openings": lambda x: f"{x:.0f}명",
        "duration_days": lambda x: f"{x:.0f}일",
        "probation_months": lambda x: "없음" if x == 0 else f"{x:.0f}개월",
        "local_tightness": lambda x: f"{x:.2f}배",
        "local_seekers": lambda x: f"{x:,.0f}명",
        "active_seekers": lambda x: f"{x:,.0f}명",
        "near_seekers": lambda x: f"{x:,.0f}명",
        "competition": lambda x: f"{x:,.0f}명",
        "open_now": lambda x: f"{x:,.0f}명",
        "post_month": lambda x: f"{x:.0f}월",
    }
    if name in fmt:
        return fmt[name](float(v))
    return str(v)


def category_labels(x: pd.DataFrame, names: dict[str, dict[str, str]]) -> dict[str, str]:
    """Korean names of the one-row frame's categorical values (`names[feature][code]`)."""
    codes = {
        "contract_type": CONTRACTS.labels,
        "shift": SHIFTS.labels,
        "size_band": SIZE_BANDS.labels,
        **names,
    }
    return {f: codes[f].get(str(x.iloc[0][f]), str(x.iloc[0][f])) for f in codes if f in x.columns}


def factors(model: HiringModel, x: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """SHAP factors of one posting in Korean (value, effect in %p, sentence), largest first."""
    return factor_table(model, x, OUTCOME_KO, value_ko, labels)
