"""Measuring the Q&A on a hand-written question set: retrieval per signal and fused, citations, abstention.

The set (`tests/models/qa/questions.csv`) has one row per question: `gold` lists the article ids that answer it
("근로기준법 제55조|근로기준법 시행령 제30조"), `kind` is `answer` or `refuse`, `split` is `dev` (used to calibrate the
abstention threshold) or `test` (reported). Retrieval is scored on answerable questions: Recall@5 (a gold article in
the top five) and MRR (1 / rank of the first gold article). Answers: citation precision (cited articles that are
gold, over all cited articles), and abstention precision / recall / F1 with "refuse" as the positive class.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm import tqdm

from models.qa.retrieval import Retrieved, Searcher

K = 5


def load_questions(path: str | Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["gold_ids"] = df["gold"].map(lambda g: [x.strip() for x in g.split("|") if x.strip()])
    return df


def first_gold_rank(got: Retrieved, gold: Iterable[str]) -> int | None:
    g = set(gold)
    return next((i + 1 for i, h in enumerate(got.hits) if h.doc_id in g), None)


def retrieval_scores(ranks: Sequence[int | None], k: int = K) -> dict[str, float]:
    r = list(ranks)
    return {
        "recall@5": float(np.mean([x is not None and x <= k for x in r])) if r else 0.0,
        "mrr": float(np.mean([1.0 / x if x else 0.0 for x in r])) if r else 0.0,
        "n": len(r),
    }


def signal_sets(names: Sequence[str]) -> list[tuple[str, ...]]:
    """Every signal alone and every fusion of two or more."""
    return [c for n in range(1, len(names) + 1) for c in combinations(names, n)]


def retrieval_table(searcher: Searcher, qs: pd.DataFrame, progress: bool = False) -> pd.DataFrame:
    """Recall@5 and MRR of each signal and each fusion over the answerable questions of `qs`."""
    answerable = qs[qs["kind"] == "answer"]
    rows = []
    for signals in tqdm(signal_sets(searcher.signal_names), desc="검색 평가", disable=not progress):
        ranks = [
            first_gold_rank(searcher.search(q, k=K, signals=list(signals), audience=aud), gold)
            for q, gold, aud in zip(answerable["question"], answerable["gold_ids"], answerable["audience"], strict=True)
        ]
        rows.append({"signals": "+".join(signals), **retrieval_scores(ranks)})
    return pd.DataFrame(rows)


def answer_scores(answers: Sequence, qs: pd.DataFrame) -> dict[str, float]:
    """Citation precision over answered questions, and abstention precision / recall / F1 (refuse = positive)."""
    refuse = (qs["kind"] == "refuse").to_numpy()
    abstained = np.array([a.abstained for a in answers])
    cited = [(set(c.doc_id for c in a.citations), set(g)) for a, g in zip(answers, qs["gold_ids"], strict=True)]
    n_cited = sum(len(c) for (c, _), ab, rf in zip(cited, abstained, refuse, strict=True) if not ab and not rf)
    n_right = sum(len(c & g) for (c, g), ab, rf in zip(cited, abstained, refuse, strict=True) if not ab and not rf)
    tp = int((abstained & refuse).sum())
    precision = tp / max(int(abstained.sum()), 1)
    recall = tp / max(int(refuse.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    wrongly_cited = sum(1 for a, rf in zip(answers, refuse, strict=True) if rf and a.citations)
    return {
        "citation_precision": n_right / n_cited if n_cited else 0.0,
        "answered_with_gold": float(
            np.mean([bool(c & g) for (c, g), ab, rf in zip(cited, abstained, refuse, strict=True) if not rf and not ab])
        )
        if (~refuse & ~abstained).any()
        else 0.0,
        "abstain_precision": precision,
        "abstain_recall": recall,
        "abstain_f1": f1,
        "false_abstentions": int((abstained & ~refuse).sum()),
        "refused_but_cited": wrongly_cited,
        "n": len(qs),
    }
