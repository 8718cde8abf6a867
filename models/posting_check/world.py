"""The checker on the warehouse's postings: their checker rows, and its recall and false alarms by phrasing split.

The synthetic world plants violations with phrasings from `reference/posting_phrasings.csv`, part of them held out
(`truth.posting_violations.split`): the rules were written without looking at the held-out phrasings, so recall on
them against recall on the training phrasings says how well the rules generalise to wordings nobody anticipated.
Truth is read here for two things only: the evaluation, and `labelled` — the labels the ML anomaly score is trained
on (the issue's "a classifier trained on the synthetic anomalies"; a deployment would train it on reviewers'
decisions instead). The queue itself never reads truth, and the score never sees a label of the postings the queue
shows: the last `QUEUE_WINDOW_DAYS` are kept out of its training.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from models.posting_check import anomaly
from models.posting_check.check import check_frame

ROWS_SQL = """
SELECT p.posting_id::VARCHAR AS id, p.title, p.description AS body, p.wage_type, p.wage_amount AS wage,
       p.weekly_hours, year(p.posted_date) AS year, strftime(p.posted_date, '%Y-%m-%d') AS posted_date,
       strftime(p.closing_date, '%Y-%m-%d') AS closing_date,
       r.sido_name_ko || ' ' || r.sigungu_name_ko AS location, '' AS contact
FROM postings p LEFT JOIN ref_sigungu r USING (sigungu_code)
"""
"""Warehouse postings as the checker's input columns (the contact is in the text: "고용24 입사지원으로 접수")."""


def checker_rows(con: duckdb.DuckDBPyConnection, posting_ids: list[int] | None = None) -> pd.DataFrame:
    if posting_ids is None:
        return con.execute(ROWS_SQL + " ORDER BY p.posting_id").df()
    return con.execute(
        ROWS_SQL + " WHERE p.posting_id IN (SELECT UNNEST(?)) ORDER BY p.posting_id", [list(map(int, posting_ids))]
    ).df()


def _families(report: pd.DataFrame) -> pd.Series:
    return report.set_index("id")["families"].fillna("").map(lambda s: {x for x in s.split(";") if x})


def evaluate(
    con: duckdb.DuckDBPyConnection, limit_clean: int = 4000, report: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per violation family and phrasing split: recall on planted violations, false alarms on its hard negatives,
    and (one row) false alarms on clean postings. Rows: family, split, kind, n, hits, rate.

    `report` (the checker's report of every posting, as training already has it) saves checking them again."""
    v = con.execute(
        "SELECT posting_id, family, kind, coalesce(split, 'fields') AS split FROM truth.posting_violations"
    ).df()
    bad = set(v["posting_id"])
    clean = con.execute(
        "SELECT posting_id FROM postings WHERE posting_id NOT IN (SELECT posting_id FROM truth.posting_violations) "
        "ORDER BY hash(posting_id) LIMIT ?",
        [limit_clean],
    ).df()["posting_id"]
    ids = sorted(bad | set(clean))
    found = _families(report if report is not None else check_frame(checker_rows(con, ids)))
    found.index = found.index.astype(int)
    v["hit"] = [fam in found.get(pid, set()) for pid, fam in zip(v["posting_id"], v["family"], strict=True)]
    rows = (
        v.groupby(["family", "split", "kind"], as_index=False)
        .agg(n=("hit", "size"), hits=("hit", "sum"))
        .assign(rate=lambda d: d["hits"] / d["n"])
    )
    flagged = found.reindex(clean.to_numpy()).map(bool)
    rows.loc[len(rows)] = ["(위반 없는 공고)", "-", "clean", len(clean), int(flagged.sum()), float(flagged.mean())]
    return rows


def split_gap(table: pd.DataFrame) -> pd.DataFrame:
    """Recall on training vs held-out phrasings per family (text violations), and the gap."""
    t = table[(table["kind"] == "violation") & table["split"].isin(["train", "heldout"])]
    wide = t.pivot_table(index="family", columns="split", values="rate").reindex(columns=["train", "heldout"])
    return wide.assign(gap=wide["train"] - wide["heldout"]).reset_index()


QUEUE_WINDOW_DAYS = 90
"""The review queue's date picker reaches this far back from the last posting day; no posting in it trains the score."""


def labelled(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every warehouse posting's checker row with `label` (any planted violation), `heldout` (a held-out phrasing
    in it) and `part`: test (held-out phrasings and a share of clean postings), recent (the queue's window: neither
    trained on nor tested) or train."""
    rows = checker_rows(con)
    posted = pd.to_datetime(rows["posted_date"])
    recent = (posted > posted.max() - pd.Timedelta(days=QUEUE_WINDOW_DAYS)).to_numpy()
    v = con.execute("SELECT posting_id, kind, split FROM truth.posting_violations").df()
    pid = rows["id"].astype(int)
    rows["label"] = pid.isin(v.loc[v["kind"] == "violation", "posting_id"]).astype(int).to_numpy()
    rows["heldout"] = pid.isin(v.loc[v["split"] == "heldout", "posting_id"]).to_numpy()
    untouched = ~pid.isin(v["posting_id"]).to_numpy()
    # clean test postings by a hash of the id: reproducible, and independent of the outcome
    clean_test = (pd.util.hash_pandas_object(pid, index=False).to_numpy() % 1000) < anomaly.CLEAN_TEST_SHARE * 1000
    test = rows["heldout"].to_numpy() | (untouched & clean_test)
    rows["part"] = np.where(test, "test", np.where(recent, "recent", "train"))
    return rows
