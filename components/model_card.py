"""One renderer for every model card, drawn from the metadata the model was saved with (models/common/card.py)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.employ_ui import calibration_plot
from models.common import card
from models.common.shap_text import josa


def render(meta: dict, tables: dict[str, pd.DataFrame], region_names: dict[str, str]) -> None:
    c = meta["card"]
    st.caption(
        f"버전 {meta['version']} · 생성 {meta['created_at'].replace('T', ' ')} · 코드 버전 {meta['code_version']} · "
        f"학습 자료 해시 {meta['training_data_hash']} · 출처 {meta['training_source']}"
    )
    st.markdown(
        f"**용도**: {c['purpose_ko']}  \n**모델**: {c['method_ko']}  \n"
        f"**민감 속성**: {josa(', '.join(card.sensitive_ko(meta)), '은/는')} 특징으로 쓰지 않고 공정성 감사에만 씁니다."
    )
    st.markdown(f"**시간 기준 분할** ({c['split_by_ko']})")
    st.text(card.split_text(meta))
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
