"""기업: 충원 가능성 진단 — 조건을 바꾸면 충원확률과 예상 소요일이 어떻게 달라지는지, 목표에 닿는 가장 작은 변화."""

import math

import streamlit as st

import app_cache as cache
from analytics import regions
from components import auth_ui, employ_ui, hiring_ui
from components.format import days, manwon, pct
from components.kpi import Kpi, kpi_rows
from components.text import plain
from models.hiring import explain
from models.hiring import service as sv

st.title("충원 가능성 진단")
st.caption(
    "공고 조건을 입력하면 게시 후 90일 안에 모집 인원을 모두 채울 확률과 예상 충원 소요일, 지역 시장에서 제시임금의 "
    "위치를 보여 드립니다. 조건을 바꾸면 바로 다시 계산합니다."
)
con, ref, _period = cache.page_context()
model, meta, _tables = cache.model_or_stop("hiring")
me = auth_ui.identity()
firm = sv.firm_defaults(con, me.org) if me.role == "employer" else {}
if firm:
    st.caption(f"우리 사업체: {plain(firm['firm_name'])} (규모·업종·근무지를 기본값으로 넣었습니다)")

draft = hiring_ui.draft_form(ref, firm, key="hp")
errors = sv.validate(draft, set(ref["occ"]["keco_code"]), hiring_ui.sigungu_to_sido(con))
if errors:
    for e in errors:
        st.error(e)
    st.stop()

posted = sv.as_of_day(con)
market = sv.market_row(con, draft, posted, str(cache.db_path().stat().st_mtime))
now, scored = sv.assess(model, draft, market, posted)  # the draft and every candidate change, one batch
ctx = sv.market_context(con, draft, posted)
kpi_rows(
    [
        Kpi("충원확률(90일)", pct(now.p, 0)),
        Kpi("예상 충원 소요일", days(now.days)),
        Kpi(
            f"제시임금 위치({ctx['cell_ko']})",
            hiring_ui.percentile_text(ctx["percentile"]),
        ),
        Kpi("지역 제시임금 중위(같은 시간 환산)", manwon(ctx["median_monthly"])),
        Kpi("지역 구인배수(90일)", "-" if ctx["tightness"] is None else f"{ctx['tightness']:.2f}배"),
        Kpi("지역 충원 소요일(중위)", days(ctx["days_to_fill"])),
    ]
)
st.caption(
    f"비교: {regions.region_names(ref, 'sido').get(draft.sido_code, '')} · {ctx['cell_ko']} 공고 {ctx['n']:,}건"
    f"(최근 365일). 구인배수 = 최근 90일 모집 인원 {ctx['openings_90']:,}명 ÷ 신규 구직자 {ctx['seekers_90']:,}명. "
    "예상 충원 소요일은 충원된다면 걸리는 일수입니다."
)

names = hiring_ui.category_names(ref)
f = explain.factors(model, now.x, explain.category_labels(now.x, names))
st.subheader("충원확률을 높이고 낮추는 요인")
st.plotly_chart(employ_ui.factor_bars(f, "요인별 영향", outcome_ko="충원확률"), key="hp_factors")
for s in f.head(3)["sentence_ko"]:
    st.markdown(f"- {plain(s)}")

st.subheader("목표 충원확률에 닿는 가장 작은 변화")
default_target = min(95, max(5 * math.ceil((now.p * 100 + 10) / 5), 10))  # on the slider's 5-point grid
target = st.slider("목표 충원확률(%)", 5, 95, default_target, step=5, key="hp_target") / 100
scored = scored.assign(reaches=scored["p_after"] >= target)
hiring_ui.smallest(sv.smallest_changes(scored), now.p, target, sv.monthly_floor(draft.weekly_hours))
if not scored["reaches"].any() and now.p < target:
    steps, p_after = sv.combined_plan(model, draft, market, posted, target)
    hiring_ui.plan(steps, now.p, p_after, target)
with st.expander("시도해 본 모든 변화"):
    employ_ui.change_list(
        scored.sort_values("gain_pp", ascending=False).head(12),
        "바꿔 볼 수 있는 조건이 없습니다.",
        "변화는 이 모델로 다시 계산한 값이며, 임금은 최저임금 아래로 내려가지 않습니다.",
        outcome_ko="충원확률",
    )
