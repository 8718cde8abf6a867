"""The employability model: exact SHAP in calibrated logits, held-out metrics against baseline and ceiling."""

from __future__ import annotations

import numpy as np

from models.employability.features import FEATURE_NAMES


def test_contributions_plus_base_equal_the_calibrated_logit(trained):
    model, *_, frame, _con = trained
    x = frame[FEATURE_NAMES].head(300)
    contrib, base = model.contributions(x)
    assert np.allclose(contrib.sum(axis=1) + base, model.logit(x), atol=1e-9)
    raw = model.model_.booster_.predict(model._prep(x), pred_contrib=True).sum(axis=1)
    assert np.allclose(raw, model.raw_score(x), atol=1e-9)  # LightGBM's exact TreeSHAP adds up to the raw score


def test_metrics_recorded_against_baseline_and_ceiling(trained):
    _model, meta, tables, *_ = trained
    m = meta["metrics"]
    assert {"model", "logistic_baseline", "ceiling_at_registration", "oracle_with_latent"} <= set(m)
    assert 0.6 < m["model"]["roc_auc"] <= m["oracle_with_latent"]["roc_auc"] + 0.02
    assert m["model"]["ece"] < 0.08  # small test world: noisy; the default-scale figures are in bench/README.md
    assert meta["split_periods"]["train"][1] < meta["split_periods"]["valid"][0] <= meta["split_periods"]["test"][0]
    assert {"auc", "flag_share", "fpr", "fnr", "calibration_gap"} <= set(tables["fairness"].columns)
    assert set(tables["fairness"]["dimension"]) == {"성별", "연령대", "시도", "장애"}
