"""Counsellor caseload: seekers with their batch employability scores, filtered and ranked."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.filters import conditions


def peer_scores(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every seeker's batch probability with the fields peers are grouped by (age, sido, desired major)."""
    return con.execute("""
        SELECT sc.seeker_id, sc.p, s.age, s.sido_code, substr(s.desired_keco_code, 1, 1) AS desired_major
        FROM seeker_scores sc JOIN seekers s USING (seeker_id)""").df()


def caseload(
    con: duckdb.DuckDBPyConnection,
    *,
    centre: str,
    sigungu: str | None = None,
    major: str | None = None,
    p_max: float = 1.0,
    only_recent: bool = True,
    limit: int = 500,
) -> pd.DataFrame:
    """A centre's seekers (lowest probability first) — recent = registered in the last 6 months of data.

    `centre` is the signed-in counsellor's centre (never a widget value): the synthetic world assigns each
    seeker to the centre of their sido, so only that sido's seekers come back.
    """
    where, params = conditions(
        ("s.sido_code = ?", str(centre)),
        ("sc.p <= ?", float(p_max)),
        ("s.sigungu_code = ?", sigungu),
        ("substr(s.desired_keco_code, 1, 1) = ?", major),
    )
    if only_recent:
        where.append("s.registered_date > (SELECT max(registered_date) FROM seekers) - INTERVAL 183 DAY")
    sql = f"""
    SELECT s.seeker_id, s.registered_date, s.age, r.sido_name_ko, o.name_ko AS desired_ko, s.desired_wage_krw,
           date_diff('day', s.unemployment_start, s.registered_date) / 30.44 AS unemp_months, sc.p
    FROM seeker_scores sc JOIN seekers s USING (seeker_id)
    LEFT JOIN ref_sido r ON r.sido_code = s.sido_code LEFT JOIN ref_occupation o ON o.keco_code = s.desired_keco_code
    WHERE {" AND ".join(where)} ORDER BY sc.p, s.seeker_id LIMIT ?
    """
    return con.execute(sql, params + [int(limit)]).df()


def scores_available(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse holds batch scores (a rebuild without a model, or a failed re-score, has none)."""
    n = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('seeker_scores', 'seeker_features')"
    ).fetchone()[0]
    return n == 2


def unscored_count(con: duckdb.DuckDBPyConnection, only_recent: bool = True) -> int:
    """Seekers without a batch score (imported while no model was registered, or scoring failed)."""
    recent = (
        "AND s.registered_date > (SELECT max(registered_date) FROM seekers) - INTERVAL 183 DAY" if only_recent else ""
    )
    return int(
        con.execute(
            f"SELECT count(*) FROM seekers s ANTI JOIN seeker_scores sc USING (seeker_id) WHERE TRUE {recent}"
        ).fetchone()[0]
    )


def seeker_centre(con: duckdb.DuckDBPyConnection, seeker_id: int) -> str | None:
    """The centre a seeker belongs to (their sido), or None if there is no such seeker."""
    rows = con.execute("SELECT sido_code FROM seekers WHERE seeker_id = ?", [int(seeker_id)]).fetchall()
    return str(rows[0][0]) if rows else None
