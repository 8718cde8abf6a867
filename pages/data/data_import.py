"""데이터 가져오기: upload a real extract (CSV/Parquet); valid rows load, bad rows are quarantined."""

import json

import streamlit as st

import app_cache as cache
from analytics.imports import recent_quarantine
from data_catalog import importer
from data_catalog.schemas import validate_frame
from data_catalog.spec import TABLES

st.title("데이터 가져오기")
st.caption(
    "실제 추출 자료(CSV·Parquet)를 스키마로 검증해 올바른 행만 적재하고, 나머지는 사유와 함께 격리합니다. "
    "기존 웨어하우스 자료는 지워지거나 덮어써지지 않습니다."
)

tables = [t for t, s in TABLES.items() if s.schema == "main"]
table = st.selectbox("대상 테이블", tables, format_func=lambda t: f"{TABLES[t].ko} ({t})", key="imp_table")
up = st.file_uploader("파일 (CSV: UTF-8 또는 CP949, 첫 행은 열 이름)", type=["csv", "parquet"], key="imp_file")
cmap_file = st.file_uploader('열 이름 대응 JSON (선택: {"원본 열": "스키마 열"})', type=["json"], key="imp_map")

mapping = None
if cmap_file is not None:
    try:
        mapping = json.loads(cmap_file.getvalue().decode("utf-8"))
        if not isinstance(mapping, dict):
            raise ValueError("객체가 아닙니다")
    except (ValueError, UnicodeDecodeError) as e:
        st.error(f"열 대응 JSON을 읽을 수 없습니다({e}). 대응 없이 진행합니다.")
        mapping = None

if up is None:
    st.info("파일을 올리면 먼저 검증 결과를 보여 드립니다. 가져오기는 확인 버튼을 누른 뒤에만 실행됩니다.")
    st.stop()

try:
    df = importer.apply_column_map(importer.read_any(up.getvalue(), up.name), mapping)
except importer.ImportFileError as e:
    st.error(str(e))
    st.stop()

res = validate_frame(df, table)
c1, c2, c3 = st.columns(3)
c1.metric("읽은 행", f"{len(df):,}")
c2.metric("올바른 행", f"{len(res.valid):,}")
c3.metric("격리될 행", f"{len(res.rejected):,}")
if res.missing_columns:
    st.error(f"필수 열이 없습니다: {', '.join(res.missing_columns)} — 열 대응 JSON으로 이름을 맞춰 주세요.")
if not res.errors.empty:
    st.markdown("**검증 오류** (파일의 행 번호 기준, 머리글 = 1행)")
    st.dataframe(
        res.errors.rename(
            columns={"row": "행", "column": "열", "column_ko": "열 이름", "value": "값", "message_ko": "설명"}
        ),
        hide_index=True,
        width="stretch",
    )

if st.button("검증된 행 가져오기", type="primary", disabled=len(res.valid) == 0, key="imp_go"):
    cache.release_connection()
    try:
        rep = importer.import_frame(df, table, up.name, cache.data_dir())
    except Exception as e:  # noqa: BLE001 - show any failure; the transaction was rolled back
        st.error(f"가져오기에 실패해 아무것도 바뀌지 않았습니다: {e}")
    else:
        st.success(rep.summary_ko())
        st.cache_data.clear()

try:
    q = recent_quarantine(cache.con())
    st.markdown("**최근 격리 행**")
    st.dataframe(q, hide_index=True, width="stretch")
except cache.WarehouseMissing as e:
    st.error(str(e))
