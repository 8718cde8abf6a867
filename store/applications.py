"""Jobs a seeker saved and the applications they sent from the recommendations, in the operational store.

Every read is scoped by who asks: a seeker reads their own rows, an employer the applications to their own firm's
postings. One application per seeker and posting (applying twice says so in Korean). The re-ranker's next training
reads `all_applications` alongside the warehouse's applications.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from store import db
from store.schema import ats_closures as closures
from store.schema import job_applications as apps
from store.schema import saved_jobs as saved


class ApplyRefused(RuntimeError):
    """Why an application was not taken, in Korean (the page shows it as a warning)."""


class AlreadyApplied(ApplyRefused):
    def __init__(self) -> None:
        super().__init__("이미 지원한 공고입니다. 지원 내역에서 확인해 주세요.")


class PostingClosed(ApplyRefused):
    def __init__(self) -> None:
        super().__init__("기업이 채용을 마감한 공고라 지원할 수 없습니다.")


class ApplicationStore:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    def toggle_saved(self, seeker_id: int, posting_id: int) -> bool:
        """Save the posting, or unsave it when already saved; returns whether it is saved now."""
        key = (saved.c.seeker_id == str(seeker_id)) & (saved.c.posting_id == str(posting_id))
        with self.engine.begin() as con:
            if con.execute(select(saved.c.posting_id).where(key)).first():
                con.execute(delete(saved).where(key))
                return False
            con.execute(
                insert(saved).values(seeker_id=str(seeker_id), posting_id=str(posting_id), saved_at=datetime.now())
            )
            return True

    def saved(self, seeker_id: int) -> list[int]:
        with self.engine.connect() as con:
            rows = con.execute(
                select(saved.c.posting_id).where(saved.c.seeker_id == str(seeker_id)).order_by(saved.c.saved_at.desc())
            )
            return [int(r[0]) for r in rows]

    def apply(
        self,
        seeker_id: int,
        posting_id: int,
        firm_id: int | None,
        source: str,
        fit_score: int | None,
        cover_letter: str | None = None,
    ) -> str:
        with self.engine.begin() as con:
            if con.execute(select(closures.c.posting_id).where(closures.c.posting_id == str(posting_id))).first():
                raise PostingClosed()
            dup = con.execute(
                select(apps.c.application_id).where(
                    (apps.c.seeker_id == str(seeker_id))
                    & (apps.c.posting_id == str(posting_id))
                    & (apps.c.status == "applied")
                )
            ).first()
            if dup:
                raise AlreadyApplied()
            app_id = uuid.uuid4().hex[:16]
            try:
                con.execute(
                    insert(apps).values(
                        application_id=app_id,
                        seeker_id=str(seeker_id),
                        posting_id=str(posting_id),
                        firm_id=None if firm_id is None else str(firm_id),
                        applied_at=datetime.now(),
                        status="applied",
                        source=source,
                        fit_score=fit_score,
                        cover_letter=cover_letter,
                    )
                )
            except IntegrityError as exc:  # the same id twice: practically impossible; say it plainly
                raise AlreadyApplied() from exc
        return app_id

    def withdraw(self, seeker_id: int, application_id: str) -> bool:
        with self.engine.begin() as con:
            res = con.execute(
                update(apps)
                .where((apps.c.application_id == application_id) & (apps.c.seeker_id == str(seeker_id)))
                .values(status="withdrawn")
            )
            return res.rowcount > 0

    def for_seeker(self, seeker_id: int) -> list[dict]:
        with self.engine.connect() as con:
            rows = con.execute(
                select(apps).where(apps.c.seeker_id == str(seeker_id)).order_by(apps.c.applied_at.desc())
            ).mappings()
            return [dict(r) for r in rows]

    def for_firm(self, firm_id: int, posting_id: int | None = None) -> list[dict]:
        """Applications to the firm's postings (one posting when given); never another firm's."""
        q = select(apps).where((apps.c.firm_id == str(firm_id)) & (apps.c.status == "applied"))
        if posting_id is not None:
            q = q.where(apps.c.posting_id == str(posting_id))
        with self.engine.connect() as con:
            return [dict(r) for r in con.execute(q.order_by(apps.c.applied_at.desc())).mappings()]

    def all_applications(self) -> list[dict]:
        """Every live application (the re-ranker's next training adds them to the warehouse's)."""
        with self.engine.connect() as con:
            return [dict(r) for r in con.execute(select(apps).where(apps.c.status == "applied")).mappings()]
