"""취업확률: P(employed within 6 months of registration), the shared calibrated LightGBM on seeker features.

The estimator, calibration and exact TreeSHAP are `models.common.gbm.CalibratedGBM`; this module
binds it to the seeker features and evaluates it on held-out months against a logistic baseline,
the best probability knowable at registration (the achievable ceiling) and the oracle that also
knows the unobserved trait, both from the synthetic world's `truth` schema (evaluation only).

A model trained on a real extract may carry extra features the extract declares (an unemployment-
insurance claim, a replacement rate …): they are a parameter of the model (`extra_features`), so the
pickled model itself knows its full feature list and every consumer — SHAP sentences, what-if, the
contract test, the card through `meta["features"]` — reads that one list.
"""

from __future__ import annotations

import pandas as pd

from models.common.evaluation import data_hash, held_out_report, holdout_split, metrics
from models.common.fairness import fairness_audit
from models.common.gbm import CalibratedGBM, Feature
from models.employability.features import FEATURE_NAMES, FEATURES

FLAG_SHARE = 0.3
"""Share of seekers (the lowest probabilities on the calibration months) flagged for counselling in the audit."""


class EmployabilityModel(CalibratedGBM):
    """Calibrated LightGBM over the seeker features (80 trees × 7 leaves by default, see bench/employability.py)."""

    def __init__(
        self,
        n_estimators: int = 80,
        num_leaves: int = 7,
        learning_rate: float = 0.2,
        min_child_samples: int = 50,
        random_state: int = 0,
        extra_features: tuple[Feature, ...] = (),
    ) -> None:
        super().__init__(n_estimators, num_leaves, learning_rate, min_child_samples, random_state)
        self.extra_features = extra_features

    def __setstate__(self, state: dict) -> None:
        state.setdefault("extra_features", ())  # models pickled before extra features existed
        super().__setstate__(state)

    @property
    def features(self) -> tuple[Feature, ...]:  # type: ignore[override]  # per model, not per class
        return FEATURES + tuple(self.extra_features)

    def feature_names(self) -> list[str]:  # type: ignore[override]
        return [f.name for f in self.features]

    def categorical(self) -> list[str]:  # type: ignore[override]
        return [f.name for f in self.features if f.categorical]


def training_hash(frame: pd.DataFrame, extra_features: tuple[Feature, ...] = ()) -> str:
    return data_hash(frame, FEATURE_NAMES + [f.name for f in extra_features] + ["label"])


def train_and_evaluate(
    frame: pd.DataFrame,
    truth: pd.DataFrame | None = None,
    random_state: int = 0,
    params: dict | None = None,
    extra_features: tuple[Feature, ...] = (),
) -> dict:
    """Fit on the held-out split (by registration month, or stratified random when months are too few),
    evaluate on the test part against the baseline and the ceiling."""
    sp = holdout_split(frame, "registered_date")
    model = EmployabilityModel(random_state=random_state, extra_features=tuple(extra_features), **(params or {}))
    model.fit(sp.train, sp.train["label"].to_numpy(), sp.valid, sp.valid["label"].to_numpy())
    out = held_out_report(model, sp, "registered_date", FLAG_SHARE)
    y, p = sp.test["label"].to_numpy(), out["p_test"]
    if truth is not None:  # evaluation only: truth never enters training
        t = truth.reindex(sp.test.index)
        out["metrics"]["ceiling_at_registration"] = metrics(t["p_at_registration"].to_numpy(), y)
        out["metrics"]["oracle_with_latent"] = metrics(t["p_employed_6m"].to_numpy(), y)
    out["fairness"] = fairness_audit(sp.test, p, out["threshold"])
    return out
