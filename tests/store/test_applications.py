"""Saved jobs and applications: scoped by who asks, one live application per posting, read by the next training."""

from __future__ import annotations

import pytest

from store.applications import AlreadyApplied, ApplicationStore


def test_save_apply_and_scope(store_url):
    s = ApplicationStore(store_url)
    assert s.toggle_saved(1, 10) is True and s.saved(1) == [10] and s.saved(2) == []
    assert s.toggle_saved(1, 10) is False and s.saved(1) == []
    app_id = s.apply(1, 10, 77, "recommended", 88)
    with pytest.raises(AlreadyApplied, match="이미 지원한"):
        s.apply(1, 10, 77, "recommended", 88)
    s.apply(2, 11, 78, "recommended", 50)
    assert [a["posting_id"] for a in s.for_firm(77)] == ["10"] and s.for_firm(99) == []
    assert [a["seeker_id"] for a in s.for_seeker(1)] == ["1"]
    assert {(a["seeker_id"], a["posting_id"]) for a in s.all_applications()} == {("1", "10"), ("2", "11")}
    assert s.withdraw(2, app_id) is False  # another seeker cannot withdraw it
    assert s.withdraw(1, app_id) is True and s.for_firm(77) == []
