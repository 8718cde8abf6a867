"""Training run for the anomaly score (`anomaly.py`) on the warehouse, registered like the models.

python -m models.posting_check.train [--data-dir data] [--if-missing]   (or: python -m models train)
"""

from __future__ import annotations

from collections.abc import Sequence

from tqdm import tqdm

import config
from data_catalog.errors import KoArgumentParser, run_cli
from models.common import registry
from models.common.warehouse import has_table, open_read_only
from models.posting_check import anomaly, evaluate, world
from models.posting_check.check import check_frame

NAME = anomaly.NAME


def run(data_dir: str | None = None) -> dict:
    steps = tqdm(total=3, desc="이상 공고 점수", unit="단계")
    with open_read_only(data_dir) as con:
        rows = world.labelled(con)
        report = check_frame(rows.drop(columns=["label", "heldout", "part"]))  # the rules, once, on every posting
        tables = {"world_eval": world.evaluate(con, report=report)}
    steps.update()
    scorer, metrics = anomaly.train_and_evaluate(rows, report["rules"].ne("").to_numpy())
    for which, key in (("a", "handwritten"), ("b", "handwritten_b")):  # the checker's own card: per-rule figures
        hw = evaluate.handwritten(which)
        if hw is not None:
            tables[f"{key}_rules"], overall = evaluate.score(hw)
            metrics[key] = {k: float(v) for k, v in overall.items()}
    steps.update()
    meta = {
        "metrics": metrics,
        "training_source": str(config.warehouse_db(data_dir)),
        "data_source": {"kind": "warehouse", "rows": len(rows)},
        "params": {"ngram_range": [2, 3], "max_features": scorer.vec.max_features, "C": scorer.clf.C},
    }
    path = registry.save(NAME, scorer, meta, tables, data_dir)
    steps.update()
    steps.close()
    return {"registry": str(path), "metrics": metrics}


def ensure(data_dir: str | None = None) -> str:
    """Train when missing; a warehouse without the world's planted violations (real data) has nothing to learn from,
    and the checker then runs its rules only."""
    with open_read_only(data_dir) as con:
        labelled_world = has_table(con, "truth", "posting_violations")
    if not labelled_world:
        return "skipped (no labelled violations)"
    if registry.latest(NAME, data_dir) is None:
        run(data_dir)
        return "trained"
    return "present"


def load(data_dir: str | None = None) -> anomaly.AnomalyScorer | None:
    """The latest trained scorer, or None (the checker then runs its rules only)."""
    p = registry.latest(NAME, data_dir)
    return registry.load(p)[0] if p else None


def _main(argv: Sequence[str] | None = None) -> None:
    ap = KoArgumentParser(prog="python -m models.posting_check.train", description="이상 공고 점수 학습")
    ap.add_argument("--data-dir", default=None, help="자료 폴더 (data folder)")
    ap.add_argument("--if-missing", action="store_true", help="없을 때만 학습")
    a = ap.parse_args(argv)
    if a.if_missing:
        print(ensure(a.data_dir))
        return
    m = run(a.data_dir)["metrics"]
    print(
        f"평가 전용 표현 AUC {m['auc_heldout']:.3f} · 점수 재현율 {m['anomaly_recall']:.3f} · "
        f"규칙이 놓친 위반 중 잡은 비율 {m['caught_of_rules_missed']:.3f} · "
        f"깨끗한 공고 오탐 {m['anomaly_false_alarms']:.3f}"
    )


if __name__ == "__main__":
    run_cli(_main)
