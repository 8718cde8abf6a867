"""Render helpers for the employer's hiring pages: the conditions form and the what-if answers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.format import manwon, pct
from components.text import plain
from data_catalog.reference import wage_year
from data_catalog.spec import CONTRACTS, EDUCATION_REQ, SHIFTS, SIZE_BANDS
from models.hiring.service import MAX_WEEKLY_HOURS, Draft


def sigungu_to_sido(con) -> dict[str, str]:  # noqa: ANN001 - a DuckDB cursor; kept here so pages stay layout-only
    return dict(con.execute("SELECT sigungu_code, sido_code FROM ref_sigungu").fetchall())


def category_names(ref: dict) -> dict[str, dict[str, str]]:
    """Korean names of the categorical feature codes (occupation middle group, sido, industry)."""
    g = ref["groups"]
    return {
        "occ_middle": dict(zip(g["code"], g["name_ko"], strict=True)),
        "sido": dict(zip(ref["sido"]["sido_code"], ref["sido"]["sido_name_ko"], strict=True)),
        "ksic_section": dict(zip(ref["sections"]["ksic_code"], ref["sections"]["name_ko"], strict=True)),
    }


def _index(options: list, value: object, default: int = 0) -> int:
    return options.index(value) if value in options else default


def draft_form(ref: dict, firm: dict, key: str, defaults: dict | None = None) -> Draft:
    """The posting's conditions; the firm's own region, size and industry are the defaults."""
    d = {**firm, **(defaults or {})}
    occ = ref["occ"]
    occ_names = dict(zip(occ["keco_code"], occ["name_ko"], strict=True))
    codes = list(occ_names)
    c1, c2, c3 = st.columns(3)
    keco = c1.selectbox(
        "채용 직종",
        codes,
        index=_index(codes, d.get("keco_code")),
        format_func=lambda c: f"{c} {occ_names[c]}",
        key=f"{key}_occ",
    )
    sidos = ref["sido"]["sido_code"].tolist()
    sido_names = dict(zip(ref["sido"]["sido_code"], ref["sido"]["sido_name_ko"], strict=True))
    sido = c2.selectbox(
        "근무지 시도", sidos, index=_index(sidos, d.get("sido_code")), format_func=sido_names.get, key=f"{key}_sido"
    )
    sgg = ref["sigungu"][ref["sigungu"]["sido_code"] == sido]
    sgg_codes = sgg["sigungu_code"].tolist()
    sgg_names = dict(zip(sgg["sigungu_code"], sgg["name_ko"], strict=True))
    sigungu = c3.selectbox(
        "근무지 시군구",
        sgg_codes,
        index=_index(sgg_codes, d.get("sigungu_code")),
        format_func=sgg_names.get,
        key=f"{key}_sgg",
    )
    c1, c2, c3, c4 = st.columns(4)
    typical = int(occ.set_index("keco_code").loc[keco, "typical_monthly_wage_krw"] // 10_000)
    wage = c1.number_input(
        "월급(만원)",
        min_value=0,
        max_value=3000,
        value=int(d.get("wage_manwon") or typical),
        step=5,
        key=f"{key}_wage",
        help=f"{wage_year()}년 최저임금 이상이어야 합니다. 시급이면 시급 × 월 유급시간(주 40시간이면 209시간).",
    )
    hours = c2.number_input(
        "주 근로시간",
        min_value=1,
        max_value=MAX_WEEKLY_HOURS,
        value=int(d.get("weekly_hours") or 40),
        step=1,
        key=f"{key}_hours",
    )
    contracts = list(CONTRACTS)
    contract = c3.selectbox(
        "고용형태",
        contracts,
        index=_index(contracts, d.get("contract_type")),
        format_func=CONTRACTS.ko,
        key=f"{key}_ct",
    )
    shifts = list(SHIFTS)
    shift = c4.selectbox(
        "근무형태", shifts, index=_index(shifts, d.get("shift")), format_func=SHIFTS.ko, key=f"{key}_shift"
    )
    c1, c2, c3, c4 = st.columns(4)
    edus = list(EDUCATION_REQ)
    edu = c1.selectbox(
        "학력 요건", edus, index=_index(edus, d.get("education_req")), format_func=EDUCATION_REQ.ko, key=f"{key}_edu"
    )
    career = c2.number_input(
        "경력 요건(년, 0 = 무관)", 0, 30, int(d.get("career_req_years") or 0), step=1, key=f"{key}_career"
    )
    openings = c3.number_input("모집 인원(명)", 1, 100, int(d.get("openings") or 1), step=1, key=f"{key}_open")
    duration = c4.number_input("접수 기간(일)", 7, 90, int(d.get("duration_days") or 30), step=1, key=f"{key}_dur")
    c1, c2, c3 = st.columns(3)
    probation = c1.number_input("수습 기간(개월)", 0, 6, int(d.get("probation_months") or 0), key=f"{key}_prob")
    sizes = list(SIZE_BANDS)
    size = c2.selectbox(
        "사업체 규모", sizes, index=_index(sizes, d.get("size_band"), 1), format_func=SIZE_BANDS.ko, key=f"{key}_size"
    )
    sec = ref["sections"]
    secs = sec["ksic_code"].tolist()
    sec_names = dict(zip(sec["ksic_code"], sec["name_ko"], strict=True))
    ksic = c3.selectbox(
        "업종",
        secs,
        index=_index(secs, d.get("ksic_section"), _index(secs, "C")),
        format_func=lambda c: f"{c} {sec_names[c]}",
        key=f"{key}_ksic",
    )
    return Draft(
        keco_code=keco,
        sido_code=sido,
        sigungu_code=sigungu,
        wage_monthly_krw=int(wage) * 10_000,
        weekly_hours=float(hours),
        contract_type=contract,
        shift=shift,
        education_req=edu,
        career_req_years=int(career),
        openings=int(openings),
        duration_days=int(duration),
        probation_months=int(probation),
        size_band=size,
        ksic_section=ksic,
    )


def smallest(hits: pd.DataFrame, p0: float, target: float, floor_krw: int) -> None:
    """'월급을 20만원 올리면 62% → 75%': per kind, the smallest change that reaches the target."""
    if p0 >= target:
        st.success(f"지금 조건으로 이미 목표 {pct(target, 0)} 이상입니다 (현재 {pct(p0, 0)}).")
        return
    if hits.empty:
        st.info(f"한 가지 조건만 바꿔서는 목표 {pct(target, 0)}에 닿지 않습니다. 아래 조합을 보세요.")
        return
    for r in hits.itertuples():
        st.markdown(f"- **{plain(r.description_ko)}** 충원확률 {pct(p0, 0)} → **{pct(r.p_after, 0)}**")
    st.caption(f"임금은 이 근로시간의 최저임금(월 {manwon(floor_krw, 1)}) 아래로 제안하지 않습니다.")


def plan(steps: list[str], p0: float, p1: float, target: float) -> None:
    if not steps:
        st.info("모델로 다시 계산해 보아도 충원확률을 높이는 조건 변화를 찾지 못했습니다.")
        return
    joined = " + ".join(steps)
    verdict = "목표에 닿습니다" if p1 >= target else f"목표 {pct(target, 0)}에는 닿지 않습니다"
    st.markdown(f"- 조합: **{plain(joined)}** → 충원확률 {pct(p0, 0)} → **{pct(p1, 0)}** ({verdict})")


def percentile_text(p: float | None) -> str:
    """Where an offer sits among comparable offers: '상위 20%' above the median, '하위 35%' below it."""
    if p is None:
        return "비교 공고 부족"
    return f"상위 {max(1, round((1 - p) * 100))}%" if p >= 0.5 else f"하위 {max(1, round(p * 100))}%"
