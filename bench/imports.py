"""What an import costs now that it never disturbs readers: copy + insert + publish vs in-place insert.

An import adds its rows to a copy of the current warehouse version and publishes the copy
(`data_catalog/publish.py`), so readers never see a half-written file and never hit a lock. The price is
the copy. Measured on a private copy of one warehouse (default: the data folder's), for an import of
`--rows` postings:
- baseline: the old plan — one read-write DuckDB transaction on the file in place (insert, refresh the
  fact tables, commit), which needs every reader closed first;
- the import as the app and the CLI run it (`importer.import_frame`: validation, log, staged Parquet,
  copy, insert, refresh, model scores, publish).
Also the bare file copy, which is the part that grows with the warehouse.

Usage: .venv/bin/python bench/imports.py [--data-dir data] [--rows 200] [--n 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

import config
from data_catalog import importer, publish
from data_catalog.warehouse import refresh_derived


def _rows(db: Path, n: int, first_id: int):
    con = duckdb.connect(str(db), read_only=True)
    df = con.execute("SELECT * FROM postings ORDER BY posting_id LIMIT ?", [n]).df()
    con.close()
    df["posting_id"] = range(first_id, first_id + n)
    return df.astype(str).replace({"NaT": None, "<NA>": None, "None": None, "nan": None})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--rows", type=int, default=200)
    ap.add_argument("--n", type=int, default=5)
    a = ap.parse_args()
    src = publish.require_current(a.data_dir)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "data"
        d.mkdir()
        shutil.copy(src, d / "goyong.duckdb")
        size = (d / "goyong.duckdb").stat().st_size
        base, new, copy = [], [], []
        for i in range(a.n):
            df = _rows(d / "goyong.duckdb", a.rows, 90_000_000 + 2 * i * a.rows)
            res = importer.check_frame(df, "postings", d)
            t0 = time.perf_counter()
            con = duckdb.connect(str(d / "goyong.duckdb"))
            con.execute("BEGIN TRANSACTION")
            con.register("_v", res.valid.reset_index(drop=True))
            con.execute("INSERT INTO postings BY NAME SELECT * FROM _v")
            refresh_derived(con)
            con.execute("COMMIT")
            con.close()
            base.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            shutil.copyfile(publish.require_current(d), d / "copy.tmp")
            copy.append(time.perf_counter() - t0)
            (d / "copy.tmp").unlink()
            df2 = _rows(d / "goyong.duckdb", a.rows, 90_000_000 + (2 * i + 1) * a.rows)
            t0 = time.perf_counter()
            rep = importer.import_frame(df2, "postings", "bench.csv", d, store=config.store_url(d))
            new.append(time.perf_counter() - t0)
            assert rep.rows_loaded == a.rows, rep.summary_ko()
    mb = size / 2**20
    print(f"warehouse {mb:,.0f} MiB · {a.rows} rows per import · {a.n} runs")
    print(f"baseline in place (readers must close): median {statistics.median(base) * 1000:,.0f} ms")
    print(
        f"file copy alone: median {statistics.median(copy) * 1000:,.0f} ms ({mb / statistics.median(copy):,.0f} MiB/s)"
    )
    print(f"import, copy + publish (readers undisturbed): median {statistics.median(new) * 1000:,.0f} ms")
    print(f"ratio import / baseline: {statistics.median(new) / statistics.median(base):.2f}x")


if __name__ == "__main__":
    main()
