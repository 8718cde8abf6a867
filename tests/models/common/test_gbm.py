"""The calibrated gradient-boosting estimator: declared features, categories, Platt layer, exact SHAP."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from models.common.gbm import CalibratedGBM, Feature, feature_meta


class _Toy(CalibratedGBM):
    features = (Feature("x", "값", True), Feature("g", "집단", False, categorical=True))


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(3)
    x = pd.DataFrame({"x": rng.normal(size=3000), "g": pd.Categorical(rng.choice(["a", "b", "c"], 3000))})
    y = (rng.random(3000) < 1 / (1 + np.exp(-(1.5 * x["x"] + (x["g"] == "c"))))).astype(int).to_numpy()
    return x, y


def test_declared_features_and_meta():
    assert _Toy.feature_names() == ["x", "g"] and _Toy.categorical() == ["g"]
    assert feature_meta(_Toy.features)[1] == {"name": "g", "ko": "집단", "changeable": False, "categorical": True}


def test_calibrated_probabilities_and_exact_contributions(data):
    x, y = data
    raw = _Toy(n_estimators=40, min_child_samples=20).fit(x, y)
    assert raw.platt_ == (1.0, 0.0)  # no calibration months: the raw score is the logit
    m = _Toy(n_estimators=40, min_child_samples=20).fit(x.iloc[:2000], y[:2000], x.iloc[2000:], y[2000:])
    contrib, base = m.contributions(x)
    assert np.allclose(contrib.sum(axis=1) + base, m.logit(x), atol=1e-9)
    p = m.predict_proba(x)[:, 1]
    assert np.allclose(p, 1 / (1 + np.exp(-m.logit(x)))) and abs(p.mean() - y.mean()) < 0.03
    unseen = x.head(2).assign(g=["z", "a"])  # a category never seen in training scores as missing, not an error
    assert np.isfinite(m.predict_proba(unseen)).all()
