"""Applicant tracking (AI 채용마당), first layer: pipelines, applicants' stages and the history of every move.

Why it exists: an employer moves each applicant of a posting through stages (접수 → 서류 검토 → 면접 → 최종
합격/불합격 → 입사, plus 보류 and 지원 취소). Each posting may keep its own stages (`set_pipeline`); without them it
uses `DEFAULT_PIPELINE`. Every application sent in the app (`job_applications`) gets a card (`sync`); every move is
appended to `ats_moves` (who, when, from, to, why; triggers refuse updates and deletes), and entering the hired stage
stamps the hire date.

Two recruiters moving the same applicant at once: each move names the card version it was made from, and the update
only applies to that version, so the second recruiter gets `StaleMove` (Korean) and nothing is overwritten. Every
read and write is scoped by the employer's firm on the server.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update

from data_catalog.errors import UserError
from data_catalog.spec import ATS_FIRST, ATS_HIRED, ATS_STAGES, ATS_WITHDRAWN
from store import db
from store.schema import ats_cards as cards
from store.schema import ats_closures as closures
from store.schema import ats_merged as merged
from store.schema import ats_moves as moves
from store.schema import ats_stages as stages
from store.schema import job_applications as apps

DEFAULT_PIPELINE: tuple[str, ...] = ("applied", "screened", "interview", "offer", "rejected", "hired", "on_hold")
"""The default columns, in order; `withdrawn` is entered only by the applicant (`withdraw`), folded at the end."""
FIRST, HIRED, WITHDRAWN = ATS_FIRST, ATS_HIRED, ATS_WITHDRAWN
RESULTS: tuple[str, ...] = ("offer", "rejected", "hired")
"""Stages that tell the applicant the result (채용절차법 제10조): the result notice is sent on entering them."""
DECIDED: frozenset[str] = frozenset({*RESULTS, WITHDRAWN})
"""Stages that settle 채용 여부 for the applicant: the first entry stamps `decided_at`, from which the documents'
return period runs (채용절차법 시행령 제4조) and after which the result notice is due (법 제10조)."""
MAX_LABEL = 20
SYSTEM = "system"


@dataclass(frozen=True)
class Stage:
    stage: str
    label: str
    position: int
    folded: bool


class StaleMove(UserError):
    def __init__(self, stage_label: str) -> None:
        super().__init__(
            f"다른 담당자가 먼저 이 지원자를 '{stage_label}' 단계로 옮겼습니다. 덮어쓰지 않았으니 화면을 새로 고쳐 "
            "확인해 주세요."
        )


class NotFound(UserError):
    def __init__(self) -> None:
        super().__init__("이 공고의 지원자를 찾지 못했습니다. 우리 회사 공고의 지원자만 볼 수 있습니다.")


def card_id_of(con, application_id: str) -> str:  # noqa: ANN001 - a connection
    """The card an application is on: its own, or the one it was merged into."""
    into = con.execute(select(merged.c.into_application_id).where(merged.c.application_id == application_id)).scalar()
    return into or application_id


def firm_card(con, firm_id: str, application_id: str) -> dict | None:  # noqa: ANN001 - a connection
    """The card of `application_id` if it is on one of the firm's own postings, else None (the caller says why)."""
    row = con.execute(
        select(cards).where((cards.c.application_id == application_id) & (cards.c.firm_id == str(firm_id)))
    ).mappings().first()  # fmt: skip
    return None if row is None else dict(row)


class Tracking:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    # ------------------------------------------------------------------ pipelines
    def pipeline(self, posting_id: str) -> list[Stage]:
        with self.engine.connect() as con:
            rows = con.execute(
                select(stages).where(stages.c.posting_id == str(posting_id)).order_by(stages.c.position)
            ).mappings()
            own = [Stage(r["stage"], r["label"], r["position"], r["folded"]) for r in rows]
        if own:
            return own
        keys = [*DEFAULT_PIPELINE, WITHDRAWN]
        return [Stage(k, ATS_STAGES[k], i, k == WITHDRAWN) for i, k in enumerate(keys)]

    def set_pipeline(self, posting_id: str, columns: Sequence[tuple[str, str, bool]]) -> list[Stage]:
        """(stage key, Korean label, folded) in order. The first, hired and withdrawn stages must stay, and a stage
        that still holds applicants cannot be removed; a bad list is a Korean error and changes nothing."""
        keys = [k for k, _, _ in columns]
        problems = []
        if len(set(keys)) != len(keys):
            problems.append("같은 단계가 두 번 있습니다")
        for need in (FIRST, HIRED, WITHDRAWN):
            if need not in keys:
                problems.append(f"'{ATS_STAGES[need]}' 단계는 빼면 안 됩니다")
        for _, label, _ in columns:
            if not label.strip() or len(label.strip()) > MAX_LABEL:
                problems.append(f"단계 이름은 1~{MAX_LABEL}자여야 합니다")
                break
        with self.engine.connect() as con:
            used = {r[0] for r in con.execute(select(cards.c.stage).where(cards.c.posting_id == str(posting_id)))}
        if gone := sorted(used - set(keys)):
            problems.append(f"지원자가 있는 단계는 뺄 수 없습니다({', '.join(gone)})")
        if problems:
            raise UserError("단계 설정을 저장하지 않았습니다: " + "; ".join(problems) + ".")
        with self.engine.begin() as con:
            con.execute(delete(stages).where(stages.c.posting_id == str(posting_id)))
            con.execute(
                insert(stages),
                [
                    {"posting_id": str(posting_id), "stage": k, "label": lab.strip(), "position": i, "folded": f}
                    for i, (k, lab, f) in enumerate(columns)
                ],
            )
        return self.pipeline(posting_id)

    # ------------------------------------------------------------------ cards
    def sync(self, firm_id: str) -> int:
        """A card for each application to the firm's postings that has none yet; returns how many were made.

        The same person applying again to the same posting (after withdrawing, or through another channel) is merged
        into their existing card (`ats_merged`), so one person is one card; a withdrawn card comes back to the first
        stage, and the history says why."""
        now = datetime.now()
        made = 0
        with self.engine.begin() as con:
            seen = select(cards.c.application_id).union(select(merged.c.application_id))
            rows = con.execute(
                select(apps)
                .where((apps.c.firm_id == str(firm_id)) & apps.c.application_id.not_in(seen))
                .order_by(apps.c.applied_at, apps.c.application_id)
            ).mappings()
            for a in list(rows):
                into = con.execute(
                    select(cards).where(
                        (cards.c.firm_id == str(firm_id)) & (cards.c.posting_id == a["posting_id"])
                        & (cards.c.seeker_id == a["seeker_id"])
                    )
                ).mappings().first()  # fmt: skip
                if into is not None:
                    self._merge(con, dict(into), a, str(firm_id), now)
                    continue
                stage = WITHDRAWN if a["status"] == "withdrawn" else FIRST
                con.execute(
                    insert(cards).values(
                        application_id=a["application_id"],
                        posting_id=a["posting_id"],
                        firm_id=str(firm_id),
                        seeker_id=a["seeker_id"],
                        stage=stage,
                        version=1,
                        updated_at=now,
                    )
                )
                self._log(con, a["application_id"], a["posting_id"], str(firm_id), SYSTEM, None, stage, "지원 접수")
                made += 1
        return made

    def _merge(self, con, into: dict, a, firm_id: str, now: datetime) -> None:  # noqa: ANN001 - connection, row
        con.execute(
            insert(merged).values(
                application_id=a["application_id"], into_application_id=into["application_id"], firm_id=firm_id,
                merged_at=now,
            )
        )  # fmt: skip
        if into["stage"] == WITHDRAWN and a["status"] != WITHDRAWN:
            con.execute(
                update(cards)
                .where(cards.c.application_id == into["application_id"])
                .values(stage=FIRST, version=into["version"] + 1, updated_at=now, decided_at=None)
            )
            self._log(con, into["application_id"], into["posting_id"], firm_id, SYSTEM, WITHDRAWN, FIRST,
                      "다시 지원: 같은 지원자의 지원을 하나로 합쳤습니다")  # fmt: skip

    def card_id(self, application_id: str) -> str:
        """The card an application is on: its own, or the one it was merged into."""
        with self.engine.connect() as con:
            return card_id_of(con, application_id)

    def merged_counts(self, firm_id: str, posting_id: str) -> dict[str, int]:
        """card id → how many later applications of the same person were merged into it."""
        with self.engine.connect() as con:
            rows = con.execute(
                select(merged.c.into_application_id, func.count())
                .join(cards, cards.c.application_id == merged.c.into_application_id)
                .where((merged.c.firm_id == str(firm_id)) & (cards.c.posting_id == str(posting_id)))
                .group_by(merged.c.into_application_id)
            ).all()
        return {a: int(n) for a, n in rows}

    def other_pipelines(self, firm_id: str, posting_id: str) -> dict[str, list[tuple[str, str]]]:
        """card id → [(other posting id, stage label)] of the same person in this firm's other pipelines. Only the
        firm's own cards are read, so a person is shown as one across postings only where both are the firm's."""
        with self.engine.connect() as con:
            here = select(cards.c.application_id, cards.c.seeker_id).where(
                (cards.c.firm_id == str(firm_id)) & (cards.c.posting_id == str(posting_id))
            ).subquery()  # fmt: skip
            rows = con.execute(
                select(here.c.application_id, cards.c.posting_id, cards.c.stage)
                .join(cards, cards.c.seeker_id == here.c.seeker_id)
                .where((cards.c.firm_id == str(firm_id)) & (cards.c.posting_id != str(posting_id)))
                .order_by(cards.c.posting_id)
            ).all()
        out: dict[str, list[tuple[str, str]]] = {}
        name = self._stage_names({other for _, other, _ in rows})
        for app_id, other, stage in rows:
            out.setdefault(app_id, []).append((other, name(other, stage)))
        return out

    def _stage_names(self, posting_ids: set[str]):  # noqa: ANN202 - (posting id, stage) → its Korean name
        """Each posting's pipeline read once: a stage's name in that posting (its own label, else the default)."""
        labels = {p: {s.stage: s.label for s in self.pipeline(p)} for p in posting_ids}
        return lambda posting_id, stage: labels[posting_id].get(stage, ATS_STAGES.ko(stage, stage))

    def board(self, firm_id: str, posting_id: str) -> list[dict]:
        """The posting's cards with their application's channel and date (what the board filters by)."""
        with self.engine.connect() as con:
            rows = con.execute(
                select(cards, apps.c.source, apps.c.applied_at)
                .join(apps, apps.c.application_id == cards.c.application_id)
                .where((cards.c.firm_id == str(firm_id)) & (cards.c.posting_id == str(posting_id)))
                .order_by(cards.c.updated_at, cards.c.application_id)
            ).mappings()
            return [dict(r) for r in rows]

    def move(
        self,
        firm_id: str,
        application_id: str,
        to_stage: str,
        actor: str,
        expected_version: int,
        reason: str | None = None,
    ) -> int:
        """Move one applicant; returns the card's new version. `StaleMove` when someone moved it first."""
        with self.engine.begin() as con:
            card = self._card(con, firm_id, application_id)
            if con.execute(select(closures.c.posting_id).where(closures.c.posting_id == card["posting_id"])).first():
                raise UserError("마감한 공고입니다. 마감한 공고의 지원자는 옮길 수 없습니다.")
            labels = {s.stage: s.label for s in self.pipeline(card["posting_id"])}
            if to_stage not in labels:
                raise UserError(f"이 공고에 없는 단계입니다: {to_stage}")
            if to_stage == WITHDRAWN:
                raise UserError(
                    "지원 취소는 지원자만 할 수 있습니다. 채용하지 않으면 불합격으로 옮겨 결과를 알려 주세요."
                )
            if to_stage == card["stage"] and int(expected_version) == card["version"]:
                raise UserError(f"이미 '{labels[to_stage]}' 단계에 있습니다.")
            now = datetime.now()
            values = {"stage": to_stage, "version": expected_version + 1, "updated_at": now}
            values["hired_at"] = (card["hired_at"] or now) if to_stage == HIRED else None
            if to_stage in DECIDED:  # the first decision stamps the date; a card moved back is undecided again
                values["decided_at"] = card["decided_at"] or now
            else:
                values["decided_at"] = None
            n = con.execute(
                update(cards)
                .where((cards.c.application_id == application_id) & (cards.c.version == int(expected_version)))
                .values(**values)
            ).rowcount
            if not n:
                now_at = self._card(con, firm_id, application_id)["stage"]
                raise StaleMove(labels.get(now_at, now_at))
            self._log(con, application_id, card["posting_id"], str(firm_id), actor, card["stage"], to_stage, reason)
        return expected_version + 1

    def bulk_move(
        self,
        firm_id: str,
        selected: Sequence[tuple[str, int]],
        to_stage: str,
        actor: str,
        reason: str | None = None,
    ) -> tuple[list[str], list[str]]:
        """(moved, refused as stale) application ids; each applicant is moved on its own, as `move` does."""
        moved, stale = [], []
        for application_id, version in selected:
            try:
                self.move(firm_id, application_id, to_stage, actor, version, reason)
            except StaleMove:
                stale.append(application_id)
            else:
                moved.append(application_id)
        return moved, stale

    def history(self, firm_id: str, application_id: str) -> list[dict]:
        with self.engine.connect() as con:
            self._card(con, firm_id, application_id)
            rows = con.execute(
                select(moves).where(moves.c.application_id == application_id).order_by(moves.c.moved_at)
            ).mappings()
            return [dict(r) for r in rows]

    # ------------------------------------------------------------------ the applicant's side
    def stages_for_seeker(self, seeker_id: int | str) -> dict[str, str]:
        """application id → the Korean name of its current stage, for the seeker's own applications only (a merged
        application shows the stage of the card it joined)."""
        with self.engine.connect() as con:
            rows = con.execute(
                select(cards.c.application_id, cards.c.posting_id, cards.c.stage).where(
                    cards.c.seeker_id == str(seeker_id)
                )
            ).all()
            joined = con.execute(
                select(merged.c.application_id, merged.c.into_application_id)
                .join(cards, cards.c.application_id == merged.c.into_application_id)
                .where(cards.c.seeker_id == str(seeker_id))
            ).all()
        name = self._stage_names({posting_id for _, posting_id, _ in rows})
        out = {app_id: name(posting_id, stage) for app_id, posting_id, stage in rows}
        for app_id, into in joined:
            out[app_id] = out.get(into, "")
        return out

    def withdraw(self, seeker_id: int | str, application_id: str) -> bool:
        """The applicant withdraws: the application is marked so and, once the employer tracks it, its card moves to
        the withdrawn stage whatever its version (the applicant's decision is not a competing recruiter's move)."""
        with self.engine.begin() as con:
            n = con.execute(
                update(apps)
                .where((apps.c.application_id == application_id) & (apps.c.seeker_id == str(seeker_id)))
                .values(status=WITHDRAWN)
            ).rowcount
            if not n:
                return False
            card = con.execute(
                select(cards).where(cards.c.application_id == card_id_of(con, application_id))
            ).mappings().first()  # fmt: skip
            if card is not None and card["stage"] != WITHDRAWN:
                con.execute(
                    update(cards)
                    .where(cards.c.application_id == card["application_id"])
                    .values(
                        stage=WITHDRAWN,
                        version=card["version"] + 1,
                        updated_at=datetime.now(),
                        decided_at=card["decided_at"] or datetime.now(),
                    )
                )
                self._log(con, card["application_id"], card["posting_id"], card["firm_id"], f"seeker:{seeker_id}",
                          card["stage"], WITHDRAWN, "지원자가 지원 취소")  # fmt: skip
        return True

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _card(con, firm_id: str, application_id: str) -> dict:  # noqa: ANN001 - a connection
        if (card := firm_card(con, firm_id, application_id)) is None:
            raise NotFound
        return card

    @staticmethod
    def _log(con, application_id, posting_id, firm_id, actor, from_stage, to_stage, reason) -> None:  # noqa: ANN001
        con.execute(
            insert(moves).values(
                move_id=uuid.uuid4().hex,
                application_id=application_id,
                posting_id=posting_id,
                firm_id=firm_id,
                moved_at=datetime.now(),
                actor=actor,
                from_stage=from_stage,
                to_stage=to_stage,
                reason=(reason or "").strip() or None,
            )
        )
