"""A typed-in posting: Korean validation, scoring as of today, market context and the smallest change to a target."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from data_catalog.reference import minimum_monthly_pay, wage_year
from models.hiring import explain
from models.hiring import service as sv


@pytest.fixture(scope="module")
def draft(hiring):
    _m, _meta, _t, con = hiring
    keco, sido, sgg = con.execute(
        "SELECT keco_code, sido_code, sigungu_code FROM postings GROUP BY ALL ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    return sv.Draft(keco_code=keco, sido_code=sido, sigungu_code=sgg, wage_monthly_krw=2_200_000, career_req_years=3)


def _ref(con):
    occ = {r[0] for r in con.execute("SELECT keco_code FROM ref_occupation").fetchall()}
    return occ, dict(con.execute("SELECT sigungu_code, sido_code FROM ref_sigungu").fetchall())


def test_validation_says_in_korean_what_is_wrong(hiring, draft):
    con = hiring[3]
    occ, sgg = _ref(con)
    assert sv.validate(draft, occ, sgg) == []
    floor = minimum_monthly_pay(wage_year(), 40)
    errs = sv.validate(replace(draft, wage_monthly_krw=floor - 10_000, weekly_hours=60, keco_code="XXXX"), occ, sgg)
    assert any("최저임금" in e for e in errs) and any("52시간" in e for e in errs) and any("직종" in e for e in errs)
    other = next(s for s, d in sgg.items() if d != draft.sido_code)
    assert any("시군구" in e for e in sv.validate(replace(draft, sigungu_code=other), occ, sgg))


def test_scoring_and_factors(hiring, draft):
    model, _meta, _t, con = hiring
    posted = sv.as_of_day(con)
    market = sv.market_row(con, draft, posted)
    s = sv.score(model, [draft], market, posted)[0]
    assert 0 < s.p < 1 and s.days > 0
    f = explain.factors(model, s.x)
    assert len(f) == len(model.features) and f["sentence_ko"].str.contains("충원확률").all()
    contrib, base = model.contributions(s.x)
    assert np.isclose(contrib.sum() + base[0], model.logit(s.x)[0])


def test_market_context_percentile_matches_the_local_offers(hiring, draft):
    _model, _meta, _t, con = hiring
    posted = sv.as_of_day(con)
    ctx = sv.market_context(con, draft, posted)
    assert 0 <= ctx["percentile"] <= 1 and ctx["n"] >= 1
    richer = sv.market_context(con, replace(draft, wage_monthly_krw=draft.wage_monthly_krw * 2), posted)
    assert richer["percentile"] >= ctx["percentile"]
    assert ctx["tightness"] is None or ctx["tightness"] == pytest.approx(ctx["openings_90"] / ctx["seekers_90"])


def test_the_smallest_raise_that_reaches_the_target_is_chosen_and_none_goes_below_the_minimum(hiring, draft):
    model, _meta, _t, con = hiring
    posted = sv.as_of_day(con)
    market = sv.market_row(con, draft, posted)
    p0 = sv.score(model, [draft], market, posted)[0].p
    scored = sv.what_if(model, draft, market, posted, target=p0 + 0.03)
    wage = scored[scored["kind"] == "wage"].sort_values("size")
    assert (np.diff(wage["p_after"].to_numpy()) >= -1e-12).all()  # monotone in the raise
    best = sv.smallest_changes(scored)
    if (best["kind"] == "wage").any():
        chosen = best.loc[best["kind"] == "wage", "size"].iloc[0]
        assert not wage[wage["size"] < chosen]["reaches"].any() and wage[wage["size"] == chosen]["reaches"].all()
    floor_draft = replace(draft, wage_monthly_krw=minimum_monthly_pay(wage_year(), 40))
    for kind, d, _text, _size in sv.candidate_drafts(floor_draft):
        assert d.wage_monthly_krw >= minimum_monthly_pay(wage_year(), min(d.weekly_hours, 40)), kind


def test_combined_plan_stops_at_the_target(hiring, draft):
    model, _meta, _t, con = hiring
    posted = sv.as_of_day(con)
    market = sv.market_row(con, draft, posted)
    steps, p = sv.combined_plan(model, draft, market, posted, target=0.99, max_steps=3)
    assert len(steps) <= 3 and p >= sv.score(model, [draft], market, posted)[0].p
    assert sum(s.startswith("월급을") for s in steps) <= 1  # one change of each kind, not two raises in a row


def test_firm_defaults_are_the_firms_own(hiring):
    con = hiring[3]
    fid, sgg = con.execute("SELECT firm_id, sigungu_code FROM firms LIMIT 1").fetchone()
    assert sv.firm_defaults(con, fid)["sigungu_code"] == sgg
    assert sv.firm_defaults(con, "not-a-firm") == {}
