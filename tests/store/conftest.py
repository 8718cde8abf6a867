"""Every store test runs on SQLite and, when `.ci/run` started one (GOYONG_TEST_PG_URL), on PostgreSQL."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from store import db

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
