"""Applicant tracking (AI 채용마당), statistics side: one firm's cards and moves as frames for `analytics.ats_stats`.

Why it exists: the statistics page counts how far applicants get, how long they stay in each stage and where they came
from. It reads, for the signed-in employer's firm (and optionally one of its postings), every card with its
application's source and applied time, and every recorded move. Both reads are scoped by `firm_id` in the query itself
(never filtered afterwards) and take their values as bound parameters.

Merged duplicates: a second application of the same person to the same posting that was merged into an earlier card
(`ats_merged`) is left out of both frames, so that person is counted once, as the card it was merged into. Only the
columns the statistics need are read: no cover letter, no fit score, no recruiter names or reasons.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import and_, select

from store import db
from store.schema import ats_cards as cards
from store.schema import ats_merged as merged
from store.schema import ats_moves as moves
from store.schema import job_applications as apps

CARD_COLUMNS = (
    "application_id",
    "posting_id",
    "seeker_id",
    "stage",
    "updated_at",
    "hired_at",
    "decided_at",
    "source",
    "applied_at",
)
MOVE_COLUMNS = ("application_id", "posting_id", "moved_at", "from_stage", "to_stage")


class AtsReport:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    def cards(self, firm_id: str | int, posting_id: str | int | None = None) -> pd.DataFrame:
        """The firm's cards (one posting's when given), each with its application's `source` and `applied_at`."""
        firm = str(firm_id)
        q = (
            select(
                cards.c.application_id,
                cards.c.posting_id,
                cards.c.seeker_id,
                cards.c.stage,
                cards.c.updated_at,
                cards.c.hired_at,
                cards.c.decided_at,
                apps.c.source,
                apps.c.applied_at,
            )
            .select_from(
                cards.outerjoin(
                    apps, and_(apps.c.application_id == cards.c.application_id, apps.c.firm_id == cards.c.firm_id)
                )
            )
            .where(cards.c.firm_id == firm, cards.c.application_id.not_in(self._merged(firm)))
            .order_by(cards.c.application_id)
        )
        if posting_id is not None:
            q = q.where(cards.c.posting_id == str(posting_id))
        frame = self._frame(q, CARD_COLUMNS)
        return _datetimes(frame, ("updated_at", "hired_at", "decided_at", "applied_at"))

    def moves(self, firm_id: str | int, posting_id: str | int | None = None) -> pd.DataFrame:
        """Every recorded move of the firm's applicants (one posting's when given), oldest first per applicant."""
        firm = str(firm_id)
        q = (
            select(*(moves.c[c] for c in MOVE_COLUMNS))
            .where(moves.c.firm_id == firm, moves.c.application_id.not_in(self._merged(firm)))
            .order_by(moves.c.application_id, moves.c.moved_at, moves.c.move_id)
        )
        if posting_id is not None:
            q = q.where(moves.c.posting_id == str(posting_id))
        return _datetimes(self._frame(q, MOVE_COLUMNS), ("moved_at",))

    def posting_ids(self, firm_id: str | int) -> list[str]:
        """The firm's postings that have at least one tracked applicant."""
        q = select(cards.c.posting_id).where(cards.c.firm_id == str(firm_id)).distinct().order_by(cards.c.posting_id)
        with self.engine.connect() as con:
            return [r[0] for r in con.execute(q)]

    @staticmethod
    def _merged(firm: str):  # noqa: ANN205 - a SQLAlchemy subquery
        return select(merged.c.application_id).where(merged.c.firm_id == firm)

    def _frame(self, q, columns: tuple[str, ...]) -> pd.DataFrame:  # noqa: ANN001 - a Select
        with self.engine.connect() as con:
            rows = con.execute(q).all()
        return pd.DataFrame([tuple(r) for r in rows], columns=list(columns))


def _datetimes(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    for c in columns:
        frame[c] = pd.to_datetime(frame[c])
    return frame
