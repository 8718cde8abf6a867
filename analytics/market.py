"""Labour-market aggregates for the jobs map and the policy home page.

Definitions (shown on the pages as well):
- 신규 구인공고 = postings posted in the period; 신규 구인인원 = their openings (the map's
  "open vacancies"); 신규 구직자 = registrations in the period; 활동 구직자 = seekers whose
  registration was active (registered, not yet employed, within 6 months) at any time in it.
- 구인배수 (vacancy-to-seeker ratio) = 신규 구인인원 ÷ 신규 구직자, as in KEIS Work24 statistics.
- Offered wage = monthly-normalised wage (hourly × weekly hours, annual ÷ 12). Quantiles are the
  inverted-CDF quantile (smallest value whose cumulative share reaches q) at 만원 resolution,
  computed from per-region histograms in two levels (coarse bins locate the quartile, fine bins
  give it): exact at the precision the app displays, and fast at national scale.
- Views filtered only by period (and KECO major) read pre-aggregated cubes built with the
  warehouse; other filters read the month-sorted fact tables. Both paths are tested to agree.
- 충원율 (fill rate) = filled ÷ closed postings (open postings excluded); 충원 소요일 = median days
  from posting to fill among filled postings.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from analytics.filters import OCC_LEVELS, MarketFilter, month_start, region_col, where_clause

MIN_CELL = 5
"""Groups with fewer postings (or seekers) than this are suppressed on maps and tables."""

POSTING_METRICS = ("new_postings", "openings", "wage_p25", "wage_median", "wage_p75", "fill_rate", "days_to_fill")
SEEKER_METRICS = ("new_seekers", "active_seekers", "desired_wage_median")
BOTH_METRICS = ("vacancy_ratio", "wage_gap")

METRIC_LABELS: dict[str, tuple[str, str]] = {
    "openings": ("신규 구인인원", "명"),
    "new_postings": ("신규 구인공고", "건"),
    "wage_median": ("제시임금 중위값", "만원"),
    "wage_p25": ("제시임금 1사분위", "만원"),
    "wage_p75": ("제시임금 3사분위", "만원"),
    "new_seekers": ("신규 구직자", "명"),
    "active_seekers": ("활동 구직자", "명"),
    "vacancy_ratio": ("구인배수", "배"),
    "desired_wage_median": ("희망임금 중위값", "만원"),
    "wage_gap": ("희망-제시 임금 격차", "만원"),
    "fill_rate": ("충원율", "%"),
    "days_to_fill": ("충원 소요일(중위)", "일"),
}


def _quantile_cte(name: str, source: str, value: str, qs: dict[str, float]) -> str:
    """CTEs for inverted-CDF quantiles of integer `value` per `region` of row source `source`."""
    return f"""
    {name}_h AS (SELECT region, {value} AS v, count(*) AS c FROM {source} WHERE {value} IS NOT NULL GROUP BY ALL),
    {_hist_quantiles(name, f"{name}_h", qs)}"""


def _cube_ok(f: MarketFilter) -> bool:
    """The pre-aggregated cubes answer filters on period and KECO major only."""
    return not f.posting_only and f.occ_level in (None, "major")


def posting_metrics(
    con: duckdb.DuckDBPyConnection, f: MarketFilter, level: str | None, use_cube: bool | None = None
) -> pd.DataFrame:
    """Posting-side metrics per region (`level` sido/sigungu) or nationally (level None).

    Totals, the per-region wage histogram (1만원 bins) and the days-to-fill histogram of filled
    postings are three narrow aggregations; quantiles are read off the histograms. Period(+major)
    views read the pre-aggregated cubes, others the fact table; both give the same numbers (tested).
    """
    cube = _cube_ok(f) if use_cube is None else use_cube
    where, params = where_clause(f, posting=not cube)
    region = region_col(level) if level else "'00'"
    if cube:
        table = "cube_posting_wage" if f.occ_level else "cube_posting_wage_all"  # all occupations: the smaller cube
        totals = (
            f"SELECT {region} AS region, sum(c) AS new_postings, sum(o) AS openings, sum(nf) AS n_filled, "
            f"sum(nc) AS n_closed FROM {table} {where} GROUP BY ALL"
        )
        wage_src = f"SELECT {region} AS region, wage_manwon AS v, sum(c) AS c FROM {table} {where} GROUP BY ALL"
        days_src = (
            f"SELECT {region} AS region, days_to_fill AS v, sum(c) AS c FROM cube_posting_days {where} GROUP BY ALL"
        )
    else:
        totals = (
            f"SELECT {region} AS region, count(*) AS new_postings, sum(openings) AS openings, "
            "count(*) FILTER (WHERE status = 'filled') AS n_filled, "
            "count(*) FILTER (WHERE status <> 'open') AS n_closed "
            f"FROM fact_posting {where} GROUP BY ALL"
        )
        wage_src = f"SELECT {region} AS region, wage_manwon AS v, count(*) AS c FROM fact_posting {where} GROUP BY ALL"
        days_src = (
            f"SELECT {region} AS region, days_to_fill AS v, count(*) AS c FROM fact_posting {where} "
            "AND status = 'filled' GROUP BY ALL"
        )
    sql = f"""
    WITH agg AS ({totals}),
    wh AS (SELECT * FROM ({wage_src}) WHERE v IS NOT NULL),  -- invalid wages (quality.py) are left out
    {_hist_quantiles_2level("w", "wh", {"wage_p25": 0.25, "wage_median": 0.5, "wage_p75": 0.75})},
    dh AS ({days_src}),
    {_hist_quantiles("d", "dh", {"days_to_fill": 0.5})}
    SELECT agg.region, new_postings::BIGINT AS new_postings, openings::BIGINT AS openings, n_filled::BIGINT AS n_filled,
           n_closed::BIGINT AS n_closed,
           w.wage_p25 * 10000 AS wage_p25, w.wage_median * 10000 AS wage_median, w.wage_p75 * 10000 AS wage_p75,
           CASE WHEN n_closed > 0 THEN n_filled / n_closed END AS fill_rate,
           d.days_to_fill
    FROM agg LEFT JOIN w USING (region) LEFT JOIN d USING (region)
    """
    return con.execute(sql, params * 3).df()


def _hist_quantiles_2level(name: str, hist: str, qs: dict[str, float], width: int = 10) -> str:
    """Same result as `_hist_quantiles`, in two steps for wide histograms (wages in 만원).

    A running sum over every (region, 만원) bin is the slow step at national scale, so the running
    sum is taken over coarse bins of `width` first, and only inside the coarse bin holding each
    quantile over the fine values. Exact: the coarse step only locates the bin.
    """
    keys = list(qs)
    bsel = ", ".join(f"min(b) FILTER (WHERE cs >= {qs[k]} * tot) AS b_{i}" for i, k in enumerate(keys))
    pre = ", ".join(f"coalesce(sum(bc.c) FILTER (WHERE bc.b < t.b_{i}), 0) AS pre_{i}" for i in range(len(keys)))
    in_bins = ", ".join(f"p.b_{i}" for i in range(len(keys)))
    final = ", ".join(
        f"min(v) FILTER (WHERE b = b_{i} AND pre_{i} + cs_in >= {qs[k]} * tot) AS {k}" for i, k in enumerate(keys)
    )
    return f"""
    {name}_b AS (SELECT region, v // {width} AS b, sum(c) AS c FROM {hist} WHERE v IS NOT NULL GROUP BY ALL),
    {name}_bc AS (SELECT region, b, c, sum(c) OVER (PARTITION BY region ORDER BY b) AS cs,
                         sum(c) OVER (PARTITION BY region) AS tot FROM {name}_b),
    {name}_t AS (SELECT region, any_value(tot) AS tot, {bsel} FROM {name}_bc GROUP BY region),
    {name}_p AS (SELECT t.*, {pre} FROM {name}_t t JOIN {name}_bc bc USING (region) GROUP BY ALL),
    {name}_f AS (SELECT h.region, h.v, h.c, h.v // {width} AS b, p.* EXCLUDE (region)
                 FROM {hist} h JOIN {name}_p p USING (region) WHERE h.v // {width} IN ({in_bins})),
    {name}_fc AS (SELECT *, sum(c) OVER (PARTITION BY region, b ORDER BY v) AS cs_in FROM {name}_f),
    {name} AS (SELECT region, {final} FROM {name}_fc GROUP BY region)"""


def _hist_quantiles(name: str, hist: str, qs: dict[str, float]) -> str:
    """Inverted-CDF quantiles from a histogram CTE with columns (region, v, c)."""
    sel = ", ".join(f"min(v) FILTER (WHERE cs >= {q} * tot) AS {alias}" for alias, q in qs.items())
    return f"""
    {name}_c AS (SELECT region, v, sum(c) OVER (PARTITION BY region ORDER BY v) AS cs,
                        sum(c) OVER (PARTITION BY region) AS tot FROM {hist} WHERE v IS NOT NULL),
    {name} AS (SELECT region, {sel} FROM {name}_c GROUP BY region)"""


def seeker_metrics(
    con: duckdb.DuckDBPyConnection, f: MarketFilter, level: str | None, use_cube: bool | None = None
) -> pd.DataFrame:
    """New and active seekers and the median desired wage per region (cubes for period[+major] views)."""
    region = region_col(level) if level else "'00'"
    start, end = month_start(f.start), _month_end(f.end)
    if (f.occ_level in (None, "major")) if use_cube is None else use_cube:
        occ = " AND occ_major = ?" if f.occ_level else ""
        extra = [f.occ_code] if f.occ_level else []
        sql = f"""
        WITH agg AS (SELECT {region} AS region, sum(c) FILTER (WHERE reg_month >= ?) AS new_seekers,
                            sum(c) AS active_seekers
                     FROM cube_seeker_active WHERE reg_month <= ? AND exit_month >= ?{occ} GROUP BY ALL),
        wh AS (SELECT {region} AS region, desired_manwon AS v, sum(c) AS c FROM cube_seeker_wage
               WHERE month BETWEEN ? AND ?{occ} GROUP BY ALL),
        {_hist_quantiles_2level("q", "wh", {"desired_wage_median": 0.5})}
        SELECT agg.region, coalesce(new_seekers, 0)::BIGINT AS new_seekers, active_seekers::BIGINT AS active_seekers,
               q.desired_wage_median * 10000 AS desired_wage_median
        FROM agg LEFT JOIN q USING (region)
        """
        last = month_start(f.end)
        return con.execute(sql, [start, last, start, *extra, start, last, *extra]).df()
    occ = ""
    # exit_date ≤ registration + 183 days, so only registrations from 7 months before the period can be
    # active: the redundant month bound lets DuckDB skip row groups of the month-sorted table
    lookback = (pd.Timestamp(start) - pd.DateOffset(months=7)).date()
    params: list = [start, month_start(f.end), end, start, lookback, month_start(f.end)]
    if f.occ_level:
        occ = f" AND {OCC_LEVELS[f.occ_level]} = ?"
        params.append(f.occ_code)
    sql = f"""
    WITH s AS (SELECT {region} AS region, month BETWEEN ? AND ? AS is_new, desired_manwon
               FROM fact_seeker WHERE registered_date <= ? AND exit_date >= ? AND month BETWEEN ? AND ?{occ}),
    agg AS (SELECT region, count(*) FILTER (WHERE is_new) AS new_seekers, count(*) AS active_seekers
            FROM s GROUP BY region),
    sn AS (SELECT region, desired_manwon FROM s WHERE is_new),
    {_quantile_cte("q", "sn", "desired_manwon", {"desired_wage_median": 0.5})}
    SELECT agg.region, new_seekers, active_seekers, q.desired_wage_median * 10000 AS desired_wage_median
    FROM agg LEFT JOIN q USING (region)
    """
    return con.execute(sql, params).df()


def _month_end(d: date) -> date:
    m = pd.Timestamp(month_start(d)) + pd.offsets.MonthEnd(0)
    return m.date()


def market_metrics(
    con: duckdb.DuckDBPyConnection, f: MarketFilter, level: str | None, *, min_cell: int = MIN_CELL
) -> pd.DataFrame:
    """All map metrics per region, with small cells suppressed (set to NaN, flagged)."""
    p = posting_metrics(con, f, level)
    s = seeker_metrics(con, f, level)
    df = p.merge(s, on="region", how="outer")
    for c in ("new_postings", "openings", "n_filled", "n_closed", "new_seekers", "active_seekers"):
        df[c] = df[c].fillna(0).astype("int64")
    df["vacancy_ratio"] = df["openings"] / df["new_seekers"].where(df["new_seekers"] > 0)
    df["wage_gap"] = df["desired_wage_median"] - df["wage_median"]
    df["suppressed_postings"] = df["new_postings"] < min_cell
    df["suppressed_seekers"] = df["new_seekers"] < min_cell
    df.loc[df["suppressed_postings"], list(POSTING_METRICS)] = float("nan")
    df.loc[df["suppressed_seekers"], list(SEEKER_METRICS)] = float("nan")
    both = df["suppressed_postings"] | df["suppressed_seekers"]
    df.loc[both, list(BOTH_METRICS)] = float("nan")
    df.loc[df["n_closed"] < min_cell, "fill_rate"] = float("nan")
    df.loc[df["n_filled"] < min_cell, "days_to_fill"] = float("nan")
    return df.sort_values("region").reset_index(drop=True)


def suppressed_count(df: pd.DataFrame, metric: str) -> int:
    """How many regions a metric hides because of small cells."""
    if metric in SEEKER_METRICS:
        return int(df["suppressed_seekers"].sum())
    if metric in BOTH_METRICS:
        return int((df["suppressed_postings"] | df["suppressed_seekers"]).sum())
    if metric == "fill_rate":
        return int((df["suppressed_postings"] | (df["n_closed"] < MIN_CELL)).sum())
    if metric == "days_to_fill":
        return int((df["suppressed_postings"] | (df["n_filled"] < MIN_CELL)).sum())
    return int(df["suppressed_postings"].sum())


def monthly_trend(
    con: duckdb.DuckDBPyConnection, f: MarketFilter, level: str | None = None, region: str | None = None
) -> pd.DataFrame:
    """Per-month postings, openings, new seekers, median wage and ratio (one region or the nation)."""
    where, params = where_clause(f, posting=True, level=level, region=region)
    swhere, sparams = where_clause(f, posting=False, level=level, region=region)
    sql = f"""
    WITH p AS (SELECT month AS region, openings, wage_manwon FROM fact_posting {where}),
    agg AS (SELECT region, count(*) AS new_postings, sum(openings) AS openings FROM p GROUP BY region),
    {_quantile_cte("w", "p", "wage_manwon", {"wage_median": 0.5})},
    s AS (SELECT month AS region, count(*) AS new_seekers FROM fact_seeker {swhere} GROUP BY region)
    SELECT agg.region AS month, new_postings, openings, w.wage_median * 10000 AS wage_median,
           COALESCE(s.new_seekers, 0) AS new_seekers
    FROM agg LEFT JOIN w USING (region) LEFT JOIN s USING (region) ORDER BY month
    """
    df = con.execute(sql, params + sparams).df()
    df["vacancy_ratio"] = df["openings"] / df["new_seekers"].where(df["new_seekers"] > 0)
    return df


def top_occupations(
    con: duckdb.DuckDBPyConnection, f: MarketFilter, level: str | None = None, region: str | None = None, n: int = 10
) -> pd.DataFrame:
    where, params = where_clause(f, posting=True, level=level, region=region)
    sql = f"""
    SELECT p.keco_code, o.name_ko AS occupation_ko, count(*) AS new_postings, sum(openings) AS openings,
           median(wage_monthly_krw) AS wage_median
    FROM fact_posting p LEFT JOIN ref_occupation o USING (keco_code) {where}
    GROUP BY ALL HAVING count(*) >= ? ORDER BY openings DESC, p.keco_code LIMIT ?
    """
    return con.execute(sql, params + [MIN_CELL, int(n)]).df()


def wage_distribution(
    con: duckdb.DuckDBPyConnection,
    f: MarketFilter,
    level: str | None = None,
    region: str | None = None,
    bin_manwon: int = 20,
) -> pd.DataFrame:
    """Share of postings per wage bin, for the region and for the nation (same filters)."""
    where, params = where_clause(f, posting=True)
    rc = region_col(level) if level and region else None
    is_region = f"{rc} = ?" if rc else "FALSE"
    sql = f"""
    SELECT (wage_manwon // ?) * ? AS bin_manwon,
           count(*) FILTER (WHERE {is_region}) AS region_n, count(*) AS nation_n
    FROM fact_posting {where} AND wage_manwon IS NOT NULL GROUP BY ALL ORDER BY bin_manwon
    """
    p = [int(bin_manwon), int(bin_manwon)] + ([region] if rc else []) + params
    df = con.execute(sql, p).df()
    for c in ("region_n", "nation_n"):
        tot = df[c].sum()
        df[c.replace("_n", "_share")] = df[c] / tot if tot else 0.0
    return df


def data_period(con: duckdb.DuckDBPyConnection) -> tuple[date, date]:
    lo, hi = con.execute("SELECT min(month), max(month) FROM fact_posting").fetchone()
    return lo, hi


def months_between(lo: date, hi: date) -> list[date]:
    return [d.date() for d in pd.date_range(month_start(lo), month_start(hi), freq="MS")]


def delta_text(metric: str, cur: float | None, prev: float | None) -> str | None:
    """Year-on-year change in the metric's own terms (%, %p, 배 or 일)."""
    if prev is None or pd.isna(prev) or pd.isna(cur) or prev == 0:
        return None
    if metric == "fill_rate":
        return f"{(cur - prev) * 100:+.1f}%p"
    if metric == "vacancy_ratio":
        return f"{cur - prev:+.2f}배"
    if metric == "days_to_fill":
        return f"{cur - prev:+.0f}일"
    return f"{(cur / prev - 1) * 100:+.1f}%"


def sido_summary(df: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "시도": df["region"].map(names),
            "신규 구인인원(명)": df["openings"],
            "신규 구직자(명)": df["new_seekers"],
            "구인배수(배)": df["vacancy_ratio"].round(2),
            "제시임금 중위(만원)": (df["wage_median"] / 10_000).round(0),
            "희망임금 중위(만원)": (df["desired_wage_median"] / 10_000).round(0),
            "충원율(%)": (df["fill_rate"] * 100).round(1),
            "충원 소요일(중위, 일)": df["days_to_fill"],
        }
    )


def occupation_openings(con: duckdb.DuckDBPyConnection, months: int = 12) -> pd.DataFrame:
    """Openings and median offered wage per detailed occupation over the last `months` of data."""
    return con.execute(
        """
        SELECT keco_code, sum(openings) AS openings_12m, median(wage_monthly_krw) AS wage_median_12m
        FROM fact_posting WHERE month > (SELECT max(month) FROM fact_posting) - to_months(?)
        GROUP BY keco_code""",
        [int(months)],
    ).df()
