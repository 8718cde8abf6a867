"""기업: 임금·충원 벤치마크 — 비슷한 공고의 제시임금, 충원율, 충원 소요일과 내 제시임금의 위치."""

import streamlit as st

import app_cache as cache
from analytics import market, postings, regions
from components import auth_ui, charts, tables
from components.filters_ui import market_filter_sidebar
from components.format import days, manwon, manwon_range, pct
from components.kpi import Kpi, kpi_rows
from components.text import plain
from data_catalog.reference import minimum_monthly_pay, minimum_wage, wage_year

st.title("임금·충원 벤치마크")
st.caption("채용하려는 직업과 지역을 고르면 비슷한 공고의 제시임금 분포와 임금 수준별 충원율을 보여 드립니다.")
con, ref, period = cache.page_context()
me = auth_ui.identity()
if me.role == "employer":  # an employer's organisation is their firm; a counsellor's is a centre, not a firm
    own = postings.firm_postings(con, me.org)
    with st.expander(f"우리 사업체의 공고 {len(own):,}건 (다른 사업체의 공고는 보이지 않습니다)"):
        if own.empty:
            st.info("등록된 공고가 없습니다.")
        else:
            st.caption(plain(own["firm_name"].iloc[0]))
            st.dataframe(tables.postings_table(own), hide_index=True, width="stretch")
f = market_filter_sidebar(period, ref["occ"], ref["groups"], ref["sections"], key="em")
sido_names = regions.region_names(ref, "sido")
c1, c2, c3 = st.columns(3)
opts = ["전국"] + list(sido_names)
sido = c1.selectbox("근무지 시도", opts, format_func=lambda c: sido_names.get(c, c), key="em_sido")
offer = c2.number_input(
    "제시하려는 월급(만원)",
    min_value=0,
    max_value=5000,
    value=0,
    step=10,
    key="em_offer",
    help="시급은 월로 환산해 입력하세요: 주 15시간 이상이면 시급 × 209시간 × 주 시간/40(주휴수당 포함), "
    "15시간 미만이면 시급 × 주 시간 × 4.345. 연봉은 ÷ 12.",
)
hours = c3.number_input(
    "주 소정근로시간",
    min_value=1,
    max_value=40,
    value=40,
    step=1,
    key="em_hours",
    help="법정 소정근로시간은 주 40시간까지입니다. 연장근로(5인 이상 사업장은 50% 가산)는 넣지 마세요.",
)
level, region = (None, None) if sido == "전국" else ("sido", sido)

b = postings.wage_benchmark(con, f, level=level, region=region, offer=offer * 10_000 if offer else None)
if not b["n"] or b["n"] < market.MIN_CELL:
    st.warning("비교할 공고가 5건 미만이라 결과를 보여 드리지 않습니다. 필터를 넓혀 주세요.")
    st.stop()
kpi_rows(
    [
        Kpi("비교 공고", f"{b['n']:,}건"),
        Kpi("제시임금 중위값", manwon(b["median"])),
        Kpi("제시임금 1~3사분위", manwon_range(b["p25"], b["p75"])),
        Kpi("충원율", pct(b["fill_rate"])),
        Kpi("충원 소요일(중위)", days(b["days_to_fill"])),
    ]
)
if offer:
    st.info(f"월 {offer:,}만원은 비교 공고 제시임금의 하위 {b['offer_percentile'] * 100:.0f}% 위치입니다.")
    year, hourly = minimum_wage(wage_year())
    floor = minimum_monthly_pay(year, hours)
    if offer * 10_000 < floor:
        holiday = "주휴수당 포함" if hours >= 15 else "주 15시간 미만이라 주휴수당 없음"
        st.error(
            f"월 {offer:,}만원은 주 {hours}시간 기준 {year}년 최저임금으로 계산한 "
            f"월 {manwon(floor, 1)}(시급 {hourly:,}원, "
            f"{holiday})보다 낮습니다. 최저임금법 위반이 될 수 있습니다."
        )

fig, note = charts.fill_by_wage(postings.fill_by_wage_quintile(con, f, level=level, region=region), market.MIN_CELL)
st.plotly_chart(fig, key="em_quint")
if note:
    st.caption(note)
st.caption(
    "같은 조건의 과거 공고에서 관찰된 비율입니다(인과 효과가 아닌 관찰값). 채용확률 모델은 후속 기능에서 제공합니다."
)
