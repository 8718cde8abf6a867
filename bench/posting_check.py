"""Throughput of the posting checker on one core: python bench/posting_check.py [--n 20000] [--input FILE]

Baseline in the same run: text normalisation alone (`models.posting_check.text.normalise` of title + body), the
floor every rule pays; the ratio says what the rules cost on top.

Without --input it writes `n` synthetic postings with the world generator's text grammar
(`data_catalog.generator.text.posting_texts`, the same bodies the warehouse holds: 300–900 characters of headers,
lists and prose) and plants the phrasing catalogue's violations and look-alikes in 10 % of them
(`violations.plant`), then times `check.check_frame` with the process's CPU clock. With --input it times the
postings of a file instead (any format the CLI reads). Not a test: the figure depends on the machine.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
import pandas as pd

from data_catalog import reference as ref
from data_catalog.errors import KoArgumentParser, run_cli
from data_catalog.generator import text, violations
from models.posting_check.check import check_frame, check_parallel
from models.posting_check.text import normalise
from models.posting_check.train import load as load_scorer

TARGET_PER_S = 2000
CONTACT = "고용24 온라인 지원"


def synthetic_postings(n: int, seed: int = 0) -> pd.DataFrame:
    """`n` postings in the checker's input columns, texts from the generator's grammar (lawful fields)."""
    rng = np.random.default_rng(seed)
    occ = ref.occupations().sample(n, replace=True, random_state=seed).reset_index(drop=True)
    sgg = ref.sigungu().sample(n, replace=True, random_state=seed + 1).reset_index(drop=True)
    wage_type = rng.choice(["hourly", "daily", "monthly", "annual"], n, p=[0.3, 0.1, 0.5, 0.1])
    contract = rng.choice(["permanent", "fixed_term", "part_time"], n, p=[0.5, 0.3, 0.2])
    hours = np.where(
        contract == "part_time", rng.choice([15.0, 20.0, 25.0, 30.0], n), rng.choice([40.0, 40.0, 44.0, 52.0], n)
    )
    years = rng.choice(sorted(ref.MINIMUM_WAGE_HOURLY), n)
    hourly = np.array([ref.MINIMUM_WAGE_HOURLY[y] for y in years]) * rng.uniform(1.0, 1.4, n)
    days = np.where(hours > 44, 6, 5)
    monthly = hourly * ref.monthly_paid_hours(hours)
    daily_h = hours / days
    daily = hourly * (np.minimum(daily_h, 8) + 1.5 * np.maximum(daily_h - 8, 0))
    amount = np.select(
        [wage_type == "hourly", wage_type == "daily", wage_type == "annual"],
        [np.ceil(hourly / 10) * 10, np.ceil(daily / 1000) * 1000, np.ceil(monthly * 12 / 1e5) * 1e5],
        np.ceil(monthly / 1e4) * 1e4,
    ).astype(np.int64)
    posted = pd.to_datetime([f"{y}-03-01" for y in years]) + pd.to_timedelta(rng.integers(0, 270, n), unit="D")
    closing = posted + pd.to_timedelta(30, unit="D")
    frame = pd.DataFrame(
        {
            "region_name": (sgg["sido_short_ko"] + " " + sgg["sigungu_name_ko"]).to_numpy(),
            "occ_name": occ["name_ko"].to_numpy(),
            "firm_name": [f"(주)한빛{i % 97}" for i in range(n)],
            "contract_type": contract,
            "shift": rng.choice(["day", "shift", "night"], n),
            "career_req_years": rng.integers(0, 4, n),
            "education_req": rng.choice(["any", "high_school", "college"], n),
            "skills_ko": occ["skills_ko"].to_numpy(),
            "duties_ko": occ["duties_ko"].to_numpy(),
            "wage_type": wage_type,
            "wage_amount": amount,
            "weekly_hours": hours,
            "work_days": days,
            "probation_months": rng.choice([0, 0, 1, 3], n),
            "probation_pay_pct": 100,
            "inclusive_wage": False,
            "openings": rng.integers(1, 4, n),
            "closing_date": closing,
            "channel": rng.choice(["work24", "private_portal", "company_site"], n),
        }
    )
    titles, bodies = text.posting_texts(rng, frame)
    ids = np.arange(1, n + 1)
    titles, bodies, _ = violations.plant(rng, titles, bodies, frame["occ_name"].to_numpy(), 0.07, 0.03, ids)
    return pd.DataFrame(
        {
            "id": ids.astype(str),
            "title": titles,
            "body": bodies,
            "wage_type": wage_type,
            "wage": amount.astype(str),
            "weekly_hours": hours.astype(str),
            "year": years.astype(str),
            "posted_date": posted.strftime("%Y-%m-%d"),
            "closing_date": closing.strftime("%Y-%m-%d"),
            "location": frame["region_name"],
            "contact": CONTACT,
        }
    )


def measure_score(df: pd.DataFrame, scorer) -> dict[str, float]:  # noqa: ANN001 - an AnomalyScorer
    """Postings per CPU second of the ML score alone and of rules + score (`check_frame(df, scorer)`)."""
    scorer.score(df.head(200))
    t0 = time.process_time()
    scorer.score(df)
    score_cpu = time.process_time() - t0
    t0 = time.process_time()
    check_frame(df, scorer)
    both_cpu = time.process_time() - t0
    t0 = time.perf_counter()
    check_parallel(df, scorer, workers=2)
    both_wall2 = time.perf_counter() - t0
    return {"score_per_s": len(df) / score_cpu, "both_per_s": len(df) / both_cpu, "both_2w_per_s": len(df) / both_wall2}


def measure(df: pd.DataFrame) -> dict[str, float]:
    """CPU seconds and postings per second of `check_frame(df)`."""
    check_frame(df.head(200))  # warm the caches (regex compilation is at import, the reference tables lazy)
    t0 = time.process_time()
    report = check_frame(df)
    cpu = time.process_time() - t0
    t0 = time.process_time()
    for t, b in zip(df["title"], df["body"], strict=True):
        normalise(f"{t} {b}")
    base = time.process_time() - t0
    return {
        "baseline_cpu_s": base,
        "postings": len(df),
        "cpu_s": cpu,
        "per_s": len(df) / cpu if cpu else float("inf"),
        "flagged_share": float((report["rules"] != "").mean()),
        "mean_chars": float((df["title"].str.len() + df["body"].str.len()).mean()),
    }


def _main(argv: Sequence[str] | None = None) -> None:
    ap = KoArgumentParser(prog="python bench/posting_check.py", description="구인공고 점검 처리 속도 측정")
    ap.add_argument("--n", type=int, default=20000, help="합성 공고 수 (synthetic postings)")
    ap.add_argument("--input", default=None, help="공고 파일 (없으면 합성 공고 사용)")
    ap.add_argument("--data-dir", default=None, help="학습된 ML 이상 점수가 있는 자료 폴더")
    a = ap.parse_args(argv)
    if a.input:
        from models.posting_check.__main__ import read_postings, require_columns  # noqa: PLC0415 - CLI-only path

        df = require_columns(read_postings(a.input), a.input)
    else:
        df = synthetic_postings(a.n)
    r = measure(df)
    verdict = "목표 달성" if r["per_s"] >= TARGET_PER_S else "목표 미달"
    print(
        f"공고 {r['postings']:,}건(평균 {r['mean_chars']:.0f}자), CPU {r['cpu_s']:.2f}초 → 초당 {r['per_s']:,.0f}건 "
        f"({verdict}: 초당 {TARGET_PER_S:,}건), 위반 의심 비율 {r['flagged_share']:.1%}; "
        f"기준(정규화만) {r['baseline_cpu_s']:.2f}초 → 전체는 기준의 {r['cpu_s'] / r['baseline_cpu_s']:.1f}배"
    )
    scorer = load_scorer(a.data_dir)
    if scorer is None:
        print("학습된 ML 이상 점수가 없어 규칙만 측정했습니다 (python -m models train --if-missing).")
        return
    s = measure_score(df, scorer)
    print(
        f"ML 이상 점수만: 초당 {s['score_per_s']:,.0f}건 · 규칙 + 점수: 초당 {s['both_per_s']:,.0f}건 "
        f"(코어 1개, 규칙만의 {s['both_per_s'] / r['per_s']:.2f}배) · 규칙 + 점수, 프로세스 2개(벽시계): "
        f"초당 {s['both_2w_per_s']:,.0f}건 (목표 초당 {TARGET_PER_S:,}건)"
    )


def main(argv: Sequence[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
