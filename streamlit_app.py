"""Router only: page config, session defaults and role-grouped navigation."""

import streamlit as st

st.set_page_config(page_title="고용AI · Goyong AI", page_icon=":material/work:", layout="wide")
st.session_state.setdefault("role", "정책·분석")

PAGES = {
    "정책·분석": [
        st.Page("pages/policy_home.py", title="정책 홈 (전국 현황)", icon=":material/insights:", default=True),
        st.Page("pages/policy_jobs_map.py", title="대한민국 일자리 맵", icon=":material/map:", url_path="jobs_map"),
        st.Page("pages/model_card.py", title="모델 카드: 취업확률", icon=":material/fact_check:", url_path="model_card"),
    ],
    "구직자": [
        st.Page("pages/seeker_interest_test.py", title="직업흥미검사", icon=":material/psychology:", url_path="interest"),
        st.Page("pages/seeker_outlook.py", title="나의 취업 전망", icon=":material/trending_up:", url_path="outlook"),
        st.Page("pages/seeker_market.py", title="내 지역 일자리 현황", icon=":material/person_search:", url_path="jobs"),
        st.Page("pages/seeker_training.py", title="직업훈련 과정 찾기", icon=":material/school:", url_path="training"),
    ],
    "기업": [
        st.Page("pages/employer_benchmark.py", title="임금·충원 벤치마크", icon=":material/business_center:"),
    ],
    "상담사": [
        st.Page("pages/counselor_caseload.py", title="사례 관리(취업확률)", icon=":material/groups:", url_path="caseload"),
        st.Page("pages/counselor_postings.py", title="구인공고 검색", icon=":material/support_agent:"),
    ],
    "데이터": [
        st.Page("pages/data_catalog.py", title="데이터 카탈로그", icon=":material/dataset:", url_path="catalog"),
        st.Page("pages/data_import.py", title="데이터 가져오기", icon=":material/upload_file:", url_path="import"),
    ],
}

pg = st.navigation(PAGES)
pg.run()
