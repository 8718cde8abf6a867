"""Render helpers of the matching pages: one recommendation card (score, reasons, facts, detail) for either side.

Every string that comes from data (titles, posting bodies, résumés, skills) goes through `plain` or a text-only
widget: a posting body with Markdown or HTML shows as typed.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.format import manwon, ymd
from components.text import plain
from data_catalog.spec import EDUCATION


def reasons_block(row: pd.Series) -> None:
    plus, minus = list(row["reasons_plus"]), list(row["reasons_minus"])
    st.markdown("**추천 이유** · " + " · ".join(plain(x) for x in plus) if plus else "**추천 이유** · -")
    st.caption(
        "사실 확인: " + " · ".join(plain(x) for x in (row["skills_ko"], row["wage_ko"], row["distance_ko"]) if x)
    )
    if minus:
        st.caption("고려할 점: " + " · ".join(plain(x) for x in minus))


def job_card(row: pd.Series, region: str) -> None:
    """One recommended posting as the seeker sees it."""
    st.markdown(f"#### {plain(row['p_title'])}")
    st.caption(
        f"적합도 {int(row['fit_score'])}점 · {plain(row['p_occ_name'])} · {plain(region)} · 월 "
        f"{manwon(row['p_wage_monthly_krw'])} · 마감 {ymd(row['p_closing_date'])}"
    )
    reasons_block(row)
    with st.expander("공고 상세"):
        st.text(str(row["p_description"]))


def candidate_card(row: pd.Series, region: str, summary: str) -> None:
    """One recommended candidate as the employer sees them: a pseudonym, no id, no sensitive attribute."""
    st.markdown(f"#### {plain(row['candidate_code'])} · 적합도 {int(row['fit_score'])}점")
    st.caption(
        f"{EDUCATION.ko(row['s_education'])} · 경력 {float(row['s_career_years']):.0f}년 · 거주 {plain(region)} · "
        f"희망 월 {manwon(row['s_desired_wage_krw'])}"
    )
    reasons_block(row)
    st.text(summary)
