"""Lawful notices: templates checked in Korean, messages e-mailed through a real SMTP server on 127.0.0.1 (aiosmtpd)
and recorded in the history either way, the applicant's own history, and no closing before every result is told."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from data_catalog.errors import UserError
from store.applications import ApplicationStore, ApplyRefused
from store.ats import Tracking
from store.interviews import Interviews
from store.notices import DOCUMENTS_RETURN, Notices
from tests.smtp_inbox import Inbox, smtp_server


@pytest.fixture()
def smtp(monkeypatch):
    inbox = Inbox(refuse="nobody@example.com")
    with smtp_server(inbox) as env:
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        monkeypatch.setenv("GOYONG_SMTP_FROM", "recruit@firm.example")
        yield inbox


@pytest.fixture()
def setup(store_url):
    apps = ApplicationStore(store_url)
    a = apps.apply(100, 5001, 77, "recommended", 80)
    b = apps.apply(101, 5001, 77, "search", None)
    Tracking(store_url).sync("77")
    return Notices(store_url), Tracking(store_url), a, b


def test_a_stage_notice_is_emailed_and_kept_in_both_histories(setup, smtp, store_url):
    notices, _, a, _ = setup
    notices.set_email(100, "jiwon@example.com")
    values = {"공고": "물류 사무원", "회사": "가나물류"}
    assert notices.notify("77", a, "interview", "local:hr", values) is None  # no time yet: scheduling sends it
    when = datetime.now().replace(microsecond=0) + timedelta(days=3)
    Interviews(store_url).schedule("77", a, when, 45, place="본사 3층")
    row = notices.notify("77", a, "interview", "local:hr", values)
    assert row["status"] == "sent" and row["recipient"] == "jiwon@example.com"
    [got] = smtp.received
    assert got["To"] == "jiwon@example.com" and got["Subject"] == "[가나물류] 물류 사무원 면접 안내"
    assert f"일시: {when:%Y-%m-%d %H:%M} (45분)" in got.get_content() and "장소: 본사 3층" in got.get_content()
    assert [m["subject"] for m in notices.history("77", a)] == [got["Subject"]]
    mine = notices.for_seeker(100)
    assert [m["kind"] for m in mine] == ["schedule"] and "error" not in mine[0]
    assert notices.for_seeker(101) == [] and notices.history("78", a) == []  # another seeker, another firm
    receipt = notices.notify("77", a, "applied", "local:hr", values)
    assert f"{datetime.now():%Y-%m-%d}에 보내 주신" in receipt["body"] and "30일" in receipt["body"]


def test_without_address_or_server_the_notice_is_still_recorded(setup, smtp, monkeypatch):
    notices, _, a, b = setup
    assert notices.notify("77", b, "screened", "local:hr")["status"] == "no_address"
    notices.set_email(100, "nobody@example.com")  # the server refuses this recipient
    failed = notices.notify("77", a, "screened", "local:hr")
    assert failed["status"] == "failed" and "거절" in failed["error"]
    monkeypatch.delenv("GOYONG_SMTP_HOST")
    assert notices.notify("77", a, "offer", "local:hr")["status"] == "no_server"
    assert smtp.received == [] and len(notices.history("77", a)) == 2


def test_templates_are_editable_checked_and_can_be_switched_off(setup, smtp):
    notices, _, a, _ = setup
    notices.set_email(100, "jiwon@example.com")
    with pytest.raises(UserError) as err:
        notices.save_template("77", "rejected", "", "결과: {점수} {", True, "local:hr")
    assert "제목은" in err.value.ko and "중괄호" in err.value.ko
    with pytest.raises(UserError, match="{점수}"):
        notices.save_template("77", "rejected", "결과", "결과: {점수}", True, "local:hr")
    notices.save_template("77", "rejected", "[{회사}] 결과", "이번에는 모시지 못합니다. {사유}", True, "local:hr")
    row = notices.notify("77", a, "rejected", "local:hr", {"회사": "가나물류", "사유": "경력 요건 미달"})
    assert row["body"] == "이번에는 모시지 못합니다. 경력 요건 미달" and row["kind"] == "result"
    assert notices.template("78", "rejected").own is False  # another firm keeps the default
    notices.save_template("77", "screened", "s", "b", False, "local:hr")
    assert notices.notify("77", a, "screened", "local:hr") is None
    notices.reset_template("77", "screened")
    assert notices.template("77", "screened").enabled and len(smtp.received) == 1


def test_email_address_is_validated(setup):
    notices, *_ = setup
    with pytest.raises(UserError, match="이메일 주소 형식"):
        notices.set_email(100, "not an address")
    notices.set_email(100, " a@b.co ")
    assert notices.email_of(100) == "a@b.co"
    notices.set_email(100, "")
    assert notices.email_of(100) is None


def test_a_posting_closes_only_after_every_result_is_told(setup, smtp):
    notices, track, a, b = setup
    notices.set_email(100, "jiwon@example.com")
    with pytest.raises(UserError, match="2명"):
        notices.close_posting("77", "5001", "local:hr")
    track.move("77", a, "rejected", "local:hr", 1)
    notices.notify("77", a, "rejected", "local:hr")
    track.move("77", b, "offer", "local:hr", 1)
    assert [c["application_id"] for c in notices.untold("77", "5001")] == [b]  # moved but not told
    notices.notify("77", b, "offer", "local:hr")  # no address: posted in the app, which the law accepts (제7조②)
    track.move("77", b, "hired", "local:hr", 2)
    assert notices.untold("77", "5001") == []
    notices.close_posting("77", "5001", "local:hr")
    assert notices.closed_at("77", "5001") is not None
    with pytest.raises(UserError, match="마감한 공고"):
        track.move("77", b, "on_hold", "local:hr", 3)
    with pytest.raises(UserError, match="이미 마감"):
        notices.close_posting("77", "5001", "local:hr")


def test_a_withdrawn_applicant_needs_no_result_and_others_cannot_be_messaged(setup):
    notices, track, a, b = setup
    track.withdraw(100, a)
    assert [c["application_id"] for c in notices.untold("77", "5001")] == [b]
    with pytest.raises(UserError, match="찾지 못했습니다"):
        notices.send("78", b, "message", "안내", "본문", "local:other")
    with pytest.raises(UserError, match="알 수 없는 안내"):
        notices.send("77", b, "spam", "안내", "본문", "local:hr")
    assert notices.notify("77", b, DOCUMENTS_RETURN, "local:hr", {"반환일": "2026-12-20"})["kind"] == "documents"


def test_a_template_may_only_name_placeholders_and_results_cannot_be_switched_off(setup):
    notices, _, a, _ = setup
    for bad in ("{공고:d}", "{공고!r}", "{공고:>100000000}"):
        with pytest.raises(UserError, match="이름}만"):
            notices.save_template("77", "screened", "안내", bad, True, "local:hr")
    with pytest.raises(UserError, match="끌 수 없습니다"):
        notices.save_template("77", "rejected", "결과", "결과입니다", False, "local:hr")
    row = notices.notify("77", a, "screened", "local:hr", {"공고": "A{B}\nC", "회사": "가\r\n나"})
    assert row["subject"] == "[가 나] A{B} C 서류 검토 진행 안내"  # values stay literal; the subject is one line
    long = notices.send("77", a, "message", "긴 제목 " * 60, "본문 {괄호} 그대로", "local:hr")
    assert len(long["subject"]) == 200 and long["body"] == "본문 {괄호} 그대로"  # a message is not a template


def test_a_subject_with_a_newline_is_mailed_as_one_line(setup, smtp):
    notices, _, a, _ = setup
    notices.set_email(100, "jiwon@example.com")
    row = notices.notify("77", a, "screened", "local:hr", {"공고": "물류\nBcc: x@evil.example", "회사": "가나"})
    assert row["status"] == "sent" and "Bcc" not in smtp.received[0]


def test_closing_is_for_the_firms_own_posting_and_results_can_be_sent_again(setup, store_url):
    notices, track, a, b = setup
    with pytest.raises(UserError, match="지원자가 없어"):
        notices.close_posting("78", "5001", "local:other")  # another firm cannot close (and block) it
    track.move("77", a, "rejected", "local:hr", 1)
    track.move("77", b, "offer", "local:hr", 1)  # both moved without a notice (the toggle was off)
    assert len(notices.untold("77", "5001")) == 2
    sent = notices.resend_results("77", "5001", "local:hr", {"공고": "물류", "회사": "가나"})
    assert {m["kind"] for m in sent} == {"result"} and notices.untold("77", "5001") == []
    notices.close_posting("77", "5001", "local:hr")
    assert notices.closed_at("78", "5001") is None and notices.closed_at("77", "5001") is not None
    with pytest.raises(ApplyRefused, match="마감"):
        ApplicationStore(store_url).apply(300, 5001, 77, "search", None)


def test_only_the_applicant_withdraws_and_a_card_moved_back_is_undecided(setup):
    _, track, a, _ = setup
    with pytest.raises(UserError, match="지원자만"):
        track.move("77", a, "withdrawn", "local:hr", 1)
    v = track.move("77", a, "rejected", "local:hr", 1)
    with pytest.raises(UserError, match="이미 '불합격'"):
        track.move("77", a, "rejected", "local:hr", v)
    v = track.move("77", a, "hired", "local:hr", v)
    v = track.move("77", a, "interview", "local:hr", v)  # reopened
    card = next(c for c in track.board("77", "5001") if c["application_id"] == a)
    assert card["decided_at"] is None and card["hired_at"] is None
