"""Registry: Parquet tables keep their types, versions record code and data, older formats are not loaded."""

from __future__ import annotations

import json

import pandas as pd

from models.common import registry


def test_tables_round_trip_with_their_types(tmp_path):
    fair = pd.DataFrame({"dimension": ["시도"], "group": ["01"], "n": [3]})
    d = registry.save("employability", {"any": "object"}, {"training_data_hash": "x"}, {"fairness": fair}, tmp_path)
    model, meta, tables = registry.load(d)
    assert model == {"any": "object"} and tables["fairness"]["group"].iat[0] == "01"  # a code stays a string
    assert meta["format"] == registry.FORMAT and meta["code_version"] == registry.code_version("models.employability")
    assert registry.latest("employability", tmp_path) == d


def test_an_older_format_is_not_loaded_so_ensure_retrains(tmp_path):
    old = tmp_path / "artefacts" / "employability" / "20261101-000000"
    old.mkdir(parents=True)
    (old / "meta.json").write_text(json.dumps({"name": "employability", "version": "20261101-000000"}))
    assert registry.latest("employability", tmp_path) is None
    new = registry.save("employability", 1, {}, {}, tmp_path)
    assert registry.latest("employability", tmp_path) == new


def test_code_version_follows_the_sources():
    v = registry.code_version("models.employability")
    assert len(v) == 12 and v == registry.code_version("models.employability")
    assert v != registry.code_version("models.interest")
