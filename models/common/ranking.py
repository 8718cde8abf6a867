"""Ranking metrics and fusion shared by matching and the knowledge Q&A: one definition of each.

`ndcg_at_k` uses graded gains (2^g − 1) with the ideal ordering of the query's own relevant items, `recall_at_k`
counts relevant items found in the top k (over all relevant items of the query), `rrf` is reciprocal-rank fusion
(Cormack et al. 2009, k = 60), and `spread` says how evenly recommendations fall on items: the share of items
ever recommended and the Gini coefficient of how often each was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

RRF_K = 60


def ndcg_at_k(ranked: Sequence, gains: Mapping, k: int = 10) -> float:
    """NDCG@k of one ranked list; `gains` maps each relevant item to its grade (> 0)."""
    if not gains:
        return 0.0
    dcg = sum((2.0 ** gains.get(item, 0) - 1) / np.log2(i + 2) for i, item in enumerate(list(ranked)[:k]))
    ideal = sorted(gains.values(), reverse=True)[:k]
    idcg = sum((2.0**g - 1) / np.log2(i + 2) for i, g in enumerate(ideal))
    return float(dcg / idcg) if idcg > 0 else 0.0


def recall_at_k(ranked: Sequence, relevant: Mapping | set, k: int) -> float:
    if not relevant:
        return 0.0
    top = set(list(ranked)[:k])
    return len(top & set(relevant)) / len(relevant)


def rrf_score(ranks: Sequence[int], k: int = RRF_K) -> float:
    """The fused score of one item from its 1-based ranks in the lists that hold it."""
    return sum(1.0 / (k + r) for r in ranks)


def rrf(rankings: Sequence[Sequence], k: int = RRF_K, limit: int | None = None) -> list:
    """Reciprocal-rank fusion of several ranked lists (best first)."""
    score: dict = {}
    for ranking in rankings:
        for r, item in enumerate(ranking):
            score[item] = score.get(item, 0.0) + rrf_score([r + 1], k)
    fused = sorted(score, key=lambda x: -score[x])
    return fused if limit is None else fused[:limit]


def gini(counts: np.ndarray) -> float:
    """Gini coefficient of non-negative counts (0: all equal, → 1: all on one item)."""
    x = np.sort(np.asarray(counts, dtype=float))
    n = len(x)
    if n == 0 or x.sum() == 0:
        return 0.0
    return float((2 * np.arange(1, n + 1) - n - 1).dot(x) / (n * x.sum()))


def spread(recommended: Sequence[Sequence], catalogue_size: int) -> dict[str, float]:
    """Share of the catalogue ever recommended and the Gini of recommendation counts over the whole catalogue."""
    ids, counts = np.unique(
        np.concatenate([np.asarray(r) for r in recommended]) if recommended else [], return_counts=True
    )
    full = np.zeros(max(catalogue_size, len(ids)))
    full[: len(counts)] = counts
    return {"coverage": len(ids) / max(catalogue_size, 1), "gini": gini(full)}
