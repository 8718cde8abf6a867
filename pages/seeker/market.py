"""구직자: 내 지역·희망 직업의 일자리 현황과 최근 공고."""

import streamlit as st

import app_cache as cache
from analytics import market, postings, regions
from components import tables
from components.filters_ui import market_filter_sidebar
from components.format import manwon, manwon_range, metric_value
from components.kpi import Kpi, kpi_rows
from components.text import plain

st.title("내 지역 일자리 현황")
st.caption("사는 곳과 희망 직업을 고르면 최근 구인 현황, 임금 수준, 최근 공고를 보여 드립니다.")
con, ref, period = cache.page_context()
months = market.months_between(*period)
occ_param = st.query_params.get("occ")
if occ_param and occ_param not in set(ref["occ"]["keco_code"]) | set(ref["groups"]["code"]):
    st.warning(f"주소의 직업 코드 '{plain(occ_param)}'을(를) 찾을 수 없어 전체 직업으로 보여 드립니다.")
    occ_param = None
f = market_filter_sidebar(
    period,
    ref["occ"],
    ref["groups"],
    ref["sections"],
    key="sk",
    defaults={"start": months[max(0, len(months) - 3)], "occ": occ_param},
    posting_filters=False,
)
sido_names = regions.region_names(ref, "sido")
sgg_names = regions.region_names(ref, "sigungu")
c1, c2, c3 = st.columns(3)
sido = c1.selectbox("시도", list(sido_names), format_func=sido_names.get, key="sk_sido")
sggs = [c for c in sgg_names if c.startswith(sido)]
sgg = c2.selectbox("시군구", sggs, format_func=sgg_names.get, key="sk_sgg")
wish = c3.number_input("희망 월급(만원, 선택)", min_value=0, max_value=5000, value=0, step=10, key="sk_wish")

for label, level, code in (("시군구", "sigungu", sgg), ("시도", "sido", sido)):
    m = cache.market_metrics(f, level)
    row = m[m["region"] == code]
    st.markdown(f"**{label}: {sgg_names.get(code) or sido_names.get(code)}**")
    if row.empty:
        st.caption("조건에 맞는 공고가 없습니다.")
        continue
    r = row.iloc[0]
    kpi_rows(
        [
            Kpi("신규 구인인원", metric_value("openings", r["openings"])),
            Kpi("구인배수", metric_value("vacancy_ratio", r["vacancy_ratio"])),
            Kpi("제시임금 중위값", metric_value("wage_median", r["wage_median"])),
        ]
    )
    st.caption(f"제시임금 범위(1~3사분위): {manwon_range(r['wage_p25'], r['wage_p75'])}")

if wish:
    b = postings.wage_benchmark(con, f, level="sido", region=sido, offer=wish * 10_000)
    if b["n"] >= market.MIN_CELL:
        st.info(
            f"희망 월급 {wish:,}만원은 같은 시도·직업 공고 제시임금의 "
            f"하위 {b['offer_percentile'] * 100:.0f}% 수준입니다. "
            f"(비교 공고 {b['n']:,}건, 중위 {manwon(b['median'])})"
        )
st.subheader("최근 공고")
found = postings.search(con, f, level="sigungu", region=sgg, limit=100)
if found.empty:
    found = postings.search(con, f, level="sido", region=sido, limit=100)
    st.caption(
        "시군구에 공고가 없어 시도 전체 공고를 보여 드립니다."
        if len(found)
        else "시도에도 조건에 맞는 공고가 없습니다."
    )
st.dataframe(tables.postings_table(found), hide_index=True, width="stretch")
