"""상담사: 담당 구직자 취업확률 목록, 개인별 설명, 구직자 간 비교차트, CSV 내보내기."""

import streamlit as st

import app_cache as cache
from analytics import caseload as cl
from analytics import regions
from auth.audit import REASONS_KO
from auth.roles import centre_name
from components import auth_ui, employ_ui
from components.export import download_csv
from components.format import pct
from components.tables import caseload_table
from models.employability import service as svc
from models.employability.explain import category_labels, factors, recourse

st.title("상담사 사례 관리")
st.caption(
    "취업확률이 낮은 구직자부터 보여 드립니다. 확률은 등록 시점 정보로 계산되며, 상담 우선순위를 정하는 참고 "
    "자료입니다."
)
con, ref, _period = cache.page_context()
model, meta, tables = cache.model_or_stop("employability")
cache.scores_or_stop()
me = auth_ui.identity()
sido_names = regions.region_names(ref, "sido")
major_names = regions.major_names(ref)
st.markdown(f"**담당: {centre_name(me.org, sido_names)}** · 이 센터에 등록한 구직자만 보입니다.")
c2, c3, c4 = st.columns(3)
major = c2.selectbox(
    "희망 직업군", ["전체"] + list(major_names), format_func=lambda c: major_names.get(c, c), key="cl_major"
)
p_max = c3.slider("취업확률 상한(%)", 5, 100, 60, step=5, key="cl_pmax") / 100
recent = c4.toggle("최근 6개월 등록자만", value=True, key="cl_recent")
df = cl.caseload(con, centre=me.org, major=None if major == "전체" else major, p_max=p_max, only_recent=recent)
shown = caseload_table(df)
st.markdown(f"**{len(df):,}명** (취업확률 낮은 순, 최대 500명)")
if unscored := cl.unscored_count(con, recent):
    st.info(f"점수 없음: 구직자 {unscored:,}명은 아직 점수가 없어 목록에 없습니다 — 모델을 다시 학습해 주세요.")
st.dataframe(shown, hide_index=True, width="stretch", height=300)
if download_csv("목록 CSV 내려받기", shown, "caseload.csv", disabled=df.empty):
    auth_ui.audit().record(me, "export", "caseload", me.org, "caseload", detail=f"{len(df)}명")
with st.expander("다른 센터 구직자 열람(사유를 기록합니다)"), st.form("cl_other_form"):
    other = st.number_input("구직자 ID", min_value=1, step=1, value=None, key="cl_other_id")
    reason = st.selectbox("열람 사유", REASONS_KO, key="cl_other_reason")
    if st.form_submit_button("사유를 기록하고 열람"):
        if other is None or cl.seeker_centre(con, int(other)) is None:
            st.error("그런 구직자 ID가 없습니다.")
        else:
            st.session_state["cl_other"] = (int(other), reason)
if df.empty and "cl_other" not in st.session_state:
    st.stop()

st.subheader("개인별 설명")
if "cl_other" in st.session_state:
    sid, why = st.session_state["cl_other"]
    st.info(f"다른 센터 구직자 {sid}의 기록입니다(사유: {why}, 열람 기록에 남았습니다).")
    st.button("내 담당 목록으로", on_click=st.session_state.pop, args=("cl_other",), key="cl_other_clear")
else:
    p_of = dict(zip(df["seeker_id"], df["p"], strict=True))
    sid = st.selectbox(
        "구직자", df["seeker_id"].tolist(), key="cl_one", format_func=lambda i: f"{i} · {pct(float(p_of[i]), 0)}"
    )
    why = None
auth_ui.record_view(me, "seeker", sid, "caseload", reason=why)
x = svc.stored_features(con, [sid])
info = svc.seeker_info(con, sid)
labels = category_labels(x, major_names, sido_names)
f = factors(model, x, labels)
st.plotly_chart(
    employ_ui.factor_bars(f, f"구직자 {sid}: 취업확률 {pct(float(model.predict_proba(x)[0, 1]), 0)}"), key="cl_f"
)
employ_ui.group_caveats(tables["fairness"], info, sido_names, for_counsellor=True)
c1, c2 = st.columns(2)
with c1:
    st.markdown("**권고: 바꿀 수 있는 요인**")
    employ_ui.change_list(
        recourse(model, x, info.get("typical_wage")), "바꿀 수 있는 요인으로는 확률이 더 오르지 않습니다."
    )
with c2:
    st.markdown("**권고: 희망 직업을 관련 직업으로 바꾸기**")
    employ_ui.change_list(
        *svc.related_occupation_options(con, model, ref["occ"], info, x), caveat=employ_ui.OCCUPATION_CAVEAT
    )

st.subheader("구직자 간 비교차트")
pick = st.multiselect(
    "비교할 구직자(최대 5명)",
    df["seeker_id"].tolist(),
    default=df["seeker_id"].tolist()[:3],
    max_selections=5,
    key="cl_cmp",
)
if pick:
    for other_sid in pick:
        auth_ui.record_view(me, "seeker", other_sid, "caseload")
    table, probs = svc.compare_seekers(model, svc.stored_features(con, pick))
    st.plotly_chart(employ_ui.comparison(table, probs, "요인별 영향 비교 (상위 6개 요인)"), key="cl_cmp_chart")
    st.dataframe(table.round(1).assign(**{"취업확률(%)": (probs * 100).round(1)}), width="stretch")
