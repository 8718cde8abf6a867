"""Model card: drawn from the saved metadata of a registered model."""

from __future__ import annotations

from tests.pages.apptest import assert_renders, open_page


def test_renders(app_env):
    assert_renders("model_card", "모델 카드")


def test_model_card_shows_baseline_ceiling_and_fairness(app_env):
    at = open_page("model_card")
    assert not at.exception
    perf = at.dataframe[0].value
    assert {"이 모델", "기준선: 로지스틱 회귀", "상한: 등록 시점 참확률"} <= set(perf["비교"])
    assert any("가장 큰 격차" in m.value for m in at.markdown)
