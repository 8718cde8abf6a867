"""Build the DuckDB warehouse from the Parquet raw layer (which is never edited).

Layout: `data/warehouse/<table>/*.parquet` (generated or adapted extracts) and
`data/imports/<table>/*.parquet` (validated rows of imported files) → `data/goyong.duckdb` with
the main tables, a `truth` schema, reference tables, a quarantine table and the narrow,
month-sorted fact tables that the map queries scan.

CLI: python -m data_catalog.warehouse build [--scale default] [--if-absent]
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from importlib.metadata import entry_points
from pathlib import Path

import duckdb
import pandas as pd
from tqdm import tqdm

import config
from data_catalog import publish, quality
from data_catalog import reference as ref
from data_catalog.errors import KoArgumentParser, UserError, run_cli
from data_catalog.generator.driver import SCALES, TABLE_DIRS, fingerprint, generate
from data_catalog.schemas import validate_frame
from data_catalog.spec import TABLES

META_IMPORTS_DDL = """
CREATE TABLE IF NOT EXISTS meta_imports (
    import_id VARCHAR PRIMARY KEY, target_table VARCHAR, rows_loaded INTEGER, imported_at TIMESTAMP)
"""
"""Which imports a warehouse version holds: the commit record an interrupted import is recovered from."""

DERIVED_GROUP = "goyong.derived"
"""Entry-point group of derived-table refreshers (model scores): see `refresh_model_tables`."""

FACT_SQL = {
    "fact_posting": """
        CREATE OR REPLACE TABLE fact_posting AS
        SELECT posting_id,
               CAST(date_trunc('month', posted_date) AS DATE) AS month,
               sido_code, sigungu_code,
               substr(keco_code, 1, 1) AS occ_major, substr(keco_code, 1, 2) AS occ_middle, keco_code,
               ksic_section, size_band, contract_type,
               CAST(openings AS INTEGER) AS openings,
               {wage_valid} AS wage_valid,
               CASE WHEN {wage_valid} THEN CAST(wage_monthly_krw AS BIGINT) END AS wage_monthly_krw,
               CASE WHEN {wage_valid} THEN CAST(round(wage_monthly_krw / 10000.0) AS INTEGER) END AS wage_manwon,
               status,
               CASE WHEN status = 'filled' THEN date_diff('day', posted_date, filled_date) END AS days_to_fill
        FROM postings
        ORDER BY month, sigungu_code
    """.replace("{wage_valid}", quality.wage_valid_sql()),
    # pre-aggregates for the most common (and slowest) map views: period [+ KECO major] only
    "cube_posting_wage": """
        CREATE OR REPLACE TABLE cube_posting_wage AS
        SELECT month, sido_code, sigungu_code, occ_major, wage_manwon,
               count(*)::INTEGER AS c, sum(openings)::INTEGER AS o,
               (count(*) FILTER (WHERE status = 'filled'))::INTEGER AS nf,
               (count(*) FILTER (WHERE status <> 'open'))::INTEGER AS nc
        FROM fact_posting GROUP BY ALL ORDER BY month, sigungu_code
    """,
    "cube_posting_wage_all": """
        CREATE OR REPLACE TABLE cube_posting_wage_all AS
        SELECT month, sido_code, sigungu_code, wage_manwon, sum(c)::INTEGER AS c, sum(o)::INTEGER AS o,
               sum(nf)::INTEGER AS nf, sum(nc)::INTEGER AS nc
        FROM cube_posting_wage GROUP BY ALL ORDER BY month, sigungu_code
    """,
    "cube_posting_days": """
        CREATE OR REPLACE TABLE cube_posting_days AS
        SELECT month, sido_code, sigungu_code, occ_major, days_to_fill, count(*)::INTEGER AS c
        FROM fact_posting WHERE status = 'filled' GROUP BY ALL ORDER BY month, sigungu_code
    """,
    "fact_seeker": """
        CREATE OR REPLACE TABLE fact_seeker AS
        SELECT s.seeker_id,
               CAST(date_trunc('month', s.registered_date) AS DATE) AS month,
               s.registered_date,
               LEAST(COALESCE(o.employed_date, s.registered_date + INTERVAL 183 DAY),
                     s.registered_date + INTERVAL 183 DAY)::DATE AS exit_date,
               s.sido_code, s.sigungu_code,
               substr(s.desired_keco_code, 1, 1) AS occ_major, substr(s.desired_keco_code, 1, 2) AS occ_middle,
               s.desired_keco_code AS keco_code,
               CAST(round(s.desired_wage_krw / 10000.0) AS INTEGER) AS desired_manwon
        FROM seekers s LEFT JOIN seeker_outcomes o USING (seeker_id)
        ORDER BY month, sigungu_code
    """,
    # active-seeker counts are exact at month level: registered ≤ period end ⇔ reg_month ≤ last month,
    # exit ≥ period start (a 1st of the month) ⇔ exit_month ≥ first month
    "cube_seeker_active": """
        CREATE OR REPLACE TABLE cube_seeker_active AS
        SELECT month AS reg_month, CAST(date_trunc('month', exit_date) AS DATE) AS exit_month, sido_code, sigungu_code,
               occ_major, count(*)::INTEGER AS c
        FROM fact_seeker GROUP BY ALL ORDER BY reg_month, sigungu_code
    """,
    "cube_seeker_wage": """
        CREATE OR REPLACE TABLE cube_seeker_wage AS
        SELECT month, sido_code, sigungu_code, occ_major, desired_manwon, count(*)::INTEGER AS c
        FROM fact_seeker GROUP BY ALL ORDER BY month, sigungu_code
    """,
}


VIEWS = {
    "v_posting_detail": """
        CREATE OR REPLACE VIEW v_posting_detail AS
        SELECT p.*, CAST(date_trunc('month', p.posted_date) AS DATE) AS month,
               substr(p.keco_code, 1, 1) AS occ_major, substr(p.keco_code, 1, 2) AS occ_middle,
               f.firm_name, f.employees, s.sigungu_name_ko, s.sido_name_ko, o.name_ko AS occupation_ko
        FROM postings p JOIN firms f ON f.firm_id = p.firm_id
        LEFT JOIN ref_sigungu s ON s.sigungu_code = p.sigungu_code
        LEFT JOIN ref_occupation o ON o.keco_code = p.keco_code
    """,
}


def _glob(raw: Path, imports: Path, table: str) -> list[str]:
    sub = TABLE_DIRS[table]
    files = sorted((raw / sub).glob("*.parquet")) + sorted((imports / sub).glob("import-*.parquet"))
    return [str(f) for f in files]


def import_id_of(path: str | Path) -> str:
    """The import id in an import file's name (`import-<id>.parquet`)."""
    return Path(path).name.removeprefix("import-").split(".")[0]


def _check_unique_keys(con: duckdb.DuckDBPyConnection, table: str, files: list[str]) -> None:
    """Keys must be unique across every file of a table (each file alone may be valid); Korean error if not."""
    spec = TABLES[table]
    if not spec.key:
        return
    key = spec.key[0]  # a name from the spec, never user input
    dup = con.execute(
        f"""SELECT {key}, count(*) AS n, string_agg(DISTINCT parse_filename(filename), ', ') AS files
            FROM read_parquet(?, filename = true) GROUP BY {key} HAVING count(*) > 1 ORDER BY {key} LIMIT 5""",
        [files],
    ).fetchall()
    if dup:
        c = spec.col(key)
        examples = "; ".join(f"{k} ({n}번: {f})" for k, n, f in dup)
        raise DuplicateKeyError(
            f"'{spec.ko}'({table})의 '{c.ko}'({key}) 값이 여러 파일에 중복됩니다 — 예: {examples}. "
            "같은 행이 두 번 들어온 파일을 data/imports에서 확인해 주세요.",
            f"duplicate {key} values across the files of {table}",
        )


class DuplicateKeyError(UserError):
    """The same key appears in two raw files of one table."""


def _validate_parts(files: list[str], table: str, sample_rows: int | None) -> list[str]:
    """Validate every part file (whole file, or a head sample at very large scale); returns problems."""
    problems = []
    for f in files:
        df = pd.read_parquet(f)
        if sample_rows is not None and len(df) > sample_rows:
            df = df.head(sample_rows)
        res = validate_frame(df, table)
        if not res.ok:
            first = res.errors.iloc[0]
            problems.append(f"{Path(f).name}: {len(res.errors)}건 — 예: 행 {first['row']}, {first['message_ko']}")
    return problems


def replace_table(con: duckdb.DuckDBPyConnection, name: str, df: pd.DataFrame) -> None:
    """Create or replace table `name` (a fixed name from the calling code, never user input) from a frame."""
    con.register("_df", df)
    con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM _df")
    con.unregister("_df")


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    for name, df in {
        "ref_sido": ref.sido(),
        "ref_sigungu": ref.sigungu(),
        "ref_occupation": ref.occupations(),
        "ref_industry": ref.industries(),
        "ref_keco_group": ref.keco_groups(),
        "ref_kosis_sigungu": ref.kosis_sigungu(),
        "ref_kosis_sido": ref.kosis_sido(),
    }.items():
        replace_table(con, name, df)


def refresh_derived(con: duckdb.DuckDBPyConnection) -> None:
    for sql in FACT_SQL.values():
        con.execute(sql)
    for sql in VIEWS.values():
        con.execute(sql)


def refresh_model_tables(
    con: duckdb.DuckDBPyConnection,
    data_dir: config.PathLike | None = None,
    table: str | None = None,
    keys: list | None = None,
) -> list[str]:
    """Let every installed model refresh its derived tables (scores) in a warehouse version being written.

    Models register a `refresh(con, data_dir, table, keys) -> str | None` under the `goyong.derived`
    entry-point group (pyproject.toml), so the data layer calls them without importing `models`. A full
    build passes no table (re-score everything); an import passes the table and the new keys. A refresher
    that fails leaves its tables as they were (pages then say the scores are missing) and its Korean
    message is returned with the others.
    """
    messages = []
    for ep in sorted(entry_points(group=DERIVED_GROUP), key=lambda e: e.name):
        try:
            msg = ep.load()(con, data_dir, table, keys)
        except Exception as exc:  # noqa: BLE001 - one model's failure must not lose the import or the build
            msg = f"{ep.name}: 점수를 다시 계산하지 못했습니다({type(exc).__name__}: {exc}). 모델을 다시 학습해 주세요."
        if msg:
            messages.append(msg)
    return messages


def build(data_dir: Path | str | None = None, *, validate: bool = True, progress: bool = True) -> Path:
    """(Re)build the DuckDB warehouse from Parquet as a new version and publish it atomically.

    Takes the writer lock (an import running elsewhere makes this fail at once with a Korean message) and
    first clears what a crashed writer left. Model scores are recomputed by the installed refreshers, so a
    rebuild keeps the caseload and outlook pages working; the operational store is never touched.
    """
    raw = config.raw_dir(data_dir)
    world = json.loads((raw / "_world.json").read_text()) if (raw / "_world.json").exists() else {}
    sample = 200_000 if world.get("scale") == "national" else None
    with publish.writer_lock(data_dir):
        publish.recover(data_dir)
        with publish.new_version(data_dir, copy_current=False) as con:
            con.execute("CREATE SCHEMA IF NOT EXISTS truth")
            con.execute(META_IMPORTS_DDL)
            bar = tqdm(list(TABLES), desc="웨어하우스 구축", unit="표", disable=not progress)
            for t in bar:
                spec = TABLES[t]
                files = _glob(raw, config.imports_dir(data_dir), t)
                if not files:
                    raise UserError(f"'{t}' 테이블의 Parquet 파일이 없습니다: {raw}", f"no Parquet files for {t}")
                if validate:
                    probs = _validate_parts(files, t, sample)
                    if probs:
                        raise UserError(
                            f"'{spec.ko}'({t}) 스키마 검증 실패:\n" + "\n".join(probs[:5]), f"{t}: schema check failed"
                        )
                    _check_unique_keys(con, t, files)
                target = f"truth.{t}" if spec.schema == "truth" else t
                con.execute(f"CREATE OR REPLACE TABLE {target} AS SELECT * FROM read_parquet(?)", [files])
                for f in files:
                    if Path(f).parent.parent == config.imports_dir(data_dir):
                        con.execute(
                            "INSERT INTO meta_imports SELECT ?, ?, count(*), now() FROM read_parquet(?)",
                            [import_id_of(f), t, f],
                        )
            load_reference(con)
            refresh_derived(con)
            con.execute(
                "CREATE OR REPLACE TABLE meta_world AS SELECT * FROM (VALUES (?, ?), (?, ?)) t(key, value)",
                ["world", json.dumps(world, ensure_ascii=False), "build", build_fingerprint()],
            )
            for msg in refresh_model_tables(con, data_dir):
                print(msg)
    return config.warehouse_db(data_dir)


def build_fingerprint() -> str:
    """Hash of the code that shapes the DuckDB file: a changed build is redone by `ensure`."""
    here = Path(__file__).parent
    sources = ("warehouse.py", "spec.py", "publish.py")
    return hashlib.sha256(b"".join((here / f).read_bytes() for f in sources)).hexdigest()[:16]


def _built_with(db: Path) -> str | None:
    try:
        con = duckdb.connect(str(db), read_only=True)
        row = con.execute("SELECT value FROM meta_world WHERE key = 'build'").fetchone()
        con.close()
        return row[0] if row else None
    except duckdb.Error:
        return None


def ensure(scale: str = "default", data_dir: Path | str | None = None, seed: int = 20261125) -> Path:
    """Generate and build only what is missing (used by `make run` and `make test`)."""
    raw, db = config.raw_dir(data_dir), config.warehouse_db(data_dir)
    world_file = raw / "_world.json"
    have = json.loads(world_file.read_text()) if world_file.exists() else {}
    real_data = raw.exists() and any(raw.iterdir()) and not world_file.exists()
    if real_data:
        print(f"{raw}에 실제 자료가 있어 합성 데이터를 만들지 않습니다.")
    elif have.get("scale") != scale or have.get("fingerprint") != fingerprint():
        print(f"합성 데이터 생성: scale={scale} → {raw}")
        generate(scale, raw, seed)
        db.unlink(missing_ok=True)
        shutil.rmtree(
            config.artefacts_dir(data_dir), ignore_errors=True
        )  # models of the previous world no longer apply
    if db.exists() and _built_with(db) != build_fingerprint():
        print("웨어하우스 구축 코드가 바뀌어 다시 구축합니다.")
        db.unlink()
    if not db.exists():
        print(f"DuckDB 웨어하우스 구축 → {db}")
        build(data_dir)
    return db


def _main(argv: list[str] | None = None) -> None:
    ap = KoArgumentParser(
        prog="python -m data_catalog.warehouse", description="DuckDB 웨어하우스 구축 (build the warehouse)"
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="Parquet → DuckDB")
    b.add_argument("--scale", choices=list(SCALES), default=None, help="generate this scale first if it is absent")
    b.add_argument("--if-absent", action="store_true", help="do nothing when the warehouse already exists")
    b.add_argument("--data-dir", default=None)
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    if a.scale:
        if a.if_absent:
            ensure(a.scale, a.data_dir)
        else:
            generate(a.scale, config.raw_dir(a.data_dir))
            build(a.data_dir)
    else:
        build(a.data_dir)
    print(f"완료: {config.warehouse_db(a.data_dir)} ({time.perf_counter() - t0:.1f}초)")


def main(argv: list[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
