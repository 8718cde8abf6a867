"""What-if scoring re-scores each change with the model and keeps the best per kind."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from models.common.gbm import CalibratedGBM, Feature
from models.common.whatif import Change, best_changes, score_changes


class _Toy(CalibratedGBM):
    features = (Feature("wage", "임금", True), Feature("kind", "종류", False, categorical=True))


@pytest.fixture(scope="module")
def toy():
    rng = np.random.default_rng(1)
    x = pd.DataFrame({"wage": rng.uniform(0, 1, 2000), "kind": pd.Categorical(rng.choice(["a", "b"], 2000))})
    y = (rng.random(2000) < 0.2 + 0.6 * x["wage"] + 0.1 * (x["kind"] == "b")).astype(int)
    return _Toy(n_estimators=30, min_child_samples=20).fit(x, y.to_numpy(), x, y.to_numpy()), x


def test_each_change_is_scored_as_if_applied(toy):
    model, x = toy
    one = x.iloc[[0]].assign(wage=0.1)
    changes = [
        Change("wage", {"wage": 0.5}, "임금 인상"),
        Change("wage", {"wage": 0.9}, "임금 크게 인상"),
        Change("kind", {"kind": "b"}, "종류 변경"),
        Change("both", {"wage": 0.9, "kind": "b"}, "둘 다"),
    ]
    df = score_changes(model, one, changes)
    for ch, p_after in zip(changes, df["p_after"], strict=True):
        moved = one.astype({"kind": object})
        for k, v in ch.updates.items():
            moved[k] = v
        assert model.predict_proba(moved)[0, 1] == pytest.approx(p_after)
    assert (df["p_before"] == model.predict_proba(one)[0, 1]).all()
    best = best_changes(df, top=3)
    assert best["feature"].is_unique and best["gain_pp"].is_monotonic_decreasing and (best["gain_pp"] > 0.05).all()
    assert score_changes(model, one, []).empty
