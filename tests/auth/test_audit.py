"""The audit trail is append-only in the database itself, on SQLite and PostgreSQL, and searchable."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError

from auth.audit import AuditLog
from auth.identity import Identity
from store.schema import audit_log

KIM = Identity("kim", "counsellor", "김상담", "11")


def test_views_are_recorded_and_searchable(store_url):
    log = AuditLog(store_url)
    log.record(KIM, "view", "seeker", 123, "caseload")
    log.record(KIM, "view", "seeker", 456, "caseload", reason="민원 처리")
    log.record(None, "login_failed", subject="guess")
    hits = log.search(record_id="456")
    assert hits[["actor", "actor_label", "role", "action", "page", "reason"]].values.tolist() == [
        ["local:kim", "김상담(상담사)", "counsellor", "view", "caseload", "민원 처리"]
    ]
    assert len(log.search(actor="김상담")) == 2 and len(log.search(action="login_failed")) == 1
    assert log.search(start=datetime.now() + timedelta(days=1)).empty


def test_entries_cannot_be_changed_or_deleted(store_url):
    log = AuditLog(store_url)
    log.record(KIM, "export", "caseload", None, "caseload", detail="500명")
    for stmt in (update(audit_log).values(actor="someone else"), delete(audit_log)):
        with pytest.raises(DBAPIError, match="append-only"), log.engine.begin() as con:
            con.execute(stmt)
    assert log.search()["actor"].tolist() == ["local:kim"]
