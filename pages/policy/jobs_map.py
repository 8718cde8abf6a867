"""대한민국 일자리 맵: a metric by sido or sigungu, filters, drill-down charts and CSV download."""

import streamlit as st

import app_cache as cache
from analytics import market, regions
from analytics.filters import FilterError, parse_query_params
from components import map_ui
from components.export import download_csv
from components.filters_ui import legend, market_filter_sidebar
from components.format import metric_value
from components.kpi import Kpi, kpi_rows
from components.maps import choropleth
from components.text import plain
from data_catalog.spec import REGION_LEVELS

st.title("대한민국 일자리 맵")
st.caption("지역·직업별 구인, 구직, 임금, 충원 지표 (합성 데이터 기준)")

con, ref, period = cache.page_context()
metric_keys = list(market.METRIC_LABELS)
qp, qp_errors = parse_query_params(
    dict(st.query_params),
    period=period,
    allowed={
        "level": ("sido", "sigungu"),
        "metric": tuple(metric_keys),
        "occ": tuple(ref["occ"]["keco_code"]) + tuple(ref["groups"]["code"]),
        "region": tuple(ref["region_codes"]),
    },
)
for msg in qp_errors:
    st.warning(plain(msg) + " 나머지 설정은 그대로 적용했습니다.")

with st.sidebar:
    level = st.radio(
        "지역 수준",
        list(REGION_LEVELS),
        format_func=REGION_LEVELS.ko,
        horizontal=True,
        index=list(REGION_LEVELS).index(qp.get("level", "sido")),
        key="map_level",
    )
    metric = st.selectbox(
        "지표",
        metric_keys,
        format_func=lambda m: market.METRIC_LABELS[m][0],
        index=metric_keys.index(qp.get("metric", "openings")),
        key="map_metric",
    )
try:
    f = market_filter_sidebar(period, ref["occ"], ref["groups"], ref["sections"], key="map", defaults=qp)
except FilterError as e:
    st.error(f"필터 오류: {plain(e)}")
    st.stop()

with st.spinner("지표 계산 중…"):
    df = cache.market_metrics(f, level)
    nation = cache.market_metrics(f, None)
names = regions.region_names(ref, level)
df = regions.complete(df, names)
df["name_ko"] = df["region"].map(names)
label, unit = market.METRIC_LABELS[metric]
hidden = market.suppressed_count(df, metric)

st.query_params.update({"level": level, "metric": metric, "start": f"{f.start:%Y-%m}", "end": f"{f.end:%Y-%m}"})
if f.occ_code:
    st.query_params["occ"] = f.occ_code
elif "occ" in st.query_params:
    del st.query_params["occ"]

if len(nation):  # two a row: national-scale counts (1,234,567명) need half the width at 1280 px
    nat = nation.iloc[0]
    kpi_rows(
        [
            Kpi(f"전국 {market.METRIC_LABELS[m][0]}", metric_value(m, nat[m]))
            for m in ("openings", "new_seekers", "vacancy_ratio", "wage_median")
        ],
        per_row=2,
    )

col_map, col_side = st.columns([3, 1])
with col_side:
    region_opts = ["(선택 안 함)"] + sorted(names, key=lambda c: names[c])
    d_region = qp.get("region") if qp.get("region") in names else "(선택 안 함)"
    picked = st.selectbox(
        f"{REGION_LEVELS[level]} 선택(상세 분석)",
        region_opts,
        index=region_opts.index(d_region),
        format_func=lambda c: names.get(c, c),
        key=f"map_region_{level}",
    )
deck, items = choropleth(
    cache.geojson(level),
    df,
    metric,
    label,
    diverging=metric == "wage_gap",
    selected=None if picked == "(선택 안 함)" else picked,
)
with col_map:
    # one chart for both levels: a new key per level made the browser build a new WebGL map on every switch
    event = st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object", key="deck", height=560)
clicked = regions.clicked_code(event)
clicked = clicked if clicked in names else None  # a selection made at the other level does not apply
region = clicked or (None if picked == "(선택 안 함)" else picked)
with col_side:
    legend(items, f"{label} ({unit})")
    note = (
        f"표본이 5건(명) 미만인 {REGION_LEVELS[level]} {hidden}곳은 값을 숨겼습니다." if hidden else "숨긴 지역 없음."
    )
    st.caption(note)
    if f.posting_only and metric in market.SEEKER_METRICS + market.BOTH_METRICS:
        st.info("구직자 지표에는 산업·규모·고용형태 필터가 적용되지 않습니다(구직자에게 없는 속성).")
    shown = regions.display_table(df, metric)
    download_csv("표시된 값 CSV 내려받기", shown, f"jobs_map_{level}_{metric}_{f.start:%Y%m}-{f.end:%Y%m}.csv")

st.dataframe(shown, hide_index=True, width="stretch", height=260)

if region:
    st.query_params["region"] = region
    rname = names.get(region, region)
    st.subheader(f"{rname} 상세 분석")
    map_ui.drilldown(
        rname,
        cache.monthly_trend(f, level, region),
        cache.monthly_trend(f),
        cache.top_occupations(f, level, region),
        cache.wage_distribution(f, level, region),
        regions.vs_nation(df[df["region"] == region], nation),
    )
else:
    if "region" in st.query_params:
        del st.query_params["region"]
    st.info("지도에서 지역을 클릭하거나 오른쪽에서 선택하면 상세 차트가 열립니다.")
