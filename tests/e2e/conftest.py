"""One app server for all browser tests (starting Streamlit costs seconds on 2 cores)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.browser import serve_app


@pytest.fixture(scope="session")
def app_url(small_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_app(small_data_dir, tmp_path_factory.mktemp("streamlit")) as url:
        yield url
