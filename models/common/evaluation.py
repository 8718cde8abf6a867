"""Held-out evaluation shared by every model: the time split, metrics, ECE, calibration table, baseline.

Every model is trained on the earliest months, calibrated on the next, and tested on the latest,
so its figures say how it would have done on cases it had not seen; a plain logistic regression on
the same features is the baseline each model card compares against.

A real extract may cover too few months for that (an analyst's one-quarter pull, or one registration
date for everyone): `holdout_split` then falls back to a stratified random split (the same three parts,
each with the file's outcome rate) and says so in `Split.method` / `Split.note_ko`, which the model
card shows — test figures from people registered in the same months are more optimistic than from a
later month.
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
from sklearn.model_selection import train_test_split
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


TIME = "time"
STRATIFIED_RANDOM = "stratified_random"
MIN_TRAIN_MONTHS = 3
"""Months the time split keeps for training at the least (besides the calibration and test months)."""


@dataclass
class Split:
    train: pd.DataFrame
    valid: pd.DataFrame
    test: pd.DataFrame
    method: str = TIME
    note_ko: str = ""
    """Why the split is not by time (empty for the time split); the model card shows it."""

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


def stratified_split(
    df: pd.DataFrame, label: str = "label", valid: float = 0.2, test: float = 0.2, random_state: int = 0
) -> Split:
    """Train / calibration / test at random, each with the label's overall rate; rows keep the frame's order."""
    pos = np.arange(len(df))
    rest, te = train_test_split(pos, test_size=test, stratify=df[label], random_state=random_state)
    tr, va = train_test_split(
        rest, test_size=valid / (1 - test), stratify=df[label].iloc[rest], random_state=random_state
    )
    return Split(df.iloc[np.sort(tr)], df.iloc[np.sort(va)], df.iloc[np.sort(te)], STRATIFIED_RANDOM)


def holdout_split(
    df: pd.DataFrame,
    date_col: str,
    label: str = "label",
    valid_months: int = 3,
    test_months: int = 4,
    random_state: int = 0,
) -> Split:
    """The time split when the data spans enough months and every part has both outcomes, else stratified random.

    Needs `MIN_TRAIN_MONTHS + valid_months + test_months` distinct months; with fewer, a time split would
    train on a month or two (or nothing), and a part with one outcome only has no AUC.
    """
    n_months = df[date_col].dt.to_period("M").nunique()
    need = MIN_TRAIN_MONTHS + valid_months + test_months
    if n_months >= need:
        sp = time_split(df, date_col, valid_months, test_months)
        if all(part[label].nunique() == 2 for part in (sp.train, sp.valid, sp.test)):
            return sp
        note = "시간 기준 분할의 한 구간에 취업·미취업 가운데 한쪽만 있어"
    else:
        note = f"등록 월이 부족해(등록 월 {n_months}개, 시간 기준 분할에는 {need}개 이상 필요)"
    sp = stratified_split(df, label, random_state=random_state)
    sp.note_ko = note
    return sp


def logistic_baseline(
    train: pd.DataFrame, test: pd.DataFrame, features: list[str], categorical: list[str], label: str = "label"
) -> np.ndarray:
    """P(label) on `test` from a standardised, one-hot logistic regression fitted on `train`.

    Missing values are NaN for scikit-learn's imputers (pandas' NA in a category or nullable column makes
    them fail with "boolean value of NA is ambiguous"); a feature with no value at all in `train` (a
    column the extract lacks) carries nothing to fit and is left out.
    """
    features = [c for c in features if train[c].notna().any()]
    categorical = [c for c in categorical if c in features]
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

    def plain(df: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame(index=df.index)
        for c in features:
            if c in categorical:
                v = df[c].astype(object)
                out[c] = v.where(df[c].notna(), np.nan)
            else:
                out[c] = pd.to_numeric(df[c], errors="coerce").astype(float)
        return out

    tr, te = plain(train), plain(test)
    pipe.fit(tr, train[label])
    return pipe.predict_proba(te)[:, 1]


def data_hash(df: pd.DataFrame, columns: list[str]) -> str:
    """A short fingerprint of the training rows (recorded with the model it trained)."""
    return hashlib.sha256(pd.util.hash_pandas_object(df[columns], index=True).values.tobytes()).hexdigest()[:16]


def held_out_report(model, sp: Split, date_col: str, flag_share: float) -> dict:  # noqa: ANN001 - a CalibratedGBM
    """What every service's model card needs from a fitted model on its split: test metrics against the logistic
    baseline, the calibration table, the flag threshold (the `flag_share` quantile of the calibration months'
    probabilities) and the split's sizes, periods and method. The service adds its truth rows and its audit."""
    y = sp.test["label"].to_numpy()
    p = model.predict_proba(sp.test)[:, 1]
    baseline = logistic_baseline(sp.train, sp.test, model.feature_names(), model.categorical())
    return {
        "model": model,
        "split": sp,
        "p_test": p,
        "metrics": {"model": metrics(p, y), "logistic_baseline": metrics(baseline, y)},
        "threshold": float(np.quantile(model.predict_proba(sp.valid)[:, 1], flag_share)),
        "calibration": calibration_curve(p, y),
        "split_sizes": sp.sizes(),
        "split_periods": sp.periods(date_col),
        "split_method": sp.method,
        "split_note_ko": sp.note_ko,
    }
