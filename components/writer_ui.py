"""Render helpers for the posting writer: the conditions form, the editable sections, the notices."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from components.text import plain
from data_catalog.spec import CONTRACTS, EDUCATION_REQ, SHIFTS, WAGE_TYPES
from models.hiring.service import MAX_WEEKLY_HOURS
from models.posting_writer.request import APPLY_METHODS, BENEFITS, SECTIONS, Request, Written


def _lines(text: str) -> tuple[str, ...]:
    return tuple(x.strip(" -·\t") for x in text.splitlines() if x.strip(" -·\t"))


def conditions_form(ref: dict, firm: dict, key: str) -> tuple[Request, dict] | None:
    """The conditions as a form (nothing reruns while typing); (request, codes) once submitted, else None."""
    occ = ref["occ"].set_index("keco_code")
    codes = occ.index.tolist()
    sidos = ref["sido"]["sido_code"].tolist()
    sido_names = dict(zip(ref["sido"]["sido_code"], ref["sido"]["sido_name_ko"], strict=True))
    c1, c2 = st.columns(2)
    keco = c1.selectbox(
        "채용 직종",
        codes,
        index=codes.index(firm["keco_code"]) if firm.get("keco_code") in codes else 0,
        format_func=lambda c: f"{c} {occ.loc[c, 'name_ko']}",
        key=f"{key}_occ",
    )
    sido = c2.selectbox(
        "근무지 시도",
        sidos,
        index=sidos.index(firm["sido_code"]) if firm.get("sido_code") in sidos else 0,
        format_func=sido_names.get,
        key=f"{key}_sido",
    )
    wage_type = c1.selectbox("임금 형태", list(WAGE_TYPES), index=2, format_func=WAGE_TYPES.ko, key=f"{key}_wt")
    typical = int(occ.loc[keco, "typical_monthly_wage_krw"])
    default = {"hourly": typical / 209, "daily": typical / 209 * 8, "annual": typical * 12}.get(wage_type, typical)
    sgg = ref["sigungu"][ref["sigungu"]["sido_code"] == sido]
    sgg_codes = sgg["sigungu_code"].tolist()
    sgg_names = dict(zip(sgg["sigungu_code"], sgg["name_ko"], strict=True))
    with st.form(f"{key}_form"):
        sigungu = st.selectbox(
            "근무지 시군구",
            sgg_codes,
            index=sgg_codes.index(firm["sigungu_code"]) if firm.get("sigungu_code") in sgg_codes else 0,
            format_func=sgg_names.get,
            key=f"{key}_sgg",
        )
        c1, c2, c3, c4 = st.columns(4)
        step = 10 if wage_type == "hourly" else 1_000 if wage_type == "daily" else 10_000
        amount = c1.number_input(
            f"임금(원, {WAGE_TYPES.ko(wage_type)})",
            0,
            500_000_000,
            int(round(default / step) * step),
            step=step,
            key=f"{key}_amount_{keco}_{wage_type}",  # a new occupation or wage type brings its own default
        )
        hours = c2.number_input("주 근로시간", 1, MAX_WEEKLY_HOURS, 40, key=f"{key}_hours")
        days = c3.number_input("주 근무일", 1, 7, 5, key=f"{key}_days")
        c1, c2, c3, c4 = st.columns(4)
        contract = c1.selectbox("고용형태", list(CONTRACTS), format_func=CONTRACTS.ko, key=f"{key}_ct")
        shift = c2.selectbox("근무형태", list(SHIFTS), format_func=SHIFTS.ko, key=f"{key}_shift")
        openings = c3.number_input("모집 인원(명)", 1, 100, 1, key=f"{key}_open")
        start = c4.time_input("출근 시각", value=None, key=f"{key}_start", help="비우면 09:00")
        c1, c2, c3, c4 = st.columns(4)
        edu = c1.selectbox("학력 요건", list(EDUCATION_REQ), format_func=EDUCATION_REQ.ko, key=f"{key}_edu")
        career = c2.number_input("경력 요건(년, 0 = 무관)", 0, 30, 0, key=f"{key}_career")
        probation = c3.number_input("수습 기간(개월)", 0, 3, 0, key=f"{key}_prob", help="수습 중에도 급여 100%")
        months = c4.number_input("계약기간(개월, 계약직)", 1, 24, 12, key=f"{key}_months")
        benefits = st.multiselect("복리후생", BENEFITS, default=["4대보험", "퇴직금"], key=f"{key}_benefits")
        c1, c2 = st.columns(2)
        duty_notes = c1.text_area("추가 업무 설명(한 줄에 하나)", key=f"{key}_duty", max_chars=600)
        preferred = c2.text_area("우대 사항(한 줄에 하나)", key=f"{key}_pref", max_chars=600)
        c1, c2, c3 = st.columns(3)
        method = c1.selectbox("접수 방법", list(APPLY_METHODS), format_func=APPLY_METHODS.get, key=f"{key}_method")
        contact = c2.text_input("문의처(전화·이메일)", key=f"{key}_contact", max_chars=100)
        closing = c3.date_input(
            "접수 마감일",
            date.today() + timedelta(days=30),
            min_value=date.today() + timedelta(days=1),
            key=f"{key}_close",
            format="YYYY-MM-DD",
        )
        submitted = st.form_submit_button("공고 작성", type="primary")
    if not submitted:
        return None
    names = sgg_names[sigungu].split(" ", 1)
    req = Request(
        keco_code=keco,
        occupation_ko=str(occ.loc[keco, "name_ko"]),
        duties_ko=str(occ.loc[keco, "duties_ko"] or ""),
        skills=tuple(x for x in str(occ.loc[keco, "skills_ko"] or "").split(";") if x),
        sido_ko=sido_names[sido],
        sigungu_ko=names[-1],
        wage_type=wage_type,
        wage_amount=int(amount),
        weekly_hours=float(hours),
        days_per_week=int(days),
        start_time=start.strftime("%H:%M") if start else "09:00",
        contract_type=contract,
        contract_months=int(months),
        shift=shift,
        openings=int(openings),
        education_req=edu,
        career_req_years=int(career),
        probation_months=int(probation),
        benefits=tuple(benefits),
        duty_notes=_lines(duty_notes),
        preferred_notes=_lines(preferred),
        posted_date=date.today(),
        closing_date=closing,
        apply_method=method,
        contact=contact.strip(),
        firm_name=str(firm.get("firm_name") or ""),
    )
    return req, {"sido_code": sido, "sigungu_code": sigungu}


def editors(w: Written, key: str) -> Written:
    """Each section in its own editor (the employer may change any word before saving)."""
    title = st.text_input("제목", w.title, key=f"{key}_title", max_chars=200)
    sections = {s: st.text_area(s, w.sections.get(s, ""), key=f"{key}_{s}", height=140) for s in SECTIONS}
    return Written(title=title, sections=sections, backend=w.backend, notices=w.notices)


def notices(w: Written) -> None:
    for n in w.notices:
        st.warning(plain(n))


def saved_list(drafts: list[dict]) -> None:
    """The signed-in user's own saved postings (the store returns no one else's)."""
    with st.expander(f"내가 저장한 공고 {len(drafts):,}건"):
        if not drafts:
            st.caption("아직 저장한 공고가 없습니다.")
        for d in drafts[:20]:
            st.markdown(f"**{plain(d['title'])}** · {d['created_at']:%Y-%m-%d %H:%M}")
            st.text(d["body"][:600])
