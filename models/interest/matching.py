"""Five different directions for an interest profile: families of occupations, led by the strongest interest.

The rule (one function, `scores`, used by the result page, the stability draws and the adaptive test):

1. **Profile fit.** Pearson correlation between the person's θ profile and the occupation's O*NET
   interest profile on its own 1–7 scale. The earlier rule standardised each type across the
   catalogue first; since few occupations are artistic, a moderate Artistic score then counted as
   high, and a respondent whose strongest interest was Artistic got five childcare occupations.
2. **High point.** As O*NET's Interest Profiler leads with the person's highest interest area, an
   occupation loses `HIGH_POINT_WEIGHT` × (how far the θ of its first letter lies below the person's
   strongest θ), and `SECOND_POINT_WEIGHT` × the same for the better of its first two letters, each
   gap counted up to `GAP_CAP`. An occupation whose code starts with the strongest type loses
   nothing; one that has it second loses only the first part; one without it in its first two
   letters loses both. The penalty is smooth in θ, so two nearly equal top interests are treated
   nearly alike (a hard "first letter must match" rule would flip the whole list on a measurement
   error).
3. **Families.** The five cards are five different KECO 중분류 (occupation families, 34 in the
   catalogue), ranked by their best-scoring occupation; each card shows that occupation and its
   closest relatives in the family. A young person choosing a career learns more from five
   directions than from five near-duplicates, and the family level is also what a test can measure
   reliably (see bench/interest_cat.py).

Occupations sharing one O*NET profile tie exactly; ties keep catalogue order everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from data_catalog import reference as ref
from models.interest.bank import TYPE_COLS, TYPE_KO, TYPES

HIGH_POINT_WEIGHT = 0.5
SECOND_POINT_WEIGHT = 0.5
GAP_CAP = 1.0
"""θ gaps count up to one standard deviation: beyond it a type is simply not the person's high point."""
N_FAMILIES = 5
N_RELATIVES = 3


def occupation_z() -> pd.DataFrame:
    """Occupations' RIASEC scores standardised per type across the catalogue.

    The simulation draws respondents' true θ from these (calibrate.py); matching uses the raw scores.
    """
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
    """Indices of the `n` best along the last axis; exact ties keep their order (catalogue order)."""
    return np.argsort(-np.round(r, 12), axis=-1, kind="stable")[..., :n]


@dataclass(frozen=True)
class Catalogue:
    """The occupations a person may be recommended (limited by preparation level), ordered by family."""

    occ: pd.DataFrame  # catalogue rows, sorted by family then catalogue order
    unit: np.ndarray  # (M, 6) unit rows of the raw 1–7 profiles
    first: np.ndarray  # (M,) index of the code's first type
    second: np.ndarray  # (M,) index of the code's second type
    family_codes: np.ndarray  # (F,) KECO 중분류 codes
    family_start: np.ndarray  # (F,) first row of each family in `occ`
    family_end: np.ndarray  # (F,) one past its last row
    family_of: np.ndarray  # (M,) family index of each row

    def members(self, score: np.ndarray, family: int, k: int | None = None) -> np.ndarray:
        """Rows of one family for one profile's scores (M,), best first; ties keep catalogue order."""
        lo, hi = self.family_start[family], self.family_end[family]
        return lo + ranked(score[lo:hi], hi - lo if k is None else k)


@lru_cache(maxsize=8)
def catalogue(max_job_zone: int | None = None) -> Catalogue:
    occ = ref.occupations()
    if max_job_zone is not None:
        occ = occ[occ["job_zone"] <= max_job_zone]
    occ = occ.sort_values("middle_code", kind="stable").reset_index(drop=True)
    raw = occ[[TYPE_COLS[t] for t in TYPES]].to_numpy(float)
    idx = {t: k for k, t in enumerate(TYPES)}
    codes = occ["riasec_code"].astype(str)
    fam = occ["middle_code"].to_numpy()
    start = np.flatnonzero(np.r_[True, fam[1:] != fam[:-1]])
    end = np.r_[start[1:], len(fam)]
    return Catalogue(
        occ,
        unit_rows(raw),
        codes.str[0].map(idx).to_numpy(),
        codes.str[1].map(idx).to_numpy(),
        fam[start],
        start,
        end,
        np.repeat(np.arange(len(start)), end - start),
    )


def scores(theta: np.ndarray, cat: Catalogue) -> tuple[np.ndarray, np.ndarray]:
    """(score, profile fit) of every occupation for θ of shape (..., 6): both (..., M). See the module docstring."""
    theta = np.asarray(theta, float)
    fit = unit_rows(theta) @ cat.unit.T
    top = theta.max(axis=-1, keepdims=True)
    first, second = theta[..., cat.first], theta[..., cat.second]
    lead_gap = np.minimum(top - first, GAP_CAP)
    two_gap = np.minimum(top - np.maximum(first, second), GAP_CAP)
    penalty = HIGH_POINT_WEIGHT * lead_gap + SECOND_POINT_WEIGHT * two_gap
    return fit - penalty, fit


def family_scores(score: np.ndarray, cat: Catalogue) -> np.ndarray:
    """Each family's best occupation score: (..., F)."""
    return np.maximum.reduceat(score, cat.family_start, axis=-1)


def top_families(theta: np.ndarray, cat: Catalogue, n: int = N_FAMILIES) -> np.ndarray:
    """Indices of the `n` best families for θ (..., 6): (..., n)."""
    return ranked(family_scores(scores(theta, cat)[0], cat), n)


def driver_types(occupation: np.ndarray, person: np.ndarray, n: int = 2) -> str:
    """The one or two types that make the fit: above both the person's and the occupation's own average.

    (A type both dislike also adds to a correlation, but "you share a dislike" is not a reason to show.)
    """
    shared = (occupation > 0) & (person > 0)
    order = np.argsort(-(occupation * person), kind="stable")
    return "".join(TYPES[k] for k in order if shared[k])[:n]


def top_codes(theta: np.ndarray, max_job_zone: int | None = None, n: int = N_FAMILIES) -> tuple[np.ndarray, np.ndarray]:
    """For many profiles θ (N, 6): the `n` family codes shown and their best occupation codes, both (N, n).

    The same ranking as `top_occupations`, without building frames (the simulation study scores thousands).
    """
    cat = catalogue(max_job_zone)
    score = scores(np.atleast_2d(theta), cat)[0]
    fams = ranked(family_scores(score, cat), n)
    codes = cat.occ["keco_code"].to_numpy()
    best = np.array([[codes[cat.members(score[i], f, 1)[0]] for f in row] for i, row in enumerate(fams)], dtype=object)
    return cat.family_codes[fams], best.reshape(fams.shape)


def top_occupations(
    theta: np.ndarray, n: int = N_FAMILIES, max_job_zone: int | None = None, relatives: int = N_RELATIVES
) -> pd.DataFrame:
    """The best occupation of each of the `n` best families, with its closest relatives in the family.

    Columns: family_code, family_ko, keco_code, name_ko, score (the ranking value), fit (profile
    correlation), drivers (the one or two types that drive the fit), riasec_code, job_zone, wage,
    education, duties, and `relatives`: a list of {keco_code, name_ko, typical_monthly_wage_krw, fit}.
    """
    cat = catalogue(max_job_zone)
    score, fit = scores(theta, cat)
    fam_rank = ranked(family_scores(score, cat), n)
    p = unit_rows(np.asarray(theta, float))
    names = ref.keco_middle_names()
    rows = []
    for f in fam_rank:
        members = cat.members(score, f, relatives + 1)
        best = members[0]
        o = cat.occ.iloc[best]
        drivers = driver_types(cat.unit[best], p)
        rows.append(
            {
                "family_code": cat.family_codes[f],
                "family_ko": names.get(cat.family_codes[f], cat.family_codes[f]),
                "keco_code": o["keco_code"],
                "name_ko": o["name_ko"],
                "score": float(score[best]),
                "fit": float(fit[best]),
                "drivers": drivers,
                "riasec_code": o["riasec_code"],
                "job_zone": int(o["job_zone"]),
                "typical_monthly_wage_krw": int(o["typical_monthly_wage_krw"]),
                "education": o["education"],
                "duties_ko": o["duties_ko"],
                "relatives": [
                    {
                        "keco_code": cat.occ.iloc[i]["keco_code"],
                        "name_ko": cat.occ.iloc[i]["name_ko"],
                        "typical_monthly_wage_krw": int(cat.occ.iloc[i]["typical_monthly_wage_krw"]),
                        "fit": float(fit[i]),
                    }
                    for i in members[1:]
                ],
            }
        )
    return pd.DataFrame(rows)


def top5_stability(
    theta: np.ndarray, se: np.ndarray, max_job_zone: int | None = None, n_draws: int = 400, seed: int = 0
) -> pd.Series:
    """How often each family is among the five shown when θ is redrawn within its measurement error.

    Each card's 추천 안정도: the share of draws θ* ~ N(θ, SE²) (a normal approximation of the EAP
    posterior; seeded, so one answer set always gives the same figures) whose five families contain
    this card's family. Indexed by family code; sums to 5.
    """
    cat = catalogue(max_job_zone)
    rng = np.random.default_rng(seed)
    draws = np.asarray(theta, float) + np.asarray(se, float) * rng.standard_normal((n_draws, len(TYPES)))
    in_top = top_families(draws, cat)  # the same rule as `top_occupations`
    share = np.bincount(in_top.ravel(), minlength=len(cat.family_codes)) / n_draws
    return pd.Series(share, index=cat.family_codes, name="stability").sort_values(ascending=False, kind="stable")


def close_alternatives(
    stability: pd.Series,
    top: pd.DataFrame,
    theta: np.ndarray,
    max_job_zone: int | None = None,
    min_share: float = 0.2,
    n: int = 5,
) -> pd.DataFrame:
    """Families outside the five shown that are among them in at least `min_share` of the draws, with their best
    occupation for this person."""
    alt = stability.drop(top["family_code"], errors="ignore")
    alt = alt[alt >= min_share].head(n)
    cat = catalogue(max_job_zone)
    score = scores(theta, cat)[0]
    names = ref.keco_middle_names()
    rows = []
    index = {code: f for f, code in enumerate(cat.family_codes)}
    for code, share in alt.items():
        best = cat.occ.iloc[cat.members(score, index[code], 1)[0]]
        rows.append(
            {
                "family_code": code,
                "family_ko": names.get(code, code),
                "keco_code": best["keco_code"],
                "name_ko": best["name_ko"],
                "riasec_code": best["riasec_code"],
                "stability": float(share),
            }
        )
    return pd.DataFrame(rows, columns=["family_code", "family_ko", "keco_code", "name_ko", "riasec_code", "stability"])


def reason_ko(row: pd.Series) -> str:
    names = " · ".join(f"{TYPE_KO[t]}({t})" for t in row["drivers"]) or "전반적인 흥미 형태"
    return f"{names} 흥미가 이 직업의 흥미코드({row['riasec_code']})와 잘 맞습니다. 일치도 {row['fit']:.2f}"
