"""Item calibration from simulated respondents (see the package docstring for the design).

Respondents' interests are drawn from real occupation profiles (O*NET interest scores plus
individual variation); they answer under generating GRM parameters tied to each item's rated
popularity, and every item's parameters are then estimated by marginal maximum likelihood.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from tqdm import tqdm

from data_catalog import reference as ref
from models.interest import irt
from models.interest.bank import TYPES, items
from models.interest.matching import occupation_z


def generating_params(bank: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Plausible GRM parameters: popular activities have low thresholds, all items discriminate."""
    n = len(bank)
    a = np.exp(rng.normal(0.55, 0.2, n))
    loc = (3 - bank["popularity"].to_numpy(float)) * 0.55 + rng.normal(0, 0.15, n)
    spread = rng.uniform(0.8, 1.15, n)[:, None] * np.array([-1.6, -0.55, 0.35, 1.4])[None, :]
    return a, np.sort(loc[:, None] + spread, axis=1)


def simulate_thetas(n: int, rng: np.random.Generator) -> np.ndarray:
    """True interest profiles: an occupation's profile (weighted by how common it is) plus individual variation."""
    z = occupation_z().to_numpy()
    w = np.sqrt(ref.occupations()["vacancy_weight"].to_numpy(float))
    pick = rng.choice(len(z), size=n, p=w / w.sum())
    theta = 0.75 * z[pick] + rng.normal(0, 0.65, (n, len(TYPES)))
    return theta / np.hypot(0.75, 0.65)  # ≈ unit variance, matching the N(0, 1) prior


def simulate_answers(
    theta: np.ndarray, a: np.ndarray, b: np.ndarray, bank: pd.DataFrame, rng: np.random.Generator
) -> np.ndarray:
    """Full-form answers (N, n_items) coded 0..4 under the GRM, each item driven by its type's θ."""
    out = np.empty((theta.shape[0], len(bank)), dtype=np.int8)
    for t_idx, t in enumerate(TYPES):
        cols = np.flatnonzero(bank["riasec"].to_numpy() == t)
        out[:, cols] = irt.simulate_responses(theta[:, t_idx], a[cols], b[cols], rng)
    return out


def calibrate(n: int = 5000, seed: int = 20261125, progress: bool = True) -> pd.DataFrame:
    """Estimate every item's GRM parameters from simulated respondents (see module docstring)."""
    bank = items()[["item_id", "riasec", "popularity"]].copy()
    rng = np.random.default_rng(seed)
    a_gen, b_gen = generating_params(bank, rng)
    x = simulate_answers(simulate_thetas(n, rng), a_gen, b_gen, bank, rng)
    rows = []
    for t in tqdm(TYPES, desc="문항 모수 추정(GRM)", disable=not progress):
        cols = np.flatnonzero(bank["riasec"].to_numpy() == t)
        fit = irt.fit_grm(x[:, cols], max_iter=40, tol=2e-3)
        for k, c in enumerate(cols):
            rows.append(
                {
                    "item_id": bank["item_id"].iat[c],
                    "a": round(float(fit.a[k]), 4),
                    **{f"b{m + 1}": round(float(fit.b[k, m]), 4) for m in range(4)},
                    "a_generating": round(float(a_gen[c]), 4),
                    **{f"b{m + 1}_generating": round(float(b_gen[c, m]), 4) for m in range(4)},
                    "em_iterations": fit.iterations,
                    "n_respondents": n,
                }
            )
    return pd.DataFrame(rows)
