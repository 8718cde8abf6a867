"""Simulation study of the adaptive interest test (CAT) against the full form.

For each simulated respondent (true profile drawn as in calibration, answers drawn from the
*generating* item parameters, i.e. including estimation error), we score the full 288-item form and
run the CAT on the same answers, then compare: correlation of CAT θ with full-form θ per type,
Top-5 overlap, and the number of items the CAT used. Baseline in the same run: a fixed short form
of the same average length (the most informative items at θ = 0, equal per type).

Usage: .venv/bin/python bench/interest_cat.py [--n 2000] [--seed 7] [--workers 2]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time

import numpy as np

from data_catalog import reference as ref
from models.interest import irt
from models.interest.bank import TYPE_KO, TYPES, item_params, items
from models.interest.calibrate import simulate_answers, simulate_thetas
from models.interest.cat import AdaptiveTest, run_cat
from models.interest.matching import top5_stability, top_occupations
from models.interest.scoring import score, thetas


def _one(args: tuple[int, np.ndarray]) -> dict:
    idx, x = args
    bank = items()
    ids = bank["item_id"].to_numpy()
    full = {i: int(v) + 1 for i, v in zip(ids, x, strict=True)}
    test = AdaptiveTest(bank)
    used = run_cat(full, test)
    th_full = score(full, bank)["theta"].to_numpy()
    cat_scores = score(used, bank)
    th_cat = cat_scores["theta"].to_numpy()
    top_cat = top_occupations(th_cat)["keco_code"]
    stability = top5_stability(th_cat, cat_scores["se"].to_numpy()).reindex(top_cat).to_dict()
    return {
        "idx": idx,
        "n": len(used),
        "full": th_full,
        "cat": th_cat,
        "stability": stability,
        "top_full": set(top_occupations(th_full)["keco_code"]),
        "top_cat": set(top_cat),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    bank = items()
    params = bank[["a_generating", "b1_generating", "b2_generating", "b3_generating", "b4_generating"]].to_numpy()
    rng = np.random.default_rng(a.seed)
    theta = simulate_thetas(a.n, rng)
    x = simulate_answers(theta, params[:, 0], params[:, 1:], bank, rng)
    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(a.workers) as pool:
        res = pool.map(_one, list(enumerate(x)), chunksize=20)
    secs = time.perf_counter() - t0
    n_items = np.array([r["n"] for r in res])
    full = np.array([r["full"] for r in res])
    cat = np.array([r["cat"] for r in res])
    overlap = np.array([len(r["top_full"] & r["top_cat"]) for r in res])
    print(
        f"{a.n} simulated respondents, {len(bank)}-item bank; CAT run time {secs:.0f} s with {a.workers} workers "
        f"({1000 * secs * a.workers / a.n:.0f} ms of worker time per respondent)"
    )
    print("\ncorrelation of CAT θ with full-form θ, per type (target ≥ 0.90):")
    for k, t in enumerate(TYPES):
        print(
            f"  {t} {TYPE_KO[t]}: {np.corrcoef(full[:, k], cat[:, k])[0, 1]:.3f}"
            f"   (vs true θ: full {np.corrcoef(theta[:, k], full[:, k])[0, 1]:.3f}, CAT "
            f"{np.corrcoef(theta[:, k], cat[:, k])[0, 1]:.3f})"
        )
    print(
        f"\nTop-5 overlap with the full form (target mean ≥ 4): mean {overlap.mean():.2f}; "
        f"distribution { ({int(k): int(v) for k, v in zip(*np.unique(overlap, return_counts=True), strict=True)}) }"
    )
    # The full form's own reliability at the Top-5 level: the same people answer it a second time
    # (independent responses from the same true θ). No short form can be expected to agree with one
    # administration of the full form better than a second administration of the full form does.
    retest = thetas(simulate_answers(theta, params[:, 0], params[:, 1:], bank, rng), bank, *item_params(bank))[0]
    top = [set(top_occupations(t)["keco_code"]) for t in retest]
    true_top = [set(top_occupations(t)["keco_code"]) for t in theta]
    ov = {
        "full form vs its retest": [len(r["top_full"] & t) for r, t in zip(res, top, strict=True)],
        "CAT vs the retest": [len(r["top_cat"] & t) for r, t in zip(res, top, strict=True)],
        "full form vs true profile": [len(r["top_full"] & t) for r, t in zip(res, true_top, strict=True)],
        "CAT vs true profile": [len(r["top_cat"] & t) for r, t in zip(res, true_top, strict=True)],
    }
    print("Top-5 agreement baselines (mean of 5):")
    for k, v in ov.items():
        print(f"  {k}: {np.mean(v):.2f}")
    print(
        f"  CAT agreement relative to the full form's own retest agreement: "
        f"{overlap.mean() / np.mean(ov['full form vs its retest']):.2f}"
    )
    middle = ref.occupations().set_index("keco_code")["middle_code"]
    fields = [(set(middle.loc[list(r["top_cat"])]), set(middle.loc[list(r["top_full"])])) for r in res]
    print(
        f"  job fields (the KECO 중분류 of the Top-5): share of the full form's fields the CAT also names "
        f"{np.mean([len(c & f) / len(f) for c, f in fields]):.2f} (full form names "
        f"{np.mean([len(f) for _, f in fields]):.1f} fields)"
    )
    print(
        f"  full-form retest θ correlation per type: "
        f"{[round(float(np.corrcoef(full[:, k], retest[:, k])[0, 1]), 3) for k in range(6)]}"
    )
    # reliability of the '추천 안정도' shown on each card: binned like the page's 낮음/보통/높음 labels
    pairs = np.array(
        [
            (share, code in t, code in r["top_full"])
            for r, t in zip(res, true_top, strict=True)
            for code, share in r["stability"].items()
        ],
        dtype=float,
    )
    print("CAT Top-5 '추천 안정도' (shown on each card) vs how often that occupation really is in the Top-5:")
    print(
        f"  all cards: predicted {pairs[:, 0].mean():.2f}, in the true profile's Top-5 {pairs[:, 1].mean():.2f}, "
        f"in the full form's {pairs[:, 2].mean():.2f}"
    )
    for lo, hi, name in ((0, 0.4, "낮음"), (0.4, 0.7, "보통"), (0.7, 1.01, "높음")):
        m = (pairs[:, 0] >= lo) & (pairs[:, 0] < hi)
        print(
            f"  {name} [{lo:.1f}, {min(hi, 1):.1f}{']' if hi > 1 else ')'}: {m.sum():,} cards, predicted "
            f"{pairs[m, 0].mean():.2f}, "
            f"true Top-5 {pairs[m, 1].mean():.2f}, full form's Top-5 {pairs[m, 2].mean():.2f}"
        )
    q = np.percentile(n_items, [0, 25, 50, 75, 100])
    print(
        f"items used: mean {n_items.mean():.1f}, min/p25/median/p75/max {q.astype(int).tolist()}, "
        f"stopped before 50: {(n_items < 50).mean():.1%} — vs {len(bank)} in the full form "
        f"({1 - n_items.mean() / len(bank):.0%} shorter)"
    )
    # baseline: a fixed short form of the same average length, most informative items at θ=0, equal per type
    k_per = int(round(n_items.mean() / 6))
    a_est, b_est = item_params(bank)
    info0 = irt.item_information(np.array([0.0]), a_est, b_est)[:, 0]
    fixed = []
    for t in TYPES:
        cols = np.flatnonzero(bank["riasec"].to_numpy() == t)
        fixed += list(bank["item_id"].to_numpy()[cols[np.argsort(-info0[cols])[:k_per]]])
    fixed_th = np.array(
        [
            score({i: int(x[r, bank.index[bank.item_id == i][0]]) + 1 for i in fixed}, bank)["theta"].to_numpy()
            for r in range(min(a.n, 500))
        ]
    )
    fixed_overlap = np.array(
        [len(set(top_occupations(fixed_th[r])["keco_code"]) & res[r]["top_full"]) for r in range(len(fixed_th))]
    )
    corr_fixed = [np.corrcoef(full[: len(fixed_th), k], fixed_th[:, k])[0, 1] for k in range(6)]
    print(
        f"\nbaseline fixed short form ({6 * k_per} items, first {len(fixed_th)} respondents): "
        f"mean θ correlation {np.mean(corr_fixed):.3f} vs CAT "
        f"{np.mean([np.corrcoef(full[:, k], cat[:, k])[0, 1] for k in range(6)]):.3f}; "
        f"Top-5 overlap {fixed_overlap.mean():.2f} vs CAT {overlap[: len(fixed_th)].mean():.2f}"
    )

    # the page's cost per answer: a fresh engine per rerun (baseline) vs the one cached per preparation level
    ids = bank["item_id"].to_numpy()
    for label, shared in (
        ("fresh engine per step", None),
        ("cached engine (app_cache.adaptive_test)", AdaptiveTest(bank)),
    ):
        times = []
        for row in x[:10]:
            given = {i: int(v) + 1 for i, v in zip(ids, row, strict=True)}
            answers: dict[str, int] = {}
            while True:
                t0 = time.perf_counter()
                item = (shared or AdaptiveTest(bank)).next_item(answers)
                times.append((time.perf_counter() - t0) * 1000)
                if item is None:
                    break
                answers[item] = given[item]
        print(
            f"CAT step, {label}: median {np.median(times):.1f} ms, p95 {np.percentile(times, 95):.1f} ms "
            f"({len(times)} steps)"
        )


if __name__ == "__main__":
    main()
