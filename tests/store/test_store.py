"""The operational store: same behaviour on SQLite and PostgreSQL, versioned schema, safe under threads."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from store import db, legacy
from store.imports import ImportLog
from store.interest import InterestStore
from store.schema import metadata


def test_answers_persist_across_connections(store_url):
    s = InterestStore(store_url)
    tid = s.new_test("adaptive", 3)
    s.save_answers(tid, {"R001": 5, "I001": 0})
    s.save_answers(tid, {"R001": 4, "A001": 2})  # upsert keeps one row per item, first-answer order
    db.dispose_all()  # a new process (or a reload) sees the same
    s2 = InterestStore(store_url)
    assert s2.test(tid)["form"] == "adaptive" and s2.test(tid)["max_job_zone"] == 3
    assert s2.answers(tid) == {"R001": 4, "I001": 0, "A001": 2}
    assert s2.remove_last(tid) == "A001" and list(s2.answers(tid)) == ["R001", "I001"]
    s2.finish(tid)
    assert s2.test(tid)["finished_at"] is not None
    assert s2.test("nope") is None


def test_invalid_values_rejected_and_nothing_half_saved(store_url):
    s = InterestStore(store_url)
    with pytest.raises(ValueError, match="형식"):
        s.new_test("short")
    tid = s.new_test("full")
    with pytest.raises(ValueError, match="0\\(건너뜀\\)~5"):
        s.save_answers(tid, {"R001": 3, "R002": 9})
    assert s.answers(tid) == {}  # the valid answer of a rejected batch is not half-written


def test_schema_is_the_latest_migration_and_matches_the_code(store_url):
    eng = db.engine(store_url)
    head = ScriptDirectory.from_config(db.alembic_config(store_url)).get_current_head()
    assert db.schema_version(eng) == head
    with eng.connect() as con:
        diff = compare_metadata(MigrationContext.configure(con), metadata)
    assert diff == []  # schema.py and the migrations describe the same tables
    db.migrate(eng)  # idempotent
    assert db.schema_version(eng) == head


def test_import_log_keeps_quarantine_and_zeroes_failed_loads(store_url):
    log = ImportLog(store_url)
    rows = [{"row_number": 5, "column_name": "wage_type", "reason_ko": "허용되지 않습니다", "raw": {"a": "1"}}]
    log.begin("i1", "a.csv", "postings", "CSV", 10, 9, rows)
    assert log.running() == ["i1"]
    log.finish("i1", "ok")
    log.begin("i2", "b.csv", "postings", None, 3, 3, [])
    log.finish("i2", "failed", "disk full")
    hist = log.recent_imports().set_index("import_id")
    assert hist.loc["i1", "rows_loaded"] == 9 and hist.loc["i2", "rows_loaded"] == 0  # never claims rows not there
    q = log.recent_quarantine()
    assert q[["row_number", "column_name", "status"]].values.tolist() == [[5, "wage_type", "ok"]]
    assert log.quarantined_count() == 1 and log.running() == []


def test_sessions_write_from_threads_at_once(store_url):
    s = InterestStore(store_url)
    ids = [s.new_test("full") for _ in range(8)]
    errors = []

    def answer(tid: str) -> None:
        try:
            for k in range(20):
                s.save_answers(tid, {f"R{k:03d}": k % 6})
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(t,)) for t in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and all(len(s.answers(t)) == 20 for t in ids)


def test_sqlite_runs_in_wal_mode(tmp_path):
    eng = db.engine(tmp_path / "ops.sqlite")
    with eng.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_unreachable_store_is_a_korean_error():
    from data_catalog.errors import UserError  # noqa: PLC0415 - local to the one test that needs it

    with pytest.raises(UserError, match="운영 저장소에 연결할 수 없습니다"):
        db.engine("postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=1")


def test_answers_of_the_old_duckdb_store_are_adopted_once(tmp_path: Path):
    old = tmp_path / "app_state.duckdb"
    con = duckdb.connect(str(old))
    con.execute("""CREATE TABLE interest_tests (test_id VARCHAR, form VARCHAR, max_job_zone INTEGER,
                   created_at TIMESTAMP, finished_at TIMESTAMP)""")
    con.execute("""CREATE TABLE interest_answers (test_id VARCHAR, item_id VARCHAR, answer INTEGER, seq INTEGER,
                   answered_at TIMESTAMP)""")
    con.execute("INSERT INTO interest_tests VALUES ('abc', 'full', NULL, now(), NULL)")
    con.execute("INSERT INTO interest_answers VALUES ('abc', 'R001', 4, 1, now()), ('abc', 'I002', 0, 2, now())")
    con.close()
    s = InterestStore(tmp_path / "ops.sqlite")
    assert legacy.adopt_interest_answers(old, s) == 1
    assert s.answers("abc") == {"R001": 4, "I002": 0} and s.test("abc")["form"] == "full"
    assert legacy.adopt_interest_answers(old, s) == 0  # once only
    assert old.exists()  # the old file is left in place


def test_a_test_id_opens_only_its_owners_test(store_url):
    s = InterestStore(store_url)
    mine = s.new_test("full", owner="local:seeker_a")
    assert s.test(mine, owner="local:seeker_a")["owner"] == "local:seeker_a"
    assert s.test(mine, owner="local:seeker_b") is None  # someone else's id in a URL opens nothing
    assert s.test(mine) is not None  # the store itself (no owner given) still finds it
