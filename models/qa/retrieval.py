"""Hybrid search over the Q&A corpus: dense backends and BM25, fused by reciprocal rank at the article level.

Each signal scores every chunk (the corpus is a few thousand chunks, so exact search is cheaper than any index:
bench/qa.py), an article takes the best score of its chunks, and the signals' article rankings are fused with
`models.common.ranking.rrf`, as France's Albert does for its public advisers. Filters (laws, audience) are masks
applied before ranking, so a filtered search ranks only what it may return. An optional cross-encoder
(`GOYONG_QA_RERANK_MODEL`) re-orders the fused head; none ships, so by default there is no re-rank.

`Retrieved.signals` carries what the abstention rule reads: each dense backend's best cosine and BM25's best score.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import config
from data_catalog import reference
from models.common.ranking import rrf, rrf_score
from models.embeddings.base import Embedder, normalise
from models.embeddings.lexical import Bm25Index, CharNgramTokenizer

SIGNALS: tuple[str, ...] = ("e5", "bm25")
"""What a search fuses by default: the best packaged dense backend and BM25 over kiwi morphemes, the best fusion on
the dev questions (bench/README.md "Knowledge Q&A" measures every signal alone and every fusion, USE and character
bigrams included)."""
DEPTH = 50
"""Articles each signal contributes to the fusion."""
RERANK_HEAD = 20


@dataclass
class Hit:
    doc_id: str
    chunk: int
    """Row of the article's best chunk (by the first signal that ranked it)."""
    fused: float
    ranks: dict[str, int] = field(default_factory=dict)


@dataclass
class Retrieved:
    question: str
    hits: list[Hit]
    signals: dict[str, float]


class Searcher:
    def __init__(
        self,
        frame: pd.DataFrame,
        vectors: dict[str, np.ndarray],
        embedders: dict[str, Embedder],
        lexical: dict[str, Bm25Index],
        reranker: object | None = None,
        signals: Sequence[str] = SIGNALS,
    ) -> None:
        self.default = [n for n in signals if n in embedders or n in lexical]
        self.frame = frame.reset_index(drop=True)
        self.vectors = vectors
        self.embedders = embedders
        self.lexical = lexical
        self.bm25 = lexical["bm25"]
        self.reranker = reranker
        self.doc_codes, self.doc_ids = pd.factorize(self.frame["doc_id"])
        self.short = self.frame["short"].to_numpy()
        self.public = (self.frame["audience"] == "all").to_numpy()

    @property
    def signal_names(self) -> list[str]:
        """Every signal this searcher can use (the evaluation tries each alone and in every fusion)."""
        return [*self.embedders, *self.lexical]

    def mask(self, laws: Sequence[str] | None = None, audience: str = "counsellor") -> np.ndarray:
        m = np.ones(len(self.frame), dtype=bool) if audience == "counsellor" else self.public.copy()
        if laws:
            m &= np.isin(self.short, list(laws))
        return m

    def _doc_scores(self, chunk_scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(best score per article, row of that best chunk); -inf for an article with no allowed chunk."""
        best = np.full(len(self.doc_ids), -np.inf)
        np.maximum.at(best, self.doc_codes, chunk_scores)
        row = np.full(len(self.doc_ids), -1)
        order = np.argsort(chunk_scores, kind="stable")  # ascending, so the best chunk is written last
        row[self.doc_codes[order]] = order
        return best, row

    def chunk_scores(self, question: str, signals: Sequence[str] | None = None) -> dict[str, np.ndarray]:
        """Every chunk's score per signal; lexical signals search the question with its glossary expansion."""
        out: dict[str, np.ndarray] = {}
        expanded = expand(question)  # the dense backends gain from it too (dev Recall@5 0.92 against 0.82 without)
        for name in signals or self.default:
            if name in self.lexical:
                pos, sc = self.lexical[name].search(expanded, len(self.frame))
                s = np.full(len(self.frame), -np.inf)
                s[pos] = sc
                out[name] = s
            else:
                q = normalise(self.embedders[name].encode([expanded], query=True))[0]
                out[name] = self.vectors[name] @ q
        return out

    def search(
        self,
        question: str,
        k: int = 5,
        laws: Sequence[str] | None = None,
        audience: str = "counsellor",
        signals: Sequence[str] | None = None,
        depth: int = DEPTH,
    ) -> Retrieved:
        allowed = self.mask(laws, audience)
        rankings: dict[str, list[int]] = {}
        best_rows: dict[str, np.ndarray] = {}
        tops: dict[str, float] = {}
        for name, s in self.chunk_scores(question, signals).items():
            s = np.where(allowed, s, -np.inf)
            best, rows = self._doc_scores(s)
            finite = np.flatnonzero(np.isfinite(best))
            top = finite[np.argsort(-best[finite], kind="stable")[:depth]]
            rankings[name] = top.tolist()
            best_rows[name] = rows
            tops[name] = float(best[top[0]]) if len(top) else 0.0
        head = rrf(list(rankings.values()), limit=max(k, RERANK_HEAD if self.reranker else k))
        position = {n: {d: i + 1 for i, d in enumerate(r)} for n, r in rankings.items()}
        hits = []
        for d in head:
            ranks = {n: p[d] for n, p in position.items() if d in p}
            first = next(iter(ranks))
            fused = rrf_score(list(ranks.values()))
            hits.append(Hit(str(self.doc_ids[d]), int(best_rows[first][d]), fused, ranks))
        if self.reranker is not None and hits:
            hits = self._rerank(question, hits)
        return Retrieved(question, hits[:k], tops)

    def _rerank(self, question: str, hits: list[Hit]) -> list[Hit]:
        texts = self.frame["search_text"].to_numpy()
        scores = self.reranker.predict([(question, texts[h.chunk]) for h in hits])
        return [h for _, h in sorted(zip(scores, hits, strict=True), key=lambda t: -t[0])]


LEXICAL = ("bm25", "chars")


def lexical_indexes(texts: list[str]) -> dict[str, Bm25Index]:
    """BM25 over kiwi morphemes (`bm25`) and over character bigrams (`chars`), named as in `LEXICAL`."""
    return dict(zip(LEXICAL, (Bm25Index(texts), Bm25Index(texts, CharNgramTokenizer())), strict=True))


def expand(question: str) -> str:
    """The question with the statutory terms of the lay terms it uses (`qa_glossary.csv`) appended."""
    flat = "".join(question.lower().split())
    extra = [exp for terms, exp in reference.qa_glossary() if any(t in flat for t in terms)]
    return f"{question} {' '.join(extra)}" if extra else question


def reranker_from_config() -> object | None:
    """A sentence-transformers CrossEncoder named by $GOYONG_QA_RERANK_MODEL (a hub name downloads only then)."""
    name = os.environ.get(config.QA_RERANK_ENV)
    if not name:
        return None
    from sentence_transformers import CrossEncoder  # noqa: PLC0415 - only when configured

    return CrossEncoder(name)
