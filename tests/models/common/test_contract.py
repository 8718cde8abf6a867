"""The contract every registered model meets (run on each entry of `registry.KINDS`).

Metadata keys present; no sensitive attribute among the features; SHAP contributions add up to the
model's log-odds; a save/load round trip scores identically; `--if-missing` trains only when needed.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys

import numpy as np
import pytest

import config
from data_catalog.spec import TABLES
from models.common import registry

KINDS = [k.name for k in registry.KINDS]
SENSITIVE = {c.name for t in TABLES.values() for c in t.columns if c.sensitive}


@pytest.fixture(scope="module", params=KINDS)
def registered(request, small_data_dir):
    kind = registry.kind(request.param)
    model, meta, tables = registry.load(registry.latest(kind.name, small_data_dir))
    train = importlib.import_module(f"{kind.package}.train")
    return kind, model, meta, tables, train.contract_sample(str(small_data_dir))


def test_metadata_keys(registered):
    kind, _model, meta, tables, _x = registered
    assert set(registry.REQUIRED_META) <= set(meta), set(registry.REQUIRED_META) - set(meta)
    assert meta["name"] == kind.name and meta["format"] == registry.FORMAT
    assert set(registry.REQUIRED_CARD) <= set(meta["card"]), set(registry.REQUIRED_CARD) - set(meta["card"])
    assert meta["card"]["entity_table"] in TABLES and set(registry.REQUIRED_TABLES) <= set(tables)
    assert "model" in meta["metrics"] and {"roc_auc", "ece", "n"} <= set(meta["metrics"]["model"])


def test_sensitive_attributes_are_never_features(registered):
    _kind, model, meta, _tables, _x = registered
    used = set(model.model_.booster_.feature_name())
    assert used == set(model.feature_names()) == {f["name"] for f in meta["features"]}
    assert not used & SENSITIVE and not any(n.startswith("audit_") for n in used)
    assert set(meta["sensitive_excluded"]) <= SENSITIVE


def test_contributions_add_up_to_the_log_odds(registered):
    _kind, model, _meta, _tables, x = registered
    contrib, base = model.contributions(x)
    assert contrib.shape == (len(x), len(model.feature_names()))
    assert np.allclose(contrib.sum(axis=1) + base, model.logit(x), atol=1e-9)
    assert np.allclose(1 / (1 + np.exp(-model.logit(x))), model.predict_proba(x)[:, 1])


def test_save_load_round_trip_scores_identically(registered, tmp_path):
    kind, model, meta, tables, x = registered
    d = registry.save(kind.name, model, meta, tables, tmp_path)
    again, meta2, tables2 = registry.load(d)
    assert np.array_equal(again.predict_proba(x), model.predict_proba(x))
    assert meta2["metrics"] == meta["metrics"] and set(tables2) == set(tables)
    for k, df in tables.items():
        assert df.dtypes.equals(tables2[k].dtypes) and df.equals(tables2[k])


def test_if_missing_trains_only_when_needed(registered, small_data_dir, tmp_path):
    kind, *_ = registered
    shutil.copy(config.warehouse_db(small_data_dir), config.warehouse_db(tmp_path))
    cmd = [sys.executable, "-m", kind.package, "train", "--if-missing", "--data-dir", str(tmp_path)]
    first = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=config.PROJECT_ROOT)
    made = registry.latest(kind.name, tmp_path)
    assert "trained" in first.stdout and made is not None
    second = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=config.PROJECT_ROOT)
    assert "present" in second.stdout and registry.latest(kind.name, tmp_path) == made
    assert len(list((config.artefacts_dir(tmp_path) / kind.name).iterdir())) == 1
