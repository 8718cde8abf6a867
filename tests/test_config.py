"""Paths: an argument wins over GOYONG_DATA_DIR, which wins over the project's data/ folder; resolved per call."""

from __future__ import annotations

import config


def test_argument_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.delenv("GOYONG_DATA_DIR", raising=False)
    monkeypatch.delenv("GOYONG_STORE_URL", raising=False)
    assert config.data_dir() == config.PROJECT_ROOT / "data"
    monkeypatch.setenv("GOYONG_DATA_DIR", str(tmp_path / "env"))
    assert config.warehouse_db() == tmp_path / "env" / "goyong.duckdb"  # read at call time, not at import
    assert config.warehouse_db(tmp_path / "arg") == tmp_path / "arg" / "goyong.duckdb"
    assert config.raw_dir() == tmp_path / "env" / "warehouse" and config.imports_dir() == tmp_path / "env" / "imports"
    assert (
        config.artefacts_dir() == tmp_path / "env" / "artefacts" and config.geo_cache_dir() == tmp_path / "env" / "geo"
    )


def test_the_operational_store_follows_environment_then_secrets_then_data_folder(monkeypatch, tmp_path):
    secrets = tmp_path / "secrets.toml"
    monkeypatch.setattr(config, "secrets_file", lambda: secrets)
    monkeypatch.setenv("GOYONG_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("GOYONG_STORE_URL", raising=False)
    assert config.store_url() == f"sqlite:///{tmp_path.resolve() / 'operational.sqlite'}"
    assert config.store_url(tmp_path / "arg") == f"sqlite:///{(tmp_path / 'arg').resolve() / 'operational.sqlite'}"
    secrets.write_text('[store]\nurl = "postgresql+psycopg://app@db/goyong"\n', encoding="utf-8")
    assert config.store_url() == "postgresql+psycopg://app@db/goyong"
    monkeypatch.setenv("GOYONG_STORE_URL", "sqlite:////tmp/x.sqlite")
    assert config.store_url(tmp_path / "arg") == "sqlite:////tmp/x.sqlite"  # a deployment's choice wins
    secrets.write_bytes(b"\xff not toml")
    monkeypatch.delenv("GOYONG_STORE_URL")
    assert config.store_url().startswith("sqlite:///")  # an unreadable secrets file is ignored, not a crash


def test_reference_catalogues_ship_with_the_code():
    assert (config.reference_dir() / "occupations.csv").exists()
