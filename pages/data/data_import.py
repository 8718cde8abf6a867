"""데이터 가져오기: upload a real extract (CSV/Excel/Parquet); valid rows load, bad rows are quarantined."""

import streamlit as st

import app_cache as cache
from components.text import plain
from data_catalog import importer
from data_catalog.errors import UserError
from data_catalog.files import read_table
from data_catalog.spec import TABLES
from store.imports import STATUS_KO

st.title("데이터 가져오기")
st.caption(
    "실제 추출 자료(CSV·Excel·Parquet)를 스키마로 검증해 올바른 행만 적재하고, 나머지는 사유와 함께 격리합니다. "
    "기존 자료는 지워지거나 덮어써지지 않고, 가져오는 동안 다른 사용자는 기존 자료를 그대로 봅니다."
)

tables = importer.importable_tables()
table = st.selectbox("대상 테이블", tables, format_func=lambda t: f"{TABLES[t].ko} ({t})", key="imp_table")
up = st.file_uploader(
    "파일 (CSV: UTF-8·CP949, 쉼표·세미콜론·탭 구분 / Excel .xlsx / Parquet, 첫 행은 열 이름)",
    type=["csv", "tsv", "txt", "xlsx", "parquet"],
    key="imp_file",
)
cmap_file = st.file_uploader('열 이름 대응 JSON (선택: {"원본 열": "스키마 열"})', type=["json"], key="imp_map")


def _show_history() -> None:
    log = cache.import_log()
    hist = log.recent_imports(10)
    if len(hist):
        st.markdown("**최근 가져오기**")
        st.dataframe(
            hist.assign(status=hist["status"].map(STATUS_KO))[
                ["started_at", "source_file", "target_table", "rows_read", "rows_loaded", "rows_quarantined", "status"]
            ].rename(
                columns={
                    "started_at": "시각",
                    "source_file": "파일",
                    "target_table": "테이블",
                    "rows_read": "읽은 행",
                    "rows_loaded": "적재",
                    "rows_quarantined": "격리",
                    "status": "상태",
                }
            ),
            hide_index=True,
            width="stretch",
        )
    q = log.recent_quarantine(50)
    if len(q):
        st.markdown("**최근 격리 행** (원본 행은 운영 저장소에 보관)")
        st.dataframe(
            q.assign(status=q["status"].map(STATUS_KO)).rename(
                columns={
                    "imported_at": "시각",
                    "source_file": "파일",
                    "target_table": "테이블",
                    "row_number": "행",
                    "column_name": "열",
                    "reason_ko": "사유",
                    "status": "가져오기 상태",
                }
            ),
            hide_index=True,
            width="stretch",
        )


if up is None:
    st.info("파일을 올리면 먼저 검증 결과를 보여 드립니다. 가져오기는 확인 버튼을 누른 뒤에만 실행됩니다.")
    _show_history()
    st.stop()

try:
    mapping = importer.parse_column_map(cmap_file.getvalue(), cmap_file.name) if cmap_file else None
    raw, info = read_table(up.getvalue(), up.name)
    df, header_notes = importer.prepare(raw, table, mapping)
    res = importer.check_frame(df, table, cache.data_dir())
except UserError as e:
    st.error(plain(e.ko))
    _show_history()
    st.stop()

st.caption(f"읽은 방식: {plain(info.describe_ko())}")
likely, named = importer.best_table(raw)
if likely != table and res.missing_columns and named > len(TABLES[table].columns) - len(res.missing_columns):
    st.warning(f"이 파일의 열은 '{TABLES[likely].ko}({likely})' 테이블과 더 잘 맞습니다. 대상 테이블을 확인해 주세요.")
for note in header_notes:
    if note.startswith(importer.RECOGNISED_PREFIX):
        with st.expander(f"열 이름 {note.count('→')}개를 스키마 열로 알아보았습니다"):
            st.text(note)
    else:
        st.info(plain(note))
c1, c2, c3 = st.columns(3)
c1.metric("읽은 행", f"{len(df):,}")
c2.metric("가져올 행", f"{len(res.valid):,}")
c3.metric("격리될 행", f"{len(res.rejected):,}")
if res.missing_columns:
    st.error(f"필수 열이 없습니다: {plain(', '.join(res.missing_columns))} — 열 대응 JSON으로 이름을 맞춰 주세요.")
    st.download_button(
        "제안된 열 대응 JSON 내려받기(확인·수정 후 다시 올려 주세요)",
        importer.suggested_column_map(raw, table, mapping).encode("utf-8"),
        f"column_map_{table}.json",
        "application/json",
        key="imp_map_dl",
    )
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
    rep, failure = None, None
    with st.status("가져오는 중… (새 웨어하우스 판을 만든 뒤 한 번에 바꿉니다)", expanded=False) as status:
        try:
            rep = importer.import_frame(df, table, up.name, cache.data_dir(), info=info)
        except UserError as e:
            failure = e
            status.update(label="가져오지 못했습니다", state="error")
        else:
            status.update(label="가져오기 완료", state="complete")
    if failure is not None:
        st.error(plain(failure.ko))
    if rep is not None:
        st.success(plain(rep.summary_ko()))
        for note in rep.notes:
            st.info(plain(note))
        st.cache_data.clear()

_show_history()
