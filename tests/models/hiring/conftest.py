"""The small world's trained hiring model and a connection, shared by the hiring tests."""

from __future__ import annotations

import duckdb
import pytest

from models.common import registry


@pytest.fixture(scope="module")
def hiring(small_data_dir):
    model, meta, tables = registry.load(registry.latest("hiring", small_data_dir))
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    yield model, meta, tables, con
    con.close()
