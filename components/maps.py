"""pydeck choropleth of a market metric, offline by default (no basemap, no token).

Colours are assigned in Python from quantile classes so that the legend, the tooltip and the
polygons agree exactly; suppressed regions are drawn grey with '비공개' in their tooltip.
"""

from __future__ import annotations

import json
import os
import urllib.parse

import numpy as np
import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from components.format import metric_value

# sequential palette (light → dark teal), 5 classes; grey for suppressed / no data
PALETTE = [[237, 248, 233], [186, 228, 179], [116, 196, 118], [49, 163, 84], [0, 109, 44]]
DIVERGING = [[202, 0, 32], [244, 165, 130], [247, 247, 247], [146, 197, 222], [5, 113, 176]]
NO_DATA = [200, 200, 200]
# A MapLibre style with only a background, inlined as a data: URL (Streamlit wants a string), so
# nothing is fetched; without a style Streamlit would request a Carto basemap from the internet.
OFFLINE_STYLE = "data:application/json;charset=utf-8," + urllib.parse.quote(
    json.dumps(
        {
            "version": 8,
            "sources": {},
            "layers": [{"id": "background", "type": "background", "paint": {"background-color": "#eef3f6"}}],
        }
    )
)


class CompactDeck(pdk.Deck):
    """A deck whose JSON has no indentation: pydeck pretty-prints with indent=2, which made the sigungu map's
    payload 2.5 MB instead of 0.5 MB at 250 m simplification (bench/pages.py); Streamlit sends `to_json()` as is."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def class_breaks(values: pd.Series, k: int = 5) -> list[float]:
    v = values.dropna().to_numpy(float)
    if len(v) == 0:
        return []
    qs = np.unique(np.quantile(v, np.linspace(0, 1, k + 1)))
    return qs.tolist()


def colour_for(v: float, breaks: list[float], palette: list[list[int]]) -> list[int]:
    if v is None or (isinstance(v, float) and np.isnan(v)) or not breaks:
        return NO_DATA
    if len(breaks) == 1:
        return palette[len(palette) // 2]
    i = int(np.searchsorted(breaks[1:-1], v, side="right"))
    # spread the available classes over the palette
    n_cls = len(breaks) - 1
    j = round(i * (len(palette) - 1) / max(n_cls - 1, 1))
    return palette[j]


def legend_items(metric: str, breaks: list[float], palette: list[list[int]]) -> list[tuple[str, list[int]]]:
    out = []
    n_cls = len(breaks) - 1
    for i in range(n_cls):
        j = round(i * (len(palette) - 1) / max(n_cls - 1, 1))
        out.append((f"{metric_value(metric, breaks[i])} – {metric_value(metric, breaks[i + 1])}", palette[j]))
    out.append(("비공개(표본 5 미만)·자료 없음", NO_DATA))
    return out


def _count(n: float | None, unit: str) -> str:
    if n is None:
        return f"0{unit}"
    if pd.isna(n):
        return f"5{unit} 미만"
    return f"{int(n):,}{unit}"


def choropleth(
    geojson: dict,
    values: pd.DataFrame,
    metric: str,
    label: str,
    *,
    diverging: bool = False,
    selected: str | None = None,
) -> tuple[pdk.Deck, list[tuple[str, list[int]]]]:
    """Deck with one GeoJsonLayer; `values` has columns region and the metric (+ counts for tooltip)."""
    palette = DIVERGING if diverging else PALETTE
    v = values.set_index("region")
    breaks = class_breaks(v[metric])
    features = []
    for ft in geojson["features"]:  # new feature dicts around the shared, never-modified geometries
        code = ft["properties"]["code"]
        val = v[metric].get(code, np.nan) if code in v.index else np.nan
        props = {
            **ft["properties"],
            "fill": colour_for(val, breaks, palette) + [220],
            "value_ko": metric_value(metric, val) if not pd.isna(val) else "비공개/자료 없음",
            "postings_ko": _count(v["new_postings"].get(code), "건"),
            "seekers_ko": _count(v["new_seekers"].get(code), "명"),
            "line": [255, 80, 0] if code == selected else [90, 90, 90],
            "width": 5000 if code == selected else 40,  # metres, clamped to 0.5–4 px below
        }
        features.append({"type": "Feature", "geometry": ft["geometry"], "properties": props})
    gj = {"type": "FeatureCollection", "features": features}
    layer = pdk.Layer(
        "GeoJsonLayer",
        gj,
        id="choropleth",
        pickable=True,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color="properties.line",
        get_line_width="properties.width",
        line_width_min_pixels=0.5,
        line_width_max_pixels=4,
        auto_highlight=True,  # pydeck turns string props into JS expressions, so units stay numeric
    )
    tooltip = {
        "html": "<b>{name_ko}</b><br/>"
        + label
        + ": {value_ko}<br/>신규 구인공고 {postings_ko} · 신규 구직자 {seekers_ko}",
        "style": {"fontSize": "13px"},
    }
    view = pdk.ViewState(latitude=36.1, longitude=127.8, zoom=5.6, min_zoom=5, max_zoom=11)
    basemap = os.environ.get("GOYONG_BASEMAP_STYLE")  # optional, e.g. a Carto style URL when online
    deck = CompactDeck(
        layers=[layer],
        initial_view_state=view,
        tooltip=tooltip,
        map_style=basemap if basemap else OFFLINE_STYLE,
        map_provider="carto",
    )
    return deck, legend_items(metric, breaks, palette)
