"""Interest test: item bank, scoring on constructed patterns, Top-5, CAT stopping rules, reproducibility."""

from __future__ import annotations

import numpy as np
import pytest

from data_catalog import reference as ref
from models import interest


@pytest.fixture(scope="module")
def bank():
    return interest.items()


def test_item_bank_is_complete_and_calibrated(bank):
    counts = bank.groupby("riasec").size()
    assert len(bank) >= 240 and counts.min() >= 40 and set(counts.index) == set(interest.TYPES)
    assert bank["item_id"].is_unique and bank["text_ko"].is_unique
    assert bank[["a", "b1", "b2", "b3", "b4"]].notna().all().all()
    b = bank[["b1", "b2", "b3", "b4"]].to_numpy()
    assert (np.diff(b, axis=1) > 0).all() and (bank["a"] > 0.3).all()
    # estimates recover the generating parameters they were simulated from
    assert np.corrcoef(bank["a"], bank["a_generating"])[0, 1] > 0.8
    assert np.corrcoef(b.ravel(), bank[["b1_generating", "b2_generating", "b3_generating", "b4_generating"]].to_numpy().ravel())[0, 1] > 0.97


def _pattern(bank, liked: str) -> dict[str, int]:
    return {i: (5 if t == liked else 1) for i, t in zip(bank["item_id"], bank["riasec"], strict=True)}


@pytest.mark.parametrize("liked", ["I", "S", "R"])
def test_liking_one_type_puts_its_occupations_on_top(bank, liked):
    scores = interest.score(_pattern(bank, liked), bank).set_index("type")
    assert scores["theta"].idxmax() == liked
    assert scores.loc[liked, "raw_mean"] == 5 and scores.drop(liked)["raw_mean"].eq(1).all()
    top = interest.top_occupations(scores["theta"].to_numpy())
    assert (top["riasec_code"].str[0] == liked).sum() >= 4
    assert all(liked in d for d in top["drivers"])
    assert liked in interest.reason_ko(top.iloc[0])


def test_job_zone_filter(bank):
    scores = interest.score(_pattern(bank, "I"), bank)
    top = interest.top_occupations(scores["theta"].to_numpy(), max_job_zone=2)
    occ = ref.occupations().set_index("keco_code")
    assert (occ.loc[top["keco_code"], "job_zone"] <= 2).all()


def test_skipped_and_unknown_answers_are_ignored(bank):
    ans = _pattern(bank, "A")
    first = next(iter(ans))
    ans[first] = 0
    ans["X999"] = 5
    s = interest.score(ans, bank).set_index("type")
    assert s.loc[first[0], "answered"] == (bank["riasec"] == first[0]).sum() - 1


def _simulated_full_answers(bank, seed: int) -> dict[str, int]:
    rng = np.random.default_rng(seed)
    a, b = interest.item_params(bank)
    theta = interest.simulate_thetas(1, rng)
    x = interest.simulate_answers(theta, a, b, bank, rng)[0]
    return {i: int(v) + 1 for i, v in zip(bank["item_id"], x, strict=True)}


def test_cat_never_exceeds_50_items_and_never_repeats(bank):
    test = interest.AdaptiveTest(bank)
    full = _simulated_full_answers(bank, 11)
    used = interest.run_cat(full, test)
    assert 1 <= len(used) <= 50 and len(set(used)) == len(used)
    assert set(used) <= set(full)
    assert test.next_item(used) is None  # stopped


def test_cat_stops_early_when_stable_and_precise(bank):
    easy = interest.CatConfig(max_items=50, min_items=12, se_target=0.9, stable_items=3)
    test = interest.AdaptiveTest(bank, easy)
    used = interest.run_cat(_pattern(bank, "E"), test)
    assert 12 <= len(used) < 50
    st = test.stability(used)
    assert st["stable"] and st["se_ok"]
    strict = interest.AdaptiveTest(bank, interest.CatConfig(max_items=30, min_items=12, se_target=0.01, stable_items=3))
    assert len(interest.run_cat(_pattern(bank, "E"), strict)) == 30  # SE never that small: the item cap stops it


def test_cat_is_reproducible_and_handles_skips(bank):
    full = _simulated_full_answers(bank, 5)
    a = interest.run_cat(full, interest.AdaptiveTest(bank))
    b = interest.run_cat(full, interest.AdaptiveTest(bank))
    assert list(a) == list(b)
    test = interest.AdaptiveTest(bank)
    first = test.next_item({})
    second = test.next_item({first: 0})  # skipped: not asked again, next item chosen
    assert second is not None and second != first


def test_simulation_is_reproducible_for_a_seed(bank):
    assert _simulated_full_answers(bank, 3) == _simulated_full_answers(bank, 3)
    assert _simulated_full_answers(bank, 3) != _simulated_full_answers(bank, 4)


def test_full_form_order_interleaves_types(bank):
    order = interest.full_form_order(bank)
    assert len(order) == len(bank) and len(set(order)) == len(order)
    assert [i[0] for i in order[:6]] == list(interest.TYPES)


def test_top5_stability_shares_are_reproducible_and_reflect_precision(bank):
    scores = interest.score(_simulated_full_answers(bank, 5), bank)
    theta, se = scores["theta"].to_numpy(), scores["se"].to_numpy()
    top = set(interest.top_occupations(theta)["keco_code"])
    share = interest.top5_stability(theta, se, seed=3)
    assert share.between(0, 1).all()
    assert share.equals(interest.top5_stability(theta, se, seed=3))
    # with no measurement error every draw is the plug-in Top-5
    exact = interest.top5_stability(theta, np.zeros(6))
    assert set(exact[exact == 1.0].index) == top and exact.sum() == pytest.approx(5.0)
    # a noisier measurement spreads the Top-5 over more occupations
    assert share.loc[list(top)].mean() > interest.top5_stability(theta, 4 * se, seed=3).loc[list(top)].mean()
    alt = interest.close_alternatives(share, interest.top_occupations(theta), min_share=0.1)
    assert not set(alt["keco_code"]) & top and (alt["stability"] >= 0.1).all()
    assert alt["stability"].is_monotonic_decreasing
    # the downloadable result keeps both
    shown = interest.top_occupations(theta).assign(stability=lambda d: share.reindex(d["keco_code"]).to_numpy())
    doc = interest.result_document({"test_id": "t", "form": "full"}, {}, scores, shown, alt)
    assert [d["stability"] for d in doc["top5"]] == [round(float(v), 4) for v in shown["stability"]]
    assert [d["keco_code"] for d in doc["close_alternatives"]] == alt["keco_code"].tolist()


def test_top5_stability_breaks_ties_like_the_top5():
    # occupations sharing one O*NET profile tie exactly; find a profile whose 5th and 6th best are such twins
    rng = np.random.default_rng(0)
    for _ in range(5000):
        theta = rng.normal(size=6)
        six = interest.top_occupations(theta, 6)
        if np.isclose(six["fit"].iat[4], six["fit"].iat[5], rtol=0, atol=1e-12):
            break
    else:
        pytest.fail("no tie at the Top-5 boundary found")
    exact = interest.top5_stability(theta, np.zeros(6))
    assert (exact.loc[six["keco_code"].head(5)] == 1.0).all() and exact.loc[six["keco_code"].iat[5]] == 0.0


def test_top5_stability_respects_the_job_zone(bank):
    scores = interest.score(_pattern(bank, "I"), bank)
    share = interest.top5_stability(scores["theta"].to_numpy(), scores["se"].to_numpy(), max_job_zone=2)
    occ = ref.occupations().set_index("keco_code")
    assert (occ.loc[share.index, "job_zone"] <= 2).all() and len(share) == (occ["job_zone"] <= 2).sum()
