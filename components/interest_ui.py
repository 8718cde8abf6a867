"""Render helpers for the interest test: item widgets, profile chart and Top-5 cards."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import nav
from components.format import manwon, people
from data_catalog.spec import ANSWER_SCALE, EDUCATION

SCALE = list(ANSWER_SCALE)


def item_radio(item: pd.Series, previous: int | None, key: str) -> int | None:
    idx = SCALE.index(previous) if previous in SCALE else None
    return st.radio(f"**{item['text_ko']}**", SCALE, index=idx, format_func=ANSWER_SCALE.ko, horizontal=True, key=key)


def profile_chart(scores: pd.DataFrame) -> go.Figure:
    fig = go.Figure(
        go.Bar(
            x=[f"{r.type_ko}({r.type})" for r in scores.itertuples()],
            y=scores["theta"],
            error_y=dict(type="data", array=1.96 * scores["se"], visible=True),
            marker_color=["#31a354" if v >= 0 else "#9ecae1" for v in scores["theta"]],
            customdata=scores[["raw_mean", "answered", "se"]].to_numpy(),
            hovertemplate="%{x}<br>θ %{y:.2f} (표준오차 %{customdata[2]:.2f})<br>원점수 평균 %{customdata[0]:.2f}/5"
            " · 응답 %{customdata[1]}문항<extra></extra>",
        )
    )
    fig.add_hline(y=0, line_color="#636363")
    fig.update_layout(
        title="흥미 프로파일 (θ, 막대 = 95% 신뢰구간)",
        yaxis_title="θ (평균 0, 표준편차 1)",
        height=360,
        margin=dict(l=10, r=10, t=50, b=10),
    )
    return fig


def stability_note(n_families: int, n_draws: int) -> str:
    return (
        f"추천 안정도: 검사 점수의 측정오차를 고려해 점수를 {n_draws}번 다시 뽑아 계산했을 때 "
        f"그 직업군이 추천 5가지에 든 비율입니다. {n_families}개 직업군 가운데 5개를 고르므로, "
        "잘 맞는 정도가 비슷한 직업군끼리는 순위가 쉽게 바뀝니다. "
        "추천 5가지는 일치도 순이고 안정도는 오차를 반영한 비율이라, 두 순서가 다를 수 있습니다."
    )


def top5_cards(top: pd.DataFrame, reasons: list[str], note: str) -> None:
    st.caption(note)
    for rank, (r, why) in enumerate(zip(top.itertuples(), reasons, strict=True), start=1):
        with st.container(border=True):
            c1, c2 = st.columns([3, 2])
            c1.markdown(f"**{rank}. {r.family_ko}** — {r.name_ko} ({r.keco_code}) · 흥미코드 {r.riasec_code}")
            c1.caption(r.duties_ko)
            c1.write(why)
            shown = round(r.stability * 100)  # label what is shown: 69.75 % reads 70 %, so 높음
            c1.caption(f"추천 안정도 {shown}% ({'높음' if shown >= 70 else '보통' if shown >= 40 else '낮음'})")
            c2.metric("대표 월임금", manwon(r.typical_monthly_wage_krw))
            c2.caption(f"최근 12개월 구인인원 {people(r.openings_12m)} · 요구 학력 {EDUCATION.ko(r.education)}")
            if r.relatives:
                st.caption("같은 직업군의 가까운 직업")
                st.dataframe(relatives_table(r.relatives), hide_index=True, width="stretch")
            l1, l2 = st.columns(2)
            l1.page_link(
                nav.path("seeker_market"),
                label="관련 일자리 보기",
                icon=":material/work:",
                query_params={"occ": r.keco_code},
            )
            l2.page_link(
                nav.path("training"),
                label="관련 직업훈련 보기",
                icon=":material/school:",
                query_params={"occ": r.keco_code},
            )


def relatives_table(relatives: list[dict]) -> pd.DataFrame:
    """A card's close relatives in its family: name, fit, typical wage and recent openings."""
    return pd.DataFrame(
        {
            "직업": [f"{x['name_ko']} ({x['keco_code']})" for x in relatives],
            "일치도": [round(x["fit"], 2) for x in relatives],
            "대표 월임금": [manwon(x["typical_monthly_wage_krw"]) for x in relatives],
            "최근 12개월 구인인원": [people(x.get("openings_12m")) for x in relatives],
        }
    )


def close_alternatives(alt: pd.DataFrame) -> None:
    """Families that fit about as well as the five shown (the ranking between them is within measurement error)."""
    if alt.empty:
        st.caption("추천 5가지 밖의 직업군 가운데 측정오차 범위에서 추천에 자주 드는 직업군은 없습니다.")
        return
    with st.expander(f"비슷하게 잘 맞는 직업군 {len(alt)}개 (순위 차이가 측정오차 안에 있음)"):
        st.dataframe(
            pd.DataFrame(
                {
                    "직업군": alt["family_ko"],
                    "가장 잘 맞는 직업": alt["name_ko"] + " (" + alt["keco_code"] + ")",
                    "흥미코드": alt["riasec_code"],
                    "추천 안정도": (alt["stability"] * 100).round().astype(int).astype(str) + "%",
                }
            ),
            hide_index=True,
        )
