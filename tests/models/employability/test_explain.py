"""Korean factors, realistic recourse, peer groups and calibration caveats."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from data_catalog.reference import minimum_monthly_wage, wage_year
from models.employability.explain import (
    audit_note,
    calibration_caveats,
    candidate_changes,
    factors,
    peer_group,
    percentile,
    recourse,
)
from models.employability.features import FEATURE_NAMES


def test_factors_are_korean_sentences_marked_changeable(trained):
    model, *_, frame, _con = trained
    f = factors(model, frame[FEATURE_NAMES].head(1))
    assert len(f) == len(FEATURE_NAMES) and f["effect_pp"].abs().is_monotonic_decreasing
    assert f["sentence_ko"].str.contains("취업확률을").all() and f["sentence_ko"].str.contains("%p").all()
    changeable = dict(zip(f["feature"], f["changeable"], strict=True))
    assert not changeable["age"] and not changeable["education_rank"] and changeable["desired_wage_ratio"]


def test_recourse_is_recomputed_and_realistic(trained):
    model, *_, frame, _con = trained
    x = frame[FEATURE_NAMES].sort_values("desired_wage_ratio", ascending=False).head(1)
    typical = 2_500_000.0
    rc = recourse(model, x, typical)
    assert len(rc) <= 3 and rc["feature"].is_unique and (rc["gain_pp"] > 0).all()
    for r in rc.itertuples():  # the stated probability is what the model gives after the change
        ch = next(c for c in candidate_changes(x.iloc[0], typical) if c.description_ko == r.description_ko)
        x2 = x.copy()
        x2[ch.feature] = ch.updates[ch.feature]
        assert model.predict_proba(x2)[0, 1] == pytest.approx(r.p_after)
    floor = minimum_monthly_wage(wage_year()) / typical
    assert all(
        c.updates["desired_wage_ratio"] >= floor - 1e-9
        for c in candidate_changes(x.iloc[0], typical)
        if c.feature == "desired_wage_ratio"
    )
    widest = x.copy()
    widest["region_scope"] = 2.0
    assert not [c for c in candidate_changes(widest.iloc[0], typical) if c.feature == "region_scope"]


def test_peer_group_widens_until_30():
    scores = pd.DataFrame(
        {
            "p": np.linspace(0, 1, 100),
            "age_band": ["30대"] * 100,
            "sido_code": ["11"] * 10 + ["21"] * 90,
            "desired_major": ["0"] * 50 + ["5"] * 50,
        }
    )
    peers, label = peer_group(scores, {"age_band": "30대", "sido_code": "11", "desired_major": "0"})
    assert len(peers) == 50 and "전국" in label  # only 10 in Seoul → widened to the nation
    assert percentile(0.5, peers["p"]) == pytest.approx(100.0)


def _fairness() -> pd.DataFrame:
    fair = pd.DataFrame(
        {
            "dimension": ["장애", "장애", "성별", "시도", "연령대"],
            "group": ["장애 있음", "장애 없음", "여성", "11", "30대"],
            "n": [900, 9000, 50, 800, 3000],
            "mean_pred": [0.559, 0.60, 0.7, 0.40, 0.62],
            "observed": [0.511, 0.60, 0.6, 0.45, 0.61],
        }
    )
    fair["calibration_gap"] = fair["mean_pred"] - fair["observed"]
    return fair


def test_calibration_caveats_name_the_seekers_miscalibrated_groups():
    fair = _fairness()
    seeker = {"gender": "F", "age": 34, "sido_code": "11", "disability": True}
    out = calibration_caveats(fair, seeker, {"11": "서울특별시"}, own=True)  # the seeker's own page
    assert len(out) == 2  # 여성: too few test seekers; 30대: gap under 3 %p
    assert (
        "서울특별시 거주 구직자의 실제 취업 비율(45.0%)은 모델이 예측한 평균(40.0%)보다 5.0%p 높았습니다(검증 대상 "
        "800명)" in out[0]
    )
    assert (
        "장애가 있는 구직자의 실제 취업 비율(51.1%)은 모델이 예측한 평균(55.9%)보다 4.8%p 낮았습니다(검증 대상 900명)"
        in out[1]
    )
    assert "그만큼 높게 나왔을 수 있습니다" in out[1]
    # a 3.1 %p gap among 420 seekers is within twice the sampling error (≈ 4.8 %p): no caveat
    noisy = pd.DataFrame(
        {
            "dimension": ["성별"],
            "group": ["남성"],
            "n": [420],
            "mean_pred": [0.531],
            "observed": [0.5],
            "calibration_gap": [0.031],
        }
    )
    assert calibration_caveats(noisy, {"gender": "M"}, own=True) == []
    assert calibration_caveats(fair, {**seeker, "disability": False}, {"11": "서울특별시"}, own=True) == out[:1]
    # a typed-in profile knows neither gender nor disability: only what is known is checked
    assert calibration_caveats(fair, {"age": None, "sido_code": "26"}) == []


def test_caveats_for_someone_else_never_say_an_audit_only_group():
    """A counsellor's page: the person's gender or disability is neither read nor named, even when passed in; the
    model-level note about audit-only groups is the same whichever group the person is in."""
    fair = _fairness()
    with_d = {"gender": "F", "age": 34, "sido_code": "11", "disability": True}
    without_d = {**with_d, "gender": "M", "disability": False}
    shown = calibration_caveats(fair, with_d, {"11": "서울특별시"})
    assert shown == calibration_caveats(fair, without_d, {"11": "서울특별시"})
    assert shown == calibration_caveats(fair, {"age": 34, "sido_code": "11"}, {"11": "서울특별시"})
    assert len(shown) == 1 and "서울특별시 거주 구직자" in shown[0]  # what the counsellor already sees
    note = audit_note(fair)
    assert note and "장애" in note and "모델 카드" in note
    assert not any(word in note for word in ("장애가 있는", "장애 있음", "장애 없음", "여성", "남성", "이 구직자는"))
    assert "성별" not in note  # the 성별 group had too few test seekers to raise a caveat
    calibrated = fair.assign(mean_pred=fair["observed"], calibration_gap=0.0)
    assert audit_note(calibrated) is None
