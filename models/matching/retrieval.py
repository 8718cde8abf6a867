"""Held-out retrieval quality of each embedding backend, the lexical baseline and their fusions.

The set comes from the world after the time split (`corpus.periods`): seekers who applied in the test months are the
queries; the postings they applied to then are relevant (gain 1), the ones they were hired into count more (gain 2);
the corpus is every posting open at some point of the test months. Neither the static embedder nor the re-ranker
trains on those months. Text only: no region or date filter, so the figures compare how well texts match.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import numpy as np
import pandas as pd

from models.common.ranking import ndcg_at_k, recall_at_k, rrf
from models.matching.corpus import Periods, posting_texts, seeker_texts

DEPTH = 50


def heldout_set(con: duckdb.DuckDBPyConnection, p: Periods, n_queries: int, seed: int = 0) -> dict:
    """{'queries': seeker_id, text; 'gains': {seeker: {posting: grade}}; 'corpus': posting_id, text}."""
    rel = con.execute(
        """
        SELECT a.seeker_id, a.posting_id, max(CASE WHEN a.final_stage = 'hired' THEN 2 ELSE 1 END) AS gain
        FROM applications a WHERE a.applied_date >= ? GROUP BY ALL
        """,
        [p.test_start],
    ).df()
    seekers = np.sort(rel["seeker_id"].unique())
    chosen = np.random.default_rng(seed).choice(seekers, size=min(n_queries, len(seekers)), replace=False)
    rel = rel[rel["seeker_id"].isin(chosen)]
    ids = con.execute(
        "SELECT posting_id FROM postings WHERE closing_date >= ? AND posted_date <= ? ORDER BY posting_id",
        [p.test_start, p.end],
    ).df()["posting_id"]
    gains: dict[int, dict[int, int]] = {}
    for s, post, g in rel.itertuples(index=False):
        gains.setdefault(int(s), {})[int(post)] = int(g)
    return {
        "queries": seeker_texts(con, [int(x) for x in sorted(gains)]),
        "gains": gains,
        "corpus": posting_texts(con, [int(x) for x in ids]),
    }


def dense_rankings(q: np.ndarray, d: np.ndarray, doc_ids: np.ndarray, depth: int = DEPTH) -> list[list[int]]:
    """Top `depth` documents by cosine for each query row (exact)."""
    out = []
    for i in range(0, len(q), 512):
        s = q[i : i + 512] @ d.T
        top = np.argpartition(-s, depth, axis=1)[:, :depth]
        order = np.take_along_axis(top, np.argsort(-np.take_along_axis(s, top, axis=1), axis=1), axis=1)
        out.extend(doc_ids[order].tolist())
    return out


def scores(rankings: list[list[int]], query_ids: list[int], gains: dict) -> dict[str, float]:
    return {
        "recall@50": float(np.mean([recall_at_k(r, gains[q], 50) for r, q in zip(rankings, query_ids, strict=True)])),
        "ndcg@10": float(np.mean([ndcg_at_k(r, gains[q], 10) for r, q in zip(rankings, query_ids, strict=True)])),
    }


def evaluate(
    hs: dict,
    dense: dict[str, Callable[[list[str], bool], np.ndarray]],
    lexical: Callable[[list[str], list[str]], list[list[int]]] | None = None,
    fusions: tuple[tuple[str, ...], ...] = (),
) -> pd.DataFrame:
    """One row per backend and fusion: recall@50, NDCG@10, queries, corpus size."""
    qids = hs["queries"]["seeker_id"].tolist()
    qtext, dtext = hs["queries"]["text"].tolist(), hs["corpus"]["text"].tolist()
    doc_ids = hs["corpus"]["posting_id"].to_numpy()
    runs: dict[str, list[list[int]]] = {}
    for name, enc in dense.items():
        runs[name] = dense_rankings(enc(qtext, True), enc(dtext, False), doc_ids)
    if lexical is not None:
        runs["bm25"] = [[int(doc_ids[i]) for i in r] for r in lexical(qtext, dtext)]
    for combo in fusions:
        if all(c in runs for c in combo):
            runs["+".join(combo) + " (RRF)"] = [rrf([runs[c][i] for c in combo], limit=DEPTH) for i in range(len(qids))]
    rows = [{"backend": k, **scores(v, qids, hs["gains"])} for k, v in runs.items()]
    return pd.DataFrame(rows).assign(queries=len(qids), corpus=len(doc_ids))
