"""Job postings: which firm (the published industry mix of openings), occupation, terms, wage and text.

A posting's fields are drawn here; whether and when it is filled is decided by its applicants
(`applications.py`). Violations of the law are planted in two ways: in the fields (a wage below the minimum,
hours over the limit, an unlawful probation cut, inconsistent or missing essentials) and in the text
(`violations.py`: age, gender, 채용절차법 requests, scam signals, 주휴 ignored …), each recorded in
`truth.posting_violations`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_catalog import reference as ref
from data_catalog.generator import mechanisms as mech
from data_catalog.generator import text, violations
from data_catalog.generator.context import (
    MONTHS,
    World,
    dates_in_months,
    min_hourly,
    month_weights,
    posting_region_weight,
    sample_rows,
)
from data_catalog.spec import EDUCATION_RANK, SIZE_BANDS

FIELD_VIOLATION_P = {
    "wage_below_minimum": 0.012,
    "hours_over_limit": 0.006,
    "probation": 0.006,
    "inconsistent_fields": 0.005,
    "missing_essentials": 0.004,
}
"""Share of postings with each violation written in the structured fields."""
TEXT_VIOLATION_RATE = 0.05
"""Share of postings with at least one violation written in the text (`violations.plant`)."""
HARD_NEGATIVE_RATE = 0.03
SIMPLE_LABOUR_MIDDLES = ("89", "56", "70", "53")
"""Middle groups treated as 단순노무 for the probation rule (최저임금법 제5조 ②: no probation cut for them)."""


def _monthly_from_hourly(hourly: np.ndarray, hours: np.ndarray) -> np.ndarray:
    """Monthly pay for contractual weekly hours (`reference.monthly_paid_hours`)."""
    return hourly * ref.monthly_paid_hours(hours)


def gen_postings(
    w: World, firms: pd.DataFrame, n: int, id0: int, rng: np.random.Generator
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Postings (without their fill, which `applications` decides), their truth row and planted violations."""
    occ = w.occ
    # industry first (published mix of openings), then a firm of that industry (bigger firms post more)
    present = np.isin(w.sections, firms["ksic_section"].unique())
    p_sec = np.where(present, w.p_posting_section, 0.0)
    sec = rng.choice(len(w.sections), size=n, p=p_sec / p_sec.sum())
    size_idx_f = firms["size_band"].map({b: i for i, b in enumerate(SIZE_BANDS)}).to_numpy()
    sgg_idx_f = pd.Index(w.sgg["sigungu_code"]).get_indexer(firms["sigungu_code"])
    region_w = posting_region_weight(w.sgg)[sgg_idx_f] / np.bincount(sgg_idx_f, minlength=len(w.sgg))[sgg_idx_f]
    fw = mech.SIZE_POSTING_RATE[size_idx_f] * region_w
    f_sec = pd.Index(w.sections).get_indexer(firms["ksic_section"])
    fi = np.empty(n, dtype=np.int64)
    for s in np.unique(sec):
        cand = np.flatnonzero(f_sec == s)
        m = sec == s
        fi[m] = rng.choice(cand, size=int(m.sum()), p=fw[cand] / fw[cand].sum())
    f = firms.iloc[fi].reset_index(drop=True)
    oi = sample_rows(rng, w.p_occ_by_section, sec)
    o = occ.iloc[oi].reset_index(drop=True)
    major = o["major_code"].to_numpy()
    middle = o["middle_code"].to_numpy()
    size_idx = size_idx_f[fi]
    sg = sgg_idx_f[fi]

    posted = dates_in_months(rng, n, month_weights(mech.SEEKER_SEASON, mech.jobs_to_seekers_by_month(MONTHS)))
    contract_p = np.array([mech.CONTRACT_BY_MAJOR[m] for m in "0123456789"] + [mech.GUARD_CONTRACT])
    contract_group = np.where(middle == mech.GUARD_MIDDLE, 10, major.astype(int))
    contract = np.array(["permanent", "fixed_term", "part_time", "dispatch"])[
        sample_rows(rng, contract_p, contract_group)
    ]
    part = contract == "part_time"
    long_p = np.where(np.isin(major, ["6", "7", "8"]), 0.35, 0.0)
    long_p = np.where(middle == mech.GUARD_MIDDLE, mech.GUARD_LONG_WEEK_P, long_p)
    long_week = rng.random(n) < long_p
    hours = np.where(
        part,
        rng.choice([15.0, 20.0, 25.0, 30.0], size=n),
        np.where(long_week, rng.choice(mech.LONG_WEEK_HOURS, n), 40.0),
    )
    work_days = np.where(part, rng.choice([3, 4, 5], size=n), np.where(hours > 44, 6, 5))
    shift_u = rng.random(n)
    night_p = np.where(np.isin(major, ["5", "8", "3"]), 0.09, 0.02)
    shift_p = np.where(np.isin(major, ["8", "3"]), 0.22, 0.05)
    shift = np.where(shift_u < night_p, "night", np.where(shift_u < night_p + shift_p, "shift", "day"))

    # offers sit near the minimum wage of their year, compressed from the all-employer wage level
    years = posted.year.to_numpy()
    mw_h = min_hourly(years).astype(float)
    typical = o["typical_monthly_wage_krw"].to_numpy(float) * w.wage_factor[sg]
    fte = mw_h * ref.MONTHLY_HOURS * mech.offer_premium(typical)
    fte *= np.sqrt(mech.SIZE_WAGE_FACTOR[size_idx]) * np.exp(rng.normal(0, mech.OFFER_NOISE, n))
    fte *= np.where(shift == "night", 1.05, 1.0)
    hourly = np.maximum(fte / ref.MONTHLY_HOURS, mw_h)
    hourly = np.where(hourly < mw_h * mech.AT_MINIMUM_BAND, mw_h, np.ceil(hourly / 10) * 10)
    wage_type = np.where(
        part,
        np.where(rng.random(n) < 0.15, "daily", "hourly"),
        np.where(
            (major == "7") & (rng.random(n) < 0.4),
            "daily",
            np.where(rng.random(n) < np.where(np.isin(major, ["0", "1"]), 0.35, 0.10), "annual", "monthly"),
        ),
    )
    probation = np.where(
        np.isin(contract, ["permanent", "fixed_term"]) & (rng.random(n) < 0.3), rng.choice([1, 2, 3], n), 0
    )
    probation_pct = np.where(
        (probation > 0) & ~np.isin(middle, SIMPLE_LABOUR_MIDDLES) & (contract == "permanent") & (rng.random(n) < 0.5),
        90,
        100,
    )
    inclusive = np.isin(wage_type, ["monthly", "annual"]) & (hours > 40) & (rng.random(n) < 0.4)

    # violations in the fields
    field = {k: rng.random(n) < v for k, v in FIELD_VIOLATION_P.items()}
    below = field["wage_below_minimum"]
    hourly = np.where(below, np.floor(mw_h * rng.uniform(0.80, 0.97, n) / 10) * 10, hourly)
    over = field["hours_over_limit"] & ~part
    hours = np.where(over, rng.choice([56.0, 60.0, 64.0, 68.0], n), hours)
    work_days = np.where(over, 6, work_days)
    prob_bad = field["probation"] & ~part
    probation = np.where(prob_bad, rng.choice([3, 6], n), probation)
    probation_pct = np.where(prob_bad, rng.choice([70, 80, 90], n), probation_pct)
    simple = np.isin(middle, SIMPLE_LABOUR_MIDDLES)
    # a 90 % cut of a 3-month probation is lawful unless the job is simple labour or the contract is short
    prob_bad &= (probation_pct < 90) | (probation > 3) | simple | (contract != "permanent")
    inconsistent = field["inconsistent_fields"]
    inc_kind = rng.integers(0, 3, n)
    missing = field["missing_essentials"] & ~inconsistent

    monthly = _monthly_from_hourly(hourly, hours)
    amount = np.select(
        [wage_type == "hourly", wage_type == "daily", wage_type == "annual"],
        [hourly, np.ceil(hourly * hours / work_days / 1000) * 1000, np.ceil(monthly * 12 / 100_000) * 100_000],
        np.ceil(monthly / 10_000) * 10_000,
    )
    # inconsistent: part-time at 52 h; a monthly figure typed as annual; a monthly figure typed as hourly
    contract = np.where(inconsistent & (inc_kind == 0), "part_time", contract)
    hours = np.where(inconsistent & (inc_kind == 0), 52.0, hours)
    a1, a2 = inconsistent & (inc_kind == 1), inconsistent & (inc_kind == 2)
    amount = np.where(a1, np.round(monthly / 10_000) * 10_000, amount)
    wage_type = np.where(a1, "annual", np.where(a2, "hourly", wage_type))
    amount = np.where(a2, np.round(monthly / 10_000) * 10_000, amount)
    amount = np.where(missing, 0, amount).astype(np.int64)
    wage_monthly = np.select(
        [wage_type == "hourly", wage_type == "daily", wage_type == "annual"],
        [
            _monthly_from_hourly(amount.astype(float), hours),
            _monthly_from_hourly(amount * work_days / hours, hours),  # the implied hourly rate
            amount / 12.0,
        ],
        amount.astype(float),
    )
    wage_monthly = np.round(wage_monthly).astype(np.int64)

    edu_typ = o["education"].map(EDUCATION_RANK).to_numpy()
    edu_u = rng.random(n)
    edu_rank = np.where(
        edu_u < 0.5, edu_typ, np.where(edu_u < 0.75, 0, np.where(edu_u < 0.9, edu_typ - 1, edu_typ + 1))
    )
    edu_rank = np.clip(edu_rank, 0, 4)
    edu_names = np.array(list(EDUCATION_RANK))
    career = rng.choice([0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 5], size=n)
    extra = mech.SIZE_POSTING_RATE[size_idx] ** 0.5
    openings = np.minimum(1 + rng.poisson((mech.MEAN_OPENINGS - 1) * extra / extra.mean()), 50)
    closing = posted + pd.to_timedelta(rng.choice([14, 15, 30, 30, 30, 45, 60], size=n), unit="D")
    channel = rng.choice(
        np.array(["work24", "private_portal", "company_site", "job_fair"]), size=n, p=[0.55, 0.30, 0.10, 0.05]
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
            "wage_amount": amount,
            "weekly_hours": hours,
            "work_days": work_days,
            "probation_months": probation,
            "probation_pay_pct": probation_pct,
            "inclusive_wage": inclusive,
            "openings": openings,
            "closing_date": closing,
            "channel": channel,
        }
    )
    titles, bodies = text.posting_texts(rng, text_frame)
    titles, bodies, planted = violations.plant(
        rng, titles, bodies, o["name_ko"].to_numpy(), TEXT_VIOLATION_RATE, HARD_NEGATIVE_RATE, ids
    )
    # a lawful-looking probation clause (90 % for 3 months) is unlawful on simple labour or a short contract
    unlawful_here = pd.Series(simple | (contract != "permanent"), index=ids)
    relabel = (
        (planted["kind"] == "hard_negative")
        & (planted["family"] == "probation")
        & planted["posting_id"].map(unlawful_here).fillna(False).astype(bool)
    )
    planted.loc[relabel, "kind"] = "violation"
    fields_planted = [
        pd.DataFrame({"posting_id": ids[m], "family": fam, "kind": "violation", "location": "fields"})
        for fam, m in (
            ("wage_below_minimum", below),
            ("hours_over_limit", over),
            ("probation", prob_bad),
            ("inconsistent_fields", inconsistent),
            ("missing_essentials", missing),
        )
    ]
    planted = pd.concat([planted, *fields_planted], ignore_index=True)
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
            "description": bodies,
            "wage_type": wage_type,
            "wage_amount": amount,
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
            "probation_months": probation,
            "probation_pay_pct": probation_pct,
            "lat": f["lat"].to_numpy(),
            "lon": f["lon"].to_numpy(),
        }
    )
    # the market an offer is judged against: the typical offer of its occupation and region (before noise)
    market = mw_h * ref.MONTHLY_HOURS * mech.offer_premium(typical) * np.sqrt(mech.SIZE_WAGE_FACTOR[size_idx])
    primary = planted[planted["kind"] == "violation"].drop_duplicates("posting_id").set_index("posting_id")["family"]
    truth = pd.DataFrame(
        {
            "posting_id": ids,
            "market_wage": market,
            "anomaly_type": pd.Series(ids).map(primary).to_numpy(dtype=object),
        }
    )
    return postings, truth, planted
