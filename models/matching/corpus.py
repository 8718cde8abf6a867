"""The texts matching embeds and the time split every matching model and evaluation shares.

A posting's text is its title and body; a seeker's is the résumé, the skills and the desired occupation's name
(what a counsellor would read first). Nothing sensitive (gender, age, disability, nationality) enters either.

Split: applications are ordered by their date. The last `TEST_MONTHS` months are the held-out test (the embedder and
the re-ranker never see them), the `VALID_MONTHS` before are the re-ranker's early-stopping months, and everything
earlier trains both the static embedder and the re-ranker.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

TEST_MONTHS = 3
VALID_MONTHS = 2

POSTING_TEXT_SQL = "p.title || ' ' || p.description"
SEEKER_TEXT_SQL = (
    "coalesce(s.resume_text, '') || ' ' || replace(coalesce(s.skills, ''), ';', ', ') || ' 희망 직종: ' "
    "|| coalesce(o.name_ko, '')"
)


def posting_texts(con: duckdb.DuckDBPyConnection, ids: list[int] | None = None) -> pd.DataFrame:
    """posting_id, text (all postings, or the given ids)."""
    where = "WHERE p.posting_id IN (SELECT unnest(?::BIGINT[]))" if ids is not None else ""
    sql = f"SELECT p.posting_id, {POSTING_TEXT_SQL} AS text FROM postings p {where} ORDER BY p.posting_id"
    return con.execute(sql, [ids] if ids is not None else []).df()


def seeker_texts(con: duckdb.DuckDBPyConnection, ids: list[int] | None = None) -> pd.DataFrame:
    """seeker_id, text (all seekers, or the given ids)."""
    where = "WHERE s.seeker_id IN (SELECT unnest(?::BIGINT[]))" if ids is not None else ""
    sql = (
        f"SELECT s.seeker_id, {SEEKER_TEXT_SQL} AS text FROM seekers s "
        f"LEFT JOIN ref_occupation o ON o.keco_code = s.desired_keco_code {where} ORDER BY s.seeker_id"
    )
    return con.execute(sql, [ids] if ids is not None else []).df()


@dataclass(frozen=True)
class Periods:
    """First day of the validation months and of the test months; the last application day."""

    valid_start: pd.Timestamp
    test_start: pd.Timestamp
    end: pd.Timestamp

    def part(self, d: pd.Series) -> pd.Series:
        return pd.Series(
            pd.cut(
                d.astype("int64"),
                [-(2**63), self.valid_start.value - 1, self.test_start.value - 1, 2**63 - 1],
                labels=["train", "valid", "test"],
            ).astype(str),
            index=d.index,
        )


def periods(con: duckdb.DuckDBPyConnection) -> Periods:
    last = pd.Timestamp(con.execute("SELECT max(applied_date) FROM applications").fetchone()[0])
    month = last.to_period("M")
    test_start = (month - (TEST_MONTHS - 1)).to_timestamp()
    valid_start = (month - (TEST_MONTHS + VALID_MONTHS - 1)).to_timestamp()
    return Periods(valid_start, test_start, last)


def training_pairs(con: duckdb.DuckDBPyConnection, before: pd.Timestamp, limit: int, seed: int = 0) -> pd.DataFrame:
    """(seeker text, posting text) of applications before `before`, hires first, then a seeded sample of the rest."""
    sql = f"""
        SELECT {SEEKER_TEXT_SQL} AS query, {POSTING_TEXT_SQL} AS positive
        FROM applications a JOIN seekers s USING (seeker_id) JOIN postings p USING (posting_id)
        LEFT JOIN ref_occupation o ON o.keco_code = s.desired_keco_code
        WHERE a.applied_date < ?
        ORDER BY (a.final_stage = 'hired') DESC, hash(a.application_id + ?) LIMIT ?
    """
    return con.execute(sql, [before, seed, limit]).df().sample(frac=1.0, random_state=seed)
