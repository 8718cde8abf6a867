"""The item bank: 288 activities (48 per RIASEC type) and their calibrated GRM parameters."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

import config
from data_catalog.spec import RIASEC_TYPES

TYPES = tuple(RIASEC_TYPES)
TYPE_KO = RIASEC_TYPES.labels
TYPE_COLS = {"R": "r", "I": "i", "A": "a", "S": "s", "E": "e", "C": "c"}


def params_file() -> Path:
    """The shipped item-parameter estimates (written by `python -m models.interest calibrate`)."""
    return config.reference_dir() / "interest_item_params.csv"


@lru_cache(maxsize=1)
def items() -> pd.DataFrame:
    df = pd.read_csv(
        config.reference_dir() / "interest_items.csv", dtype={"keco_hint": "string"}, keep_default_na=False
    )
    if params_file().exists():
        df = df.merge(pd.read_csv(params_file()), on="item_id", how="left", validate="1:1")
    return df


def item_params(bank: pd.DataFrame | None = None) -> tuple[np.ndarray, np.ndarray]:
    bank = items() if bank is None else bank
    if "a" not in bank.columns or bank["a"].isna().any():
        raise RuntimeError("문항 모수 파일이 없습니다. `python -m models.interest calibrate`를 실행해 주세요.")
    return bank["a"].to_numpy(float), bank[["b1", "b2", "b3", "b4"]].to_numpy(float)


def full_form_order(bank: pd.DataFrame) -> list[str]:
    """Full-form order: the six types interleaved (R1, I1, A1, S1, E1, C1, R2, …) so no screen is one-sided."""
    by_type = {t: bank.loc[bank["riasec"] == t, "item_id"].tolist() for t in TYPES}
    n = max(len(v) for v in by_type.values())
    return [by_type[t][k] for k in range(n) for t in TYPES if k < len(by_type[t])]
