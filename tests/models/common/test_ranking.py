"""Ranking metrics and fusion: NDCG with graded gains, recall, reciprocal-rank fusion, Gini and spread."""

from __future__ import annotations

from math import log2

import numpy as np
import pytest

from models.common.ranking import RRF_K, gini, ndcg_at_k, recall_at_k, rrf, spread


def test_ndcg_perfect_order_is_one_and_reversed_is_less():
    gains = {"a": 3, "b": 2, "c": 1}
    assert ndcg_at_k(["a", "b", "c", "x"], gains) == pytest.approx(1.0)
    reversed_ = ndcg_at_k(["c", "b", "a"], gains)
    assert 0 < reversed_ < 1
    assert ndcg_at_k(["x", "y"], gains) == 0.0 and ndcg_at_k(["a"], {}) == 0.0


def test_ndcg_uses_graded_gains_and_the_cutoff():
    gains = {"a": 3, "b": 1}
    dcg = (2**1 - 1) / log2(2) + (2**3 - 1) / log2(3)
    idcg = (2**3 - 1) / log2(2) + (2**1 - 1) / log2(3)
    assert ndcg_at_k(["b", "a", "x"], gains) == pytest.approx(dcg / idcg)
    # the more relevant item first is worth more than the less relevant one first
    assert ndcg_at_k(["a", "x"], gains) > ndcg_at_k(["b", "x"], gains)
    assert ndcg_at_k(["x", "y", "a"], gains, k=2) == 0.0  # found below the cutoff: no credit
    assert ndcg_at_k(["a"], {"a": 3, "b": 2, "c": 1}, k=1) == pytest.approx(1.0)  # ideal is cut at k too


def test_recall_at_k():
    ranked = [1, 2, 3, 4]
    assert recall_at_k(ranked, {2, 4, 9}, 2) == pytest.approx(1 / 3)
    assert recall_at_k(ranked, {2, 4, 9}, 4) == pytest.approx(2 / 3)
    assert recall_at_k(ranked, {1: 3, 4: 1}, 10) == 1.0  # a gains mapping counts its keys
    assert recall_at_k(ranked, set(), 10) == 0.0


def test_rrf_puts_consensus_first():
    fused = rrf([["a", "b", "c", "d"], ["c", "a", "d", "b"]])
    assert fused[0] == "a" and sorted(fused) == ["a", "b", "c", "d"]
    # second in both lists beats first in only one
    assert rrf([["x", "both"], ["y", "both"]])[0] == "both"
    assert rrf([["x", "both"], ["y", "both"]], limit=2) == ["both", "x"]


def test_rrf_scores_are_reciprocal_ranks():
    fused = rrf([["p", "q"], ["q"]], k=RRF_K)
    assert fused == ["q", "p"]  # q: 1/62 + 1/61 > p: 1/61
    assert rrf([[1, 2, 3]]) == [1, 2, 3] and rrf([]) == []


def test_gini():
    assert gini(np.full(8, 5)) == pytest.approx(0.0)
    one_hot = np.zeros(1000)
    one_hot[17] = 4
    assert gini(one_hot) == pytest.approx(999 / 1000) and gini(one_hot) > 0.99
    assert gini(np.array([1, 0, 1, 0])) == pytest.approx(0.5) == gini(np.array([0, 0, 1, 1]))  # order-free
    assert gini(np.array([])) == 0.0 and gini(np.zeros(4)) == 0.0


def test_spread_coverage_and_gini():
    s = spread([[1, 2], [2, 3]], 10)
    assert s["coverage"] == pytest.approx(0.3)
    assert s["gini"] == pytest.approx(gini(np.array([1, 2, 1] + [0] * 7)))
    even = spread([[1, 2], [3, 4]], 4)
    assert even == {"coverage": 1.0, "gini": pytest.approx(0.0)}
    assert spread([[7, 7, 7]], 3)["gini"] > spread([[7, 8, 9]], 3)["gini"]  # crowding on one item
    assert spread([], 5) == {"coverage": 0.0, "gini": 0.0}
