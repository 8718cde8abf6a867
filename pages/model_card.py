"""모델 카드: 취업확률 모델의 데이터, 성능(기준선·상한 비교), 보정, 공정성 감사."""

import pandas as pd
import streamlit as st

import app_cache as cache
from analytics import regions
from components import employ_ui

st.title("모델 카드 — 취업확률(6개월)")
_model, meta, tables = cache.employability_or_stop()
st.caption(f"버전 {meta['version']} · 생성 {meta['created_at'].replace('T', ' ')} · 학습 자료 해시 {meta['training_data_hash']} · 출처 {meta['training_source']}")
st.markdown(
    "**용도**: 구직 등록 시점에 6개월 내 취업 가능성을 추정해 상담 우선순위와 설명을 돕습니다. 자동 결정에 쓰지 않습니다.  \n"
    "**모델**: LightGBM(얕은 트리) + Platt 보정, 설명은 정확한 TreeSHAP(LightGBM `pred_contrib`).  \n"
    f"**민감 속성**: {', '.join(meta['sensitive_excluded'])}는 특징으로 쓰지 않고 공정성 감사에만 씁니다.")
periods = meta["split_periods"]
st.markdown("**시간 기준 분할** (등록일): " + " · ".join(f"{k} {v[0]}~{v[1]} ({meta['split_sizes'][k]:,}명)" for k, v in periods.items()))
names = {"model": "이 모델", "logistic_baseline": "기준선: 로지스틱 회귀", "ceiling_at_registration": "상한: 등록 시점 참확률",
         "oracle_with_latent": "참고: 잠재특성까지 아는 참확률"}
m = pd.DataFrame(meta["metrics"]).T
st.subheader("시험 구간 성능")
st.dataframe(pd.DataFrame({"비교": [names.get(i, i) for i in m.index], "ROC-AUC": m["roc_auc"].round(4), "PR-AUC": m["pr_auc"].round(4),
                           "브라이어 점수(Brier)": m["brier"].round(4), "보정 오차(ECE)": m["ece"].round(4),
                           "표본(명)": m["n"].astype(int)}), hide_index=True)
if "ceiling_at_registration" in meta["metrics"]:
    gap = meta["metrics"]["ceiling_at_registration"]["roc_auc"] - meta["metrics"]["model"]["roc_auc"]
    st.caption(f"상한 대비 AUC 차이 {gap:.4f} (목표 ≤ 0.02) · ECE {meta['metrics']['model']['ece']:.4f} (목표 ≤ 0.02). "
               "참확률은 합성 세계의 truth 스키마에서 평가에만 씁니다.")
c1, c2 = st.columns(2)
with c1:
    st.plotly_chart(employ_ui.calibration_plot(tables["calibration"]), key="mc_cal")
with c2:
    st.markdown("**특징(등록 시점 정보만)**")
    st.dataframe(pd.DataFrame([{"특징": f["ko"], "구분": "바꿀 수 있음" if f["changeable"] else "고정"} for f in meta["features"]]),
                 hide_index=True, height=320)
st.subheader("공정성 감사 (시험 구간)")
fair = tables["fairness"]
st.caption(f"상담 대상 표시 기준: 확률 < {meta['threshold']:.2f} (검증 구간 하위 30%). FPR = 실제 취업했는데 표시된 비율, FNR = 미취업인데 표시되지 않은 비율.")
ref = cache.reference()
sido_ko = regions.region_names(ref, "sido") if ref else {}
metric_ko = {"auc": "AUC", "flag_share": "상담 대상 비율", "fpr": "오표시율(FPR)", "fnr": "누락률(FNR)"}
for dim, g in fair.groupby("dimension", sort=False):
    gaps = {c: g[c].max() - g[c].min() for c in metric_ko}
    worst = max(gaps, key=gaps.get)
    shown = f"{gaps[worst]:.3f}" if worst == "auc" else f"{gaps[worst] * 100:.1f}%p"
    st.markdown(f"**{dim}** — 가장 큰 격차: {metric_ko[worst]} {shown}")
    st.dataframe(pd.DataFrame({
        "집단": g["group"].astype(str).str.zfill(2).map(sido_ko) if dim == "시도" else g["group"], "표본(명)": g["n"],
        "AUC": g["auc"].round(3), "상담 대상 비율(%)": (g["flag_share"] * 100).round(1), "오표시율 FPR(%)": (g["fpr"] * 100).round(1),
        "누락률 FNR(%)": (g["fnr"] * 100).round(1), "평균 예측(%)": (g["mean_pred"] * 100).round(1),
        "실제 취업률(%)": (g["observed"] * 100).round(1), "보정 격차(%p)": (g["calibration_gap"] * 100).round(1),
    }), hide_index=True, width="stretch")
