"""The small world as a whole: calibration bounds, truth kept apart, outcomes consistent, seasonality, schemas."""

from __future__ import annotations

import pandas as pd
import pytest

from data_catalog import calibration
from data_catalog.schemas import validate_frame
from data_catalog.spec import TABLES


def test_calibration_bounds(small_con):
    rep = calibration.report(small_con).set_index("check_ko")
    checked = rep[rep["min_expected"].notna()]
    assert checked["pass"].all(), checked[["value", "min_expected"]]


def test_truth_lives_apart_from_features(small_con):
    truth_cols = {c.name for t in TABLES.values() if t.schema == "truth" for c in t.columns} - {
        "seeker_id",
        "posting_id",
        "application_id",
    }
    for t in ("seekers", "postings", "seeker_outcomes", "applications", "hires", "firms"):
        cols = set(small_con.execute(f"SELECT * FROM {t} LIMIT 0").df().columns)
        assert not cols & truth_cols, (t, cols & truth_cols)
    main_tables = {
        r[0]
        for r in small_con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    }
    assert not main_tables & {t for t, s in TABLES.items() if s.schema == "truth"}


def test_outcomes_consistent_with_hires_and_censoring(small_con):
    bad = small_con.execute("""
        SELECT count(*) FROM hires h JOIN seekers s USING (seeker_id) JOIN seeker_outcomes o USING (seeker_id)
        WHERE o.employed_date <> h.hire_date OR h.hire_date < s.registered_date OR NOT o.via_posting
    """).fetchone()[0]
    assert bad == 0
    via = small_con.execute("""
        SELECT count(*) FILTER (WHERE o.via_posting), count(*) FILTER (WHERE o.via_posting AND h.hire_id IS NULL)
        FROM seeker_outcomes o LEFT JOIN hires h USING (seeker_id)""").fetchone()
    assert via[0] > 0 and via[1] == 0  # every placement through a posting is a hire here
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


def test_24_months_with_a_january_peak_of_seekers(small_con):
    assert len(small_con.execute("SELECT DISTINCT month FROM fact_posting").fetchall()) == 24
    m = small_con.execute("SELECT month(month) AS m, count(*) AS n FROM fact_seeker GROUP BY 1").df()
    n = m.set_index("m")["n"]
    assert n[[1, 2]].mean() > n[[5, 6]].mean() * 1.2  # registrations peak in January–February


@pytest.mark.parametrize("table", ["postings", "seekers", "applications", "hires", "firms", "posting_violations"])
def test_generated_tables_pass_their_schema(small_data_dir, table):
    sub = f"truth/{table}" if TABLES[table].schema == "truth" else table
    f = next((small_data_dir / "warehouse" / sub).glob("*.parquet"))
    assert validate_frame(pd.read_parquet(f), table).ok
