"""The fairness audit groups people by the spec's labels and reports per-group rates."""

from __future__ import annotations

import numpy as np
import pandas as pd

from models.common.fairness import age_band, fairness_audit, group_of


def test_groups_use_the_spec_labels_and_age_bands():
    assert group_of("gender", pd.Series(["F", "M"])).tolist() == ["여성", "남성"]
    assert group_of("disability", pd.Series([True, False])).tolist() == ["장애 있음", "장애 없음"]
    assert age_band(pd.Series([15, 29, 30, 59, 60, 75])).tolist() == [
        "15~29세",
        "15~29세",
        "30대",
        "50대",
        "60세 이상",
        "60세 이상",
    ]


def test_audit_rates_per_group():
    test = pd.DataFrame(
        {
            "label": [1, 0, 1, 0],
            "audit_gender": ["F", "F", "M", "M"],
            "audit_age": [30, 31, 45, 46],
            "audit_sido_code": ["11", "11", "26", "26"],
            "audit_disability": [False, False, True, False],
        }
    )
    p = np.array([0.9, 0.2, 0.3, 0.6])
    a = fairness_audit(test, p, threshold=0.5)
    assert list(dict.fromkeys(a["dimension"])) == ["성별", "연령대", "시도", "장애"]
    f = a[(a.dimension == "성별") & (a.group == "여성")].iloc[0]
    assert f.n == 2 and f.auc == 1.0 and f.flag_share == 0.5 and f.fpr == 0.0 and f.fnr == 0.0
    m = a[(a.dimension == "성별") & (a.group == "남성")].iloc[0]
    assert m.fpr == 1.0 and m.fnr == 1.0  # the employed man flagged, the not-employed one not
    assert np.allclose(a["calibration_gap"], a["mean_pred"] - a["observed"])
