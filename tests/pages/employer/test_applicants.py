"""Employer's applicant tracking page: the board by stage, a move recorded in the history, bulk moves."""

from __future__ import annotations

import duckdb

import config
from analytics import postings
from store.applications import ApplicationStore
from store.ats import Tracking
from tests.pages.apptest import assert_renders, identity_for


def _apply_two() -> tuple[str, list[str]]:
    firm = identity_for("employer").org
    con = duckdb.connect(str(config.warehouse_db()), read_only=True)
    pid = str(postings.firm_postings(con, firm).posting_id.iat[0])
    con.close()
    apps = ApplicationStore(config.store_url())
    return firm, [apps.apply(900_001 + i, int(pid), int(firm), "recommended", 70) for i in range(2)]


def test_board_move_and_history(app_env):
    firm, ids = _apply_two()
    at = assert_renders("applicants", "지원자 관리")
    assert any("접수** · 2명" in m.value for m in at.markdown)
    assert not any("900001" in m.value for m in at.markdown)  # pseudonyms only, never a seeker id
    first = ids[0]
    at.selectbox(key=f"ap_to_{first}").select("screened").run()
    at.button(key=f"ap_go_{first}").click().run()
    assert not at.exception and any("서류 검토** · 1명" in m.value for m in at.markdown)
    hist = Tracking(config.store_url()).history(firm, first)
    assert [h["to_stage"] for h in hist] == ["applied", "screened"] and hist[1]["actor"] == "local:test_employer"


def test_a_stale_move_is_a_notice_and_changes_nothing(app_env):
    firm, ids = _apply_two()
    at = assert_renders("applicants", "지원자 관리")
    at.selectbox(key=f"ap_to_{ids[0]}").select("rejected").run()  # the board as this recruiter sees it: version 1
    Tracking(config.store_url()).move(firm, ids[0], "interview", "local:other", 1)  # another recruiter, meanwhile
    at.button(key=f"ap_go_{ids[0]}").click().run()
    assert any("다른 담당자가 먼저" in i.value for i in at.info)
    pid = _pid(firm, ids[0])
    card = next(c for c in Tracking(config.store_url()).board(firm, pid) if c["application_id"] == ids[0])
    assert card["stage"] == "interview"


def _pid(firm: str, application_id: str) -> str:
    apps = ApplicationStore(config.store_url()).for_firm(int(firm))
    return next(a["posting_id"] for a in apps if a["application_id"] == application_id)
