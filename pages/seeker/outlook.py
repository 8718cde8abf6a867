"""구직자: 6개월 내 취업확률, 높이고 낮추는 요인, 바꿀 수 있는 것, 비슷한 구직자 비교."""

import pandas as pd
import streamlit as st

import app_cache as cache
from analytics import regions
from components import auth_ui, employ_ui
from components.format import manwon, pct, ymd
from components.text import plain
from data_catalog.spec import EDUCATION, REGION_SCOPES
from models.common import card as model_card_text
from models.common.fairness import age_band
from models.employability import service as svc
from models.employability.explain import category_labels, factors, peer_group, percentile, recourse

st.title("나의 취업 전망")
st.caption(
    "구직 등록 시점 정보로 6개월 안에 취업할 확률을 추정하고, 그 이유와 확률을 높일 수 있는 현실적인 변화를 보여 "
    "드립니다."
)
con, ref, _period = cache.page_context()
model, meta, tables = cache.model_or_stop("employability")
occ = ref["occ"]
occ_names = dict(zip(occ["keco_code"], occ["name_ko"], strict=True))
sido_names = regions.region_names(ref, "sido")

me = auth_ui.identity()
mode = st.radio(
    "누구의 전망을 볼까요?",
    ["own", "form"],
    horizontal=True,
    key="ol_mode",
    format_func={"own": "내 구직 등록 기록", "form": "다른 조건으로 해 보기"}.get,
)
if mode == "own":
    sid = int(me.org)  # the signed-in seeker's own record, never an id from the address or a widget
    if st.query_params.get("seeker") not in (None, str(sid)):
        st.warning("다른 사람의 기록은 볼 수 없어 내 기록을 보여 드립니다.")
    info = svc.seeker_info(con, sid)
    if not info:
        st.error("구직 등록 기록을 찾을 수 없습니다. 고용센터에 문의해 주세요.")
        st.stop()
    auth_ui.record_view(me, "seeker", sid, "outlook")
    cache.scores_or_stop()
    x = svc.stored_features(con, [sid])
    if x.isna().all(axis=None):
        st.warning(f"점수 없음 — 구직자 {sid}의 점수가 아직 계산되지 않았습니다. 모델을 다시 학습해 주세요.")
        st.stop()
    st.caption(
        f"{info['age']}세 · {sido_names.get(info['sido_code'])} · 희망 {info['desired_ko']} · 희망 월급 "
        f"{manwon(info['desired_wage_krw'])} · 등록일 {ymd(info['registered_date'])}"
    )
    typical, sido, major, who = info["typical_wage"], info["sido_code"], info["desired_keco_code"][:1], info
    own = {**info, **svc.own_audit_groups(con, sid)}  # the person's own page: their audit groups may be named
else:
    with st.form("profile"):
        c1, c2, c3 = st.columns(3)
        age = c1.number_input("나이", 15, 80, value=None, placeholder="예: 34", key="f_age")
        edu = c2.selectbox("최종 학력", list(EDUCATION), key="f_edu", format_func=EDUCATION.ko)
        sido_in = c3.selectbox("거주 시도", list(sido_names), format_func=sido_names.get, key="f_sido")
        des = c1.selectbox("희망 직업", list(occ_names), format_func=lambda c: f"{occ_names[c]} ({c})", key="f_des")
        wage = c2.number_input("희망 월급(만원)", 0, 3000, value=None, placeholder="예: 280", key="f_wage")
        months = c3.number_input("구직 기간(개월)", 0, 240, value=None, placeholder="예: 3", key="f_months")
        career = c1.number_input("경력(년)", 0.0, 50.0, value=None, key="f_career")
        train = c2.number_input("직업훈련 이수 시간", 0, 3000, value=None, key="f_train")
        scope = c3.selectbox("희망 근무지역", list(REGION_SCOPES), index=1, key="f_scope", format_func=REGION_SCOPES.ko)
        n_sk = c1.number_input("보유 자격·기술 수", 0, 20, value=2, key="f_skills")
        submitted = st.form_submit_button("전망 보기", type="primary")
    if not submitted and "ol_profile" not in st.session_state:
        st.stop()
    form = {
        "age": age,
        "education": edu,
        "sido_code": sido_in,
        "desired_keco_code": des,
        "desired_wage_manwon": wage,
        "unemp_months": months,
        "career_years": career,
        "training_hours": train,
        "region_scope": scope,
        "skills": [f"기술{i}" for i in range(int(n_sk or 0))],
        "last_keco_code": des if career else None,
    }
    res = svc.profile_from_form(form, occ, con)
    for e in res.errors:
        st.error(e)
    if res.errors:
        st.stop()
    for n in res.notes:
        st.info(n)
    st.session_state["ol_profile"] = True
    x = res.features
    typical, sido, major = float(occ.set_index("keco_code").loc[des, "typical_monthly_wage_krw"]), sido_in, des[:1]
    who = own = {"age": age, "sido_code": sido_in, "desired_keco_code": des}

labels = category_labels(x, regions.major_names(ref), sido_names)
p = float(model.predict_proba(x)[0, 1])
f = factors(model, x, labels)
k1, k2 = st.columns([1, 2])
k1.metric("6개월 내 취업확률", pct(p, 0))
k1.caption(
    f"모델 {meta['version']}({plain(model_card_text.source_text(meta))}) · 학습에 쓰지 않은 최근 기간으로 검증한 "
    f"정확도(AUC) {meta['metrics']['model']['roc_auc']:.3f}, "
    f"보정 오차 {meta['metrics']['model']['ece'] * 100:.1f}%p (자세히: 모델 카드)"
)
with k1:
    employ_ui.group_caveats(tables["fairness"], own, sido_names, for_counsellor=False)
with k2:
    st.plotly_chart(employ_ui.factor_bars(f, "확률을 높이고 낮추는 요인"), key="ol_factors")
st.subheader("주요 요인")
for r in f.head(6).itertuples():
    st.markdown(
        f"- {':green[▲]' if r.effect_pp >= 0 else ':red[▼]'} {plain(r.sentence_ko)}. "
        f"*({'바꿀 수 있는 요인' if r.changeable else '고정 요인'})*"
    )
st.subheader("확률을 높이는 현실적인 변화")
employ_ui.change_list(recourse(model, x, typical), "현재 바꿀 수 있는 요인으로는 확률이 더 오르지 않습니다.")
st.subheader("희망 직업을 관련 직업으로 바꾼다면")
employ_ui.change_list(*svc.related_occupation_options(con, model, occ, who, x), caveat=employ_ui.OCCUPATION_CAVEAT)
st.subheader("비슷한 구직자와 비교")
cache.scores_or_stop()
scores = cache.seeker_scores()
band = age_band(pd.Series([float(x.iloc[0]["age"])])).iloc[0]
peers, label = peer_group(scores, {"age_band": band, "sido_code": sido, "desired_major": major})
st.caption(f"비교 집단: {label} {len(peers):,}명 · 나의 위치: 하위 {percentile(p, peers['p']):.0f}%")
st.plotly_chart(employ_ui.peer_histogram(peers["p"], p, "비슷한 구직자의 취업확률 분포"), key="ol_peers")
