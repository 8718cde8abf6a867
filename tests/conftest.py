"""Shared fixtures: one small synthetic warehouse, with every registered model, built once per machine."""

from __future__ import annotations

import importlib
import os
import uuid
from pathlib import Path

import duckdb
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import config
from data_catalog.warehouse import ensure
from models.common import registry
from models.qa import index
from models.qa.service import Assistant
from store import db

TEST_DATA = config.PROJECT_ROOT / "data" / "test_small"


@pytest.fixture(scope="session")
def small_data_dir() -> Path:
    ensure("small", TEST_DATA)
    for kind in registry.TRAINED:
        importlib.import_module(f"{kind.package}.train").ensure(str(TEST_DATA))
    return TEST_DATA


@pytest.fixture(scope="session")
def qa_data_dir(small_data_dir: Path) -> Path:
    """The small data folder with the counselling Q&A index (the real corpus; embedded once per machine)."""
    index.build(data_dir=small_data_dir, progress=False)
    return small_data_dir


@pytest.fixture(scope="session")
def qa_assistant(qa_data_dir: Path):
    """The Q&A with every signal loaded (the evaluation scores each backend alone and fused)."""
    return Assistant.load(qa_data_dir, all_signals=True)


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


# The operational store on SQLite and, when `.ci/run` started one (GOYONG_TEST_PG_URL), on PostgreSQL.
PG_ENV = "GOYONG_TEST_PG_URL"


def _backends() -> list:
    pg = pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} not set (.ci/run starts PostgreSQL)"),
    )
    return ["sqlite", pg]


@pytest.fixture(params=_backends())
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'operational.sqlite'}"
        db.dispose_all()
        return
    admin_url = os.environ[PG_ENV]
    name = f"goyong_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as con:
        con.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    db.dispose_all()
    with admin.connect() as con:
        con.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
