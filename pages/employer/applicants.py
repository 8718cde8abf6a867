"""기업: 지원자 관리(채용마당) — 공고별 지원자를 단계로 옮기고(접수→…→입사), 옮길 때마다 이력과 법정 안내를 남깁니다."""

import pandas as pd
import streamlit as st

import app_cache as cache
from analytics import postings
from components import ats_docs_ui, ats_ui, auth_ui
from components.format import ymd, ymd_hm
from components.text import plain
from data_catalog.errors import UserError
from data_catalog.spec import APPLICATION_SOURCES
from models.matching.service import masked_code
from store.ats import WITHDRAWN

st.title("지원자 관리")
st.caption(
    "앱에서 우리 회사 공고에 지원한 분을 공고별 단계로 관리합니다. 옮길 때마다 누가·언제·어디서 어디로·왜 옮겼는지 "
    "기록이 남고, 단계에 맞는 안내(채용절차법 제8·10·11조)가 지원자에게 갑니다. 두 사람이 같은 지원자를 동시에 "
    "옮기면 나중 사람은 안내를 받고 덮어쓰지 않습니다. 지원자는 공고마다 다른 후보 코드로 표시합니다."
)
con, _ref, _period = cache.page_context()
me = auth_ui.identity()
firm = str(me.org)  # the signed-in employer's own firm, never an id from the address or a widget
track, notices = cache.tracking(), cache.notices()
track.sync(firm)
cache.daily_purge()  # the scheduled purge of documents past their deadline (at most once a day per server)
own = postings.firm_postings(con, firm)
if own.empty:
    st.info("우리 회사 공고가 없습니다.")
    st.stop()
titles = {str(r.posting_id): f"{r.title} · 게시 {ymd(r.posted_date)}" for r in own.itertuples()}
pid = st.selectbox("공고", list(titles), format_func=titles.get, key="ap_posting")
post = own[own.posting_id.astype(str) == pid].iloc[0]
stages = track.pipeline(pid)
label = {s.stage: s.label for s in stages}
desk = ats_ui.Desk(
    firm, pid, me.actor, {"공고": post.title, "회사": post.firm_name}, label, track, notices,
    lambda c: masked_code(int(pid), int(c["seeker_id"])),
)  # fmt: skip
cards = track.board(firm, pid)
if closed := notices.closed_at(firm, pid):
    st.warning(f"{ymd(closed)}에 채용을 마감한 공고입니다. 지원자를 더 옮길 수 없습니다.")
if not cards:
    st.info("앱에서 이 공고에 지원한 분이 아직 없습니다.")
    st.stop()
fit = cache.applicants_fit(int(pid), int(firm), tuple(sorted(int(c["seeker_id"]) for c in cards)))


def on_bulk(selected: list[tuple[str, int]]) -> None:
    to, reason = st.session_state["ap_bulk_to"], st.session_state["ap_bulk_reason"]  # as typed, not as last drawn
    moved, stale, said = [], 0, {}
    for application_id, version in selected:
        try:
            text = desk.move(application_id, version, to, reason, notify=st.session_state.get("ap_notify", True))
        except UserError:
            stale += 1
        else:
            moved.append(application_id)
            said[text] = said.get(text, 0) + 1
    st.session_state["ap_notice"] = f"{len(moved)}명을 '{label[to]}' 단계로 옮겼습니다." + (
        f" {stale}명은 다른 담당자가 먼저 옮겼거나 옮길 수 없어 그대로 두었습니다." if stale else ""
    ) + "".join(f"{t.strip()} ({n}명)" for t, n in said.items() if t)  # fmt: skip


if notice := st.session_state.pop("ap_notice", None):
    st.info(plain(notice))
st.toggle("단계를 옮기면 그 단계의 안내문 보내기", True, key="ap_notify")
VIEWS = ("단계별 보드", "목록과 일괄 이동", "지원자별 기록·면접·서류", "안내문·서류·마감")
view = st.radio("보기", VIEWS, horizontal=True, key="ap_view", label_visibility="collapsed")  # kept across reruns
if view == VIEWS[0]:  # only the chosen view is drawn: a posting with 500 applicants stays quick
    ats_ui.board(
        desk, stages, ats_ui.filtered(cards, fit), fit, track.other_pipelines(firm, pid), track.merged_counts(firm, pid)
    )
elif view == VIEWS[1]:
    shown = ats_ui.filtered(cards, fit)
    table = pd.DataFrame(
        {
            "선택": False,
            "후보 코드": [desk.code(c) for c in shown],
            "적합도": [score if (score := ats_ui.fit_of(fit, c)[0]) >= 0 else None for c in shown],
            "단계": [label.get(c["stage"], c["stage"]) for c in shown],
            "지원 경로": [APPLICATION_SOURCES.ko(c["source"], c["source"]) for c in shown],
            "지원일": [ymd(c["applied_at"]) for c in shown],
            "갱신일": [ymd(c["updated_at"]) for c in shown],
        }
    )
    rows_key = "ap_table_" + str(hash(tuple(c["application_id"] for c in shown)))  # ticks belong to these rows only
    edited = st.data_editor(table, hide_index=True, disabled=list(table.columns[1:]), key=rows_key)
    picked = [c for c, on in zip(shown, edited["선택"], strict=True) if on]
    c1, c2, c3 = st.columns([2, 3, 1])
    c1.selectbox(
        "옮길 단계", [s.stage for s in stages if s.stage != WITHDRAWN], format_func=label.get, key="ap_bulk_to"
    )
    c2.text_input("사유(선택, 불합격 안내에 들어갑니다)", key="ap_bulk_reason", max_chars=200)
    c3.button(
        "선택한 지원자 옮기기",
        disabled=not picked,
        key="ap_bulk_go",
        on_click=on_bulk,
        args=([(c["application_id"], c["version"]) for c in picked],),
    )
elif view == VIEWS[2]:
    by_id = {c["application_id"]: c for c in cards}  # options by id: the board's order changes with every move
    who = by_id[st.selectbox("지원자", list(by_id), format_func=lambda a: desk.code(by_id[a]), key="ap_hist")]
    st.markdown(f"**{plain(desk.code(who))}** · {plain(label.get(who['stage'], who['stage']))}")
    _score, plus, minus = ats_ui.fit_of(fit, who)
    if plus or minus:
        st.caption(plain("적합 이유: " + ", ".join(plus) + (" · 아쉬운 점: " + ", ".join(minus) if minus else "")))
    ats_ui.contact(notices, who, label)
    st.markdown("**면접**")
    ats_ui.employer_interviews(desk, who, cache.interviews())
    st.markdown("**안내 이력**")
    ats_ui.messages(desk, who)
    st.markdown("**채용서류**")
    ats_docs_ui.employer_documents(firm, who, me, cache.documents(), auth_ui.audit(), notices, desk.values)
    st.markdown("**이동 기록**")
    rows = track.history(firm, who["application_id"])
    st.dataframe(
        pd.DataFrame(
            {
                "시각": [ymd_hm(h["moved_at"]) for h in rows],
                "옮긴 사람": ["시스템" if h["actor"] == "system" else h["actor"] for h in rows],
                "이전 단계": [label.get(h["from_stage"], "-") if h["from_stage"] else "-" for h in rows],
                "새 단계": [label.get(h["to_stage"], h["to_stage"]) for h in rows],
                "사유": [h["reason"] or "" for h in rows],
            }
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.subheader("안내문")
    ats_ui.templates_editor(desk)
    st.subheader("채용서류 반환 청구기간")
    ats_docs_ui.documents_policy(firm, pid, me.actor, cache.documents())
    st.subheader("채용 마감")
    ats_ui.closing(desk, closed)
