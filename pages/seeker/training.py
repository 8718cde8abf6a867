"""구직자: 직업훈련 과정 찾기 — 희망 직업·지역의 훈련 과정과 수강·수료 현황."""

import streamlit as st

import app_cache as cache
from analytics import regions, training
from components.filters_ui import occupation_picker
from components.format import won, ymd
from components.text import plain
from data_catalog.spec import COURSE_LEVELS

st.title("직업훈련 과정 찾기")
st.caption("희망 직업과 지역을 고르면 관련 훈련 과정을 보여 드립니다(합성 데이터).")
con, ref, _period = cache.page_context()
occ_param = st.query_params.get("occ")
valid_occ = set(ref["occ"]["keco_code"]) | set(ref["groups"]["code"])
if occ_param and occ_param not in valid_occ:
    st.warning(f"주소의 직업 코드 '{plain(occ_param)}'을(를) 찾을 수 없어 전체 직업으로 보여 드립니다.")
    occ_param = None
with st.sidebar:
    _lvl, occ_code = occupation_picker(ref["occ"], ref["groups"], "tr", {"occ": occ_param} if occ_param else None)
sido_names = regions.region_names(ref, "sido")
c1, c2 = st.columns(2)
sido = c1.selectbox(
    "훈련 지역(시도)", ["전국"] + list(sido_names), format_func=lambda c: sido_names.get(c, c), key="tr_sido"
)
level = c2.selectbox(
    "수준", ["전체", *COURSE_LEVELS], format_func=lambda v: COURSE_LEVELS.ko(v, "전체"), key="tr_level"
)
found = training.search_courses(
    con, keco_prefix=occ_code, sido=None if sido == "전국" else sido, level=None if level == "전체" else level
)
st.markdown(f"**{len(found):,}개 과정** (개강일 최신순, 최대 200개)")
if found.empty:
    st.info("조건에 맞는 과정이 없습니다. 지역을 '전국'으로 넓히거나 직업 분류를 상위로 바꿔 보세요.")
else:
    st.dataframe(
        {
            "과정명": found["title"],
            "대상 직업": found["occupation_ko"],
            "지역": found["region_ko"],
            "총 시간": found["hours"],
            "훈련비": found["cost_krw"].map(won),
            "개강일": found["start_date"].map(ymd),
            "수강생(명)": found["enrolled"],
            "수료율(%)": (found["completion_rate"] * 100).round(0),
            "다루는 기술": found["skills"].str.replace(";", ", "),
        },
        hide_index=True,
        width="stretch",
    )
