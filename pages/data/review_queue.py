"""부처: 공고 심사 대기열 — 자동 점검에서 의심이 나온 공고만 심각도 순으로, 규칙 근거와 함께; 결정은 운영 저장소에."""

from datetime import timedelta

import streamlit as st

import app_cache as cache
from analytics import regions
from components import auth_ui, review_ui
from components.export import download_csv
from components.format import ymd
from components.text import plain
from data_catalog.errors import UserError
from models.posting_check import queue
from models.posting_check.rules import FLAG_IDS, RULE_NAMES_KO
from models.posting_check.world import QUEUE_WINDOW_DAYS

st.title("공고 심사 대기열")
st.caption(
    "게시된 공고를 모두 자동 점검(규칙 + ML 이상 점수)하고, 의심이 나온 공고만 심각도 순으로 보여 드립니다. 각 표시는 "
    "근거 조문과 고치는 방법을 함께 적습니다. 결정(승인·반려·수정 후 승인)과 메모는 운영 저장소에 남습니다."
)
con, ref, _period = cache.page_context()
me = auth_ui.identity()
sido_names = regions.region_names(ref, "sido")
tab_queue, tab_bulk = st.tabs(["심사 대기열", "파일 일괄 점검"])


def queue_tab() -> None:
    last = queue.last_day(con)
    c1, c2, c3 = st.columns([2, 3, 3])
    day_range = c1.date_input(
        "게시일",
        (last, last),
        min_value=last - timedelta(days=QUEUE_WINDOW_DAYS),
        max_value=last,
        key="rq_days",
        format="YYYY-MM-DD",
    )
    start, end = day_range if isinstance(day_range, tuple) and len(day_range) == 2 else (last, last)
    if (end - start).days > 30:
        st.warning("한 번에 31일까지 볼 수 있어 시작일부터 31일만 보여 드립니다.")
        end = start + timedelta(days=30)
    rules = c2.multiselect("규칙", list(FLAG_IDS), format_func=RULE_NAMES_KO.get, key="rq_rules", placeholder="전체")
    sidos = c3.multiselect("시도", list(sido_names), format_func=sido_names.get, key="rq_sido", placeholder="전체")
    with st.spinner("공고를 점검하는 중…"):
        checked = cache.review_queue(start, end)
    if checked.empty:
        st.info("이 기간에 게시된 공고가 없습니다.")
        return
    q = queue.filtered(checked, rules, sidos)
    decided = cache.posting_store().reviews(q["key"].tolist())
    n_flagged = int((checked["rules"] != "").sum())
    st.markdown(
        f"점검한 공고 **{len(checked):,}건** ({ymd(start)} ~ {ymd(end)}) 가운데 의심 **{n_flagged:,}건** · "
        f"필터 결과 {len(q):,}건 · 결정 완료 {len(decided):,}건"
    )
    if q.empty:
        st.success("조건에 맞는 의심 공고가 없습니다.")
        return
    st.dataframe(review_ui.queue_table(q, decided), hide_index=True, width="stretch", key="rq_table")
    titles = dict(zip(q["id"], q["title"], strict=True))
    pid = st.selectbox("심사할 공고", list(titles), format_func=lambda i: f"{i} · {titles[i]}", key="rq_pick")
    row = q[q["id"] == pid].iloc[0]
    review_ui.posting_detail(row)
    current = cache.posting_store().reviews([row["key"]]).get(row["key"])
    review_ui.current_decision(current)
    review_ui.decision_form(cache.posting_store(), row, me.actor, me.label_ko(), current)
    review_ui.history(cache.posting_store().history(row["key"]))


with tab_queue:
    queue_tab()

with tab_bulk:
    st.caption(
        "CSV·Excel(.xlsx)·JSON Lines 파일의 공고를 한꺼번에 점검합니다. 필요한 열: id, title, body, wage_type, wage, "
        "weekly_hours, year, posted_date, closing_date, location, contact (선택: daily_hours)."
    )
    up = st.file_uploader("공고 파일", type=["csv", "xlsx", "jsonl", "ndjson", "json", "parquet"], key="rq_file")
    use_score = st.checkbox(
        "ML 이상 점수도 매기기",
        key="rq_score",
        help="점수는 합성 세계의 공고 문장으로 학습했습니다. 문장이 다른 실제 공고에는 오탐이 많습니다"
        "(손으로 쓴 평가 공고 B의 적법 공고 75건 중 66건 표시, 공고 단위 정밀도 0.94 → 0.61). 기본은 규칙만입니다.",
    )
    if up is not None:
        try:
            with st.spinner("점검 중…"):
                report = cache.bulk_report(up.getvalue(), up.name, use_score)
        except UserError as exc:
            st.error(plain(exc.ko))
        else:
            flagged = int((report["rules"] != "").sum())
            bad = int((report["error_ko"] != "").sum())
            st.markdown(f"점검 {len(report):,}건 · 의심 **{flagged:,}건** · 값 오류가 있는 행 {bad:,}건")
            st.dataframe(report, hide_index=True, width="stretch")
            download_csv("점검 보고서 내려받기 (CSV)", report, "posting_check_report.csv", key="rq_download")
