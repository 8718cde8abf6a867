"""Generator: determinism, calibration bounds, minimum wage, truth separation, mechanisms."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from data_catalog import calibration
from data_catalog import mechanisms as mech
from data_catalog.generator import Scale, generate
from data_catalog.schemas import validate_frame
from data_catalog.spec import TABLES

TINY = Scale(seekers=1_500, firms=300, postings=2_000, courses=40, chunk_seekers=800)  # 2 chunks


def _digest(root: Path) -> dict[str, str]:
    out = {}
    for f in sorted(root.rglob("*.parquet")):
        df = pd.read_parquet(f)
        out[str(f.relative_to(root))] = hashlib.sha256(
            pd.util.hash_pandas_object(df, index=False).values.tobytes()
        ).hexdigest()
    return out


def test_same_seed_same_world_other_seed_other_world(tmp_path):
    a = _digest(generate(TINY, tmp_path / "a", seed=7, progress=False))
    b = _digest(generate(TINY, tmp_path / "b", seed=7, progress=False))
    c = _digest(generate(TINY, tmp_path / "c", seed=8, progress=False))
    serial = _digest(generate(TINY, tmp_path / "s", seed=7, progress=False, workers=1))
    assert a == serial  # parallel chunks give the same world as one process
    assert a == b and len(a) == 20  # 9 per-chunk tables × 2 chunks + firms + courses
    assert a != c


def test_calibration_bounds(small_con):
    rep = calibration.report(small_con).set_index("check_ko")
    checked = rep[rep["min_expected"].notna()]
    assert checked["pass"].all(), checked[["value", "min_expected"]]


def test_minimum_wage_respected_except_planted_anomalies(small_con):
    below = small_con.execute("""
        SELECT t.anomaly_type, count(*) AS n
        FROM postings p JOIN truth.posting_truth t USING (posting_id)
        JOIN (VALUES (2024, 9860), (2025, 10030), (2026, 10320)) m(y, mw) ON year(p.posted_date) = m.y
        WHERE p.wage_monthly_krw * 40.0 / p.weekly_hours < m.mw * 209 - 1 GROUP BY 1
    """).df()
    assert below["anomaly_type"].notna().all()  # every sub-minimum posting is a labelled anomaly
    assert set(below["anomaly_type"]) <= {"illegal_wage", "inconsistent_fields"}
    share = small_con.execute("SELECT avg((anomaly_type IS NOT NULL)::INT) FROM truth.posting_truth").fetchone()[0]
    assert 0.01 < share < 0.03


def test_truth_lives_apart_from_features(small_con):
    truth_cols = {c.name for t in TABLES.values() if t.schema == "truth" for c in t.columns} - {
        "seeker_id",
        "posting_id",
        "application_id",
    }
    for t in ("seekers", "postings", "seeker_outcomes", "applications", "hires"):
        cols = set(small_con.execute(f"SELECT * FROM {t} LIMIT 0").df().columns)
        assert not cols & truth_cols, (t, cols & truth_cols)
    main_tables = {
        r[0]
        for r in small_con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    }
    assert not main_tables & {"seeker_truth", "posting_truth", "application_truth"}


def test_outcomes_consistent_with_hires_and_censoring(small_con):
    bad = small_con.execute("""
        SELECT count(*) FROM hires h JOIN seekers s USING (seeker_id) JOIN seeker_outcomes o USING (seeker_id)
        WHERE o.employed_date <> h.hire_date OR h.hire_date < s.registered_date OR NOT o.via_posting
    """).fetchone()[0]
    assert bad == 0
    # censored rows have no False label; observed rows always have a label
    c = small_con.execute("""SELECT count(*) FILTER (WHERE NOT observed AND employed_6m = FALSE),
                                    count(*) FILTER (WHERE observed AND employed_6m IS NULL)
                             FROM seeker_outcomes""").fetchone()
    assert c == (0, 0)
    hired_apps = small_con.execute("SELECT count(*) FROM applications WHERE final_stage = 'hired'").fetchone()[0]
    assert hired_apps == small_con.execute("SELECT count(seeker_id) FROM hires").fetchone()[0] > 0


def test_observed_rate_tracks_true_probability(small_con):
    """The label is drawn from the truth: the mean label matches the mean true probability."""
    d = small_con.execute("""SELECT avg(employed_6m::INT), avg(p_employed_6m) FROM seeker_outcomes
                             JOIN truth.seeker_truth USING (seeker_id) WHERE observed""").fetchone()
    assert abs(d[0] - d[1]) < 0.04


def test_seasonality_and_24_months(small_con):
    m = small_con.execute("SELECT month(month) AS m, count(*) AS n FROM fact_posting GROUP BY 1 ORDER BY 1").df()
    assert len(small_con.execute("SELECT DISTINCT month FROM fact_posting").fetchall()) == 24
    n = m.set_index("m")["n"]
    assert n[[1, 3]].mean() > n[[12]].mean() * 1.2  # January/March hiring season vs December


def test_mechanisms_have_the_documented_direction():
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
    assert (z_train - z)[2] > (z_train - z)[0]  # training helps the long-term unemployed most (interaction)
    z_wage = mech.seeker_latent(**{**base, "wage_ratio": np.array([1.0, 1.2, 1.4])})
    assert z_wage[0] - z_wage[1] < z_wage[1] - z_wage[2] + 1e-9 or z_wage[0] > z_wage[2]


@pytest.mark.parametrize("table", ["postings", "seekers"])
def test_generated_tables_pass_their_schema(small_data_dir, table):
    f = next((small_data_dir / "warehouse" / table).glob("*.parquet"))
    assert validate_frame(pd.read_parquet(f), table).ok


def test_korean_text_varies(small_con):
    d = small_con.execute(
        "SELECT count(DISTINCT title) / count(*), (SELECT count(DISTINCT resume_text) / count(*) FROM seekers) FROM "
        "postings"
    ).fetchone()
    assert d[0] > 0.5 and d[1] > 0.95
    assert duckdb.__version__  # keep import used
