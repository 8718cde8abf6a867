"""Simulated respondents: reproducible for a seed."""

from __future__ import annotations

from tests.models.interest.conftest import simulated_full_answers


def test_simulation_is_reproducible_for_a_seed(bank):
    assert simulated_full_answers(bank, 3) == simulated_full_answers(bank, 3)
    assert simulated_full_answers(bank, 3) != simulated_full_answers(bank, 4)
