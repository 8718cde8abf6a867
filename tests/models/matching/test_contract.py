"""The re-ranker meets the registry's contract in its own terms (it ranks, so there is no calibration table):
metadata, no sensitive attribute among the features, SHAP contributions that add up to the score, a round trip that
scores identically, and `--if-missing` that trains only when needed."""

from __future__ import annotations

import shutil
import subprocess
import sys

import duckdb
import numpy as np

import config
from data_catalog.spec import TABLES
from models.common import registry
from models.matching.train import contract_sample, ensure

SENSITIVE = {c.name for t in TABLES.values() for c in t.columns if c.sensitive}


def test_the_ranker_keeps_the_contract(small_data_dir, tmp_path):
    model, meta, tables = registry.load(registry.latest("matching", small_data_dir))
    assert set(registry.REQUIRED_META) <= set(meta) and meta["format"] == registry.FORMAT
    used = set(model.model_.booster_.feature_name())
    assert used == {f["name"] for f in meta["features"]} and not used & SENSITIVE
    x = contract_sample(str(small_data_dir))
    assert len(x) > 50
    contrib, base = model.contributions(x)
    assert np.allclose(contrib.sum(axis=1) + base, model.score(x), atol=1e-9)
    again, meta2, _ = registry.load(registry.save("matching", model, meta, tables, tmp_path))
    assert np.array_equal(again.score(x), model.score(x)) and meta2["metrics"] == meta["metrics"]


def test_if_missing_is_present_when_trained(small_data_dir):
    cmd = [sys.executable, "-m", "models.matching", "train", "--if-missing", "--data-dir", str(small_data_dir)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=config.PROJECT_ROOT)
    assert out.stdout.strip() == "present"


def test_a_warehouse_without_applications_skips_matching(small_data_dir, tmp_path):
    shutil.copy(config.warehouse_db(small_data_dir).resolve(), config.warehouse_db(tmp_path))
    con = duckdb.connect(str(config.warehouse_db(tmp_path)))
    con.execute("DELETE FROM applications")
    con.close()
    assert ensure(str(tmp_path)).startswith("skipped") and registry.latest("matching", tmp_path) is None
