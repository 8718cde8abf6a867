"""Every sigungu in the warehouse joins a polygon; shapes are WGS84 and light enough for the browser."""

import json

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
