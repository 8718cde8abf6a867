"""The documented mechanisms move in their documented directions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_catalog.generator import mechanisms as mech
from data_catalog.generator.context import MONTHS


def test_seeker_latent_directions():
    base = dict(
        log_tightness=np.zeros(3),
        wage_ratio=np.ones(3),
        unemp_months=np.array([1.0, 8.0, 20.0]),
        trained_after=np.zeros(3),
        training_hours_before=np.zeros(3),
        age=np.full(3, 34.0),
        edu_gap=np.zeros(3),
        career_years=np.full(3, 5.0),
        scope_idx=np.ones(3),
        disability=np.zeros(3),
        noise=np.zeros(3),
    )
    z = mech.seeker_latent(**base)
    assert z[0] > z[1] > z[2]  # longer unemployment lowers employment
    z_train = mech.seeker_latent(**{**base, "trained_after": np.ones(3)})
    assert (z_train - z)[2] > (z_train - z)[0]  # training helps the long-term unemployed most


def test_stage_latents_directions():
    one = np.ones(2)
    base = dict(
        occ_match=np.array([1.0, 0.0]),
        skill_overlap=np.array([0.8, 0.0]),
        edu_gap=np.zeros(2),
        career_gap=np.zeros(2),
        log_apps_per_opening=np.zeros(2),
        protected=np.zeros(2, bool),
        noise=np.zeros(2),
    )
    z = mech.screening_latent(**base)
    assert z[0] > z[1] + 2  # fit matters most
    assert (mech.screening_latent(**{**base, "log_apps_per_opening": np.log(30) * one}) < z).all()  # competition
    assert (mech.screening_latent(**{**base, "protected": one.astype(bool)}) < z).all()  # the employer bias
    assert (mech.screening_latent(**{**base, "edu_gap": -one}) < z).all()
    acc = mech.acceptance_latent(log_wage_ratio=np.log([0.8, 1.0, 1.2]), distance_km=np.zeros(3), noise=np.zeros(3))
    assert acc[0] < acc[1] < acc[2]


def test_jobs_to_seekers_profile_matches_the_published_months():
    r = pd.Series(mech.jobs_to_seekers_by_month(MONTHS), index=MONTHS)
    assert r["2025-01-01"] == min(r[r.index.year == 2025]) == 0.27
    assert r["2024-11-01"] == 0.46 and r["2025-07-01"] == 0.40 and r["2025-10-01"] == 0.42


def test_occupation_match_follows_the_keco_hierarchy():
    m = mech.occupation_match(pd.Series(["5501", "5501", "5501", "5501"]), pd.Series(["5501", "5502", "5611", "0299"]))
    assert list(m) == [1.0, 0.6, 0.3, 0.0]
