"""Render helpers for the employability pages: factors, peers, comparison, calibration, change lists."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import _layout
from components.format import pct
from components.text import chart_text
from models.employability.explain import audit_note, calibration_caveats


def factor_bars(f: pd.DataFrame, title: str, n: int = 10, outcome_ko: str = "취업확률") -> go.Figure:
    d = f.head(n).iloc[::-1]
    colors = ["#31a354" if v >= 0 else "#de2d26" for v in d["effect_pp"]]
    labels = [chart_text(f"{r.label_ko} ({'바꿀 수 있음' if r.changeable else '고정'})") for r in d.itertuples()]
    fig = go.Figure(
        go.Bar(
            x=d["effect_pp"],
            y=labels,
            orientation="h",
            marker_color=colors,
            customdata=d["sentence_ko"].map(chart_text),
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=f"{outcome_ko} 영향(%p)")
    return _layout(fig, title, height=60 + 30 * len(d))


def peer_histogram(peers: pd.Series, p: float, title: str) -> go.Figure:
    fig = go.Figure(go.Histogram(x=peers * 100, nbinsx=25, marker_color="#9ecae1", name="비슷한 구직자"))
    fig.add_vline(x=p * 100, line_color="#e6550d", line_width=3, annotation_text="나", annotation_position="top")
    fig.update_xaxes(title_text="6개월 내 취업확률(%)")
    fig.update_yaxes(title_text="구직자 수")
    return _layout(fig, title)


def comparison(contrib: pd.DataFrame, probs: pd.Series, title: str) -> go.Figure:
    """contrib: rows = seekers (labels), columns = factor labels, values = effect in %p."""
    fig = go.Figure()
    rows = [f"{i} · 취업확률 {probs[i] * 100:.0f}%" for i in contrib.index]  # the probability in the row label
    for col in contrib.columns:
        fig.add_bar(
            y=rows,
            x=contrib[col],
            name=chart_text(col),
            orientation="h",
            hovertemplate=f"{chart_text(col)}: %{{x:+.1f}}%p<extra></extra>",
        )
    fig.update_layout(barmode="relative")
    fig.update_xaxes(title_text="요인별 영향(%p) — 오른쪽은 높임, 왼쪽은 낮춤")
    _layout(fig, title, height=200 + 60 * len(contrib))
    # legend above the bars: below, it collides with the axis title on short charts
    fig.update_layout(
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"), margin=dict(t=90), hovermode="closest"
    )
    return fig


OCCUPATION_CAVEAT = (
    "이 추정은 조건이 비슷하면서 그 직업을 희망했던 과거 구직자들의 취업 결과에 근거합니다. 직업을 바꾸면 "
    "확률이 그만큼 오른다는 뜻은 아닙니다. 모델은 새 직업에 필요한 자격·경력이나 지금 경력과의 관련성을 "
    "알지 못하므로, 직업 전환은 필요한 훈련·자격 준비와 함께 상담에서 검토하세요."
)


def change_list(changes: pd.DataFrame, empty_ko: str, caveat: str | None = None, outcome_ko: str = "취업확률") -> None:
    """Changes re-scored by the model, as 'change → probability before → after (gain)' lines; the caveat under them."""
    if changes.empty:
        st.info(empty_ko)
        return
    for r in changes.itertuples():
        st.markdown(
            f"- **{r.description_ko}** → {outcome_ko} {pct(r.p_before, 0)} → **{pct(r.p_after, 0)}** "
            f"({r.gain_pp:+.1f}%p)"
        )
    if caveat:
        st.caption(caveat)


def group_caveats(fairness: pd.DataFrame, seeker: dict, group_names: dict[str, str], for_counsellor: bool) -> None:
    """Where the model is miscalibrated for a group the seeker belongs to.

    For the seeker (their own page, `seeker` may carry their gender and disability): every such group, as a
    calm note. For a counsellor: a warning for each group they already see (age band, sido) and, when an
    audit-only group (gender, disability) is miscalibrated, one note about the model that reads the same for
    every seeker — the page never tells a counsellor which of those groups the person is in.
    """
    if not for_counsellor:
        for t in calibration_caveats(fairness, seeker, group_names, own=True):
            st.info(t)
        return
    for t in calibration_caveats(fairness, seeker, group_names, own=False):
        st.warning(t)
    if note := audit_note(fairness):
        st.info(note)
