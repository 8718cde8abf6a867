"""채용서류 (application documents) of applicant tracking: kept for a period, returned on request, then destroyed.

Why it exists: the Fair Hiring Procedure Act (채용절차법) makes the employer keep an applicant's documents so the
applicant can ask for them back, and destroy them afterwards:
- 법 제11조①: after 채용 여부 is settled, an applicant who was not hired may ask for the documents back; the employer
  returns them (unless they came in through a homepage or e-mail, or unasked — then the answer is "not returnable").
- 시행령 제4조: the return period is 14–180 days after the decision, set by the employer (`set_policy`) and told to the
  applicant before the decision. The deadline of a document is the decision day + that period (`retention_deadline`).
- 시행령 제2조: a request is answered within 14 days (`due`), sent to the address the applicant names.
- 시행령 제3조 / 법 제11조③④: the documents are kept until the period ends or until they are returned, then destroyed.
  `purge` (run by `make run`, once a day by the app, or `python -m store.documents purge`) destroys every kept
  document past its deadline and writes one `ats_purge_log` row each.

A person's second application to the same posting is merged into their first card (`store.ats`); its documents
and requests keep the application's own id and are read through that card (`store.ats.card_id_of`, `_of_card`).

Applicants who were hired or got the final offer (확정된 채용대상자, stages `CONFIRMED`) are outside 제11조: they
cannot ask for a return, and their documents have no deadline (they become the employee's file). A document whose
application has an open return request is not destroyed until the request is answered.

The applicant uploads only to their own application and only before the decision; the employer reads, downloads
and answers only for their own firm. Every check is in Korean, listing every problem; `now` can be given (tests use
a fixed clock). Nothing here depends on Streamlit or on the notices.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, update

from data_catalog.errors import KoArgumentParser, UserError, run_cli
from data_catalog.spec import ATS_WITHDRAWN, DOCUMENT_KINDS
from store import db
from store.ats import card_id_of
from store.schema import ats_cards as cards
from store.schema import ats_doc_policy as policies
from store.schema import ats_doc_requests as requests
from store.schema import ats_documents as docs
from store.schema import ats_merged as merged
from store.schema import ats_purge_log as purge_log
from store.schema import job_applications as apps

MIN_RETURN_DAYS, MAX_RETURN_DAYS = 14, 180  # 시행령 제4조
DEFAULT_RETURN_DAYS = 30
"""Used while the employer has set no period for a posting. The law gives no default, only the 14–180 day range;
30 days is a common choice in practice, inside the range, long enough for an applicant to notice and ask, and short
enough not to keep personal data longer than needed."""
ANSWER_DAYS = 14  # 시행령 제2조①: send the documents back within 14 days of the request
MAX_BYTES = 5 * 1024 * 1024
MAX_FILES = 10
MAX_NAME = 200
MAX_ADDRESS = 300
MAX_NOTE = 500
CONFIRMED: frozenset[str] = frozenset({"offer", "hired"})
"""확정된 채용대상자 (법 제11조①): the final offer or hired — no return request, no deadline."""
WITHDRAWN = ATS_WITHDRAWN
_ZIP = b"PK\x03\x04"
MAGIC: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (_ZIP,),
    "hwpx": (_ZIP,),
    "hwp": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),  # OLE compound file (한글 5.x)
    "txt": (),  # checked by decoding as UTF-8 instead
}
EXTENSIONS: tuple[str, ...] = tuple(MAGIC)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LISTED = [c for c in docs.c if c.name != "content"]  # what lists return: never the file itself


def retention_deadline(decided_at: datetime | None, return_days: int) -> datetime | None:
    """The last moment a document is kept: the end of the day `return_days` after the decision; None while undecided."""
    if decided_at is None:
        return None
    return datetime.combine(decided_at.date() + timedelta(days=int(return_days)), time(23, 59, 59))


def clean_filename(name: str) -> str:
    """The file's own name: any folder part (either slash) and control characters removed, spaces trimmed."""
    return _CONTROL.sub("", re.split(r"[\\/]", str(name))[-1]).strip()


def check_file(filename: str, kind: str, content: bytes) -> list[str]:
    """Every problem of an uploaded file, in Korean (empty when it can be kept)."""
    problems = []
    if kind not in DOCUMENT_KINDS:
        problems.append(f"서류 종류는 {', '.join(DOCUMENT_KINDS.labels.values())} 중 하나여야 합니다")
    if not filename:
        problems.append("파일 이름이 비어 있습니다")
    elif len(filename) > MAX_NAME:
        problems.append(f"파일 이름은 {MAX_NAME}자 이내여야 합니다")
    if not content:
        problems.append("빈 파일입니다")
    elif len(content) > MAX_BYTES:
        problems.append(f"파일은 {MAX_BYTES // (1024 * 1024)}MB 이하여야 합니다({len(content) / 1024 / 1024:.1f}MB)")
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext not in MAGIC:
        problems.append(f"파일 형식은 {', '.join(EXTENSIONS)} 중 하나여야 합니다")
    elif content and not _matches(ext, content):
        problems.append(f"파일 내용이 .{ext} 형식이 아닙니다(확장자만 바꾼 파일은 올릴 수 없습니다)")
    return problems


def _of_card(column, card_id: str):  # noqa: ANN001, ANN202 - a column → a condition
    """`column` (an application id) is the card's own application or one merged into it."""
    return (column == card_id) | column.in_(
        select(merged.c.application_id).where(merged.c.into_application_id == card_id)
    )


def _matches(ext: str, content: bytes) -> bool:
    if ext == "txt":
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    return any(content.startswith(m) for m in MAGIC[ext])


class Documents:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    # ------------------------------------------------------------------ the employer's return period
    def set_policy(
        self, firm_id: str, posting_id: str, return_days: int, actor: str, now: datetime | None = None
    ) -> None:
        """The posting's return period (시행령 제4조). Only a posting the firm has applicants for; once an applicant
        of it was decided, the period can only grow (applicants were told it before their decision)."""
        days = int(return_days)
        firm_id, posting_id = str(firm_id), str(posting_id)
        problems = []
        if not MIN_RETURN_DAYS <= days <= MAX_RETURN_DAYS:
            problems.append(f"반환 청구기간은 채용 여부 확정 후 {MIN_RETURN_DAYS}~{MAX_RETURN_DAYS}일이어야 합니다")
        with self.engine.begin() as con:
            ours = (
                con.execute(
                    select(apps.c.application_id).where((apps.c.posting_id == posting_id) & (apps.c.firm_id == firm_id))
                ).first()
                or con.execute(
                    select(cards.c.application_id).where(
                        (cards.c.posting_id == posting_id) & (cards.c.firm_id == firm_id)
                    )
                ).first()
            )
            old = con.execute(select(policies).where(policies.c.posting_id == posting_id)).mappings().first()
            if not ours or (old is not None and old["firm_id"] != firm_id):
                raise UserError("우리 회사 공고를 찾지 못했습니다. 지원자가 있는 우리 회사 공고만 설정할 수 있습니다.")
            decided = con.execute(
                select(cards.c.application_id).where(
                    (cards.c.posting_id == posting_id) & (cards.c.firm_id == firm_id) & cards.c.decided_at.is_not(None)
                )
            ).first()
            current = old["return_days"] if old is not None else DEFAULT_RETURN_DAYS
            if decided and days < current:
                problems.append(
                    f"채용 여부가 확정된 지원자가 있어 이미 알린 기간({current}일)보다 줄일 수 없습니다(시행령 제4조)"
                )
            if problems:
                raise UserError("반환 청구기간을 저장하지 않았습니다: " + "; ".join(problems) + ".")
            values = {"return_days": days, "set_at": now or datetime.now(), "set_by": str(actor)}
            if old is None:
                con.execute(insert(policies).values(posting_id=posting_id, firm_id=firm_id, **values))
            else:
                con.execute(update(policies).where(policies.c.posting_id == posting_id).values(**values))

    def policy(self, firm_id: str, posting_id: str) -> int:
        """The posting's return period in days (`DEFAULT_RETURN_DAYS` while none is set)."""
        with self.engine.connect() as con:
            days = con.execute(
                select(policies.c.return_days).where(
                    (policies.c.posting_id == str(posting_id)) & (policies.c.firm_id == str(firm_id))
                )
            ).scalar()
        return DEFAULT_RETURN_DAYS if days is None else int(days)

    def deadline(self, card: dict) -> datetime | None:
        """The retention deadline of a tracked application (None while undecided or for a confirmed hire)."""
        if card.get("stage") in CONFIRMED:
            return None
        return retention_deadline(card.get("decided_at"), self.policy(card["firm_id"], card["posting_id"]))

    # ------------------------------------------------------------------ the applicant's documents
    def upload(
        self,
        seeker_id: int | str,
        application_id: str,
        filename: str,
        kind: str,
        content: bytes,
        now: datetime | None = None,
    ) -> str:
        """Keep one document of the seeker's own application; returns its id. Korean error listing every problem."""
        name = clean_filename(filename)
        content = bytes(content or b"")
        problems = check_file(name, kind, content)
        with self.engine.begin() as con:
            app = (
                con.execute(
                    select(apps).where((apps.c.application_id == application_id) & (apps.c.seeker_id == str(seeker_id)))
                )
                .mappings()
                .first()
            )
            if app is None or app["firm_id"] is None:
                raise UserError("지원 내역을 찾지 못했습니다. 내 지원서에만 서류를 올릴 수 있습니다.")
            card = (
                con.execute(select(cards).where(cards.c.application_id == card_id_of(con, application_id)))
                .mappings()
                .first()
            )
            if app["status"] == WITHDRAWN or (card is not None and card["stage"] == WITHDRAWN):
                problems.append("지원을 취소한 지원서에는 서류를 올릴 수 없습니다")
            elif card is not None and card["decided_at"] is not None:
                problems.append("채용 여부가 확정된 뒤에는 서류를 올릴 수 없습니다")
            counts = dict(
                con.execute(
                    select(docs.c.status, func.count())
                    .where(docs.c.application_id == application_id)
                    .group_by(docs.c.status)
                ).all()
            )
            if counts.get("returned") or counts.get("destroyed"):
                problems.append("이 지원서의 서류는 이미 반환했거나 파기했습니다")
            if sum(counts.values()) >= MAX_FILES:
                problems.append(f"지원서 하나에 서류는 {MAX_FILES}개까지 올릴 수 있습니다")
            if problems:
                raise UserError("서류를 올리지 않았습니다: " + "; ".join(problems) + ".")
            document_id = uuid.uuid4().hex
            con.execute(
                insert(docs).values(
                    document_id=document_id,
                    application_id=application_id,
                    posting_id=app["posting_id"],
                    firm_id=app["firm_id"],
                    seeker_id=str(seeker_id),
                    filename=name,
                    kind=kind,
                    content=content,
                    size_bytes=len(content),
                    sha256=hashlib.sha256(content).hexdigest(),
                    uploaded_at=now or datetime.now(),
                    status="kept",
                )
            )
        return document_id

    def _with_deadlines(self, con, rows: list[dict]) -> list[dict]:  # noqa: ANN001 - a connection
        """`rows` with each document's `deadline` (from its card and its posting's period)."""
        card_of = {a: card_id_of(con, a) for a in {r["application_id"] for r in rows}}
        if not card_of:
            return rows
        found = con.execute(
            select(cards.c.application_id, cards.c.stage, cards.c.decided_at, policies.c.return_days)
            .select_from(cards.outerjoin(policies, policies.c.posting_id == cards.c.posting_id))
            .where(cards.c.application_id.in_(set(card_of.values())))
        ).all()
        by_card = {
            a: None if stage in CONFIRMED else retention_deadline(at, days or DEFAULT_RETURN_DAYS)
            for a, stage, at, days in found
        }
        return [{**r, "deadline": by_card.get(card_of[r["application_id"]])} for r in rows]

    def for_application(self, firm_id: str, application_id: str) -> list[dict]:
        """The employer's view of one applicant's documents (no content), each with its `deadline`; `application_id`
        is the card's (documents of applications merged into it are included)."""
        with self.engine.connect() as con:
            rows = con.execute(
                select(*_LISTED)
                .where(_of_card(docs.c.application_id, application_id) & (docs.c.firm_id == str(firm_id)))
                .order_by(docs.c.uploaded_at, docs.c.document_id)
            ).mappings()
            return self._with_deadlines(con, [dict(r) for r in rows])

    def for_seeker(self, seeker_id: int | str, application_id: str | None = None) -> list[dict]:
        """The seeker's own documents (of one application when given), no content, each with its `deadline`."""
        q = select(*_LISTED).where(docs.c.seeker_id == str(seeker_id))
        if application_id is not None:
            q = q.where(docs.c.application_id == application_id)
        with self.engine.connect() as con:
            rows = con.execute(q.order_by(docs.c.uploaded_at, docs.c.document_id)).mappings()
            return self._with_deadlines(con, [dict(r) for r in rows])

    def content(self, firm_id: str, document_id: str) -> bytes | None:
        """The file for a download by the firm (None once returned or destroyed, or not the firm's)."""
        with self.engine.connect() as con:
            data = con.execute(
                select(docs.c.content).where(
                    (docs.c.document_id == document_id) & (docs.c.firm_id == str(firm_id)) & (docs.c.status == "kept")
                )
            ).scalar()
        return None if data is None else bytes(data)

    # ------------------------------------------------------------------ return requests
    def return_problems(self, seeker_id: int | str, application_id: str, now: datetime | None = None) -> list[str]:
        """Why the seeker cannot ask for this application's documents back now (empty when they can)."""
        now = now or datetime.now()
        with self.engine.connect() as con:
            card_id = card_id_of(con, application_id)
            card = (
                con.execute(
                    select(cards).where((cards.c.application_id == card_id) & (cards.c.seeker_id == str(seeker_id)))
                )
                .mappings()
                .first()
            )
            if card is None or card["decided_at"] is None:
                return ["채용 여부가 확정된 뒤에 반환을 청구할 수 있습니다(채용절차법 제11조①)"]
            if card["stage"] in CONFIRMED:
                return ["채용이 확정된 지원자는 채용서류 반환 청구 대상이 아닙니다(채용절차법 제11조①)"]
            problems = []
            end = self.deadline(dict(card))
            if end is not None and now.date() > end.date():
                problems.append(f"반환 청구기간이 {end:%Y-%m-%d}에 끝났습니다(채용절차법 시행령 제4조)")
            kept = con.execute(
                select(func.count()).where(_of_card(docs.c.application_id, card_id) & (docs.c.status == "kept"))
            ).scalar()
            if not kept:
                problems.append("돌려받을 서류가 없습니다(올린 서류가 없거나 이미 반환·파기했습니다)")
            open_ = con.execute(
                select(requests.c.request_id).where(
                    _of_card(requests.c.application_id, card_id) & (requests.c.status == "requested")
                )
            ).first()
            if open_:
                problems.append("이미 반환을 청구했습니다. 회사의 답변을 기다려 주세요")
        return problems

    def request_return(
        self, seeker_id: int | str, application_id: str, address: str = "", now: datetime | None = None
    ) -> str:
        """The applicant asks for their documents back (법 제11조①); returns the request id."""
        address = (address or "").strip()
        problems = self.return_problems(seeker_id, application_id, now)
        if len(address) > MAX_ADDRESS:
            problems.append(f"반환 받을 주소는 {MAX_ADDRESS}자 이내로 적어 주세요")
        if problems:
            raise UserError("반환을 청구하지 않았습니다: " + "; ".join(problems) + ".")
        with self.engine.begin() as con:
            card = con.execute(
                select(cards.c.firm_id).where(cards.c.application_id == card_id_of(con, application_id))
            ).one()
            request_id = uuid.uuid4().hex
            con.execute(
                insert(requests).values(
                    request_id=request_id,
                    application_id=application_id,
                    firm_id=card.firm_id,
                    seeker_id=str(seeker_id),
                    requested_at=now or datetime.now(),
                    address=address or None,
                    status="requested",
                )
            )
        return request_id

    @staticmethod
    def _due(rows: Sequence) -> list[dict]:
        return [{**r, "due": r["requested_at"].date() + timedelta(days=ANSWER_DAYS)} for r in rows]

    def requests_for_firm(self, firm_id: str, open_only: bool = True, application_id: str | None = None) -> list[dict]:
        """The firm's return requests (open ones by default; of one card when `application_id` is given), each with its
        `due` date (시행령 제2조①)."""
        q = select(requests).where(requests.c.firm_id == str(firm_id))
        if open_only:
            q = q.where(requests.c.status == "requested")
        if application_id is not None:
            q = q.where(_of_card(requests.c.application_id, application_id))
        with self.engine.connect() as con:
            return self._due(list(con.execute(q.order_by(requests.c.requested_at)).mappings()))

    def requests_for_seeker(self, seeker_id: int | str) -> list[dict]:
        with self.engine.connect() as con:
            rows = con.execute(
                select(requests).where(requests.c.seeker_id == str(seeker_id)).order_by(requests.c.requested_at)
            ).mappings()
            return self._due(list(rows))

    def answer_return(
        self,
        firm_id: str,
        request_id: str,
        returned: bool,
        actor: str,
        note: str = "",
        now: datetime | None = None,
    ) -> int:
        """Answer a request: returned (every kept document of the application is closed, content removed) or not
        returnable with a reason (법 제11조① 단서). Returns how many documents were returned."""
        note, now = (note or "").strip(), now or datetime.now()
        problems = []
        if not returned and not note:
            problems.append("반환 대상이 아닌 이유를 적어 주세요(예: 홈페이지·전자우편으로 제출, 요구 없이 제출)")
        if len(note) > MAX_NOTE:
            problems.append(f"사유는 {MAX_NOTE}자 이내로 적어 주세요")
        if problems:
            raise UserError("답변을 저장하지 않았습니다: " + "; ".join(problems) + ".")
        with self.engine.begin() as con:
            req = (
                con.execute(
                    select(requests).where((requests.c.request_id == request_id) & (requests.c.firm_id == str(firm_id)))
                )
                .mappings()
                .first()
            )
            if req is None:
                raise UserError("반환 청구를 찾지 못했습니다. 우리 회사 지원자의 청구만 답할 수 있습니다.")
            n = con.execute(
                update(requests)
                .where((requests.c.request_id == request_id) & (requests.c.status == "requested"))
                .values(
                    status="returned" if returned else "refused",
                    answered_at=now,
                    answered_by=str(actor),
                    answer_note=note or None,
                )
            ).rowcount
            if not n:
                raise UserError("이미 답한 반환 청구입니다. 답변은 한 번만 할 수 있습니다.")
            if not returned:
                return 0
            return con.execute(
                update(docs)
                .where(
                    _of_card(docs.c.application_id, card_id_of(con, req["application_id"]))
                    & (docs.c.firm_id == str(firm_id))
                    & (docs.c.status == "kept")
                )
                .values(content=None, status="returned", closed_at=now)
            ).rowcount

    # ------------------------------------------------------------------ the scheduled purge
    def purge(self, now: datetime | None = None) -> int:
        """Destroy every kept document whose deadline day has passed (kept through the deadline day itself), except
        while its application has an open return request; one `ats_purge_log` row each. Returns the count;
        running it again destroys nothing more."""
        now = now or datetime.now()
        card_key = func.coalesce(merged.c.into_application_id, docs.c.application_id)
        with self.engine.begin() as con:
            waiting = {
                card_id_of(con, a)
                for (a,) in con.execute(select(requests.c.application_id).where(requests.c.status == "requested"))
            }
            rows = con.execute(
                select(docs.c.document_id, docs.c.application_id, docs.c.firm_id, cards.c.application_id.label("card"),
                       cards.c.decided_at, policies.c.return_days)
                .select_from(
                    docs.outerjoin(merged, merged.c.application_id == docs.c.application_id)
                    .join(cards, cards.c.application_id == card_key)
                    .outerjoin(policies, policies.c.posting_id == cards.c.posting_id)
                )
                .where((docs.c.status == "kept") & cards.c.decided_at.is_not(None) & cards.c.stage.not_in(CONFIRMED))
            ).all()  # fmt: skip
            ran_at, destroyed = datetime.now(), 0
            for r in rows:
                if r.card in waiting:
                    continue
                end = retention_deadline(r.decided_at, r.return_days or DEFAULT_RETURN_DAYS)
                if end is None or now.date() <= end.date():
                    continue
                n = con.execute(
                    update(docs)
                    .where((docs.c.document_id == r.document_id) & (docs.c.status == "kept"))
                    .values(content=None, status="destroyed", closed_at=now)
                ).rowcount
                if not n:  # another purge got there first
                    continue
                con.execute(
                    insert(purge_log).values(
                        purge_id=uuid.uuid4().hex,
                        ran_at=ran_at,
                        as_of=now,
                        document_id=r.document_id,
                        application_id=r.application_id,
                        firm_id=r.firm_id,
                        deadline=end,
                        reason="deadline",
                    )
                )
                destroyed += 1
        return destroyed

    def purge_log(self, firm_id: str | None = None) -> list[dict]:
        """What the purge destroyed (the firm's only, when given), oldest first."""
        q = select(purge_log)
        if firm_id is not None:
            q = q.where(purge_log.c.firm_id == str(firm_id))
        with self.engine.connect() as con:
            return [dict(r) for r in con.execute(q.order_by(purge_log.c.ran_at, purge_log.c.purge_id)).mappings()]


# ---------------------------------------------------------------------- command line
def _as_of(text: str) -> datetime:
    try:
        return datetime.combine(date.fromisoformat(text), time.min)
    except ValueError:
        raise UserError(f"날짜는 YYYY-MM-DD 형식이어야 합니다: {text}", f"bad date: {text}") from None


def _main(argv: Sequence[str] | None = None) -> None:
    ap = KoArgumentParser(prog="python -m store.documents", description="채용서류 보관 기한 관리 (documents)")
    ap.add_argument("--store-url", default=None, help="운영 저장소 URL (기본: 설정된 저장소)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("purge", help="보관 기한이 지난 채용서류 파기 (destroy documents past their deadline)")
    p.add_argument("--as-of", default=None, help="이 날짜 기준으로 파기 (YYYY-MM-DD, 기본: 오늘)")
    args = ap.parse_args(argv)
    now = _as_of(args.as_of) if args.as_of else None
    n = Documents(args.store_url).purge(now)
    print(f"보관 기한이 지난 채용서류 {n:,}건을 파기했습니다.")


def main(argv: Sequence[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
