"""Applicant-tracking widgets shared by the employer's and the applicant's pages: interviews."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

import pandas as pd
import streamlit as st

from components.format import ymd
from components.text import plain
from data_catalog.errors import UserError
from data_catalog.spec import INTERVIEW_OUTCOMES, INTERVIEW_STATUSES


def _when(t: datetime) -> str:
    return f"{ymd(t)} {t:%H:%M}"


def employer_interviews(firm: str, card: dict, code: Callable[[dict], str], store) -> None:  # noqa: ANN001
    """One applicant's interviews: the list, a form to schedule one, and cancel / record the outcome."""
    rows = store.for_application(firm, card["application_id"])
    if rows:
        st.dataframe(
            pd.DataFrame(
                {
                    "일시": [_when(r["starts_at"]) for r in rows],
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
    key = card["application_id"]
    with st.form(f"iv_new_{key}", clear_on_submit=True):
        st.markdown(f"**{plain(code(card))} 면접 잡기**")
        c1, c2, c3 = st.columns(3)
        day = c1.date_input("날짜", datetime.now().date() + timedelta(days=3), key=f"iv_day_{key}")
        at = c2.time_input("시각", time(10, 0), key=f"iv_time_{key}", step=timedelta(minutes=30))
        minutes = c3.number_input("면접 시간(분)", 10, 480, 60, step=10, key=f"iv_min_{key}")
        place = st.text_input("장소", key=f"iv_place_{key}", max_chars=200)
        url = st.text_input("화상 면접 링크(https://…)", key=f"iv_url_{key}", max_chars=200)
        who = st.text_input("면접관", key=f"iv_who_{key}", max_chars=200)
        if st.form_submit_button("면접 저장", type="primary"):
            try:
                store.schedule(firm, key, datetime.combine(day, at), int(minutes), place, url, who)
            except UserError as exc:
                st.error(exc.ko)
            else:
                st.success("면접을 저장했습니다. 지원자의 지원 내역에 일정이 보입니다.")
    live = [r for r in rows if r["status"] == "scheduled"]
    if live:
        pick = st.selectbox(
            "예정된 면접", [r["interview_id"] for r in live],
            format_func=lambda i: _when(next(r for r in live if r["interview_id"] == i)["starts_at"]),
            key=f"iv_pick_{key}",
        )  # fmt: skip
        c1, c2 = st.columns(2)
        outcome = c1.selectbox("결과", list(INTERVIEW_OUTCOMES), format_func=INTERVIEW_OUTCOMES.ko, key=f"iv_out_{key}")
        if c1.button("결과 기록", key=f"iv_done_{key}"):
            store.record_outcome(firm, pick, outcome)
            st.rerun()
        if c2.button("면접 취소", key=f"iv_cancel_{key}"):
            store.cancel(firm, pick)
            st.rerun()


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
                "일시": [_when(r["starts_at"]) for r in rows],
                "시간": [f"{r['minutes']}분" for r in rows],
                "장소·링크": [r["place"] or r["video_url"] for r in rows],
            }
        ),
        hide_index=True,
        width="stretch",
    )
