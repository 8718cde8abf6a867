"""Every sigungu in the warehouse joins a polygon; shapes are WGS84 and light enough for the browser."""

import json

import geopandas as gpd

from data_catalog import reference as ref
from geo import boundaries


def test_all_warehouse_sigungu_join_a_polygon(small_con, small_data_dir):
    cache = str(small_data_dir / "geo")
    polys = boundaries.codes("sigungu", cache)
    for table in ("seekers", "postings", "firms", "ref_sigungu"):
        used = {r[0] for r in small_con.execute(f"SELECT DISTINCT sigungu_code FROM {table}").fetchall()}
        assert used <= polys, (table, used - polys)
    assert len(polys) == 229


def test_sido_dissolved_and_named(small_data_dir):
    gj = boundaries.geojson("sido", str(small_data_dir / "geo"))
    assert len(gj["features"]) == 17
    assert all(f["properties"]["name_ko"] for f in gj["features"])


def test_wgs84_and_simplified(small_data_dir):
    gj = boundaries.geojson("sigungu", str(small_data_dir / "geo"))
    xs, ys = [], []
    for f in gj["features"]:
        geom = f["geometry"]
        rings = geom["coordinates"] if geom["type"] == "Polygon" else [r for p in geom["coordinates"] for r in p]
        for r in rings:
            xs += [p[0] for p in r]
            ys += [p[1] for p in r]
    assert min(xs) > 124 and max(xs) < 132 and min(ys) > 33 and max(ys) < 39
    assert len(json.dumps(gj)) < 2_000_000  # ~0.5 MB: renders quickly in the browser


def test_display_shapes_keep_each_sigungu_area(small_data_dir):
    """The simplified, rounded shapes the map draws against the full KOSTAT geometry, per sigungu.

    Tolerance (400 m simplification, 1e-4° rounding): median area error ≤ 1 %, 95th percentile ≤ 5 %, and no
    sigungu off by more than 12 % (the worst are the smallest Seoul gu, about 10 km²; measured 0.4 %, 3.8 %, 8.7 %).
    """
    full = ref.sigungu_polygons_5179().dissolve(by="sigungu_code", as_index=False).set_index("sigungu_code")
    shown = gpd.read_file(small_data_dir / "geo" / boundaries.cache_name("sigungu")).set_index("code").to_crs(5179)
    shown = shown.reindex(full.index)
    err = (shown.geometry.area - full.geometry.area).abs() / full.geometry.area
    assert err.notna().all() and len(err) == 229
    assert err.median() <= 0.01 and err.quantile(0.95) <= 0.05 and err.max() <= 0.12, err.describe()
