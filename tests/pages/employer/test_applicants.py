"""Employer's applicant tracking page: the board by stage, a move recorded in the history, bulk moves."""

from __future__ import annotations

import duckdb

import config
from analytics import postings
from models.matching.service import masked_code
from store.applications import ApplicationStore
from store.ats import Tracking
from store.interviews import Interviews
from store.notices import Notices
from tests.pages.apptest import assert_renders, identity_for, open_page


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
    at.selectbox(key="ap_who").select(first).run()
    at.selectbox(key="ap_to").select("screened").run()
    at.button(key="ap_go").click().run()
    assert not at.exception and any("서류 검토** · 1명" in m.value for m in at.markdown)
    hist = Tracking(config.store_url()).history(firm, first)
    assert [h["to_stage"] for h in hist] == ["applied", "screened"] and hist[1]["actor"] == "local:test_employer"


def test_a_stale_move_is_a_notice_and_changes_nothing(app_env):
    firm, ids = _apply_two()
    at = assert_renders("applicants", "지원자 관리")
    at.selectbox(key="ap_who").select(ids[0]).run()
    at.selectbox(key="ap_to").select("rejected").run()  # the board as this recruiter sees it: version 1
    Tracking(config.store_url()).move(firm, ids[0], "interview", "local:other", 1)  # another recruiter, meanwhile
    at.button(key="ap_go").click().run()
    assert any("다른 담당자가 먼저" in i.value for i in at.info)
    pid = _pid(firm, ids[0])
    card = next(c for c in Tracking(config.store_url()).board(firm, pid) if c["application_id"] == ids[0])
    assert card["stage"] == "interview"


def _pid(firm: str, application_id: str) -> str:
    apps = ApplicationStore(config.store_url()).for_firm(int(firm))
    return next(a["posting_id"] for a in apps if a["application_id"] == application_id)


def test_an_interview_scheduled_here_is_seen_by_the_applicant(app_env):
    firm, ids = _apply_two()
    at = assert_renders("applicants", "지원자 관리")
    key = ids[1]
    at.radio(key="ap_view").set_value("지원자별 기록·면접·서류").run()
    at.selectbox(key="ap_hist").select(key).run()
    expected = masked_code(int(_pid(firm, key)), 900_002)  # the second applicant, chosen by id
    assert any(m.value == f"**{expected} 면접 잡기**" for m in at.markdown)
    at.text_input(key=f"iv_url_{key}").input("http://not-secure.example")
    at.button[[b.label for b in at.button].index("면접 저장")].click().run()
    assert any("화상 면접 링크는" in e.value for e in at.error)  # a Korean error, nothing saved
    at.text_input(key=f"iv_place_{key}").input("본사 3층 회의실")
    at.text_input(key=f"iv_url_{key}").input("")
    at.button[[b.label for b in at.button].index("면접 저장")].click().run()
    assert any("면접을 저장했습니다" in s.value for s in at.success), [e.value for e in at.error]
    seeker = next(c for c in Tracking(config.store_url()).board(firm, _pid(firm, ids[0])) if c["application_id"] == key)
    upcoming = Interviews(config.store_url()).upcoming_for_seeker(seeker["seeker_id"])
    assert [u["place"] for u in upcoming] == ["본사 3층 회의실"]
    [iv] = Interviews(config.store_url()).for_application(firm, key)
    at.text_input(key=f"iv_place_re_{iv['interview_id']}").input("본사 5층")
    at.button[[b.label for b in at.button].index("변경 저장")].click().run()
    assert [u["place"] for u in Interviews(config.store_url()).upcoming_for_seeker(seeker["seeker_id"])] == ["본사 5층"]
    at.button(key=f"iv_cancel_{key}").click().run()
    assert Interviews(config.store_url()).upcoming_for_seeker(seeker["seeker_id"]) == []
    subjects = [m["subject"] for m in Notices(config.store_url()).history(firm, key)]
    assert len(subjects) == 3 and subjects[-1].endswith("면접 취소 안내")  # scheduled, rescheduled, cancelled


def test_a_move_sends_the_stage_notice_and_the_applicant_reads_it(app_env):
    firm, _ids = _apply_two()
    sid = int(identity_for("seeker").org)  # a registered seeker, so their jobs page opens
    pid = _pid(firm, _ids[0])
    mine = ApplicationStore(config.store_url()).apply(sid, int(pid), int(firm), "search", None)
    at = assert_renders("applicants", "지원자 관리")
    at.selectbox(key="ap_who").select(mine).run()
    at.selectbox(key="ap_to").select("rejected").run()
    at.button(key="ap_go").click().run()
    assert any("불합격" in i.value and "메일 서버 미설정" in i.value for i in at.info), [i.value for i in at.info]
    [msg] = Notices(config.store_url()).for_seeker(sid)
    assert msg["kind"] == "result" and msg["status"] == "no_server" and "채용 결과 안내" in msg["subject"]
    seeker = open_page("seeker_jobs", role="seeker")
    assert not seeker.exception and any("채용 결과 안내" in e.label for e in seeker.expander)


def test_a_bad_template_is_refused_in_korean_and_closing_waits_for_every_result(app_env):
    firm, ids = _apply_two()
    at = assert_renders("applicants", "지원자 관리")
    at.radio(key="ap_view").set_value("안내문·서류·마감").run()
    at.text_input(key="tpl_s_rejected").input("결과 {점수}")
    [b for b in at.button if b.label == "저장"][5].click().run()  # templates in order: 접수 … 불합격 is the sixth
    assert any("{점수}" in e.value for e in at.error), [e.value for e in at.error]
    assert at.button(key="ap_close").disabled and any("2명" in w.value for w in at.warning)
    track, notices = Tracking(config.store_url()), Notices(config.store_url())
    for a in ids:
        track.move(firm, a, "rejected", "local:hr", 1)
        notices.notify(firm, a, "rejected", "local:hr")
    at.run()
    assert not at.button(key="ap_close").disabled
    at.button(key="ap_close").click().run()
    assert notices.closed_at(firm, _pid(firm, ids[0])) is not None and any("마감" in w.value for w in at.warning)


def test_a_refused_message_keeps_what_was_typed_and_withdrawn_is_not_offered(app_env):
    firm, ids = _apply_two()
    at = assert_renders("applicants", "지원자 관리")
    assert "withdrawn" not in at.selectbox(key="ap_to").options and "지원 취소" not in at.selectbox(key="ap_to").options
    at.radio(key="ap_view").set_value("지원자별 기록·면접·서류").run()
    key = at.selectbox(key="ap_hist").value
    at.text_area(key=f"msg_b_{key}").input("서류 보완을 부탁드립니다. {첨부}")
    at.button[[b.label for b in at.button].index("안내 보내기")].click().run()
    assert any("제목은" in i.value for i in at.info) and at.text_area(key=f"msg_b_{key}").value.startswith("서류 보완")
    at.text_input(key=f"msg_s_{key}").input("서류 보완 요청")
    at.button[[b.label for b in at.button].index("안내 보내기")].click().run()
    assert any("안내를 보냈습니다" in i.value for i in at.info) and at.text_area(key=f"msg_b_{key}").value == ""
    [msg] = Notices(config.store_url()).history(firm, key)
    assert msg["body"] == "서류 보완을 부탁드립니다. {첨부}" and msg["kind"] == "message"


def test_filters_narrow_the_board_and_the_list(app_env):
    firm, ids = _apply_two()
    pid = _pid(firm, ids[0])
    other = ApplicationStore(config.store_url()).apply(900_003, int(pid), int(firm), "direct", None)
    at = assert_renders("applicants", "지원자 관리")
    assert any("접수** · 3명" in m.value for m in at.markdown)
    at.multiselect(key="ap_f_source").select("direct").run()
    assert any("접수** · 1명" in m.value for m in at.markdown) and at.selectbox(key="ap_who").options == [
        f"{masked_code(int(pid), 900_003)} · 접수"
    ]
    assert any("필터에 맞는 지원자 1명 (전체 3명)" in c.value for c in at.caption)
    at.radio(key="ap_view").set_value("목록과 일괄 이동").run()
    [table] = at.dataframe if at.dataframe else [None]  # the data editor is listed among the frames
    assert table is not None and list(table.value["지원 경로"]) == ["직접 지원"] and other
