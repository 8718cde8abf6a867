"""Paths: an argument wins over GOYONG_DATA_DIR, which wins over the project's data/ folder; resolved per call."""

from __future__ import annotations

import config


def test_argument_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.delenv("GOYONG_DATA_DIR", raising=False)
    monkeypatch.delenv("GOYONG_STATE_DB", raising=False)
    assert config.data_dir() == config.PROJECT_ROOT / "data"
    monkeypatch.setenv("GOYONG_DATA_DIR", str(tmp_path / "env"))
    assert config.warehouse_db() == tmp_path / "env" / "goyong.duckdb"  # read at call time, not at import
    assert config.warehouse_db(tmp_path / "arg") == tmp_path / "arg" / "goyong.duckdb"
    assert config.raw_dir() == tmp_path / "env" / "warehouse" and config.imports_dir() == tmp_path / "env" / "imports"
    assert (
        config.artefacts_dir() == tmp_path / "env" / "artefacts" and config.geo_cache_dir() == tmp_path / "env" / "geo"
    )


def test_the_answer_store_can_move_on_its_own(monkeypatch, tmp_path):
    monkeypatch.setenv("GOYONG_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("GOYONG_STATE_DB", raising=False)
    assert config.state_db() == tmp_path / "app_state.duckdb"
    monkeypatch.setenv("GOYONG_STATE_DB", str(tmp_path / "elsewhere.duckdb"))
    assert config.state_db() == tmp_path / "elsewhere.duckdb"
    assert config.state_db(tmp_path / "arg") == tmp_path / "arg" / "app_state.duckdb"  # an explicit folder wins


def test_reference_catalogues_ship_with_the_code():
    assert (config.reference_dir() / "occupations.csv").exists()
