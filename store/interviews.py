"""Interviews of applicant tracking: schedule, reschedule, cancel and record the outcome; the applicant sees theirs.

An interview belongs to a tracked application (`store.ats` card) of the employer's own firm. Every change is checked
here, in Korean, before anything is written: a time in the past, a length outside 10–480 minutes, neither a place
nor a video link, a link that is not https, or a change to an interview that was cancelled or already held. The
applicant reads only their own upcoming interviews (`upcoming_for_seeker`). `now` can be given (tests use a fixed
clock).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select, update

from data_catalog.errors import UserError
from data_catalog.spec import INTERVIEW_OUTCOMES
from store import db
from store.ats import firm_card
from store.schema import ats_interviews as iv

MIN_MINUTES, MAX_MINUTES = 10, 480
MAX_TEXT = 200


class Interviews:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    @staticmethod
    def _check(starts_at: datetime, minutes: int, place: str, video_url: str, interviewers: str, now: datetime) -> None:
        problems = []
        if starts_at <= now:
            problems.append("면접 시각은 지금 이후여야 합니다")
        if not MIN_MINUTES <= int(minutes) <= MAX_MINUTES:
            problems.append(f"면접 시간은 {MIN_MINUTES}~{MAX_MINUTES}분이어야 합니다")
        if not place and not video_url:
            problems.append("장소나 화상 면접 링크 중 하나는 적어 주세요")
        if video_url and not video_url.startswith("https://"):
            problems.append("화상 면접 링크는 https:// 로 시작해야 합니다")
        if any(len(x) > MAX_TEXT for x in (place, video_url, interviewers)):
            problems.append(f"장소·링크·면접관은 각각 {MAX_TEXT}자 이내로 적어 주세요")
        if problems:
            raise UserError("면접을 저장하지 않았습니다: " + "; ".join(problems) + ".")

    def schedule(
        self,
        firm_id: str,
        application_id: str,
        starts_at: datetime,
        minutes: int = 60,
        place: str = "",
        video_url: str = "",
        interviewers: str = "",
        now: datetime | None = None,
    ) -> str:
        place, video_url, interviewers = place.strip(), video_url.strip(), interviewers.strip()
        self._check(starts_at, minutes, place, video_url, interviewers, now or datetime.now())
        with self.engine.begin() as con:
            card = firm_card(con, firm_id, application_id)
            if card is None:
                raise UserError(
                    "이 공고의 지원자를 찾지 못했습니다. 우리 회사 공고의 지원자만 면접을 잡을 수 있습니다."
                )
            same = con.execute(
                select(iv.c.interview_id).where(
                    (iv.c.application_id == application_id) & (iv.c.starts_at == starts_at)
                    & (iv.c.status == "scheduled")
                )
            ).first()  # fmt: skip
            if same is not None:  # a second click on the same form
                raise UserError("같은 시각에 이미 잡힌 면접이 있습니다. 면접 목록을 확인해 주세요.")
            interview_id = uuid.uuid4().hex
            con.execute(
                insert(iv).values(
                    interview_id=interview_id,
                    application_id=application_id,
                    posting_id=card["posting_id"],
                    firm_id=str(firm_id),
                    seeker_id=card["seeker_id"],
                    starts_at=starts_at,
                    minutes=int(minutes),
                    place=place or None,
                    video_url=video_url or None,
                    interviewers=interviewers or None,
                    status="scheduled",
                    updated_at=datetime.now(),
                )
            )
        return interview_id

    def _change(self, firm_id: str, interview_id: str, **values: object) -> None:
        """Change a scheduled interview of the firm; a cancelled or held one stays as it is (Korean error)."""
        with self.engine.begin() as con:
            n = con.execute(
                update(iv)
                .where(
                    (iv.c.interview_id == interview_id) & (iv.c.firm_id == str(firm_id)) & (iv.c.status == "scheduled")
                )
                .values(updated_at=datetime.now(), **values)
            ).rowcount
        if not n:
            raise UserError("예정된 면접을 찾지 못했습니다(이미 취소했거나 끝난 면접은 바꿀 수 없습니다).")

    def reschedule(
        self,
        firm_id: str,
        interview_id: str,
        starts_at: datetime,
        minutes: int,
        place: str = "",
        video_url: str = "",
        interviewers: str = "",
        now: datetime | None = None,
    ) -> None:
        place, video_url, interviewers = place.strip(), video_url.strip(), interviewers.strip()
        self._check(starts_at, minutes, place, video_url, interviewers, now or datetime.now())
        self._change(
            firm_id,
            interview_id,
            starts_at=starts_at,
            minutes=int(minutes),
            place=place or None,
            video_url=video_url or None,
            interviewers=interviewers or None,
        )

    def cancel(self, firm_id: str, interview_id: str, note: str = "") -> None:
        self._change(firm_id, interview_id, status="cancelled", note=note.strip() or None)

    def record_outcome(self, firm_id: str, interview_id: str, outcome: str, note: str = "") -> None:
        if outcome not in INTERVIEW_OUTCOMES:
            raise UserError(f"면접 결과는 {', '.join(INTERVIEW_OUTCOMES.labels.values())} 중 하나여야 합니다.")
        self._change(firm_id, interview_id, status="done", outcome=outcome, note=note.strip() or None)

    def for_application(self, firm_id: str, application_id: str) -> list[dict]:
        with self.engine.connect() as con:
            rows = con.execute(
                select(iv)
                .where((iv.c.application_id == application_id) & (iv.c.firm_id == str(firm_id)))
                .order_by(iv.c.starts_at)
            ).mappings()
            return [dict(r) for r in rows]

    def upcoming_for_seeker(self, seeker_id: int | str, now: datetime | None = None) -> list[dict]:
        """The applicant's own scheduled interviews from now on (no interviewer notes, no other applicant)."""
        cols = [iv.c.posting_id, iv.c.starts_at, iv.c.minutes, iv.c.place, iv.c.video_url, iv.c.application_id]
        with self.engine.connect() as con:
            rows = con.execute(
                select(*cols)
                .where(
                    (iv.c.seeker_id == str(seeker_id))
                    & (iv.c.status == "scheduled")
                    & (iv.c.starts_at >= (now or datetime.now()))
                )
                .order_by(iv.c.starts_at)
            ).mappings()
            return [dict(r) for r in rows]
