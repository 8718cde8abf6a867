"""취업확률: P(employed within 6 months of registration), LightGBM + Platt calibration, exact TreeSHAP.

Why these choices:
- LightGBM with few, shallow trees: exact TreeSHAP cost grows with trees × leaves, and the batch
  explanation target (≥ 5,000 seekers/s on 2 cores) needs a small forest; bench/employability.py
  reports what that costs in AUC against a larger model.
- Platt scaling (a logistic map of the raw score) fitted on the validation months: probabilities
  become calibrated while SHAP contributions stay exactly additive in the calibrated logit
  (each contribution is multiplied by the same slope).
- Contributions come from LightGBM's own `pred_contrib` (exact path-dependent TreeSHAP that handles
  categorical splits correctly).

CLI: python -m models.employability train [--data-dir data] [--train-file x.parquet --label-col y --column-map m.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from dataclasses import dataclass

import lightgbm as lgb
import numpy as np
import pandas as pd
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from models.features_seeker import CATEGORICAL, FEATURE_NAMES, FEATURES

FEATURE_KO = {f.name: f.ko for f in FEATURES}
CHANGEABLE = {f.name for f in FEATURES if f.changeable}


class EmployabilityModel(ClassifierMixin, BaseEstimator):
    """LightGBM classifier with a Platt layer; `contributions` are exact SHAP values in calibrated logits."""

    def __init__(self, n_estimators: int = 80, num_leaves: int = 7, learning_rate: float = 0.2,
                 min_child_samples: int = 50, random_state: int = 0) -> None:
        self.n_estimators = n_estimators
        self.num_leaves = num_leaves
        self.learning_rate = learning_rate
        self.min_child_samples = min_child_samples
        self.random_state = random_state

    def fit(self, X: pd.DataFrame, y: np.ndarray, X_cal: pd.DataFrame | None = None,
            y_cal: np.ndarray | None = None) -> EmployabilityModel:
        self.model_ = lgb.LGBMClassifier(
            n_estimators=self.n_estimators, num_leaves=self.num_leaves, learning_rate=self.learning_rate,
            min_child_samples=self.min_child_samples, subsample=0.8, subsample_freq=1, colsample_bytree=0.9,
            random_state=self.random_state, n_jobs=2, verbose=-1)
        self.model_.fit(X[FEATURE_NAMES], np.asarray(y), categorical_feature=CATEGORICAL)
        self.categories_ = {c: list(X[c].cat.categories) for c in CATEGORICAL}
        self.feature_names_in_ = np.array(FEATURE_NAMES)
        self.classes_ = np.array([0, 1])
        if X_cal is None:
            self.platt_ = (1.0, 0.0)
        else:
            from sklearn.linear_model import LogisticRegression

            raw = self.raw_score(X_cal)
            lr = LogisticRegression(C=1e6).fit(raw[:, None], np.asarray(y_cal))
            self.platt_ = (float(lr.coef_[0, 0]), float(lr.intercept_[0]))
        return self

    def _prep(self, X: pd.DataFrame) -> pd.DataFrame:
        X = X[FEATURE_NAMES].copy()
        for c in CATEGORICAL:
            X[c] = pd.Categorical(X[c].astype("string"), categories=self.categories_[c])
        return X

    def raw_score(self, X: pd.DataFrame) -> np.ndarray:
        return self.model_.booster_.predict(self._prep(X), raw_score=True)

    def logit(self, X: pd.DataFrame) -> np.ndarray:
        a, b = self.platt_
        return a * self.raw_score(X) + b

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        p = expit(self.logit(X))
        return np.column_stack([1 - p, p])

    def contributions(self, X: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """(per-feature contributions (n, F), base value (n,)) in calibrated logits; they sum to `logit`."""
        a, b = self.platt_
        c = self.model_.booster_.predict(self._prep(X), pred_contrib=True)
        return a * c[:, :-1], a * c[:, -1] + b


# ----------------------------------------------------------------------------- evaluation
def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width probability bins."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for k in range(bins):
        m = idx == k
        if m.any():
            total += m.mean() * abs(p[m].mean() - y[m].mean())
    return float(total)


def calibration_curve(p: np.ndarray, y: np.ndarray, bins: int = 10) -> pd.DataFrame:
    idx = np.minimum((p * bins).astype(int), bins - 1)
    df = pd.DataFrame({"bin": idx, "p": p, "y": y}).groupby("bin").agg(mean_pred=("p", "mean"), observed=("y", "mean"), n=("y", "size"))
    return df.reset_index()


def metrics(p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    return {"roc_auc": float(roc_auc_score(y, p)), "pr_auc": float(average_precision_score(y, p)),
            "brier": float(brier_score_loss(y, p)), "ece": ece(p, y), "n": int(len(y)), "base_rate": float(y.mean())}


@dataclass
class Split:
    train: pd.DataFrame
    valid: pd.DataFrame
    test: pd.DataFrame


def time_split(df: pd.DataFrame, valid_months: int = 3, test_months: int = 4) -> Split:
    """Train on the earliest registrations, calibrate on the next months, test on the latest."""
    months = df["registered_date"].dt.to_period("M")
    uniq = sorted(months.unique())
    test_m = set(uniq[-test_months:])
    valid_m = set(uniq[-(test_months + valid_months):-test_months])
    return Split(df[~months.isin(test_m | valid_m)], df[months.isin(valid_m)], df[months.isin(test_m)])


def logistic_baseline(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    num = [c for c in FEATURE_NAMES if c not in CATEGORICAL]
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), CATEGORICAL),
    ])
    pipe = make_pipeline(pre, LogisticRegression(max_iter=2000))
    tr = train[FEATURE_NAMES].astype({c: "object" for c in CATEGORICAL})
    te = test[FEATURE_NAMES].astype({c: "object" for c in CATEGORICAL})
    pipe.fit(tr, train["label"])
    return pipe.predict_proba(te)[:, 1]


AGE_BANDS = [(15, 29, "15~29세"), (30, 39, "30대"), (40, 49, "40대"), (50, 59, "50대"), (60, 120, "60세 이상")]


def age_band(age: pd.Series) -> pd.Series:
    out = pd.Series("", index=age.index)
    for lo, hi, name in AGE_BANDS:
        out[(age >= lo) & (age <= hi)] = name
    return out


GENDER_KO = {"F": "여성", "M": "남성"}
DISABILITY_KO = {True: "장애 있음", False: "장애 없음"}
"""Audit group names: the fairness table and the page caveats that look groups up in it share them."""


def fairness_audit(test: pd.DataFrame, p: np.ndarray, threshold: float) -> pd.DataFrame:
    """Per group: AUC, share flagged (p < threshold → counselling), FPR/FNR of the flag, calibration gap."""
    y = test["label"].to_numpy()
    flagged = p < threshold
    groups = {
        "성별": test["audit_gender"].map(GENDER_KO),
        "연령대": age_band(test["audit_age"]),
        "시도": test["audit_sido_code"],
        "장애": test["audit_disability"].map(DISABILITY_KO),
    }
    rows = []
    for dim, g in groups.items():
        for name, idx in g.groupby(g).groups.items():
            m = test.index.isin(idx)
            yy, pp, ff = y[m], p[m], flagged[m]
            not_emp = yy == 0
            rows.append({
                "dimension": dim, "group": name, "n": int(m.sum()),
                "auc": float(roc_auc_score(yy, pp)) if 0 < yy.mean() < 1 else np.nan,
                "flag_share": float(ff.mean()),
                "fpr": float(ff[~not_emp].mean()) if (~not_emp).any() else np.nan,  # flagged although employed
                "fnr": float((~ff[not_emp]).mean()) if not_emp.any() else np.nan,  # not flagged although not employed
                "mean_pred": float(pp.mean()), "observed": float(yy.mean()),
            })
    df = pd.DataFrame(rows)
    df["calibration_gap"] = df["mean_pred"] - df["observed"]
    return df


def data_hash(df: pd.DataFrame) -> str:
    return hashlib.sha256(pd.util.hash_pandas_object(df[FEATURE_NAMES + ["label"]], index=True).values.tobytes()).hexdigest()[:16]


def train_and_evaluate(frame: pd.DataFrame, truth: pd.DataFrame | None = None, random_state: int = 0,
                       params: dict | None = None) -> dict:
    """Fit on the time split, evaluate on held-out months against the baseline and the ceiling."""
    sp = time_split(frame)
    model = EmployabilityModel(random_state=random_state, **(params or {})).fit(
        sp.train, sp.train["label"].to_numpy(), sp.valid, sp.valid["label"].to_numpy())
    y = sp.test["label"].to_numpy()
    p = model.predict_proba(sp.test)[:, 1]
    out = {"model": model, "split": sp, "p_test": p,
           "metrics": {"model": metrics(p, y), "logistic_baseline": metrics(logistic_baseline(sp.train, sp.test), y)}}
    if truth is not None:  # evaluation only: truth never enters training
        t = truth.reindex(sp.test.index)
        out["metrics"]["ceiling_at_registration"] = metrics(t["p_at_registration"].to_numpy(), y)
        out["metrics"]["oracle_with_latent"] = metrics(t["p_employed_6m"].to_numpy(), y)
    threshold = float(np.quantile(model.predict_proba(sp.valid)[:, 1], 0.3))  # bottom 30% → counselling
    out["threshold"] = threshold
    out["fairness"] = fairness_audit(sp.test, p, threshold)
    out["calibration"] = calibration_curve(p, y)
    out["split_sizes"] = {"train": len(sp.train), "valid": len(sp.valid), "test": len(sp.test)}
    out["split_periods"] = {k: [str(v["registered_date"].min().date()), str(v["registered_date"].max().date())]
                            for k, v in (("train", sp.train), ("valid", sp.valid), ("test", sp.test))}
    return out


def main(argv: list[str] | None = None) -> None:
    from models.train_employability import run

    ap = argparse.ArgumentParser(description="취업확률 모델 학습 (train the employability model)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--data-dir", default=None)
    t.add_argument("--train-file", help="Parquet/CSV in the seeker schema with a label column (real data)")
    t.add_argument("--label-col", default="employed_6m")
    t.add_argument("--column-map", help="JSON {source_column: schema_column}")
    t.add_argument("--if-missing", action="store_true")
    a = ap.parse_args(argv)
    if a.if_missing:
        from models.train_employability import ensure

        print(f"취업확률 모델: {ensure(a.data_dir)}")
        return
    t0 = time.perf_counter()
    info = run(a.data_dir, a.train_file, a.label_col, a.column_map)
    print(json.dumps(info, ensure_ascii=False, indent=1))
    print(f"완료 ({time.perf_counter() - t0:.1f}초)")


if __name__ == "__main__":
    main()
