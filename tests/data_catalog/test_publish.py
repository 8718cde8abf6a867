"""Imports never disturb readers and are all-or-nothing, even when the process is killed (`kill -9`) mid-way."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading

import duckdb
import pandas as pd
import pytest

import config
from data_catalog import importer, publish, warehouse
from store.imports import ImportLog

# every point of the import's commit protocol, in order; the first three leave the old warehouse published
CRASH_POINTS = ["logged", "staged", "version_written", "before_publish", "published", "finalised"]
COMMITTED = {"published", "finalised"}


@pytest.fixture()
def data_dir(small_data_dir, tmp_path):
    """A private copy of the small world (warehouse, raw layer, models) that the test may change."""
    d = tmp_path / "data"
    d.mkdir()
    shutil.copy(small_data_dir / "goyong.duckdb", d / "goyong.duckdb")  # follows the link: a plain file
    shutil.copytree(small_data_dir / "warehouse", d / "warehouse")
    shutil.copytree(small_data_dir / "artefacts", d / "artefacts")
    return d


def _count(d, sql: str = "SELECT count(*) FROM postings") -> int:
    con = duckdb.connect(str(d / "goyong.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def _postings_csv(small_data_dir, path, first_id: int, n: int = 3):
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    rows = con.execute("SELECT * FROM postings ORDER BY posting_id LIMIT ?", [n]).df()
    con.close()
    rows["posting_id"] = range(first_id, first_id + n)
    rows.astype(str).replace({"NaT": "", "<NA>": "", "None": "", "nan": ""}).to_csv(path, index=False)
    return path


def _cli(args: list[str], env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GOYONG_STORE_URL", publish.CRASH_ENV)}
    env |= env_extra or {}
    return subprocess.run(
        [sys.executable, "-m", "data_catalog.importer", *args],
        cwd=config.PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _import_files(d) -> list:
    return sorted((d / "imports").rglob("import-*")) if (d / "imports").exists() else []


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_an_import_killed_at_any_point_leaves_all_or_nothing(data_dir, small_data_dir, tmp_path, point):
    before = _count(data_dir)
    f = _postings_csv(small_data_dir, tmp_path / "new.csv", 20_000_001)
    out = _cli([str(f), "--table", "postings", "--data-dir", str(data_dir)], {publish.CRASH_ENV: point})
    assert out.returncode == -signal.SIGKILL, out.stderr
    # the next writer (here a second import) recovers first
    g = _postings_csv(small_data_dir, tmp_path / "next.csv", 30_000_001, n=2)
    rep = importer.import_file(g, "postings", data_dir)
    committed = point in COMMITTED
    assert rep.rows_loaded == 2
    assert _count(data_dir) == before + 2 + (3 if committed else 0)
    files = _import_files(data_dir)
    assert all(p.name.endswith(".parquet") for p in files), files  # nothing staged or temporary is left
    assert sum(len(pd.read_parquet(p)) for p in files) == 2 + (3 if committed else 0)  # raw copy == warehouse
    assert not list(config.warehouse_versions_dir(data_dir).glob("*.tmp*"))
    log = ImportLog(config.store_url(data_dir)).recent_imports().sort_values("started_at")
    assert log["status"].tolist() == ["ok" if committed else "interrupted", "ok"]
    assert log["rows_loaded"].tolist() == [3 if committed else 0, 2]
    # a rebuild from the raw layer gives the same rows, none twice (keys are checked across files)
    warehouse.build(data_dir, progress=False)
    assert _count(data_dir) == before + 2 + (3 if committed else 0)
    assert _count(data_dir, "SELECT count(*) - count(DISTINCT posting_id) FROM postings") == 0


def test_readers_keep_reading_while_an_import_runs(data_dir, small_data_dir, tmp_path):
    before = _count(data_dir)
    # another process holds a read-only connection the whole time (what the app does)
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
            "[c.execute('SELECT count(*) FROM fact_posting').fetchone() for _ in range(400)]; print('ok')",
            str(data_dir / "goyong.duckdb"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    errors, seen = [], set()
    stop = threading.Event()

    def read() -> None:  # sessions of this process open the published file again and again
        while not stop.is_set():
            try:
                con = duckdb.connect(str(data_dir / "goyong.duckdb"), read_only=True)
                seen.add(con.execute("SELECT count(*) FROM postings").fetchone()[0])
                con.close()
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

    t = threading.Thread(target=read)
    t.start()
    try:
        rep = importer.import_file(_postings_csv(small_data_dir, tmp_path / "a.csv", 20_000_001), "postings", data_dir)
    finally:
        stop.set()
        t.join()
    out, err = reader.communicate(timeout=120)
    assert errors == [] and reader.returncode == 0 and out.strip() == "ok", (errors, err)
    assert rep.rows_loaded == 3 and _count(data_dir) == before + 3
    assert seen <= {before, before + 3}  # every read saw a whole warehouse, old or new


def test_a_second_import_is_told_another_is_running(data_dir, small_data_dir, tmp_path):
    f = _postings_csv(small_data_dir, tmp_path / "a.csv", 20_000_001)
    with publish.writer_lock(data_dir):
        with pytest.raises(publish.WarehouseBusy, match="다른 가져오기"):
            importer.import_file(f, "postings", data_dir)
        out = _cli([str(f), "--table", "postings", "--data-dir", str(data_dir)])
    assert out.returncode == 2 and "다른 가져오기" in out.stderr and "Traceback" not in out.stderr
    assert importer.import_file(f, "postings", data_dir).rows_loaded == 3  # free again afterwards


def test_imported_seekers_are_scored_with_the_current_model(data_dir, small_data_dir, tmp_path):
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    rows = con.execute("SELECT * FROM seekers ORDER BY seeker_id LIMIT 4").df()
    con.close()
    rows["seeker_id"] = range(9_000_001, 9_000_005)
    rows["resume_text"] = rows["resume_text"].astype("string")
    f = tmp_path / "seekers.csv"
    rows.astype(str).replace({"NaT": "", "<NA>": "", "None": "", "nan": ""}).to_csv(f, index=False)
    rep = importer.import_file(f, "seekers", data_dir)
    assert rep.rows_loaded == 4 and any("점수" in n for n in rep.notes)
    scored = _count(data_dir, "SELECT count(*) FROM seeker_scores WHERE seeker_id > 9000000")
    feats = _count(data_dir, "SELECT count(*) FROM seeker_features WHERE seeker_id > 9000000")
    assert scored == feats == 4
    assert _count(data_dir, "SELECT count(*) - count(DISTINCT seeker_id) FROM seeker_scores") == 0


def test_a_rebuild_keeps_scores_and_never_touches_the_operational_store(data_dir, small_data_dir, tmp_path):
    importer.import_file(_postings_csv(small_data_dir, tmp_path / "a.csv", 20_000_001), "postings", data_dir)
    log_before = ImportLog(config.store_url(data_dir)).recent_imports()
    warehouse.build(data_dir, progress=False)
    assert _count(data_dir, "SELECT count(*) FROM seeker_scores") == _count(data_dir, "SELECT count(*) FROM seekers")
    pd.testing.assert_frame_equal(ImportLog(config.store_url(data_dir)).recent_imports(), log_before)
    assert _count(data_dir, "SELECT count(*) FROM postings WHERE posting_id > 20000000") == 3


def test_duplicate_keys_across_files_stop_the_build(data_dir, small_data_dir, tmp_path):
    importer.import_file(_postings_csv(small_data_dir, tmp_path / "a.csv", 20_000_001), "postings", data_dir)
    (only,) = _import_files(data_dir)
    shutil.copy(only, only.with_name("import-99999999-copy.parquet"))  # the same rows a second time
    with pytest.raises(warehouse.DuplicateKeyError, match="여러 파일에 중복"):
        warehouse.build(data_dir, progress=False)
    assert _count(data_dir, "SELECT count(*) FROM postings WHERE posting_id > 20000000") == 3  # still published
