"""충원확률: P(every opening filled within 90 days of posting), the shared calibrated LightGBM on posting features.

The estimator, calibration and exact TreeSHAP are `models.common.gbm.CalibratedGBM`; this module binds it
to the posting features, adds the expected days to fill (a LightGBM regression of log days on the filled
training postings, so a what-if moves it too) and evaluates on held-out posting months against a logistic
baseline and the synthetic world's P(filled) from `truth.posting_truth` (evaluation only).

That truth is computed from the applicants a posting actually drew (the sum of their hire probabilities),
which no one knows on the posting day: it is an oracle above what any posting-day model can reach. The
card says so beside the gap.
"""

from __future__ import annotations

import lightgbm as lgb
import numpy as np
import pandas as pd

from data_catalog.spec import SIZE_BANDS
from models.common.evaluation import data_hash, held_out_report, holdout_split, metrics
from models.common.fairness import fairness_audit
from models.common.gbm import CalibratedGBM
from models.hiring.features import FEATURE_NAMES, FEATURES

FLAG_SHARE = 0.3
"""Share of postings (the lowest probabilities on the calibration months) flagged as hard to fill."""
AUDIT_DIMENSIONS = {"sido_code": "시도", "size_band": "사업체 규모", "ksic_section": "업종"}
"""A posting has no gender or age: the audit asks whether the model works as well for every region, firm size
and industry (a model that fails small firms would steer help away from them)."""


class HiringModel(CalibratedGBM):
    """Calibrated LightGBM over the posting features, plus `expected_days` for the postings that fill."""

    features = FEATURES

    def fit_days(self, X: pd.DataFrame, days: np.ndarray) -> HiringModel:
        """Median-seeking regression of log(days to fill) on filled postings (same features, same categories)."""
        self.days_model_ = lgb.LGBMRegressor(
            n_estimators=120, num_leaves=15, learning_rate=0.08, min_child_samples=40, verbose=-1, n_jobs=2
        )
        self.days_model_.fit(self._prep(X), np.log(np.maximum(days, 1.0)), categorical_feature=self.categorical())
        return self

    def expected_days(self, X: pd.DataFrame) -> np.ndarray:
        """Typical days from posting to the last opening filled, if the posting fills."""
        return np.exp(self.days_model_.booster_.predict(self._matrix(X)))


def training_hash(frame: pd.DataFrame) -> str:
    return data_hash(frame, FEATURE_NAMES + ["label"])


def audit_frame(frame: pd.DataFrame, industry_names: dict[str, str]) -> pd.DataFrame:
    """The audit columns with Korean group names (size band and industry labels; sido codes stay codes)."""
    out = frame.copy()
    out["audit_size_band"] = out["audit_size_band"].map(SIZE_BANDS.labels).fillna(out["audit_size_band"])
    out["audit_ksic_section"] = out["audit_ksic_section"].map(industry_names).fillna(out["audit_ksic_section"])
    return out


def train_and_evaluate(
    frame: pd.DataFrame, truth: pd.DataFrame | None = None, random_state: int = 0, params: dict | None = None
) -> dict:
    """Fit on the earliest posting months, calibrate on the next, test on the latest (`holdout_split`)."""
    sp = holdout_split(frame, "posted_date")
    model = HiringModel(random_state=random_state, **(params or {}))
    model.fit(sp.train, sp.train["label"].to_numpy(), sp.valid, sp.valid["label"].to_numpy())
    filled = sp.train[sp.train["label"] == 1]
    model.fit_days(filled, filled["days_to_fill"].to_numpy())
    out = held_out_report(model, sp, "posted_date", FLAG_SHARE)
    y, p = sp.test["label"].to_numpy(), out["p_test"]
    if truth is not None:  # evaluation only: truth never enters training
        t = truth.reindex(sp.test.index)
        out["metrics"]["truth_pool_oracle"] = metrics(t["p_fill"].to_numpy(), y)
    test_filled = sp.test[sp.test["label"] == 1]
    if len(test_filled):
        err = np.abs(model.expected_days(test_filled) - test_filled["days_to_fill"].to_numpy())
        out["days_mae"] = float(err.mean())
        out["days_median_abs_error"] = float(np.median(err))
    out["fairness"] = fairness_audit(sp.test, p, out["threshold"], dimensions=AUDIT_DIMENSIONS)
    return out
