"""Job search, the stages of an application, hires, posting fill and seeker employment: one documented mechanism.

1. **Search spell.** A seeker searches from registration for up to six months (or to the snapshot). The number of
   applications is negative binomial (mean `APPS_PER_SPELL` per full spell, shape `APPS_DISPERSION`: heavy tailed).
2. **Where they apply.** Each application targets an occupation — the desired one, another in its KECO middle group,
   the last job's, or a skill-related one (`TARGET_P`) — in the home sido or, less often, a nearby one
   (`OWN_SIDO_P`). Among the postings open that day in the sido — `CANDIDATES_BY_WIDTH` of the target's middle
   group, of its major group and of any occupation — the seeker picks the most attractive
   (`application_attraction`: occupation match, commute distance by desired scope, offered vs desired wage, plus a
   Gumbel draw); with nothing open, they look again a week later (`RETRIES`). So applications
   reach beyond the seeker's own cell, and never a closed posting. A burn-in cohort (registered in the six months
   before the period, not written) competes for the first months' postings.
3. **Stages.** 서류 (`screening_latent`: occupation match, skill overlap, education and experience against the
   requirement, applicants per opening, an employer bias against women in driving/construction/production, noise)
   → 면접 → 합격 통보 (`interview_latent`, thinned by competition so a posting expects no more offers than openings)
   → 입사 or 입사 포기 (`acceptance_latent`: offered vs desired wage, distance). `truth.application_truth` holds the
   three probabilities and their product, never the outcome.
4. **Conflicts.** A seeker takes the earliest accepted offer and declines the others; a hired seeker (or one employed
   outside the system) withdraws pending applications and stops applying. A posting hires at most its openings (at
   random among the seekers who chose it, not by application order) and closes when full: no application is dated
   after its posting closed or was filled.
5. **Ids** of applications and hires are a random permutation from a random stream of their own, and rows are
   written in id order: neither carries the outcome.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import poisson

from data_catalog.generator import mechanisms as mech
from data_catalog.generator import places
from data_catalog.generator.context import PERIOD_START, SNAPSHOT, World
from data_catalog.spec import EDUCATION_RANK

SPELL_DAYS = 182
SNAP_DAY = (SNAPSHOT - PERIOD_START).days
"""The snapshot as a day number of the period (the generator counts days from PERIOD_START)."""
BLOCK = 200_000
"""Application slots scored at once (bounded memory at every scale)."""


def _day(ts: pd.Series | pd.DatetimeIndex) -> np.ndarray:
    return ((pd.DatetimeIndex(ts) - PERIOD_START).days).to_numpy()


def _target_occupations(w: World, seekers: pd.DataFrame, si: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    occ = w.occ
    code_idx = pd.Index(occ["keco_code"])
    des = code_idx.get_indexer(seekers["desired_keco_code"].to_numpy()[si])
    last = code_idx.get_indexer(seekers["last_keco_code"].fillna("").to_numpy()[si])
    kind = rng.choice(len(mech.TARGET_P), size=len(si), p=list(mech.TARGET_P.values()))
    kinds = list(mech.TARGET_P)
    out = des.copy()
    # another occupation of the same middle group, by vacancy weight
    middle = occ["middle_code"].to_numpy()
    vw = occ["vacancy_weight"].to_numpy(float)
    m = kind == kinds.index("middle")
    for mid in np.unique(middle[des[m]]):
        rows = np.flatnonzero(m & (middle[des] == mid))
        members = np.flatnonzero(middle == mid)
        out[rows] = rng.choice(members, size=len(rows), p=vw[members] / vw[members].sum())
    m = (kind == kinds.index("last")) & (last >= 0)
    out[m] = last[m]
    m = kind == kinds.index("related")
    out[m] = w.related_occ[des[m], rng.integers(0, w.related_occ.shape[1], int(m.sum()))]
    return out


def _skill_matrix(w: World, skills: pd.Series, width: int = 10) -> np.ndarray:
    """Each seeker's skills as ids into the occupation skill vocabulary, padded with -1."""
    index = {s: i for i, s in enumerate(w.skills)}
    out = np.full((len(skills), width), -1, dtype=np.int64)
    for r, s in enumerate(skills.fillna("").to_numpy()):
        ids = [index[x] for x in s.split(";") if x in index][:width]
        out[r, : len(ids)] = ids
    return out


def _occ_skill_matrix(w: World, width: int = 8) -> np.ndarray:
    out = np.full((len(w.occ), width), -2, dtype=np.int64)
    for r, ids in enumerate(w.occ_skill_ids):
        out[r, : min(len(ids), width)] = ids[:width]
    return out


def search(
    w: World,
    seekers: pd.DataFrame,
    postings: pd.DataFrame,
    s_xy: np.ndarray,
    p_xy: np.ndarray,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Application slots → (seeker row, posting row, applied day) with duplicates removed."""
    reg = _day(seekers["registered_date"])
    end = np.minimum(reg + SPELL_DAYS, SNAP_DAY)
    length = np.maximum(end - reg, 0)
    mean = mech.APPS_PER_SPELL * length / SPELL_DAYS
    k = rng.negative_binomial(mech.APPS_DISPERSION, mech.APPS_DISPERSION / (mech.APPS_DISPERSION + mean + 1e-9))
    si = np.repeat(np.arange(len(seekers)), k)
    day = reg[si] + np.floor(rng.random(len(si)) * np.maximum(length[si], 1)).astype(np.int64)
    target = _target_occupations(w, seekers, si, rng)
    scope_idx = pd.Index(["sigungu", "sido", "nationwide"]).get_indexer(seekers["desired_region_scope"].to_numpy())
    home_sido = seekers["sido_code"].to_numpy()
    sido = home_sido[si].copy()
    away = rng.random(len(si)) > mech.OWN_SIDO_P[scope_idx[si]]
    if away.any():
        nb = places.sido_neighbours(
            w.sgg["sido_code"].to_numpy(), w.geo.centroid, w.sgg["pop15_thousand"].to_numpy(float)
        )
        for c in np.unique(sido[away]):
            rows = np.flatnonzero(away & (sido == c))
            codes, p = nb[c]
            sido[rows] = rng.choice(codes, size=len(rows), p=p)
    # postings indexed by (sido, group, posted day) at three widths: the target's middle group, its major group,
    # and any occupation in the sido (a seeker applies to what is open when the own field has nothing)
    p_post, p_close = _day(postings["posted_date"]), _day(postings["closing_date"])
    p_codes = postings["keco_code"].to_numpy(str)
    t_codes = w.occ["keco_code"].to_numpy(str)[target]
    levels = []
    for width, n_cand in zip((2, 1, 0), mech.CANDIDATES_BY_WIDTH, strict=True):
        p_key = pd.Series(postings["sido_code"].to_numpy(str)) + "|" + pd.Series(p_codes).str[:width]
        s_key = pd.Series(sido.astype(str)) + "|" + pd.Series(t_codes).str[:width]
        cells = pd.Index(p_key.unique())
        p_cell = cells.get_indexer(p_key).astype(np.int64)
        order = np.lexsort((p_post, p_cell))
        levels.append(
            (order, p_cell[order] * 10_000 + p_post[order], cells.get_indexer(s_key).astype(np.int64), n_cand)
        )
    occ_codes = w.occ["keco_code"].to_numpy()
    p_occ = postings["keco_code"].to_numpy()
    p_wage = postings["wage_monthly_krw"].to_numpy(float)
    desired = seekers["desired_wage_krw"].to_numpy(float)

    def choose(rows: np.ndarray) -> np.ndarray:
        """The most attractive open candidate for each slot in `rows` (-1: nothing open that day)."""
        out = np.full(len(rows), -1, dtype=np.int64)
        for b0 in range(0, len(rows), BLOCK):
            r = rows[b0 : b0 + BLOCK]
            d = day[r]
            cands, valids = [], []
            for order, key, s_cell, n_cand in levels:
                cell = s_cell[r]
                lo = np.searchsorted(key, cell * 10_000 + d - 61)
                hi = np.searchsorted(key, cell * 10_000 + d + 1)
                ok_slot = (cell >= 0) & (hi > lo)
                c = lo[:, None] + np.floor(rng.random((len(lo), n_cand)) * (hi - lo)[:, None]).astype(np.int64)
                c = order[np.minimum(c, len(order) - 1)]
                cands.append(c)
                valids.append(ok_slot[:, None] & (p_close[c] >= d[:, None]) & (p_post[c] <= d[:, None]))
            cand, valid = np.hstack(cands), np.hstack(valids)
            k = cand.shape[1]
            sb = si[r]
            match = mech.occupation_match(np.repeat(occ_codes[target[r]], k), p_occ[cand.ravel()]).reshape(cand.shape)
            dist = places.distance_km(np.repeat(s_xy[sb], k, axis=0), p_xy[cand.ravel()]).reshape(cand.shape)
            wage = np.log(np.maximum(p_wage[cand], 1.0) / desired[sb][:, None])
            att = mech.application_attraction(
                occ_match=match, distance_km=dist, scope_idx=scope_idx[sb][:, None], log_wage_ratio=wage
            ) + rng.gumbel(size=cand.shape)
            att = np.where(valid, att, -np.inf)
            best = att.argmax(axis=1)
            pick = cand[np.arange(len(best)), best]
            out[b0 : b0 + BLOCK] = np.where(np.isfinite(att.max(axis=1)), pick, -1)
        return out

    # nothing open today: the seeker looks again a week later (up to RETRIES times, within the spell)
    chosen = np.full(len(si), -1, dtype=np.int64)
    rows = np.arange(len(si))
    for attempt in range(mech.RETRIES + 1):
        if attempt:
            day[rows] += 7
            rows = rows[day[rows] < end[si[rows]]]
        chosen[rows] = choose(rows)
        rows = rows[chosen[rows] < 0]
    keep = chosen >= 0
    apps = pd.DataFrame({"s": si[keep], "p": chosen[keep], "day": day[keep]})
    return apps.sort_values("day", kind="stable").drop_duplicates(["s", "p"]).reset_index(drop=True)


def _stage_history(stages: list[tuple[str, np.ndarray, np.ndarray]]) -> np.ndarray:
    """JSON lists of [stage, date] per row; each (stage, day, present) adds an entry where present.

    Object arrays of Python strings: fixed-width numpy strings of 1.8M histories took gigabytes."""
    n = len(stages[0][1])
    parts = np.full(n, "", dtype=object)
    for name, day, present in stages:
        idx = np.flatnonzero(present)
        if not len(idx):
            continue
        dates = (PERIOD_START + pd.to_timedelta(day[idx], unit="D")).strftime("%Y-%m-%d")
        entry = (f'["{name}", "' + pd.Index(dates, dtype=object) + '"]').to_numpy(dtype=object)
        sep = np.where(parts[idx] == "", "", ", ").astype(object)
        parts[idx] = parts[idx] + sep + entry
    return "[" + parts + "]"


def link(
    w: World,
    seekers: pd.DataFrame,
    hidden: pd.DataFrame,
    postings: pd.DataFrame,
    market_wage: np.ndarray,
    app_id0: int,
    hire_id0: int,
    rng: np.random.Generator,
    id_rng: np.random.Generator,
) -> dict[str, pd.DataFrame]:
    """Applications, hires, the postings' fill and the seekers' outcomes, with their truth rows.

    Ids are permutations drawn from `id_rng`, a stream of its own: measured, a permutation drawn from the stream
    the outcomes came from sorted a small world's training enrollments by employment (AUC 0.567, 5 standard
    errors; 0.505 from an independent stream), so no id is ever drawn from the outcome stream."""
    s_xy = places.from_latlon(seekers["lat"].to_numpy(), seekers["lon"].to_numpy())
    p_xy = places.from_latlon(postings["lat"].to_numpy(), postings["lon"].to_numpy())
    apps = search(w, seekers, postings, s_xy, p_xy, rng)
    s, p, applied = apps["s"].to_numpy(), apps["p"].to_numpy(), apps["day"].to_numpy()
    m = len(apps)

    # --- fit of each application
    s_occ = seekers["desired_keco_code"].to_numpy()[s]
    s_last = seekers["last_keco_code"].fillna("").to_numpy()[s]
    p_occ = postings["keco_code"].to_numpy()[p]
    match = np.maximum(
        mech.occupation_match(pd.Series(s_occ), pd.Series(p_occ)),
        0.8 * mech.occupation_match(pd.Series(s_last), pd.Series(p_occ)),
    )
    sk = _skill_matrix(w, seekers["skills"])
    osk = _occ_skill_matrix(w)
    p_occ_idx = pd.Index(w.occ["keco_code"]).get_indexer(p_occ)
    n_req = np.maximum((osk[p_occ_idx] >= 0).sum(axis=1), 1)
    overlap = np.zeros(m)
    for b0 in range(0, m, BLOCK):
        b = slice(b0, min(b0 + BLOCK, m))
        hit = (sk[s[b]][:, :, None] == osk[p_occ_idx[b]][:, None, :]).any(axis=1).sum(axis=1)
        overlap[b] = hit / n_req[b]
    edu_gap = (
        seekers["education"].map(EDUCATION_RANK).to_numpy()[s]
        - postings["education_req"].map(EDUCATION_RANK).to_numpy()[p]
    )
    career_gap = seekers["career_years"].to_numpy(float)[s] - postings["career_req_years"].to_numpy(float)[p]
    dist = places.distance_km(s_xy[s], p_xy[p])
    offered = postings["wage_monthly_krw"].to_numpy(float)[p]
    log_wage = np.log(np.maximum(offered, 1.0) / seekers["desired_wage_krw"].to_numpy(float)[s])
    openings = postings["openings"].to_numpy()
    per_opening = np.bincount(p, minlength=len(postings)) / openings
    protected = (seekers["gender"].to_numpy()[s] == "F") & np.isin(
        pd.Series(p_occ).str[:2].to_numpy(), mech.PROTECTED_BIAS_MIDDLES
    )
    p1 = mech.sigmoid(
        mech.screening_latent(
            occ_match=match,
            skill_overlap=overlap,
            edu_gap=edu_gap,
            career_gap=career_gap,
            log_apps_per_opening=np.log(np.maximum(per_opening[p], 1.0)),
            protected=protected,
            noise=rng.normal(0, 0.5, m),
        )
    )
    p2_raw = mech.sigmoid(
        mech.interview_latent(
            occ_match=match,
            skill_overlap=overlap,
            career_years=seekers["career_years"].to_numpy(float)[s],
            age=seekers["age"].to_numpy(float)[s],
            noise=rng.normal(0, 0.4, m),
        )
    )
    expected_offers = np.bincount(p, weights=p1 * p2_raw, minlength=len(postings))
    cap = np.minimum(1.0, openings / np.maximum(expected_offers, 1e-9))
    p2 = p2_raw * cap[p]
    p3 = mech.sigmoid(mech.acceptance_latent(log_wage_ratio=log_wage, distance_km=dist, noise=rng.normal(0, 0.4, m)))

    # --- outcomes and dates
    u = rng.random((m, 3))
    passed1, passed2 = u[:, 0] < p1, (u[:, 0] < p1) & (u[:, 1] < p2)
    accepts = passed2 & (u[:, 2] < p3)
    d_screen = applied + rng.integers(3, 13, m)
    d_inter = d_screen + rng.integers(3, 10, m)
    d_offer = d_inter + rng.integers(2, 8, m)
    d_hire = d_offer + rng.integers(3, 15, m)
    snap = SNAP_DAY
    reg = _day(seekers["registered_date"])
    # P(hire) = the three stages × the seeker still searching then (no outside job yet) × within the six months
    p_out = hidden["p_out"].to_numpy()
    in_window = d_hire <= reg[s] + SPELL_DAYS
    p_hire = p1 * p2 * p3 * in_window * mech.p_still_searching(p_out[s], d_hire - reg[s])
    out_day = np.where(hidden["out_date"].notna(), _day(hidden["out_date"].fillna(SNAPSHOT)), 10**6)
    # a hire counts within the seeker's six-month window and before any outside job
    cand = accepts & (d_hire <= reg[s] + SPELL_DAYS) & (d_hire < out_day[s])
    # each seeker takes the earliest accepted offer (the others are declined) ...
    hd = np.where(cand, d_hire, 10**6)
    first_choice = np.full(len(seekers), 10**6)
    np.minimum.at(first_choice, s, hd)
    chosen = cand & (d_hire == first_choice[s])
    chosen &= ~(pd.Series(chosen).groupby(s).cumsum().to_numpy() > 1)  # a tie on the day: keep one
    # ... and each posting hires at most its openings among the seekers who chose it, at random (not by order)
    r = rng.random(m)
    order = np.lexsort((r, p))
    rank = np.empty(m, dtype=np.int64)
    ci = chosen[order]
    cum = np.cumsum(ci)
    first = np.searchsorted(p[order], p[order], side="left")
    before = np.where(first > 0, cum[first - 1], 0)
    rank[order] = np.where(ci, cum - before, 0)
    hired = chosen & (rank <= openings[p])
    first_hire = np.full(len(seekers), 10**6)
    np.minimum.at(first_hire, s, np.where(hired, d_hire, 10**6))
    emp_day = np.minimum(np.where(first_hire < 10**6, first_hire, 10**6), out_day)
    n_hired = np.bincount(p, weights=hired, minlength=len(postings)).astype(int)
    full = n_hired >= openings
    last_hire = np.full(len(postings), -1)
    np.maximum.at(last_hire, p, np.where(hired, d_hire, -1))
    filled_day = np.where(full & (last_hire <= snap), last_hire, 10**6)

    # applications that never happened: after the seeker's new job began, or after the posting was filled
    exists = (applied <= emp_day[s]) & (applied <= filled_day[p]) & (applied <= snap)
    gone = emp_day[s]  # the day a seeker stopped searching
    stop = np.minimum(gone, filled_day[p])
    # each stage happens if reached, before the snapshot, and before the search (or the posting) stopped
    at_screen = (d_screen <= snap) & (d_screen <= stop)
    at_inter = passed1 & at_screen & (d_inter <= snap) & (d_inter <= stop)
    at_offer = passed2 & at_inter & (d_offer <= snap) & ((d_offer <= filled_day[p]) | hired)
    at_hire = hired & (d_hire <= snap)
    # declined: said no, was already gone, or accepted but took another job (an earlier offer)
    declined = at_offer & ~hired & ((u[:, 2] >= p3) | (d_offer >= gone) | (cand & ~chosen))
    withdrawn = (
        ~at_hire
        & ~declined
        & (gone <= snap)
        & ((~at_screen & (gone < d_screen)) | (passed1 & at_screen & ~at_inter & (gone < d_inter)))
    )
    rejected = (at_screen & ~passed1) | (at_inter & passed1 & ~passed2) | (at_offer & ~hired & ~declined)
    rejected |= (~at_hire & ~declined & ~withdrawn) & (filled_day[p] <= snap) & (filled_day[p] < 10**6)
    final = np.select(
        [at_hire, declined, withdrawn, rejected, at_offer, at_inter, at_screen],
        ["hired", "declined", "withdrawn", "rejected", "offer", "interview", "screened"],
        "applied",
    )
    end_day = np.where(
        final == "withdrawn",
        np.minimum(gone, snap),
        np.where(
            final == "rejected",
            np.select(
                [at_offer, at_inter], [d_offer, d_inter], np.minimum(d_screen, np.maximum(filled_day[p], applied))
            ),
            np.minimum(d_offer + 1, snap),
        ),
    )
    history = _stage_history(
        [
            ("applied", applied, np.ones(m, bool)),
            ("screened", d_screen, at_screen & passed1),
            ("interview", d_inter, at_inter),
            ("offer", d_offer, at_offer),
            ("hired", d_hire, at_hire),
            ("declined", end_day, final == "declined"),
            ("withdrawn", end_day, final == "withdrawn"),
            ("rejected", end_day, final == "rejected"),
        ]
    )
    keep = exists
    k = int(keep.sum())
    app_ids = app_id0 + 1 + id_rng.permutation(k)
    applications = pd.DataFrame(
        {
            "application_id": app_ids,
            "seeker_id": seekers["seeker_id"].to_numpy()[s[keep]],
            "posting_id": postings["posting_id"].to_numpy()[p[keep]],
            "applied_date": PERIOD_START + pd.to_timedelta(applied[keep], unit="D"),
            "final_stage": final[keep],
            "stage_history": history[keep],
        }
    )
    fit = mech.sigmoid(
        mech.screening_latent(
            occ_match=match,
            skill_overlap=overlap,
            edu_gap=edu_gap,
            career_gap=career_gap,
            log_apps_per_opening=np.zeros(m),
            protected=np.zeros(m, bool),
            noise=np.zeros(m),
        )
    )
    app_truth = pd.DataFrame(
        {
            "application_id": app_ids,
            "fit": fit[keep],
            "p_screen": p1[keep],
            "p_offer": p2[keep],
            "p_accept": p3[keep],
            "p_hire": p_hire[keep],
        }
    )
    order_out = np.argsort(app_ids)
    applications = applications.iloc[order_out].reset_index(drop=True)
    app_truth = app_truth.iloc[order_out].reset_index(drop=True)

    # --- hires
    h = np.flatnonzero(keep & at_hire)
    hire_app = app_ids[np.searchsorted(np.flatnonzero(keep), h)]
    hires = pd.DataFrame(
        {
            "hire_id": hire_id0 + 1 + id_rng.permutation(len(h)),
            "posting_id": postings["posting_id"].to_numpy()[p[h]],
            "firm_id": postings["firm_id"].to_numpy()[p[h]],
            "seeker_id": pd.array(seekers["seeker_id"].to_numpy()[s[h]], dtype="Int64"),
            "application_id": pd.array(hire_app, dtype="Int64"),
            "hire_date": PERIOD_START + pd.to_timedelta(d_hire[h], unit="D"),
            "wage_monthly_krw": offered[h].astype(np.int64),
        }
    ).sort_values("hire_id", ignore_index=True)

    # --- postings: fill, status; truth: P(all openings filled) from the pool's hire probabilities
    lam = np.bincount(p, weights=p_hire, minlength=len(postings))
    p_fill = poisson.sf(openings - 1, lam)
    close = _day(postings["closing_date"])
    decided = close + 12 + 9 + 7 + 14  # the longest stage gaps: the last applicant's last stage is over by then
    status = np.where(filled_day <= snap, "filled", np.where(decided > snap, "open", "closed_unfilled"))
    postings = postings.assign(
        status=status,
        filled_date=pd.DatetimeIndex(
            PERIOD_START + pd.to_timedelta(np.where(filled_day <= snap, filled_day, 0), unit="D")
        ).where(filled_day <= snap),
    )
    wage_pct = 1 / (
        1 + np.exp(-(np.log(np.maximum(postings["wage_monthly_krw"].to_numpy(float), 1)) - np.log(market_wage)) / 0.08)
    )
    posting_truth = pd.DataFrame(
        {
            "posting_id": postings["posting_id"].to_numpy(),
            "p_fill": np.clip(p_fill, 0, 1),
            "expected_hires": lam,
            "wage_percentile": wage_pct,
        }
    )

    # --- seekers: employed within six months, through a posting here or outside
    sys_day = np.where(first_hire < 10**6, first_hire, 10**6)
    employed_day = np.minimum(sys_day, out_day)
    within = employed_day <= reg + SPELL_DAYS
    known = within & (employed_day <= snap)
    observed = reg + SPELL_DAYS + 1 <= snap
    # P(employed) = 1 − P(no outside job) × P(no hire here | still searching throughout)
    p_sys = np.minimum(p1 * p2 * p3 * in_window, 0.999)
    q_sys = 1 - np.exp(np.bincount(s, weights=np.log1p(-p_sys), minlength=len(seekers)))
    outcomes = pd.DataFrame(
        {
            "seeker_id": seekers["seeker_id"].to_numpy(),
            "observed": observed,
            "employed_6m": pd.array(np.where(known, True, np.where(observed, False, None)), dtype="boolean"),
            "employed_date": pd.DatetimeIndex(
                PERIOD_START + pd.to_timedelta(np.where(known, employed_day, 0), unit="D")
            ).where(known),
            "via_posting": known & (sys_day <= out_day),
        }
    )
    # what is knowable at registration about hires here: not the applications the seeker goes on to make (the
    # future), only how often the other seekers of the same market do: sido × KECO middle × registration month
    cell = pd.DataFrame(
        {
            "sido": seekers["sido_code"].to_numpy(),
            "mid": seekers["desired_keco_code"].str[:2].to_numpy(),
            "month": pd.DatetimeIndex(seekers["registered_date"]).to_period("M").astype(str),
            "q": q_sys,
        }
    )
    # leave-one-out (the seeker's own applications are the future), falling back to sido × middle, then the nation
    q_sys_known = np.full(len(cell), float(cell["q"].mean()))
    for keys in (["sido", "mid"], ["sido", "mid", "month"]):
        g = cell.groupby(keys)["q"]
        total, n = g.transform("sum").to_numpy(), g.transform("size").to_numpy()
        q_sys_known = np.where(n > 1, (total - cell["q"].to_numpy()) / np.maximum(n - 1, 1), q_sys_known)
    seeker_truth = pd.DataFrame(
        {
            "seeker_id": seekers["seeker_id"].to_numpy(),
            "p_employed_6m": 1 - (1 - p_out) * (1 - q_sys),
            "p_at_registration": 1 - (1 - hidden["p_out_reg"].to_numpy()) * (1 - q_sys_known),
            "latent": hidden["latent"].to_numpy(),
            "market_tightness": hidden["market_tightness"].to_numpy(),
        }
    )
    return {
        "applications": applications,
        "application_truth": app_truth,
        "hires": hires,
        "postings": postings,
        "posting_fill_truth": posting_truth,
        "seeker_outcomes": outcomes,
        "seeker_truth": seeker_truth,
    }


def drop_cohort(out: dict[str, pd.DataFrame], hidden_ids) -> dict[str, pd.DataFrame]:  # noqa: ANN001
    """Remove seekers whose ids satisfy `hidden_ids` (the burn-in cohort) with their applications; their hires stay,
    as hires of people not registered here (seeker and application ids empty)."""
    out = dict(out)
    for t in ("seeker_outcomes", "seeker_truth"):
        out[t] = out[t][~hidden_ids(out[t]["seeker_id"])].reset_index(drop=True)
    gone = hidden_ids(out["applications"]["seeker_id"])
    out["applications"] = out["applications"][~gone].reset_index(drop=True)
    out["application_truth"] = out["application_truth"][~gone.to_numpy()].reset_index(drop=True)
    h = out["hires"].copy()
    hid = hidden_ids(h["seeker_id"].fillna(0)).to_numpy()
    h.loc[hid, "seeker_id"] = pd.NA
    h.loc[hid, "application_id"] = pd.NA
    out["hires"] = h
    return out
