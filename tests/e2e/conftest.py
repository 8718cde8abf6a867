"""One app server for all browser tests (starting Streamlit costs seconds on 2 cores)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.browser import serve_app


@pytest.fixture(scope="session")
def app_url(qa_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small world with the Q&A index (`qa_data_dir` is `small_data_dir` once the index is built)."""
    with serve_app(qa_data_dir, tmp_path_factory.mktemp("streamlit")) as url:
        yield url
