"""The small world's trained employability model and its training frame, shared by the service's tests."""

from __future__ import annotations

import duckdb
import pytest

from models.common import registry
from models.employability.features import load_training_frame


@pytest.fixture(scope="module")
def trained(small_data_dir):
    model, meta, tables = registry.load(registry.latest("employability", small_data_dir))
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    frame = load_training_frame(con)
    yield model, meta, tables, frame, con
    con.close()
