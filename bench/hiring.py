"""Employer services latency: one posting's what-if and the posting writer (python bench/hiring.py [--n 200]).

What-if: scoring one posting plus every candidate change (~17 rows in one batch) and the market context, with the
market row cached (as the page does while only the conditions change) and uncached (a new region or occupation).
Baseline in the same run: one `predict_proba` of a single prepared row, the floor any what-if pays.
Writer: the offline template writer alone, and the full `service.write` (conditions checked, notes screened one by
one, the result checked) with two notes. Wall-clock per call; the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace
from datetime import date

import duckdb
import numpy as np

import config
from models.common import registry
from models.hiring import service as sv
from models.posting_writer import service as ws
from models.posting_writer import template
from models.posting_writer.request import Request

TARGET_P95_MS = 50


def timings(fn, n: int) -> list[float]:  # noqa: ANN001
    out = []
    for i in range(n):
        t = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t) * 1000)
    return out


def summary(ms: list[float]) -> str:
    return f"중앙값 {statistics.median(ms):.1f} ms · p95 {np.percentile(ms, 95):.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--n", type=int, default=200)
    a = ap.parse_args()
    con = duckdb.connect(str(config.warehouse_db(a.data_dir)), read_only=True)
    model = registry.load(registry.latest("hiring", a.data_dir))[0]
    cells = con.execute(
        "SELECT keco_code, sido_code, sigungu_code, median(wage_monthly_krw)::BIGINT FROM postings "
        "WHERE wage_monthly_krw > 2100000 GROUP BY ALL ORDER BY count(*) DESC LIMIT 50"
    ).fetchall()
    drafts = [
        sv.Draft(keco_code=k, sido_code=s, sigungu_code=g, wage_monthly_krw=int(w), career_req_years=2)
        for k, s, g, w in cells
    ]
    posted = sv.as_of_day(con)
    for d in drafts:
        sv.market_row(con, d, posted)  # warm the cache
    x0 = sv.score(model, [drafts[0]], sv.market_row(con, drafts[0], posted), posted)[0].x
    base = timings(lambda i: model.predict_proba(x0), a.n)

    def what_if(i: int, cached: bool = True) -> None:
        d = drafts[i % len(drafts)]
        d = replace(d, wage_monthly_krw=d.wage_monthly_krw + 10_000 * (i % 7))  # a changed condition each call
        if not cached:
            sv._MARKET_CACHE.clear()
        m = sv.market_row(con, d, posted)
        sv.smallest_changes(sv.assess(model, d, m, posted, target=0.4)[1])  # the page: one batch, base + changes

    warm = timings(what_if, a.n)
    cold = timings(lambda i: what_if(i, cached=False), max(a.n // 4, 20))
    ctx = timings(lambda i: sv.market_context(con, drafts[i % len(drafts)], posted), max(a.n // 4, 20))
    print(f"기준(한 행 predict_proba): {summary(base)}")
    p95 = np.percentile(warm, 95)
    verdict = "목표 달성" if p95 <= TARGET_P95_MS else "목표 미달"
    print(
        f"what-if(후보 변화 전부 + 가장 작은 변화, 시장 특징 캐시): {summary(warm)} "
        f"({verdict}: p95 ≤ {TARGET_P95_MS} ms) "
        f"— 기준의 {statistics.median(warm) / statistics.median(base):.1f}배"
    )
    print(f"what-if(새 지역·직종: 시장 특징 SQL 포함): {summary(cold)}")
    print(f"시장 맥락(임금 백분위·구인배수·충원 소요일 SQL): {summary(ctx)}")

    occ = con.execute("SELECT keco_code, name_ko, duties_ko, skills_ko FROM ref_occupation").fetchall()
    reqs = [
        Request(
            keco_code=k,
            occupation_ko=n,
            duties_ko=d,
            skills=tuple(s.split(";")),
            sido_ko="경기도",
            sigungu_ko="수원시",
            wage_type="monthly",
            wage_amount=2_800_000,
            weekly_hours=40.0,
            posted_date=date(2026, 12, 1),
            closing_date=date(2026, 12, 31),
            contact="031-123-4567",
            preferred_notes=("엑셀 가능자", "30세 이하"),
        )
        for k, n, d, s in occ
    ]
    tpl = timings(lambda i: template.write(reqs[i % len(reqs)], i), a.n)
    full = timings(lambda i: ws.write(reqs[i % len(reqs)], variant=i), a.n)
    print(f"작성기(템플릿만): {summary(tpl)}")
    ratio = statistics.median(full) / statistics.median(tpl)
    print(f"작성기(조건 점검 + 메모 2개 선별 + 최종 점검): {summary(full)} — 템플릿의 {ratio:.1f}배")


if __name__ == "__main__":
    main()
