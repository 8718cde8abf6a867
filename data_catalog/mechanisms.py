"""The documented latent mechanisms of the synthetic world (see data_catalog/README.md).

Kept apart from the generator's plumbing so the catalog page and the docs can cite exactly the
coefficients that produced the data. Every outcome is `sigmoid(latent)`, the latent being a
nonlinear function of observable fields, of the expected local market, and of unobserved noise.
"""

from __future__ import annotations

import numpy as np

# Share of establishments by KSIC section nationally (approx. 전국사업체조사 2022, rounded);
# combined with each sigungu's GRDP mix to draw firm industries.
FIRM_SECTION_PRIOR: dict[str, float] = {
    "A": 0.010,
    "B": 0.001,
    "C": 0.090,
    "D": 0.005,
    "E": 0.005,
    "F": 0.060,
    "G": 0.240,
    "H": 0.070,
    "I": 0.190,
    "J": 0.020,
    "K": 0.010,
    "L": 0.040,
    "M": 0.030,
    "N": 0.025,
    "O": 0.003,
    "P": 0.045,
    "Q": 0.035,
    "R": 0.030,
    "S": 0.090,
    "T": 0.001,
    "U": 0.0001,
}

# Which KECO major groups each industry hires (relative weights).
SECTION_OCC_AFFINITY: dict[str, dict[str, float]] = {
    "A": {"9": 6, "8": 1, "6": 1, "0": 1},
    "B": {"7": 4, "8": 3, "0": 1},
    "C": {"8": 7, "1": 1.5, "0": 1.5, "6": 0.8},
    "D": {"8": 3, "1": 2, "0": 1},
    "E": {"8": 3, "5": 2, "6": 2, "0": 1},
    "F": {"7": 7, "1": 1.5, "0": 1},
    "G": {"6": 6, "0": 2, "5": 1},
    "H": {"6": 7, "0": 1.5, "8": 1},
    "I": {"5": 8, "6": 1},
    "J": {"1": 6, "0": 2, "4": 1.5},
    "K": {"0": 8, "6": 2},
    "L": {"0": 3, "5": 4, "6": 2},
    "M": {"1": 4, "0": 3, "4": 2, "2": 1},
    "N": {"5": 5, "0": 2, "6": 2, "8": 1},
    "O": {"0": 5, "2": 3, "5": 1},
    "P": {"2": 7, "0": 1.5},
    "Q": {"3": 6, "2": 4, "0": 1},
    "R": {"4": 5, "5": 2, "0": 1},
    "S": {"5": 5, "8": 2, "0": 1},
    "T": {"5": 8},
    "U": {"0": 5},
}

# Seekers' preference over major groups relative to where vacancies are (office work is
# over-demanded, production/cleaning/care under-demanded): the source of regional mismatch.
SEEKER_MAJOR_PREFERENCE: dict[str, float] = {
    "0": 2.2,
    "1": 1.3,
    "2": 1.2,
    "3": 0.9,
    "4": 1.6,
    "5": 0.7,
    "6": 0.8,
    "7": 0.7,
    "8": 0.6,
    "9": 0.5,
}

# per size band of spec.SIZE_BANDS, in its order
SIZE_PROBS = np.array([0.60, 0.31, 0.06, 0.021, 0.009])
SIZE_EMP_RANGE = ((1, 4), (5, 29), (30, 99), (100, 299), (300, 3000))
SIZE_POSTING_RATE = np.array([1.0, 2.5, 6.0, 12.0, 25.0])
SIZE_WAGE_FACTOR = np.array([0.88, 0.95, 1.02, 1.10, 1.25])

# Calendar-month seasonality of new postings and of seeker registrations.
POSTING_SEASON = np.array([1.25, 1.05, 1.20, 1.05, 1.00, 0.95, 0.95, 0.90, 1.05, 1.00, 0.90, 0.75])
SEEKER_SEASON = np.array([1.35, 1.30, 1.10, 0.95, 0.90, 0.90, 0.95, 0.95, 0.95, 0.90, 0.90, 1.00])

# contract-type probabilities [permanent, fixed_term, part_time, dispatch] by KECO major
CONTRACT_BY_MAJOR: dict[str, list[float]] = {
    "0": [0.70, 0.22, 0.06, 0.02],
    "1": [0.78, 0.18, 0.02, 0.02],
    "2": [0.50, 0.35, 0.15, 0.00],
    "3": [0.60, 0.25, 0.15, 0.00],
    "4": [0.50, 0.35, 0.15, 0.00],
    "5": [0.35, 0.20, 0.38, 0.07],
    "6": [0.50, 0.20, 0.25, 0.05],
    "7": [0.40, 0.45, 0.05, 0.10],
    "8": [0.55, 0.20, 0.05, 0.20],
    "9": [0.30, 0.40, 0.30, 0.00],
}


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def seeker_latent(
    *,
    log_tightness: np.ndarray,
    wage_ratio: np.ndarray,
    unemp_months: np.ndarray,
    trained_after: np.ndarray,
    training_hours_before: np.ndarray,
    age: np.ndarray,
    edu_gap: np.ndarray,
    career_years: np.ndarray,
    scope_idx: np.ndarray,
    disability: np.ndarray,
    noise: np.ndarray,
) -> np.ndarray:
    """Latent logit of employment within 6 months of registration.

    wage_ratio = desired / local market wage of the desired occupation; edu_gap = seeker's
    education rank minus the occupation's typical rank; scope_idx 0/1/2 = sigungu/sido/nation.
    """
    over = np.clip(wage_ratio - 1.0, 0, None)
    z = (
        0.55
        + 0.85 * log_tightness
        - 2.4 * over
        - 1.5 * over**2  # asking above market hurts, increasingly
        + 0.25 * np.clip(1.0 - wage_ratio, 0, 0.4)  # asking below market helps a little
        - 0.075 * np.minimum(unemp_months, 24)
        - 0.45 * (unemp_months > 12)
        + 0.35 * trained_after
        + 0.30 * trained_after * (unemp_months > 6)  # training helps most the long-term unemployed
        + 0.10 * np.log1p(training_hours_before / 40.0)
        - 0.0016 * (age - 34.0) ** 2
        + 0.0  # inverse U in age
        + np.where(edu_gap >= 0, 0.12 * np.minimum(edu_gap, 2), 0.45 * edu_gap)
        + 0.18 * np.log1p(np.minimum(career_years, 25)) * (age < 55)
        + 0.18 * scope_idx
        - 0.30 * disability
        + noise
    )
    return z


def posting_latent(
    *,
    wage_pct: np.ndarray,
    weekly_hours: np.ndarray,
    night: np.ndarray,
    shift: np.ndarray,
    size_idx: np.ndarray,
    career_req: np.ndarray,
    edu_over: np.ndarray,
    log_tightness: np.ndarray,
    month: np.ndarray,
    permanent: np.ndarray,
    dispatch: np.ndarray,
    scam: np.ndarray,
    noise: np.ndarray,
) -> np.ndarray:
    """Latent logit of a posting being filled. wage_pct = offered wage's percentile in its local market."""
    return (
        0.35
        + 2.6 * (wage_pct - 0.5)
        + 1.2 * (wage_pct < 0.15) * (wage_pct - 0.15)
        - 0.06 * np.clip(weekly_hours - 40, 0, None)
        - 0.75 * night
        - 0.25 * shift
        + 0.16 * size_idx
        - 0.10 * career_req
        - 0.40 * edu_over
        - 0.60 * log_tightness
        + 0.25 * np.isin(month, [1, 2, 3])
        - 0.20 * np.isin(month, [11, 12])
        + 0.30 * permanent
        - 0.25 * dispatch
        - 2.5 * scam
        + noise
    )


def application_fit(
    *,
    same_occ: np.ndarray,
    same_middle: np.ndarray,
    wage_gap: np.ndarray,
    edu_ok: np.ndarray,
    career_ok: np.ndarray,
    same_sigungu: np.ndarray,
    noise: np.ndarray,
) -> np.ndarray:
    """Seeker–posting fit in [0, 1]. wage_gap = desired/offered - 1."""
    z = (
        -0.6
        + 1.2 * same_occ
        + 0.5 * same_middle
        - 2.0 * np.clip(wage_gap, 0, None)
        + np.where(edu_ok, 0.5, -1.0)
        + 0.4 * career_ok
        + 0.3 * same_sigungu
        + noise
    )
    return sigmoid(z)
