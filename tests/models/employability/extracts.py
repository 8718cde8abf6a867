"""Synthetic real-world extracts for the training-from-file tests: Korean column names, Korean labels, a signal.

The outcome depends strongly on a replacement rate (an extra column the seeker schema does not have)
and a little on age, so a model that declares the extra column is measurably better than one that does
not; everything else is plausible noise drawn from the reference catalogues.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from data_catalog import reference as ref

KO_COLUMNS = {
    "seeker_id": "구직자번호",
    "registered_date": "구직등록일",
    "age": "연령",
    "education": "최종학력",
    "career_years": "경력연수",
    "last_keco_code": "직전직업",
    "desired_keco_code": "희망직업코드",
    "desired_wage_krw": "희망임금",
    "desired_region_scope": "희망지역범위",
    "unemployment_start": "실직일",
    "sido_code": "시도코드",
    "skills": "보유자격",
    "training_hours_before": "훈련시간",
    "gender": "성별",
}
"""Seeker column → the Korean header the synthetic extract uses (the plain column map is its inverse)."""
LABEL = "취업여부"


def make_extract(n: int = 2000, seed: int = 0, months: int = 24) -> tuple[pd.DataFrame, np.ndarray]:
    """(extract with Korean headers, typed values; the 0/1 outcome). `months=1`: everyone registered one day."""
    rng = np.random.default_rng(seed)
    occ = ref.occupations()
    sido = ref.sido()["sido_code"].to_numpy()
    start = pd.Timestamp("2024-01-01")
    if months == 1:
        reg = pd.Series([pd.Timestamp("2025-03-02")] * n)
    else:
        reg = pd.Series(start + pd.to_timedelta(rng.integers(0, months * 30, n), unit="D"))
    age = rng.integers(20, 65, n)
    rate = rng.uniform(0, 1, n)
    p = 1 / (1 + np.exp(-(3.5 * (rate - 0.5) - 0.02 * (age - 40))))
    y = (rng.uniform(size=n) < p).astype(int)
    keco = occ["keco_code"].to_numpy()[rng.integers(0, len(occ), n)]
    typical = occ.set_index("keco_code")["typical_monthly_wage_krw"].reindex(keco).to_numpy()
    df = pd.DataFrame(
        {
            "seeker_id": np.arange(1, n + 1),
            "registered_date": reg.dt.strftime("%Y-%m-%d"),
            "age": age,
            "education": rng.choice(["high_school", "college", "university", "graduate"], n),
            "career_years": rng.uniform(0, 20, n).round(1),
            "last_keco_code": np.where(rng.uniform(size=n) < 0.2, "", rng.choice(keco, n)),
            "desired_keco_code": keco,
            "desired_wage_krw": (typical * rng.uniform(0.8, 1.2, n)).round(-4).astype(int),
            "desired_region_scope": rng.choice(["sigungu", "sido", "nationwide"], n),
            "unemployment_start": (reg - pd.to_timedelta(rng.integers(0, 300, n), unit="D")).dt.strftime("%Y-%m-%d"),
            "sido_code": rng.choice(sido, n),
            "skills": rng.choice(["엑셀", "운전면허;엑셀", "", "지게차;용접;안전관리"], n),
            "training_hours_before": rng.choice([0, 0, 0, 40, 120, 300], n),
            "gender": rng.choice(["F", "M"], n),
        }
    ).rename(columns=KO_COLUMNS)
    df["소득대체율"] = rate.round(4)
    df["실업급여 수급"] = np.where(rng.uniform(size=n) < 0.5, "Y", "N")
    df[LABEL] = np.where(y == 1, "예", "아니오")
    return df, y


def plain_map(path: Path) -> Path:
    """The plain column map of the synthetic extract (file header → seeker column)."""
    path.write_text(json.dumps({v: k for k, v in KO_COLUMNS.items()}, ensure_ascii=False), encoding="utf-8")
    return path


def extended_map(path: Path) -> Path:
    """The extended column map: the same columns plus the replacement rate and the claim as features."""
    m = {
        "columns": {v: k for k, v in KO_COLUMNS.items()},
        "features": {
            "소득대체율": {"name": "replacement_rate", "type": "numeric", "ko": "소득대체율"},
            "실업급여 수급": {"name": "ui_claim", "type": "bool", "ko": "실업급여 수급"},
        },
    }
    path.write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    return path
