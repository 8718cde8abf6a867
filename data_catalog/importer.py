"""Import a CSV/Parquet extract into the warehouse: valid rows load, the rest go to quarantine.

Guarantees: the whole import is one DuckDB transaction (valid rows + quarantine rows + refreshed
fact tables), so a failure leaves the warehouse exactly as it was; rows whose key already exists
are quarantined rather than overwriting anything; the accepted rows are also written as a new
Parquet file under `data/imports/<table>/` so a rebuild keeps them (the raw layer is append-only).

CLI: python -m data_catalog.importer FILE --table postings [--column-map map.json]
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

import config
from data_catalog.files import ImportFileError, read_any
from data_catalog.generator import TABLE_DIRS
from data_catalog.schemas import validate_frame
from data_catalog.spec import TABLES
from data_catalog.warehouse import IMPORT_LOG_DDL, QUARANTINE_DDL, refresh_derived


@dataclass
class ImportReport:
    source: str
    table: str
    rows_read: int
    rows_loaded: int
    rows_quarantined: int
    errors: pd.DataFrame  # row, column, column_ko, value, message_ko
    missing_columns: list[str]

    def summary_ko(self) -> str:
        if self.missing_columns:
            return (
                f"'{self.source}': 필수 열 {', '.join(self.missing_columns)}이(가) 없어 아무 행도 가져오지 않았습니다. "
                f"전체 {self.rows_read}행을 격리했습니다."
            )
        return (
            f"'{self.source}': {self.rows_read}행 중 {self.rows_loaded}행을 가져왔고 "
            f"{self.rows_quarantined}행을 격리했습니다(quarantine 테이블)."
        )


def apply_column_map(df: pd.DataFrame, mapping: dict[str, str] | None) -> pd.DataFrame:
    """Rename source columns to schema names ({source_name: schema_name})."""
    return df.rename(columns=mapping) if mapping else df


def import_frame(
    df: pd.DataFrame, table: str, source: str, data_dir: Path | str | None = None, *, write_raw: bool = True
) -> ImportReport:
    if table not in TABLES or TABLES[table].schema != "main":
        raise ImportFileError(f"'{table}'은(는) 가져올 수 있는 테이블이 아닙니다.")
    spec = TABLES[table]
    res = validate_frame(df, table)
    valid, rejected, errors = res.valid, res.rejected, res.errors
    con = duckdb.connect(str(config.warehouse_db(data_dir)))
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(QUARANTINE_DDL)
        con.execute(IMPORT_LOG_DDL)
        now = datetime.now()
        if len(valid) and spec.key:
            key = spec.key[0]
            existing = con.execute(
                f"SELECT {key} FROM {table} WHERE {key} IN (SELECT UNNEST(?))",  # names from spec
                [valid[key].dropna().astype("int64").tolist()],
            ).df()[key]
            dup = valid[key].isin(existing)
            if dup.any():
                c = spec.col(key)
                dup_rows = valid[dup]
                extra = pd.DataFrame(
                    {
                        "row": None,
                        "column": key,
                        "column_ko": c.ko,
                        "value": dup_rows[key].astype(str),
                        "message_ko": [
                            f"'{c.ko}'({key}) 값 {v}이(가) 웨어하우스에 이미 있습니다." for v in dup_rows[key]
                        ],
                    }
                )
                errors = pd.concat([errors, extra], ignore_index=True)
                rejected = pd.concat(
                    [rejected, dup_rows.astype("string").assign(_row=None, _reason=extra["message_ko"].to_numpy())],
                    ignore_index=True,
                )
                valid = valid[~dup]
        if len(valid):
            con.register("_valid", valid)
            cols = ", ".join(c.name for c in spec.columns)
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _valid")  # names from spec
            con.unregister("_valid")
        if len(rejected):
            rows = rejected.drop(columns=["_row", "_reason"], errors="ignore")
            q = pd.DataFrame(
                {
                    "imported_at": now,
                    "source_file": source,
                    "target_table": table,
                    "row_number": pd.array(rejected.get("_row", pd.Series([None] * len(rejected))), dtype="Int32"),
                    "reason_ko": rejected.get("_reason", pd.Series(["필수 열 누락"] * len(rejected))).astype(str),
                    "raw_json": [
                        json.dumps({k: (None if pd.isna(v) else str(v)) for k, v in r.items()}, ensure_ascii=False)
                        for r in rows.to_dict("records")
                    ],
                }
            )
            con.register("_q", q)
            con.execute("INSERT INTO quarantine SELECT * FROM _q")
            con.unregister("_q")
        if len(valid) and table in ("postings", "seekers", "seeker_outcomes"):
            refresh_derived(con)
        con.execute(
            "INSERT INTO import_log VALUES (?, ?, ?, ?, ?, ?, ?)",
            [now, source, table, len(valid), len(rejected), "ok", None],
        )
        if len(valid) and write_raw:
            d = config.imports_dir(data_dir) / TABLE_DIRS[table]
            d.mkdir(parents=True, exist_ok=True)
            f = d / f"import-{now:%Y%m%d%H%M%S%f}.parquet"
            tmp = f.with_suffix(".tmp")
            valid.to_parquet(tmp, index=False)
            os.replace(tmp, f)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    return ImportReport(source, table, len(df), len(valid), len(rejected), errors, res.missing_columns)


def import_file(
    path: str | Path, table: str, data_dir: Path | str | None = None, column_map: dict[str, str] | None = None
) -> ImportReport:
    path = Path(path)
    df = apply_column_map(read_any(path, path.name), column_map)
    return import_frame(df, table, path.name, data_dir)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="CSV/Parquet 가져오기 (import into the warehouse)")
    ap.add_argument("file")
    ap.add_argument("--table", required=True, choices=[t for t, s in TABLES.items() if s.schema == "main"])
    ap.add_argument("--column-map", help="JSON file {source_column: schema_column}")
    ap.add_argument("--data-dir")
    a = ap.parse_args(argv)
    mapping = json.loads(Path(a.column_map).read_text(encoding="utf-8")) if a.column_map else None
    rep = import_file(a.file, a.table, a.data_dir, mapping)
    print(rep.summary_ko())
    for r in rep.errors.head(20).itertuples():
        print(f"  행 {r.row}: {r.message_ko}")


if __name__ == "__main__":
    main()
