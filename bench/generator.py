"""Synthetic-world generation: time and peak memory of one chunk, and what the job-search mechanism costs.

Baseline (same run, same chunk): drawing the chunk's postings and seekers (fields and Korean text) only.
Full: the baseline plus the burn-in cohort and `applications.link` (search, stages, hires, fill, outcomes).
Peak memory is the process's maximum RSS after each step (`resource.getrusage`), so the national scale's bound is
two workers × the full chunk's peak (chunks run one per forked worker process, which exits after its chunk).

Usage: python bench/generator.py [--seekers 200000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import pandas as pd

from data_catalog.generator import applications
from data_catalog.generator.context import PERIOD_START, SCALES, build_world, postings_for
from data_catalog.generator.driver import BURN_IN_DAYS, BURN_IN_ID0
from data_catalog.generator.firms import gen_firms
from data_catalog.generator.postings import gen_postings
from data_catalog.generator.seekers import gen_seekers


def _peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seekers", type=int, default=SCALES["national"].chunk_seekers)
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    t0 = time.perf_counter()
    w = build_world()
    firms = gen_firms(w, SCALES["national"].firms, np.random.default_rng(1))
    print(f"world + {len(firms):,} firms: {time.perf_counter() - t0:.1f} s, peak {_peak_gb():.2f} GB")
    n_p = postings_for(a.seekers)
    for r in range(a.repeat):
        rng, id_rng = (np.random.default_rng(s) for s in np.random.SeedSequence(100 + r).spawn(2))
        t = time.perf_counter()
        postings, ptruth, _ = gen_postings(w, firms, n_p, 0, rng)
        sk = gen_seekers(w, a.seekers, 0, rng)
        base = time.perf_counter() - t
        base_peak = _peak_gb()
        t = time.perf_counter()
        n_b = round(a.seekers * BURN_IN_DAYS / (24 * 30.44))
        b_reg = pd.DatetimeIndex(PERIOD_START - pd.to_timedelta(rng.integers(1, BURN_IN_DAYS + 1, n_b), unit="D"))
        burn = gen_seekers(w, n_b, BURN_IN_ID0, rng, registered=b_reg)
        both = {k: pd.concat([sk[k], burn[k]], ignore_index=True) for k in ("seekers", "hidden")}
        out = applications.link(
            w, both["seekers"], both["hidden"], postings, ptruth["market_wage"].to_numpy(), 0, 0, rng, id_rng
        )
        mech = time.perf_counter() - t
        print(
            f"chunk of {a.seekers:,} seekers, {n_p:,} postings: "
            f"entities (baseline) {base:.1f} s (peak {base_peak:.2f} GB)"
            f"; + search and stages {mech:.1f} s ({len(out['applications']):,} applications); "
            f"full {base + mech:.1f} s = {(base + mech) / base:.2f}× baseline; peak {_peak_gb():.2f} GB"
        )


if __name__ == "__main__":
    main()
