"""One-time adoption of interest answers from the store used before the operational store (a DuckDB file).

Copies tests and answers that the new store does not yet hold, then leaves the old file alone, so
upgrading loses no one's test in progress. Runs once per process (the app caches the store).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
from sqlalchemy import insert, select

from store.interest import InterestStore
from store.schema import interest_answers, interest_tests


def adopt_interest_answers(legacy_db: Path, store: InterestStore) -> int:
    """Copy tests (and their answers) missing from `store`; returns how many tests were copied."""
    if not legacy_db.exists():
        return 0
    try:
        con = duckdb.connect(str(legacy_db), read_only=True)
    except duckdb.Error:
        return 0  # held by an old app still running, or not a DuckDB file: nothing to adopt now
    try:
        tests = con.execute("SELECT test_id, form, max_job_zone, created_at, finished_at FROM interest_tests").df()
        answers = con.execute("SELECT test_id, item_id, answer, seq, answered_at FROM interest_answers").df()
    except duckdb.Error:
        return 0
    finally:
        con.close()
    with store.engine.begin() as c:
        have = set(c.execute(select(interest_tests.c.test_id)).scalars())
        new = tests[~tests["test_id"].isin(have)]
        if new.empty:
            return 0
        c.execute(insert(interest_tests), _records(new))
        rows = answers[answers["test_id"].isin(new["test_id"])]
        if len(rows):
            c.execute(insert(interest_answers), _records(rows))
    return len(new)


def _records(df) -> list[dict]:
    out = df.astype(object).where(df.notna(), None).to_dict("records")
    for r in out:
        for k, v in r.items():
            if hasattr(v, "to_pydatetime"):
                r[k] = v.to_pydatetime()
            elif hasattr(v, "item"):
                r[k] = v.item()
    return out
