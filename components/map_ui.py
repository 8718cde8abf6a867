"""The jobs map's drill-down for one region: four tabs of charts (trend, occupations, wages, against the nation)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import charts


def drilldown(
    name: str, trend: pd.DataFrame, nation_trend: pd.DataFrame, top: pd.DataFrame, dist: pd.DataFrame, vs: pd.DataFrame
) -> None:
    t1, t2, t3, t4 = st.tabs(["월별 추이", "주요 직업", "임금 분포", "전국 대비"])
    with t1:
        if trend.empty:
            st.info("이 지역에는 선택한 조건의 공고가 없습니다. 필터를 넓혀 보세요.")
        st.plotly_chart(charts.trend(trend, f"{name} 월별 구인·구직 추이"), key="ch_trend")
        st.plotly_chart(charts.wage_trend(trend, "제시임금 중위값 추이", nation_trend), key="ch_wage_trend")
    with t2:
        st.plotly_chart(charts.top_occupations(top, f"{name} 구인인원 상위 직업"), key="ch_top")
    with t3:
        st.plotly_chart(charts.wage_distribution(dist, "월 환산 제시임금 분포", name), key="ch_dist")
    with t4:
        st.plotly_chart(charts.region_vs_nation(vs, f"{name}의 전국 대비 수준"), key="ch_vs")
