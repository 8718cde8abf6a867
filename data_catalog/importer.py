"""Import a CSV/Excel/Parquet extract into the warehouse: valid rows load, the rest go to quarantine.

One path for the app's import page and the CLI. Nothing existing is overwritten (a key that is already
in the warehouse is quarantined with its row number), and readers are never disturbed: the rows are added
to a *copy* of the current warehouse, which is then published atomically (`data_catalog/publish.py`).
One import at a time; a second one is told so in Korean at once.

Commit protocol (all-or-nothing for the raw Parquet copy, the warehouse and the log, tested with
`kill -9` at every step):
1. under the writer lock, `recover` finishes or undoes whatever a killed import left;
2. the log entry ('running') and the quarantined rows go to the operational store;
3. the accepted rows are written to `data/imports/<table>/import-<id>.parquet.pending` (builds ignore it);
4. a new warehouse version gets the rows, a `meta_imports` record of the id, refreshed fact tables and
   model scores for new seekers; publishing it is the commit point;
5. the staged file is renamed to `import-<id>.parquet` (a rebuild keeps the rows) and the log says 'ok'.
A crash before 4 leaves the old warehouse published and `recover` deletes the staged file (log:
'interrupted'); a crash after 4 is rolled forward by `recover` from the `meta_imports` record.

CLI: python -m data_catalog.importer FILE --table postings [--column-map map.json]
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

import config
from data_catalog import publish
from data_catalog.errors import KoArgumentParser, UserError, run_cli
from data_catalog.files import FileInfo, ImportFileError, decode_column_map, read_column_map_file, read_table
from data_catalog.generator.driver import TABLE_DIRS
from data_catalog.headers import column_map_json, recognise_headers
from data_catalog.schemas import ValidationResult, validate_frame
from data_catalog.spec import TABLES
from data_catalog.warehouse import META_IMPORTS_DDL, refresh_derived, refresh_model_tables

__all__ = ["ImportFileError", "ImportReport", "import_file", "import_frame", "check_frame", "read_any"]

RECOGNISED_PREFIX = "열 이름을 스키마 열로 알아보았습니다"
"""How the note listing recognised headers starts (the page folds that long note away)."""
ROW_OFFSET = 2
"""Row number in the file of data row 0 (the header is row 1)."""


def importable_tables() -> list[str]:
    return [t for t, s in TABLES.items() if s.schema == "main"]


@dataclass
class ImportReport:
    source: str
    table: str
    rows_read: int
    rows_loaded: int
    rows_quarantined: int
    errors: pd.DataFrame  # row, column, column_ko, value, message_ko
    missing_columns: list[str]
    import_id: str | None = None
    notes: list[str] = field(default_factory=list)

    def summary_ko(self) -> str:
        if self.missing_columns:
            return (
                f"'{self.source}': 필수 열 {', '.join(self.missing_columns)}이(가) 없어 아무 행도 가져오지 않았습니다. "
                f"전체 {self.rows_read}행을 격리했습니다."
            )
        return (
            f"'{self.source}': {self.rows_read}행 중 {self.rows_loaded}행을 가져왔고 "
            f"{self.rows_quarantined}행을 격리했습니다."
        )


def read_any(data: bytes | str | Path, name: str | None = None) -> pd.DataFrame:
    return read_table(data, name)[0]


def apply_column_map(df: pd.DataFrame, mapping: dict[str, str] | None) -> pd.DataFrame:
    """Rename source columns to schema names ({source_name: schema_name}); a key not in the file is an error."""
    if not mapping:
        return df
    if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
        raise UserError(
            '열 대응은 {"원본 열": "스키마 열", ...} 형태의 JSON 객체여야 합니다.', "column map must be a JSON object"
        )
    absent = [k for k in mapping if k not in df.columns]
    if absent:
        wrong_way = [k for k in absent if mapping[k] in df.columns]
        hint = " 열 대응이 거꾸로 쓰인 것 같습니다(키가 원본 열 이름이어야 합니다)." if wrong_way else ""
        raise UserError(
            f"열 대응의 {', '.join(repr(k) for k in absent)} 열이 파일에 없습니다.{hint} "
            f"파일의 열: {', '.join(map(str, df.columns[:30]))}",
            f"column map keys not in the file: {absent}",
        )
    return df.rename(columns=mapping)


def _existing_keys(table: str, keys: pd.Series, data_dir: config.PathLike | None) -> set:
    cur = publish.current(data_dir)
    spec = TABLES[table]
    if cur is None or not spec.key or keys.empty:
        return set()
    key = spec.key[0]  # a name from the spec
    con = duckdb.connect(str(cur), read_only=True)
    try:
        return {
            r[0]
            for r in con.execute(
                f"SELECT {key} FROM {table} WHERE {key} IN (SELECT UNNEST(?))", [keys.astype("int64").tolist()]
            ).fetchall()
        }
    finally:
        con.close()


def check_frame(df: pd.DataFrame, table: str, data_dir: config.PathLike | None = None) -> ValidationResult:
    """Validate against the spec *and* the warehouse: what an import would load and set aside (the preview).

    Rows whose key already exists in the warehouse are rejected with their file row number.
    """
    if table not in importable_tables():
        raise UserError(f"'{table}'은(는) 가져올 수 있는 테이블이 아닙니다.", f"{table} cannot be imported")
    res = validate_frame(df, table, row_offset=ROW_OFFSET)
    spec = TABLES[table]
    if res.missing_columns or not spec.key or res.valid.empty:
        return res
    key = spec.key[0]
    existing = _existing_keys(table, res.valid[key].dropna(), data_dir)
    dup = res.valid[key].isin(existing)
    if not dup.any():
        return res
    c = spec.col(key)
    dup_rows = res.valid[dup]
    rows = [int(i) + ROW_OFFSET for i in dup_rows.index]
    messages = [f"'{c.ko}'({key}) 값 {v}이(가) 웨어하우스에 이미 있습니다(덮어쓰지 않음)." for v in dup_rows[key]]
    extra = pd.DataFrame(
        {"row": rows, "column": key, "column_ko": c.ko, "value": dup_rows[key].astype(str), "message_ko": messages}
    )
    original = df.loc[dup_rows.index]  # validation keeps the file's row labels: the rows as the user wrote them
    rejected = pd.concat(
        [res.rejected, original.astype("string").assign(_row=rows, _reason=messages)], ignore_index=True
    )
    errors = pd.concat([res.errors, extra], ignore_index=True)
    return ValidationResult(res.valid[~dup], rejected, errors, [])


def _quarantine_rows(res: ValidationResult) -> list[dict]:
    """Rejected rows as the operational store keeps them: file row, first offending column, reason, raw values."""
    rej = res.rejected
    out = []
    first_col = res.errors.dropna(subset=["row"]).groupby("row")["column"].first() if not res.errors.empty else {}
    for rec in rej.to_dict("records"):
        row = rec.pop("_row", None)
        reason = rec.pop("_reason", None) or "필수 열 누락"
        row = None if pd.isna(row) else int(row)
        raw = {k: (None if pd.isna(v) else str(v)) for k, v in rec.items()}
        out.append(
            {"row_number": row, "column_name": first_col.get(row) if row else None, "reason_ko": reason, "raw": raw}
        )
    return out


def import_frame(
    df: pd.DataFrame,
    table: str,
    source: str,
    data_dir: config.PathLike | None = None,
    *,
    info: FileInfo | None = None,
    store: str | None = None,
) -> ImportReport:
    """Validate and load `df` into `table` (see the module docstring for the commit protocol)."""
    store = store or config.store_url(data_dir)
    from store.imports import ImportLog  # noqa: PLC0415 - SQLAlchemy is loaded only by writers

    log = ImportLog(store)
    with publish.writer_lock(data_dir):
        notes = publish.recover(data_dir, store)
        publish.require_current(data_dir)
        res = check_frame(df, table, data_dir)
        valid = res.valid
        import_id = f"{datetime.now():%Y%m%d%H%M%S%f}-{uuid.uuid4().hex[:6]}"
        kind = info.describe_ko() if info else None
        log.begin(import_id, source, table, kind, len(df), len(valid), _quarantine_rows(res))
        publish.crash_point("logged")
        try:
            if len(valid):
                _load(valid, table, import_id, data_dir, notes)
        except BaseException as exc:
            log.finish(import_id, "failed", f"{type(exc).__name__}: {exc}")
            raise
        log.finish(import_id, "ok", " / ".join(notes) or None)
    return ImportReport(
        source, table, len(df), len(valid), len(res.rejected), res.errors, res.missing_columns, import_id, notes
    )


def _load(valid: pd.DataFrame, table: str, import_id: str, data_dir: config.PathLike | None, notes: list) -> None:
    spec = TABLES[table]
    staged = publish.staged_file(data_dir, TABLE_DIRS[table], import_id)
    staged.parent.mkdir(parents=True, exist_ok=True)
    tmp = staged.with_name(staged.name + ".tmp")
    valid.reset_index(drop=True).to_parquet(tmp, index=False)
    os.replace(tmp, staged)
    publish.crash_point("staged")
    try:
        with publish.new_version(data_dir) as con:
            con.register("_valid", valid.reset_index(drop=True))
            cols = ", ".join(c.name for c in spec.columns)
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _valid")  # names from the spec
            con.unregister("_valid")
            con.execute(META_IMPORTS_DDL)
            con.execute("INSERT INTO meta_imports VALUES (?, ?, ?, now())", [import_id, table, len(valid)])
            if table in ("postings", "seekers", "seeker_outcomes"):
                refresh_derived(con)
            keys = valid[spec.key[0]].tolist() if spec.key else None
            notes += refresh_model_tables(con, data_dir, table, keys)
            publish.crash_point("before_publish")
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    publish.crash_point("published")
    os.replace(staged, staged.with_suffix(""))
    publish.crash_point("finalised")


def import_file(
    path: str | Path,
    table: str,
    data_dir: config.PathLike | None = None,
    column_map: dict[str, str] | None = None,
    *,
    store: str | None = None,
) -> ImportReport:
    path = Path(path)
    df, info = read_table(path, path.name)
    df, notes = prepare(df, table, column_map)
    rep = import_frame(df, table, path.name, data_dir, info=info, store=store)
    rep.notes[:0] = notes
    return rep


def parse_column_map(raw: bytes, name: str) -> dict[str, str]:
    """A column-map JSON document; its own mistakes (not UTF-8, not JSON, not an object) are named as such."""
    return _plain_map(decode_column_map(raw, name), name)


def load_column_map(path: str | Path) -> dict[str, str]:
    """A column-map JSON file (missing or unreadable files are named as such)."""
    return _plain_map(read_column_map_file(path), Path(path).name)


def _plain_map(mapping: object, name: str) -> dict[str, str]:
    if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
        raise UserError(
            f'열 대응 파일 \'{name}\'은(는) {{"원본 열": "스키마 열", ...}} 형태의 JSON 객체여야 합니다.',
            "column map must be a JSON object of strings",
        )
    return mapping


def prepare(df: pd.DataFrame, table: str, mapping: dict[str, str] | None) -> tuple[pd.DataFrame, list[str]]:
    """Apply the user's column map, then recognise headers written as the spec's Korean/English labels.

    Returns the renamed frame and Korean notes (what was recognised, which map entries to add).
    """
    df = apply_column_map(df, mapping)
    match = recognise_headers(df, table)
    notes = []
    if match.renamed:
        pairs = ", ".join(f"'{src}' → {dst}" for src, dst in match.renamed.items())
        notes.append(f"{RECOGNISED_PREFIX}: {pairs}")
    notes += match.messages_ko
    return match.frame, notes


def best_table(df: pd.DataFrame) -> tuple[str, int]:
    """The importable table whose columns the file's headers name most often (and how many they name)."""
    scores = {t: len(TABLES[t].columns) - len(recognise_headers(df, t).missing) for t in importable_tables()}
    best = max(scores, key=lambda t: (scores[t], -importable_tables().index(t)))
    return best, scores[best]


def suggested_column_map(df: pd.DataFrame, table: str, mapping: dict[str, str] | None = None) -> str:
    """The column map (JSON text) that names every recognised or guessed column, for the user to check and save."""
    return column_map_json(recognise_headers(apply_column_map(df, mapping), table))


def _main(argv: list[str] | None = None) -> None:
    ap = KoArgumentParser(
        prog="python -m data_catalog.importer", description="CSV·Excel·Parquet 가져오기 (import into the warehouse)"
    )
    ap.add_argument("file")
    ap.add_argument("--table", required=True, choices=importable_tables())
    ap.add_argument("--column-map", help='JSON 파일 {"원본 열": "스키마 열"} (source column → schema column)')
    ap.add_argument("--data-dir")
    a = ap.parse_args(argv)
    mapping = load_column_map(a.column_map) if a.column_map else None
    rep = import_file(a.file, a.table, a.data_dir, mapping)
    print(rep.summary_ko())
    if rep.missing_columns:
        print("제안하는 열 대응(확인·수정해 --column-map 파일로 저장하세요):")
        print(suggested_column_map(read_table(a.file)[0], a.table, mapping))
    for note in rep.notes:
        print(f"  {note}")
    for r in rep.errors.head(20).itertuples():
        print(f"  행 {'-' if pd.isna(r.row) else int(r.row)}: {r.message_ko}")
    if len(rep.errors) > 20:
        print(f"  … 외 {len(rep.errors) - 20}건")


def main(argv: list[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
