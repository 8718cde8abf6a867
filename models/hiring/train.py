"""Training run for the hiring model (충원확률) on the warehouse, registered with its card and audit tables.

`ensure` is what `make run` and the tests call: it trains only when no model of the current registry format
exists. There are no batch scores: the what-if page and the posting writer score one posting at a time.
"""

from __future__ import annotations

import pandas as pd
from tqdm import tqdm

import config
from models.common import registry
from models.common.gbm import feature_meta
from models.common.warehouse import has_table, open_read_only
from models.hiring import model as hm
from models.hiring.features import FEATURE_NAMES, FEATURES, HORIZON_DAYS, load_training_frame

NAME = "hiring"
CARD = {
    "entity_table": "postings",
    "purpose_ko": f"구인공고가 게시 후 {HORIZON_DAYS}일 안에 모집 인원을 모두 채울 가능성을 추정해, 사업주가 조건을 "
    "바꿔 볼 때(임금·근로시간·요건) 무엇이 충원에 도움이 되는지 보여 줍니다. 공고 심사나 자동 결정에 쓰지 않습니다.",
    "method_ko": "얕은 경사 부스팅 트리(LightGBM)에 플랫 보정을 더한 확률 모델. 지역(시도×직종 중분류)의 최근 365일 "
    "제시임금·희망임금 분포와 최근 90일 구인배수 등 게시일 이전 정보만 씁니다. 요인 설명은 정확한 트리 SHAP 값이고, "
    "예상 충원 소요일은 충원된 공고로 학습한 별도 회귀 모델입니다.",
    "unit_ko": "건",
    "split_by_ko": "게시일",
    "metric_names_ko": {
        "model": "이 모델",
        "logistic_baseline": "기준선: 로지스틱 회귀",
        "truth_pool_oracle": "상한: 실제 지원자 풀을 아는 참확률",
    },
    "ceiling": "truth_pool_oracle",
    "ceiling_note_ko": "상한은 공고가 실제로 받은 지원자들의 합격 확률로 계산한 값이라 게시일에는 알 수 없는 정보를 "
    "포함합니다(게시일 모델이 도달할 수 있는 값보다 높습니다).",
    "targets": {"ceiling_gap_auc": 0.02, "ece": 0.02},
    "flag_ko": "충원 어려움",
    "flag_rule_ko": "확률 < {threshold:.2f} (검증 구간 하위 30%)",
    "positive_ko": "충원",
}


def _industry_names(con) -> dict[str, str]:  # noqa: ANN001 - a DuckDB connection
    return dict(con.execute("SELECT ksic_code, name_ko FROM ref_industry WHERE level = 1").fetchall())


def run(data_dir: str | None = None) -> dict:
    """Train, evaluate and register a hiring model from the warehouse."""
    steps = tqdm(total=3, desc="충원확률 모델", unit="단계")
    with open_read_only(data_dir) as con:
        frame = hm.audit_frame(load_training_frame(con), _industry_names(con))
        truth = (  # evaluation only; a real warehouse has no truth schema and its card has no oracle row
            con.execute("SELECT posting_id, p_fill FROM truth.posting_truth").df().set_index("posting_id")
            if has_table(con, "truth", "posting_truth")
            else None
        )
    steps.update()
    res = hm.train_and_evaluate(frame, truth)
    steps.update()
    model = res["model"]
    source = str(config.warehouse_db(data_dir))
    meta = {
        "features": feature_meta(FEATURES),
        "sensitive_excluded": [],
        "training_source": source,
        "data_source": {"kind": "warehouse", "path": source, "rows": len(frame)},
        "training_data_hash": hm.training_hash(frame),
        "params": model.get_params(),
        "platt": model.platt_,
        "metrics": res["metrics"],
        "days_to_fill": {"mae": res.get("days_mae"), "median_abs_error": res.get("days_median_abs_error")},
        "horizon_days": HORIZON_DAYS,
        "threshold": res["threshold"],
        "split_sizes": res["split_sizes"],
        "split_periods": res["split_periods"],
        "split_method": res["split_method"],
        "split_note_ko": res["split_note_ko"],
        "card": CARD,
    }
    path = registry.save(NAME, model, meta, {"fairness": res["fairness"], "calibration": res["calibration"]}, data_dir)
    steps.update()
    steps.close()
    m = res["metrics"]
    return {
        "registry": str(path),
        "metrics": m,
        "summary_ko": [
            f"시험 구간 ROC-AUC {m['model']['roc_auc']:.3f} "
            f"(기준선 로지스틱 {m['logistic_baseline']['roc_auc']:.3f}) · "
            f"ECE {m['model']['ece']:.3f} · 시험 {m['model']['n']:,}건",
            f"모델을 저장했습니다: {path}",
        ],
    }


def ensure(data_dir: str | None = None) -> str:
    """Train if no model of the current format is registered."""
    if registry.latest(NAME, data_dir) is None:
        run(data_dir)
        return "trained"
    return "present"


def contract_sample(data_dir: str | None = None, n: int = 300) -> pd.DataFrame:
    """Feature rows of `n` postings from the warehouse (the registry's contract test scores them)."""
    with open_read_only(data_dir) as con:
        return load_training_frame(con)[FEATURE_NAMES].head(n)
