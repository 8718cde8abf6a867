"""The import log and the quarantine: every import's outcome and every row it set aside, with the reason.

An import writes its log entry and its quarantined rows *before* it publishes the new warehouse
(status 'running') and marks the entry 'ok' after; an import killed in between is found by
`data_catalog.publish.recover`, which marks it 'ok' or 'interrupted' from what the warehouse holds.
So the log never claims rows that are not there, and no quarantined row is lost.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import func, insert, select, update

from store import db
from store.schema import import_log as log
from store.schema import quarantine as q

STATUS_KO = {"running": "진행 중", "ok": "완료", "failed": "실패(반영 안 됨)", "interrupted": "중단됨(반영 안 됨)"}


class ImportLog:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    def begin(
        self,
        import_id: str,
        source: str,
        table: str,
        kind: str,
        rows_read: int,
        rows_loaded: int,
        quarantined: list[dict],
    ) -> None:
        """Record a starting import and its quarantined rows (dicts: row_number, column_name, reason_ko, raw)."""
        with self.engine.begin() as con:
            con.execute(
                insert(log).values(
                    import_id=import_id,
                    started_at=datetime.now(),
                    source_file=source,
                    target_table=table,
                    file_kind=kind,
                    rows_read=int(rows_read),
                    rows_loaded=int(rows_loaded),
                    rows_quarantined=len(quarantined),
                    status="running",
                )
            )
            if quarantined:
                con.execute(
                    insert(q),
                    [
                        {
                            "import_id": import_id,
                            "source_file": source,
                            "target_table": table,
                            "row_number": r.get("row_number"),
                            "column_name": r.get("column_name"),
                            "reason_ko": r["reason_ko"],
                            "raw_json": json.dumps(r.get("raw") or {}, ensure_ascii=False, default=str),
                        }
                        for r in quarantined
                    ],
                )

    def finish(self, import_id: str, status: str, message_ko: str | None = None) -> None:
        """Close an entry; a failed or interrupted import loaded nothing, so its count becomes 0."""
        values = {"status": status, "finished_at": datetime.now(), "message_ko": message_ko}
        if status != "ok":
            values["rows_loaded"] = 0
        with self.engine.begin() as con:
            con.execute(update(log).where(log.c.import_id == import_id).values(**values))

    def running(self) -> list[str]:
        with self.engine.connect() as con:
            return list(con.execute(select(log.c.import_id).where(log.c.status == "running")).scalars())

    def entry(self, import_id: str) -> dict | None:
        with self.engine.connect() as con:
            row = con.execute(select(log).where(log.c.import_id == import_id)).mappings().first()
        return dict(row) if row else None

    def recent_imports(self, limit: int = 20) -> pd.DataFrame:
        with self.engine.connect() as con:
            rows = con.execute(select(log).order_by(log.c.started_at.desc()).limit(int(limit))).mappings().all()
        return pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in log.columns])

    def recent_quarantine(self, limit: int = 50) -> pd.DataFrame:
        """The latest rows that imports set aside, with the import's status (an interrupted import's rows too)."""
        stmt = (
            select(
                log.c.started_at,
                q.c.source_file,
                q.c.target_table,
                q.c.row_number,
                q.c.column_name,
                q.c.reason_ko,
                log.c.status,
            )
            .join(log, log.c.import_id == q.c.import_id)
            .order_by(log.c.started_at.desc(), q.c.id)
            .limit(int(limit))
        )
        with self.engine.connect() as con:
            rows = con.execute(stmt).all()
        return pd.DataFrame(
            rows,
            columns=["imported_at", "source_file", "target_table", "row_number", "column_name", "reason_ko", "status"],
        )

    def quarantined_count(self) -> int:
        with self.engine.connect() as con:
            return int(con.execute(select(func.count()).select_from(q)).scalar() or 0)
