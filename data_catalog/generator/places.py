"""Where people and firms are: a point inside their sigungu, and distances between points.

Points are drawn uniformly inside the census sigungu polygon (EPSG:5179, metres) by rejection sampling in the
polygon's bounding box, so a commute distance between a seeker's home and a workplace is a real distance on the
map (islands and mountains included: a point is never in the sea). Coordinates are written as WGS84 latitude and
longitude rounded to 1e-4° (about 10 m); distances are computed in metres on EPSG:5179.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from data_catalog import reference as ref

_TO_WGS84 = Transformer.from_crs(5179, 4326, always_xy=True)
_FROM_WGS84 = Transformer.from_crs(4326, 5179, always_xy=True)


@dataclass
class Geography:
    """Sigungu polygons aligned with the world's sigungu order, with centroids for neighbour distances."""

    polygons: np.ndarray  # shapely geometries, EPSG:5179
    bounds: np.ndarray  # (n, 4) minx, miny, maxx, maxy
    fill: np.ndarray  # polygon area ÷ bounding-box area (rejection acceptance rate)
    centroid: np.ndarray  # (n, 2) metres


def geography(sigungu_codes: pd.Series) -> Geography:
    g = ref.sigungu_polygons_5179().dissolve(by="sigungu_code").geometry
    polys = g.reindex(sigungu_codes.to_numpy()).to_numpy()
    if any(p is None for p in polys):
        missing = [c for c, p in zip(sigungu_codes, polys, strict=True) if p is None]
        raise ValueError(f"no census polygon for sigungu {missing[:5]}")
    polys = np.asarray(polys, dtype=object)
    shapely.prepare(polys)
    bounds = shapely.bounds(polys)
    box_area = (bounds[:, 2] - bounds[:, 0]) * (bounds[:, 3] - bounds[:, 1])
    pts = shapely.point_on_surface(polys)
    return Geography(polys, bounds, shapely.area(polys) / box_area, np.column_stack(shapely.get_coordinates(pts).T))


def points_in(geo: Geography, sgg_idx: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """(n, 2) EPSG:5179 points, point i uniformly inside sigungu `sgg_idx[i]`."""
    out = np.empty((len(sgg_idx), 2))
    order = np.argsort(sgg_idx, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(sgg_idx[order])) + 1) if len(order) else []
    for rows in groups:
        s = int(sgg_idx[rows[0]])
        minx, miny, maxx, maxy = geo.bounds[s]
        need, got = len(rows), []
        while need > 0:
            k = int(need / max(geo.fill[s], 0.01) * 1.3) + 8
            x = minx + rng.random(k) * (maxx - minx)
            y = miny + rng.random(k) * (maxy - miny)
            inside = shapely.contains_xy(geo.polygons[s], x, y)
            xy = np.column_stack([x[inside], y[inside]])[:need]
            got.append(xy)
            need -= len(xy)
        out[rows] = np.vstack(got)
    return out


def to_latlon(xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lon, lat = _TO_WGS84.transform(xy[:, 0], xy[:, 1])
    return np.round(lat, 4), np.round(lon, 4)


def from_latlon(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    x, y = _FROM_WGS84.transform(np.asarray(lon, float), np.asarray(lat, float))
    return np.column_stack([x, y])


def distance_km(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Straight-line distance between EPSG:5179 points, in km."""
    return np.hypot(a[:, 0] - b[:, 0], a[:, 1] - b[:, 1]) / 1000.0


def sido_neighbours(sido: np.ndarray, centroid: np.ndarray, weight: np.ndarray, scale_km: float = 60.0) -> dict:
    """For each sido code: (other sido codes, choice probabilities ∝ weight × exp(−distance / scale))."""
    codes = np.unique(sido)
    cen = np.array([np.average(centroid[sido == c], axis=0, weights=weight[sido == c]) for c in codes])
    w = np.array([weight[sido == c].sum() for c in codes])
    out = {}
    for i, c in enumerate(codes):
        d = np.hypot(*(cen - cen[i]).T) / 1000.0
        p = w * np.exp(-d / scale_km)
        p[i] = 0.0
        out[c] = (codes, p / p.sum())
    return out
