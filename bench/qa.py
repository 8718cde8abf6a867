"""Knowledge Q&A (#16): latency of one question, retrieval and answers on the question set, index rebuild cost.

    python bench/qa.py [--data-dir DIR] [--questions tests/models/qa/questions.csv] [--repeat 1] [--cold]

1. Latency of one question on 2 cores, warm (the model loaded, as the app holds it): `Assistant.ask` end to end
   (validation, glossary expansion, E5 query embedding, BM25 over kiwi morphemes, exact cosine over every chunk,
   fusion, calculator, abstention, extractive answer) for every question of the set, p50/p95/max; the fused search
   alone, and as the baseline measured in the same run the BM25-only search; the E5 query's share. Target: ask
   p95 <= 300 ms.
2. Retrieval on the set's test split: Recall@5 and MRR per signal and for every fusion; then answers: citation
   precision, abstention precision/recall/F1 (dev and test reported apart: the threshold is fitted on dev).
3. Index: an unchanged rebuild (nothing embedded) against, with `--cold`, a full embedding into an empty cache.

Wall clock on this machine; not a test. About 5 minutes without `--cold`, 10 with it.
"""

from __future__ import annotations

import argparse
import tempfile
import time

import numpy as np

from models.qa import evaluate, index, service

QUESTIONS = "tests/models/qa/questions.csv"


def pct(xs: list[float]) -> str:
    a = np.array(xs) * 1000
    return f"p50 {np.percentile(a, 50):6.1f} ms  p95 {np.percentile(a, 95):6.1f} ms  max {a.max():6.1f} ms"


def latency(a: service.Assistant, questions: list[str], repeat: int) -> None:
    print("\n## 1. 질문 하나의 지연 (warm, 2코어)")
    a.ask("주휴수당 조건")  # warm-up: first calls pay for lazy initialisation
    full, hybrid, lexical, e5 = [], [], [], []
    default = list(a.searcher.default)
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            a.ask(q)
            full.append(time.perf_counter() - t)
            t = time.perf_counter()
            a.searcher.search(q, k=5, signals=default)
            hybrid.append(time.perf_counter() - t)
            t = time.perf_counter()
            a.searcher.search(q, k=5, signals=["bm25"])
            lexical.append(time.perf_counter() - t)
            t = time.perf_counter()
            a.searcher.embedders["e5"].encode([q], query=True)
            e5.append(time.perf_counter() - t)
    print(f"ask, end to end (answered or refused): {pct(full)}")
    print(f"search, {'+'.join(default)} fused:       {pct(hybrid)}")
    print(f"baseline: search, BM25 alone:         {pct(lexical)}")
    print(f"  of the search: E5 query embedding:  {pct(e5)}")
    ratio = np.percentile(hybrid, 95) / np.percentile(lexical, 95)
    print(f"p95 ratio fused search / BM25-only search: {ratio:.2f}x  (target: ask p95 <= 300 ms)")


def quality(a: service.Assistant, path: str) -> None:
    qs = evaluate.load_questions(path)
    for split in ("dev", "test"):
        part = qs[qs["split"] == split]
        n_ok, n_refuse = int((part.kind == "answer").sum()), int((part.kind == "refuse").sum())
        print(f"\n## 2. {split}: {n_ok} answerable, {n_refuse} refuse")
        print(evaluate.retrieval_table(a.searcher, part).to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        answers = [a.ask(q, audience=au) for q, au in zip(part["question"], part["audience"], strict=True)]
        s = evaluate.answer_scores(answers, part)
        print("  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in s.items()))


def rebuild(data_dir: str | None, cold: bool) -> None:
    print("\n## 3. 색인 재구축")
    t = time.perf_counter()
    b = index.build(data_dir=data_dir, progress=False)
    print(f"unchanged corpus: {time.perf_counter() - t:.2f} s, embedded {b.embedded or 'nothing'}")
    if cold:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            b = index.build(data_dir=tmp, progress=True)
            print(f"empty cache: {time.perf_counter() - t:.0f} s, embedded {b.embedded} ({b.chunks:,} chunks)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--questions", default=QUESTIONS)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--cold", action="store_true")
    args = ap.parse_args()
    t = time.perf_counter()
    a = service.Assistant.load(args.data_dir, all_signals=True)
    print(f"load: {time.perf_counter() - t:.1f} s ({len(a.frame):,} chunks, signals {a.searcher.signal_names})")
    qs = evaluate.load_questions(args.questions)
    latency(a, qs["question"].tolist(), args.repeat)
    quality(a, args.questions)
    rebuild(args.data_dir, args.cold)


if __name__ == "__main__":
    main()
