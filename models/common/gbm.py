"""Calibrated gradient boosting with exact TreeSHAP, and the feature declarations it is built from.

Why these choices (shared by every tabular service):
- LightGBM with few, shallow trees: exact TreeSHAP cost grows with trees × leaves, and batch
  explanation of every seeker or posting needs a small forest; each service's bench reports what
  its size costs in AUC against a larger model.
- Platt scaling (a logistic map of the raw score) fitted on the calibration months: probabilities
  become calibrated while SHAP contributions stay exactly additive in the calibrated logit (each
  contribution is multiplied by the same slope).
- Contributions come from LightGBM's own `pred_contrib` (exact path-dependent TreeSHAP that handles
  categorical splits correctly).

A service declares its features once (`Feature`: name, Korean label, changeable or fixed,
categorical) and subclasses `CalibratedGBM` with them; the model card, the factor sentences and
recourse all read that one declaration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import lightgbm as lgb
import numpy as np
import pandas as pd
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression


@dataclass(frozen=True)
class Feature:
    """One model input: `changeable` ones are what recourse may move (a person can change them).

    `monotone` (+1 / −1 / 0) constrains the model's response where the direction is known and a what-if must
    not contradict it (a higher offer never lowers a posting's chance of filling); 0 leaves it free.
    """

    name: str
    ko: str
    changeable: bool
    categorical: bool = False
    monotone: int = 0


def feature_meta(features: tuple[Feature, ...]) -> list[dict]:
    """The declaration as saved in a model's metadata (the model card reads it from there)."""
    return [{"name": f.name, "ko": f.ko, "changeable": f.changeable, "categorical": f.categorical} for f in features]


class CalibratedGBM(ClassifierMixin, BaseEstimator):
    """LightGBM classifier with a Platt layer; `contributions` are exact SHAP values in calibrated logits.

    Subclasses set `features`; everything else (categorical handling, calibration, SHAP) is here.
    """

    features: ClassVar[tuple[Feature, ...]] = ()

    def __init__(
        self,
        n_estimators: int = 80,
        num_leaves: int = 7,
        learning_rate: float = 0.2,
        min_child_samples: int = 50,
        random_state: int = 0,
    ) -> None:
        self.n_estimators = n_estimators
        self.num_leaves = num_leaves
        self.learning_rate = learning_rate
        self.min_child_samples = min_child_samples
        self.random_state = random_state

    @classmethod
    def feature_names(cls) -> list[str]:
        return [f.name for f in cls.features]

    @classmethod
    def categorical(cls) -> list[str]:
        return [f.name for f in cls.features if f.categorical]

    def fit(
        self, X: pd.DataFrame, y: np.ndarray, X_cal: pd.DataFrame | None = None, y_cal: np.ndarray | None = None
    ) -> CalibratedGBM:
        names, cats = self.feature_names(), self.categorical()
        self.model_ = lgb.LGBMClassifier(
            n_estimators=self.n_estimators,
            num_leaves=self.num_leaves,
            learning_rate=self.learning_rate,
            min_child_samples=self.min_child_samples,
            subsample=0.8,
            subsample_freq=1,
            colsample_bytree=0.9,
            monotone_constraints=[f.monotone for f in self.features],
            random_state=self.random_state,
            n_jobs=2,
            verbose=-1,
        )
        self.model_.fit(X[names], np.asarray(y), categorical_feature=cats)
        self.categories_ = {c: list(X[c].cat.categories) for c in cats}
        self.feature_names_in_ = np.array(names)
        self.classes_ = np.array([0, 1])
        if X_cal is None:
            self.platt_ = (1.0, 0.0)
        else:
            raw = self.raw_score(X_cal)
            lr = LogisticRegression(C=1e6).fit(raw[:, None], np.asarray(y_cal))
            self.platt_ = (float(lr.coef_[0, 0]), float(lr.intercept_[0]))
        return self

    def _prep(self, X: pd.DataFrame) -> pd.DataFrame:
        X = X[self.feature_names()].copy()
        for c in self.categorical():
            X[c] = pd.Categorical(X[c].astype("string"), categories=self.categories_[c])
        return X

    def _matrix(self, X: pd.DataFrame) -> np.ndarray:
        """The features as the float matrix LightGBM builds from a categorical frame (a category's code, NaN when
        missing or unseen): the same predictions as the frame at a fraction of pandas' per-call cost, which is
        what one-posting what-ifs and one-seeker pages pay on every rerun."""
        cats = set(self.categorical())
        index = self.__dict__.setdefault("_category_index", {})  # built on first use (older pickles lack it)
        names = self.feature_names()
        out = np.empty((len(X), len(names)))
        num = [c for c in names if c not in cats]
        if num:
            block = X[num]
            if any(dt == np.dtype(object) for dt in block.dtypes):
                block = block.apply(pd.to_numeric, errors="coerce")
            out[:, [names.index(c) for c in num]] = block.to_numpy(dtype=float, na_value=np.nan)
        for c in cats:
            if c not in index:
                index[c] = pd.Index(self.categories_[c], dtype=object)
            s = X[c]
            if isinstance(s.dtype, pd.CategoricalDtype):  # map the frame's own categories once, then its codes
                lookup = np.append(index[c].get_indexer(s.cat.categories.astype(str)), -1)
                codes = lookup[s.cat.codes.to_numpy()].astype(float)
            else:
                v = s.to_numpy(dtype=object)
                missing = pd.isna(v)
                codes = index[c].get_indexer(np.where(missing, "", v.astype(str))).astype(float)
                codes[missing] = np.nan
            codes[codes < 0] = np.nan
            out[:, names.index(c)] = codes
        return out

    def raw_score(self, X: pd.DataFrame) -> np.ndarray:
        return self.model_.booster_.predict(self._matrix(X), raw_score=True)

    def logit(self, X: pd.DataFrame) -> np.ndarray:
        a, b = self.platt_
        return a * self.raw_score(X) + b

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        p = expit(self.logit(X))
        return np.column_stack([1 - p, p])

    def contributions(self, X: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """(per-feature contributions (n, F), base value (n,)) in calibrated logits; they sum to `logit`."""
        a, b = self.platt_
        c = self.model_.booster_.predict(self._matrix(X), pred_contrib=True)
        return a * c[:, :-1], a * c[:, -1] + b
