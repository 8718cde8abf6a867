"""Adaptive form: never more than 50 items, early stop when stable and precise, reproducible, skips."""

from __future__ import annotations

from models.interest.cat import AdaptiveTest, CatConfig, run_cat
from tests.models.interest.conftest import pattern, simulated_full_answers


def test_cat_never_exceeds_50_items_and_never_repeats(bank):
    test = AdaptiveTest(bank)
    full = simulated_full_answers(bank, 11)
    used = run_cat(full, test)
    assert 1 <= len(used) <= 50 and len(set(used)) == len(used)
    assert set(used) <= set(full)
    assert test.next_item(used) is None  # stopped


def test_cat_stops_early_when_stable_and_precise(bank):
    easy = CatConfig(max_items=50, min_items=12, se_target=0.9, stable_items=3)
    test = AdaptiveTest(bank, easy)
    used = run_cat(pattern(bank, "E"), test)
    assert 12 <= len(used) < 50
    st = test.stability(used)
    assert st["stable"] and st["se_ok"]
    strict = AdaptiveTest(bank, CatConfig(max_items=30, min_items=12, se_target=0.01, stable_items=3))
    assert len(run_cat(pattern(bank, "E"), strict)) == 30  # SE never that small: the item cap stops it


def test_cat_is_reproducible_and_handles_skips(bank):
    full = simulated_full_answers(bank, 5)
    a = run_cat(full, AdaptiveTest(bank))
    b = run_cat(full, AdaptiveTest(bank))
    assert list(a) == list(b)
    test = AdaptiveTest(bank)
    first = test.next_item({})
    second = test.next_item({first: 0})  # skipped: not asked again, next item chosen
    assert second is not None and second != first
