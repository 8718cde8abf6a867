"""Korean display tables (column names, units, formatted dates)."""

from __future__ import annotations

import pandas as pd

from components.format import manwon, ymd
from data_catalog.spec import CONTRACTS, POSTING_STATUS, WAGE_TYPES


def postings_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "공고일": df["posted_date"].map(ymd),
            "마감일": df["closing_date"].map(ymd),
            "상태": df["status"].map(POSTING_STATUS.labels),
            "제목": df["title"],
            "사업체": df["firm_name"],
            "지역": df["sido_name_ko"] + " " + df["sigungu_name_ko"],
            "직업": df["occupation_ko"],
            "고용형태": df["contract_type"].map(CONTRACTS.labels),
            "제시임금": df["wage_type"].map(WAGE_TYPES.labels) + " " + df["wage_amount"].map(lambda v: f"{int(v):,}원"),
            "월 환산(만원)": (df["wage_monthly_krw"] / 10_000).round(0),
            "주 시간": df["weekly_hours"],
            "인원": df["openings"],
        }
    )


def caseload_table(df: pd.DataFrame) -> pd.DataFrame:
    """A counsellor's caseload as shown and downloaded (no sensitive attribute: audit-only, never per person)."""
    return pd.DataFrame(
        {
            "구직자 ID": df["seeker_id"],
            "등록일": df["registered_date"].map(ymd),
            "나이": df["age"],
            "시도": df["sido_name_ko"],
            "희망 직업": df["desired_ko"],
            "희망 월급": df["desired_wage_krw"].map(manwon),
            "구직 기간(개월)": df["unemp_months"].round(1),
            "취업확률(%)": (df["p"] * 100).round(1),
        }
    )
