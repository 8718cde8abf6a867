"""상담사: 구직자 상담용 구인공고 검색 (지역·직업·조건) 및 CSV 내보내기."""

import streamlit as st

import app_cache as cache
from analytics import market, postings, regions
from components import tables
from components.export import download_csv
from components.filters_ui import market_filter_sidebar
from data_catalog.spec import POSTING_STATUS

st.title("구인공고 검색")
st.caption("상담 중인 구직자의 희망 조건에 맞는 공고를 찾아 목록으로 내려받습니다.")
con, ref, period = cache.page_context()
months = market.months_between(*period)
f = market_filter_sidebar(
    period, ref["occ"], ref["groups"], ref["sections"], key="co", defaults={"start": months[max(0, len(months) - 2)]}
)
sido_names = regions.region_names(ref, "sido")
sgg_names = regions.region_names(ref, "sigungu")
c1, c2, c3, c4 = st.columns(4)
sido = c1.selectbox("시도", ["전국"] + list(sido_names), format_func=lambda c: sido_names.get(c, c), key="co_sido")
sggs = ["전체"] + [c for c in sgg_names if sido != "전국" and c.startswith(sido)]
sgg = c2.selectbox("시군구", sggs, format_func=lambda c: sgg_names.get(c, c), key="co_sgg")
status = c3.multiselect(
    "상태", list(POSTING_STATUS), format_func=POSTING_STATUS.ko, key="co_status", placeholder="전체"
)
min_wage = c4.number_input("최소 월 환산 임금(만원)", min_value=0, max_value=5000, value=0, step=10, key="co_wage")

level, region = (None, None)
if sgg != "전체":
    level, region = "sigungu", sgg
elif sido != "전국":
    level, region = "sido", sido
found = postings.search(
    con,
    f,
    level=level,
    region=region,
    status=tuple(status),
    min_wage=min_wage * 10_000 if min_wage else None,
    limit=500,
)
st.markdown(f"**{len(found):,}건** (최신순, 최대 500건)")
shown = tables.postings_table(found)
st.dataframe(shown, hide_index=True, width="stretch")
download_csv("목록 CSV 내려받기", shown, "postings.csv", disabled=found.empty)
