"""One renderer for every model card, drawn from the metadata the model was saved with (models/common/card.py)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import _layout
from components.text import plain
from data_catalog.spec import PHRASING_SPLITS, VIOLATION_LOCATIONS
from models.common import card


def calibration_plot(cal: pd.DataFrame, positive_ko: str, unit_ko: str) -> go.Figure:
    """Mean prediction against the observed rate per probability bin; `positive_ko` names the outcome."""
    fig = go.Figure()
    fig.add_scatter(x=[0, 1], y=[0, 1], mode="lines", line=dict(dash="dash", color="#999"), name="완벽한 보정")
    fig.add_scatter(
        x=cal["mean_pred"],
        y=cal["observed"],
        mode="lines+markers",
        name="모델",
        customdata=cal["n"],
        hovertemplate=f"예측 %{{x:.2f}} · 실제 %{{y:.2f}} · %{{customdata}}{unit_ko}<extra></extra>",
    )
    fig.update_xaxes(title_text="예측 확률", range=[0, 1])
    fig.update_yaxes(title_text=f"실제 {positive_ko} 비율", range=[0, 1])
    return _layout(fig, "보정 곡선 (시험 구간)")


def render(meta: dict, tables: dict[str, pd.DataFrame], region_names: dict[str, str]) -> None:
    c = meta["card"]
    st.caption(
        f"버전 {meta['version']} · 생성 {meta['created_at'].replace('T', ' ')} · 코드 버전 {meta['code_version']} · "
        f"학습 자료 해시 {meta['training_data_hash']} · 출처 {plain(card.source_text(meta))}"
    )
    st.markdown(
        f"**용도**: {c['purpose_ko']}  \n**모델**: {c['method_ko']}  \n**민감 속성**: {card.sensitive_text(meta)}"
    )
    st.markdown(card.split_heading(meta))
    st.text(card.split_text(meta))
    note = card.split_note(meta)
    if note:
        st.caption(note)
    st.subheader("시험 구간 성능")
    st.dataframe(card.metrics_table(meta), hide_index=True)
    note = card.target_text(meta)
    if note:
        st.caption(note)
    c1, c2 = st.columns(2)
    with c1:
        st.plotly_chart(calibration_plot(tables["calibration"], c["positive_ko"], c["unit_ko"]), key="mc_cal")
    with c2:
        st.markdown(f"**특징** ({c['split_by_ko']} 시점 정보만)")
        st.dataframe(card.features_table(meta), hide_index=True, height=320)
    st.subheader("공정성 감사 (시험 구간)")
    st.caption(card.flag_text(meta))
    for title, table in card.fairness_sections(tables["fairness"], meta, region_names):
        st.markdown(f"**{title}**")
        st.dataframe(table, hide_index=True, width="stretch")


FAMILY_SPLIT_KO = {**PHRASING_SPLITS.labels, "fields": VIOLATION_LOCATIONS.ko("fields"), "-": "-"}
"""The world evaluation's split column: a phrasing split, or a violation written in the structured fields."""


def render_checker(meta: dict, tables: dict[str, pd.DataFrame]) -> None:
    """The posting checker's card: its rules on the hand-written set and by phrasing split, and the ML score."""
    from data_catalog.spec import VIOLATION_FAMILIES, VIOLATION_KINDS  # noqa: PLC0415
    from models.posting_check.rules import RULE_NAMES_KO  # noqa: PLC0415

    m = meta["metrics"]
    st.caption(
        f"버전 {meta['version']} · 생성 {meta['created_at'].replace('T', ' ')} · 코드 버전 {meta['code_version']}"
    )
    st.markdown(
        "**용도**: 게시되는 모든 공고를 자동 점검해 위반 의심 공고만 심사자에게 보냅니다. 표시는 결정이 아니라 사람이 "
        "볼 이유입니다.  \n**방법**: 조문을 인용하는 규칙 8개(최저임금·근로시간·연령·성별·금지된 정보 요구·사기성 "
        "구인·항목 불일치·누락)와, 규칙이 놓친 공고를 위한 ML 이상 점수(글자 2~3그램 TF-IDF + 로지스틱 회귀)."
    )
    for key, title, note in (
        (
            "handwritten_b",
            "손으로 쓴 평가 공고 B (블라인드 시험)",
            "B는 점검기와 A를 보지 않은 사람이 나중에 썼고, 점검기는 B로 조정하지 않았습니다.",
        ),
        (
            "handwritten",
            "손으로 쓴 평가 공고 A (개발용)",
            "A의 첫 측정(블라인드)은 정밀도 0.827·재현율 0.855였고, 그 뒤 "
            "A의 오류로 규칙을 고쳤으므로 A의 현재 값은 시험 성적이 아닙니다.",
        ),
    ):
        hw = m.get(key)
        if hw and f"{key}_rules" in tables:
            st.subheader(title)
            st.caption(
                f"공고 {int(hw['postings']):,}건 · 전체 정밀도 {hw['precision']:.3f} (목표 ≥ 0.90) · 재현율 "
                f"{hw['recall']:.3f} (목표 ≥ 0.95). {note}"
            )
            t = tables[f"{key}_rules"]
            st.dataframe(
                pd.DataFrame(
                    {
                        "규칙": t["rule"].map(RULE_NAMES_KO),
                        "정답 적중": t["tp"],
                        "오탐": t["fp"],
                        "놓침": t["fn"],
                        "정밀도": t["precision"].round(3),
                        "재현율": t["recall"].round(3),
                    }
                ),
                hide_index=True,
            )
    if "world_eval" in tables:
        st.subheader("합성 세계의 위반 표현: 학습용 vs 평가 전용")
        w = tables["world_eval"]
        st.dataframe(
            pd.DataFrame(
                {
                    "유형": w["family"].map(lambda f: VIOLATION_FAMILIES.labels.get(f, f)),
                    "표현": w["split"].map(FAMILY_SPLIT_KO),
                    "구분": w["kind"].map(lambda k: VIOLATION_KINDS.labels.get(k, "위반 없는 공고")),
                    "공고": w["n"],
                    "표시": w["hits"],
                    "비율(%)": (w["rate"] * 100).round(1),
                }
            ),
            hide_index=True,
            width="stretch",
        )
        st.caption("위반은 표시 비율이 재현율, '위반처럼 보이나 적법'과 '위반 없는 공고'는 표시 비율이 오탐률입니다.")
    st.subheader("ML 이상 점수 (평가 전용 표현과 처음 보는 깨끗한 공고)")
    st.dataframe(
        pd.DataFrame(
            {
                "지표": [
                    "AUC",
                    "점수 재현율",
                    "점수 오탐률",
                    "규칙 재현율",
                    "규칙 오탐률",
                    "규칙+점수 재현율",
                    "규칙+점수 오탐률",
                    "규칙이 놓친 위반 중 점수가 잡은 비율",
                ],
                "값": [
                    round(m[k], 3)
                    for k in (
                        "auc_heldout",
                        "anomaly_recall",
                        "anomaly_false_alarms",
                        "rules_recall",
                        "rules_false_alarms",
                        "combined_recall",
                        "combined_false_alarms",
                        "caught_of_rules_missed",
                    )
                ],
            }
        ),
        hide_index=True,
    )
    st.caption(
        f"시험 공고 {m['test_postings']:,}건(위반 {m['test_violating']:,}건). 기준 점수 {m['threshold']:.2f}: "
        "학습용 깨끗한 공고 가운데 2%가 넘는 점수. 점수 표시는 규칙이 아무것도 찾지 못한 공고에만 붙습니다."
    )
