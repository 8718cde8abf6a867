"""Korean display tables (column names, units, formatted dates)."""

from __future__ import annotations

import pandas as pd

from components.format import ymd
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
