"""Latency of the jobs map's aggregate queries over random filter combinations.

Measures, on one warehouse (default: data/national, built with
`python -m data_catalog.warehouse build --scale national --data-dir data/national`):
- the map aggregates as the app runs them (posting side, seeker side, and both together),
- a baseline in the same run: the straightforward plan (exact `quantile_cont` over the raw
  `postings` table, filtering on expressions of `posted_date`),
- the map page's build time (AppTest run of the whole page, warm cache cleared each time).

Usage: .venv/bin/python bench/map_queries.py [--data-dir data/national] [--n 20] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from datetime import date
from pathlib import Path

import duckdb
import streamlit as st
from streamlit.testing.v1 import AppTest

import config
from analytics import market
from analytics.filters import MarketFilter, month_start, where_clause
from components import nav
from data_catalog.spec import CONTRACTS, SIZE_BANDS


def random_filters(con: duckdb.DuckDBPyConnection, n: int, seed: int) -> list[tuple[str, MarketFilter]]:
    rnd = random.Random(seed)
    months = market.months_between(*market.data_period(con))
    occ = con.execute("SELECT keco_code FROM ref_occupation").df()["keco_code"].tolist()
    sections = [r[0] for r in con.execute("SELECT ksic_code FROM ref_industry WHERE level = 1").fetchall()]
    out = []
    for _ in range(n):
        a, b = sorted(rnd.sample(range(len(months)), 2))
        level = rnd.choice(["sido", "sigungu"])
        kind = rnd.choice([None, "major", "middle", "detailed"])
        code = rnd.choice(occ)
        occ_code = {"major": code[:1], "middle": code[:2], "detailed": code}.get(kind) if kind else None
        f = MarketFilter(
            months[a],
            months[b],
            occ_level=kind,
            occ_code=occ_code,
            ksic_sections=tuple(rnd.sample(sections, rnd.choice([0, 0, 1, 3]))),
            size_bands=tuple(rnd.sample(list(SIZE_BANDS), rnd.choice([0, 0, 2]))),
            contract_types=tuple(rnd.sample(list(CONTRACTS), rnd.choice([0, 0, 1]))),
        )
        out.append((level, f))
    return out


def baseline(con: duckdb.DuckDBPyConnection, f: MarketFilter, level: str):
    """The plain plan: raw table, exact continuous quantiles, computed month expression."""
    where, params = where_clause(f, posting=True)
    where = (
        where.replace("month BETWEEN", "CAST(date_trunc('month', posted_date) AS DATE) BETWEEN")
        .replace("occ_major = ?", "substr(keco_code, 1, 1) = ?")
        .replace("occ_middle = ?", "substr(keco_code, 1, 2) = ?")
    )
    col = {"sido": "sido_code", "sigungu": "sigungu_code"}[level]
    return con.execute(
        f"""
        SELECT {col}, count(*), sum(openings), quantile_cont(wage_monthly_krw, [0.25, 0.5, 0.75]),
               count(*) FILTER (WHERE status = 'filled') / nullif(count(*) FILTER (WHERE status <> 'open'), 0),
               median(CASE WHEN status = 'filled' THEN date_diff('day', posted_date, filled_date) END)
        FROM postings {where} GROUP BY 1""",
        params,
    ).fetchall()


def timed(fn, *a) -> float:
    t = time.perf_counter()
    fn(*a)
    return (time.perf_counter() - t) * 1000


def summarise(name: str, ms: list[float]) -> dict[str, float]:
    s = sorted(ms)
    p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
    print(f"{name:<42} median {statistics.median(s):8.1f} ms   p95 {p95:8.1f} ms   max {s[-1]:8.1f} ms")
    return {"median": statistics.median(s), "p95": p95}


def page_build_times(data_dir: Path, runs: int) -> list[float]:
    os.environ["GOYONG_DATA_DIR"] = str(data_dir)
    out = []
    for i in range(runs):
        at = AppTest.from_file(str(config.PROJECT_ROOT / "streamlit_app.py"), default_timeout=600)
        at.run()
        st.cache_data.clear()
        t = time.perf_counter()
        at.switch_page(nav.path("jobs_map"))
        if i % 2:
            at.query_params["level"] = "sigungu"
        at.run()
        out.append((time.perf_counter() - t) * 1000)
        assert not at.exception, at.exception
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="data/national")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--page-runs", type=int, default=4)
    a = ap.parse_args()
    data_dir = Path(a.data_dir)
    con = duckdb.connect(str(config.warehouse_db(data_dir)), read_only=True)
    n_post, n_seek = con.execute("SELECT (SELECT count(*) FROM postings), (SELECT count(*) FROM seekers)").fetchone()
    print(
        f"warehouse {data_dir}: {n_post:,} postings, {n_seek:,} seekers; duckdb {duckdb.__version__}, "
        f"threads {con.execute('SELECT current_setting(?)', ['threads']).fetchone()[0]}, cpus {os.cpu_count()}"
    )
    combos = random_filters(con, a.n, a.seed)
    # warm-up (file cache) so the first combination is not charged for reading from disk
    market.market_metrics(con, MarketFilter(month_start(date(2025, 1, 1)), date(2025, 1, 1)), "sido")
    baseline(con, combos[0][1], "sido")
    post, seek, both, base = [], [], [], []
    for level, f in combos:
        post.append(timed(market.posting_metrics, con, f, level))
        seek.append(timed(market.seeker_metrics, con, f, level))
        both.append(timed(market.market_metrics, con, f, level))
        base.append(timed(baseline, con, f, level))
    print(f"\n{a.n} random filter combinations (period, level, occupation, industry, size, contract):")
    sp = summarise("posting aggregates (cubes/fact, 2-level histogram)", post)
    summarise("seeker aggregates (cubes/fact)", seek)
    sb = summarise("map aggregate: both sides (market_metrics)", both)
    bb = summarise("baseline: raw postings, exact quantile_cont", base)
    print(
        f"\nratio baseline / posting aggregates: median {bb['median'] / sp['median']:.1f}x, p95 "
        f"{bb['p95'] / sp['p95']:.1f}x"
    )
    print(
        f"target p95 ≤ 150 ms per map aggregate: posting side {'met' if sp['p95'] <= 150 else 'NOT met'}, "
        f"both sides {'met' if sb['p95'] <= 150 else 'NOT met'}"
    )
    con.close()
    if a.page_runs:
        summarise(f"map page build (AppTest, {a.page_runs} runs, cold cache)", page_build_times(data_dir, a.page_runs))


if __name__ == "__main__":
    main()
