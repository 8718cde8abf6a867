"""Top-5 occupations for an interest profile, how firm each is, and the close alternatives.

Pearson correlation between the person's θ profile and each occupation's standardised RIASEC
profile (as the O*NET Interest Profiler matches profiles), optionally limited by job zone.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_catalog import reference as ref
from models.interest.bank import TYPE_COLS, TYPE_KO, TYPES


def occupation_z() -> pd.DataFrame:
    """Occupations' RIASEC scores standardised per type across the catalogue (θ-comparable)."""
    occ = ref.occupations()
    m = occ[[TYPE_COLS[t] for t in TYPES]].to_numpy(float)
    z = (m - m.mean(axis=0)) / m.std(axis=0)
    return pd.DataFrame(z, columns=list(TYPES), index=occ["keco_code"])


def unit_rows(x: np.ndarray) -> np.ndarray:
    """Rows centred on their own mean and scaled to unit length, so a dot product is a Pearson correlation."""
    c = x - x.mean(axis=-1, keepdims=True)
    n = np.linalg.norm(c, axis=-1, keepdims=True)
    return c / np.where(n > 0, n, 1.0)


def ranked(r: np.ndarray, n: int) -> np.ndarray:
    """Indices of the `n` best fits along the last axis; occupations sharing one profile keep catalogue order."""
    return np.argsort(-np.round(r, 12), axis=-1, kind="stable")[..., :n]


def occupation_profiles(max_job_zone: int | None = None, occ_z: pd.DataFrame | None = None) -> pd.DataFrame:
    """Standardised occupation profiles, optionally limited to a job zone (O*NET-style preparation level)."""
    z = occupation_z() if occ_z is None else occ_z
    if max_job_zone is None:
        return z
    zone = ref.occupations().set_index("keco_code").loc[z.index, "job_zone"].to_numpy()
    return z[zone <= max_job_zone]


def top_occupations(
    theta: np.ndarray, n: int = 5, max_job_zone: int | None = None, occ_z: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Occupations whose RIASEC profile correlates best with θ, with the two types that drive each match."""
    z = occupation_profiles(max_job_zone, occ_z)
    occ = ref.occupations().set_index("keco_code").loc[z.index]
    m, p = unit_rows(z.to_numpy()), unit_rows(np.asarray(theta, float))
    r = m @ p
    order = ranked(r, n)
    contrib = m[order] * p[None, :]
    drivers = [[TYPES[k] for k in np.argsort(-c)[:2] if c[k] > 0] for c in contrib]
    return pd.DataFrame(
        {
            "keco_code": z.index[order],
            "name_ko": occ["name_ko"].to_numpy()[order],
            "fit": r[order],
            "drivers": ["".join(d) for d in drivers],
            "riasec_code": occ["riasec_code"].to_numpy()[order],
            "job_zone": occ["job_zone"].to_numpy()[order],
            "typical_monthly_wage_krw": occ["typical_monthly_wage_krw"].to_numpy()[order],
            "education": occ["education"].to_numpy()[order],
            "duties_ko": occ["duties_ko"].to_numpy()[order],
        }
    )


def top5_stability(
    theta: np.ndarray,
    se: np.ndarray,
    max_job_zone: int | None = None,
    n_draws: int = 400,
    seed: int = 0,
    occ_z: pd.DataFrame | None = None,
) -> pd.Series:
    """How often each occupation is in the Top-5 when θ is redrawn within its measurement error.

    The Top-5 of 326 occupations is fragile: the 5th and 6th best fits typically differ by under 0.01
    in correlation, far less than a test's measurement error moves them. So the result page shows, per
    occupation, the share of draws θ* ~ N(θ, SE²) whose Top-5 contains it (a normal approximation of the
    EAP posterior; seeded, so one answer set always gives the same figures). Sums to 5 over occupations.
    """
    z = occupation_profiles(max_job_zone, occ_z)
    draws = np.asarray(theta, float) + np.asarray(se, float) * np.random.default_rng(seed).standard_normal(
        (n_draws, len(TYPES))
    )
    in_top = ranked(unit_rows(draws) @ unit_rows(z.to_numpy()).T, 5)  # the same rule as `top_occupations`
    share = np.bincount(in_top.ravel(), minlength=len(z)) / n_draws
    return pd.Series(share, index=z.index, name="stability").sort_values(ascending=False, kind="stable")


def close_alternatives(stability: pd.Series, top: pd.DataFrame, min_share: float = 0.2, n: int = 5) -> pd.DataFrame:
    """Occupations outside the shown Top-5 that are in it for at least `min_share` of the draws."""
    alt = stability.drop(top["keco_code"], errors="ignore")
    alt = alt[alt >= min_share].head(n)
    names = ref.occupations().set_index("keco_code")
    return pd.DataFrame(
        {
            "keco_code": alt.index,
            "name_ko": names.loc[alt.index, "name_ko"].to_numpy(),
            "riasec_code": names.loc[alt.index, "riasec_code"].to_numpy(),
            "stability": alt.to_numpy(),
        }
    )


def reason_ko(row: pd.Series) -> str:
    names = " · ".join(f"{TYPE_KO[t]}({t})" for t in row["drivers"]) or "전반적인 흥미 형태"
    return f"{names} 흥미가 이 직업의 핵심 흥미({row['riasec_code']})와 잘 맞습니다. 일치도 {row['fit']:.2f}"
