"""Render helpers for the ministry's review queue: the queue table, one posting with its flags, the decision form
(with the version the reviewer saw, so a concurrent decision is never overwritten) and the decision history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.text import plain
from models.posting_check.check import CHECKER_COLUMNS, check_posting
from models.posting_check.rules import RULE_NAMES_KO
from store.postings import DECISIONS, PostingStore, ReviewConflict

SEV_KO = {"high": "높음", "medium": "중간", "low": "낮음", "": "-"}


def queue_table(q: pd.DataFrame, decided: dict) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "공고 ID": q["id"],
            "제목": q["title"],
            "근무지": q["location"],
            "심각도": q["max_severity"].map(SEV_KO),
            "규칙": q["rules"].map(lambda s: ", ".join(RULE_NAMES_KO.get(r, r) for r in s.split(";") if r)),
            "이상 점수": q["anomaly_score"],
            "결정": q["key"].map(lambda k: DECISIONS.get(decided.get(k, {}).get("decision"), "대기")),
        }
    )


def posting_detail(row: pd.Series) -> None:
    """The posting as text (never Markdown), each flag's reason with its article and its own fix, and the evidence."""
    st.subheader(f"공고 {row['id']}")
    st.text(f"{row['title']}\n근무지: {row['location']} · 게시 {row['posted_date']} · 마감 {row['closing_date']}")
    with st.expander("공고 본문", expanded=True):
        st.text(row["body"])
    st.markdown("**점검 결과**")
    flags = check_posting({c: row[c] for c in CHECKER_COLUMNS if c in row})
    for f in flags:  # the rules again for this one posting: each reason keeps its own fix and evidence
        st.markdown(f"- **{SEV_KO[f.severity]}** {plain(f.reason_ko)}")
        st.caption(f"고치는 방법: {plain(f.fix_ko)} · 근거 표현: {plain(f.evidence)}")
    if not flags and row["rules"] == "anomaly":
        st.markdown(f"- **낮음** {plain(row['reasons'])}")
        st.caption(f"고치는 방법: {plain(row['fixes'])} · 근거 표현: {plain(row['evidence'])}")


def current_decision(current: dict | None) -> None:
    if not current:
        return
    memo = f" · 메모: {plain(current['note'])}" if current["note"] else ""
    st.info(
        f"현재 결정: {DECISIONS[current['decision']]} — {plain(current['reviewer_label'])}, "
        f"{current['decided_at']:%Y-%m-%d %H:%M}{memo}"
    )


def decision_form(store: PostingStore, row: pd.Series, actor: str, actor_label: str, current: dict | None) -> None:
    """Accept / reject / correct with a note, on the version this reviewer saw when the posting was first shown.

    The seen version moves on only when this reviewer saves (to their new version) or is told of a newer decision (to
    that one), so a second reviewer's stale decision is refused with a Korean notice and never overwrites the first.
    """
    key = row["key"]
    seen_key = f"rq_seen_{key}"
    st.session_state.setdefault(seen_key, current["version"] if current else 0)
    flash = st.session_state.pop("rq_flash", None)
    if flash:
        st.success(flash)
    with st.form(f"rq_form_{key}"):
        decision = st.radio(
            "결정", list(DECISIONS), index=None, format_func=DECISIONS.get, horizontal=True, key=f"rq_dec_{key}"
        )
        note = st.text_area("심사 메모", key=f"rq_note_{key}", max_chars=1000)
        corrected = st.text_area("수정한 본문 (수정 후 승인일 때)", value=row["body"], key=f"rq_fix_{key}", height=160)
        if not st.form_submit_button("결정 저장", type="primary"):
            return
    if decision is None:
        st.error("결정(승인·반려·수정 후 승인)을 골라 주세요.")
        return
    if decision == "corrected":
        if corrected.strip() == str(row["body"]).strip():
            st.error("수정 후 승인은 본문을 고친 뒤에 저장할 수 있습니다. 고칠 것이 없으면 '승인'을 고르세요.")
            return
        left = check_posting({**{c: row[c] for c in CHECKER_COLUMNS if c in row}, "body": corrected})
        if left:
            st.error("수정한 본문에 아직 위반 의심이 있어 저장하지 않았습니다. 고친 내용은 그대로 남아 있습니다.")
            for f in left:
                st.error(plain(f.reason_ko))
            return
    try:
        version = store.decide(
            key,
            decision,
            actor,
            actor_label,
            int(st.session_state[seen_key]),
            note=note.strip(),
            corrected_text=corrected if decision == "corrected" else None,
            rules=row["rules"],
        )
    except ReviewConflict as exc:
        st.session_state[seen_key] = exc.current["version"]  # the reviewer has now seen the newer decision
        st.warning(plain(str(exc)))
        return
    st.session_state[seen_key] = version
    st.session_state["rq_flash"] = "결정을 저장했습니다."
    st.rerun()


def history(events: list[dict]) -> None:
    if not events:
        return
    with st.expander(f"결정 기록 {len(events)}건"):
        df = pd.DataFrame(events)
        st.dataframe(
            pd.DataFrame(
                {
                    "시각": df["at"],
                    "결정": df["decision"].map(DECISIONS),
                    "심사자": df["reviewer_label"].fillna(df["reviewer"]),
                    "메모": df["note"],
                    "수정한 본문": df["corrected_text"],
                }
            ),
            hide_index=True,
        )
