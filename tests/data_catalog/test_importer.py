"""Importing a bad file: valid rows load, the rest are quarantined, nothing existing is lost."""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import pytest

import config
from data_catalog import importer, warehouse
from store.imports import ImportLog


@pytest.fixture()
def data_dir(small_data_dir, tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    shutil.copy(small_data_dir / "goyong.duckdb", d / "goyong.duckdb")
    return d


def _snapshot(d) -> dict:
    con = duckdb.connect(str(d / "goyong.duckdb"), read_only=True)
    out = {
        t: con.execute(f"SELECT count(*), sum(hash(posting_id)) FROM {t}").fetchone()
        for t in ("postings", "fact_posting")
    }
    con.close()
    out["loaded"] = ImportLog(config.store_url(d)).recent_imports()["rows_loaded"].sum()
    return out


def _csv(d, small_data_dir, n_good=3) -> tuple:
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    base = con.execute("SELECT * FROM postings ORDER BY posting_id LIMIT ?", [n_good + 2]).df()
    con.close()
    base["posting_id"] = range(10_000_001, 10_000_001 + len(base))
    base = base.astype(str).replace({"NaT": "", "<NA>": "", "None": ""})
    base.loc[n_good, "wage_type"] = "일당"  # not allowed
    base.loc[n_good + 1, "posted_date"] = "2025/13/40"  # not a date
    f = d / "extract.csv"
    base.to_csv(f, index=False)
    return f, base


def test_bad_rows_quarantined_valid_rows_loaded(data_dir, small_data_dir):
    before = _snapshot(data_dir)
    f, base = _csv(data_dir, small_data_dir)
    rep = importer.import_file(f, "postings", data_dir)
    assert (rep.rows_read, rep.rows_loaded, rep.rows_quarantined) == (5, 3, 2)
    assert "5행 중 3행" in rep.summary_ko()
    con = duckdb.connect(str(data_dir / "goyong.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM postings").fetchone()[0] == before["postings"][0] + 3
    assert con.execute("SELECT count(*) FROM fact_posting WHERE posting_id > 10000000").fetchone()[0] == 3
    con.close()
    q = ImportLog(config.store_url(data_dir)).recent_quarantine().sort_values("row_number")
    assert q["row_number"].tolist() == [5, 6] and q["source_file"].eq("extract.csv").all()
    assert "임금 형태" in q["reason_ko"].iloc[0] and "날짜" in q["reason_ko"].iloc[1]
    assert q["column_name"].tolist() == ["wage_type", "posted_date"] and q["status"].eq("ok").all()
    # the accepted rows also land in the append-only raw layer, so a rebuild keeps them
    assert len(list((data_dir / "imports" / "postings").glob("*.parquet"))) == 1


def test_existing_keys_are_not_overwritten(data_dir, small_data_dir):
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    dup = con.execute("SELECT * FROM postings ORDER BY posting_id LIMIT 2").df()
    con.close()
    dup["title"] = "덮어쓰기 시도"
    rep = importer.import_frame(dup.astype(str).replace({"NaT": None, "<NA>": None}), "postings", "dup.csv", data_dir)
    assert rep.rows_loaded == 0 and rep.rows_quarantined == 2
    assert rep.errors["row"].tolist() == [2, 3]  # the file's row numbers, not "행 None"
    preview = importer.check_frame(dup.astype(str).replace({"NaT": None, "<NA>": None}), "postings", data_dir)
    assert len(preview.valid) == 0 and len(preview.rejected) == 2  # the preview counts them too
    con = duckdb.connect(str(data_dir / "goyong.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM postings WHERE title = '덮어쓰기 시도'").fetchone()[0] == 0
    con.close()


def test_failure_midway_rolls_back_everything(data_dir, small_data_dir, monkeypatch):
    before = _snapshot(data_dir)
    f, _ = _csv(data_dir, small_data_dir)

    def boom(con):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "refresh_derived", boom)
    with pytest.raises(RuntimeError):
        importer.import_file(f, "postings", data_dir)
    assert _snapshot(data_dir) == before
    assert not list((data_dir / "imports").rglob("*.parquet*"))
    assert ImportLog(config.store_url(data_dir)).recent_imports()["status"].tolist() == ["failed"]


def test_unreadable_files_get_korean_errors(tmp_path):
    with pytest.raises(importer.ImportFileError, match="지원하지 않는"):
        importer.read_any(b"abc", "x.docx")
    with pytest.raises(importer.ImportFileError, match="Parquet"):
        importer.read_any(b"not parquet", "x.parquet")
    cp949 = "firm_id,firm_name\n1,한빛\n".encode("cp949")
    assert importer.read_any(cp949, "x.csv")["firm_name"][0] == "한빛"


def test_missing_columns_load_nothing(data_dir):
    before = _snapshot(data_dir)
    rep = importer.import_frame(pd.DataFrame({"posting_id": ["1"]}), "postings", "thin.csv", data_dir)
    assert rep.rows_loaded == 0 and rep.missing_columns and "필수 열" in rep.summary_ko()
    assert _snapshot(data_dir)["postings"] == before["postings"]


def test_rebuild_keeps_imported_rows(data_dir, small_data_dir):
    f, _ = _csv(data_dir, small_data_dir)
    importer.import_file(f, "postings", data_dir)
    shutil.copytree(small_data_dir / "warehouse", data_dir / "warehouse")
    warehouse.build(data_dir, progress=False)
    con = duckdb.connect(str(data_dir / "goyong.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM postings WHERE posting_id > 10000000").fetchone()[0] == 3
    con.close()
