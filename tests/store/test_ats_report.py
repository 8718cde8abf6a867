"""The statistics' reads: one firm's cards (with source and applied time) and moves, scoped on the server, merged
duplicates counted once — on SQLite and PostgreSQL."""

from __future__ import annotations

import pandas as pd
import pytest

from store.applications import ApplicationStore
from store.ats import Tracking
from store.ats_report import CARD_COLUMNS, MOVE_COLUMNS, AtsReport


@pytest.fixture()
def world(store_url):
    apps, track = ApplicationStore(store_url), Tracking(store_url)
    a = apps.apply(100, 5001, 77, "recommended", 80)
    b = apps.apply(101, 5002, 77, "search", 60)
    c = apps.apply(102, 6001, 88, "direct", 50)  # another firm's applicant
    track.sync("77")
    track.sync("88")
    track.withdraw(100, a)
    again = apps.apply(100, 5001, 77, "search", 80)  # the same person again: merged into the first card
    track.sync("77")
    track.move("77", b, "screened", "local:hr", 1)
    track.move("88", c, "interview", "local:other", 1)
    return AtsReport(store_url), a, b, c, again


def test_a_firm_reads_only_its_own_cards_and_moves(world):
    rep, a, b, c, again = world
    cards = rep.cards("77")
    assert list(cards.columns) == list(CARD_COLUMNS)
    assert sorted(cards["application_id"]) == sorted([a, b])  # not c (firm 88), not `again` (merged)
    by_id = cards.set_index("application_id")
    assert by_id.loc[a, "source"] == "recommended" and by_id.loc[b, "source"] == "search"
    assert by_id.loc[a, "stage"] == "applied" and by_id.loc[b, "stage"] == "screened"
    assert pd.api.types.is_datetime64_any_dtype(cards["applied_at"])
    assert pd.api.types.is_datetime64_any_dtype(cards["hired_at"])
    moves = rep.moves("77")
    assert list(moves.columns) == list(MOVE_COLUMNS)
    assert set(moves["application_id"]) == {a, b} and pd.api.types.is_datetime64_any_dtype(moves["moved_at"])
    assert moves[moves["application_id"] == a]["to_stage"].tolist() == ["applied", "withdrawn", "applied"]
    other = rep.cards("88")
    assert other["application_id"].tolist() == [c] and set(rep.moves("88")["application_id"]) == {c}
    assert rep.cards("99").empty and rep.moves("99").empty


def test_one_posting_and_the_firms_postings(world):
    rep, a, b, _c, _again = world
    assert rep.cards("77", 5001)["application_id"].tolist() == [a]
    assert set(rep.moves("77", "5002")["application_id"]) == {b}
    assert rep.cards("88", 5001).empty  # another firm's posting id gives nothing
    assert rep.posting_ids("77") == ["5001", "5002"] and rep.posting_ids("88") == ["6001"]


def test_no_recruiter_names_reasons_or_letters_are_read(world):
    rep, *_ = world
    cols = set(rep.cards("77").columns) | set(rep.moves("77").columns)
    assert not cols & {"actor", "reason", "cover_letter", "fit_score", "firm_id"}
