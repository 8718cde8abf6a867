"""The matching model's card: what it ranks, held-out figures against its baselines, retrieval per backend, inputs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

METHOD_KO = {
    "random": "무작위",
    "popularity": "인기순(지원자 수)",
    "embedding": "임베딩 유사도만",
    "re-ranker": "재순위 모델",
    "re-ranker + anti-crowding": "재순위 + 쏠림 완화",
}


def render_matching(meta: dict, tables: dict[str, pd.DataFrame]) -> None:
    card, sp, m = meta["card"], meta["split_periods"], meta["metrics"]["test"]
    st.caption(f"버전 {meta['version']} · 생성 {meta['created_at'].replace('T', ' ')} · 임베딩 {meta['embedder']}")
    st.markdown(f"**용도**: {card['purpose_ko']}  \n**방법**: {card['method_ko']}")
    st.markdown(
        # no "~" here: two of them make Markdown strikethrough
        f"**시간 분할**: 학습 {sp['valid_start']} 이전 · 조기 종료 {sp['valid_start']}부터 · 시험 {sp['test_start']}–"
        f"{sp['end']} (시험 구간의 지원·채용은 임베딩과 재순위 모델 모두 보지 않았습니다). "
        f"검색 단위: {card['unit_ko']}."
    )
    st.subheader("시험 구간 성능 (같은 후보군의 순서 비교)")
    st.caption(
        f"재순위 모델 NDCG@10 {m['ndcg@10']:.3f} = 임베딩만의 {m['ratio_vs_embedding']:.2f}배 (목표 ≥ 1.3배). "
        "노출 공고 비율은 한 번이라도 추천된 공고의 비율, 지니는 추천 횟수의 쏠림(낮을수록 고르게)입니다."
    )
    ev = tables["evaluation"]
    st.dataframe(
        pd.DataFrame(
            {
                "방법": ev["method"].map(METHOD_KO).fillna(ev["method"]),
                "NDCG@10": ev["ndcg@10"].round(3),
                "재현율@10": ev["recall@10"].round(3),
                "노출 공고 비율": ev["coverage"].round(3),
                "지니": ev["gini"].round(3),
                "검색 수": ev["searches"],
            }
        ),
        hide_index=True,
    )
    if "retrieval" in tables:
        st.subheader("텍스트 검색 품질 (시험 구간, 지역·날짜 조건 없이)")
        r = tables["retrieval"]
        st.dataframe(
            pd.DataFrame(
                {
                    "백엔드": r["backend"],
                    "재현율@50": r["recall@50"].round(3),
                    "NDCG@10": r["ndcg@10"].round(3),
                    "질의 수": r["queries"],
                    "공고 수": r["corpus"],
                }
            ),
            hide_index=True,
        )
        st.caption("다른 백엔드(USE, E5, BM25)와 결합(RRF)의 수치는 bench/README.md에 있습니다.")
    st.subheader("입력 변수")
    imp = tables.get("importance")
    feats = pd.DataFrame(meta["features"])
    if imp is not None:
        feats = feats.merge(imp, left_on="name", right_on="feature", how="left")
        feats["gain"] = (feats["gain"] / feats["gain"].sum()).round(3)
    st.dataframe(
        feats.rename(columns={"ko": "변수", "gain": "중요도(이득 비율)"})[["변수", "중요도(이득 비율)"]]
        if "gain" in feats
        else feats.rename(columns={"ko": "변수"})[["변수"]],
        hide_index=True,
    )
    st.caption("성별·나이·장애·국적은 입력으로 쓰지 않습니다.")
