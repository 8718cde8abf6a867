"""Held-out evaluation shared by every model: the time split, metrics, ECE, calibration table, baseline.

Every model is trained on the earliest months, calibrated on the next, and tested on the latest,
so its figures say how it would have done on cases it had not seen; a plain logistic regression on
the same features is the baseline each model card compares against.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


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
    """Mean prediction, observed rate and count per equal-width probability bin."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    df = (
        pd.DataFrame({"bin": idx, "p": p, "y": y})
        .groupby("bin")
        .agg(mean_pred=("p", "mean"), observed=("y", "mean"), n=("y", "size"))
    )
    return df.reset_index()


def metrics(p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    return {
        "roc_auc": float(roc_auc_score(y, p)),
        "pr_auc": float(average_precision_score(y, p)),
        "brier": float(brier_score_loss(y, p)),
        "ece": ece(p, y),
        "n": int(len(y)),
        "base_rate": float(y.mean()),
    }


@dataclass
class Split:
    train: pd.DataFrame
    valid: pd.DataFrame
    test: pd.DataFrame

    def sizes(self) -> dict[str, int]:
        return {"train": len(self.train), "valid": len(self.valid), "test": len(self.test)}

    def periods(self, date_col: str) -> dict[str, list[str]]:
        """First and last date of each part (YYYY-MM-DD), as the model card shows them."""
        return {
            k: [str(v[date_col].min().date()), str(v[date_col].max().date())]
            for k, v in (("train", self.train), ("valid", self.valid), ("test", self.test))
        }


def time_split(df: pd.DataFrame, date_col: str, valid_months: int = 3, test_months: int = 4) -> Split:
    """Train on the earliest months, calibrate on the next months, test on the latest."""
    months = df[date_col].dt.to_period("M")
    uniq = sorted(months.unique())
    test_m = set(uniq[-test_months:])
    valid_m = set(uniq[-(test_months + valid_months) : -test_months])
    return Split(df[~months.isin(test_m | valid_m)], df[months.isin(valid_m)], df[months.isin(test_m)])


def logistic_baseline(
    train: pd.DataFrame, test: pd.DataFrame, features: list[str], categorical: list[str], label: str = "label"
) -> np.ndarray:
    """P(label) on `test` from a standardised, one-hot logistic regression fitted on `train`."""
    num = [c for c in features if c not in categorical]
    pre = ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num),
            (
                "cat",
                make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")),
                categorical,
            ),
        ]
    )
    pipe = make_pipeline(pre, LogisticRegression(max_iter=2000))
    tr = train[features].astype({c: "object" for c in categorical})
    te = test[features].astype({c: "object" for c in categorical})
    pipe.fit(tr, train[label])
    return pipe.predict_proba(te)[:, 1]


def data_hash(df: pd.DataFrame, columns: list[str]) -> str:
    """A short fingerprint of the training rows (recorded with the model it trained)."""
    return hashlib.sha256(pd.util.hash_pandas_object(df[columns], index=True).values.tobytes()).hexdigest()[:16]
