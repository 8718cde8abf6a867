"""The realism report: each figure recomputed independently, marks that follow the tolerances, targets with sources."""

from __future__ import annotations

import subprocess
import sys

import pytest

import config
from data_catalog import realism
from data_catalog import reference as ref


@pytest.fixture(scope="module")
def rep(small_con):
    return realism.report(small_con).set_index("key")


def test_every_target_used_is_in_the_reference_file_with_a_source():
    t = ref.labour_market_targets()
    used = {stat for stat, _ in realism.INDUSTRY_TARGETS.values()} | {
        "jobs_to_seekers_ratio_employment_centres",
        "new_seekers_share_age_20s",
        "new_seekers_share_age_60_plus",
        "minimum_wage_hourly",
    }
    assert used <= set(t["statistic"]) and t["source"].str.strip().ne("").all()
    assert "labour_market_targets.csv" in ref.SOURCES  # credited in the data catalog
    assert ref.MINIMUM_WAGE_HOURLY == {2024: 9_860, 2025: 10_030, 2026: 10_320}


def test_figures_match_a_direct_count(rep, small_con):
    openings, seekers = small_con.execute(
        """SELECT (SELECT sum(openings) FROM postings WHERE year(posted_date) = 2025),
                  (SELECT count(*) FROM seekers WHERE year(registered_date) = 2025)"""
    ).fetchall()[0]
    assert rep.loc["ratio_year", "world"] == pytest.approx(openings / seekers)
    q = small_con.execute(
        "SELECT sum(openings) FILTER (WHERE ksic_section = 'Q') / sum(openings) FROM postings"
    ).fetchall()[0][0]
    assert rep.loc["industry_Q", "world"] == pytest.approx(q)
    old = small_con.execute("SELECT avg((age >= 60)::INT) FROM seekers").fetchall()[0][0]
    assert rep.loc["age_60_plus", "world"] == pytest.approx(old)


def test_marks_follow_the_tolerances(rep):
    lo, hi = realism.RATIO_BAND
    assert rep.loc["ratio_year", "passed"] == (lo <= rep.loc["ratio_year", "world"] <= hi)
    for section, (stat, _name) in realism.INDUSTRY_TARGETS.items():
        target = float(ref.labour_market_targets().set_index("statistic").loc[stat, "value"])
        world = rep.loc[f"industry_{section}", "world"]
        assert rep.loc[f"industry_{section}", "passed"] == (abs(world - target) <= realism.SHARE_TOLERANCE_INDUSTRY)
    wage_rows = rep[rep.index.str.startswith("wage_ratio_")]
    assert len(wage_rows) >= 2 and all(
        p == (realism.WAGE_BAND[0] <= w <= realism.WAGE_BAND[1])
        for w, p in zip(wage_rows["world"], wage_rows["passed"], strict=True)
    )
    assert rep.loc["wage_at_minimum", "passed"] is None  # for reference only


def test_the_small_world_meets_the_scale_free_targets(rep):
    keys = [*realism.SCALE_FREE, *rep.index[rep.index.str.startswith("wage_ratio_")]]
    assert set(realism.SCALE_FREE) <= set(rep.index)
    failing = rep.loc[keys][~rep.loc[keys, "passed"].astype(bool)]
    assert failing.empty, failing[["name_ko", "world", "target_ko"]]


def test_hiring_signal_is_measured_on_decided_applications(rep, small_con):
    n = small_con.execute(
        "SELECT count(*) FROM applications WHERE applied_date <= (SELECT max(applied_date) FROM applications)"
        " - INTERVAL 90 DAY"
    ).fetchone()[0]
    assert n > 1000
    assert 0.5 < rep.loc["hire_fit_auc", "world"] < rep.loc["hire_truth_auc", "world"] <= 1


def test_the_cli_prints_every_check(small_data_dir):
    out = subprocess.run(
        [sys.executable, "-m", "data_catalog.realism", "--data-dir", str(small_data_dir)],
        cwd=config.PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0 and "전국 구인배수" in out.stdout and "통과" in out.stdout.splitlines()[-1]
