"""The re-ranker: LightGBM LambdaRank on the pair features, with exact TreeSHAP for the reasons.

Trained on the world's applications and hires (gain 2 hired, 1 applied, 0 a retrieved posting the seeker passed
over), one group per (seeker, search day). Monotone constraints keep the reasons honest: more text similarity, a
closer occupation or more matching skills never lower a score, and a longer commute never raises it.
"""

from __future__ import annotations

import lightgbm as lgb
import numpy as np
import pandas as pd

from models.matching.features import FEATURE_NAMES, FEATURES

CROWDING_WEIGHT = 0.3
"""Anti-crowding: score − weight · log(1 + applicants per opening). Measured for its NDCG cost and spread gain."""


class MatchRanker:
    features = FEATURES

    def __init__(self, n_estimators: int = 300, num_leaves: int = 31, learning_rate: float = 0.05) -> None:
        self.params = {
            "n_estimators": n_estimators,
            "num_leaves": num_leaves,
            "learning_rate": learning_rate,
            "min_child_samples": 50,
            "monotone_constraints": [f.monotone for f in FEATURES],
            "monotone_constraints_method": "advanced",
            "verbose": -1,
            "n_jobs": 2,
        }

    def fit(
        self, X: pd.DataFrame, y: np.ndarray, groups: np.ndarray, Xv: pd.DataFrame, yv: np.ndarray, gv: np.ndarray
    ) -> MatchRanker:
        self.model_ = lgb.LGBMRanker(objective="lambdarank", **self.params)
        self.model_.fit(
            X[FEATURE_NAMES],
            y,
            group=groups,
            eval_X=(Xv[FEATURE_NAMES],),
            eval_y=(yv,),
            eval_group=[gv],
            eval_at=[10],
            callbacks=[lgb.early_stopping(30, verbose=False)],
        )
        return self

    def score(self, X: pd.DataFrame, crowding: float = 0.0) -> np.ndarray:
        s = self.model_.booster_.predict(X[FEATURE_NAMES], num_iteration=self.model_.best_iteration_)
        if crowding:
            s = s - crowding * np.log1p(X["applicants_per_opening"].to_numpy(float))
        return s

    def contributions(self, X: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """(n × features) SHAP contributions to the score and the base value per row; they add up to `score`."""
        c = self.model_.booster_.predict(X[FEATURE_NAMES], pred_contrib=True, num_iteration=self.model_.best_iteration_)
        return c[:, :-1], c[:, -1]
