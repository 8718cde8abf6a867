"""User answers survive a reload (a new connection) and are validated."""

import pytest

from data_catalog.app_state import AppState


def test_answers_persist_across_connections(tmp_path):
    db = tmp_path / "state.duckdb"
    s = AppState(db)
    tid = s.new_test("adaptive", 3)
    s.save_answers(tid, {"R001": 5, "I001": 0})
    s.save_answers(tid, {"R001": 4, "A001": 2})  # upsert keeps one row per item
    s.close()
    s2 = AppState(db)
    assert s2.test(tid)["form"] == "adaptive" and s2.test(tid)["max_job_zone"] == 3
    assert s2.answers(tid) == {"R001": 4, "I001": 0, "A001": 2}
    assert s2.remove_last(tid) == "A001" and list(s2.answers(tid)) == ["R001", "I001"]
    assert s2.test("nope") is None


def test_invalid_values_rejected(tmp_path):
    s = AppState(tmp_path / "s.duckdb")
    with pytest.raises(ValueError, match="형식"):
        s.new_test("short")
    tid = s.new_test("full")
    with pytest.raises(ValueError, match="0\\(건너뜀\\)~5"):
        s.save_answers(tid, {"R001": 9})
