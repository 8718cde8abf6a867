"""Nearest-neighbour search over posting or seeker vectors, exact or approximate, with structured filters.

`search(q, k, mask)` returns the k most similar allowed rows. Exact search (a matrix product over the allowed rows)
is the reference and the choice whenever few rows are allowed: at the warehouse's size (a few thousand postings open
on a day, a radius around the seeker) it is faster than any index. Above `ann_min_allowed` allowed rows the usearch
HNSW index (inner product on unit vectors = cosine) is asked for more neighbours than needed — `k` divided by the
share of rows allowed, times `OVERSAMPLE` — and the disallowed ones are dropped afterwards; when too few survive, the
request grows until it falls back to exact. usearch's Python API has no filter callback, hence this over-fetch.
bench/matching.py measures where the two cross and ANN recall@10 against exact.
"""

from __future__ import annotations

import numpy as np

OVERSAMPLE = 10.0
ANN_MIN_ALLOWED = 20_000
"""Below this many allowed rows exact search is used (bench/README.md: at 1M vectors exact and ANN cross at about
20,000 allowed rows)."""
ANN_BUILD_MIN = 500_000
"""Corpora at least this large get an HNSW index when a matcher loads. Building one runs at about 2,500 vectors/s on 2
cores (400 s for 1M), and below this size a filtered exact search stays within tens of milliseconds, so the app's
warehouse (55k postings, 200k seekers of which about 43k are active) searches exactly."""
WIDE_MASK = 4
"""A mask allowing at least 1/WIDE_MASK of the rows is applied after scoring every row in place."""


class VectorIndex:
    def __init__(
        self,
        ids: np.ndarray,
        vectors: np.ndarray,
        *,
        ann: bool | None = None,
        connectivity: int = 16,
        expansion_search: int = 256,
        ann_min_allowed: int = ANN_MIN_ALLOWED,
    ) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.ann_min_allowed = ann_min_allowed
        self.ann = None
        if ann or (ann is None and len(self.ids) >= ann_min_allowed):
            from usearch.index import Index

            self.ann = Index(
                ndim=self.vectors.shape[1],
                metric="ip",
                dtype="f16",
                connectivity=connectivity,
                expansion_search=expansion_search,
            )
            self.ann.add(np.arange(len(self.ids)), self.vectors, threads=2)

    def __len__(self) -> int:
        return len(self.ids)

    def exact(self, q: np.ndarray, k: int, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(row positions, scores) best first, over the rows `mask` allows (all when None).

        With no mask or a wide one every row is scored in place (no copy of the matrix) and the disallowed ones are
        dropped; a narrow mask scores only its rows (bench/README.md: copying half of 1M rows cost more than scoring
        them all)."""
        q = np.asarray(q, dtype=np.float32)
        allowed = len(self.ids) if mask is None else int(mask.sum())
        if not allowed or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        k = min(k, allowed)
        if mask is None or allowed * WIDE_MASK >= len(self.ids):
            s = self.vectors @ q
            if mask is not None:
                s = np.where(mask, s, -np.inf)
            top = np.argpartition(-s, k - 1)[:k]
            top = top[np.argsort(-s[top], kind="stable")]
            return top, s[top]
        rows = np.flatnonzero(mask)
        s = self.vectors[rows] @ q
        top = np.argpartition(-s, k - 1)[:k]
        top = top[np.argsort(-s[top], kind="stable")]
        return rows[top], s[top]

    def approximate(self, q: np.ndarray, k: int, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        if self.ann is None:
            return self.exact(q, k, mask)
        allowed = len(self.ids) if mask is None else int(mask.sum())
        if not allowed:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        want = int(np.ceil(k * OVERSAMPLE * len(self.ids) / allowed))
        while want < len(self.ids):
            m = self.ann.search(np.asarray(q, dtype=np.float32), want)
            rows = np.asarray(m.keys, dtype=np.int64)
            if mask is not None:
                rows = rows[mask[rows]]
            if len(rows) >= min(k, allowed):
                # every surviving candidate is re-scored exactly (float32, not the index's f16) and the best k kept:
                # the over-fetch then also repairs the index's near-tie order
                scores = self.vectors[rows] @ np.asarray(q, dtype=np.float32)
                best = np.argsort(-scores, kind="stable")[:k]
                return rows[best], scores[best]
            want *= 4
        return self.exact(q, k, mask)

    def search(self, q: np.ndarray, k: int, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Exact when few rows are allowed (or there is no ANN index), else ANN with over-fetch and filtering."""
        allowed = len(self.ids) if mask is None else int(mask.sum())
        if self.ann is None or allowed < self.ann_min_allowed:
            return self.exact(q, k, mask)
        return self.approximate(q, k, mask)
