"""채용서류 widgets of applicant tracking: the posting's return period, the employer's view of an applicant's
documents and return requests, and the applicant's upload and return request (채용절차법 제11조, 시행령 제2~4조).

Every file name, address and note is user text: it is shown in tables (plain text) or through `plain`.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from components.format import ymd
from components.text import plain
from data_catalog.errors import UserError
from data_catalog.spec import DOCUMENT_KINDS, DOCUMENT_STATUSES, RETURN_STATUSES
from store.documents import ANSWER_DAYS, EXTENSIONS, MAX_RETURN_DAYS, MIN_RETURN_DAYS

PAGE = "applicants"


def documents_policy(firm: str, posting_id: str, actor: str, store) -> None:  # noqa: ANN001 - a Documents
    """The posting's 채용서류 반환 청구기간 (days after the decision) with a save button."""
    key = f"docpol_{posting_id}"
    days = st.number_input(
        "채용서류 반환 청구기간(채용 여부 확정 후 일수)", MIN_RETURN_DAYS, MAX_RETURN_DAYS,
        store.policy(firm, posting_id), step=1, key=key,
    )  # fmt: skip
    st.caption(
        f"채용절차법 시행령 제4조: 채용 여부가 확정된 날 이후 {MIN_RETURN_DAYS}~{MAX_RETURN_DAYS}일 범위에서 정하고, "
        "채용 여부가 확정되기 전까지 지원자에게 알려야 합니다. 기간이 지나면 서류는 자동으로 파기됩니다."
    )
    if st.button("반환 청구기간 저장", key=f"{key}_save"):
        try:
            store.set_policy(firm, posting_id, int(days), actor)
        except UserError as exc:
            st.error(plain(exc.ko))
        else:
            st.success(f"반환 청구기간을 {int(days)}일로 저장했습니다.")


def _table(rows: list[dict]) -> None:
    st.dataframe(
        pd.DataFrame(
            {
                "종류": [DOCUMENT_KINDS.ko(r["kind"]) for r in rows],
                "파일 이름": [r["filename"] for r in rows],
                "크기(KB)": [round(r["size_bytes"] / 1024, 1) for r in rows],
                "올린 날짜": [ymd(r["uploaded_at"]) for r in rows],
                "상태": [DOCUMENT_STATUSES.ko(r["status"]) for r in rows],
                "보관 기한": [ymd(r["deadline"]) if r["deadline"] else "채용 여부 확정 후 정해짐" for r in rows],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def log_download(audit, identity, card: dict, row: dict) -> None:  # noqa: ANN001 - an AuditLog, an Identity
    """The audit trail entry of an employer downloading an applicant's document (personal data is logged)."""
    detail = f"채용서류 내려받기: {DOCUMENT_KINDS.ko(row['kind'])} {row['filename']} ({row['document_id']})"
    audit.record(identity, "view", "seeker", card["seeker_id"], PAGE, detail=detail)


def _downloads(firm: str, card: dict, identity, store, audit, rows: list[dict]) -> None:  # noqa: ANN001
    for r in rows:
        if r["status"] != "kept":
            continue
        st.download_button(
            f"내려받기: {plain(r['filename'])}",
            data=lambda d=r["document_id"]: store.content(firm, d) or b"",  # read only when clicked
            file_name=r["filename"],
            key=f"doc_dl_{r['document_id']}",
            on_click=log_download,
            args=(audit, identity, card, r),
        )


def _answer_form(firm: str, card: dict, identity, store, req: dict, notices, values: dict) -> None:  # noqa: ANN001
    rid = req["request_id"]
    where = f", 반환 장소: {plain(req['address'])}" if req["address"] else ""
    st.warning(
        f"반환 청구 {ymd(req['requested_at'])}{where} — {ymd(req['due'])}까지 보내야 합니다"
        f"(청구일부터 {ANSWER_DAYS}일, 채용절차법 시행령 제2조①)."
    )
    with st.form(f"docret_{rid}"):
        answer = st.radio("답변", ["returned", "refused"], format_func=RETURN_STATUSES.ko, key=f"docret_a_{rid}")
        why = "반환 대상이 아닌 이유(예: 홈페이지·전자우편으로 제출)"
        note = st.text_input(why, key=f"docret_n_{rid}", max_chars=500)
        if not st.form_submit_button("답변 저장", type="primary"):
            return
    try:
        store.answer_return(firm, rid, answer == "returned", identity.actor, note)
    except UserError as exc:
        st.error(plain(exc.ko))
        return
    if answer == "returned":
        how = f"특수취급우편으로 {req['address']}(으)로 발송" if req["address"] else "지원자에게 직접 전달"
        filled = values | {"반환일": ymd(datetime.now()), "반환방법": how}
        try:
            sent = notices.notify(firm, card["application_id"], "documents_return", identity.actor, filled)
        except UserError as exc:  # the return is recorded; only the notice failed
            st.warning(plain("반환함으로 기록했지만 안내를 보내지 못했습니다: " + exc.ko))
            return
        st.success("반환함으로 기록했습니다." + (" 지원자에게 반환 안내를 보냈습니다." if sent else ""))
    else:
        st.success("반환 대상 아님으로 기록하고 이유를 지원자에게 보여 줍니다.")


def employer_documents(firm: str, card: dict, identity, store, audit, notices, values: dict) -> None:  # noqa: ANN001
    """One applicant's documents (download logged) and their open return requests with an answer form; answering
    "returned" sends the 반환 안내 through `notices` with the page's placeholders (`values`: 공고, 회사)."""
    rows = store.for_application(firm, card["application_id"])
    if not rows:
        st.caption("지원자가 올린 채용서류가 없습니다.")
    else:
        _table(rows)
        _downloads(firm, card, identity, store, audit, rows)
    for req in store.requests_for_firm(firm, open_only=True, application_id=card["application_id"]):
        _answer_form(firm, card, identity, store, req, notices, values)


def _upload(seeker_id: int | str, app_id: str, store) -> None:  # noqa: ANN001
    with st.form(f"docup_{app_id}", clear_on_submit=True):
        kind = st.selectbox("서류 종류", list(DOCUMENT_KINDS), format_func=DOCUMENT_KINDS.ko, key=f"docup_k_{app_id}")
        file = st.file_uploader("채용서류 올리기(5MB 이하)", type=list(EXTENSIONS), key=f"docup_f_{app_id}")
        if not st.form_submit_button("올리기"):
            return
    if file is None:
        st.error("올릴 파일을 골라 주세요.")
        return
    try:
        store.upload(seeker_id, app_id, file.name, kind, file.getvalue())
    except UserError as exc:
        st.error(plain(exc.ko))
    else:
        st.success("서류를 올렸습니다.")


def _return_request(seeker_id: int | str, app_id: str, store) -> None:  # noqa: ANN001
    mine = [r for r in store.requests_for_seeker(seeker_id) if r["application_id"] == app_id]
    for r in mine:
        note = f" — {plain(r['answer_note'])}" if r["answer_note"] else ""
        st.caption(f"반환 청구 {ymd(r['requested_at'])}: {RETURN_STATUSES.ko(r['status'])}{note}")
    problems = store.return_problems(seeker_id, app_id)
    if problems:
        st.caption(plain(problems[0]) + ".")
        return
    with st.form(f"docreq_{app_id}"):
        address = st.text_input("돌려받을 주소(선택, 적지 않으면 회사와 정한 방법으로 받습니다)", max_chars=300)
        if not st.form_submit_button("채용서류 반환 청구"):
            return
    try:
        store.request_return(seeker_id, app_id, address)
    except UserError as exc:
        st.error(plain(exc.ko))
    else:
        st.success(f"반환을 청구했습니다. 회사는 {ANSWER_DAYS}일 안에 서류를 보내야 합니다.")


def seeker_documents(seeker_id: int | str, application: dict, store) -> None:  # noqa: ANN001 - a Documents
    """The applicant's documents of one application: upload, their list with 보관 기한, and the 반환 청구."""
    app_id = application["application_id"]
    days = store.policy(application["firm_id"], application["posting_id"])
    st.caption(
        f"이 공고의 채용서류 반환 청구기간: 채용 여부 확정 후 {days}일. 기간이 지나면 회사는 서류를 파기합니다"
        "(채용절차법 제11조, 시행령 제4조)."
    )
    rows = store.for_seeker(seeker_id, app_id)
    if rows:
        _table(rows)
    if application.get("status") != "withdrawn":
        _upload(seeker_id, app_id, store)
    _return_request(seeker_id, app_id, store)
