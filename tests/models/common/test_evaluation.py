"""Evaluation units: ECE, the time split and its periods, the calibration table, the logistic baseline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from models.common.evaluation import calibration_curve, data_hash, ece, logistic_baseline, metrics, time_split


def test_ece_and_time_split_units():
    p = np.array([0.1, 0.1, 0.9, 0.9])
    assert ece(p, np.array([0, 0, 1, 1])) == pytest.approx(0.1)
    df = pd.DataFrame({"registered_date": pd.date_range("2025-01-01", periods=10, freq="MS")})
    sp = time_split(df, "registered_date", valid_months=2, test_months=3)
    assert (len(sp.train), len(sp.valid), len(sp.test)) == (5, 2, 3)
    assert sp.sizes() == {"train": 5, "valid": 2, "test": 3}
    assert sp.periods("registered_date") == {
        "train": ["2025-01-01", "2025-05-01"],
        "valid": ["2025-06-01", "2025-07-01"],
        "test": ["2025-08-01", "2025-10-01"],
    }


def test_calibration_table_and_metrics():
    p = np.array([0.05, 0.15, 0.15, 0.95])
    y = np.array([0, 0, 1, 1])
    cal = calibration_curve(p, y)
    assert cal["bin"].tolist() == [0, 1, 9] and cal["n"].tolist() == [1, 2, 1] and cal["observed"].iloc[1] == 0.5
    m = metrics(p, y)
    assert m["n"] == 4 and m["base_rate"] == 0.5 and 0 < m["roc_auc"] <= 1


def test_logistic_baseline_learns_a_plain_signal_and_hash_tracks_rows():
    rng = np.random.default_rng(0)
    x = rng.normal(size=400)
    df = pd.DataFrame({"x": x, "g": np.where(rng.random(400) < 0.5, "a", "b"), "label": (x > 0).astype(int)})
    p = logistic_baseline(df.iloc[:300], df.iloc[300:], ["x", "g"], ["g"])
    assert metrics(p, df["label"].iloc[300:].to_numpy())["roc_auc"] > 0.95
    assert (
        data_hash(df, ["x", "label"]) == data_hash(df.copy(), ["x", "label"]) != data_hash(df.iloc[1:], ["x", "label"])
    )
