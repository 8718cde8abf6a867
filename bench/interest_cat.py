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

from models.interest import irt
from models.interest.bank import TYPE_KO, TYPES, item_params, items
from models.interest.calibrate import simulate_answers, simulate_thetas
from models.interest.cat import AdaptiveTest, run_cat
from models.interest.matching import top5_stability, top_codes
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
    fam_cat, occ_cat = top_codes(th_cat)
    fam_full, occ_full = top_codes(th_full)
    stability = top5_stability(th_cat, cat_scores["se"].to_numpy()).reindex(fam_cat[0]).to_dict()
    return {
        "idx": idx,
        "n": len(used),
        "full": th_full,
        "cat": th_cat,
        "stability": stability,
        "fam_full": set(fam_full[0]),
        "fam_cat": set(fam_cat[0]),
        "occ_full": set(occ_full[0]),
        "occ_cat": set(occ_cat[0]),
    }


def _sets(theta: np.ndarray) -> tuple[list[set], list[set]]:
    fams, occs = top_codes(theta)
    return [set(r) for r in fams], [set(r) for r in occs]


def _mean_overlap(a: list[set], b: list[set]) -> float:
    return float(np.mean([len(x & y) for x, y in zip(a, b, strict=True)]))


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
    # The full form's own reliability: the same people answer it a second time (independent responses
    # from the same true θ). No short form can agree with one administration of the full form better
    # than a second administration does.
    retest = thetas(simulate_answers(theta, params[:, 0], params[:, 1:], bank, rng), bank, *item_params(bank))[0]
    fam_retest, occ_retest = _sets(retest)
    fam_true, occ_true = _sets(theta)
    fam_full, fam_cat = [r["fam_full"] for r in res], [r["fam_cat"] for r in res]
    occ_full, occ_cat = [r["occ_full"] for r in res], [r["occ_cat"] for r in res]
    fam = {
        "CAT vs full form (target ≥ 4.0)": _mean_overlap(fam_cat, fam_full),
        "full form vs its retest": _mean_overlap(fam_full, fam_retest),
        "CAT vs the retest": _mean_overlap(fam_cat, fam_retest),
        "full form vs true profile": _mean_overlap(fam_full, fam_true),
        "CAT vs true profile": _mean_overlap(fam_cat, fam_true),
    }
    print("\nagreement on the five families (KECO 중분류) shown, mean of 5:")
    for k, v in fam.items():
        print(f"  {k}: {v:.2f}")
    occ = {
        "CAT vs full form": _mean_overlap(occ_cat, occ_full),
        "full form vs its retest": _mean_overlap(occ_full, occ_retest),
        "full form vs true profile": _mean_overlap(occ_full, occ_true),
        "CAT vs true profile": _mean_overlap(occ_cat, occ_true),
    }
    print("agreement on the five occupations shown (each family's best), mean of 5:")
    for k, v in occ.items():
        print(f"  {k}: {v:.2f}")
    print(
        f"  CAT vs full relative to the full form's own retest agreement (target ≥ 0.90): "
        f"{occ['CAT vs full form'] / occ['full form vs its retest']:.2f}"
    )
    print(
        f"  full-form retest θ correlation per type: "
        f"{[round(float(np.corrcoef(full[:, k], retest[:, k])[0, 1]), 3) for k in range(6)]}"
    )
    # reliability of the '추천 안정도' shown on each card (a family), binned like the page's labels
    pairs = np.array(
        [
            (share, code in t, code in r["fam_full"])
            for r, t in zip(res, fam_true, strict=True)
            for code, share in r["stability"].items()
        ],
        dtype=float,
    )
    print("CAT cards' '추천 안정도' vs how often that family really is among the five:")
    print(
        f"  all cards: predicted {pairs[:, 0].mean():.2f}, among the true profile's five {pairs[:, 1].mean():.2f}, "
        f"among the full form's {pairs[:, 2].mean():.2f}"
    )
    for lo, hi, name in ((0, 0.4, "낮음"), (0.4, 0.7, "보통"), (0.7, 1.01, "높음")):
        m = (pairs[:, 0] >= lo) & (pairs[:, 0] < hi)
        print(
            f"  {name} [{lo:.1f}, {min(hi, 1):.1f}{']' if hi > 1 else ')'}: {m.sum():,} cards, predicted "
            f"{pairs[m, 0].mean():.2f}, true {pairs[m, 1].mean():.2f}, full form's {pairs[m, 2].mean():.2f}"
        )
    q = np.percentile(n_items, [0, 25, 50, 75, 100])
    print(
        f"items used: mean {n_items.mean():.1f}, min/p25/median/p75/max {q.astype(int).tolist()}, "
        f"stopped before 50: {(n_items < 50).mean():.1%} — vs {len(bank)} in the full form "
        f"({1 - n_items.mean() / len(bank):.0%} shorter) and about 415 in the ministry's long form "
        f"({1 - n_items.mean() / 415:.0%} shorter)"
    )
    # baseline: a fixed short form of the same average length, most informative items at θ=0, equal per type
    k_per = int(round(n_items.mean() / 6))
    a_est, b_est = item_params(bank)
    info0 = irt.item_information(np.array([0.0]), a_est, b_est)[:, 0]
    fixed = []
    for t in TYPES:
        cols = np.flatnonzero(bank["riasec"].to_numpy() == t)
        fixed += list(bank["item_id"].to_numpy()[cols[np.argsort(-info0[cols])[:k_per]]])
    n_fixed = min(a.n, 500)
    pos = {iid: k for k, iid in enumerate(bank["item_id"])}
    fixed_th = np.array(
        [score({i: int(x[r, pos[i]]) + 1 for i in fixed}, bank)["theta"].to_numpy() for r in range(n_fixed)]
    )
    fam_fixed, occ_fixed = _sets(fixed_th)
    corr_fixed = [np.corrcoef(full[:n_fixed, k], fixed_th[:, k])[0, 1] for k in range(6)]
    print(
        f"\nbaseline fixed short form ({6 * k_per} items, first {n_fixed} respondents): "
        f"mean θ correlation {np.mean(corr_fixed):.3f} vs CAT "
        f"{np.mean([np.corrcoef(full[:, k], cat[:, k])[0, 1] for k in range(6)]):.3f}; families "
        f"{_mean_overlap(fam_fixed, fam_full[:n_fixed]):.2f} vs CAT "
        f"{_mean_overlap(fam_cat[:n_fixed], fam_full[:n_fixed]):.2f}; "
        f"occupations {_mean_overlap(occ_fixed, occ_full[:n_fixed]):.2f} vs CAT "
        f"{_mean_overlap(occ_cat[:n_fixed], occ_full[:n_fixed]):.2f}"
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
