"""The Korean lexical baseline: kiwipiepy morphemes, BM25 by `bm25s`.

Korean glues particles and endings to words ("지게차를", "운전했습니다"), so whitespace words rarely match; kiwi's
morphemes do. Only content morphemes are kept (nouns, verb and adjective stems, roots, foreign words and numbers),
which is the usual choice for Korean BM25. `weight_mask` restricts a search to allowed documents (active postings,
one region), as the structured filters of the vector index do.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from tqdm import tqdm

CONTENT_TAGS = ("NNG", "NNP", "NNB", "NR", "SL", "SN", "XR", "VV", "VA", "SH")
CHUNK = 2000


class KiwiTokenizer:
    def __init__(self, workers: int = 2) -> None:
        from kiwipiepy import Kiwi

        self.kiwi = Kiwi(num_workers=workers)

    def __call__(self, texts: Sequence[str], progress: bool = False) -> list[list[str]]:
        out: list[list[str]] = []
        for i in tqdm(range(0, len(texts), CHUNK), desc="형태소 분석", unit="묶음", disable=not progress):
            for toks in self.kiwi.tokenize(list(texts[i : i + CHUNK])):
                out.append([t.form for t in toks if t.tag.startswith(CONTENT_TAGS)] or ["_"])
        return out


class CharNgramTokenizer:
    """Overlapping character n-grams of each word-run with spaces removed: robust to spacing ("최저임금얼마") and to
    a one-letter slip ("실업금여" still shares 실업 with 실업급여), which morphemes are not."""

    def __init__(self, n: int = 2) -> None:
        self.n = n

    def __call__(self, texts: Sequence[str], progress: bool = False) -> list[list[str]]:
        out = []
        for t in texts:
            s = "".join(ch for ch in t.lower() if ch.isalnum())
            out.append([s[i : i + self.n] for i in range(max(len(s) - self.n + 1, 1))] if s else ["_"])
        return out


class Bm25Index:
    """BM25 over kiwi morphemes; `search` returns (row positions, scores), best first."""

    model_id = "bm25:kiwipiepy+bm25s"

    def __init__(
        self,
        texts: Sequence[str],
        tokenizer: KiwiTokenizer | CharNgramTokenizer | None = None,
        progress: bool = False,
    ) -> None:
        import bm25s

        self.tokenize = tokenizer or KiwiTokenizer()
        self.index = bm25s.BM25()
        self.index.index(self.tokenize(texts, progress), show_progress=False)
        self.size = len(texts)

    def search(self, query: str | list[str], k: int, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        toks = self.tokenize([query])[0] if isinstance(query, str) else query
        vocab = self.index.vocab_dict
        ids = [vocab[t] for t in toks if t in vocab]
        if not ids:
            return np.array([], dtype=np.int64), np.array([], dtype=np.float32)
        scores = self.index.get_scores_from_ids(ids)
        scores = np.where(scores > 0, scores, -np.inf)  # a document that matches no query word is not a hit
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        k = min(k, int(np.isfinite(scores).sum()))
        top = np.argpartition(-scores, k - 1)[:k] if k else np.array([], dtype=np.int64)
        top = top[np.argsort(-scores[top])]
        return top, scores[top]
