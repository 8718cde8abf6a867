"""SHAP contributions phrased in plain Korean: one sentence and one effect in %p per feature.

A factor's effect in percentage points is the change in probability when its SHAP contribution is
removed from the calibrated logit (exact, since contributions are additive there). Sentences take
the Korean particle that fits how the preceding word is read aloud (이/가, 으로/로 …).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy.special import expit

from models.common.gbm import CalibratedGBM

_DIGIT_BATCHIM = {
    "0": True,
    "1": True,
    "2": False,
    "3": True,
    "4": False,
    "5": False,
    "6": True,
    "7": True,
    "8": True,
    "9": False,
}


def _batchim(word: str) -> tuple[bool, bool]:
    """(has final consonant, final consonant is ㄹ) of how the word is read aloud."""
    w = word.split("(")[0].strip() or word
    ch = w[-1]
    if "가" <= ch <= "힣":
        jong = (ord(ch) - 0xAC00) % 28
        return jong != 0, jong == 8
    if ch.isdigit():
        return _DIGIT_BATCHIM[ch], ch in "178"
    return False, False


def josa(word: str, pair: str) -> str:
    """word + the right particle: pair is '이/가', '은/는', '을/를' or '으로/로'."""
    has, rieul = _batchim(word)
    if pair == "으로/로":
        return word + ("으로" if has and not rieul else "로")
    with_b, without_b = pair.split("/")
    return word + (with_b if has else without_b)


def missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))


def factor_table(
    model: CalibratedGBM,
    x: pd.DataFrame,
    outcome_ko: str,
    value_ko: Callable[[str, object], str],
    labels: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Per feature for one case (x: one row): value, contribution (logit), effect (%p), sentence, changeable.

    `value_ko(feature, value)` writes a value as a person reads it; `labels` overrides it per feature
    (e.g. the Korean name of a categorical code). Sorted by the size of the effect.
    """
    contrib, base = model.contributions(x)
    logit = base[0] + contrib[0].sum()
    p = float(expit(logit))
    rows = []
    for k, feat in enumerate(model.features):
        c = float(contrib[0, k])
        pp = (p - float(expit(logit - c))) * 100
        shown = (labels or {}).get(feat.name) or value_ko(feat.name, x.iloc[0][feat.name])
        verb = "높입니다" if pp >= 0 else "낮춥니다"
        rows.append(
            {
                "feature": feat.name,
                "label_ko": feat.ko,
                "value_ko": shown,
                "contribution": c,
                "effect_pp": pp,
                "changeable": feat.changeable,
                "sentence_ko": f"{josa(feat.ko, '이/가')} {josa(shown, '으로/로')} {outcome_ko}을 "
                f"{abs(pp):.1f}%p {verb}",
            }
        )
    return pd.DataFrame(rows).sort_values("effect_pp", key=np.abs, ascending=False).reset_index(drop=True)
