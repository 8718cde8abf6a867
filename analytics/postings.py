"""Posting search and wage benchmarks for the seeker, employer and counsellor pages."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.filters import MarketFilter, where_clause


def search(
    con: duckdb.DuckDBPyConnection,
    f: MarketFilter,
    *,
    level: str | None = None,
    region: str | None = None,
    status: tuple[str, ...] = (),
    min_wage: int | None = None,
    limit: int = 200,
) -> pd.DataFrame:
    """Postings matching the filters, newest first, with firm, region and occupation names."""
    where, params = where_clause(f, posting=True, level=level, region=region)
    if status:
        where += f" AND status IN ({', '.join('?' * len(status))})"
        params.extend(status)
    if min_wage:
        where += " AND wage_monthly_krw >= ?"
        params.append(int(min_wage))
    sql = f"""
    SELECT posting_id, posted_date, closing_date, status, title, firm_name, sido_name_ko, sigungu_name_ko,
           occupation_ko, contract_type, wage_type, wage_amount, wage_monthly_krw, weekly_hours, openings
    FROM v_posting_detail {where} ORDER BY posted_date DESC, posting_id DESC LIMIT ?
    """
    return con.execute(sql, params + [int(limit)]).df()


def wage_benchmark(
    con: duckdb.DuckDBPyConnection,
    f: MarketFilter,
    *,
    level: str | None = None,
    region: str | None = None,
    offer: int | None = None,
) -> dict[str, float | None]:
    """Quartiles of comparable offers, the percentile of `offer`, and fill rates by wage quintile."""
    where, params = where_clause(f, posting=True, level=level, region=region)
    row = con.execute(
        f"""
        SELECT count(*), quantile_disc(wage_monthly_krw, 0.25), quantile_disc(wage_monthly_krw, 0.5),
               quantile_disc(wage_monthly_krw, 0.75),
               avg(CASE WHEN wage_monthly_krw < ? THEN 1.0 WHEN wage_monthly_krw = ? THEN 0.5
                        WHEN wage_monthly_krw IS NOT NULL THEN 0 END),
               count(*) FILTER (WHERE status = 'filled') / nullif(count(*) FILTER (WHERE status <> 'open'), 0),
               median(days_to_fill)
        FROM fact_posting {where}""",
        [offer or 0, offer or 0] + params,
    ).fetchone()
    n, q1, q2, q3, pct, fill, dtf = row
    return {
        "n": n,
        "p25": q1,
        "median": q2,
        "p75": q3,
        "offer_percentile": pct if offer else None,
        "fill_rate": fill,
        "days_to_fill": dtf,
    }


def fill_by_wage_quintile(
    con: duckdb.DuckDBPyConnection, f: MarketFilter, *, level: str | None = None, region: str | None = None
) -> pd.DataFrame:
    """Fill rate and median days to fill by wage quintile; equal wages always share a quintile.

    `ntile(5)` would cut through ties (many offers sit exactly at the minimum wage), giving two bars
    labelled with the same wage. Grouping by `percent_rank` keeps ties together, so the ranges never
    overlap; a quintile swallowed by a large tie is simply absent.
    """
    where, params = where_clause(f, posting=True, level=level, region=region)
    return con.execute(
        f"""
        WITH p AS (SELECT wage_monthly_krw, status, days_to_fill,
                          least(5, 1 + floor(5 * percent_rank() OVER (ORDER BY wage_monthly_krw)))::INTEGER AS q
                   FROM fact_posting {where} AND wage_monthly_krw IS NOT NULL)
        SELECT q AS quintile, min(wage_monthly_krw) AS wage_from, max(wage_monthly_krw) AS wage_to, count(*) AS n,
               count(*) FILTER (WHERE status <> 'open') AS n_closed,
               count(*) FILTER (WHERE status = 'filled') AS n_filled,
               count(*) FILTER (WHERE status = 'filled')
                   / nullif(count(*) FILTER (WHERE status <> 'open'), 0) AS fill_rate,
               median(days_to_fill) AS days_to_fill
        FROM p GROUP BY q ORDER BY q""",
        params,
    ).df()


def firm_postings(con: duckdb.DuckDBPyConnection, firm_id: str | int, limit: int = 200) -> pd.DataFrame:
    """One firm's own postings, newest first — `firm_id` is the signed-in employer's firm, never a widget value."""
    return con.execute(
        """SELECT posting_id, posted_date, closing_date, status, title, sido_name_ko, sigungu_name_ko, occupation_ko,
                  contract_type,
                  wage_type, wage_amount, wage_monthly_krw, weekly_hours, openings, firm_name
           FROM v_posting_detail WHERE firm_id = ? ORDER BY posted_date DESC, posting_id DESC LIMIT ?""",
        [int(firm_id), int(limit)],
    ).df()
