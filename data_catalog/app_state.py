"""Small read-write DuckDB store for what users do in the app (interest-test answers, …).

Kept apart from the warehouse, which the app opens read-only and rebuilds atomically: user
answers must survive a browser reload and a warehouse rebuild. Keyed by an opaque test id that
lives in the page URL, so a reload (or a bookmark) brings the same test back.
"""

from __future__ import annotations

import threading
import uuid
from datetime import datetime
from pathlib import Path

import duckdb

import config
from data_catalog.spec import INTEREST_FORMS

DDL = """
CREATE TABLE IF NOT EXISTS interest_tests (
    test_id VARCHAR PRIMARY KEY, form VARCHAR NOT NULL, max_job_zone INTEGER, created_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS interest_answers (
    test_id VARCHAR NOT NULL, item_id VARCHAR NOT NULL, answer INTEGER NOT NULL, seq INTEGER NOT NULL,
    answered_at TIMESTAMP NOT NULL, PRIMARY KEY (test_id, item_id));
"""

FORMS = tuple(INTEREST_FORMS)
_LOCK = threading.Lock()


class AppState:
    """Thread-safe access (Streamlit serves sessions from threads) to the state database."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else config.state_db()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path))
        with _LOCK:
            self.con.execute(DDL)

    def _q(self, sql: str, params: list | None = None):
        with _LOCK:
            return self.con.cursor().execute(sql, params or [])

    def new_test(self, form: str, max_job_zone: int | None = None) -> str:
        if form not in FORMS:
            raise ValueError(f"알 수 없는 검사 형식입니다: {form}")
        test_id = uuid.uuid4().hex[:12]
        self._q("INSERT INTO interest_tests VALUES (?, ?, ?, ?, NULL)", [test_id, form, max_job_zone, datetime.now()])
        return test_id

    def test(self, test_id: str) -> dict | None:
        row = self._q(
            "SELECT test_id, form, max_job_zone, created_at, finished_at FROM interest_tests WHERE test_id = ?",
            [test_id],
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("test_id", "form", "max_job_zone", "created_at", "finished_at"), row, strict=True))

    def answers(self, test_id: str) -> dict[str, int]:
        """item_id → answer (1..5, 0 = skipped), in answering order."""
        rows = self._q(
            "SELECT item_id, answer FROM interest_answers WHERE test_id = ? ORDER BY seq", [test_id]
        ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def save_answers(self, test_id: str, answers: dict[str, int]) -> None:
        """Upsert answers (order of the dict = answering order for new items)."""
        with _LOCK:
            cur = self.con.cursor()
            seq = cur.execute(
                "SELECT coalesce(max(seq), 0) FROM interest_answers WHERE test_id = ?", [test_id]
            ).fetchone()[0]
            now = datetime.now()
            for item_id, v in answers.items():
                if not 0 <= int(v) <= 5:
                    raise ValueError(f"응답 값은 0(건너뜀)~5 사이여야 합니다: {v}")
                seq += 1
                cur.execute(
                    """INSERT INTO interest_answers VALUES (?, ?, ?, ?, ?)
                       ON CONFLICT (test_id, item_id)
                       DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at""",
                    [test_id, item_id, int(v), seq, now],
                )

    def remove_last(self, test_id: str) -> str | None:
        with _LOCK:
            cur = self.con.cursor()
            row = cur.execute(
                "SELECT item_id FROM interest_answers WHERE test_id = ? ORDER BY seq DESC LIMIT 1", [test_id]
            ).fetchone()
            if row:
                cur.execute("DELETE FROM interest_answers WHERE test_id = ? AND item_id = ?", [test_id, row[0]])
            return row[0] if row else None

    def finish(self, test_id: str) -> None:
        self._q("UPDATE interest_tests SET finished_at = ? WHERE test_id = ?", [datetime.now(), test_id])

    def close(self) -> None:
        self.con.close()
