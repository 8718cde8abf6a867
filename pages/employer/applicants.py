"""기업: 지원자 관리(채용마당) — 공고별 지원자를 단계로 옮기고(접수→…→입사), 옮길 때마다 이력을 남깁니다."""

import pandas as pd
import streamlit as st

import app_cache as cache
from analytics import postings
from components import ats_ui, auth_ui
from components.format import ymd
from data_catalog.errors import UserError
from models.matching.service import masked_code

st.title("지원자 관리")
st.caption(
    "앱에서 우리 회사 공고에 지원한 분을 공고별 단계로 관리합니다. 옮길 때마다 누가·언제·어디서 어디로·왜 옮겼는지 "
    "기록이 남고, 두 사람이 같은 지원자를 동시에 옮기면 나중 사람은 안내를 받고 덮어쓰지 않습니다. 지원자는 공고마다 "
    "다른 후보 코드로 표시합니다."
)
PER_ROW = 4
con, _ref, _period = cache.page_context()
me = auth_ui.identity()
firm = str(me.org)  # the signed-in employer's own firm, never an id from the address or a widget
track = cache.tracking()
track.sync(firm)
own = postings.firm_postings(con, firm)
if own.empty:
    st.info("우리 회사 공고가 없습니다.")
    st.stop()
titles = {str(r.posting_id): f"{r.title} · 게시 {ymd(r.posted_date)}" for r in own.itertuples()}
pid = st.selectbox("공고", list(titles), format_func=titles.get, key="ap_posting")
stages = track.pipeline(pid)
label = {s.stage: s.label for s in stages}
cards = track.board(firm, pid)
if not cards:
    st.info("앱에서 이 공고에 지원한 분이 아직 없습니다.")
    st.stop()


def code(c: dict) -> str:
    return masked_code(int(pid), int(c["seeker_id"]))


def on_move(application_id: str, version: int, select_key: str) -> None:
    """A button callback: `version` is the card as this person saw it, so a move made meanwhile is not overwritten."""
    try:
        track.move(firm, application_id, st.session_state[select_key], me.actor, version)
    except UserError as exc:
        st.session_state["ap_notice"] = exc.ko


def on_bulk(selected: list[tuple[str, int]], to: str, reason: str) -> None:
    moved, stale = track.bulk_move(firm, selected, to, me.actor, reason)
    st.session_state["ap_notice"] = f"{len(moved)}명을 '{label[to]}' 단계로 옮겼습니다." + (
        f" {len(stale)}명은 다른 담당자가 먼저 옮겨 그대로 두었습니다." if stale else ""
    )


if notice := st.session_state.pop("ap_notice", None):
    st.info(notice)
board, listing, history = st.tabs(["단계별 보드", "목록과 일괄 이동", "지원자별 기록·면접"])
with board:
    shown = [s for s in stages if not s.folded]
    cols = [c for i in range(0, len(shown), PER_ROW) for c in st.columns(PER_ROW)]  # rows of 4: cards stay readable
    for col, s in zip(cols, shown, strict=False):
        here = [c for c in cards if c["stage"] == s.stage]
        col.markdown(f"**{s.label}** · {len(here)}명")
        for c in here:
            with col.container(border=True):
                st.markdown(f"**{code(c)}**")
                st.caption(f"갱신 {ymd(c['updated_at'])}" + (f" · 입사 {ymd(c['hired_at'])}" if c["hired_at"] else ""))
                st.selectbox(
                    "옮길 단계",
                    [x.stage for x in stages if x.stage != s.stage],
                    format_func=label.get,
                    key=f"ap_to_{c['application_id']}",
                    label_visibility="collapsed",
                )
                st.button(
                    "옮기기",
                    key=f"ap_go_{c['application_id']}",
                    on_click=on_move,
                    args=(c["application_id"], c["version"], f"ap_to_{c['application_id']}"),
                )
    folded = [s for s in stages if s.folded]
    for s in folded:
        n = sum(c["stage"] == s.stage for c in cards)
        st.caption(f"{s.label}: {n}명 (접힌 단계)")

with listing:
    table = pd.DataFrame(
        {
            "선택": False,
            "후보 코드": [code(c) for c in cards],
            "단계": [label.get(c["stage"], c["stage"]) for c in cards],
            "갱신일": [ymd(c["updated_at"]) for c in cards],
        }
    )
    edited = st.data_editor(table, hide_index=True, disabled=["후보 코드", "단계", "갱신일"], key="ap_table")
    picked = [c for c, on in zip(cards, edited["선택"], strict=True) if on]
    c1, c2, c3 = st.columns([2, 3, 1])
    to = c1.selectbox("옮길 단계", [s.stage for s in stages], format_func=label.get, key="ap_bulk_to")
    reason = c2.text_input("사유(선택)", key="ap_bulk_reason", max_chars=200)
    c3.button(
        "선택한 지원자 옮기기",
        disabled=not picked,
        key="ap_bulk_go",
        on_click=on_bulk,
        args=([(c["application_id"], c["version"]) for c in picked], to, reason),
    )

with history:
    by_id = {c["application_id"]: c for c in cards}  # options by id: the board's order changes with every move
    who = by_id[st.selectbox("지원자", list(by_id), format_func=lambda a: code(by_id[a]), key="ap_hist")]
    st.markdown("**면접**")
    ats_ui.employer_interviews(firm, who, code, cache.interviews())
    st.markdown("**이동 기록**")
    rows = track.history(firm, who["application_id"])
    st.dataframe(
        pd.DataFrame(
            {
                "시각": [f"{h['moved_at']:%Y-%m-%d %H:%M}" for h in rows],
                "옮긴 사람": ["시스템" if h["actor"] == "system" else h["actor"] for h in rows],
                "이전 단계": [label.get(h["from_stage"], "-") if h["from_stage"] else "-" for h in rows],
                "새 단계": [label.get(h["to_stage"], h["to_stage"]) for h in rows],
                "사유": [h["reason"] or "" for h in rows],
            }
        ),
        hide_index=True,
        width="stretch",
    )
