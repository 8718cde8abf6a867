"""Postings an employer saved from the writer, and the ministry's review decisions on checked postings.

Reviews are optimistic: a reviewer decides on the version they saw (0 when nobody had decided yet); a decision
on an older version is refused with `ReviewConflict` (the page shows it in Korean with who decided first), so
two reviewers never overwrite each other. Every decision is also appended to `posting_review_events`.
Both live in the operational store: a warehouse rebuild or an app restart loses none of them.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from store import db
from store.schema import posting_review_events as events
from store.schema import posting_reviews as reviews
from store.schema import saved_postings as saved

DECISIONS = {"accepted": "승인(문제 없음)", "rejected": "반려(위반)", "corrected": "수정 후 승인"}


class ReviewConflict(RuntimeError):
    """Someone decided on this posting after the version the reviewer saw."""

    def __init__(self, current: dict) -> None:
        self.current = current
        super().__init__(
            f"다른 심사자({current['reviewer_label']})가 {current['decided_at']:%Y-%m-%d %H:%M}에 먼저 "
            f"'{DECISIONS.get(current['decision'], current['decision'])}'(으)로 결정했습니다. 내 결정은 저장하지 "
            "않았습니다. 최신 결정을 확인한 뒤 다시 결정해 주세요."
        )


class PostingStore:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    # --- saved postings (the writer)
    def save_draft(self, owner: str, firm_id: str | None, title: str, body: str, conditions: dict, backend: str) -> str:
        draft_id = uuid.uuid4().hex[:16]
        with self.engine.begin() as con:
            con.execute(
                insert(saved).values(
                    draft_id=draft_id,
                    owner=owner,
                    firm_id=firm_id,
                    title=title,
                    body=body,
                    conditions_json=json.dumps(conditions, ensure_ascii=False, default=str),
                    backend=backend,
                    created_at=datetime.now(),
                )
            )
        return draft_id

    def drafts(self, owner: str) -> list[dict]:
        """The owner's saved postings, newest first (never anyone else's)."""
        with self.engine.connect() as con:
            rows = con.execute(select(saved).where(saved.c.owner == owner).order_by(saved.c.created_at.desc()))
            return [dict(r) for r in rows.mappings()]

    # --- reviews (the ministry's queue)
    def reviews(self, keys: list[str]) -> dict[str, dict]:
        if not keys:
            return {}
        with self.engine.connect() as con:
            rows = con.execute(select(reviews).where(reviews.c.posting_key.in_(keys))).mappings()
            return {r["posting_key"]: dict(r) for r in rows}

    def history(self, key: str) -> list[dict]:
        with self.engine.connect() as con:
            rows = con.execute(select(events).where(events.c.posting_key == key).order_by(events.c.id)).mappings()
            return [dict(r) for r in rows]

    def decide(
        self,
        key: str,
        decision: str,
        reviewer: str,
        reviewer_label: str,
        seen_version: int,
        note: str = "",
        corrected_text: str | None = None,
        rules: str = "",
    ) -> int:
        """Record a decision on the version the reviewer saw; returns the new version or raises `ReviewConflict`."""
        if decision not in DECISIONS:
            raise ValueError(f"알 수 없는 결정입니다: {decision}")
        now = datetime.now()
        values = dict(
            decision=decision,
            note=note or None,
            corrected_text=corrected_text,
            rules=rules,
            reviewer=reviewer,
            reviewer_label=reviewer_label,
            decided_at=now,
            version=seen_version + 1,
        )
        try:
            with self.engine.begin() as con:
                if seen_version == 0:
                    con.execute(insert(reviews).values(posting_key=key, **values))
                else:
                    done = con.execute(
                        update(reviews)
                        .where(reviews.c.posting_key == key, reviews.c.version == seen_version)
                        .values(**values)
                    ).rowcount
                    if done != 1:
                        raise _Stale
                history = {k: values[k] for k in ("decision", "note", "reviewer", "reviewer_label", "corrected_text")}
                con.execute(insert(events).values(posting_key=key, at=now, version=seen_version + 1, **history))
        except (IntegrityError, _Stale):
            raise ReviewConflict(self.reviews([key])[key]) from None
        return seen_version + 1


class _Stale(Exception):
    pass
