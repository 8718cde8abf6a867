"""정책 홈: national KPIs of the latest 12 months and the 24-month trends."""

import streamlit as st

import app_cache as cache
from analytics import market, regions
from analytics.filters import MarketFilter
from components import charts, nav
from components.format import metric_value, period
from components.kpi import Kpi, kpi_rows

st.title("고용AI 정책 홈 — 전국 노동시장 현황")
con, ref, _period = cache.page_context()

lo, hi = market.data_period(con)
months = market.months_between(lo, hi)
last12 = MarketFilter(months[max(0, len(months) - 12)], hi)
prev12 = MarketFilter(months[-24], months[-13]) if len(months) >= 24 else None
st.caption(f"자료 기간 {period(lo, hi)} · 최근 12개월 {period(months[-12], hi)} (합성 데이터, 전년 동기 대비)")

cur = cache.market_metrics(last12, None).iloc[0]
prev = cache.market_metrics(prev12, None).iloc[0] if prev12 else None
kpis = [
    (m, market.METRIC_LABELS[m][0])
    for m in ("openings", "new_seekers", "vacancy_ratio", "wage_median", "fill_rate", "days_to_fill")
]
kpi_rows(
    [
        Kpi(
            label,
            metric_value(m, cur[m]),
            market.delta_text(m, cur[m], prev[m] if prev is not None else None),
            "off" if m == "days_to_fill" else "normal",
        )
        for m, label in kpis
    ]
)

full = MarketFilter(lo, hi)
trend = cache.monthly_trend(full)
st.plotly_chart(charts.trend(trend, "월별 신규 구인인원·신규 구직자·구인배수 (24개월)"), key="home_trend")
c1, c2 = st.columns(2)
with c1:
    st.plotly_chart(charts.wage_trend(trend, "월별 제시임금 중위값 (월 환산)"), key="home_wage")
with c2:
    st.plotly_chart(
        charts.top_occupations(cache.top_occupations(last12, n=12), "최근 12개월 구인인원 상위 직업"), key="home_top"
    )

sido = cache.market_metrics(last12, "sido")
names = regions.region_names(ref, "sido")
st.subheader("시도별 요약 (최근 12개월)")
st.dataframe(market.sido_summary(sido, names), hide_index=True, width="stretch")
st.page_link(nav.path("jobs_map"), label="대한민국 일자리 맵에서 지역별로 보기", icon=":material/map:")
