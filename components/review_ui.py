"""Render helpers for the ministry's review queue: the queue table, one posting with its flags, its decisions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.text import plain
from models.posting_check.rules import RULE_NAMES_KO
from store.postings import DECISIONS

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
    """The posting as text (never Markdown), each flag's reason with its article, the fix and the evidence."""
    st.subheader(f"공고 {row['id']}")
    st.text(f"{row['title']}\n근무지: {row['location']} · 게시 {row['posted_date']} · 마감 {row['closing_date']}")
    with st.expander("공고 본문", expanded=True):
        st.text(row["body"])
    st.markdown("**점검 결과**")
    for reason, fix in zip(str(row["reasons"]).split(" / "), str(row["fixes"]).split(" / "), strict=False):
        st.markdown(f"- {plain(reason)}")
        if fix:
            st.caption("고치는 방법: " + plain(fix))
    if row["evidence"]:
        st.caption("근거 표현: " + plain(row["evidence"]))


def history(events: list[dict]) -> None:
    if not events:
        return
    with st.expander(f"결정 기록 {len(events)}건"):
        st.dataframe(
            pd.DataFrame(events)[["at", "decision", "reviewer", "note"]]
            .assign(decision=lambda d: d["decision"].map(DECISIONS))
            .rename(columns={"at": "시각", "decision": "결정", "reviewer": "심사자", "note": "메모"}),
            hide_index=True,
        )
