"""Train matching: the static embedder, the vector cache, the LambdaRank re-ranker, and their held-out figures.

    python -m models.matching train [--data-dir data] [--if-missing]

Steps (each shows progress): (1) the static embedder on résumé–posting pairs of the training months
(`models.embeddings.static`); (2) posting and seeker vectors into the warehouse cache (only missing texts);
(3) searches: for each sampled seeker, the day of their first application in a period, the postings open that day
within their commute radius, the `POOL` most similar by embedding; (4) the re-ranker on the training searches with
early stopping on the validation ones; (5) the test searches ranked by random order, popularity, embedding only, the
re-ranker and the re-ranker with anti-crowding: NDCG@10, recall@10 and spread. The held-out retrieval table for
the static embedder is saved too (other backends: bench/matching.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import config
from models.common import registry
from models.common.warehouse import has_table, open_read_only
from models.embeddings.static import load_trained, train_static
from models.matching import retrieval, search
from models.matching.corpus import periods, training_pairs
from models.matching.features import FEATURE_NAMES, FEATURES
from models.matching.model import CROWDING_WEIGHT, MatchRanker
from models.matching.vectors import refresh_warehouse
from store.applications import ApplicationStore

NAME, EMBEDDER = "matching", "matching_embedder"
PAIRS = 150_000
QUERIES = {"train": 8_000, "valid": 2_000, "test": 3_000}
RETRIEVAL_QUERIES = 1_000
MIN_APPLICATIONS = 5_000
"""Fewer applications than this cannot fill the training, validation and test months (the small world has 105,000)."""
CARD = {
    "purpose_ko": "구직자에게 맞는 일자리, 공고에 맞는 구직자를 찾아 이유와 함께 추천합니다(AI 일자리 매칭·인재추천).",
    "method_ko": "자체 학습 정적 임베딩으로 후보를 찾고(통근 반경·진행 중 공고), LightGBM LambdaRank로 다시 "
    "순위를 매깁니다. 이유는 TreeSHAP 기여도와 일치 기술·임금·거리 사실입니다.",
    "entity_table": "applications",
    "unit_ko": "검색(구직자 × 검색일)",
    "split_by_ko": "지원일",
}


def store_applications(data_dir: config.PathLike | None) -> list[tuple[int, int]]:
    """(seeker, posting) of applications seekers sent from the app: the next training learns from them too."""
    try:
        rows = ApplicationStore(config.store_url(data_dir)).all_applications()
    except Exception:  # noqa: BLE001 - an unreachable store must not stop training on the warehouse
        return []
    return [(int(r["seeker_id"]), int(r["posting_id"])) for r in rows]


def train_embedder(con, p, data_dir: config.PathLike | None, progress: bool = True) -> str:  # noqa: ANN001
    pairs = training_pairs(con, p.valid_start, PAIRS)
    version_id = f"static:{registry.code_version('models.matching')}:{len(pairs)}"
    model = train_static(pairs["query"].tolist(), pairs["positive"].tolist(), version_id, progress=progress)
    meta = {
        "training_source": str(config.warehouse_db(data_dir)),
        "data_source": {"kind": "warehouse"},
        "pairs": len(pairs),
        "train_before": str(p.valid_start.date()),
        "dim": model.dim,
    }
    return str(registry.save(EMBEDDER, model, meta, {}, data_dir))


def _labelled(ctx: search.Context, q: pd.DataFrame, gains: dict, progress: bool) -> pd.DataFrame:
    pool = search.pools(ctx, q, progress=progress)
    keys = list(
        zip(
            ctx.seekers["seeker_id"].to_numpy()[pool["si"]],
            ctx.postings["posting_id"].to_numpy()[pool["pi"]],
            strict=True,
        )
    )
    pool["label"] = [gains.get(k, 0) for k in keys]
    return pool


def run(data_dir: config.PathLike | None = None, progress: bool = True) -> dict:
    with open_read_only(data_dir) as con:
        p = periods(con)
        emb_path = train_embedder(con, p, data_dir, progress) if registry.latest(EMBEDDER, data_dir) is None else None
    embedder = load_trained(data_dir)
    embedded = refresh_warehouse(embedder, data_dir, progress)
    with open_read_only(data_dir) as con:
        ctx = search.context(con, embedder)
        gains = search.application_gains(con, store_applications(data_dir))
        queries = search.sample_queries(con, p, QUERIES)
        parts = {k: _labelled(ctx, q, gains, progress) for k, q in queries.items()}
        hs = retrieval.heldout_set(con, p, RETRIEVAL_QUERIES)
        has_truth = has_table(con, "truth", "application_truth")
    fit = {k: v[v.groupby("qi")["label"].transform("max") > 0] for k, v in parts.items() if k != "test"}
    ranker = MatchRanker().fit(
        fit["train"],
        fit["train"]["label"].to_numpy(),
        fit["train"].groupby("qi", sort=False).size().to_numpy(),
        fit["valid"],
        fit["valid"]["label"].to_numpy(),
        fit["valid"].groupby("qi", sort=False).size().to_numpy(),
    )
    test = parts["test"]
    evaluation = search.offline_metrics(ctx, test, queries["test"], gains, ranker, CROWDING_WEIGHT)
    retrieval_table = retrieval.evaluate(hs, {"static": lambda x, q: embedder.encode(x, query=q)})
    ndcg = evaluation.set_index("method")["ndcg@10"]
    metrics = {
        "test": {
            "ndcg@10": float(ndcg["re-ranker"]),
            "ndcg@10_embedding": float(ndcg["embedding"]),
            "ratio_vs_embedding": float(ndcg["re-ranker"] / max(ndcg["embedding"], 1e-9)),
        }
    }
    meta = {
        "training_source": str(config.warehouse_db(data_dir)),
        "data_source": {"kind": "warehouse"},
        "training_data_hash": "",
        "features": [
            {"name": f.name, "ko": f.ko, "changeable": f.changeable, "categorical": f.categorical} for f in FEATURES
        ],
        "sensitive_excluded": ["gender", "age", "disability", "nationality"],
        "params": ranker.params | {"pool": search.POOL},
        "metrics": metrics,
        "threshold": None,
        "split_periods": {
            "valid_start": str(p.valid_start.date()),
            "test_start": str(p.test_start.date()),
            "end": str(p.end.date()),
        },
        "split_sizes": {k: int(v["qi"].nunique()) for k, v in parts.items()},
        "card": CARD,
        "embedder": embedder.model_id,
        "has_truth": has_truth,
        "best_iteration": int(ranker.model_.best_iteration_ or ranker.params["n_estimators"]),
    }
    importance = pd.DataFrame({"feature": FEATURE_NAMES, "gain": ranker.model_.booster_.feature_importance("gain")})
    # the fit score shown on the pages: percentile among what the held-out searches would have recommended (top 10)
    shown = test.assign(_s=ranker.score(test)).sort_values(["qi", "_s"], ascending=[True, False]).groupby("qi").head(10)
    quantiles = np.quantile(shown["_s"], np.linspace(0, 1, 101)) if len(shown) else np.array([0.0, 1.0])
    tables = {
        "evaluation": evaluation,
        "retrieval": retrieval_table,
        "importance": importance,
        "score_quantiles": pd.DataFrame({"score": quantiles}),
    }
    path = registry.save(NAME, ranker, meta, tables, data_dir)
    return {
        "registry": str(path),
        "embedder": emb_path,
        "embedded": embedded,
        "evaluation": evaluation,
        "retrieval": retrieval_table,
    }


def ensure(data_dir: config.PathLike | None = None) -> str:
    """Train when the re-ranker or its embedder is missing (as `make run` does); a warehouse with too few
    applications to split by time (a real extract without them) has nothing to learn from, and the matching pages
    then say the model is missing."""
    if registry.latest(NAME, data_dir) is not None and registry.latest(EMBEDDER, data_dir) is not None:
        return "present"
    with open_read_only(data_dir) as con:
        n = (
            con.execute("SELECT count(*) FROM applications").fetchone()[0]
            if has_table(con, "main", "applications")
            else 0
        )
    if n < MIN_APPLICATIONS:
        return f"skipped (applications: {n:,} < {MIN_APPLICATIONS:,})"
    run(data_dir)
    return "trained"


def contract_sample(data_dir: config.PathLike | None = None, n: int = 300) -> pd.DataFrame:
    """Pair-feature rows of held-out searches (the contract test scores and explains them)."""
    with open_read_only(data_dir) as con:
        ctx = search.context(con, load_trained(data_dir))
        q = search.sample_queries(con, periods(con), {"test": 20})["test"]
    return search.pools(ctx, q).head(n)


def summary_ko(info: dict) -> list[str]:
    ev = info["evaluation"].set_index("method")
    lines = [f"임베딩 {info['embedded']:,}건 새로 계산", "시험 구간(검색 단위):"]
    for m, r in ev.iterrows():
        lines.append(
            f"  {m:<22} NDCG@10 {r['ndcg@10']:.3f}  recall@10 {r['recall@10']:.3f}  "
            f"노출 공고 비율 {r['coverage']:.3f}  지니 {r['gini']:.3f}"
        )
    return lines
