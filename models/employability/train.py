"""Training run for the employability model: warehouse (default) or a real extract, then registry + batch scores.

`ensure` is what `make run` and the tests call: it trains only when no model of the current
registry format exists, and re-scores when the warehouse was rebuilt without scores.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
from tqdm import tqdm

import config
from data_catalog import reference as ref
from data_catalog.files import read_any
from data_catalog.spec import parse_bool
from models.common import registry
from models.common.gbm import feature_meta
from models.employability import model as emp
from models.employability.features import (
    FEATURE_NAMES,
    FEATURES,
    SENSITIVE,
    build_features,
    load_training_frame,
    with_label_and_audit,
)
from models.employability.scoring import score_warehouse

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


class TrainingDataError(ValueError):
    """The training file cannot be used; message in Korean and English."""


def frame_from_file(path: str | Path, label_col: str, column_map: str | None) -> pd.DataFrame:
    """A real extract in the seeker schema (+ label) → training frame; market features unavailable (NaN)."""
    path = Path(path)
    df = read_any(path, path.name)
    if column_map:
        df = df.rename(columns=json.loads(Path(column_map).read_text(encoding="utf-8")))
    need = [
        "seeker_id",
        "registered_date",
        "age",
        "education",
        "career_years",
        "desired_keco_code",
        "desired_wage_krw",
        "unemployment_start",
        "desired_region_scope",
        "sido_code",
        label_col,
    ]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise TrainingDataError(
            f"필수 열이 없습니다 / missing columns: {', '.join(missing)} "
            "(--column-map 으로 이름을 맞춰 주세요 / map them with --column-map)"
        )
    for opt, default in (("last_keco_code", None), ("skills", ""), ("training_hours_before", 0)):
        if opt not in df.columns:
            df[opt] = default
    label = parse_bool(df[label_col]).astype("Int64")
    bad = label.isna()
    df["registered_date"] = pd.to_datetime(df["registered_date"], errors="coerce")
    bad |= df["registered_date"].isna()
    if bad.all():
        raise TrainingDataError(
            "유효한 레이블·등록일을 가진 행이 없습니다 / no row has a valid label and registration date"
        )
    df, label = df[~bad], label[~bad]
    return with_label_and_audit(build_features(df, ref.occupations(), None), df, label)


def run(
    data_dir: str | None = None,
    train_file: str | None = None,
    label_col: str = "employed_6m",
    column_map: str | None = None,
) -> dict:
    steps = tqdm(total=4, desc="취업확률 모델", unit="단계")
    truth = None
    if train_file:
        frame = frame_from_file(train_file, label_col, column_map)
        source = str(train_file)
    else:
        db = config.warehouse_db(data_dir)
        con = duckdb.connect(str(db), read_only=True)
        frame = load_training_frame(con)
        truth = con.execute("SELECT seeker_id, p_employed_6m, p_at_registration FROM truth.seeker_truth").df()
        truth = truth.set_index("seeker_id")
        con.close()
        source = str(db)
    steps.update()
    res = emp.train_and_evaluate(frame, truth)
    steps.update()
    model = res["model"]
    meta = {
        "features": feature_meta(FEATURES),
        "sensitive_excluded": list(SENSITIVE),
        "training_source": source,
        "training_data_hash": emp.training_hash(frame),
        "params": model.get_params(),
        "platt": model.platt_,
        "metrics": res["metrics"],
        "threshold": res["threshold"],
        "split_sizes": res["split_sizes"],
        "split_periods": res["split_periods"],
        "card": CARD,
    }
    tables = {"fairness": res["fairness"], "calibration": res["calibration"]}
    path = registry.save(NAME, model, meta, tables, data_dir)
    steps.update()
    n_scored = 0 if train_file else score_warehouse(model, data_dir)
    steps.update()
    steps.close()
    return {"registry": str(path), "metrics": res["metrics"], "scored": n_scored}


def ensure(data_dir: str | None = None) -> str:
    """Train if no model is registered; re-score if the warehouse was rebuilt without scores."""
    latest = registry.latest(NAME, data_dir)
    con = duckdb.connect(str(config.warehouse_db(data_dir)), read_only=True)
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
    con = duckdb.connect(str(config.warehouse_db(data_dir)), read_only=True)
    try:
        return load_training_frame(con)[FEATURE_NAMES].head(n)
    finally:
        con.close()
