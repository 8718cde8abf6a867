"""Saved postings and review decisions: durable, owner-scoped, and never overwritten by a concurrent reviewer."""

from __future__ import annotations

import threading

import pytest

from store import db
from store.postings import PostingStore, ReviewConflict


def test_saved_postings_belong_to_their_owner_and_survive_a_new_connection(store_url):
    s = PostingStore(store_url)
    s.save_draft("local:employer_a", "17", "제목", "본문", {"wage": 2_600_000}, "template")
    s.save_draft("local:employer_b", "18", "다른 제목", "본문", {}, "template")
    db.dispose_all()  # a restart: a fresh engine on the same store
    again = PostingStore(store_url)
    mine = again.drafts("local:employer_a")
    assert [d["title"] for d in mine] == ["제목"] and '"wage": 2600000' in mine[0]["conditions_json"]


def test_a_decision_on_a_stale_version_is_refused_in_korean_and_nothing_is_overwritten(store_url):
    s = PostingStore(store_url)
    v1 = s.decide("wh:1", "rejected", "local:r1", "심사자1", 0, note="연령 제한", rules="age")
    with pytest.raises(ReviewConflict) as e:
        s.decide("wh:1", "accepted", "local:r2", "심사자2", 0, note="문제 없음")  # saw no decision
    assert "심사자1" in str(e.value) and "저장하지 않았습니다" in str(e.value)
    cur = s.reviews(["wh:1"])["wh:1"]
    assert cur["decision"] == "rejected" and cur["note"] == "연령 제한" and cur["version"] == v1 == 1
    v2 = s.decide("wh:1", "corrected", "local:r2", "심사자2", v1, corrected_text="수정본")
    hist = s.history("wh:1")
    assert v2 == 2 and [h["decision"] for h in hist] == ["rejected", "corrected"]
    assert [h["reviewer_label"] for h in hist] == ["심사자1", "심사자2"] and hist[1]["corrected_text"] == "수정본"


def test_concurrent_first_decisions_keep_exactly_one(store_url):
    s = PostingStore(store_url)
    results: list[str] = []

    def decide(i: int) -> None:
        try:
            s.decide("wh:9", "accepted", f"local:r{i}", f"심사자{i}", 0)
            results.append("ok")
        except ReviewConflict:
            results.append("conflict")

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["conflict"] * 3 + ["ok"] and len(s.history("wh:9")) == 1
