"""데이터 관리자: 열람 기록(감사) — who viewed or exported whose record, when, where and why."""

from datetime import date, datetime, timedelta

import streamlit as st

from auth.audit import ACTIONS_KO, RECORD_TYPES_KO
from components import auth_ui, nav
from components.export import download_csv
from components.format import ymd

st.title("열람 기록(감사)")
st.caption(
    "개인 기록을 열람하거나 내보낸 모든 기록입니다(추가만 가능, 수정·삭제 불가). 누가·언제·어떤 기록을·어느 화면에서·"
    "왜 보았는지 검색하고 내보낼 수 있습니다."
)
me = auth_ui.identity()
c1, c2, c3, c4 = st.columns(4)
start = c1.date_input("시작일", value=date.today() - timedelta(days=30), key="au_start", format="YYYY-MM-DD")
end = c2.date_input("종료일", value=date.today(), key="au_end", format="YYYY-MM-DD")
actor = c3.text_input("사용자(이름 일부)", key="au_actor", max_chars=60)
record = c4.text_input("기록 ID(예: 구직자 ID)", key="au_record", max_chars=30)
action = st.selectbox(
    "행위", ["전체", *ACTIONS_KO], format_func=lambda a: "전체" if a == "전체" else ACTIONS_KO[a], key="au_action"
)
if start > end:
    st.error("시작일이 종료일보다 늦습니다. 날짜를 다시 골라 주세요.")
    st.stop()
log = auth_ui.audit()
df = log.search(
    datetime.combine(start, datetime.min.time()),
    datetime.combine(end + timedelta(days=1), datetime.min.time()),
    actor.strip() or None,
    record.strip() or None,
    None if action == "전체" else action,
)
page_titles = {p.key: p.title for p in nav.PAGES}
shown = (
    df.assign(
        at=df["at"].map(lambda t: f"{ymd(t)} {t:%H:%M:%S}"),
        action=df["action"].map(ACTIONS_KO),
        record_type=df["record_type"].map(lambda t: RECORD_TYPES_KO.get(t, t)),
        page=df["page"].map(lambda k: page_titles.get(k, k)),
    )[["at", "actor_label", "action", "record_type", "record_id", "page", "reason", "detail"]]
    .fillna("")
    .rename(
        columns={
            "at": "시각",
            "actor_label": "사용자",
            "action": "행위",
            "record_type": "기록 종류",
            "record_id": "기록 ID",
            "page": "화면",
            "reason": "사유",
            "detail": "비고",
        }
    )
)
st.markdown(f"**{len(df):,}건** (최근 순, 최대 1,000건)")
st.dataframe(shown, hide_index=True, width="stretch")
if download_csv("감사 기록 CSV 내려받기", shown, "audit_log.csv", disabled=df.empty, key="au_dl"):
    log.record(me, "export", "audit_log", None, "audit", detail=f"{len(df)}건")
