"""상담사: 상담 지식 Q&A — 노동·고용 법령에서 근거 조문을 찾아 인용하고, 필요한 수치는 계산해 답합니다."""

import pandas as pd
import streamlit as st

import app_cache as cache
import config
from components import auth_ui, qa_ui
from components.text import plain
from data_catalog.errors import UserError
from data_catalog.spec import QA_HELPFUL, QA_STATUSES

st.title("상담 지식 Q&A")
st.caption(
    "구직자·사업주가 묻는 노동법·고용보험·채용 절차 질문을 평소 말로 입력하면, 근거 조문(법령·조문 번호·시행일자·"
    "조문 내용)을 인용해 답합니다. 최저임금·주휴수당·근로시간 한도는 고시액과 조문으로 계산합니다. 근거가 약하면 "
    "답하지 않고 그렇다고 알려 드립니다."
)
me = auth_ui.identity()
qa = cache.assistant_or_stop()
store = cache.qa_store()

with st.form("kq_form"):
    question = st.text_area(
        "질문",
        key="kq_question",
        placeholder="예: 수습 기간에는 최저임금보다 적게 줘도 되나요? / 면접에서 결혼했냐고 물으면 불법인가요?",
        height=90,
    )
    c1, c2 = st.columns([3, 1])
    laws = c1.multiselect(
        "법령·자료로 좁히기 (비우면 전체)", qa.laws, key="kq_laws", placeholder="법령이나 자료를 고르세요"
    )
    backend = "extractive"
    if config.llm_settings():
        backend = c2.radio(
            "답변 방식",
            ["extractive", "llm"],
            key="kq_backend",
            format_func={"extractive": "조문 인용", "llm": "LLM(인용 검증)"}.get,
        )
    asked = st.form_submit_button("답변 찾기", type="primary")

if asked:
    try:
        with st.spinner("근거 조문을 찾는 중입니다…"):
            ans = qa.ask(question, laws or None, "counsellor", backend)
    except UserError as exc:
        st.error(exc.ko)
        st.session_state.pop("kq_last", None)  # an answer to an earlier question would read as this one's
    else:
        qid = store.record("counsellor", me.actor, me.role, ans)
        st.session_state["kq_last"] = (qid, ans)

last = st.session_state.get("kq_last")
if last:
    qid, ans = last
    st.subheader("답변")
    st.markdown(f"**질문:** {plain(ans.question)}")
    qa_ui.answer(ans)
    st.markdown("**도움이 됐나요?**")
    rating = st.feedback("thumbs", key=f"kq_fb_{qid}")
    if rating is not None and st.session_state.get("kq_rated") != (qid, rating):
        try:
            store.feedback(qid, me.actor, helpful=bool(rating))
        except UserError as exc:
            st.error(exc.ko)
        else:
            st.session_state["kq_rated"] = (qid, rating)
            st.toast("의견을 저장했습니다. 답변 개선에 참고하겠습니다.")

with st.expander("내가 최근에 한 질문"):
    mine = store.mine(me.actor, limit=20)
    if not mine:
        st.caption("아직 질문한 기록이 없습니다.")
    else:
        rows = pd.DataFrame(
            {
                "질문 시각": [f"{r['asked_at']:%Y-%m-%d %H:%M}" for r in mine],
                "질문": [r["question"] for r in mine],
                "상태": [QA_STATUSES.ko(r["status"]) for r in mine],
                "도움 여부": [QA_HELPFUL.ko(r["helpful"], "-") for r in mine],
            }
        )
        st.dataframe(rows, hide_index=True, width="stretch")
