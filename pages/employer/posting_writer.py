"""기업: 공고 작성 도우미 — 몇 가지 조건으로 법규 점검을 통과한 구인공고 초안, 충원확률과 지역 시장 임금."""

import streamlit as st

import app_cache as cache
from components import auth_ui, writer_ui
from components.format import days, manwon, pct
from components.kpi import Kpi, kpi_rows
from components.text import plain
from models.hiring import service as hs
from models.posting_writer import service as ws

st.title("공고 작성 도우미")
st.caption(
    "직종·근무지·임금·근로시간 등 조건을 넣으면 고용24 형식(모집 직종·인원, 담당 업무, 자격 요건, 우대 사항, 근무 "
    "조건, 복리후생, 전형 절차, 접수 방법)의 공고 초안을 씁니다. 초안은 법규 점검을 통과해야만 보여 드리고, 저장 "
    "전에 고칠 수 있습니다."
)
con, ref, _period = cache.page_context()
me = auth_ui.identity()
firm = hs.firm_defaults(con, me.org) if me.role == "employer" else {}
backend = st.radio("작성 방식", list(ws.BACKENDS), format_func=ws.BACKENDS.get, horizontal=True, key="pw_backend")
submitted = writer_ui.conditions_form(ref, firm, key="pw")
if submitted:
    req, codes = submitted
    st.session_state["pw_req"], st.session_state["pw_codes"] = req, codes
    st.session_state["pw_variant"] = 0
    st.session_state["pw_round"] = st.session_state.get("pw_round", 0) + 1  # fresh editors for the new conditions
    st.session_state.pop("pw_saved", None)
writer_ui.saved_list(cache.posting_store().drafts(me.actor))
req = st.session_state.get("pw_req")
if req is None:
    st.info("조건을 넣고 '공고 작성'을 누르세요.")
    st.stop()

variant = st.session_state.get("pw_variant", 0)
with st.spinner("공고를 쓰고 법규 점검을 하는 중…"):
    result = cache.write_posting(req, backend, variant)
if result.written is None:
    st.error("이 조건으로는 법규에 맞는 공고를 쓸 수 없습니다. 아래를 고친 뒤 다시 작성해 주세요.")
    for e in result.errors:
        st.error(plain(e))
    st.stop()

codes = st.session_state["pw_codes"]
model = cache.model("hiring")
if model is not None:
    draft = hs.Draft(
        keco_code=req.keco_code,
        sido_code=codes["sido_code"],
        sigungu_code=codes["sigungu_code"],
        wage_monthly_krw=req.monthly_wage_krw,
        weekly_hours=req.weekly_hours,
        contract_type=req.contract_type,
        shift=req.shift,
        education_req=req.education_req,
        career_req_years=req.career_req_years,
        openings=req.openings,
        duration_days=max(7, min(90, (req.closing_date - req.posted_date).days)) if req.closing_date else 30,
        probation_months=req.probation_months,
        size_band=firm.get("size_band") or "5-29",
        ksic_section=firm.get("ksic_section") or "C",
    )
    posted = hs.as_of_day(con)
    market = hs.market_row(con, draft, posted, str(cache.db_path().stat().st_mtime))
    s = hs.score(model[0], [draft], market, posted)[0]
    ctx = hs.market_context(con, draft, posted)
    kpi_rows(
        [
            Kpi("충원확률(90일)", pct(s.p, 0)),
            Kpi("예상 충원 소요일", days(s.days)),
            Kpi("월 환산 임금", manwon(req.monthly_wage_krw)),
            Kpi(f"지역 제시임금 중위({ctx['cell_ko']}, 같은 시간 환산)", manwon(ctx["median_monthly"])),
        ]
    )
    st.page_link("pages/employer/hiring.py", label="조건을 바꿔 보며 충원확률 비교하기 →")

writer_ui.notices(result.written)
c1, c2 = st.columns([1, 4])
if c1.button("다른 문장으로", key="pw_again"):
    st.session_state["pw_variant"] = variant + 1
    st.rerun()
c2.caption(f"작성: {ws.BACKENDS.get(result.written.backend, result.written.backend)} · 문안 {variant + 1}")
edited = writer_ui.editors(result.written, key=f"pw_r{st.session_state.get('pw_round', 0)}_v{variant}")
if st.button("점검 후 저장", type="primary", key="pw_save"):
    problems = ws.recheck(req, edited)
    if problems:
        st.error("고친 내용이 법규 점검을 통과하지 못해 저장하지 않았습니다. 고친 내용은 그대로 남아 있습니다.")
        for p in problems:
            st.error(plain(p))
    else:
        draft_id = cache.posting_store().save_draft(
            me.actor,
            me.org if me.role == "employer" else None,
            edited.title,
            edited.body,
            {**req.__dict__, **codes},
            edited.backend,
        )
        st.session_state["pw_saved"] = draft_id
if st.session_state.get("pw_saved"):
    st.success(f"저장했습니다 (초안 번호 {st.session_state['pw_saved']}).")
