"""Searches as training, evaluation and the pages run them: who searches, what is open, the candidate pool.

A search is a seeker on a day. Its pool is the postings open that day (posted on or before it, closing on or after
it) within the seeker's commute radius (`features.COMMUTE_KM`), the `POOL` most similar by embedding (exact: at
the warehouse's size a day has a few thousand open postings, where a matrix product beats any index). The
re-ranker orders the pool. Offline metrics compare that order with random, popularity and embedding-only orders on
the same pools, against every posting the seeker applied to that was open on the day (found in the pool or not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd
from tqdm import tqdm

from models.common.ranking import ndcg_at_k, recall_at_k, spread
from models.embeddings.backends import Embedder
from models.matching.corpus import Periods
from models.matching.features import (
    COMMUTE_KM,
    FEATURE_NAMES,
    POSTING_COLUMNS,
    SEEKER_COLUMNS,
    SkillMatrix,
    haversine_km,
    pair_features,
)
from models.matching.vectors import posting_vectors, seeker_vectors

POOL = 100
TOP = 10


@dataclass
class Context:
    seekers: pd.DataFrame
    svec: np.ndarray
    postings: pd.DataFrame
    pvec: np.ndarray
    app_key: np.ndarray
    """Sorted posting row × 100,000 + application day number: applications before a day by binary search."""
    skills: SkillMatrix
    _arrays: dict = field(default_factory=dict, repr=False)

    def arr(self, side: str, column: str) -> np.ndarray:
        """A column of the seekers ('s') or postings ('p') as a numpy array, converted once (pandas string columns
        are slow to convert, and a search picks a hundred rows of them)."""
        key = (side, column)
        if key not in self._arrays:
            self._arrays[key] = (self.seekers if side == "s" else self.postings)[column].to_numpy()
        return self._arrays[key]

    def open_on(self, day: pd.Timestamp) -> np.ndarray:
        """Postings open on `day` (posted on or before, closing on or after), computed once per day."""
        key = ("open", pd.Timestamp(day))
        if key not in self._arrays:
            self._arrays[key] = open_mask(self.postings, day)
        return self._arrays[key]

    def applicants_before(self, pi: np.ndarray, day: np.ndarray) -> np.ndarray:
        d = day_number(day)
        lo = np.searchsorted(self.app_key, np.asarray(pi, dtype=np.int64) * 100_000, side="left")
        hi = np.searchsorted(self.app_key, np.asarray(pi, dtype=np.int64) * 100_000 + d, side="left")
        return hi - lo


def day_number(day: object) -> np.ndarray:
    return (pd.to_datetime(np.atleast_1d(day)).values.astype("datetime64[D]").astype(np.int64)).astype(np.int64)


def context(con: duckdb.DuckDBPyConnection, embedder: Embedder) -> Context:
    """Every posting and seeker with a cached vector, aligned row for row with their vectors."""
    pids, pvec = posting_vectors(con, embedder.model_id, embedder.dim)
    sids, svec = seeker_vectors(con, embedder.model_id, embedder.dim)
    postings = con.execute(
        f"SELECT {POSTING_COLUMNS} FROM postings p LEFT JOIN ref_occupation o ON o.keco_code = p.keco_code "
        "WHERE p.posting_id IN (SELECT unnest(?::BIGINT[])) ORDER BY p.posting_id",
        [pids.tolist()],
    ).df()
    seekers = con.execute(
        f"SELECT {SEEKER_COLUMNS} FROM seekers WHERE seeker_id IN (SELECT unnest(?::BIGINT[])) ORDER BY seeker_id",
        [sids.tolist()],
    ).df()
    apps = con.execute("SELECT posting_id, applied_date FROM applications").df()
    row = pd.Index(postings["posting_id"]).get_indexer(apps["posting_id"])
    ok = row >= 0
    key = np.sort(row[ok].astype(np.int64) * 100_000 + day_number(apps["applied_date"].to_numpy()[ok]))
    postings["occ_major"] = postings["keco_code"].str[:1]
    seekers["radius_km"] = [radius_of(sc) for sc in seekers["desired_region_scope"]]
    return Context(seekers, svec, postings, pvec, key, SkillMatrix(seekers["skills"], postings["occ_skills"]))


def application_gains(con: duckdb.DuckDBPyConnection, extra: list[tuple[int, int]] = ()) -> dict[tuple[int, int], int]:
    """(seeker, posting) → 2 hired, 1 applied; `extra` adds applications sent from the app (gain 1)."""
    rows = con.execute(
        "SELECT seeker_id, posting_id, max(CASE WHEN final_stage = 'hired' THEN 2 ELSE 1 END) FROM applications "
        "GROUP BY ALL"
    ).fetchall()
    gains = {(int(s), int(p)): int(g) for s, p, g in rows}
    for key in extra:
        gains.setdefault(key, 1)
    return gains


def sample_queries(con: duckdb.DuckDBPyConnection, p: Periods, sizes: dict[str, int], seed: int = 0) -> dict:
    """Per period, a seeded sample of seekers searching on the day of their first application in it."""
    first = con.execute(
        """SELECT seeker_id, min(applied_date) AS day,
                  CASE WHEN min(applied_date) >= ? THEN 'test' WHEN min(applied_date) >= ? THEN 'valid' ELSE 'train'
                  END AS part
           FROM applications GROUP BY seeker_id,
                CASE WHEN applied_date >= ? THEN 'test' WHEN applied_date >= ? THEN 'valid' ELSE 'train' END
           ORDER BY seeker_id, day""",
        [p.test_start, p.valid_start, p.test_start, p.valid_start],
    ).df()
    out = {}
    for part, n in sizes.items():
        rows = first[first["part"] == part]
        out[part] = rows.sample(min(n, len(rows)), random_state=seed).sort_values(["day", "seeker_id"])
        out[part] = out[part].reset_index(drop=True)[["seeker_id", "day"]]
    return out


def open_mask(postings: pd.DataFrame, day: pd.Timestamp) -> np.ndarray:
    return (postings["posted_date"].to_numpy() <= np.datetime64(day)) & (
        postings["closing_date"].to_numpy() >= np.datetime64(day)
    )


def radius_of(scope: str, override_km: float | None = None) -> float:
    if override_km is not None:
        return float(override_km)
    r = COMMUTE_KM.get(scope)
    return np.inf if r is None else float(r)


def pools(
    ctx: Context, queries: pd.DataFrame, k: int = POOL, progress: bool = False, radius_km: float | None = None
) -> pd.DataFrame:
    """Candidate pool of each search (qi = row of `queries`) with the pair features; all searches of a day at once."""
    srow = pd.Index(ctx.seekers["seeker_id"]).get_indexer(queries["seeker_id"])
    cols: dict[str, list[np.ndarray]] = {"qi": [], "si": [], "pi": [], "sim": [], "day": []}
    days = pd.to_datetime(queries["day"])
    plat, plon = ctx.postings["lat"].to_numpy(float), ctx.postings["lon"].to_numpy(float)
    scopes = ctx.seekers["desired_region_scope"].to_numpy()
    for day, idx in tqdm(queries.groupby(days).indices.items(), desc="후보 찾기", unit="일", disable=not progress):
        open_rows = np.flatnonzero(open_mask(ctx.postings, day))
        idx = idx[srow[idx] >= 0]
        if not len(open_rows) or not len(idx):
            continue
        si = srow[idx]
        s_lat = ctx.seekers["lat"].to_numpy(float)[si, None]
        s_lon = ctx.seekers["lon"].to_numpy(float)[si, None]
        dist = haversine_km(s_lat, s_lon, plat[open_rows][None, :], plon[open_rows][None, :])
        radius = np.array([radius_of(sc, radius_km) for sc in scopes[si]])[:, None]
        sim = ctx.svec[si] @ ctx.pvec[open_rows].T
        sim = np.where(dist <= radius, sim, -np.inf)
        kk = min(k, sim.shape[1])
        top = np.argpartition(-sim, kk - 1, axis=1)[:, :kk]
        top_sim = np.take_along_axis(sim, top, axis=1)
        keep = np.isfinite(top_sim)
        n = keep.sum(axis=1)
        cols["qi"].append(np.repeat(idx, n))
        cols["si"].append(np.repeat(si, n))
        cols["pi"].append(open_rows[top[keep]])
        cols["sim"].append(top_sim[keep])
        cols["day"].append(np.repeat(np.datetime64(day, "ns"), int(n.sum())))
    if not cols["qi"]:
        return pd.DataFrame(columns=["qi", "si", "pi", "sim", "day", *FEATURE_NAMES])
    pool = pd.DataFrame({c: np.concatenate(v) for c, v in cols.items()})
    pool = pool.sort_values(["qi", "sim"], ascending=[True, False], kind="stable").reset_index(drop=True)
    x = pair_features(
        ctx,
        pool["si"].to_numpy(),
        pool["pi"].to_numpy(),
        pool["day"].to_numpy(),
        pool["sim"].to_numpy(),
        ctx.applicants_before(pool["pi"].to_numpy(), pool["day"].to_numpy()),
    )
    return pd.concat([pool, x], axis=1)


def relevant(ctx: Context, queries: pd.DataFrame, gains: dict) -> list[dict[int, int]]:
    """Per search: the postings the seeker applied to that were open on the day (posting_id → gain)."""
    by_seeker: dict[int, list[tuple[int, int]]] = {}
    for (s, post), g in gains.items():
        by_seeker.setdefault(s, []).append((post, g))
    dates = ctx.postings.set_index("posting_id")[["posted_date", "closing_date"]]
    out = []
    for s, day in zip(queries["seeker_id"], pd.to_datetime(queries["day"]), strict=True):
        rel = {}
        for post, g in by_seeker.get(int(s), []):
            if post in dates.index and dates.at[post, "posted_date"] <= day <= dates.at[post, "closing_date"]:
                rel[post] = g
        out.append(rel)
    return out


def offline_metrics(
    ctx: Context,
    pool: pd.DataFrame,
    queries: pd.DataFrame,
    gains: dict,
    ranker,  # noqa: ANN001
    crowding: float,
    seed: int = 0,
    extra: dict[str, np.ndarray] | None = None,
) -> pd.DataFrame:
    """NDCG@10, recall@10 and spread of each ordering of the same pools on the held-out searches (`extra`: more
    orderings by name, one score per pool row, e.g. the lexical baseline the benchmark adds)."""
    rel = relevant(ctx, queries, gains)
    pool = pool.copy()
    rng = np.random.default_rng(seed)
    orders = {
        "random": rng.random(len(pool)),
        "popularity": pool["applicants_per_opening"].to_numpy() * ctx.postings["openings"].to_numpy()[pool["pi"]],
        "embedding": pool["sim"].to_numpy(),
        "re-ranker": ranker.score(pool),
        "re-ranker + anti-crowding": ranker.score(pool, crowding=crowding),
        **(extra or {}),
    }
    ids = ctx.postings["posting_id"].to_numpy()
    catalogue = int(pool["pi"].nunique())
    rows = []
    for method, score in orders.items():
        pool["_s"] = score
        top = pool.sort_values(["qi", "_s"], ascending=[True, False]).groupby("qi").head(TOP)
        lists = {q: ids[g["pi"].to_numpy()].tolist() for q, g in top.groupby("qi")}
        ranked = [lists.get(q, []) for q in range(len(queries))]
        sp = spread([r for r in ranked if r], catalogue)
        rows.append(
            {
                "method": method,
                "ndcg@10": float(np.mean([ndcg_at_k(r, g, TOP) for r, g in zip(ranked, rel, strict=True) if g])),
                "recall@10": float(np.mean([recall_at_k(r, g, TOP) for r, g in zip(ranked, rel, strict=True) if g])),
                "coverage": sp["coverage"],
                "gini": sp["gini"],
                "searches": sum(1 for g in rel if g),
            }
        )
    return pd.DataFrame(rows)
