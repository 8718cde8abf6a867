"""Five different directions: the strongest interest leads, five families, relatives, stability, alternatives."""

from __future__ import annotations

import numpy as np
import pytest

from data_catalog import reference as ref
from models.interest.bank import TYPES
from models.interest.matching import (
    catalogue,
    close_alternatives,
    driver_types,
    scores,
    top5_stability,
    top_codes,
    top_occupations,
    unit_rows,
)
from models.interest.scoring import result_document, score
from tests.models.interest.conftest import pattern, simulated_full_answers

PROFILES = [(x, None) for x in TYPES] + [(x, y) for x in TYPES for y in TYPES if y != x]


def _theta(bank, strongest, second=None):
    answers = {
        i: (5 if t == strongest else 4 if t == second else 1)
        for i, t in zip(bank["item_id"], bank["riasec"], strict=True)
    }
    return score(answers, bank)["theta"].to_numpy()


@pytest.mark.parametrize("zone", [None, 4, 3, 2])
@pytest.mark.parametrize(("strongest", "second"), PROFILES)
def test_the_strongest_interest_leads(bank, zone, strongest, second):
    top = top_occupations(_theta(bank, strongest, second), max_job_zone=zone)
    codes = catalogue(zone).occ["riasec_code"].astype(str)
    if (codes.str[0] == strongest).any():
        assert top["riasec_code"].iat[0][0] == strongest, top[["name_ko", "riasec_code"]]
    # most of the five carry it in their first two letters (as many as the families offering one allow)
    families_with = codes.str[:2].str.contains(strongest).groupby(catalogue(zone).occ["middle_code"]).any().sum()
    assert top["riasec_code"].str[:2].str.contains(strongest).sum() >= min(3, families_with)


def test_the_artistic_respondent_of_the_issue_gets_artistic_directions(bank):
    # '매우 좋다' to Artistic, '좋다' to Social, '매우 싫다' to the rest: five childcare occupations before
    top = top_occupations(_theta(bank, "A", "S"))
    assert top["riasec_code"].iat[0][0] == "A" and top["family_code"].is_unique and len(top) == 5
    assert (top["family_ko"] == "사회복지·종교직").sum() <= 1


def test_five_families_each_with_its_best_occupation_and_relatives(bank):
    theta = score(simulated_full_answers(bank, 5), bank)["theta"].to_numpy()
    cat = catalogue(None)
    score_all, fit_all = scores(theta, cat)
    by_code = dict(zip(cat.occ["keco_code"], score_all, strict=True))
    top = top_occupations(theta)
    assert top["family_code"].is_unique and top["score"].is_monotonic_decreasing
    middle = ref.occupations().set_index("keco_code")["middle_code"]
    for r in top.itertuples():
        family = middle[middle == r.family_code].index
        assert r.keco_code == max(family, key=lambda c: by_code[c])  # the family's best occupation
        rel = [x["keco_code"] for x in r.relatives]
        assert len(rel) == min(3, len(family) - 1) and set(rel) <= set(family) and r.keco_code not in rel
        assert [by_code[c] for c in rel] == sorted((by_code[c] for c in rel), reverse=True)
    f, o = top_codes(theta)
    assert list(f[0]) == list(top["family_code"]) and list(o[0]) == list(top["keco_code"])


def test_job_zone_filter(bank):
    top = top_occupations(score(pattern(bank, "I"), bank)["theta"].to_numpy(), max_job_zone=2)
    occ = ref.occupations().set_index("keco_code")
    shown = list(top["keco_code"]) + [x["keco_code"] for rels in top["relatives"] for x in rels]
    assert (occ.loc[shown, "job_zone"] <= 2).all()


def test_stability_is_reproducible_reflects_precision_and_keeps_the_download(bank):
    scores_ = score(simulated_full_answers(bank, 5), bank)
    theta, se = scores_["theta"].to_numpy(), scores_["se"].to_numpy()
    top = top_occupations(theta)
    shown = set(top["family_code"])
    share = top5_stability(theta, se, seed=3)
    assert share.between(0, 1).all() and share.sum() == pytest.approx(5.0)
    assert share.equals(top5_stability(theta, se, seed=3))
    exact = top5_stability(theta, np.zeros(6))  # no measurement error: every draw gives the plug-in five
    assert set(exact[exact == 1.0].index) == shown
    assert share.loc[list(shown)].mean() > top5_stability(theta, 4 * se, seed=3).loc[list(shown)].mean()
    alt = close_alternatives(share, top, theta, min_share=0.05)
    assert not set(alt["family_code"]) & shown and (alt["stability"] >= 0.05).all()
    assert alt["stability"].is_monotonic_decreasing
    with_share = top.assign(stability=share.reindex(top["family_code"]).to_numpy())
    doc = result_document({"test_id": "t", "form": "full"}, {}, scores_, with_share, alt)
    assert [d["family_code"] for d in doc["top5"]] == list(top["family_code"])
    assert all(len(d["relatives"]) <= 3 for d in doc["top5"])
    assert [d["family_code"] for d in doc["close_alternatives"]] == alt["family_code"].tolist()


def test_stability_respects_the_job_zone(bank):
    s = score(pattern(bank, "I"), bank)
    share = top5_stability(s["theta"].to_numpy(), s["se"].to_numpy(), max_job_zone=2)
    zone2 = ref.occupations().query("job_zone <= 2")["middle_code"].unique()
    assert set(share.index) == set(zone2)


def test_occupations_sharing_a_profile_keep_catalogue_order():
    cat = catalogue(None)
    dup = cat.occ[cat.occ.duplicated(["r", "i", "a", "s", "e", "c"], keep=False)]
    fam = dup.groupby("middle_code").filter(lambda g: len(g) > 1)
    assert len(fam), "the catalogue has occupations that share an O*NET profile within a family"
    code = fam["middle_code"].iat[0]
    twins = fam[fam["middle_code"] == code]
    theta = cat.unit[twins.index[0]] * 3  # a profile that fits the twins best
    best = top_occupations(theta)
    row = best[best["family_code"] == code]
    if len(row):
        assert row["keco_code"].iat[0] == twins["keco_code"].iat[0]


def test_drivers_are_shared_likes_not_shared_dislikes():
    person = unit_rows(np.array([-3.6, -3.6, 3.5, 0.9, -3.6, -3.6]))  # A strongest, S second
    actor = unit_rows(np.array([1.0, 1.3, 7.0, 3.7, 4.6, 1.4]))  # 배우 및 모델-like: A, then E and S
    assert driver_types(actor, person) == "AS"  # not C: both being low in Conventional is no reason
