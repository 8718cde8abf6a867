"""Sidebar widgets for the market filters, shared by the map and the role pages."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from analytics.filters import MarketFilter
from analytics.market import months_between
from components.format import ym
from data_catalog.spec import CONTRACTS, SIZE_BANDS


def occupation_picker(
    occ: pd.DataFrame, groups: pd.DataFrame, key: str, defaults: dict | None = None
) -> tuple[str | None, str | None]:
    """Cascading major → middle → detailed selectboxes; returns (occ_level, occ_code)."""
    defaults = defaults or {}
    majors = groups[groups.level == 1]
    major_opts = ["전체"] + majors["code"].tolist()
    names = dict(zip(groups["code"], groups["name_ko"], strict=True))
    d_major = defaults.get("occ", "")[:1] if defaults.get("occ") else "전체"
    major = st.selectbox(
        "직업 대분류",
        major_opts,
        index=major_opts.index(d_major) if d_major in major_opts else 0,
        format_func=lambda c: c if c == "전체" else f"{c} {names[c]}",
        key=f"{key}_major",
    )
    if major == "전체":
        return None, None
    mids = groups[(groups.level == 2) & (groups.parent == major)]["code"].tolist()
    mid_opts = ["전체"] + mids
    d_mid = defaults.get("occ", "")[:2] if len(defaults.get("occ", "") or "") >= 2 else "전체"
    mid = st.selectbox(
        "직업 중분류",
        mid_opts,
        index=mid_opts.index(d_mid) if d_mid in mid_opts else 0,
        format_func=lambda c: c if c == "전체" else f"{c} {names[c]}",
        key=f"{key}_middle",
    )
    if mid == "전체":
        return "major", major
    det = occ[occ["middle_code"] == mid]
    det_opts = ["전체"] + det["keco_code"].tolist()
    dn = dict(zip(det["keco_code"], det["name_ko"], strict=True))
    d_det = defaults.get("occ") if defaults.get("occ") in det_opts else "전체"
    d = st.selectbox(
        "직업 세분류",
        det_opts,
        index=det_opts.index(d_det),
        format_func=lambda c: c if c == "전체" else f"{c} {dn[c]}",
        key=f"{key}_detailed",
    )
    if d == "전체":
        return "middle", mid
    return "detailed", d


def market_filter_sidebar(
    period: tuple[date, date],
    occ: pd.DataFrame,
    groups: pd.DataFrame,
    sections: pd.DataFrame,
    *,
    key: str = "mf",
    defaults: dict | None = None,
    posting_filters: bool = True,
) -> MarketFilter:
    defaults = defaults or {}
    months = months_between(*period)
    with st.sidebar:
        st.subheader("필터")
        d_start = defaults.get("start", months[max(0, len(months) - 12)])
        d_end = defaults.get("end", months[-1])
        c1, c2 = st.columns(2)
        start = c1.selectbox("시작 월", months, index=months.index(d_start), format_func=ym, key=f"{key}_start")
        end = c2.selectbox("끝 월", months, index=months.index(d_end), format_func=ym, key=f"{key}_end")
        if end < start:
            st.warning("끝 월이 시작 월보다 앞서 두 값을 바꿔 적용합니다.")
            start, end = end, start
        occ_level, occ_code = occupation_picker(occ, groups, key, defaults)
        secs: list[str] = []
        sizes: list[str] = []
        contracts: list[str] = []
        if posting_filters:
            sec_names = dict(zip(sections["ksic_code"], sections["name_ko"], strict=True))
            secs = st.multiselect(
                "산업(KSIC 대분류)",
                list(sec_names),
                format_func=lambda c: f"{c} {sec_names[c]}",
                key=f"{key}_ksic",
                placeholder="전체",
            )
            sizes = st.multiselect(
                "사업체 규모", list(SIZE_BANDS), format_func=SIZE_BANDS.ko, key=f"{key}_size", placeholder="전체"
            )
            contracts = st.multiselect(
                "고용 형태", list(CONTRACTS), format_func=CONTRACTS.ko, key=f"{key}_contract", placeholder="전체"
            )
    return MarketFilter(
        start=start,
        end=end,
        occ_level=occ_level,
        occ_code=occ_code,
        ksic_sections=tuple(secs),
        size_bands=tuple(sizes),
        contract_types=tuple(contracts),
    )


def legend(items: list[tuple[str, list[int]]], title: str) -> None:
    rows = "".join(
        f"<div style='display:flex;align-items:center;gap:6px;margin:2px 0'>"
        f"<span style='display:inline-block;width:18px;height:12px;background:rgb({c[0]},{c[1]},{c[2]});"
        f"border:1px solid #888'></span><span>{label}</span></div>"
        for label, c in items
    )
    st.markdown(f"<div style='font-size:13px'><b>{title}</b>{rows}</div>", unsafe_allow_html=True)
