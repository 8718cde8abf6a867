"""Vector search: exact is the reference; usearch ANN with over-fetch keeps recall and honours the filters."""

from __future__ import annotations

import numpy as np
import pytest

from models.embeddings.index import VectorIndex

N, DIM, K = 5000, 32, 10


def unit(rng: np.random.Generator, n: int) -> np.ndarray:
    v = rng.normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(7)
    return unit(rng, N), unit(rng, 50), rng.random(N) < 0.3


@pytest.fixture(scope="module")
def ann(data):
    vectors, _, _ = data
    return VectorIndex(np.arange(N) + 1000, vectors, ann=True, ann_min_allowed=0)


def true_top(vectors: np.ndarray, q: np.ndarray, k: int, mask: np.ndarray | None = None) -> np.ndarray:
    s = vectors @ q
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    return np.argsort(-s, kind="stable")[:k]


def test_exact_returns_the_true_order(data):
    vectors, queries, _ = data
    idx = VectorIndex(np.arange(N), vectors)
    assert len(idx) == N and idx.ann is None  # below ANN_MIN_ALLOWED: no index is built
    for q in queries[:10]:
        rows, scores = idx.exact(q, K)
        assert rows.tolist() == true_top(vectors, q, K).tolist()
        assert np.allclose(scores, vectors[rows] @ q) and (np.diff(scores) <= 0).all()


def test_exact_with_a_mask_returns_only_allowed_rows(data):
    vectors, queries, mask = data
    idx = VectorIndex(np.arange(N), vectors)
    for q in queries[:10]:
        rows, _ = idx.exact(q, K, mask)
        assert mask[rows].all() and rows.tolist() == true_top(vectors, q, K, mask).tolist()
    few = np.zeros(N, dtype=bool)
    few[[3, 30, 300]] = True
    rows, scores = idx.exact(queries[0], K, few)  # k larger than what is allowed
    assert sorted(rows.tolist()) == [3, 30, 300] and len(scores) == 3


def recall(ann_rows: np.ndarray, exact_rows: np.ndarray) -> float:
    return len(set(ann_rows.tolist()) & set(exact_rows.tolist())) / len(exact_rows)


@pytest.mark.parametrize("masked", [False, True], ids=["all rows", "30% allowed"])
def test_ann_recall_against_exact(data, ann, masked):
    vectors, queries, mask = data
    m = mask if masked else None
    assert ann.ann is not None
    recalls = []
    for q in queries:
        rows, scores = ann.search(q, K, m)
        assert len(rows) == K and len(set(rows.tolist())) == K
        assert np.allclose(scores, vectors[rows] @ q, atol=1e-5)  # exact scores of what ANN found
        if masked:
            assert mask[rows].all()
        recalls.append(recall(rows, ann.exact(q, K, m)[0]))
    assert np.mean(recalls) >= 0.95


def test_ann_with_a_very_selective_mask_still_fills_k(data, ann):
    vectors, queries, _ = data
    sparse = np.zeros(N, dtype=bool)
    sparse[np.random.default_rng(1).choice(N, 60, replace=False)] = True  # 1.2%: over-fetch must grow
    for q in queries[:10]:
        rows, _ = ann.search(q, K, sparse)
        assert len(rows) == K and sparse[rows].all()
        assert recall(rows, true_top(vectors, q, K, sparse)) >= 0.8


def test_empty_mask_gives_empty_results(data, ann):
    _, queries, _ = data
    none = np.zeros(N, dtype=bool)
    for idx in (ann, VectorIndex(np.arange(N), data[0])):
        rows, scores = idx.search(queries[0], K, none)
        assert rows.shape == (0,) and scores.shape == (0,)
    rows, _ = ann.exact(queries[0], 0)
    assert rows.shape == (0,)


def test_without_ann_approximate_falls_back_to_exact(data):
    vectors, queries, mask = data
    idx = VectorIndex(np.arange(N), vectors, ann=False, ann_min_allowed=0)
    assert idx.ann is None
    for m in (None, mask):
        rows, scores = idx.approximate(queries[0], K, m)
        want_rows, want_scores = idx.exact(queries[0], K, m)
        assert np.array_equal(rows, want_rows) and np.array_equal(scores, want_scores)
        assert np.array_equal(idx.search(queries[0], K, m)[0], want_rows)


def test_few_allowed_rows_use_exact_even_with_an_index(data):
    vectors, queries, mask = data
    idx = VectorIndex(np.arange(N), vectors, ann=True)  # default threshold is far above 5000 rows
    assert idx.ann is not None
    for m in (None, mask):
        assert np.array_equal(idx.search(queries[1], K, m)[0], idx.exact(queries[1], K, m)[0])


def test_index_is_built_automatically_above_the_threshold(data):
    vectors, _, _ = data
    assert VectorIndex(np.arange(N), vectors, ann_min_allowed=N).ann is not None
    assert VectorIndex(np.arange(N), vectors, ann_min_allowed=N + 1).ann is None
