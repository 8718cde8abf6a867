"""기업: 인재 추천 — 우리 회사 공고에 맞는 구직자를 적합도와 이유, 이력 요약과 함께(개인정보는 가림)."""

import pandas as pd
import streamlit as st

import app_cache as cache
import config
from analytics import regions
from components import auth_ui, matching_ui
from components.format import ymd
from data_catalog.errors import UserError
from models.matching import service as svc

st.title("인재 추천")
st.caption(
    "우리 회사의 진행 중 공고에 맞는 구직 중인 분을 찾아 적합도 순으로 보여 드립니다. 구직자 추천과 같은 모델이며, "
    "이름·연락처·성별·나이 같은 개인정보는 보이지 않고 공고마다 다른 후보 코드로 표시합니다."
)
con, ref, _period = cache.page_context()
m = cache.matcher_or_stop()
me = auth_ui.identity()
firm_id = int(me.org)  # the signed-in employer's own firm, never an id from the address or a widget
post = m.ctx.postings
own = post[(post["firm_id"] == firm_id)]
own = own.assign(is_open=(own["closing_date"] >= m.today) & (own["posted_date"] <= m.today))
own = own.sort_values(["is_open", "posted_date"], ascending=[False, False])
if own.empty:
    st.info("우리 회사 공고가 없습니다. '공고 작성 도우미'에서 공고를 작성해 보세요.")
    st.stop()
labels = {
    int(r.posting_id): f"{r.title} · 게시 {ymd(r.posted_date)}" + ("" if r.is_open else " (마감)")
    for r in own.itertuples()
}
summary_backend = "extractive"
if config.llm_settings():
    summary_backend = st.radio(
        "이력 요약",
        ["extractive", "llm"],
        horizontal=True,
        key="t_summary",
        format_func={"extractive": "발췌(기본)", "llm": "LLM 요약"}.get,
    )
c1, c2, c3 = st.columns([3, 1, 1])
pid = c1.selectbox("공고", list(labels), format_func=labels.get, key="t_posting")
radius = c2.number_input("거리 제한(km, 0: 구직자 희망 범위)", 0, 500, 0, step=5, key="t_radius")
k = c3.number_input("추천 인원", 1, svc.MAX_K, 10, key="t_k")
try:
    cands = svc.candidates_for(m, pid, firm_id, radius_km=radius or None, k=int(k))
except UserError as exc:
    st.error(exc.ko)
    st.stop()
names = regions.region_names(ref, "sigungu")
store = cache.application_store()
tab_rec, tab_apps = st.tabs(["추천 후보", "이 공고의 지원자"])
with tab_rec:
    if cands.empty:
        st.info("조건에 맞는 구직 중인 분이 없습니다. 거리 제한을 넓혀 보세요.")
    for _, row in cands.iterrows():
        auth_ui.record_view(me, "seeker", int(row["s_seeker_id"]), "talent", reason=f"posting {pid}")
        with st.container(border=True):
            summary, note = svc.summary_for(row["s_resume_text"], row["s_skills"], summary_backend)
            if note:
                st.caption(note)
            matching_ui.candidate_card(row, names.get(str(row["s_sigungu_code"]), "-"), summary)
with tab_apps:
    apps = store.for_firm(firm_id, pid)
    if not apps:
        st.info("앱에서 이 공고에 지원한 분이 아직 없습니다.")
    else:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "후보 코드": svc.masked_code(pid, int(a["seeker_id"])),
                        "지원일": ymd(a["applied_at"]),
                        "지원 당시 적합도": a["fit_score"],
                        "경로": {"recommended": "추천"}.get(a["source"], a["source"]),
                    }
                    for a in apps
                ]
            ),
            hide_index=True,
        )
