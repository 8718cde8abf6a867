"""What the pages ask for: related occupations with recomputed features, market ratios, side-by-side comparison."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from data_catalog.spec import TABLES, sensitive_columns
from models.employability import service as svc
from models.employability.explain import factors, occupation_changes, occupation_options
from models.employability.features import FEATURE_NAMES


def test_occupation_alternatives_recompute_what_the_occupation_drives(trained):
    model, *_, con = trained
    occ = con.execute("SELECT * FROM ref_occupation").df()
    sids = con.execute("""SELECT seeker_id FROM seekers WHERE education = 'high_school' AND desired_wage_krw IS NOT NULL
                          ORDER BY seeker_id LIMIT 40""").df()["seeker_id"]
    for sid in sids:  # the first 고졸 seeker for whom some related occupation raises the probability
        info, x = svc.seeker_info(con, int(sid)), svc.stored_features(con, [int(sid)])
        alt, _why_none = svc.occupation_alternatives(con, occ, info, x)
        if len(alt) and len(occupation_options(model, x, alt, top=len(alt))):
            break
    o = occ.set_index("keco_code")
    here = o.loc[info["desired_keco_code"]]
    assert len(alt) and info["desired_keco_code"] not in set(alt["keco_code"])
    related = (o.loc[alt["keco_code"], "middle_code"] == here["middle_code"]).to_numpy() | (
        o.loc[alt["keco_code"], "riasec_code"].str[:2] == here["riasec_code"][:2]
    ).to_numpy()
    assert related.all() and (o.loc[alt["keco_code"], "education"] == "high_school").all()  # reachable with 고졸
    # the same wish in won against each new occupation's typical wage; the market ratio at the same date
    assert alt["desired_wage_ratio"].to_numpy() == pytest.approx(
        info["desired_wage_krw"] / alt["typical_monthly_wage_krw"]
    )
    same_major = alt[alt["desired_major"] == info["desired_keco_code"][:1]]
    assert same_major["local_openings_per_seeker"].to_numpy() == pytest.approx(
        x["local_openings_per_seeker"].iat[0], nan_ok=True
    )
    changes = {c.feature: c for c in occupation_changes(alt)}  # keyed by KECO code
    assert list(changes) == alt["keco_code"].tolist() and all(len(c.updates) == 4 for c in changes.values())
    opts = occupation_options(model, x, alt, top=len(alt))
    assert len(opts) and opts["gain_pp"].is_monotonic_decreasing and (opts["gain_pp"] > 0).all()
    for r in opts.itertuples():  # re-scored with all four features moved together
        x2 = x.astype({"desired_major": object})
        for col, v in changes[r.keco_code].updates.items():
            x2[col] = v
        assert model.predict_proba(x2)[0, 1] == pytest.approx(r.p_after)
    assert occupation_options(model, x, pd.DataFrame()).empty


def test_market_ratios_reproduce_the_stored_market_feature(trained):
    *_, con = trained
    # seekers whose market had no openings (ratio 0), and ordinary ones
    rows = con.execute("""
        (SELECT s.seeker_id, s.sido_code, s.registered_date, s.desired_keco_code, f.local_openings_per_seeker AS stored
         FROM seekers s JOIN seeker_features f USING (seeker_id) WHERE f.local_openings_per_seeker = 0 LIMIT 15)
        UNION ALL
        (SELECT s.seeker_id, s.sido_code, s.registered_date, s.desired_keco_code, f.local_openings_per_seeker
         FROM seekers s JOIN seeker_features f USING (seeker_id) ORDER BY s.seeker_id LIMIT 40)""").df()
    assert (rows["stored"] == 0).any()
    for r in rows.itertuples():
        got = svc.market_ratios(con, r.sido_code, r.registered_date).get(r.desired_keco_code[:1], np.nan)
        assert got == pytest.approx(r.stored, nan_ok=True), r


def test_compare_seekers_shows_the_factors_that_matter_most_on_average(trained):
    model, *_, frame, _con = trained
    xs = frame[FEATURE_NAMES].head(3)
    table, probs = svc.compare_seekers(model, xs, n_factors=4)
    assert list(table.index) == [f"구직자 {i}" for i in xs.index] and table.shape == (3, 4)
    assert table.abs().mean().is_monotonic_decreasing
    one = factors(model, xs.iloc[[0]]).set_index("label_ko")["effect_pp"]
    assert table.iloc[0].to_dict() == pytest.approx(one[table.columns].to_dict())
    assert probs.to_numpy() == pytest.approx(model.predict_proba(xs)[:, 1])


def test_seeker_info_loads_nothing_audit_only_or_free_text(trained):
    """A page about one person gets only what it shows or computes with: no gender, disability or nationality
    (audit-only), no résumé, birth year or exact residence; the person's own audit groups come apart, on request."""
    *_, con = trained
    seekers = TABLES["seekers"]
    sid = con.execute("SELECT min(seeker_id) FROM seekers WHERE disability").fetchone()[0]
    info = svc.seeker_info(con, sid)
    assert info["seeker_id"] == sid and {"age", "sido_code", "desired_keco_code", "desired_ko", "typical_wage"} <= set(
        info
    )
    loaded = set(info) & {c.name for c in seekers.columns}
    assert not loaded & set(sensitive_columns("seekers"))
    assert not loaded & {"resume_text", "birth_year", "sigungu_code", "skills"}
    assert svc.own_audit_groups(con, sid) == {"gender": info_gender(con, sid), "disability": True}
    assert svc.seeker_info(con, 99_999_999) == {} and svc.own_audit_groups(con, 99_999_999) == {}


def info_gender(con, sid: int) -> str:
    return con.execute("SELECT gender FROM seekers WHERE seeker_id = ?", [sid]).fetchone()[0]
