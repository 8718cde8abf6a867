"""Applications and hires follow the documented mechanism: learnable from fit, never from ids, order or dates.

Evaluated on applications whose outcome is decided (applied at least 90 days before the snapshot: later ones are
partly still in progress, and a quick rejection is known sooner than a hire).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from data_catalog import reference as ref
from data_catalog.generator import places
from data_catalog.spec import SNAPSHOT_DATE
from tests.data_catalog.generator.test_leakage import tolerance


@pytest.fixture(scope="module")
def apps(small_con) -> pd.DataFrame:
    df = small_con.execute(
        """
        SELECT a.*, t.fit, t.p_hire, p.posted_date, p.closing_date, p.filled_date, p.keco_code AS p_occ,
               p.sigungu_code AS p_sgg, p.lat AS p_lat, p.lon AS p_lon, p.openings,
               s.desired_keco_code AS s_occ, s.sigungu_code AS s_sgg, s.sido_code AS s_sido, p.sido_code AS p_sido,
               s.lat AS s_lat, s.lon AS s_lon, s.skills, s.registered_date
        FROM applications a JOIN truth.application_truth t USING (application_id)
        JOIN postings p USING (posting_id) JOIN seekers s USING (seeker_id)
        WHERE a.applied_date <= CAST(? AS DATE) - INTERVAL 90 DAY""",
        [SNAPSHOT_DATE],
    ).df()
    df["y"] = (df["final_stage"] == "hired").astype(int)
    return df


def _simple_fit(df: pd.DataFrame) -> np.ndarray:
    """What an analyst would compute from the tables alone: occupation match, skill overlap and commute."""
    skills = ref.occupations().set_index("keco_code")["skills_ko"].str.split(";").to_dict()
    overlap = np.array(
        [
            len(set(str(s).split(";")) & set(skills[o])) / len(skills[o])
            for s, o in zip(df["skills"], df["p_occ"], strict=True)
        ]
    )
    same_mid = (df["s_occ"].str[:2] == df["p_occ"].str[:2]).to_numpy()
    d = places.distance_km(
        places.from_latlon(df["s_lat"].to_numpy(), df["s_lon"].to_numpy()),
        places.from_latlon(df["p_lat"].to_numpy(), df["p_lon"].to_numpy()),
    )
    return 1.0 * same_mid + 2.0 * overlap - 0.01 * d


def test_truth_and_fit_predict_the_hire_while_ids_order_and_dates_do_not(apps):
    y = apps["y"]
    assert 100 < y.sum() < len(y) / 10
    assert roc_auc_score(y, apps["p_hire"]) >= 0.75
    assert roc_auc_score(y, _simple_fit(apps)) >= 0.65
    for name, v in {
        "application_id": apps["application_id"],
        "row order": pd.Series(np.arange(len(apps))),
        "applied_date": apps["applied_date"].astype("int64"),
    }.items():
        assert abs(roc_auc_score(y, v) - 0.5) <= tolerance(y), name


def test_no_application_after_its_posting_closed_or_filled(apps, small_con):
    late = small_con.execute("""
        SELECT count(*) FROM applications a JOIN postings p USING (posting_id)
        WHERE a.applied_date > p.closing_date OR a.applied_date > p.filled_date OR a.applied_date < p.posted_date
    """).fetchone()[0]
    assert late == 0
    over = small_con.execute("""
        SELECT count(*) FROM (SELECT posting_id, count(*) AS n FROM hires GROUP BY 1) h
        JOIN postings p USING (posting_id) WHERE h.n > p.openings""").fetchone()[0]
    assert over == 0  # a posting hires at most its openings


def test_search_reaches_beyond_the_own_cell_with_a_heavy_tail(apps, small_con):
    assert (apps["s_sgg"] != apps["p_sgg"]).mean() > 0.3  # nearby sigungu
    assert (apps["s_sido"] != apps["p_sido"]).mean() > 0.02  # now and then another sido
    assert (apps["s_occ"].str[:2] != apps["p_occ"].str[:2]).mean() > 0.2  # related occupations
    per_seeker = small_con.execute(
        "SELECT count(a.application_id) AS n FROM seekers s LEFT JOIN applications a USING (seeker_id)"
        " GROUP BY s.seeker_id"
    ).df()["n"]
    assert per_seeker.quantile(0.99) > 4 * per_seeker.median()  # heavy tailed
    assert per_seeker.max() >= 30


def test_stage_histories_are_ordered_and_end_in_the_final_stage(small_con):
    h = small_con.execute("SELECT final_stage, stage_history, applied_date FROM applications LIMIT 3000").df()
    for stage, hist, applied in h.itertuples(index=False):
        steps = json.loads(hist)
        assert steps[0] == ["applied", applied.strftime("%Y-%m-%d")]
        assert [s for s, _ in steps][-1] == stage
        days = [d for _, d in steps]
        assert days == sorted(days) and max(days) <= SNAPSHOT_DATE


def test_screening_rate_near_the_published_figure(small_con):
    rate = small_con.execute("""
        SELECT avg(CASE WHEN stage_history LIKE '%"screened"%' THEN 1.0 ELSE 0 END) FROM applications
        WHERE final_stage NOT IN ('applied', 'withdrawn')""").fetchone()[0]
    assert 0.10 <= rate <= 0.25  # 사람인 2019: about 16 %


def test_fill_is_learnable_with_a_reported_ceiling(small_con):
    df = small_con.execute("""
        SELECT p.status = 'filled' AS y, t.p_fill, t.expected_hires, p.wage_monthly_krw FROM postings p
        JOIN truth.posting_truth t USING (posting_id) WHERE p.status <> 'open'""").df()
    assert 0.1 < df["y"].mean() < 0.7  # a non-trivial target
    assert roc_auc_score(df["y"], df["p_fill"]) >= 0.65  # the truth ceiling a hiring-probability model faces
    assert abs(df["y"].mean() - df["p_fill"].mean()) < 0.08


def test_employer_bias_is_there_for_an_audit_to_find(small_con):
    g = (
        small_con.execute("""
        SELECT s.gender, avg(CASE WHEN a.stage_history LIKE '%"screened"%' THEN 1.0 ELSE 0 END) AS passed
        FROM applications a JOIN seekers s USING (seeker_id) JOIN postings p USING (posting_id)
        WHERE substr(p.keco_code, 1, 2) IN ('62', '70', '81', '82', '83', '85', '89')
          AND a.final_stage NOT IN ('applied', 'withdrawn')
        GROUP BY 1""")
        .df()
        .set_index("gender")["passed"]
    )
    assert g["F"] < g["M"] * 0.85
