"""One renderer for every model card, drawn from the metadata the model was saved with (models/common/card.py)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import _layout
from components.text import plain
from models.common import card
from models.common.shap_text import josa


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
        f"**용도**: {c['purpose_ko']}  \n**모델**: {c['method_ko']}  \n"
        f"**민감 속성**: {josa(', '.join(card.sensitive_ko(meta)), '은/는')} 특징으로 쓰지 않고 공정성 감사에만 씁니다."
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
