"""Job seekers at registration: who they are, where they live (a point in their sigungu), what they look for.

Employment is decided later: through this system's postings by `applications`, or outside it (friends, other
portals) by the seeker latent of `mechanisms.seeker_latent` shifted by `mechanisms.OUTSIDE_SHIFT`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_catalog.generator import mechanisms as mech
from data_catalog.generator import places, text
from data_catalog.generator.context import (
    World,
    dates_in_months,
    min_monthly,
    month_weights,
    sample_rows,
    seeker_region_weight,
)
from data_catalog.spec import EDUCATION, EDUCATION_RANK

GENERIC_SKILLS = np.array(
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


def fulfilment(middle: np.ndarray) -> np.ndarray:
    """임금충족률 (offered ÷ desired) of each KECO middle group."""
    return np.array([mech.FULFILMENT_BY_MIDDLE.get(m, mech.DEFAULT_FULFILMENT) for m in middle])


def gen_seekers(
    w: World, n: int, id0: int, rng: np.random.Generator, registered: pd.DatetimeIndex | None = None
) -> dict[str, pd.DataFrame]:
    """`registered` overrides the registration dates (the burn-in cohort registered before the period)."""
    occ = w.occ
    sg = rng.choice(len(w.sgg), size=n, p=seeker_region_weight(w.sgg))
    reg = dates_in_months(rng, n, month_weights(mech.SEEKER_SEASON)) if registered is None else registered
    band = rng.choice(len(mech.AGE_BANDS), size=n, p=mech.AGE_BAND_P)
    lo = np.array([b[0] for b in mech.AGE_BANDS])[band]
    hi = np.array([b[1] for b in mech.AGE_BANDS])[band]
    age = (lo + rng.random(n) * (hi - lo)).astype(int)
    young = np.clip((55 - age) / 35, 0, 1)  # 1 for 20, 0 for 55+
    edu_p = young[:, None] * np.array([0.22, 0.25, 0.50, 0.03]) + (1 - young[:, None]) * np.array(
        [0.60, 0.15, 0.22, 0.03]
    )
    edu_idx = (edu_p.cumsum(axis=1) < rng.random(n)[:, None]).sum(axis=1)
    edu_names = np.array(list(EDUCATION))
    edu = edu_names[edu_idx]
    end_age = np.array([19, 22, 25, 28])[edu_idx]
    career = np.minimum(np.round(np.clip(age - end_age, 0, None) * rng.uniform(0.2, 0.9, n), 1), 50.0)
    occ_edu = occ["education"].map(EDUCATION_RANK).to_numpy()
    vw = occ["vacancy_weight"].to_numpy(float)
    # last occupation: where jobs are, among occupations within reach of the seeker's education
    last_i = np.empty(n, dtype=np.int64)
    des_i = np.empty(n, dtype=np.int64)
    older = age >= 55
    for e in range(4):
        for old in (False, True):
            m = (edu_idx == e) & (older == old)
            p = (occ_edu <= e + 2) * vw
            last_i[m] = rng.choice(len(occ), size=int(m.sum()), p=p / p.sum())
            # older seekers look where older people are hired: care, cleaning, security, simple labour
            boost = np.isin(occ["middle_code"], ["55", "56", "54", "89", "90"]) * (3.0 if old else 0.0) + 1.0
            p = w.p_desired_occ * np.where(occ_edu <= e + 1, 1.0, 0.15) * boost
            des_i[m] = rng.choice(len(occ), size=int(m.sum()), p=p / p.sum())
    has_last = career >= 1
    keep_last = has_last & (rng.random(n) < 0.6)
    des_i = np.where(keep_last, last_i, des_i)
    d = occ.iloc[des_i].reset_index(drop=True)
    # desired wage: what this occupation offers here ÷ its 임금충족률, plus experience, individually noisy
    mw = min_monthly(reg.year.to_numpy()).astype(float)
    offer_level = mw * mech.offer_premium(d["typical_monthly_wage_krw"].to_numpy(float) * w.wage_factor[sg])
    middle = d["middle_code"].to_numpy()
    monthly_factor = np.where(middle == mech.GUARD_MIDDLE, mech.guard_monthly_factor(), 1.0)  # long weeks
    peers = offer_level * monthly_factor / fulfilment(middle)
    desired = peers * (1 + 0.008 * (np.minimum(career, 20) - 8)) * np.exp(rng.normal(0, 0.14, n))
    desired = np.maximum(desired, 0.9 * mw)
    desired = (np.round(desired / 100_000) * 100_000).astype(np.int64)
    scope = np.array(["sigungu", "sido", "nationwide"])
    scope_idx = sample_rows(rng, np.array([[0.30, 0.45, 0.25], [0.42, 0.46, 0.12]]), (age >= 35).astype(int))
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
    skill_lists = d["skills_ko"].str.split(";")
    last_skill = occ["skills_ko"].to_numpy()[last_i]
    k = rng.integers(2, 6, n)
    g = GENERIC_SKILLS[rng.integers(0, len(GENERIC_SKILLS), n)]
    skill_order = rng.random((n, 8)).argsort(axis=1)
    skills = []
    for i in range(n):
        own = skill_lists.iat[i]
        own = [own[j] for j in skill_order[i] if j < len(own)][: k[i]]
        s = list(dict.fromkeys(own + (last_skill[i].split(";")[:2] if has_last[i] else []) + ([g[i]] if g[i] else [])))
        skills.append(";".join(s))
    trained_after = rng.random(n) < np.where(unemp > 6, 0.25, 0.12)

    lt = np.array(
        [
            w.log_tight.get((s, m), 0.0)
            for s, m in zip(w.sgg["sido_code"].to_numpy()[sg], d["major_code"].to_numpy(), strict=True)
        ]
    )
    noise = rng.normal(0, 0.6, n)
    z = mech.seeker_latent(
        log_tightness=lt,
        wage_ratio=desired / peers,
        unemp_months=unemp,
        trained_after=trained_after,
        training_hours_before=hours_before,
        age=age,
        edu_gap=edu_idx + 1 - occ_edu[des_i],
        career_years=career,
        scope_idx=scope_idx,
        disability=disability,
        noise=noise,
    )
    z_out = z + mech.OUTSIDE_SHIFT
    p_out = mech.sigmoid(z_out)
    # best outside probability knowable at registration: averaged over the unobserved trait and over whether
    # the seeker will train later (probit approximation of E[sigmoid(m + e)], e ~ N(0, 0.6²))
    z_known = z_out - noise - 0.35 * trained_after - 0.30 * trained_after * (unemp > 6)
    q = np.where(unemp > 6, 0.25, 0.12)
    shrink = 1.0 / np.sqrt(1.0 + np.pi * 0.6**2 / 8.0)
    p_out_reg = q * mech.sigmoid((z_known + 0.35 + 0.30 * (unemp > 6)) * shrink) + (1 - q) * mech.sigmoid(
        z_known * shrink
    )
    employed_out = rng.random(n) < p_out
    days = mech.outside_delay_days(rng, p_out)
    out_date = pd.DatetimeIndex(reg + pd.to_timedelta(np.round(days), unit="D")).where(employed_out)
    ids = np.arange(id0 + 1, id0 + n + 1)
    sgg_name = (w.sgg["sido_short_ko"] + " " + w.sgg["sigungu_name_ko"]).to_numpy()[sg]
    last_name = np.where(has_last, occ["name_ko"].to_numpy()[last_i], None)
    rt = text.resume_texts(
        rng,
        pd.DataFrame(
            {
                "desired_name": d["name_ko"],
                "career_years": career,
                "education": edu,
                "last_name": last_name,
                "last_duties": occ["duties_ko"].to_numpy()[last_i],
                "region_name": sgg_name,
                "desired_wage_krw": desired,
                "skills": skills,
                "training_hours_before": hours_before,
            }
        ),
    )
    lat, lon = places.to_latlon(places.points_in(w.geo, sg, rng))
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
            "lat": lat,
            "lon": lon,
        }
    )
    hidden = pd.DataFrame(
        {
            "seeker_id": ids,
            "p_out": p_out,
            "p_out_reg": p_out_reg,
            "latent": z_out,
            "market_tightness": np.exp(lt),
            "out_date": out_date,
        }
    )
    return {
        "seekers": seekers,
        "hidden": hidden,
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
