"""The audit trail: who viewed or exported whose record, when, on which page and why.

Append-only: the store refuses UPDATE and DELETE on `audit_log` (triggers in migration 0002), and this
module offers no way to change an entry. The data-manager role searches and exports it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import insert, select

from auth.identity import Identity
from store import db
from store.schema import audit_log

ACTIONS_KO = {
    "view": "열람",
    "export": "내보내기",
    "login": "로그인",
    "login_failed": "로그인 실패",
    "logout": "로그아웃",
    "denied": "권한 없음",
}
RECORD_TYPES_KO = {"seeker": "구직자", "caseload": "사례 목록", "audit_log": "감사 기록", "postings": "구인공고"}
"""What kind of record an entry is about, in words (the audit page shows these)."""
REASONS_KO = ("이관 상담(다른 센터에서 옮겨 옴)", "민원 처리", "합동 상담", "감독·점검", "기타(비고에 적음)")
"""Why a counsellor opens a record outside their own caseload (chosen from this list, written to the trail)."""


class AuditLog:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    def record(
        self,
        who: Identity | None,
        action: str,
        record_type: str | None = None,
        record_id: object = None,
        page: str | None = None,
        reason: str | None = None,
        detail: str | None = None,
        *,
        subject: str | None = None,
    ) -> None:
        if action not in ACTIONS_KO:
            raise ValueError(f"unknown audit action {action}")
        with self.engine.begin() as con:
            con.execute(
                insert(audit_log).values(
                    at=datetime.now(),
                    actor=who.actor if who else f"anonymous:{subject or ''}",
                    actor_label=who.label_ko() if who else (subject or "로그인하지 않은 사용자"),
                    role=who.role if who else "-",
                    action=action,
                    record_type=record_type,
                    record_id=None if record_id is None else str(record_id),
                    page=page,
                    reason=reason,
                    detail=detail,
                )
            )

    def search(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        actor: str | None = None,
        record_id: str | None = None,
        action: str | None = None,
        limit: int = 1000,
    ) -> pd.DataFrame:
        q = select(audit_log).order_by(audit_log.c.id.desc()).limit(int(limit))
        if start is not None:
            q = q.where(audit_log.c.at >= start)
        if end is not None:
            q = q.where(audit_log.c.at < end)
        if actor:
            q = q.where(audit_log.c.actor_label.contains(actor, autoescape=True))
        if record_id:
            q = q.where(audit_log.c.record_id == str(record_id))
        if action:
            q = q.where(audit_log.c.action == action)
        with self.engine.connect() as con:
            rows = con.execute(q).mappings().all()
        return pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in audit_log.columns])
