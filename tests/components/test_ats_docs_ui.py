"""채용서류 widgets: the posting's return period, the employer's documents table with logged downloads and the answer
to a return request (with its 14-day due date and the 반환 안내), and the applicant's upload and return request."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from auth.audit import AuditLog
from auth.identity import Identity
from components import ats_docs_ui
from store import db
from store.applications import ApplicationStore
from store.ats import Tracking
from store.documents import Documents
from store.notices import Notices
from store.schema import ats_cards

PDF = b"%PDF-1.7\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
KIM = Identity("kim", "employer", "김채용", "77", "local")


def _policy(url: str) -> None:
    from components.ats_docs_ui import documents_policy  # noqa: PLC0415 - AppTest runs this body as the script
    from store.documents import Documents  # noqa: PLC0415

    documents_policy("77", "5001", "local:kim", Documents(url))


def _employer(url: str, card: dict) -> None:
    from auth.audit import AuditLog  # noqa: PLC0415
    from auth.identity import Identity  # noqa: PLC0415
    from components.ats_docs_ui import employer_documents  # noqa: PLC0415
    from store.documents import Documents  # noqa: PLC0415
    from store.notices import Notices  # noqa: PLC0415

    who = Identity("kim", "employer", "김채용", "77", "local")
    values = {"공고": "물류 사무원", "회사": "가나물류"}
    employer_documents("77", card, who, Documents(url), AuditLog(url), Notices(url), values)


def _seeker(url: str, application: dict) -> None:
    from components.ats_docs_ui import seeker_documents  # noqa: PLC0415
    from store.documents import Documents  # noqa: PLC0415

    seeker_documents(100, application, Documents(url))


@pytest.fixture()
def world(tmp_path):
    url = f"sqlite:///{tmp_path / 'operational.sqlite'}"
    a = ApplicationStore(url).apply(100, 5001, 77, "recommended", 80)
    Tracking(url).sync("77")
    yield url, a
    db.dispose_all()


def _card(url: str, a: str) -> dict:
    return next(c for c in Tracking(url).board("77", "5001") if c["application_id"] == a)


def _reject(url: str, a: str) -> None:
    Tracking(url).move("77", a, "rejected", "local:kim", _card(url, a)["version"])
    with db.engine(url).begin() as con:
        con.execute(
            update(ats_cards).where(ats_cards.c.application_id == a).values(decided_at=datetime.now() - timedelta(1))
        )


def test_the_return_period_is_saved_with_the_decree_cited(world):
    url, _ = world
    at = AppTest.from_function(_policy, kwargs={"url": url}).run()
    assert not at.exception
    assert at.number_input[0].value == 30 and at.number_input[0].min == 14 and at.number_input[0].max == 180
    assert any("시행령 제4조" in c.value for c in at.caption)
    at.number_input[0].set_value(60)
    at.button[0].click().run()
    assert "60일로 저장" in at.success[0].value and Documents(url).policy("77", "5001") == 60


def test_the_employer_sees_the_documents_downloads_and_answers_a_request(world):
    url, a = world
    docs = Documents(url)
    docs.upload(100, a, "[x](evil.example).pdf", "resume", PDF)
    _reject(url, a)
    docs.request_return(100, a, "서울시 중구 세종대로 1")
    card = _card(url, a)
    at = AppTest.from_function(_employer, kwargs={"url": url, "card": card}).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == ["종류", "파일 이름", "크기(KB)", "올린 날짜", "상태", "보관 기한"]
    assert table.iloc[0]["종류"] == "이력서" and table.iloc[0]["상태"] == "보관 중"
    assert table.iloc[0]["파일 이름"] == "[x](evil.example).pdf"  # a table cell is plain text
    (dl,) = at.get("download_button")
    assert "\\[x\\]" in dl.proto.label  # the label is Markdown: the name is escaped
    due = (datetime.now() + timedelta(days=14)).strftime("%Y-%m-%d")
    assert due in at.warning[0].value and "시행령 제2조" in at.warning[0].value
    assert "세종대로 1" in at.warning[0].value
    at.radio[0].set_value("refused")
    at.button[0].click().run()
    assert "이유를 적어 주세요" in at.error[0].value
    at.radio[0].set_value("returned")
    at.button[0].click().run()
    assert "반환함으로 기록했습니다" in at.success[0].value
    assert docs.for_application("77", a)[0]["status"] == "returned"
    (sent,) = Notices(url).history("77", a)
    assert (
        sent["subject"] == "[가나물류] 물류 사무원 채용서류 반환 안내"
        and datetime.now().strftime("%Y-%m-%d") in sent["body"]
    )
    assert "특수취급우편" in sent["body"] or "직접 전달" in sent["body"]  # {반환방법} is filled


def test_a_download_is_written_to_the_audit_trail(world):
    url, a = world
    docs = Documents(url)
    d = docs.upload(100, a, "이력서.pdf", "resume", PDF)
    ats_docs_ui.log_download(AuditLog(url), KIM, _card(url, a), docs.for_application("77", a)[0])
    (entry,) = AuditLog(url).search().to_dict("records")
    assert entry["action"] == "view" and entry["record_type"] == "seeker" and entry["record_id"] == "100"
    assert d in entry["detail"] and "이력서.pdf" in entry["detail"] and entry["actor"] == "local:kim"


def test_the_applicant_uploads_and_asks_for_the_documents_back(world):
    url, a = world
    application = ApplicationStore(url).for_seeker(100)[0]
    at = AppTest.from_function(_seeker, kwargs={"url": url, "application": application}).run()
    assert not at.exception
    assert "확정 후 30일" in at.caption[0].value
    assert any("채용 여부가 확정된 뒤에" in c.value for c in at.caption)  # no request form before the decision
    at.file_uploader[0].upload("이력서.pdf", PNG, "application/pdf")
    at.button[0].click().run()
    assert ".pdf 형식이 아닙니다" in at.error[0].value
    at.file_uploader[0].upload("이력서.pdf", PDF, "application/pdf")
    at.button[0].click().run()
    assert "서류를 올렸습니다" in at.success[0].value
    (row,) = Documents(url).for_seeker(100)
    assert row["filename"] == "이력서.pdf"
    _reject(url, a)
    at = AppTest.from_function(_seeker, kwargs={"url": url, "application": application}).run()
    assert at.dataframe[0].value.iloc[0]["보관 기한"] != "채용 여부 확정 후 정해짐"
    at.text_input[0].input("부산시 해운대구 1")
    next(b for b in at.button if b.label == "채용서류 반환 청구").click().run()
    assert "반환을 청구했습니다" in at.success[0].value
    (req,) = Documents(url).requests_for_seeker(100)
    assert req["address"] == "부산시 해운대구 1" and req["status"] == "requested"


def test_the_app_purges_at_most_once_a_day(world, monkeypatch):
    import app_cache  # noqa: PLC0415 - imports the warehouse stack: only this test pays for it

    url, a = world
    monkeypatch.setenv("GOYONG_STORE_URL", url)
    app_cache._purge_on.clear()
    docs = Documents(url)
    docs.upload(100, a, "이력서.pdf", "resume", PDF)
    _reject(url, a)
    with db.engine(url).begin() as con:  # decided long ago: past any deadline
        con.execute(update(ats_cards).values(decided_at=datetime.now() - timedelta(days=400)))
    assert app_cache.daily_purge() == 1 and app_cache.daily_purge() == 1  # the second call of the day: cached
    assert docs.for_application("77", a)[0]["status"] == "destroyed" and len(docs.purge_log()) == 1
    app_cache._purge_on.clear()
