"""What-if scoring: apply changes to one case's features and re-score them with the model.

Recourse ("what would raise my chances") and an employer's what-if ("월급을 20만원 올리면?") are the
same operation: a list of changes, each setting one or more features, scored in one batch. Only
the service knows which changes are realistic; this module only applies and scores them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from models.common.gbm import CalibratedGBM

CHANGE_COLUMNS = ["feature", "description_ko", "p_before", "p_after", "gain_pp"]


@dataclass
class Change:
    """One change; `feature` names its kind (callers keep one per kind), `updates` the features it sets."""

    feature: str
    updates: dict[str, object]
    description_ko: str


def score_changes(model: CalibratedGBM, x: pd.DataFrame, changes: list[Change]) -> pd.DataFrame:
    """Each change applied to the one-row frame `x` and re-scored (several features may move together)."""
    p0 = float(model.predict_proba(x)[0, 1])
    if not changes:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    xs = pd.concat([x] * len(changes), ignore_index=True)
    categorical = set(model.categorical())
    for col in dict.fromkeys(k for ch in changes for k in ch.updates):  # one column at a time: fast for many rows
        keep = x[col].iat[0]
        # categorical features as plain strings, so a change may introduce a new category (the model re-categorises)
        xs[col] = pd.Series(
            [ch.updates.get(col, keep) for ch in changes], dtype=object if col in categorical else float
        )
    df = pd.DataFrame(
        {
            "feature": [c.feature for c in changes],
            "description_ko": [c.description_ko for c in changes],
            "p_before": p0,
            "p_after": model.predict_proba(xs)[:, 1],
        }
    )
    df["gain_pp"] = (df["p_after"] - df["p_before"]) * 100
    return df


def best_changes(
    scored: pd.DataFrame, top: int, min_gain_pp: float = 0.05, one_per_feature: bool = True
) -> pd.DataFrame:
    """The `top` changes that raise the probability most (by more than `min_gain_pp`)."""
    best = scored.sort_values("gain_pp", ascending=False, kind="stable")
    if one_per_feature:
        best = best.drop_duplicates("feature")
    return best[best["gain_pp"] > min_gain_pp].head(top).reset_index(drop=True)
