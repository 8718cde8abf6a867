"""Plotly figures for the map drill-down, the policy home and the employer benchmark (Korean labels)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.format import manwon, metric_value

FONT = dict(family="Noto Sans KR, Malgun Gothic, sans-serif", size=13)


def month_axis(fig: go.Figure, n_months: int) -> go.Figure:
    """A month axis labelled '2025-01' (plotly's own date ticks read 'Jan 2025'), hover included.

    One tick a month up to a year (plotly would otherwise put several ticks, all '2025-01', in one
    month of a short range), one a quarter beyond.
    """
    return fig.update_xaxes(
        type="date", tickformat="%Y-%m", hoverformat="%Y-%m", title_text="월", dtick="M1" if n_months <= 12 else "M3"
    )


def _layout(fig: go.Figure, title: str, height: int = 320) -> go.Figure:
    fig.update_layout(
        title=title,
        height=height,
        margin=dict(l=10, r=10, t=50, b=10),
        font=FONT,
        legend=dict(orientation="h", y=-0.2),
        hovermode="x unified",
    )
    return fig


def trend(df: pd.DataFrame, title: str) -> go.Figure:
    """Monthly openings and new seekers (bars) with the vacancy ratio (line, right axis)."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    x = pd.to_datetime(df["month"])
    fig.add_bar(x=x, y=df["openings"], name="신규 구인인원(명)", marker_color="#31a354")
    fig.add_bar(x=x, y=df["new_seekers"], name="신규 구직자(명)", marker_color="#9ecae1")
    fig.add_scatter(
        x=x,
        y=df["vacancy_ratio"],
        name="구인배수(배)",
        mode="lines+markers",
        line=dict(color="#e6550d"),
        secondary_y=True,
    )
    fig.update_yaxes(title_text="명", secondary_y=False)
    fig.update_yaxes(title_text="배", secondary_y=True, rangemode="tozero")
    return month_axis(_layout(fig, title), len(df))


def wage_trend(df: pd.DataFrame, title: str, nation: pd.DataFrame | None = None) -> go.Figure:
    fig = go.Figure()
    x = pd.to_datetime(df["month"])
    fig.add_scatter(x=x, y=df["wage_median"] / 10_000, name="선택 지역", mode="lines+markers")
    if nation is not None:
        fig.add_scatter(
            x=pd.to_datetime(nation["month"]),
            y=nation["wage_median"] / 10_000,
            name="전국",
            mode="lines",
            line=dict(dash="dash"),
        )
    fig.update_yaxes(title_text="만원/월")
    return month_axis(_layout(fig, title), len(df) if nation is None else max(len(df), len(nation)))


def top_occupations(df: pd.DataFrame, title: str) -> go.Figure:
    d = df.sort_values("openings")
    fig = go.Figure(
        go.Bar(
            x=d["openings"],
            y=d["occupation_ko"],
            orientation="h",
            marker_color="#3182bd",
            customdata=(d["wage_median"] / 10_000).round(0),
            hovertemplate="%{y}<br>구인인원 %{x:,}명<br>제시임금 중위 %{customdata:,.0f}만원<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="신규 구인인원(명)")
    return _layout(fig, title, height=max(300, 28 * len(d) + 80))


def wage_distribution(df: pd.DataFrame, title: str, region_label: str) -> go.Figure:
    fig = go.Figure()
    x = df["bin_manwon"].astype(int).astype(str) + "만원~"
    fig.add_bar(x=x, y=df["region_share"] * 100, name=region_label, marker_color="#31a354")
    fig.add_bar(x=x, y=df["nation_share"] * 100, name="전국", marker_color="#bdbdbd")
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="공고 비중(%)")
    fig.update_xaxes(title_text="월 환산 제시임금")
    return _layout(fig, title)


def region_vs_nation(rows: pd.DataFrame, title: str) -> go.Figure:
    """rows: metric, label, region, nation, index (region/nation×100) — shown as an index (전국=100)."""
    rows = rows.assign(
        region_ko=[metric_value(m, v) for m, v in zip(rows["metric"], rows["region"], strict=True)],
        nation_ko=[metric_value(m, v) for m, v in zip(rows["metric"], rows["nation"], strict=True)],
    )
    fig = go.Figure(
        go.Bar(
            x=rows["index"],
            y=rows["label"],
            orientation="h",
            marker_color=["#31a354" if v >= 100 else "#de2d26" for v in rows["index"]],
            customdata=rows[["region_ko", "nation_ko"]].to_numpy(),
            hovertemplate="%{y}<br>지역 %{customdata[0]} · 전국 %{customdata[1]}<br>지수 %{x:.0f}<extra></extra>",
        )
    )
    fig.add_vline(x=100, line_dash="dash", line_color="#636363")
    fig.update_xaxes(title_text="전국 = 100")
    return _layout(fig, title, height=320)


def fill_by_wage(q: pd.DataFrame, min_cell: int) -> tuple[go.Figure, str]:
    """Fill rate by wage group (from `analytics.postings.fill_by_wage_quintile`) and a caption of what is not shown.

    The small-cell rule of the map applies: a fill rate needs `min_cell` closed postings, a median
    days-to-fill `min_cell` filled ones. Ties can leave fewer than five groups.
    """
    shown = q[q["n_closed"] >= min_cell].copy()
    shown.loc[shown["n_filled"] < min_cell, "days_to_fill"] = float("nan")
    days = ["—" if pd.isna(d) else f"{d:.0f}일" for d in shown["days_to_fill"]]
    fig = go.Figure(
        go.Bar(
            x=[f"{manwon(a)}~{manwon(z)}" for a, z in zip(shown["wage_from"], shown["wage_to"], strict=True)],
            y=shown["fill_rate"] * 100,
            customdata=list(zip(days, shown["n_closed"], strict=True)),
            marker_color="#31a354",
            hovertemplate="충원율 %{y:.1f}%<br>충원 소요일 중위 %{customdata[0]}<br>"
            "마감 공고 %{customdata[1]:,}건<extra></extra>",
        )
    )
    _layout(fig, "제시임금 분위별 충원율", height=360)
    fig.update_layout(yaxis_title="충원율(%)", xaxis_title="월 환산 제시임금 구간(같은 임금은 같은 분위)")
    notes = []
    if len(q) < 5:
        notes.append(f"같은 제시임금의 공고가 많아 5개가 아닌 {len(q)}개 구간으로 나뉘었습니다.")
    if len(shown) < len(q):
        notes.append(f"마감된 공고가 {min_cell}건 미만인 {len(q) - len(shown)}개 구간은 충원율을 표시하지 않았습니다.")
    return fig, " ".join(notes)
