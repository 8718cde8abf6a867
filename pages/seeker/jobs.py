"""구직자: 추천 일자리 — 나에게 맞는 진행 중 공고를 이유와 함께, 저장·지원까지."""

import streamlit as st

import app_cache as cache
from analytics import regions
from components import ats_docs_ui, ats_ui, auth_ui, matching_ui
from components.format import ymd
from components.text import plain
from data_catalog.errors import UserError
from data_catalog.spec import ATS_STAGES
from models.matching import service as svc
from store.applications import ApplyRefused

st.title("추천 일자리")
st.caption(
    "구직 등록 정보(이력서·기술·희망 조건)와 비슷한 진행 중 공고를 찾고, 지원과 채용 기록으로 학습한 모델이 다시 "
    "순위를 매깁니다. 추천마다 그 이유와 확인할 수 있는 사실(일치 기술, 임금, 통근 거리)을 함께 보여 드립니다."
)
con, ref, _period = cache.page_context()
m = cache.matcher_or_stop()
me = auth_ui.identity()
sid = int(me.org)  # the signed-in seeker's own record, never an id from the address or a widget
if st.query_params.get("seeker") not in (None, str(sid)):
    st.warning("다른 사람의 기록은 볼 수 없어 내 기록을 보여 드립니다.")
auth_ui.record_view(me, "seeker", sid, "jobs")
store = cache.application_store()
names = regions.region_names(ref, "sigungu")
major_names = {"": "전체 직종", **regions.major_names(ref)}

with st.form("jobs_filters"):
    c1, c2, c3, c4 = st.columns(4)
    radius = c1.number_input("통근 반경(km, 0: 희망 지역 범위 기본값)", 0, 500, 0, step=5, key="j_radius")
    major = c2.selectbox("직종 대분류", list(major_names), format_func=major_names.get, key="j_major")
    floor = c3.number_input("최저 월급(만원, 0: 제한 없음)", 0, 2000, 0, step=10, key="j_floor")
    k = c4.number_input("추천 개수", 1, svc.MAX_K, 10, key="j_k")
    crowd = st.checkbox("지원자가 몰린 공고는 덜 추천하기(분산 추천)", key="j_crowd")
    st.form_submit_button("추천 다시 받기")
try:
    jobs = svc.jobs_for(
        m,
        sid,
        radius_km=radius or None,
        occ_major=major or None,
        wage_floor=floor * 10_000 or None,
        k=int(k),
        crowding=crowd,
    )
except UserError as exc:
    st.error(exc.ko)
    st.stop()
st.caption(f"기준일 {ymd(m.today)} · 진행 중 공고에서 찾았습니다.")
if jobs.empty:
    st.info("조건에 맞는 진행 중 공고가 없습니다. 통근 반경을 넓히거나 직종·임금 조건을 바꿔 보세요.")
saved = set(store.saved(sid))
mine = store.for_seeker(sid)
applied = {int(a["posting_id"]) for a in mine if a["status"] == "applied"}
for _, row in jobs.iterrows():
    pid = int(row["p_posting_id"])
    with st.container(border=True):
        matching_ui.job_card(row, names.get(str(row["p_sigungu_code"]), str(row["p_sigungu_code"])))
        b1, b2, _ = st.columns([1, 1, 4])
        if b1.button("저장 취소" if pid in saved else "저장", key=f"save_{pid}"):
            now = store.toggle_saved(sid, pid)
            st.toast("관심 공고에 저장했습니다." if now else "저장을 취소했습니다.")
            st.rerun()
        if pid in applied:
            b2.button("지원 완료", key=f"apply_{pid}", disabled=True)
        elif b2.button("지원하기", key=f"apply_{pid}", type="primary"):
            try:
                store.apply(sid, pid, int(row["p_firm_id"]), "recommended", int(row["fit_score"]))
                st.toast("지원했습니다. 기업의 지원자 목록에 바로 보입니다.")
                st.rerun()
            except ApplyRefused as exc:
                st.warning(plain(exc))
if mine:
    st.subheader("내 지원 내역")
    track = cache.tracking()
    stage = track.stages_for_seeker(sid)  # the employer's pipeline stage, once the employer tracks it
    st.dataframe(
        [
            {
                "공고 번호": a["posting_id"],
                "지원일": ymd(a["applied_at"]),
                "진행 단계": stage.get(a["application_id"], ATS_STAGES.ko(a["status"])),  # 접수 until tracked
                "적합도": a["fit_score"],
            }
            for a in mine
        ],
        hide_index=True,
    )
    ats_ui.seeker_interviews(cache.interviews().upcoming_for_seeker(sid))
    ats_ui.seeker_messages(cache.notices().for_seeker(sid))
    ats_ui.seeker_email(cache.notices(), sid)
    st.subheader("채용서류")
    by_app = {a["application_id"]: a for a in mine}
    doc_app = st.selectbox(
        "공고", list(by_app), format_func=lambda a: f"공고 {by_app[a]['posting_id']}", key="jobs_docs"
    )
    ats_docs_ui.seeker_documents(sid, by_app[doc_app], cache.documents())
    live = {a["application_id"]: a["posting_id"] for a in mine if a["status"] == "applied"}
    if live:
        w1, w2 = st.columns([3, 1])
        pick = w1.selectbox(
            "지원 취소할 공고", list(live), format_func=lambda a: f"공고 {live[a]}", key="jobs_withdraw"
        )
        if w2.button("지원 취소", key="jobs_withdraw_go"):
            track.withdraw(sid, pick)
            st.toast("지원을 취소했습니다. 기업의 지원자 목록에도 '지원 취소'로 표시됩니다.")
            st.rerun()
