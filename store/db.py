"""Engines for the operational store: one per URL, migrated to the latest schema on first use.

SQLite gets WAL mode (readers never wait for the writer), a busy timeout (a second writer waits instead
of failing) and foreign keys; PostgreSQL is used as configured. SQLAlchemy Core keeps the SQL identical
on both, and Alembic owns the schema so a deployment upgrades in place.
"""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url

import config
from data_catalog.errors import UserError

MIGRATIONS = Path(__file__).with_name("migrations")
_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


def _sqlite_pragmas(dbapi_con, _record) -> None:
    cur = dbapi_con.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def url_for(target: str | Path | None = None) -> str:
    """A database URL: given as a URL, as a SQLite file path, or else the configured store."""
    if target is None:
        return config.store_url()
    text = str(target)
    return text if "://" in text else f"sqlite:///{Path(text).resolve()}"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest version (idempotent)."""
    with engine.begin() as con:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = con
        command.upgrade(cfg, "head")


def engine(target: str | Path | None = None) -> Engine:
    """The (cached, migrated) engine of a store URL or SQLite path."""
    url = url_for(target)
    with _LOCK:
        if url in _ENGINES:
            return _ENGINES[url]
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            if parsed.database:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            eng = create_engine(url, connect_args={"check_same_thread": False})
            event.listen(eng, "connect", _sqlite_pragmas)
        else:
            eng = create_engine(url, pool_pre_ping=True)
        try:
            migrate(eng)
        except Exception as exc:  # noqa: BLE001 - an unreachable or misconfigured database is a user-facing problem
            eng.dispose()
            raise UserError(
                f"운영 저장소에 연결할 수 없습니다({parsed.render_as_string(hide_password=True)}). "
                f"설정({config.STORE_URL_ENV} 또는 .streamlit/secrets.toml의 [store] url)을 확인해 주세요.",
                f"cannot open the operational store: {exc}",
            ) from exc
        _ENGINES[url] = eng
        return eng


def schema_version(eng: Engine) -> str | None:
    with eng.connect() as con:
        if not inspect(con).has_table("alembic_version"):
            return None
        return con.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def dispose_all() -> None:
    """Close every pooled connection (tests, and before a process forks)."""
    with _LOCK:
        for eng in _ENGINES.values():
            eng.dispose()
        _ENGINES.clear()
