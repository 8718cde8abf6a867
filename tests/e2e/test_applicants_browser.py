"""An employer takes one applicant from 접수 to 입사 in Chromium: a stage move, an interview scheduled, the notices
e-mailed through a real SMTP server on 127.0.0.1, the posting closed; the applicant then reads the notices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, select

import config
from analytics import postings
from components import nav
from devtools.browser import demo_user
from store.applications import ApplicationStore
from store.ats import Tracking
from store.notices import Notices
from store.schema import accounts
from tests.e2e.browser import (
    REQUIRES_CHROMIUM,
    assert_no_exception,
    browser_page,
    dismiss_page_not_found,
    goto_signed_in,
    serve_app,
    wait_idle,
)
from tests.smtp_inbox import Inbox, smtp_server

pytestmark = REQUIRES_CHROMIUM


@pytest.fixture(scope="module")
def served(small_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Inbox]]:
    inbox = Inbox()
    work = tmp_path_factory.mktemp("ats_browser")
    with smtp_server(inbox) as env, serve_app(small_data_dir, work, env=env) as url:
        yield url, f"sqlite:///{(work / 'operational.sqlite').resolve()}", inbox


def _org(store_url: str, role: str) -> str:
    with create_engine(store_url).connect() as con:
        return con.execute(select(accounts.c.org_id).where(accounts.c.username == demo_user(role))).scalar()


def _move(page, stage: str, said: str) -> None:
    """The board's move control. A pick reruns the page, and while it runs the old control is still there (two
    comboboxes), so wait for the run to end before checking the pick and pressing 옮기기."""
    wait_idle(page)
    box = page.get_by_role("combobox", name="옮길 단계", exact=True).first
    if box.input_value() != stage:  # the next stage is offered first
        box.click()
        page.get_by_role("option", name=stage, exact=True).click()
        wait_idle(page)
    expect(page.get_by_role("combobox", name="옮길 단계", exact=True).first).to_have_value(stage)
    page.get_by_role("button", name="옮기기").click()
    wait_idle(page)
    expect(page.get_by_text(said).first).to_be_visible(timeout=30_000)


def test_one_applicant_from_applied_to_hired_with_an_interview_and_the_notices(served, small_data_dir) -> None:
    url, store_url, inbox = served
    firm, seeker = _org(store_url, "employer"), _org(store_url, "seeker")
    con = duckdb.connect(str(config.warehouse_db(small_data_dir)), read_only=True)
    pid = int(postings.firm_postings(con, firm).posting_id.iat[0])
    con.close()
    app_id = ApplicationStore(store_url).apply(int(seeker), pid, int(firm), "recommended", 70)
    Notices(store_url).set_email(seeker, "jiwon@example.com")
    with browser_page() as (page, errors, _console):
        page.set_viewport_size({"width": 1400, "height": 1000})
        goto_signed_in(page, f"{url}/{nav.spec('applicants').url_path}", "employer")
        dismiss_page_not_found(page)
        wait_idle(page)
        expect(page.get_by_text("접수 · 1명")).to_be_visible(timeout=60_000)
        _move(page, "서류 검토", "'서류 검토' 단계로 옮겼습니다. 안내: 이메일 발송.")
        _move(page, "면접", "면접 일정을 잡으면 안내가 나갑니다.")
        page.get_by_test_id("stRadio").get_by_text("지원자별 기록·면접·서류", exact=True).click()
        wait_idle(page)
        page.get_by_label("장소").fill("본사 3층 회의실")
        page.get_by_role("button", name="면접 저장").click()
        wait_idle(page)
        expect(page.get_by_text("면접을 저장했습니다").first).to_be_visible(timeout=30_000)
        page.get_by_test_id("stRadio").get_by_text("단계별 보드", exact=True).click()
        wait_idle(page)
        _move(page, "최종 합격", "'최종 합격' 단계로 옮겼습니다. 안내: 이메일 발송.")
        _move(page, "입사", "'입사' 단계로 옮겼습니다.")
        page.get_by_test_id("stRadio").get_by_text("안내문·서류·마감", exact=True).click()
        wait_idle(page)
        page.get_by_role("button", name="채용 마감").click()
        wait_idle(page)
        expect(page.get_by_text("마감했습니다").first).to_be_visible(timeout=30_000)
        assert_no_exception(page, "after closing", errors)
    card = next(c for c in Tracking(store_url).board(firm, str(pid)) if c["application_id"] == app_id)
    assert card["stage"] == "hired" and card["hired_at"] is not None
    subjects = [m["Subject"] for m in inbox.received]
    assert len(subjects) == 3 and any("면접 안내" in s for s in subjects) and any("최종 합격" in s for s in subjects)
    assert all(m["To"] == "jiwon@example.com" for m in inbox.received)
    assert "본사 3층 회의실" in next(m for m in inbox.received if "면접" in m["Subject"]).get_content()
    with browser_page() as (page, errors, _console):
        page.set_viewport_size({"width": 1400, "height": 1000})
        goto_signed_in(page, f"{url}/{nav.spec('seeker_jobs').url_path}", "seeker")
        dismiss_page_not_found(page)
        wait_idle(page)
        expect(page.get_by_text("받은 안내")).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("stExpander").filter(has_text="최종 합격 안내")).to_be_visible()
        assert_no_exception(page, "the applicant's page", errors)
