"""A real warehouse has no `truth` schema: the models train without their ceiling rows, the anomaly score is skipped."""

from __future__ import annotations

import shutil

import duckdb

import config
from models.employability import train as employability
from models.hiring import train as hiring
from models.posting_check import train as posting_check


def test_training_on_a_warehouse_without_truth(small_data_dir, tmp_path):
    shutil.copy(config.warehouse_db(small_data_dir).resolve(), config.warehouse_db(tmp_path))
    con = duckdb.connect(str(config.warehouse_db(tmp_path)))
    con.execute("DROP SCHEMA truth CASCADE")
    con.close()
    assert set(employability.run(str(tmp_path))["metrics"]) == {"model", "logistic_baseline"}
    assert set(hiring.run(str(tmp_path))["metrics"]) == {"model", "logistic_baseline"}
    assert posting_check.ensure(str(tmp_path)).startswith("skipped")
