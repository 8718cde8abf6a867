"""Fairness audit by gender, age band, region and disability, on held-out cases.

Sensitive attributes are audit-only (declared in the data spec): they travel beside the features
as `audit_<column>` and never into them. The audit reports, per group, how well the model ranks,
who it would flag for attention (p below a threshold), its error rates and its calibration gap, so
a model card can show where a model treats a group differently and a page can warn about it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from data_catalog.spec import DISABILITY_GROUPS, GENDERS

AGE_BANDS = [(15, 29, "15~29세"), (30, 39, "30대"), (40, 49, "40대"), (50, 59, "50대"), (60, 120, "60세 이상")]
"""Age bands of the audit and of peer comparisons (one list, so both group people the same way)."""

DIMENSIONS = {"gender": "성별", "age": "연령대", "sido_code": "시도", "disability": "장애"}
"""Audited attribute (audit column suffix) → the dimension's Korean name in the audit table."""


def age_band(age: pd.Series) -> pd.Series:
    out = pd.Series("", index=age.index)
    for lo, hi, name in AGE_BANDS:
        out[(age >= lo) & (age <= hi)] = name
    return out


def group_of(attribute: str, values: pd.Series) -> pd.Series:
    """Audit group names (Korean) of raw attribute values; the audit and page caveats share them."""
    if attribute == "gender":
        return values.map(GENDERS.labels)
    if attribute == "age":
        return age_band(values)
    if attribute == "disability":
        return values.map(lambda v: None if pd.isna(v) else DISABILITY_GROUPS[bool(v)])
    return values


def fairness_audit(
    test: pd.DataFrame,
    p: np.ndarray,
    threshold: float,
    label: str = "label",
    dimensions: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Per group: AUC, share flagged (p < threshold), FPR/FNR of the flag, calibration gap.

    `test` carries the label and the `audit_<attribute>` columns of `dimensions` (default: the seekers'
    `DIMENSIONS`; a posting model audits by region, firm size and industry instead).
    """
    y = test[label].to_numpy()
    flagged = p < threshold
    rows = []
    for attribute, dim in (dimensions or DIMENSIONS).items():
        g = group_of(attribute, test[f"audit_{attribute}"])
        for name, idx in g.groupby(g).groups.items():
            m = test.index.isin(idx)
            yy, pp, ff = y[m], p[m], flagged[m]
            negative = yy == 0
            rows.append(
                {
                    "dimension": dim,
                    "group": name,
                    "n": int(m.sum()),
                    "auc": float(roc_auc_score(yy, pp)) if 0 < yy.mean() < 1 else np.nan,
                    "flag_share": float(ff.mean()),
                    "fpr": float(ff[~negative].mean()) if (~negative).any() else np.nan,  # flagged although positive
                    "fnr": float((~ff[negative]).mean()) if negative.any() else np.nan,  # not flagged although negative
                    "mean_pred": float(pp.mean()),
                    "observed": float(yy.mean()),
                }
            )
    df = pd.DataFrame(rows)
    df["calibration_gap"] = df["mean_pred"] - df["observed"]
    return df
