"""Employability model: batch scoring/SHAP throughput, on-demand latency, and what the small forest costs.

Baseline in the same run: a larger forest (200 trees × 63 leaves) trained on the same split —
its held-out AUC and its exact-SHAP throughput — so the ratio shows what the chosen size buys.

Usage: .venv/bin/python bench/employability.py [--data-dir data] [--n-ondemand 200]
"""

from __future__ import annotations

import argparse
import statistics
import time

import duckdb
import numpy as np

import config
from models.common import registry
from models.employability import model as emp
from models.employability import service as svc
from models.employability.explain import factors, occupation_options, recourse
from models.employability.features import FEATURE_NAMES, build_features, load_training_frame, market_features


def rate(fn, n: int, repeat: int = 3) -> float:
    best = min(_t(fn) for _ in range(repeat))
    return n / best


def _t(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=None, help="default: the data folder from config (GOYONG_DATA_DIR)")
    ap.add_argument("--n-ondemand", type=int, default=200)
    a = ap.parse_args()
    latest = registry.latest("employability", a.data_dir)
    if latest is None:
        raise SystemExit(
            f"취업확률 모델이 없습니다({config.artefacts_dir(a.data_dir)}). 먼저 `make run` 또는 "
            "`python -m models train --if-missing`를 실행해 주세요."
        )
    model, meta, _ = registry.load(latest)
    con = duckdb.connect(str(config.warehouse_db(a.data_dir)), read_only=True)
    seekers = con.execute("SELECT * FROM seekers").df()
    occ = con.execute("SELECT * FROM ref_occupation").df()
    x = build_features(seekers, occ, market_features(con))
    n = len(x)
    print(f"{n:,} seekers; model {meta['version']}: {model.n_estimators} trees × {model.num_leaves} leaves")
    r_score = rate(lambda: model.predict_proba(x), n)
    r_shap = rate(lambda: model.contributions(x), n)
    print(
        f"batch scoring: {r_score:,.0f} seekers/s; batch exact SHAP (pred_contrib): {r_shap:,.0f} seekers/s (target "
        "≥ 5,000)"
    )

    rng = np.random.default_rng(0)
    ids = rng.choice(seekers["seeker_id"].to_numpy(), a.n_ondemand, replace=False)
    typical = dict(zip(occ["keco_code"], occ["typical_monthly_wage_krw"], strict=True))
    lat_expl, lat_full, lat_occ = [], [], []
    for sid in ids:
        t0 = time.perf_counter()
        xi = svc.stored_features(con, [int(sid)])
        model.predict_proba(xi)
        factors(model, xi)
        t1 = time.perf_counter()
        recourse(model, xi, typical.get(seekers.loc[seekers.seeker_id == sid, "desired_keco_code"].iloc[0]))
        t2 = time.perf_counter()
        occupation_options(model, xi, svc.occupation_alternatives(con, occ, svc.seeker_info(con, int(sid)), xi)[0])
        t3 = time.perf_counter()
        lat_expl.append((t1 - t0) * 1000)
        lat_full.append((t2 - t0) * 1000)
        lat_occ.append((t3 - t2) * 1000)
    q = lambda v: (statistics.median(v), sorted(v)[int(0.95 * (len(v) - 1))])  # noqa: E731
    print(
        f"on-demand, one seeker (fetch + score + explanation): median {q(lat_expl)[0]:.1f} ms, p95 "
        f"{q(lat_expl)[1]:.1f} ms (target ≤ 50)"
    )
    print(
        f"on-demand with recourse (≈10 re-scored variants): median {q(lat_full)[0]:.1f} ms, p95 {q(lat_full)[1]:.1f} ms"
    )
    print(
        f"related-occupation options alone (seeker row, 90-day market query, ≤ 40 re-scored occupations): "
        f"median {q(lat_occ)[0]:.1f} ms, p95 {q(lat_occ)[1]:.1f} ms"
    )

    frame = load_training_frame(con)
    truth = (
        con.execute("SELECT seeker_id, p_employed_6m, p_at_registration FROM truth.seeker_truth")
        .df()
        .set_index("seeker_id")
    )
    small = emp.train_and_evaluate(frame, truth)
    big = emp.train_and_evaluate(frame, truth, params={"n_estimators": 200, "num_leaves": 63, "learning_rate": 0.05})
    r_big = rate(lambda: big["model"].contributions(x), n, repeat=1)
    ms, mb, mc = small["metrics"]["model"], big["metrics"]["model"], small["metrics"]["ceiling_at_registration"]
    print(
        f"\nheld-out AUC: chosen {ms['roc_auc']:.4f} (ECE {ms['ece']:.4f}) vs large forest {mb['roc_auc']:.4f} (ECE "
        f"{mb['ece']:.4f}) "
        f"vs achievable ceiling {mc['roc_auc']:.4f}; logistic baseline "
        f"{small['metrics']['logistic_baseline']['roc_auc']:.4f}"
    )
    print(
        f"exact SHAP throughput: chosen {r_shap:,.0f}/s vs large forest {r_big:,.0f}/s → ratio {r_shap / r_big:.1f}x "
        f"for an AUC cost of {mb['roc_auc'] - ms['roc_auc']:+.4f}"
    )
    con.close()
    _ = FEATURE_NAMES


if __name__ == "__main__":
    main()
