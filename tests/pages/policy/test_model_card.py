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


def test_the_hiring_card_says_why_its_ceiling_is_an_oracle_and_audits_firms(app_env):
    at = open_page("model_card", query={"model": "hiring"})
    assert not at.exception and not at.error
    assert {"이 모델", "상한: 실제 지원자 풀을 아는 참확률"} <= set(at.dataframe[0].value["비교"])
    assert any("게시일에는 알 수 없는" in c.value for c in at.caption)
    assert any("민감 속성이 없습니다" in m.value for m in at.markdown)
    assert any("사업체 규모" in m.value for m in at.markdown)


def test_the_checker_card_shows_rules_and_the_ml_score(app_env):
    at = open_page("model_card", query={"model": "posting_anomaly"})
    assert not at.exception and not at.error
    subheads = [s.value for s in at.subheader]
    assert any("손으로 쓴" in s for s in subheads) and any("ML 이상 점수" in s for s in subheads)
    rules = at.dataframe[0].value
    assert len(rules) == 8 and rules["재현율"].between(0, 1).all()


def test_the_matching_card_compares_the_ranker_with_its_baselines(app_env):
    at = open_page("model_card", query={"model": "matching"})
    assert not at.exception and not at.error
    methods = set(at.dataframe[0].value["방법"])
    assert {"무작위", "인기순(지원자 수)", "임베딩 유사도만", "재순위 모델", "재순위 + 쏠림 완화"} <= methods
    assert any("목표 ≥ 1.3배" in c.value for c in at.caption)
    assert "recall" not in " ".join(at.dataframe[1].value.columns)  # Korean headers
