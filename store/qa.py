"""Questions asked of the knowledge Q&A and the chatbot, with feedback and hand-overs, in the operational store.

Every question is recorded with its answer, whether the system abstained, its confidence and the articles it cited,
so staff can see what it could not answer and what users found unhelpful (`for_review`). An asker reads only their
own questions (`mine`, scoped by `Identity.actor`); the review list is for the staff pages. A hand-over
("상담원 연결") marks the question for a person and may carry how the asker wants to be reached.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import or_, select, update

from data_catalog.errors import UserError
from data_catalog.spec import QA_CHANNELS
from store import db
from store.schema import qa_questions as qa

MAX_COMMENT = 1000
MAX_CONTACT = 200


class AlreadyResolved(UserError):
    def __init__(self) -> None:
        super().__init__("다른 담당자가 이미 처리 완료로 표시한 질문입니다. 목록을 새로 고쳐 확인해 주세요.")


class QaStore:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    def record(self, channel: str, asked_by: str, role: str, answer) -> str:  # noqa: ANN001 - a models.qa Answer
        if channel not in QA_CHANNELS:
            raise ValueError(f"unknown channel {channel!r}")
        qid = uuid.uuid4().hex
        with self.engine.begin() as con:
            con.execute(
                qa.insert().values(
                    question_id=qid,
                    asked_at=datetime.now(),
                    channel=channel,
                    asked_by=asked_by,
                    role=role,
                    question=answer.question,
                    answer=answer.text,
                    abstained=answer.abstained,
                    confidence=float(answer.confidence),
                    citations=json.dumps([c.doc_id for c in answer.citations], ensure_ascii=False),
                    backend=answer.backend,
                    status="unanswered" if answer.abstained else "answered",
                )
            )
        return qid

    def _update_own(self, qid: str, asked_by: str, missing: str, **values: object) -> None:
        """Change the asker's own question; another person's id changes nothing and reads as not found."""
        with self.engine.begin() as con:
            n = con.execute(
                update(qa).where((qa.c.question_id == qid) & (qa.c.asked_by == asked_by)).values(**values)
            ).rowcount
        if not n:
            raise UserError(missing)

    def feedback(self, qid: str, asked_by: str, helpful: bool, comment: str | None = None) -> None:
        comment = (comment or "").strip() or None
        if comment and len(comment) > MAX_COMMENT:
            raise UserError(f"의견이 너무 깁니다({len(comment):,}자). {MAX_COMMENT:,}자 이내로 써 주세요.")
        missing = "의견을 남길 질문을 찾지 못했습니다. 다시 질문해 주세요."
        self._update_own(qid, asked_by, missing, helpful=bool(helpful), feedback_at=datetime.now(), comment=comment)

    def handover(self, qid: str, asked_by: str, contact: str | None = None) -> None:
        contact = (contact or "").strip() or None
        if contact and len(contact) > MAX_CONTACT:
            raise UserError(f"연락처는 {MAX_CONTACT}자 이내로 적어 주세요.")
        missing = "상담원에게 넘길 질문을 찾지 못했습니다. 다시 질문해 주세요."
        self._update_own(qid, asked_by, missing, handover_at=datetime.now(), contact=contact, status="handover")

    def mine(self, asked_by: str, limit: int = 50) -> list[dict]:
        with self.engine.connect() as con:
            rows = con.execute(select(qa).where(qa.c.asked_by == asked_by).order_by(qa.c.asked_at.desc()).limit(limit))
            return [dict(r._mapping) for r in rows]

    def for_review(self, include_resolved: bool = False, limit: int = 500) -> list[dict]:
        """Unanswered, handed-over and poorly rated questions, newest first (staff pages only)."""
        need = or_(qa.c.abstained.is_(True), qa.c.helpful.is_(False), qa.c.handover_at.is_not(None))
        where = need if include_resolved else need & (qa.c.status != "resolved")
        with self.engine.connect() as con:
            rows = con.execute(select(qa).where(where).order_by(qa.c.asked_at.desc()).limit(limit))
            return [dict(r._mapping) for r in rows]

    def resolve(self, qid: str, staff: str, note: str | None = None) -> None:
        """Mark a question handled; a second member of staff resolving the same one is told so (nothing changes)."""
        with self.engine.begin() as con:
            n = con.execute(
                update(qa)
                .where((qa.c.question_id == qid) & (qa.c.status != "resolved"))
                .values(status="resolved", resolved_by=staff, resolved_at=datetime.now(), staff_note=note or None)
            ).rowcount
        if not n:
            raise AlreadyResolved

    def counts(self) -> dict[str, int]:
        """Questions by status and how many were rated helpful / not (the staff page's header)."""
        with self.engine.connect() as con:
            rows = con.execute(select(qa.c.status, qa.c.helpful)).all()
        out = {
            "total": len(rows),
            "helpful": sum(r[1] is True for r in rows),
            "unhelpful": sum(r[1] is False for r in rows),
        }
        for s in ("answered", "unanswered", "handover", "resolved"):
            out[s] = sum(r[0] == s for r in rows)
        return out
