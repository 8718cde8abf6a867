"""Training run for the employability model: warehouse (default) or a real extract, then registry + batch scores.

`ensure` is what `make run` and the tests call: it trains only when no warehouse model of the current
registry format exists, and re-scores when the warehouse was rebuilt without scores. A real extract
(`run(train_file=…)`, read by `extract.read_extract`) gives a model registered beside the warehouse
one with its data source, never served in its place.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from tqdm import tqdm

import config
from models.common import registry
from models.common.evaluation import STRATIFIED_RANDOM
from models.common.gbm import feature_meta
from models.common.warehouse import has_table, open_read_only
from models.employability import model as emp
from models.employability.extract import ColumnMap, ExtraFeature, TrainingDataError, describe_ko, read_extract
from models.employability.features import FEATURE_NAMES, FEATURES, SENSITIVE, load_training_frame
from models.employability.scoring import score_warehouse

__all__ = ["CARD", "NAME", "TrainingDataError", "contract_sample", "ensure", "frame_from_file", "run"]

NAME = "employability"
CARD = {
    "entity_table": "seekers",
    "purpose_ko": "구직 등록 시점에 6개월 내 취업 가능성을 추정해 상담 우선순위와 설명을 돕습니다. 자동 결정에 쓰지 "
    "않습니다.",
    "method_ko": "얕은 경사 부스팅 트리(LightGBM)에 플랫 보정을 더한 확률 모델. 요인 설명은 정확한 트리 SHAP 값입니다.",
    "unit_ko": "명",
    "split_by_ko": "등록일",
    "metric_names_ko": {
        "model": "이 모델",
        "logistic_baseline": "기준선: 로지스틱 회귀",
        "ceiling_at_registration": "상한: 등록 시점 참확률",
        "oracle_with_latent": "참고: 잠재특성까지 아는 참확률",
    },
    "ceiling": "ceiling_at_registration",
    "targets": {"ceiling_gap_auc": 0.02, "ece": 0.02},
    "flag_ko": "상담 대상",
    "flag_rule_ko": "확률 < {threshold:.2f} (검증 구간 하위 30%)",
    "positive_ko": "취업",
}


def frame_from_file(
    path: str | Path, label_col: str, column_map: str | None, drop_bad_labels: bool = False
) -> pd.DataFrame:
    """A real extract → training frame (see `extract.read_extract`, which also says what it did)."""
    return read_extract(path, label_col, column_map, drop_bad_labels).frame


def run(
    data_dir: str | None = None,
    train_file: str | None = None,
    label_col: str = "employed_6m",
    column_map: str | ColumnMap | dict | None = None,
    drop_bad_labels: bool = False,
    extra_features: list[ExtraFeature] = (),
) -> dict:
    """Train, evaluate and register; a warehouse model also re-scores the warehouse, a file model never does.

    A file-trained model is registered with `data_source.kind == "file"`, so `registry.latest` (what the
    app and batch scoring use) keeps returning the warehouse model; the returned `summary_ko` says so.
    """
    truth = None
    extras: tuple[ExtraFeature, ...] = ()
    if train_file:
        ext = read_extract(train_file, label_col, column_map, drop_bad_labels, list(extra_features))
        frame, extras, data_source = ext.frame, ext.extra_features, ext.source
        source = str(train_file)
    else:
        con = open_read_only(data_dir)
        try:
            frame = load_training_frame(con)
            truth = (  # evaluation only; a real warehouse has no truth schema and its card no ceiling rows
                con.execute("SELECT seeker_id, p_employed_6m, p_at_registration FROM truth.seeker_truth")
                .df()
                .set_index("seeker_id")
                if has_table(con, "truth", "seeker_truth")
                else None
            )
        finally:
            con.close()
        source = str(config.warehouse_db(data_dir))
        data_source = {"kind": "warehouse", "path": source, "rows": len(frame)}
    steps = tqdm(total=3, desc="취업확률 모델", unit="단계")  # after loading: a data error is not drawn over a bar
    features = tuple(e.feature() for e in extras)
    res = emp.train_and_evaluate(frame, truth, extra_features=features)
    steps.update()
    model = res["model"]
    meta = {
        "features": feature_meta(FEATURES) + [e.meta() for e in extras],
        "sensitive_excluded": list(SENSITIVE),
        "training_source": source,
        "data_source": data_source,
        "training_data_hash": emp.training_hash(frame, features),
        "params": {k: v for k, v in model.get_params().items() if k != "extra_features"},
        "platt": model.platt_,
        "metrics": res["metrics"],
        "threshold": res["threshold"],
        "split_sizes": res["split_sizes"],
        "split_periods": res["split_periods"],
        "split_method": res["split_method"],
        "split_note_ko": res["split_note_ko"],
        "card": CARD,
    }
    tables = {"fairness": res["fairness"], "calibration": res["calibration"]}
    path = registry.save(NAME, model, meta, tables, data_dir)
    steps.update()
    n_scored = 0 if train_file else score_warehouse(model, data_dir)
    steps.update()
    steps.close()
    return {
        "registry": str(path),
        "metrics": res["metrics"],
        "scored": n_scored,
        "data_source": data_source,
        "split_method": res["split_method"],
        "summary_ko": _summary_ko(path, res, data_source, data_dir),
    }


def _summary_ko(path: Path, res: dict, data_source: dict, data_dir: str | None) -> list[str]:
    m = res["metrics"]
    lines = describe_ko(data_source) if data_source["kind"] == "file" else []
    if res["split_method"] == STRATIFIED_RANDOM:
        lines.append(f"분할: {res['split_note_ko']} 층화 무작위 분할(학습·보정·시험)을 썼습니다.")
    lines.append(
        f"시험 구간 ROC-AUC {m['model']['roc_auc']:.3f} (기준선 로지스틱 {m['logistic_baseline']['roc_auc']:.3f}) · "
        f"ECE {m['model']['ece']:.3f} · 시험 {m['model']['n']:,}명"
    )
    lines.append(f"모델을 저장했습니다: {path}")
    if data_source["kind"] == "file":
        served = registry.latest(NAME, data_dir)
        now = f"웨어하우스로 학습한 모델({served.name})" if served else "웨어하우스로 학습한 모델(아직 없음)"
        lines.append(
            f"이 모델은 파일로 학습한 모델이라 앱과 일괄 점수는 계속 {now}을 씁니다. "
            f'파일 모델은 registry.latest("{NAME}", source="file")로 불러옵니다.'
        )
    return lines


def ensure(data_dir: str | None = None) -> str:
    """Train if no model is registered; re-score if the warehouse was rebuilt without scores."""
    latest = registry.latest(NAME, data_dir)
    con = open_read_only(data_dir)
    has_scores = (
        con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'seeker_scores'").fetchone()[0]
        > 0
    )
    con.close()
    if latest is None:
        run(data_dir)
        return "trained"
    if not has_scores:
        model, _meta, _t = registry.load(latest)
        score_warehouse(model, data_dir)
        return "scored"
    return "present"


def contract_sample(data_dir: str | None = None, n: int = 300) -> pd.DataFrame:
    """Feature rows of `n` seekers from the warehouse (the registry's contract test scores them)."""
    con = open_read_only(data_dir)
    try:
        return load_training_frame(con)[FEATURE_NAMES].head(n)
    finally:
        con.close()
