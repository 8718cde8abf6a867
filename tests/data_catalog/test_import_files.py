"""Messy real files through the whole import path (read → headers → validate → load) and its CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

import config
from data_catalog import importer
from data_catalog.spec import TABLES


@pytest.fixture()
def data_dir(small_data_dir, tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    shutil.copy(small_data_dir / "goyong.duckdb", d / "goyong.duckdb")
    return d


def _rows(small_data_dir, first_id: int, n: int = 4):
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    rows = con.execute("SELECT * FROM postings ORDER BY posting_id LIMIT ?", [n]).df()
    con.close()
    rows["posting_id"] = [str(i) for i in range(first_id, first_id + n)]
    return rows.astype(str).replace({"NaT": "", "<NA>": "", "None": "", "nan": ""})


def test_korean_headers_cp949_semicolons_and_korean_dates_import(data_dir, small_data_dir, tmp_path):
    rows = _rows(small_data_dir, 40_000_001)
    rows["posted_date"] = [d.replace("-", ".") + " 09:30" for d in rows["posted_date"]]  # 2025.03.02 09:30
    rows["closing_date"] = [d.replace("-", "") for d in rows["closing_date"]]  # 20250330
    rows["wage_amount"] = [f"{int(v):,}" for v in rows["wage_amount"]]  # 2,150,000
    spec = TABLES["postings"]
    rows = rows.rename(columns={c.name: c.ko for c in spec.columns})  # every header as its Korean label
    f = tmp_path / "공고.csv"
    f.write_bytes(rows.to_csv(index=False, sep=";").encode("cp949", errors="replace"))
    rep = importer.import_file(f, "postings", data_dir)
    assert (rep.rows_read, rep.rows_loaded, rep.rows_quarantined) == (4, 4, 0), rep.errors
    assert any("알아보았습니다" in n for n in rep.notes)


def test_huge_and_non_finite_keys_are_quarantined_with_their_rows(data_dir, small_data_dir, tmp_path):
    rows = _rows(small_data_dir, 40_000_101)
    rows.loc[1, "posting_id"] = "9223372036854775808"  # 2^63
    rows.loc[2, "posting_id"] = "inf"
    f = tmp_path / "big.csv"
    rows.to_csv(f, index=False)
    rep = importer.import_file(f, "postings", data_dir)
    assert (rep.rows_loaded, rep.rows_quarantined) == (2, 2)
    assert sorted(rep.errors["row"].dropna().astype(int)) == [3, 4]
    con = duckdb.connect(str(data_dir / "goyong.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM postings WHERE posting_id < 0").fetchall()[0][0] == 0  # never wrapped
    con.close()


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GOYONG_STORE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "data_catalog.importer", *args],
        cwd=config.PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_column_map_mistakes_are_named_as_such(data_dir, small_data_dir, tmp_path):
    rows = _rows(small_data_dir, 40_000_201).rename(columns={"posting_id": "공고번호X"})
    f = tmp_path / "x.csv"
    rows.to_csv(f, index=False)
    base = [str(f), "--table", "postings", "--data-dir", str(data_dir)]
    cases = {
        "missing.json": (None, "열 대응 파일이 없습니다"),
        "cp949.json": (
            json.dumps({"공고번호X": "posting_id"}, ensure_ascii=False).encode("cp949"),
            "UTF-8 JSON이 아닙니다",
        ),
        "list.json": (b'["posting_id"]', "JSON 객체"),
        "broken.json": (b'{"a": ', "올바른 JSON이 아닙니다"),
        "absent.json": (json.dumps({"없는열": "posting_id"}).encode(), "파일에 없습니다"),
        "reversed.json": (json.dumps({"posting_id": "공고번호X"}, ensure_ascii=False).encode(), "거꾸로"),
    }
    for name, (content, expected) in cases.items():
        m = tmp_path / name
        if content is not None:
            m.write_bytes(content)
        out = _cli(*base, "--column-map", str(m))
        assert out.returncode == 2, (name, out.stderr)
        assert expected in out.stderr and "Traceback" not in out.stderr, (name, out.stderr)
    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps({"공고번호X": "posting_id"}, ensure_ascii=False), encoding="utf-8")
    out = _cli(*base, "--column-map", str(ok))
    assert out.returncode == 0 and "4행 중 4행을 가져왔고" in out.stdout, out.stderr


def test_cli_errors_are_korean_with_exit_code_2(data_dir, tmp_path):
    for args, expected in (
        ([str(tmp_path / "none.csv"), "--table", "postings", "--data-dir", str(data_dir)], "열 수 없습니다"),
        ([str(tmp_path / "none.csv"), "--table", "nope"], "명령줄 인자"),
        (["--table", "postings"], "명령줄 인자"),
    ):
        out = _cli(*args)
        assert out.returncode == 2 and expected in out.stderr and "Traceback" not in out.stderr, out.stderr


def test_missing_columns_suggest_a_column_map(data_dir, small_data_dir, tmp_path):
    rows = _rows(small_data_dir, 40_000_301).rename(columns={"firm_id": "사업장번호"})
    f = tmp_path / "y.csv"
    rows.to_csv(f, index=False)
    out = _cli(str(f), "--table", "postings", "--data-dir", str(data_dir))
    assert out.returncode == 0 and "사업장번호" in out.stdout and "firm_id" in out.stdout
    assert "0행을 가져왔고" in out.stdout or "아무 행도 가져오지 않았습니다" in out.stdout
