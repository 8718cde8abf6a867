"""Shared fixtures: one small synthetic warehouse built once per machine (data/test_small)."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = ROOT / "data" / "test_small"


@pytest.fixture(scope="session")
def small_data_dir() -> Path:
    from data_catalog.warehouse import ensure
    from models.train_employability import ensure as ensure_model

    ensure("small", TEST_DATA)
    ensure_model(str(TEST_DATA))
    return TEST_DATA


@pytest.fixture(scope="session")
def small_con(small_data_dir: Path):
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    yield con
    con.close()


@pytest.fixture()
def app_env(small_data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("GOYONG_DATA_DIR", str(small_data_dir))
    monkeypatch.setenv("GOYONG_STATE_DB", str(tmp_path / "app_state.duckdb"))  # user answers: per test
    return small_data_dir


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("TQDM_DISABLE", "1")
