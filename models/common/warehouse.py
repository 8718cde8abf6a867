"""The warehouse as every model's training run opens it: read-only, with a Korean message when missing or busy."""

from __future__ import annotations

import duckdb

import config
from data_catalog.errors import UserError


def open_read_only(data_dir: config.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """The warehouse, read-only; a missing or busy one is a Korean message, not a traceback."""
    db = config.warehouse_db(data_dir)
    if not db.exists():
        raise UserError(
            f"웨어하우스가 없습니다: {db}. `make run`(또는 `python -m data_catalog.warehouse build`)으로 "
            "먼저 만들거나, 실제 자료로 학습하려면 --train-file 을 주세요.",
            f"no warehouse at {db}",
        )
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.IOException as exc:
        raise UserError(
            f"웨어하우스를 열 수 없습니다(다른 작업이 쓰는 중일 수 있습니다): {db}. 잠시 뒤 다시 시도해 주세요.",
            f"cannot open the warehouse {db}: {exc}",
        ) from None


def has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    """Whether the warehouse has `schema.table` (a real warehouse has no `truth` schema: evaluation then skips it)."""
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", [schema, table]
        ).fetchall()[0][0]
    )
