"""Notices to applicants that 채용절차법 requires, and the communication history that keeps every one of them.

Why it exists: the law obliges the employer to tell applicants the schedule and process (제8조), the result once it is
decided (제10조) and what happens to their documents (제11조); the method may be the website, text, e-mail or phone
(제7조②). Entering a stage can therefore send a message from an editable Korean template. Every message is written to
`ats_messages` and shown in the applicant's own history in the app (the website method) whatever happens to the
e-mail: sent through the SMTP server of `config.smtp_settings()`, failed (the reason kept), or not tried because the
applicant gave no address or no server is configured.

A posting may be closed only when every applicant still in it has been told the result (`untold`, `close_posting`).
Reads and writes are scoped by the employer's firm, or by the seeker for their own history.
"""

from __future__ import annotations

import re
import string
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

import config
from data_catalog.errors import UserError
from data_catalog.spec import ATS_STAGES, NOTICE_KINDS
from store import db, mail
from store.ats import RESULTS, firm_card
from store.documents import DEFAULT_RETURN_DAYS
from store.schema import ats_cards as cards
from store.schema import ats_closures as closures
from store.schema import ats_contacts as contacts
from store.schema import ats_doc_policy as policy
from store.schema import ats_interviews as iv
from store.schema import ats_messages as messages
from store.schema import ats_templates as templates
from store.schema import job_applications as apps

DOCUMENTS_RETURN = "documents_return"
"""The template key of the 채용서류 반환 안내 (not a stage: it is sent when a return request is answered)."""
TOLD = ("sent", "no_address", "no_server")
"""A result counts as told when the message is in the applicant's history; a failed e-mail must be sent again."""
PLACEHOLDERS = ("공고", "회사", "단계", "지원일", "면접일시", "면접장소", "사유", "반환청구기간", "반환일", "반환방법")
MAX_SUBJECT, MAX_BODY = 200, 4000

EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Template:
    key: str
    kind: str
    subject: str
    body: str
    enabled: bool
    own: bool  # the firm edited it (else the default below)


_RETURN_LINE = (
    "채용서류 반환 청구기간은 채용 여부 확정일로부터 {반환청구기간}일이며, 그 기간 동안 반환을 청구하실 수 있습니다."
)
DEFAULTS: dict[str, tuple[str, str, str]] = {
    "applied": (
        "schedule",
        "[{회사}] {공고} 지원 접수 안내",
        "{지원일}에 보내 주신 지원서를 접수했습니다. 서류 검토 후 다음 일정을 알려 드리겠습니다.\n" + _RETURN_LINE,
    ),
    "screened": (
        "schedule",
        "[{회사}] {공고} 서류 검토 진행 안내",
        "지원서를 검토하고 있습니다. 결과와 다음 일정은 정해지는 대로 알려 드리겠습니다.",
    ),
    "interview": (
        "schedule",
        "[{회사}] {공고} 면접 안내",
        "서류 검토를 통과하여 면접을 안내드립니다.\n일시: {면접일시}\n장소: {면접장소}\n"
        "일정 변경이 필요하시면 회신해 주세요.",
    ),
    "on_hold": (
        "schedule",
        "[{회사}] {공고} 채용 심사 지연 안내",
        "채용 심사가 예정보다 늦어지고 있습니다. 일정이 정해지면 바로 알려 드리겠습니다. 양해 부탁드립니다.",
    ),
    "offer": (
        "result",
        "[{회사}] {공고} 최종 합격 안내",
        "최종 합격을 축하드립니다. 입사 절차는 따로 안내해 드리겠습니다.",
    ),
    "rejected": (
        "result",
        "[{회사}] {공고} 채용 결과 안내",
        "지원해 주셔서 감사합니다. 아쉽게도 이번 채용에서는 함께하지 못하게 되었습니다.\n{사유}\n" + _RETURN_LINE,
    ),
    DOCUMENTS_RETURN: (
        "documents",
        "[{회사}] {공고} 채용서류 반환 안내",
        "청구하신 채용서류를 {반환일}에 반환했습니다({반환방법}). 보관하던 사본은 파기했습니다.",
    ),
}
"""Default notice per stage entered (and for the documents' return); a stage without one sends nothing by default."""


def interview_slot(starts_at: datetime, minutes: int, place: str | None, video_url: str | None) -> dict[str, str]:
    """The {면접일시} and {면접장소} of one interview."""
    return {"면접일시": f"{starts_at:%Y-%m-%d %H:%M} ({minutes}분)", "면접장소": place or video_url or "-"}


def _lengths(subject: str, body: str) -> list[str]:
    problems = []
    if not subject.strip() or len(subject) > MAX_SUBJECT:
        problems.append(f"제목은 1~{MAX_SUBJECT}자여야 합니다")
    if not body.strip() or len(body) > MAX_BODY:
        problems.append(f"본문은 1~{MAX_BODY}자여야 합니다")
    return problems


class Notices:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    # ------------------------------------------------------------------ templates
    def templates(self, firm_id: str) -> list[Template]:
        with self.engine.connect() as con:
            rows = {
                r["stage"]: r
                for r in con.execute(select(templates).where(templates.c.firm_id == str(firm_id))).mappings()
            }
        keys = list(DEFAULTS) + [k for k in rows if k not in DEFAULTS]
        out = []
        for k in keys:
            if k in rows:
                r = rows[k]
                out.append(Template(k, r["kind"], r["subject"], r["body"], r["enabled"], True))
            else:
                kind, subject, body = DEFAULTS[k]
                out.append(Template(k, kind, subject, body, True, False))
        return out

    def template(self, firm_id: str, key: str) -> Template | None:
        return next((t for t in self.templates(firm_id) if t.key == key), None)

    @staticmethod
    def check(subject: str, body: str) -> None:
        """Korean error listing every problem of a template (length, unknown or broken {자리표시자}). Only plain
        `{이름}` is allowed: a format spec or conversion (`{공고:d}`, `{공고!r}`) would fail or balloon when filled."""
        problems = _lengths(subject, body)
        for text in (subject, body):
            try:
                fields = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(text) if f is not None]
            except ValueError:
                problems.append("중괄호 { } 짝이 맞지 않습니다")
                continue
            if bad := sorted({f for f, _, _ in fields if f not in PLACEHOLDERS}):
                problems.append(f"쓸 수 없는 자리표시자: {', '.join('{' + b + '}' for b in bad)}")
            if any(spec or conv for _, spec, conv in fields):
                problems.append("자리표시자에는 {이름}만 쓸 수 있습니다(: 나 ! 뒤의 서식은 쓸 수 없습니다)")
        if problems:
            allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise UserError(
                "안내문을 저장하지 않았습니다: " + "; ".join(problems) + f". 쓸 수 있는 자리표시자: {allowed}."
            )

    def save_template(self, firm_id: str, key: str, subject: str, body: str, enabled: bool, actor: str) -> None:
        if key not in DEFAULTS and key not in ATS_STAGES:
            raise UserError(f"안내문을 둘 수 없는 단계입니다: {key}")
        self.check(subject, body)
        kind = DEFAULTS[key][0] if key in DEFAULTS else ("result" if key in RESULTS else "schedule")
        if kind == "result" and not enabled:
            raise UserError("결과 안내는 끌 수 없습니다. 채용절차법 제10조에 따라 채용 여부는 꼭 알려야 합니다.")
        with self.engine.begin() as con:
            con.execute(delete(templates).where((templates.c.firm_id == str(firm_id)) & (templates.c.stage == key)))
            con.execute(
                insert(templates).values(
                    firm_id=str(firm_id), stage=key, kind=kind, subject=subject.strip(), body=body.strip(),
                    enabled=bool(enabled), updated_at=datetime.now(), updated_by=actor,
                )
            )  # fmt: skip

    def reset_template(self, firm_id: str, key: str) -> None:
        with self.engine.begin() as con:
            con.execute(delete(templates).where((templates.c.firm_id == str(firm_id)) & (templates.c.stage == key)))

    # ------------------------------------------------------------------ the applicant's address
    def set_email(self, seeker_id: int | str, email: str) -> None:
        email = email.strip()
        if email and not EMAIL.match(email):
            raise UserError("이메일 주소 형식이 아닙니다(예: name@example.com). 저장하지 않았습니다.")
        with self.engine.begin() as con:
            con.execute(delete(contacts).where(contacts.c.seeker_id == str(seeker_id)))
            if email:
                con.execute(insert(contacts).values(seeker_id=str(seeker_id), email=email, updated_at=datetime.now()))

    def email_of(self, seeker_id: int | str) -> str | None:
        with self.engine.connect() as con:
            return con.execute(select(contacts.c.email).where(contacts.c.seeker_id == str(seeker_id))).scalar()

    # ------------------------------------------------------------------ sending
    def notify(
        self, firm_id: str, application_id: str, key: str, actor: str, values: dict | None = None
    ) -> dict | None:
        """Send the template for `key` (a stage entered, or DOCUMENTS_RETURN); None when the firm switched it off or
        there is none. Placeholders without a value read '-'."""
        t = self.template(firm_id, key)
        if t is None or not t.enabled:
            return None
        known = self._facts(firm_id, application_id)
        given = {k: str(v) for k, v in (values or {}).items() if v not in (None, "")}
        if key == "interview" and "면접일시" not in known | given:
            return None  # no time yet: scheduling the interview sends this notice (with the time)
        filled = {p: "-" for p in PLACEHOLDERS} | {"단계": ATS_STAGES.ko(key, key)} | known | given
        if key == "rejected" and filled["사유"] == "-":
            filled["사유"] = ""
        subject, body = t.subject.format_map(filled), t.body.format_map(filled).replace("\n\n\n", "\n\n")
        return self.send(
            firm_id, application_id, t.kind, subject, body, actor, stage=key if key in ATS_STAGES else None
        )

    def _facts(self, firm_id: str, application_id: str) -> dict[str, str]:
        """What the store itself knows for the placeholders: 지원일, the next interview, the return period."""
        with self.engine.connect() as con:
            applied = con.execute(
                select(apps.c.applied_at).where(
                    (apps.c.application_id == application_id) & (apps.c.firm_id == str(firm_id))
                )
            ).scalar()
            nxt = con.execute(
                select(iv.c.starts_at, iv.c.minutes, iv.c.place, iv.c.video_url)
                .where(
                    (iv.c.application_id == application_id)
                    & (iv.c.firm_id == str(firm_id))
                    & (iv.c.status == "scheduled")
                    & (iv.c.starts_at > datetime.now())  # the next interview, not one already past
                )
                .order_by(iv.c.starts_at)
            ).first()
            card = con.execute(select(cards.c.posting_id).where(cards.c.application_id == application_id)).scalar()
            days = con.execute(select(policy.c.return_days).where(policy.c.posting_id == card)).scalar()
        out = {"반환청구기간": str(days or DEFAULT_RETURN_DAYS)}
        if applied is not None:
            out["지원일"] = f"{applied:%Y-%m-%d}"
        if nxt is not None:
            out |= interview_slot(nxt.starts_at, nxt.minutes, nxt.place, nxt.video_url)
        return out

    def send(
        self,
        firm_id: str,
        application_id: str,
        kind: str,
        subject: str,
        body: str,
        actor: str,
        stage: str | None = None,
    ) -> dict:
        """Record one message in the history and e-mail it when an address and a server exist."""
        if kind not in NOTICE_KINDS:
            raise UserError(f"알 수 없는 안내 종류입니다: {kind}")
        subject = " ".join(subject.split())[:MAX_SUBJECT]  # one line (no header injection), within the column
        if problems := _lengths(subject, body):
            raise UserError("안내를 보내지 않았습니다: " + "; ".join(problems) + ".")
        with self.engine.connect() as con:
            card = firm_card(con, firm_id, application_id)
        if card is None:
            raise UserError("이 공고의 지원자를 찾지 못했습니다. 우리 회사 공고의 지원자에게만 보낼 수 있습니다.")
        to, settings, error = self.email_of(card["seeker_id"]), config.smtp_settings(), None
        if settings is None:
            status = "no_server"
        elif not to:
            status = "no_address"
        else:
            try:
                mail.send(settings, to, subject, body)
                status = "sent"
            except mail.MailError as exc:
                status, error = "failed", str(exc)
        row = {
            "message_id": uuid.uuid4().hex, "application_id": application_id, "posting_id": card["posting_id"],
            "firm_id": str(firm_id), "seeker_id": card["seeker_id"], "kind": kind, "stage": stage,
            "subject": subject, "body": body, "recipient": to, "status": status, "error": error,
            "created_at": datetime.now(), "actor": actor,
        }  # fmt: skip
        with self.engine.begin() as con:
            con.execute(insert(messages).values(**row))
        return row

    # ------------------------------------------------------------------ history
    def history(self, firm_id: str, application_id: str) -> list[dict]:
        with self.engine.connect() as con:
            rows = con.execute(
                select(messages)
                .where((messages.c.application_id == application_id) & (messages.c.firm_id == str(firm_id)))
                .order_by(messages.c.created_at)
            ).mappings()
            return [dict(r) for r in rows]

    def for_seeker(self, seeker_id: int | str) -> list[dict]:
        """The applicant's own messages, newest first (no error text: that is for the employer)."""
        with self.engine.connect() as con:
            rows = con.execute(
                select(messages).where(messages.c.seeker_id == str(seeker_id)).order_by(messages.c.created_at.desc())
            ).mappings()
            return [{k: v for k, v in r.items() if k != "error"} for r in rows]

    # ------------------------------------------------------------------ closing a posting
    def untold(self, firm_id: str, posting_id: str) -> list[dict]:
        """Cards of the posting whose applicant has not been told the result: still in a stage without a result, or
        in a result stage with no result message in their history (a failed e-mail does not count)."""
        with self.engine.connect() as con:
            live = con.execute(
                select(cards).where(
                    (cards.c.firm_id == str(firm_id)) & (cards.c.posting_id == str(posting_id))
                    & (cards.c.stage != "withdrawn")
                )
            ).mappings().all()  # fmt: skip
            told = con.execute(
                select(messages.c.application_id, messages.c.stage).where(
                    (messages.c.firm_id == str(firm_id)) & (messages.c.posting_id == str(posting_id))
                    & (messages.c.kind == "result") & messages.c.status.in_(TOLD)
                )
            ).all()  # fmt: skip
        said = {(a, s) for a, s in told}
        out = []
        for c in live:
            ok = c["stage"] in RESULTS and (
                (c["application_id"], c["stage"]) in said
                or (c["stage"] == "hired" and (c["application_id"], "offer") in said)
            )
            if not ok:
                out.append(dict(c))
        return out

    def close_posting(self, firm_id: str, posting_id: str, actor: str) -> None:
        with self.engine.connect() as con:
            own = con.execute(
                select(cards.c.application_id).where(
                    (cards.c.firm_id == str(firm_id)) & (cards.c.posting_id == str(posting_id))
                )
            ).first()
        if own is None:
            raise UserError("우리 회사 공고의 지원자가 없어 마감할 수 없습니다.")
        if self.closed_at(firm_id, posting_id) is not None:
            raise UserError("이미 마감한 공고입니다.")
        if waiting := self.untold(firm_id, posting_id):
            raise UserError(
                f"채용 여부를 아직 알리지 않은 지원자가 {len(waiting)}명 있어 마감하지 않았습니다. 채용절차법 제10조에 "
                "따라 결과를 알린 뒤 마감해 주세요."
            )
        try:
            with self.engine.begin() as con:
                con.execute(
                    insert(closures).values(
                        posting_id=str(posting_id), firm_id=str(firm_id), closed_at=datetime.now(), closed_by=actor
                    )
                )
        except IntegrityError as exc:  # two clicks at once: the first one closed it
            raise UserError("이미 마감한 공고입니다.") from exc

    def closed_at(self, firm_id: str, posting_id: str) -> datetime | None:
        with self.engine.connect() as con:
            return con.execute(
                select(closures.c.closed_at).where(
                    (closures.c.posting_id == str(posting_id)) & (closures.c.firm_id == str(firm_id))
                )
            ).scalar()

    def resend_results(self, firm_id: str, posting_id: str, actor: str, values: dict | None = None) -> list[dict]:
        """Send the result notice again to everyone in a result stage who has not been told (a failed e-mail, or the
        notice toggle was off when they were moved); returns the messages."""
        return [
            self.notify(firm_id, c["application_id"], c["stage"], actor, values)
            for c in self.untold(firm_id, posting_id)
            if c["stage"] in RESULTS and c["stage"] in DEFAULTS
        ]
