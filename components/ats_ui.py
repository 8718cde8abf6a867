"""Applicant-tracking widgets: the employer's board and one applicant's contact, messages and interviews; the
templates and the closing of a posting; the applicant's own interviews and messages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import pandas as pd
import streamlit as st

from components.format import ymd, ymd_hm
from components.text import plain
from data_catalog.errors import UserError
from data_catalog.spec import (
    APPLICATION_SOURCES,
    INTERVIEW_OUTCOMES,
    INTERVIEW_STATUSES,
    MESSAGE_STATUSES,
    NOTICE_KINDS,
)
from store.ats import RESULTS, WITHDRAWN
from store.notices import DOCUMENTS_RETURN, PLACEHOLDERS, interview_slot

PER_ROW, PER_COLUMN = 4, 10  # rows of 4 columns keep cards readable; a column's best 10 keep 500 applicants quick
REVEAL = frozenset({"interview", "offer", "hired"})
"""Stages from which the employer sees the applicant's full e-mail (they must reach them for the interview)."""


def employer_interviews(desk: Desk, card: dict, store) -> None:  # noqa: ANN001 - a store.interviews.Interviews
    """One applicant's interviews: a form to schedule one (which sends the interview notice, 제8조), then the list
    (read after the form, so a new interview shows at once), and reschedule / cancel / record the outcome."""
    firm, code = desk.firm, desk.code
    key = card["application_id"]
    with st.form(f"iv_new_{key}"):  # kept on an error: nothing typed is lost
        st.markdown(f"**{plain(code(card))} 면접 잡기**")
        fields = _interview_fields(key, None)
        if st.form_submit_button("면접 저장", type="primary"):
            try:
                store.schedule(firm, key, *fields)
            except UserError as exc:
                st.error(plain(exc.ko))
            else:
                said = desk.notify(key, "interview", extra=_slot(fields))
                st.success("면접을 저장했습니다. 지원자의 지원 내역에 일정이 보입니다." + said)
    rows = store.for_application(firm, card["application_id"])
    if rows:
        st.dataframe(
            pd.DataFrame(
                {
                    "일시": [ymd_hm(r["starts_at"]) for r in rows],
                    "시간": [f"{r['minutes']}분" for r in rows],
                    "장소·링크": [r["place"] or r["video_url"] for r in rows],
                    "면접관": [r["interviewers"] or "" for r in rows],
                    "상태": [INTERVIEW_STATUSES.ko(r["status"]) for r in rows],
                    "결과": [INTERVIEW_OUTCOMES.ko(r["outcome"], "-") if r["outcome"] else "-" for r in rows],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    live = [r for r in rows if r["status"] == "scheduled"]
    if live:
        by_id = {r["interview_id"]: r for r in live}
        pick = st.selectbox(
            "예정된 면접", list(by_id), format_func=lambda i: ymd_hm(by_id[i]["starts_at"]), key=f"iv_pick_{key}"
        )
        c1, c2 = st.columns(2)
        outcome = c1.selectbox("결과", list(INTERVIEW_OUTCOMES), format_func=INTERVIEW_OUTCOMES.ko, key=f"iv_out_{key}")
        if c1.button("결과 기록", key=f"iv_done_{key}"):
            store.record_outcome(firm, pick, outcome)
            st.rerun()
        if c2.button("면접 취소", key=f"iv_cancel_{key}"):
            store.cancel(firm, pick)
            v, when = desk.values, ymd_hm(by_id[pick]["starts_at"])
            body = f"{when} 면접이 취소되었습니다. 다음 일정은 따로 알려 드리겠습니다."
            row = desk.notices.send(
                firm, key, "schedule", f"[{v['회사']}] {v['공고']} 면접 취소 안내", body, desk.actor, "interview"
            )
            st.session_state["ap_notice"] = f"면접을 취소했습니다. 안내: {MESSAGE_STATUSES.ko(row['status'])}."
            st.rerun()
        with st.form(f"iv_re_{pick}"):
            st.markdown("**일정 변경**")
            fields = _interview_fields(f"re_{pick}", by_id[pick])
            if st.form_submit_button("변경 저장"):
                try:
                    store.reschedule(firm, pick, *fields)
                except UserError as exc:
                    st.error(plain(exc.ko))
                else:
                    st.success("일정을 바꿨습니다." + desk.notify(key, "interview", extra=_slot(fields)))


def _slot(fields: tuple) -> dict:
    """The placeholders of the interview just saved (not whichever interview is next)."""
    starts_at, minutes, place, url, _who = fields
    return interview_slot(starts_at, minutes, place, url)


def _interview_fields(suffix: str, r: dict | None) -> tuple[datetime, int, str, str, str]:
    """Date, time, length, place, link and interviewers, prefilled from `r` when rescheduling."""
    start = r["starts_at"] if r else datetime.combine(datetime.now().date() + timedelta(days=3), time(10, 0))
    c1, c2, c3 = st.columns(3)
    day = c1.date_input("날짜", start.date(), key=f"iv_day_{suffix}")
    at = c2.time_input("시각", start.time(), key=f"iv_time_{suffix}", step=timedelta(minutes=30))
    minutes = c3.number_input("면접 시간(분)", 10, 480, r["minutes"] if r else 60, step=10, key=f"iv_min_{suffix}")
    place = st.text_input("장소", (r or {}).get("place") or "", key=f"iv_place_{suffix}", max_chars=200)
    url = st.text_input(
        "화상 면접 링크(https://…)", (r or {}).get("video_url") or "", key=f"iv_url_{suffix}", max_chars=200
    )
    who = st.text_input("면접관", (r or {}).get("interviewers") or "", key=f"iv_who_{suffix}", max_chars=200)
    return datetime.combine(day, at), int(minutes), place, url, who


def seeker_interviews(rows: list[dict]) -> None:
    """The applicant's upcoming interviews (their own only: the caller reads them by the signed-in seeker)."""
    st.subheader("다가오는 면접")
    if not rows:
        st.caption("예정된 면접이 없습니다.")
        return
    st.dataframe(
        pd.DataFrame(
            {
                "공고 번호": [r["posting_id"] for r in rows],
                "일시": [ymd_hm(r["starts_at"]) for r in rows],
                "시간": [f"{r['minutes']}분" for r in rows],
                "장소·링크": [r["place"] or r["video_url"] for r in rows],
            }
        ),
        hide_index=True,
        width="stretch",
    )


# ---------------------------------------------------------------------------------------------- the pipeline board
@dataclass
class Desk:
    """One employer's view of one posting: what every widget below needs to move, notify and label."""

    firm: str
    posting_id: str
    actor: str
    values: dict  # placeholders the page knows: 공고, 회사
    labels: dict  # stage → its Korean name in this posting
    track: object
    notices: object
    code: Callable[[dict], str]

    def move(self, application_id: str, version: int, to: str, reason: str = "", notify: bool = True) -> str:
        """Move one applicant and, when asked, send the stage's notice; returns what to tell the recruiter."""
        self.track.move(self.firm, application_id, to, self.actor, version, reason)
        return self.notify(application_id, to, reason) if notify else ""

    def notify(self, application_id: str, key: str, reason: str = "", extra: dict | None = None) -> str:
        row = self.notices.notify(
            self.firm, application_id, key, self.actor, self.values | {"사유": reason} | (extra or {})
        )
        if row is None:
            return (
                " 면접 일정을 잡으면 안내가 나갑니다."
                if key == "interview"
                else " (이 단계의 안내문은 없거나 꺼져 있습니다)"
            )
        return f" 안내: {MESSAGE_STATUSES.ko(row['status'])}."


def on_move(desk: Desk, application_id: str, version: int) -> None:
    """The move button's callback: `version` is the card as this person saw it, so a move made meanwhile by someone
    else is refused with a notice instead of being overwritten."""
    to = st.session_state["ap_to"]
    try:
        said = desk.move(application_id, version, to, notify=st.session_state.get("ap_notify", True))
    except UserError as exc:
        st.session_state["ap_notice"] = exc.ko
    else:
        st.session_state["ap_notice"] = f"'{desk.labels[to]}' 단계로 옮겼습니다." + said


def board(desk: Desk, stages: list, cards: list[dict], fit: pd.DataFrame, others: dict, merged: dict) -> None:
    """One move control, then columns by stage in rows of `PER_ROW`, each with its first `PER_COLUMN` cards by fit.

    Cards are text, not widgets: a select box and a button on each of 500 cards made the browser take seconds per
    click (bench/README.md, "Applicant tracking at 500 applicants")."""
    if not cards:
        st.info("필터에 맞는 지원자가 없습니다.")
        return
    by_id = {c["application_id"]: c for c in sorted(cards, key=lambda c: -fit_of(fit, c)[0])}
    c1, c2, c3 = st.columns([3, 2, 1], vertical_alignment="bottom")
    who = c1.selectbox(
        "지원자", list(by_id), key="ap_who",
        format_func=lambda a: f"{desk.code(by_id[a])} · {desk.labels.get(by_id[a]['stage'], by_id[a]['stage'])}",
    )  # fmt: skip
    here = by_id[who]["stage"]
    keys = [x.stage for x in stages if x.stage != WITHDRAWN]  # only the applicant withdraws
    at = keys.index(here) if here in keys else -1
    nxt = keys[at + 1 :] + keys[:at] if at >= 0 else keys  # the next stage first: the usual move is forward
    c2.selectbox("옮길 단계", nxt, format_func=desk.labels.get, key="ap_to")
    c3.button("옮기기", key="ap_go", type="primary", on_click=on_move, args=(desk, who, by_id[who]["version"]))
    shown = [s for s in stages if not s.folded]
    cols = [c for i in range(0, len(shown), PER_ROW) for c in st.columns(PER_ROW)]
    for col, s in zip(cols, shown, strict=False):
        in_stage = [c for c in by_id.values() if c["stage"] == s.stage]
        col.markdown(f"**{plain(s.label)}** · {len(in_stage)}명")
        with col.container(border=True):
            text = [_card(desk, c, fit, others.get(c["application_id"]), merged.get(c["application_id"])) for c in
                    in_stage[:PER_COLUMN]]  # fmt: skip
            st.markdown("\n\n---\n\n".join(text) if text else ":gray[지원자 없음]")
        if len(in_stage) > PER_COLUMN:
            col.caption(f"외 {len(in_stage) - PER_COLUMN}명은 '목록과 일괄 이동'에서 볼 수 있습니다.")
    for s in (s for s in stages if s.folded):
        st.caption(f"{plain(s.label)}: {sum(c['stage'] == s.stage for c in cards)}명 (접힌 단계)")


def filtered(cards: list[dict], fit: pd.DataFrame) -> list[dict]:
    """The board's and the list's filters: channel, minimum fit score, applied since; says how many are shown."""
    with st.expander("필터", expanded=False):
        c1, c2, c3 = st.columns(3)
        ways = c1.multiselect("지원 경로", list(APPLICATION_SOURCES), format_func=APPLICATION_SOURCES.ko,
                              key="ap_f_source", placeholder="모든 경로")  # fmt: skip
        least = c2.number_input("적합도 최소(점)", 0, 100, 0, step=10, key="ap_f_fit", disabled=fit.empty)
        since = c3.date_input("지원일 이후", None, key="ap_f_since", format="YYYY-MM-DD")
    out = [
        c for c in cards
        if (not ways or c["source"] in ways) and (fit.empty or not least or fit_of(fit, c)[0] >= least)
        and (since is None or c["applied_at"].date() >= since)
    ]  # fmt: skip
    if len(out) < len(cards):
        st.caption(f"필터에 맞는 지원자 {len(out)}명 (전체 {len(cards)}명)")
    return out


def fit_of(fit: pd.DataFrame, c: dict) -> tuple[int, list, list]:
    sid = int(c["seeker_id"])
    if fit.empty or sid not in fit.index:
        return -1, [], []
    r = fit.loc[sid]
    return int(r["fit_score"]), list(r["reasons_plus"]), list(r["reasons_minus"])


def _card(desk: Desk, c: dict, fit: pd.DataFrame, others: list | None, merged: int | None) -> str:
    """One card as Markdown text; every piece is escaped with `plain`."""
    score, plus, minus = fit_of(fit, c)
    lines = [f"**{plain(desk.code(c))}**" + (f" · 적합도 {score}점" if score >= 0 else "")]
    if plus or minus:
        lines.append(plain(" · ".join([*(f"+ {p}" for p in plus[:2]), *(f"- {m}" for m in minus[:1])])))
    extra = [f"갱신 {ymd(c['updated_at'])}"] + ([f"입사 {ymd(c['hired_at'])}"] if c["hired_at"] else [])
    if merged:
        extra.append(f"중복 지원 {merged}건 합침")
    if others:
        extra.append("우리 회사 다른 공고 " + ", ".join(f"{p}({plain(lab)})" for p, lab in others))
    lines.append(":gray[" + " · ".join(extra) + "]")
    return "  \n".join(lines)


# ---------------------------------------------------------------------------------------------- one applicant
def contact(notices, card: dict, labels: dict) -> None:  # noqa: ANN001 - a store.notices.Notices
    """The applicant's e-mail: masked until they reach an interview or a result the employer must act on."""
    email = notices.email_of(card["seeker_id"])
    if not email:
        st.caption("연락처: 지원자가 알림 이메일을 등록하지 않았습니다(안내는 지원자의 앱 화면에 게시됩니다).")
    elif card["stage"] in REVEAL:
        st.caption(f"연락처: {plain(email)}")
    else:
        st.caption(f"연락처: {plain(mask_email(email))} (면접 단계부터 전체 주소가 보입니다)")


def mask_email(email: str) -> str:
    name, _, domain = email.partition("@")
    return f"{name[:1]}{'*' * max(len(name) - 1, 2)}@{domain}"


def messages(desk: Desk, card: dict) -> None:
    """The communication history of one applicant and a form to write to them."""
    rows = desk.notices.history(desk.firm, card["application_id"])
    if rows:
        st.dataframe(
            pd.DataFrame(
                {
                    "시각": [ymd_hm(r["created_at"]) for r in rows],
                    "종류": [NOTICE_KINDS.ko(r["kind"]) for r in rows],
                    "제목": [r["subject"] for r in rows],
                    "이메일": [MESSAGE_STATUSES.ko(r["status"]) for r in rows],
                    "오류": [r["error"] or "" for r in rows],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("보낸 안내가 없습니다.")
    key = card["application_id"]
    with st.form(f"msg_{key}"):
        st.text_input("제목", max_chars=200, key=f"msg_s_{key}")
        st.text_area("내용", max_chars=4000, key=f"msg_b_{key}")
        st.form_submit_button("안내 보내기", on_click=_send_message, args=(desk, key))


def _send_message(desk: Desk, key: str) -> None:
    """The form's callback: a refused message keeps what was typed; a sent one clears the form."""
    subject, body = st.session_state[f"msg_s_{key}"], st.session_state[f"msg_b_{key}"]
    try:
        row = desk.notices.send(desk.firm, key, "message", subject, body, desk.actor)
    except UserError as exc:
        st.session_state["ap_notice"] = exc.ko
    else:
        st.session_state["ap_notice"] = f"안내를 보냈습니다: {MESSAGE_STATUSES.ko(row['status'])}."
        st.session_state[f"msg_s_{key}"], st.session_state[f"msg_b_{key}"] = "", ""


# ---------------------------------------------------------------------------------------------- templates, closing
def templates_editor(desk: Desk) -> None:
    st.caption(
        "단계에 들어갈 때 보내는 안내문입니다(채용절차법 제8조 일정, 제10조 결과, 제11조 서류 반환). 쓸 수 있는 "
        "자리표시자: " + ", ".join("{" + p + "}" for p in PLACEHOLDERS)
    )
    for t in desk.notices.templates(desk.firm):
        title = desk.labels.get(t.key) or ("서류 반환" if t.key == DOCUMENTS_RETURN else t.key)
        head = f"{plain(title)} · {NOTICE_KINDS.ko(t.kind)}" + (" · 사용 안 함" if not t.enabled else "")
        with st.expander(head), st.form(f"tpl_{t.key}"):
            on = st.checkbox("이 단계에서 안내 보내기", t.enabled, key=f"tpl_on_{t.key}")
            subject = st.text_input("제목", t.subject, max_chars=200, key=f"tpl_s_{t.key}")
            body = st.text_area("본문", t.body, max_chars=4000, height=140, key=f"tpl_b_{t.key}")
            save, reset = st.columns(2)
            if save.form_submit_button("저장"):
                try:
                    desk.notices.save_template(desk.firm, t.key, subject, body, on, desk.actor)
                except UserError as exc:
                    st.error(exc.ko)
                else:
                    st.success("저장했습니다.")
            if reset.form_submit_button("기본 안내문으로", disabled=not t.own):
                desk.notices.reset_template(desk.firm, t.key)
                st.rerun()


def closing(desk: Desk, closed_at: datetime | None) -> None:
    """Close the posting's recruiting, which the law allows only once every applicant was told the result."""
    if closed_at is not None:
        st.success(f"{ymd(closed_at)}에 마감했습니다.")
        return
    waiting = desk.notices.untold(desk.firm, desk.posting_id)
    if waiting:
        st.warning(
            f"채용 여부를 아직 알리지 않은 지원자 {len(waiting)}명: "
            + ", ".join(f"{desk.code(c)}({plain(desk.labels.get(c['stage'], c['stage']))})" for c in waiting[:20])
            + (" 외" if len(waiting) > 20 else "")
            + ". 최종 합격·불합격·입사로 옮기고 결과 안내를 보내면 마감할 수 있습니다(채용절차법 제10조). "
            "이메일 발송이 실패했거나 안내 없이 옮긴 지원자는 아래 버튼으로 결과 안내를 보냅니다."
        )
    decided = [c for c in waiting if c["stage"] in RESULTS]
    if decided and st.button(f"결과 안내 보내기({len(decided)}명)", key="ap_resend"):
        sent = desk.notices.resend_results(desk.firm, desk.posting_id, desk.actor, desk.values)
        st.session_state["ap_notice"] = f"결과 안내 {len(sent)}건을 보냈습니다."
        st.rerun()
    if st.button("채용 마감", disabled=bool(waiting), key="ap_close"):
        try:
            desk.notices.close_posting(desk.firm, desk.posting_id, desk.actor)
        except UserError as exc:
            st.error(exc.ko)
        else:
            st.rerun()


def seeker_messages(rows: list[dict]) -> None:
    """The applicant's own notices (the website method of 채용절차법 제7조②: shown here whether e-mailed or not)."""
    st.subheader("받은 안내")
    if not rows:
        st.caption("받은 안내가 없습니다.")
        return
    for r in rows[:20]:
        with st.expander(f"{ymd_hm(r['created_at'])} · {plain(r['subject'])}"):
            st.caption(f"{NOTICE_KINDS.ko(r['kind'])} · 공고 {r['posting_id']} · {MESSAGE_STATUSES.ko(r['status'])}")
            st.text(r["body"])


def seeker_email(notices, seeker_id: int | str) -> None:  # noqa: ANN001 - a store.notices.Notices
    """Where the applicant wants notices by e-mail (optional; without it they are only shown here)."""
    with st.form("jobs_email"):
        email = st.text_input("알림 받을 이메일(선택)", notices.email_of(seeker_id) or "", max_chars=254)
        if st.form_submit_button("이메일 저장"):
            try:
                notices.set_email(seeker_id, email)
            except UserError as exc:
                st.error(exc.ko)
            else:
                st.success("저장했습니다." if email.strip() else "이메일을 지웠습니다. 안내는 이 화면에만 게시됩니다.")
