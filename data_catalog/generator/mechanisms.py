"""The documented latent mechanisms of the synthetic world (see data_catalog/README.md).

Kept apart from the generator's plumbing so the catalog page and the docs can cite exactly the
coefficients that produced the data. Every outcome is `sigmoid(latent)`, the latent being a
nonlinear function of observable fields, of the expected local market, and of unobserved noise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_catalog import reference as ref

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

# Which KECO middle groups (2-digit) each industry posts, relative weights (within a middle group the occupations
# follow their vacancy weights). Middle groups rather than major groups, so that an education firm never posts a
# physician (a major group mixes occupations no one industry employs): every middle group is posted by the
# industries employing it.
SECTION_MIDDLE_AFFINITY: dict[str, dict[str, float]] = {
    "A": {"90": 8, "89": 1, "62": 1, "02": 0.5},
    "B": {"70": 4, "81": 2, "62": 1, "02": 0.5},
    "C": {
        "81": 4,
        "82": 3,
        "83": 3,
        "85": 1.5,
        "86": 0.8,
        "87": 2.5,
        "88": 0.8,
        "89": 6,
        "15": 1.5,
        "02": 1.5,
        "61": 0.4,
        "62": 0.6,
    },
    "D": {"83": 3, "14": 1, "15": 1, "02": 1},
    "E": {"85": 3, "56": 3, "62": 2, "02": 0.5},
    "F": {"70": 8, "14": 2, "82": 1, "83": 1, "02": 1},
    "G": {"61": 7, "62": 1.5, "02": 2, "53": 0.3},
    "H": {"62": 8, "02": 1.5, "81": 0.5},
    "I": {"53": 8, "52": 2, "56": 0.5},
    "J": {"13": 6, "41": 2, "02": 2, "84": 1},
    "K": {"03": 6, "02": 3, "61": 1.5},
    "L": {"54": 3, "56": 2, "02": 2, "61": 1.5},
    "M": {"13": 2, "14": 2, "15": 1.5, "11": 0.5, "12": 0.5, "22": 0.8, "41": 1.5, "02": 3, "01": 0.5},
    "N": {"56": 5, "54": 4, "02": 3, "89": 2, "62": 1, "52": 0.5},
    "O": {"02": 5, "24": 1.5, "25": 0.5, "23": 1, "01": 0.3},
    "P": {"21": 8, "02": 1.5},
    "Q": {"55": 6, "30": 5, "23": 3, "02": 1, "56": 0.4, "53": 0.3},
    "R": {"41": 3, "42": 3, "52": 2, "02": 1},
    "S": {"51": 4, "56": 2, "81": 2, "84": 1, "23": 0.5, "02": 1},
    "T": {"55": 4, "56": 4},
    "U": {"02": 5},
}

RETRIES = 2
"""When nothing suitable is open on the day, the seeker looks again a week later, at most this many times."""
RELATED_OCCUPATIONS = 6
"""How many skill-related occupations outside its middle group each occupation has (where a search spreads)."""

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

# Calendar-month seasonality of seeker registrations (postings follow seekers × the monthly 구인배수).
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

    wage_ratio = desired ÷ what seekers of that occupation and region usually ask (offer level ÷ 임금충족률);
    edu_gap = seeker's education rank minus the occupation's typical rank; scope_idx 0/1/2 = sigungu/sido/nation.
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
        - 0.0016 * (np.minimum(age, 68) - 34.0) ** 2  # inverse U in age, flat from 68
        + np.where(edu_gap >= 0, 0.12 * np.minimum(edu_gap, 2), 0.45 * edu_gap)
        + 0.18 * np.log1p(np.minimum(career_years, 25)) * (age < 55)
        + 0.18 * scope_idx
        - 0.30 * disability
        + noise
    )
    return z


# --- calibration to the published figures (data_catalog/reference/labour_market_targets.csv) ------------------
OPENINGS_SHARE_STATISTICS = {
    "Q": "openings_share_health_social_work",
    "C": "openings_share_manufacturing",
    "N": "openings_share_business_facilities_support",
}
"""KSIC sections whose share of new Worknet openings is published (고용행정통계 2024-12), by target statistic."""


def openings_share_targets() -> dict[str, float]:
    t = ref.labour_market_targets().set_index("statistic")["value"]
    return {s: float(t[stat]) for s, stat in OPENINGS_SHARE_STATISTICS.items()}


JOBS_TO_SEEKERS_2025 = np.array([0.27, 0.32, 0.36, 0.37, 0.37, 0.36, 0.40, 0.38, 0.38, 0.42, 0.37, 0.33])
"""구인배수 (new openings ÷ new seekers) by calendar month of 2025: 0.27 in January (the published low), 0.40 in
July, 0.42 in October (published), the rest interpolated so the year is 0.36 (published) with the seeker season."""
JOBS_TO_SEEKERS_LATE_2024 = {11: 0.46, 12: 0.40}
"""2024-11 and 2024-12 (published 0.46 and 0.40): the late-2024 → 2025 fall."""
JOBS_TO_SEEKERS_2026_FACTOR = 0.97
"""2026 is not published yet: 2025's months, 3 % lower (openings fell 19 % y/y in 2025-10)."""


def jobs_to_seekers_by_month(months: pd.DatetimeIndex) -> np.ndarray:
    base = JOBS_TO_SEEKERS_2025[months.month.to_numpy() - 1]
    late = np.array([JOBS_TO_SEEKERS_LATE_2024.get(m, 0.0) for m in months.month])
    return np.where(months.year == 2024, late, np.where(months.year >= 2026, base * JOBS_TO_SEEKERS_2026_FACTOR, base))


MEAN_OPENINGS = 1.3
"""Mean openings (모집 인원) per posting; larger firms post more per posting."""

AGE_BANDS = ((18, 20), (20, 30), (30, 40), (40, 50), (50, 60), (60, 70), (70, 80))
AGE_BAND_P = np.array([0.020, 0.238, 0.170, 0.160, 0.199, 0.160, 0.053])
"""Ages of new seekers: 20대 23.8 % and 60+ 21.3 % (Worknet 2024 registrations), up to 79."""

OFFER_BASE_WAGE = 2_250_000
"""A typical (all-employer) monthly wage at or below which Worknet offers sit at the minimum wage."""
OFFER_PREMIUM_EXPONENT = 0.42
"""Offer = minimum monthly wage × (typical wage / OFFER_BASE_WAGE)^exponent: offers compress towards the minimum
(Worknet's mean offer is 13–15 % above the minimum monthly wage, 한국노동연구원 2021·2022)."""
OFFER_NOISE = 0.08
AT_MINIMUM_BAND = 1.03
"""Offers within 3 % above the minimum are written as the minimum itself (the mass at 최저임금)."""

FULFILMENT_BY_MIDDLE = {"55": 0.77, "54": 1.14}
"""임금충족률 (offered ÷ desired) by KECO middle group: care (간병·육아) 76.5–77.2 %, security 113.7–115.7 %
(한국노동연구원 2022-03); every other group DEFAULT_FULFILMENT (overall 97.6–100.5 %)."""
DEFAULT_FULFILMENT = 0.99
GUARD_MIDDLE = "54"
GUARD_LONG_WEEK_P = 0.6
"""Security postings mostly run long weeks (격일제·감시적 근로), which is why their offers exceed what guards ask."""
GUARD_CONTRACT = [0.45, 0.50, 0.05, 0.0]
"""Security jobs are full-time contracts (아파트·건물 경비: 1-year contracts), rarely part-time."""
LONG_WEEK_HOURS = np.array([44.0, 48.0, 52.0])


def guard_monthly_factor() -> float:
    """Expected monthly pay of a security posting relative to a 40-hour week (overtime at 150 %)."""
    rel = ref.monthly_paid_hours(LONG_WEEK_HOURS) / ref.monthly_paid_hours(40.0)
    return float(1 - GUARD_LONG_WEEK_P + GUARD_LONG_WEEK_P * rel.mean())


def offer_premium(typical_wage: np.ndarray) -> np.ndarray:
    return np.power(np.maximum(typical_wage / OFFER_BASE_WAGE, 1.0), OFFER_PREMIUM_EXPONENT)


# --- job search, the stages of an application, fill -----------------------------------------------------------
APPS_PER_SPELL = 15.0
"""Mean application attempts per full six-month search spell (사람인 2019: 12.6 sent a half-year); a spell ends
early when the seeker finds a job, and an attempt finds nothing open now and then."""
APPS_DISPERSION = 0.9
"""Negative-binomial shape of applications per spell: heavy-tailed (many send 1–3, a few send 50+)."""
TARGET_P = {"own": 0.55, "middle": 0.20, "last": 0.10, "related": 0.15}
"""Which occupation an application targets: the desired one, another in its KECO middle group, the last job's,
or one of the skill-related occupations outside the middle group."""
CANDIDATES_BY_WIDTH = (5, 2, 2)
"""Open postings a seeker looks at per application in the target sido: of the target's KECO middle group, of its
major group, and of any occupation; the most attractive one wins (so a search spreads when the field is empty)."""
DISTANCE_SCALE_KM = np.array([6.0, 15.0, 40.0])
"""How far seekers of each desired scope (sigungu/sido/nationwide) look: attraction falls by 1 per this many km."""
OWN_SIDO_P = np.array([0.97, 0.92, 0.75])
"""Share of a seeker's applications in the home sido, by desired scope."""
PROTECTED_BIAS_MIDDLES = ("62", "70", "81", "82", "83", "85", "89")
"""Where employers screen women down (driving, construction, production): the bias a fairness audit should find."""
PROTECTED_BIAS = 0.55


def occupation_match(seeker_occ: object, posting_occ: object) -> np.ndarray:
    """1 same occupation, 0.6 same KECO middle group, 0.3 same major group, 0 otherwise (the KECO hierarchy).

    Codes as 4-character strings; fixed-width arrays (a prefix is a cast to a shorter width) keep it vectorised."""
    a = np.asarray(pd.Series(seeker_occ).fillna("").to_numpy(), dtype="U4")
    b = np.asarray(pd.Series(posting_occ).fillna("").to_numpy(), dtype="U4")
    same, mid, maj = a == b, a.astype("U2") == b.astype("U2"), a.astype("U1") == b.astype("U1")
    return np.where(same & (a != ""), 1.0, np.where(mid & (a != ""), 0.6, np.where(maj & (a != ""), 0.3, 0.0)))


def application_attraction(
    *, occ_match: np.ndarray, distance_km: np.ndarray, scope_idx: np.ndarray, log_wage_ratio: np.ndarray
) -> np.ndarray:
    """How attractive an open posting is to a seeker (a Gumbel draw is added: the choice is a logit)."""
    return 2.0 * occ_match - distance_km / DISTANCE_SCALE_KM[scope_idx] + 1.5 * np.clip(log_wage_ratio, -0.5, 0.5)


def screening_latent(
    *,
    occ_match: np.ndarray,
    skill_overlap: np.ndarray,
    edu_gap: np.ndarray,
    career_gap: np.ndarray,
    log_apps_per_opening: np.ndarray,
    protected: np.ndarray,
    noise: np.ndarray,
) -> np.ndarray:
    """서류 전형. skill_overlap = share of the posting's skills the seeker has; edu_gap = seeker rank − required rank;
    career_gap = seeker's years − required years; protected = the biased-against applicants (see PROTECTED_BIAS)."""
    return (
        -1.4
        + 1.9 * occ_match
        + 2.9 * skill_overlap
        + np.where(edu_gap < 0, 0.9 * edu_gap, 0.10 * np.minimum(edu_gap, 2))
        + np.where(career_gap < 0, 0.35 * np.maximum(career_gap, -5), 0.04 * np.minimum(career_gap, 10))
        - 0.45 * log_apps_per_opening
        - PROTECTED_BIAS * protected
        + noise
    )


def interview_latent(
    *, occ_match: np.ndarray, skill_overlap: np.ndarray, career_years: np.ndarray, age: np.ndarray, noise: np.ndarray
) -> np.ndarray:
    """면접 → 합격 통보."""
    return (
        -0.9
        + 1.3 * occ_match
        + 1.9 * skill_overlap
        + 0.12 * np.log1p(np.minimum(career_years, 25))
        - 0.03 * np.maximum(age - 55, 0)
        + noise
    )


def acceptance_latent(*, log_wage_ratio: np.ndarray, distance_km: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """합격 후 입사 (vs 입사 포기): log_wage_ratio = log(offered ÷ desired)."""
    return 2.4 + 3.0 * log_wage_ratio - 0.02 * distance_km + noise


OUTSIDE_SHIFT = -0.85
"""The seeker latent shifted for employment found outside this system's postings (friends, other portals):
about a quarter of registered seekers are placed through the employment centres (취업률 24.5 % in 2025)."""


def outside_delay_days(rng: np.random.Generator, p_out: np.ndarray) -> np.ndarray:
    """Days from registration to a job found outside the system: 5 + Gamma(1.6, 25 + 60(1 − p)), at most 182."""
    return np.minimum(5 + rng.gamma(1.6, 25 + 60 * (1 - p_out)), 182)


def p_still_searching(p_out: np.ndarray, days_since_registration: np.ndarray) -> np.ndarray:
    """P(no outside job yet) after this many days: the law of `outside_delay_days`."""
    from scipy.stats import gamma  # noqa: PLC0415 - only the generator needs it

    return 1 - p_out * gamma.cdf(np.asarray(days_since_registration, float) - 5, 1.6, scale=25 + 60 * (1 - p_out))
