"""The ML anomaly score: trained on training phrasings only, measured on held-out ones, raised only where no rule
fired, and in the CLI's report."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import config
from models.common import registry
from models.posting_check import world
from models.posting_check.check import check_frame, check_parallel
from models.posting_check.train import load


@pytest.fixture(scope="module")
def scorer(small_data_dir):
    return load(str(small_data_dir))


def test_the_split_keeps_held_out_phrasings_out_of_training(small_con):
    rows = world.labelled(small_con)
    held = set(
        small_con.execute("SELECT posting_id FROM truth.posting_violations WHERE split = 'heldout'").df()["posting_id"]
    )
    train_ids = set(rows.loc[rows["part"] == "train", "id"].astype(int))
    assert held and not held & train_ids
    posted = pd.to_datetime(rows["posted_date"])
    window = posted > posted.max() - pd.Timedelta(days=world.QUEUE_WINDOW_DAYS)
    assert window.any() and not (rows.loc[window, "part"] == "train").any()  # the queue's postings are never trained on
    clean_test = rows[(rows["part"] == "test") & ~rows["heldout"] & (rows["label"] == 0)]
    assert 0.1 < len(clean_test) / (rows["label"] == 0).sum() < 0.3


def test_registered_with_held_out_figures(small_data_dir):
    # the small world has ~80 held-out violating postings (AUC standard error ≈ 0.03); the default world: 0.897
    _s, meta, _t = registry.load(registry.latest("posting_anomaly", small_data_dir))
    m = meta["metrics"]
    assert m["auc_heldout"] > 0.6 and 0 < m["threshold"] < 1
    assert m["combined_recall"] >= m["rules_recall"] and m["test_violating"] > 0


def test_the_flag_is_raised_only_where_no_rule_fired(scorer, small_con):
    rows = world.checker_rows(small_con).head(1500)
    with_score = check_frame(rows, scorer).set_index("id")
    rules_only = check_frame(rows).set_index("id")
    anomalous = with_score["rules"] == "anomaly"
    assert anomalous.any()
    assert (rules_only.loc[anomalous, "rules"] == "").all()
    assert (with_score.loc[anomalous, "anomaly_score"] >= scorer.threshold).all()
    assert with_score.loc[anomalous, "evidence"].str.len().gt(0).all()
    assert with_score.loc[anomalous, "reasons"].str.contains("채용절차의 공정화에 관한 법률").all()
    same = ~anomalous
    pd.testing.assert_series_equal(with_score.loc[same, "rules"], rules_only.loc[same, "rules"])


def test_world_evaluation_reports_both_phrasing_splits(small_con):
    table = world.evaluate(small_con, limit_clean=300)
    assert {"train", "heldout", "fields", "-"} <= set(table["split"])
    gap = world.split_gap(table)
    assert {"family", "train", "heldout", "gap"} <= set(gap.columns) and gap["train"].notna().all()


def test_cli_uses_the_score_only_when_asked(tmp_path, small_data_dir, small_con):
    src = tmp_path / "in.csv"
    world.checker_rows(small_con).head(60).to_csv(src, index=False)
    cmd = [sys.executable, "-m", "models.posting_check", str(src), "--out", str(tmp_path / "r.csv")]
    with_score = [*cmd, "--anomaly", "--data-dir", str(small_data_dir)]
    subprocess.run(with_score, check=True, cwd=config.PROJECT_ROOT, capture_output=True)
    assert pd.read_csv(tmp_path / "r.csv")["anomaly_score"].notna().all()
    subprocess.run(cmd, check=True, cwd=config.PROJECT_ROOT, capture_output=True)
    assert pd.read_csv(tmp_path / "r.csv")["anomaly_score"].isna().all()


def test_the_parallel_check_gives_the_same_report(scorer, small_con):
    rows = world.checker_rows(small_con).head(900)
    pd.testing.assert_frame_equal(check_parallel(rows, scorer, workers=2, chunk=300), check_frame(rows, scorer))
