"""Applicant tracking, first layer: pipelines, cards, moves with their history, and two recruiters at once."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from data_catalog.errors import UserError
from store.applications import ApplicationStore
from store.ats import DEFAULT_PIPELINE, NotFound, StaleMove, Tracking


@pytest.fixture()
def world(store_url):
    apps = ApplicationStore(store_url)
    ids = [apps.apply(100 + i, 5001, 77, "recommended", 80) for i in range(3)]
    apps.apply(200, 6001, 88, "search", None)  # another firm's posting
    apps.withdraw(102, ids[2])
    t = Tracking(store_url)
    assert t.sync("77") == 3 and t.sync("77") == 0  # once per application
    return t, ids


def test_default_pipeline_and_cards_from_applications(world):
    t, ids = world
    assert [s.label for s in t.pipeline("5001")] == ["접수", "서류 검토", "면접", "최종 합격", "불합격", "입사", "보류",
                                                     "지원 취소"]  # fmt: skip
    assert [s.stage for s in t.pipeline("5001")][: len(DEFAULT_PIPELINE)] == list(DEFAULT_PIPELINE)
    board = {c["application_id"]: c for c in t.board("77", "5001")}
    assert set(board) == set(ids) and board[ids[2]]["stage"] == "withdrawn" and board[ids[0]]["stage"] == "applied"
    assert t.board("88", "5001") == []  # another firm sees none of them


def test_moves_are_recorded_and_hiring_stamps_the_date(world):
    t, ids = world
    v = t.move("77", ids[0], "screened", "local:kim", 1)
    v = t.move("77", ids[0], "interview", "local:kim", v, "서류 통과")
    v = t.move("77", ids[0], "hired", "local:lee", v)
    card = next(c for c in t.board("77", "5001") if c["application_id"] == ids[0])
    assert card["stage"] == "hired" and card["hired_at"] is not None and card["version"] == v == 4
    hist = t.history("77", ids[0])
    assert [(h["from_stage"], h["to_stage"]) for h in hist] == [
        (None, "applied"),
        ("applied", "screened"),
        ("screened", "interview"),
        ("interview", "hired"),
    ]
    assert hist[2]["reason"] == "서류 통과" and hist[3]["actor"] == "local:lee"


def test_two_recruiters_at_once_the_second_is_told_and_nothing_is_overwritten(world):
    t, ids = world
    t.move("77", ids[1], "interview", "local:kim", 1)  # both opened the board at version 1
    with pytest.raises(StaleMove, match="'면접' 단계로 옮겼습니다"):
        t.move("77", ids[1], "rejected", "local:lee", 1)
    card = next(c for c in t.board("77", "5001") if c["application_id"] == ids[1])
    assert card["stage"] == "interview" and [h["to_stage"] for h in t.history("77", ids[1])] == ["applied", "interview"]


def test_bulk_move_moves_each_and_reports_the_stale(world):
    t, ids = world
    t.move("77", ids[1], "on_hold", "local:kim", 1)
    moved, stale = t.bulk_move("77", [(ids[0], 1), (ids[1], 1)], "screened", "local:lee")
    assert moved == [ids[0]] and stale == [ids[1]]


def test_another_firm_cannot_read_or_move(world):
    t, ids = world
    with pytest.raises(NotFound):
        t.move("88", ids[0], "hired", "local:evil", 1)
    with pytest.raises(NotFound):
        t.history("88", ids[0])


def test_a_posting_keeps_its_own_stages_within_the_rules(world):
    t, ids = world
    own = [("applied", "접수", False), ("screened", "1차 서류", False), ("test", "과제 전형", False),
           ("hired", "입사", False), ("withdrawn", "지원 취소", True)]  # fmt: skip
    assert [s.label for s in t.set_pipeline("5001", own)] == ["접수", "1차 서류", "과제 전형", "입사", "지원 취소"]
    t.move("77", ids[0], "test", "local:kim", 1)
    with pytest.raises(UserError, match="지원자가 있는 단계는 뺄 수 없습니다"):
        t.set_pipeline("5001", [x for x in own if x[0] != "test"])
    with pytest.raises(UserError, match="'입사' 단계는 빼면 안 됩니다"):
        t.set_pipeline("5001", [x for x in own if x[0] != "hired"])
    with pytest.raises(UserError, match="이 공고에 없는 단계"):
        t.move("77", ids[0], "interview", "local:kim", 2)
    assert [s.label for s in t.pipeline("5001")][1] == "1차 서류"  # the refused lists changed nothing


def test_the_history_is_append_only(world, store_url):
    t, ids = world
    with t.engine.begin() as con, pytest.raises(Exception, match="append-only"):
        con.execute(text("UPDATE ats_moves SET actor = 'x'"))
    with t.engine.begin() as con, pytest.raises(Exception, match="append-only"):
        con.execute(text("DELETE FROM ats_moves"))
    assert len(t.history("77", ids[0])) == 1


def test_ids_carry_no_outcome(store_url):
    """ats_cards, ats_moves, ats_stages: ids are random (uuid4), so no id or its order says who was hired."""
    apps = ApplicationStore(store_url)
    ids = [apps.apply(300 + i, 7001, 99, "direct", None) for i in range(40)]
    t = Tracking(store_url)
    t.sync("99")
    hired = set(ids[::2])
    for a in hired:
        t.move("99", a, "hired", "local:kim", 1)
    assert all(len(a) == 16 and int(a, 16) >= 0 for a in ids)  # ApplicationStore: uuid4 hex[:16]
    first_half = set(sorted(ids)[:20])
    assert 4 <= len(first_half & hired) <= 16
    move_ids = [h["move_id"] for a in ids for h in t.history("99", a)]
    assert len(set(move_ids)) == len(move_ids) == 60


def test_the_applicant_sees_the_stage_and_withdrawing_moves_the_card(world):
    t, ids = world
    t.move("77", ids[0], "interview", "local:kim", 1)
    assert t.stages_for_seeker(100) == {ids[0]: "면접"} and t.stages_for_seeker(101) == {ids[1]: "접수"}
    assert not t.withdraw(101, ids[0])  # not theirs: nothing changes
    assert t.withdraw(100, ids[0])
    card = next(c for c in t.board("77", "5001") if c["application_id"] == ids[0])
    assert card["stage"] == "withdrawn" and t.history("77", ids[0])[-1]["actor"] == "seeker:100"
    assert t.stages_for_seeker(100) == {ids[0]: "지원 취소"}


def test_the_same_person_applying_again_is_merged_into_one_card(world, store_url):
    t, ids = world
    apps = ApplicationStore(store_url)
    again = apps.apply(102, 5001, 77, "direct", None)  # withdrew earlier (ids[2]), applies again by another channel
    assert t.sync("77") == 0  # no second card
    board = {c["application_id"]: c for c in t.board("77", "5001")}
    assert again not in board and board[ids[2]]["stage"] == "applied" and board[ids[2]]["decided_at"] is None
    assert t.card_id(again) == ids[2] and t.merged_counts("77", "5001") == {ids[2]: 1}
    assert [h["reason"] for h in t.history("77", ids[2])][-1].startswith("다시 지원")
    assert t.stages_for_seeker(102) == {ids[2]: "접수", again: "접수"}
    assert t.withdraw(102, again)  # withdrawing the merged application moves the one card
    assert next(c for c in t.board("77", "5001") if c["application_id"] == ids[2])["stage"] == "withdrawn"


def test_one_person_in_two_of_the_firms_pipelines_is_shown_only_to_that_firm(world, store_url):
    t, ids = world
    apps = ApplicationStore(store_url)
    apps.apply(100, 5002, 77, "search", None)  # the same person, the firm's other posting
    apps.apply(100, 6001, 88, "search", None)  # and another firm's posting
    t.sync("77")
    t.sync("88")
    assert t.other_pipelines("77", "5001") == {ids[0]: [("5002", "접수")]}
    assert t.other_pipelines("88", "6001") == {}  # firm 88 learns nothing of firm 77's applicants
