"""Training run for the employability model: warehouse (default) or a real extract, then registry + batch scores."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
from scipy.special import expit
from tqdm import tqdm

from data_catalog import reference as ref
from data_catalog.warehouse import paths
from models import employability as emp
from models import registry
from models.features_seeker import (
    FEATURE_NAMES,
    FEATURES,
    SENSITIVE,
    build_features,
    load_training_frame,
    with_label_and_audit,
)


class TrainingDataError(ValueError):
    """The training file cannot be used; message in Korean and English."""


def frame_from_file(path: str | Path, label_col: str, column_map: str | None) -> pd.DataFrame:
    """A real extract in the seeker schema (+ label) → training frame; market features unavailable (NaN)."""
    from data_catalog.importer import read_any

    path = Path(path)
    df = read_any(path, path.name)
    if column_map:
        df = df.rename(columns=json.loads(Path(column_map).read_text(encoding="utf-8")))
    need = ["seeker_id", "registered_date", "age", "education", "career_years", "desired_keco_code", "desired_wage_krw",
            "unemployment_start", "desired_region_scope", "sido_code", label_col]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise TrainingDataError(f"필수 열이 없습니다 / missing columns: {', '.join(missing)} "
                                "(--column-map 으로 이름을 맞춰 주세요 / map them with --column-map)")
    for opt, default in (("last_keco_code", None), ("skills", ""), ("training_hours_before", 0)):
        if opt not in df.columns:
            df[opt] = default
    label = df[label_col].astype("string").str.strip().str.lower().map(
        {"1": 1, "0": 0, "true": 1, "false": 0, "예": 1, "아니오": 0, "y": 1, "n": 0})
    bad = label.isna()
    df["registered_date"] = pd.to_datetime(df["registered_date"], errors="coerce")
    bad |= df["registered_date"].isna()
    if bad.all():
        raise TrainingDataError("유효한 레이블·등록일을 가진 행이 없습니다 / no row has a valid label and registration date")
    df, label = df[~bad], label[~bad]
    return with_label_and_audit(build_features(df, ref.occupations(), None), df, label)


def run(data_dir: str | None = None, train_file: str | None = None, label_col: str = "employed_6m",
        column_map: str | None = None) -> dict:
    steps = tqdm(total=4, desc="취업확률 모델", unit="단계")
    p = paths(data_dir)
    truth = None
    if train_file:
        frame = frame_from_file(train_file, label_col, column_map)
        source = str(train_file)
    else:
        con = duckdb.connect(str(p["db"]), read_only=True)
        frame = load_training_frame(con)
        truth = con.execute("SELECT seeker_id, p_employed_6m, p_at_registration FROM truth.seeker_truth").df().set_index("seeker_id")
        con.close()
        source = str(p["db"])
    steps.update()
    res = emp.train_and_evaluate(frame, truth)
    steps.update()
    model = res["model"]
    meta = {
        "features": [{"name": f.name, "ko": f.ko, "changeable": f.changeable} for f in FEATURES],
        "sensitive_excluded": list(SENSITIVE), "training_source": source, "training_data_hash": emp.data_hash(frame),
        "params": model.get_params(), "platt": model.platt_, "metrics": res["metrics"], "threshold": res["threshold"],
        "split_sizes": res["split_sizes"], "split_periods": res["split_periods"],
    }
    path = registry.save("employability", model, meta, {"fairness": res["fairness"], "calibration": res["calibration"]}, data_dir)
    steps.update()
    n_scored = 0 if train_file else score_warehouse(model, data_dir)
    steps.update()
    steps.close()
    return {"registry": str(path), "metrics": res["metrics"], "scored": n_scored}


def score_warehouse(model: emp.EmployabilityModel, data_dir: str | None = None, chunk: int = 200_000) -> int:
    """Score and explain every seeker into `seeker_scores` (probability, base, one column per feature)."""
    from models.features_seeker import market_features

    p = paths(data_dir)
    con = duckdb.connect(str(p["db"]))
    seekers = con.execute("SELECT * FROM seekers").df()
    occ = con.execute("SELECT * FROM ref_occupation").df()
    x = build_features(seekers, occ, market_features(con))
    out = []
    for i in range(0, len(x), chunk):
        xs = x.iloc[i:i + chunk]
        contrib, base = model.contributions(xs)
        df = pd.DataFrame(contrib, columns=[f"c_{n}" for n in FEATURE_NAMES], index=xs.index)
        df.insert(0, "base", base)
        df.insert(0, "p", expit(base + contrib.sum(axis=1)))
        out.append(df.reset_index())
    scores = pd.concat(out, ignore_index=True)
    con.register("_s", scores)
    con.execute("CREATE OR REPLACE TABLE seeker_scores AS SELECT * FROM _s")
    con.unregister("_s")
    x_out = x.reset_index()
    for c in x_out.columns:
        if str(x_out[c].dtype) == "category":
            x_out[c] = x_out[c].astype("string")
    con.register("_x", x_out)
    con.execute("CREATE OR REPLACE TABLE seeker_features AS SELECT * FROM _x")
    con.unregister("_x")
    con.close()
    return len(scores)


def ensure(data_dir: str | None = None) -> str:
    """Train if no model is registered; re-score if the warehouse was rebuilt without scores."""
    p = paths(data_dir)
    latest = registry.latest("employability", data_dir)
    con = duckdb.connect(str(p["db"]), read_only=True)
    has_scores = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'seeker_scores'").fetchone()[0] > 0
    con.close()
    if latest is None:
        run(data_dir)
        return "trained"
    if not has_scores:
        model, _meta, _t = registry.load(latest)
        score_warehouse(model, data_dir)
        return "scored"
    return "present"
