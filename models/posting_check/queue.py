"""The ministry's review queue: the postings of a day checked by the rules and the ML score, suspicious ones first.

Reads the warehouse's postings only (never the world's truth; the ML score was trained without the queue's window,
`world.QUEUE_WINDOW_DAYS`). A posting is queued when it has any flag; the
order is the highest severity, then the number of flags, then the anomaly score. Decisions live in the
operational store (`store.postings`), keyed by `key_of`.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from models.posting_check.anomaly import AnomalyScorer
from models.posting_check.check import check_frame
from models.posting_check.rules import SEVERITY_RANK
from models.posting_check.world import ROWS_SQL

QUEUE_SQL = f"""
SELECT q.*, p.sido_code FROM ({ROWS_SQL} WHERE p.posted_date::DATE BETWEEN ? AND ?) q
JOIN postings p ON p.posting_id::VARCHAR = q.id ORDER BY p.posting_id
"""


def key_of(posting_id: object) -> str:
    return f"wh:{posting_id}"


def last_day(con: duckdb.DuckDBPyConnection) -> date:
    return pd.Timestamp(con.execute("SELECT max(posted_date) FROM postings").fetchone()[0]).date()


def checked(con: duckdb.DuckDBPyConnection, start: date, end: date, scorer: AnomalyScorer | None) -> pd.DataFrame:
    """Every posting of [start, end] with its checker row and report, most suspicious first."""
    rows = con.execute(QUEUE_SQL, [start, end]).df()
    if rows.empty:
        return rows
    report = check_frame(rows.drop(columns=["sido_code"]), scorer)
    out = rows.merge(report, on="id", how="left")
    out["severity_rank"] = out["max_severity"].map(SEVERITY_RANK).fillna(0).astype(int)
    out["key"] = out["id"].map(key_of)
    return out.sort_values(
        ["severity_rank", "n_flags", "anomaly_score"], ascending=False, kind="stable", na_position="last"
    ).reset_index(drop=True)


def filtered(queue: pd.DataFrame, rules: list[str], sidos: list[str], flagged_only: bool = True) -> pd.DataFrame:
    q = queue
    if flagged_only:
        q = q[q["rules"] != ""]
    if rules:
        wanted = set(rules)
        q = q.loc[q["rules"].map(lambda s: bool(set(s.split(";")) & wanted)).astype(bool)]
    if sidos:
        q = q[q["sido_code"].isin(sidos)]
    return q


def bulk_report(raw: bytes, name: str, scorer: AnomalyScorer | None) -> pd.DataFrame:
    """An uploaded file's postings checked (the CLI's reading and report); `UserError` in Korean for a bad file."""
    from models.posting_check.__main__ import postings_from_bytes, require_columns  # noqa: PLC0415 - the CLI module

    return check_frame(require_columns(postings_from_bytes(raw, name), name), scorer)
