"""Model-card shaping from saved metadata: Korean names, no Markdown tildes, per-dimension fairness tables."""

from __future__ import annotations

from models.common import card, registry


def test_card_texts_and_tables_from_the_saved_metadata(small_data_dir):
    _model, meta, tables = registry.load(registry.latest("employability", small_data_dir))
    assert card.sensitive_ko(meta) == ["성별", "장애 여부", "국적"]  # Korean, from the data spec
    split = card.split_text(meta)
    assert split.startswith("학습 ") and " · 보정 " in split and " · 시험 " in split and "~" not in split
    m = card.metrics_table(meta)
    assert m["비교"].tolist()[:2] == ["이 모델", "기준선: 로지스틱 회귀"] and "표본(명)" in m
    assert "목표 ≤ 0.02" in card.target_text(meta)
    assert set(card.features_table(meta)["구분"]) == {"바꿀 수 있음", "고정"}
    sections = card.fairness_sections(tables["fairness"], meta, {"11": "서울특별시"})
    assert [t.split(" — ")[0] for t, _ in sections] == ["성별", "연령대", "시도", "장애"]
    sido = dict(sections)[next(t for t, _ in sections if t.startswith("시도"))]
    assert "서울특별시" in set(sido["집단"]) and "실제 취업 비율(%)" in sido
    assert "상담 대상 표시 기준" in card.flag_text(meta)


def test_a_model_without_a_ceiling_has_no_target_sentence():
    meta = {"card": {"ceiling": None}, "metrics": {"model": {"roc_auc": 0.7, "ece": 0.01}}}
    assert card.target_text(meta) is None
