"""Top-5 occupations: the job-zone filter, stability under measurement error, ties, close alternatives."""

from __future__ import annotations

import numpy as np
import pytest

from data_catalog import reference as ref
from models.interest.matching import close_alternatives, top5_stability, top_occupations
from models.interest.scoring import result_document, score
from tests.models.interest.conftest import pattern, simulated_full_answers


def test_job_zone_filter(bank):
    scores = score(pattern(bank, "I"), bank)
    top = top_occupations(scores["theta"].to_numpy(), max_job_zone=2)
    occ = ref.occupations().set_index("keco_code")
    assert (occ.loc[top["keco_code"], "job_zone"] <= 2).all()


def test_top5_stability_shares_are_reproducible_and_reflect_precision(bank):
    scores = score(simulated_full_answers(bank, 5), bank)
    theta, se = scores["theta"].to_numpy(), scores["se"].to_numpy()
    top = set(top_occupations(theta)["keco_code"])
    share = top5_stability(theta, se, seed=3)
    assert share.between(0, 1).all()
    assert share.equals(top5_stability(theta, se, seed=3))
    # with no measurement error every draw is the plug-in Top-5
    exact = top5_stability(theta, np.zeros(6))
    assert set(exact[exact == 1.0].index) == top and exact.sum() == pytest.approx(5.0)
    # a noisier measurement spreads the Top-5 over more occupations
    assert share.loc[list(top)].mean() > top5_stability(theta, 4 * se, seed=3).loc[list(top)].mean()
    alt = close_alternatives(share, top_occupations(theta), min_share=0.1)
    assert not set(alt["keco_code"]) & top and (alt["stability"] >= 0.1).all()
    assert alt["stability"].is_monotonic_decreasing
    # the downloadable result keeps both
    shown = top_occupations(theta).assign(stability=lambda d: share.reindex(d["keco_code"]).to_numpy())
    doc = result_document({"test_id": "t", "form": "full"}, {}, scores, shown, alt)
    assert [d["stability"] for d in doc["top5"]] == [round(float(v), 4) for v in shown["stability"]]
    assert [d["keco_code"] for d in doc["close_alternatives"]] == alt["keco_code"].tolist()


def test_top5_stability_breaks_ties_like_the_top5():
    # occupations sharing one O*NET profile tie exactly; find a profile whose 5th and 6th best are such twins
    rng = np.random.default_rng(0)
    for _ in range(5000):
        theta = rng.normal(size=6)
        six = top_occupations(theta, 6)
        if np.isclose(six["fit"].iat[4], six["fit"].iat[5], rtol=0, atol=1e-12):
            break
    else:
        pytest.fail("no tie at the Top-5 boundary found")
    exact = top5_stability(theta, np.zeros(6))
    assert (exact.loc[six["keco_code"].head(5)] == 1.0).all() and exact.loc[six["keco_code"].iat[5]] == 0.0


def test_top5_stability_respects_the_job_zone(bank):
    scores = score(pattern(bank, "I"), bank)
    share = top5_stability(scores["theta"].to_numpy(), scores["se"].to_numpy(), max_job_zone=2)
    occ = ref.occupations().set_index("keco_code")
    assert (occ.loc[share.index, "job_zone"] <= 2).all() and len(share) == (occ["job_zone"] <= 2).sum()
