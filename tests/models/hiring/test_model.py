"""The hiring model: held-out metrics against its baseline and the oracle, monotone in the offer, days to fill."""

from __future__ import annotations

import numpy as np

from models.hiring.features import FEATURES, load_training_frame


def test_card_metrics_are_held_out_and_compared(hiring):
    _model, meta, tables, _con = hiring
    m = meta["metrics"]
    assert {"model", "logistic_baseline", "truth_pool_oracle"} <= set(m)
    assert m["model"]["n"] == meta["split_sizes"]["test"] > 0
    assert meta["split_periods"]["train"][1] < meta["split_periods"]["valid"][0] <= meta["split_periods"]["test"][0]
    assert m["model"]["roc_auc"] > 0.55  # better than chance on months it never saw
    assert set(tables["fairness"]["dimension"]) == {"시도", "사업체 규모", "업종"}
    assert meta["days_to_fill"]["mae"] > 0


def test_a_higher_offer_never_lowers_the_probability_and_requirements_never_raise_it(hiring):
    model, _meta, _tables, con = hiring
    x = load_training_frame(con)[[f.name for f in FEATURES]].head(200)
    p0 = model.predict_proba(x)[:, 1]
    richer = x.assign(wage_vs_local=x["wage_vs_local"] * 1.2, wage_vs_desired=x["wage_vs_desired"] * 1.2)
    assert (model.predict_proba(richer)[:, 1] >= p0 - 1e-12).all()
    stricter = x.assign(
        career_req_years=x["career_req_years"] + 3, education_rank=np.minimum(x["education_rank"] + 1, 4)
    )
    assert (model.predict_proba(stricter)[:, 1] <= p0 + 1e-12).all()


def test_expected_days_are_plausible(hiring):
    model, _meta, _tables, con = hiring
    frame = load_training_frame(con)
    filled = frame[frame["label"] == 1]
    d = model.expected_days(filled)
    assert (d > 0).all() and (d < 120).all()
    assert np.corrcoef(d, filled["days_to_fill"])[0, 1] > 0  # longer where fills took longer
