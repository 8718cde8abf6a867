"""Shared fixtures: one small synthetic warehouse, with every registered model, built once per machine."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import duckdb
import pytest

import config
from data_catalog.warehouse import ensure
from models.common import registry

TEST_DATA = config.PROJECT_ROOT / "data" / "test_small"


@pytest.fixture(scope="session")
def small_data_dir() -> Path:
    ensure("small", TEST_DATA)
    for kind in registry.KINDS:
        importlib.import_module(f"{kind.package}.train").ensure(str(TEST_DATA))
    return TEST_DATA


@pytest.fixture(scope="session")
def small_con(small_data_dir: Path):
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    yield con
    con.close()


@pytest.fixture()
def app_env(small_data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("GOYONG_DATA_DIR", str(small_data_dir))
    monkeypatch.setenv("GOYONG_STORE_URL", f"sqlite:///{tmp_path.resolve() / 'operational.sqlite'}")  # per test
    return small_data_dir


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("TQDM_DISABLE", "1")
