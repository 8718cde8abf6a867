"""Interest-test sessions and answers, keyed by an opaque test id that lives in the page URL.

A reload or a bookmark brings the same test back; answers survive a warehouse rebuild because they
live in the operational store. Safe to share between Streamlit's session threads (each call takes its
own pooled connection and transaction).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update

from data_catalog.spec import INTEREST_FORMS
from store import db
from store.schema import interest_answers as ans
from store.schema import interest_tests as tests

FORMS = tuple(INTEREST_FORMS)


class InterestStore:
    """Interest tests in the operational store (a URL, a SQLite path, or the configured store)."""

    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    def new_test(self, form: str, max_job_zone: int | None = None, owner: str | None = None) -> str:
        if form not in FORMS:
            raise ValueError(f"알 수 없는 검사 형식입니다: {form}")
        test_id = uuid.uuid4().hex[:12]
        with self.engine.begin() as con:
            con.execute(
                insert(tests).values(
                    test_id=test_id, form=form, max_job_zone=max_job_zone, created_at=datetime.now(), owner=owner
                )
            )
        return test_id

    def test(self, test_id: str, owner: str | None = None) -> dict | None:
        """The test, or None if it does not exist — or, given `owner`, if it belongs to someone else."""
        with self.engine.connect() as con:
            row = con.execute(select(tests).where(tests.c.test_id == str(test_id))).mappings().first()
        if row is None or (owner is not None and row["owner"] not in (None, owner)):
            return None
        return dict(row)

    def answers(self, test_id: str) -> dict[str, int]:
        """item_id → answer (1..5, 0 = skipped), in answering order."""
        with self.engine.connect() as con:
            rows = con.execute(
                select(ans.c.item_id, ans.c.answer).where(ans.c.test_id == str(test_id)).order_by(ans.c.seq)
            ).all()
        return {r[0]: int(r[1]) for r in rows}

    def save_answers(self, test_id: str, answers: dict[str, int]) -> None:
        """Upsert answers (order of the dict = answering order for new items); all or nothing."""
        for v in answers.values():
            if not 0 <= int(v) <= 5:
                raise ValueError(f"응답 값은 0(건너뜀)~5 사이여야 합니다: {v}")
        now = datetime.now()
        with self.engine.begin() as con:
            have = set(con.execute(select(ans.c.item_id).where(ans.c.test_id == test_id)).scalars())
            seq = con.execute(select(func.coalesce(func.max(ans.c.seq), 0)).where(ans.c.test_id == test_id)).scalar()
            for item_id, v in answers.items():
                if item_id in have:
                    con.execute(
                        update(ans)
                        .where(ans.c.test_id == test_id, ans.c.item_id == item_id)
                        .values(answer=int(v), answered_at=now)
                    )
                else:
                    seq += 1
                    con.execute(
                        insert(ans).values(test_id=test_id, item_id=item_id, answer=int(v), seq=seq, answered_at=now)
                    )

    def remove_last(self, test_id: str) -> str | None:
        with self.engine.begin() as con:
            item = con.execute(
                select(ans.c.item_id).where(ans.c.test_id == test_id).order_by(ans.c.seq.desc()).limit(1)
            ).scalar()
            if item is not None:
                con.execute(delete(ans).where(ans.c.test_id == test_id, ans.c.item_id == item))
        return item

    def finish(self, test_id: str) -> None:
        with self.engine.begin() as con:
            con.execute(update(tests).where(tests.c.test_id == test_id).values(finished_at=datetime.now()))
