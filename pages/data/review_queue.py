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
from store.postings import DECISIONS, ReviewConflict

st.title("공고 심사 대기열")
st.caption(
    "게시된 공고를 모두 자동 점검(규칙 + ML 이상 점수)하고, 의심이 나온 공고만 심각도 순으로 보여 드립니다. 각 표시는 "
    "근거 조문과 고치는 방법을 함께 적습니다. 결정(승인·반려·수정 후 승인)과 메모는 운영 저장소에 남습니다."
)
con, ref, _period = cache.page_context()
me = auth_ui.identity()
sido_names = regions.region_names(ref, "sido")
tab_queue, tab_bulk = st.tabs(["오늘의 심사 대기열", "파일 일괄 점검"])

with tab_queue:
    last = queue.last_day(con)
    c1, c2, c3 = st.columns([2, 3, 3])
    day_range = c1.date_input(
        "게시일", (last, last), min_value=last - timedelta(days=90), max_value=last, key="rq_days", format="YYYY-MM-DD"
    )
    start, end = day_range if isinstance(day_range, tuple) and len(day_range) == 2 else (last, last)
    if (end - start).days > 31:
        st.warning("한 번에 31일까지 볼 수 있어 시작일부터 31일만 보여 드립니다.")
        end = start + timedelta(days=31)
    rules = c2.multiselect("규칙", list(FLAG_IDS), format_func=RULE_NAMES_KO.get, key="rq_rules", placeholder="전체")
    sidos = c3.multiselect("시도", list(sido_names), format_func=sido_names.get, key="rq_sido", placeholder="전체")
    with st.spinner("공고를 점검하는 중…"):
        checked = cache.review_queue(start, end, cache.db_path().stat().st_mtime)
    if checked.empty:
        st.info("이 기간에 게시된 공고가 없습니다.")
        st.stop()
    q = queue.filtered(checked, rules, sidos)
    decided = cache.posting_store().reviews(q["key"].tolist())
    n_flagged = int((checked["rules"] != "").sum())
    st.markdown(
        f"점검한 공고 **{len(checked):,}건** ({ymd(start)} ~ {ymd(end)}) 가운데 의심 **{n_flagged:,}건** · "
        f"필터 결과 {len(q):,}건 · 결정 완료 {len(decided):,}건"
    )
    if q.empty:
        st.success("조건에 맞는 의심 공고가 없습니다.")
        st.stop()
    st.dataframe(review_ui.queue_table(q, decided), hide_index=True, width="stretch", key="rq_table")
    pid = st.selectbox(
        "심사할 공고",
        q["id"].tolist(),
        format_func=lambda i: f"{i} · {q.loc[q['id'] == i, 'title'].iloc[0]}",
        key="rq_pick",
    )
    row = q[q["id"] == pid].iloc[0]
    key = row["key"]
    review_ui.posting_detail(row)
    current = cache.posting_store().reviews([key]).get(key)
    seen = current["version"] if current else 0
    if current:
        st.info(
            f"현재 결정: {DECISIONS[current['decision']]} — {plain(current['reviewer_label'])}, "
            f"{current['decided_at']:%Y-%m-%d %H:%M}"
            + (f" · 메모: {plain(current['note'])}" if current["note"] else "")
        )
    with st.form(f"rq_form_{key}"):
        decision = st.radio("결정", list(DECISIONS), format_func=DECISIONS.get, horizontal=True, key=f"rq_dec_{key}")
        note = st.text_area("심사 메모", key=f"rq_note_{key}", max_chars=1000)
        corrected = st.text_area("수정한 본문 (수정 후 승인일 때)", value=row["body"], key=f"rq_fix_{key}", height=160)
        if st.form_submit_button("결정 저장", type="primary"):
            try:
                cache.posting_store().decide(
                    key,
                    decision,
                    me.actor,
                    me.label_ko(),
                    int(st.session_state.get(f"rq_seen_{key}", seen)),
                    note=note.strip(),
                    corrected_text=corrected if decision == "corrected" else None,
                    rules=row["rules"],
                )
                st.session_state.pop(f"rq_seen_{key}", None)
                st.success("결정을 저장했습니다.")
            except ReviewConflict as exc:
                st.warning(str(exc))
    st.session_state.setdefault(f"rq_seen_{key}", seen)
    review_ui.history(cache.posting_store().history(key))

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
                report = queue.bulk_report(up.getvalue(), up.name, cache.anomaly_scorer() if use_score else None)
        except UserError as exc:
            st.error(plain(exc.ko))
        else:
            flagged = int((report["rules"] != "").sum())
            bad = int((report["error_ko"] != "").sum())
            st.markdown(f"점검 {len(report):,}건 · 의심 **{flagged:,}건** · 값 오류가 있는 행 {bad:,}건")
            st.dataframe(report, hide_index=True, width="stretch")
            download_csv("점검 보고서 내려받기 (CSV)", report, "posting_check_report.csv", key="rq_download")
