"""민원상담 챗봇 — 언제든 묻고, 근거 조문과 함께 답을 받고, 확실하지 않으면 상담원에게 넘깁니다 (고용24 챗봇 모델)."""

import streamlit as st

import app_cache as cache
from components import auth_ui, qa_ui
from components.text import plain
from data_catalog.errors import UserError
from store.qa import MAX_CONTACT

st.title("AI 민원상담 챗봇")
st.info(qa_ui.NOTICE)
me = auth_ui.identity()
qa = cache.assistant_or_stop()
store = cache.qa_store()
chat: list[dict] = st.session_state.setdefault("chat_log", [])

if not chat:
    with st.chat_message("assistant"):
        st.markdown(
            "안녕하세요. 최저임금, 주휴수당, 근로시간, 해고, 실업급여, 육아휴직, 채용 절차 같은 노동·고용 질문에 "
            "관련 법령 조문을 찾아 답해 드립니다. 답하기 어려운 질문은 상담원에게 연결해 드립니다."
        )


def handover(i: int, msg: dict) -> None:
    """The hand-over to a person: records the question for staff, with an optional way to reach the asker."""
    if msg.get("handed_over"):
        st.success(
            "상담원에게 전달했습니다. 담당자가 근무 시간(평일 09:00–18:00)에 확인하며, 연락 방법을 남기셨다면 "
            "그리로 연락드립니다."
        )
        return
    with st.form(f"chat_ho_{i}"):
        st.markdown("**상담원 연결**")
        contact = st.text_input(
            "연락받을 방법 (선택: 전화번호나 이메일)", key=f"chat_contact_{i}", max_chars=MAX_CONTACT
        )
        if st.form_submit_button("상담원에게 질문 넘기기", type="primary"):
            try:
                store.handover(msg["qid"], me.actor, contact)
            except UserError as exc:
                st.error(exc.ko)
            else:
                msg["handed_over"] = True
                st.rerun()


for i, msg in enumerate(chat):
    with st.chat_message(msg["role"]):
        if msg["role"] == "user":
            st.markdown(plain(msg["text"]))
            continue
        qa_ui.answer(msg["answer"], show_confidence=False, expand_single=False)
        c1, c2 = st.columns([1, 2])
        with c1:
            rating = st.feedback("thumbs", key=f"chat_fb_{msg['qid']}")
            if rating is not None and msg.get("rated") != rating:
                try:
                    store.feedback(msg["qid"], me.actor, helpful=bool(rating))
                except UserError as exc:
                    st.error(exc.ko)
                else:
                    msg["rated"] = rating
        with c2:
            if msg["answer"].abstained or msg.get("rated") == 0 or msg.get("handed_over"):
                handover(i, msg)
            else:
                st.caption("답이 부족하면 '도움 안 됨'(아래로 향한 엄지)을 누르세요. 상담원 연결 양식이 나타납니다.")

prompt = st.chat_input("궁금한 점을 입력하세요 (예: 주 20시간 알바도 주휴수당 받나요?)")
if prompt:
    try:
        ans = qa.ask(prompt, audience="public")
    except UserError as exc:
        st.error(exc.ko)
    else:
        qid = store.record("chatbot", me.actor, me.role, ans)
        chat.append({"role": "user", "text": ans.question})
        chat.append({"role": "assistant", "answer": ans, "qid": qid})
        st.rerun()

if chat and st.button("대화 지우기", key="chat_clear"):
    chat.clear()
    st.rerun()
