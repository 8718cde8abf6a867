"""Shared item bank and answer patterns for the interest-test tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from models.interest.bank import item_params, items
from models.interest.calibrate import simulate_answers, simulate_thetas


@pytest.fixture(scope="session")
def bank() -> pd.DataFrame:
    return items()


def pattern(bank: pd.DataFrame, liked: str) -> dict[str, int]:
    """'매우 좋다' to every item of one type, '매우 싫다' to the rest."""
    return {i: (5 if t == liked else 1) for i, t in zip(bank["item_id"], bank["riasec"], strict=True)}


def simulated_full_answers(bank: pd.DataFrame, seed: int) -> dict[str, int]:
    rng = np.random.default_rng(seed)
    a, b = item_params(bank)
    theta = simulate_thetas(1, rng)
    x = simulate_answers(theta, a, b, bank, rng)[0]
    return {i: int(v) + 1 for i, v in zip(bank["item_id"], x, strict=True)}
