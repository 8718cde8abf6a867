"""Coordinates: every seeker, firm and posting lies inside its own sigungu; distances are in kilometres."""

from __future__ import annotations

import numpy as np
import shapely

from data_catalog import reference as ref
from data_catalog.generator import places


def test_points_fall_inside_their_sigungu():
    sgg = ref.sigungu().reset_index(drop=True)
    geo = places.geography(sgg["sigungu_code"])
    rng = np.random.default_rng(0)
    idx = rng.integers(0, len(sgg), 3_000)
    xy = places.points_in(geo, idx, rng)
    assert shapely.contains_xy(geo.polygons[idx], xy[:, 0], xy[:, 1]).all()
    lat, lon = places.to_latlon(xy)
    back = places.from_latlon(lat, lon)
    assert np.abs(places.distance_km(xy, back)).max() < 0.03  # rounding to 1e-4° moves a point < 30 m


def test_generated_coordinates_are_in_their_sigungu(small_con):
    sgg = ref.sigungu().reset_index(drop=True)
    geo = places.geography(sgg["sigungu_code"])
    codes = {c: i for i, c in enumerate(sgg["sigungu_code"])}
    for table in ("seekers", "firms", "postings"):
        df = small_con.execute(f"SELECT sigungu_code, lat, lon FROM {table} USING SAMPLE 500 ROWS (reservoir, 1)").df()
        xy = places.from_latlon(df["lat"].to_numpy(), df["lon"].to_numpy())
        poly = geo.polygons[df["sigungu_code"].map(codes).to_numpy()]
        inside = shapely.contains_xy(poly, xy[:, 0], xy[:, 1]) | (shapely.distance(poly, shapely.points(xy)) < 30)
        assert inside.all(), table


def test_distance_between_seoul_and_busan_city_halls():
    xy = places.from_latlon(np.array([37.5663, 35.1798]), np.array([126.9779, 129.0750]))
    assert 310 < places.distance_km(xy[:1], xy[1:])[0] < 335
