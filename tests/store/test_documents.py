"""채용서류: kept with a deadline the employer sets within 14–180 days (시행령 제4조), returned on request after the
decision to applicants not hired (법 제11조①, answered within 14 days: 시행령 제2조①), destroyed by the purge the day
after the deadline with a log row each (법 제11조④). A fixed clock stands for "now"."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

import config
from data_catalog.errors import UserError
from store import db
from store.applications import ApplicationStore
from store.ats import Tracking
from store.documents import DEFAULT_RETURN_DAYS, MAX_BYTES, Documents, main, retention_deadline
from store.schema import ats_cards, ats_documents

NOW = datetime(2026, 12, 1, 9, 0)
DECIDED = datetime(2026, 12, 5, 15, 30)
PDF = b"%PDF-1.7\n1 0 obj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def _decide(url: str, application_id: str, stage: str, at: datetime = DECIDED) -> None:
    """Move the card to a result stage, with the decision stamped at `at` (the fake clock)."""
    t = Tracking(url)
    card = next(c for c in t.board("77", "5001") if c["application_id"] == application_id)
    t.move("77", application_id, stage, "local:kim", card["version"])
    with db.engine(url).begin() as con:
        con.execute(update(ats_cards).where(ats_cards.c.application_id == application_id).values(decided_at=at))


@pytest.fixture()
def setup(store_url):
    apps = ApplicationStore(store_url)
    a = apps.apply(100, 5001, 77, "recommended", 80)
    b = apps.apply(101, 5001, 77, "recommended", 60)
    Tracking(store_url).sync("77")
    return Documents(store_url), a, b


def test_kept_through_the_deadline_day_destroyed_the_day_after_and_logged_once(setup, store_url):
    docs, a, b = setup
    docs.set_policy("77", "5001", 14, "local:kim", now=NOW)
    assert docs.policy("77", "5001") == 14
    d1 = docs.upload(100, a, "이력서.pdf", "resume", PDF, now=NOW)
    d2 = docs.upload(100, a, "사진.png", "other", PNG, now=NOW)
    keep = docs.upload(101, b, "이력서.pdf", "resume", PDF, now=NOW)  # b stays undecided: never purged
    assert docs.for_application("77", a)[0]["deadline"] is None  # undecided: no deadline yet
    _decide(store_url, a, "rejected")
    end = datetime(2026, 12, 19, 23, 59, 59)
    assert retention_deadline(DECIDED, 14) == end
    assert {r["deadline"] for r in docs.for_application("77", a)} == {end}
    assert docs.for_seeker(100)[0]["deadline"] == end
    assert docs.purge(now=datetime(2026, 12, 19, 23, 59)) == 0  # the deadline day itself: kept
    assert docs.content("77", d1) == PDF
    as_of = datetime(2026, 12, 20, 0, 5)
    assert docs.purge(now=as_of) == 2
    assert docs.purge(now=as_of) == 0 and docs.purge(now=as_of + timedelta(days=400)) == 0  # idempotent
    rows = {r["document_id"]: r for r in docs.for_application("77", a)}
    assert {r["status"] for r in rows.values()} == {"destroyed"} and rows[d1]["closed_at"] == as_of
    assert docs.content("77", d1) is None and docs.content("77", d2) is None
    with db.engine(store_url).connect() as con:
        blobs = con.execute(select(ats_documents.c.content).where(ats_documents.c.application_id == a)).all()
    assert blobs == [(None,), (None,)]  # the bytes are gone, not only hidden
    log = docs.purge_log("77")
    assert sorted(r["document_id"] for r in log) == sorted([d1, d2])
    assert all(r["as_of"] == as_of and r["deadline"] == end and r["reason"] == "deadline" for r in log)
    assert docs.purge_log("88") == []
    assert docs.content("77", keep) == PDF


def test_the_default_period_and_the_hired_applicant(setup, store_url):
    docs, a, b = setup
    assert docs.policy("77", "5001") == DEFAULT_RETURN_DAYS
    docs.upload(100, a, "a.pdf", "resume", PDF, now=NOW)
    docs.upload(101, b, "b.pdf", "resume", PDF, now=NOW)
    _decide(store_url, a, "rejected")
    _decide(store_url, b, "hired")
    assert docs.for_application("77", a)[0]["deadline"].date() == date(2027, 1, 4)  # 30 days after 12-05
    assert docs.for_application("77", b)[0]["deadline"] is None  # hired: the documents are the employee's file
    assert docs.purge(now=datetime(2027, 1, 4, 12)) == 0
    assert docs.purge(now=datetime(2027, 1, 5)) == 1
    assert [r["status"] for r in docs.for_application("77", b)] == ["kept"]


def test_the_period_is_14_to_180_days_for_the_firms_own_posting(setup, store_url):
    docs, a, _ = setup
    for days in (13, 181):
        with pytest.raises(UserError, match="14~180일"):
            docs.set_policy("77", "5001", days, "local:kim")
    with pytest.raises(UserError, match="우리 회사 공고"):
        docs.set_policy("88", "5001", 60, "local:lee")
    with pytest.raises(UserError, match="우리 회사 공고"):
        docs.set_policy("77", "9999", 60, "local:kim")
    docs.set_policy("77", "5001", 60, "local:kim")
    assert docs.policy("77", "5001") == 60 and docs.policy("88", "5001") == DEFAULT_RETURN_DAYS
    _decide(store_url, a, "rejected")
    with pytest.raises(UserError, match="줄일 수 없습니다"):
        docs.set_policy("77", "5001", 30, "local:kim")
    docs.set_policy("77", "5001", 90, "local:kim")  # longer is still within what applicants were told
    assert docs.policy("77", "5001") == 90


@pytest.mark.parametrize(
    ("name", "kind", "content", "message"),
    [
        ("a.pdf", "resume", b"", "빈 파일"),
        ("a.pdf", "resume", b"%PDF" + b"0" * MAX_BYTES, "5MB 이하"),
        ("a.exe", "resume", b"MZ..", "파일 형식은"),
        ("a.pdf", "resume", PNG, r"\.pdf 형식이 아닙니다"),
        ("a.hwp", "resume", PDF, r"\.hwp 형식이 아닙니다"),
        ("a.docx", "resume", PDF, r"\.docx 형식이 아닙니다"),
        ("a.jpg", "resume", PNG, r"\.jpg 형식이 아닙니다"),
        ("a.txt", "cover", "자기소개".encode("euc-kr"), r"\.txt 형식이 아닙니다"),
        ("가" * 197 + ".pdf", "resume", PDF, "200자 이내"),
        ("a.pdf", "diploma", PDF, "서류 종류는"),
        ("   ", "resume", PDF, "파일 이름이 비어"),
    ],
)
def test_a_bad_file_is_a_korean_error_and_nothing_is_kept(setup, name, kind, content, message):
    docs, a, _ = setup
    with pytest.raises(UserError, match=message):
        docs.upload(100, a, name, kind, content, now=NOW)
    assert docs.for_seeker(100) == []


def test_every_problem_is_listed_at_once_and_a_good_file_keeps_its_fingerprint(setup):
    docs, a, _ = setup
    with pytest.raises(UserError) as err:
        docs.upload(100, a, "x.exe", "diploma", b"", now=NOW)
    assert all(m in err.value.ko for m in ("서류 종류는", "빈 파일", "파일 형식은"))
    files = {
        "C:\\Users\\me\\이력서.hwp": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest",
        "../../etc/자기소개서.TXT": "안녕하세요".encode(),
        "포트폴리오.hwpx": b"PK\x03\x04rest",
        "증명서.jpeg": b"\xff\xd8\xff\xe0rest",
    }
    for i, (name, content) in enumerate(files.items()):
        docs.upload(100, a, name, "other", content, now=NOW + timedelta(minutes=i))
    mine = docs.for_seeker(100)
    assert [r["filename"] for r in mine] == ["이력서.hwp", "자기소개서.TXT", "포트폴리오.hwpx", "증명서.jpeg"]
    assert mine[1]["size_bytes"] == len("안녕하세요".encode()) and len(mine[1]["sha256"]) == 64
    assert "content" not in mine[0] and "content" not in docs.for_application("77", a)[0]


def test_uploads_only_to_the_seekers_own_live_undecided_application(setup, store_url):
    docs, a, b = setup
    with pytest.raises(UserError, match="내 지원서에만"):
        docs.upload(101, a, "a.pdf", "resume", PDF, now=NOW)
    for i in range(10):
        docs.upload(100, a, f"{i}.pdf", "resume", PDF, now=NOW)
    with pytest.raises(UserError, match="10개까지"):
        docs.upload(100, a, "11.pdf", "resume", PDF, now=NOW)
    _decide(store_url, a, "rejected")
    docs.purge(now=DECIDED + timedelta(days=60))
    with pytest.raises(UserError, match="이미 반환했거나 파기했습니다"):
        docs.upload(100, a, "late.pdf", "resume", PDF, now=NOW)
    Tracking(store_url).withdraw(101, b)
    with pytest.raises(UserError, match="지원을 취소한"):
        docs.upload(101, b, "b.pdf", "resume", PDF, now=NOW)


def test_another_firm_or_seeker_reads_and_answers_nothing(setup, store_url):
    docs, a, _ = setup
    d = docs.upload(100, a, "a.pdf", "resume", PDF, now=NOW)
    _decide(store_url, a, "rejected")
    assert docs.for_application("88", a) == [] and docs.content("88", d) is None
    assert docs.for_seeker(101) == []
    with pytest.raises(UserError, match="채용 여부가 확정된 뒤에"):
        docs.request_return(101, a, now=DECIDED + timedelta(days=1))  # not their application
    rid = docs.request_return(100, a, now=DECIDED + timedelta(days=1))
    assert docs.requests_for_firm("88") == [] and docs.requests_for_seeker(101) == []
    with pytest.raises(UserError, match="우리 회사 지원자의 청구만"):
        docs.answer_return("88", rid, True, "local:lee")
    assert docs.content("77", d) == PDF


def test_return_request_rules_the_answer_and_its_due_date(setup, store_url):
    docs, a, b = setup
    d = docs.upload(100, a, "a.pdf", "resume", PDF, now=NOW)
    docs.upload(101, b, "b.pdf", "resume", PDF, now=NOW)
    with pytest.raises(UserError, match="채용 여부가 확정된 뒤에"):
        docs.request_return(100, a, now=NOW)
    _decide(store_url, a, "rejected")
    _decide(store_url, b, "hired")
    with pytest.raises(UserError, match="채용이 확정된 지원자는"):
        docs.request_return(101, b, now=DECIDED + timedelta(days=1))
    with pytest.raises(UserError, match="반환 청구기간이 2027-01-04에 끝났습니다"):
        docs.request_return(100, a, now=datetime(2027, 1, 5, 9))
    asked = datetime(2026, 12, 10, 11)
    rid = docs.request_return(100, a, "  서울시 중구 세종대로 1  ", now=asked)
    with pytest.raises(UserError, match="이미 반환을 청구했습니다"):
        docs.request_return(100, a, now=asked)
    (req,) = docs.requests_for_firm("77")
    assert req["due"] == date(2026, 12, 24) and req["address"] == "서울시 중구 세종대로 1"
    assert docs.requests_for_firm("77", application_id=b) == []
    assert docs.purge(now=datetime(2027, 3, 1)) == 0  # an open request holds the documents past the deadline
    with pytest.raises(UserError, match="이유를 적어 주세요"):
        docs.answer_return("77", rid, False, "local:kim")
    assert docs.answer_return("77", rid, True, "local:kim", now=asked + timedelta(days=3)) == 1
    with pytest.raises(UserError, match="이미 답한"):
        docs.answer_return("77", rid, False, "local:kim", "홈페이지로 제출")
    (row,) = docs.for_application("77", a)
    assert row["status"] == "returned" and docs.content("77", d) is None
    assert docs.requests_for_firm("77") == []
    (mine,) = docs.requests_for_seeker(100)
    assert mine["status"] == "returned" and mine["answered_by"] == "local:kim"
    with pytest.raises(UserError, match="돌려받을 서류가 없습니다"):
        docs.request_return(100, a, now=asked + timedelta(days=4))


def test_a_refusal_keeps_the_documents_until_the_purge(setup, store_url):
    docs, a, _ = setup
    docs.upload(100, a, "a.pdf", "resume", PDF, now=NOW)
    _decide(store_url, a, "rejected")
    rid = docs.request_return(100, a, now=DECIDED + timedelta(days=2))
    assert docs.answer_return("77", rid, False, "local:kim", "홈페이지로 제출된 서류입니다(법 제11조① 단서)") == 0
    assert docs.requests_for_seeker(100)[0]["answer_note"].startswith("홈페이지로")
    assert docs.for_application("77", a)[0]["status"] == "kept"
    assert docs.purge(now=datetime(2027, 1, 5)) == 1


def test_a_merged_second_application_is_read_through_its_card(setup, store_url):
    docs, a, _ = setup
    apps = ApplicationStore(store_url)
    t = Tracking(store_url)
    t.withdraw(100, a)
    again = apps.apply(100, 5001, 77, "direct", None)
    t.sync("77")
    assert t.card_id(again) == a
    docs.upload(100, again, "again.pdf", "resume", PDF, now=NOW)
    assert [r["filename"] for r in docs.for_application("77", a)] == ["again.pdf"]
    _decide(store_url, a, "rejected")
    rid = docs.request_return(100, again, now=DECIDED + timedelta(days=1))
    assert [r["request_id"] for r in docs.requests_for_firm("77", application_id=a)] == [rid]
    assert docs.answer_return("77", rid, True, "local:kim") == 1


def test_ids_and_dates_of_documents_carry_no_outcome(store_url):
    """ats_documents, ats_doc_requests: a document is made by the applicant before any decision (uploads after it are
    refused) and its id is random (uuid4), so neither its id, its order nor its upload date says who was hired; the
    decision changes no document row. A return request exists only after a decision and only for applicants not
    hired — the law's own rule, so its existence is an outcome and nothing may read it as a feature."""
    apps = ApplicationStore(store_url)
    ids = [apps.apply(300 + i, 5001, 77, "direct", None) for i in range(40)]
    Tracking(store_url).sync("77")
    docs = Documents(store_url)
    made = [docs.upload(300 + i, a, "cv.pdf", "resume", PDF, now=NOW) for i, a in enumerate(ids)]
    before = {r["document_id"]: r for a in ids for r in docs.for_application("77", a)}
    hired = set(ids[::2])
    for a in ids:
        _decide(store_url, a, "hired" if a in hired else "rejected")
    after = {r["document_id"]: r for a in ids for r in docs.for_application("77", a)}
    strip = ("deadline",)
    assert {k: {c: v for c, v in r.items() if c not in strip} for k, r in before.items()} == {
        k: {c: v for c, v in r.items() if c not in strip} for k, r in after.items()
    }
    assert all(len(d) == 32 and int(d, 16) >= 0 for d in made)
    by_doc = {r["document_id"]: r["application_id"] for r in after.values()}
    first_half = {by_doc[d] for d in sorted(made)[:20]}
    assert 4 <= len(first_half & hired) <= 16
    with pytest.raises(UserError, match="확정된 뒤에는"):
        docs.upload(300, ids[0], "late.pdf", "resume", PDF, now=NOW)


def test_the_command_line_purges_and_a_bad_date_is_a_korean_message(setup, store_url, capsys):
    docs, a, _ = setup
    docs.upload(100, a, "a.pdf", "resume", PDF, now=NOW)
    _decide(store_url, a, "rejected")
    main(["--store-url", store_url, "purge", "--as-of", "2027-01-04"])
    assert "0건을 파기했습니다" in capsys.readouterr().out
    main(["--store-url", store_url, "purge", "--as-of", "2027-01-05"])
    assert "1건을 파기했습니다" in capsys.readouterr().out
    assert docs.purge_log("77")[0]["as_of"] == datetime(2027, 1, 5)
    with pytest.raises(SystemExit) as ex:
        main(["--store-url", store_url, "purge", "--as-of", "2027-02-30"])
    assert ex.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_the_module_runs_as_a_command_without_a_traceback():
    out = subprocess.run(
        [sys.executable, "-m", "store.documents", "purge", "--as-of", "내일"],
        cwd=config.PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2 and "오류: 날짜는 YYYY-MM-DD" in out.stderr and "Traceback" not in out.stderr
