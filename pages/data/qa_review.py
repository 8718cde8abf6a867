"""담당자: 상담 질문 검토 — 답하지 못한 질문, 상담원 연결 요청, 도움이 안 됐다는 답변을 모아 처리합니다."""

import json

import pandas as pd
import streamlit as st

import app_cache as cache
from components import auth_ui, kpi
from components.text import plain
from data_catalog.errors import UserError
from data_catalog.spec import QA_CHANNELS, QA_HELPFUL, QA_REVIEW_KINDS, QA_STATUSES

st.title("상담 질문 검토")
st.caption(
    "챗봇과 상담 지식 Q&A가 답하지 못한 질문, 상담원 연결을 요청한 질문, '도움이 안 됐다'는 평가를 받은 답변입니다. "
    "연락을 마치거나 답변 자료를 보완했으면 처리 완료로 표시하세요."
)
me = auth_ui.identity()
store = cache.qa_store()
n = store.counts()
kpi.kpi_rows(
    [
        kpi.Kpi("전체 질문", f"{n['total']:,}건"),
        kpi.Kpi("답변 못 함", f"{n['unanswered']:,}건"),
        kpi.Kpi("상담원 연결 요청", f"{n['handover']:,}건"),
        kpi.Kpi("도움 안 됨", f"{n['unhelpful']:,}건"),
        kpi.Kpi("처리 완료", f"{n['resolved']:,}건"),
        kpi.Kpi("도움 됨", f"{n['helpful']:,}건"),
    ]
)

show_done = st.toggle("처리 완료도 보기", key="qr_done")
rows = store.for_review(include_resolved=show_done)
if not rows:
    st.success("검토할 질문이 없습니다.")
    st.stop()
kinds = st.multiselect(
    "종류", list(QA_REVIEW_KINDS), default=list(QA_REVIEW_KINDS), format_func=QA_REVIEW_KINDS.ko, key="qr_kinds"
)


def kind_of(r: dict) -> set[str]:
    out = set()
    if r["abstained"]:
        out.add("unanswered")
    if r["handover_at"] is not None:
        out.add("handover")
    if r["helpful"] is False:
        out.add("unhelpful")
    return out


rows = [r for r in rows if kind_of(r) & set(kinds)]
table = pd.DataFrame(
    {
        "질문 시각": [f"{r['asked_at']:%Y-%m-%d %H:%M}" for r in rows],
        "경로": [QA_CHANNELS.ko(r["channel"]) for r in rows],
        "질문": [r["question"] for r in rows],
        "상태": [QA_STATUSES.ko(r["status"]) for r in rows],
        "평가": [QA_HELPFUL.ko(r["helpful"], "-") for r in rows],
        "신뢰도": [f"{r['confidence']:.2f}" for r in rows],
        "인용 조문": [", ".join(json.loads(r["citations"])) or "-" for r in rows],
    }
)
st.dataframe(table, hide_index=True, width="stretch")
if not rows:
    st.stop()

st.subheader("질문 처리")
by_id = {r["question_id"]: r for r in rows}
pick = st.selectbox(
    "처리할 질문",
    list(by_id),
    index=None,
    placeholder="목록에서 질문을 고르세요",
    format_func=lambda q: f"{by_id[q]['asked_at']:%Y-%m-%d %H:%M} · {by_id[q]['question'][:40]}",
    key="qr_pick",
)
if pick is None:
    st.stop()
r = by_id[pick]
auth_ui.record_view(me, "qa_question", pick, "qa_review")  # the question and the contact are the asker's
st.markdown(f"**질문:** {plain(r['question'])}")
st.markdown(f"**시스템 답변:** {plain(r['answer'])}")
if r["comment"]:
    st.markdown(f"**이용자 의견:** {plain(r['comment'])}")
if r["contact"]:
    st.markdown(f"**연락받을 방법:** {plain(r['contact'])}")
if r["status"] == "resolved":
    st.caption(f"처리 완료 · {r['resolved_at']:%Y-%m-%d %H:%M} · {plain(r['staff_note'] or '')}")
else:
    with st.form(f"qr_resolve_{pick}", clear_on_submit=True):
        note = st.text_area("처리 메모 (연락 결과, 보완할 자료)", key=f"qr_note_{pick}", max_chars=1000)
        if st.form_submit_button("처리 완료", type="primary"):
            try:
                store.resolve(pick, me.actor, note)
            except UserError as exc:
                st.error(exc.ko)
            else:
                st.toast("처리 완료로 표시했습니다.")
                st.rerun()
