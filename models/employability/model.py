"""취업확률: P(employed within 6 months of registration), the shared calibrated LightGBM on seeker features.

The estimator, calibration and exact TreeSHAP are `models.common.gbm.CalibratedGBM`; this module
binds it to the seeker features and evaluates it on held-out months against a logistic baseline,
the best probability knowable at registration (the achievable ceiling) and the oracle that also
knows the unobserved trait, both from the synthetic world's `truth` schema (evaluation only).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from models.common.evaluation import calibration_curve, data_hash, logistic_baseline, metrics, time_split
from models.common.fairness import fairness_audit
from models.common.gbm import CalibratedGBM
from models.employability.features import CATEGORICAL, FEATURE_NAMES, FEATURES

FLAG_SHARE = 0.3
"""Share of seekers (the lowest probabilities on the calibration months) flagged for counselling in the audit."""


class EmployabilityModel(CalibratedGBM):
    """Calibrated LightGBM over the seeker features (80 trees × 7 leaves by default, see bench/employability.py)."""

    features = FEATURES


def training_hash(frame: pd.DataFrame) -> str:
    return data_hash(frame, FEATURE_NAMES + ["label"])


def train_and_evaluate(
    frame: pd.DataFrame, truth: pd.DataFrame | None = None, random_state: int = 0, params: dict | None = None
) -> dict:
    """Fit on the time split, evaluate on held-out months against the baseline and the ceiling."""
    sp = time_split(frame, "registered_date")
    model = EmployabilityModel(random_state=random_state, **(params or {})).fit(
        sp.train, sp.train["label"].to_numpy(), sp.valid, sp.valid["label"].to_numpy()
    )
    y = sp.test["label"].to_numpy()
    p = model.predict_proba(sp.test)[:, 1]
    baseline = logistic_baseline(sp.train, sp.test, FEATURE_NAMES, CATEGORICAL)
    out = {
        "model": model,
        "split": sp,
        "p_test": p,
        "metrics": {"model": metrics(p, y), "logistic_baseline": metrics(baseline, y)},
    }
    if truth is not None:  # evaluation only: truth never enters training
        t = truth.reindex(sp.test.index)
        out["metrics"]["ceiling_at_registration"] = metrics(t["p_at_registration"].to_numpy(), y)
        out["metrics"]["oracle_with_latent"] = metrics(t["p_employed_6m"].to_numpy(), y)
    threshold = float(np.quantile(model.predict_proba(sp.valid)[:, 1], FLAG_SHARE))
    out["threshold"] = threshold
    out["fairness"] = fairness_audit(sp.test, p, threshold)
    out["calibration"] = calibration_curve(p, y)
    out["split_sizes"] = sp.sizes()
    out["split_periods"] = sp.periods("registered_date")
    return out
