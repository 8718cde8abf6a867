"""Matching for the pages: jobs for a seeker, candidates for an employer's posting — one model, both directions.

`load` reads the trained re-ranker, every posting and seeker with a cached vector, and the day the warehouse
describes ("today": its last posting or application day). A search filters first (open postings or active seekers,
commute radius, occupation group, wage floor), retrieves the `POOL` most similar by embedding (`VectorIndex`: exact
at this size), re-ranks with the model, and explains each result. Scores are shown as a 0–100 fit score: the
percentile of the raw score among the held-out searches' top-10 recommendations (`score_quantiles`, saved at
training).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

import config
from data_catalog.errors import UserError
from models.common import registry
from models.embeddings.index import ANN_BUILD_MIN, VectorIndex
from models.embeddings.static import load_trained
from models.matching import explain, search
from models.matching.corpus import periods
from models.matching.features import pair_features
from models.matching.model import CROWDING_WEIGHT, MatchRanker

ACTIVE_DAYS = 182
"""A seeker counts as looking for work for six months after registering, unless hired (the world's search spell)."""
MAX_K = 50


@dataclass
class Matcher:
    ranker: MatchRanker
    meta: dict
    ctx: search.Context
    today: pd.Timestamp
    quantiles: np.ndarray
    active: np.ndarray
    """Seeker rows registered within `ACTIVE_DAYS` of today and not hired."""
    postings_index: VectorIndex
    seekers_index: VectorIndex


def load(con: duckdb.DuckDBPyConnection, data_dir: config.PathLike | None = None) -> Matcher | None:
    path = registry.latest("matching", data_dir)
    if path is None:
        return None
    ranker, meta, tables = registry.load(path)
    ctx = search.context(con, load_trained(data_dir))
    # the day the warehouse describes: its last posting or application day
    last_post = pd.Timestamp(con.execute("SELECT max(posted_date) FROM postings").fetchone()[0])
    today = max(periods(con).end, last_post)
    reg = (
        con.execute(
            "SELECT s.seeker_id, s.registered_date, h.seeker_id IS NOT NULL AS hired FROM seekers s "
            "LEFT JOIN (SELECT DISTINCT seeker_id FROM hires) h USING (seeker_id) ORDER BY s.seeker_id"
        )
        .df()
        .set_index("seeker_id")
        .reindex(ctx.seekers["seeker_id"])
    )
    active = (reg["registered_date"] >= today - pd.Timedelta(days=ACTIVE_DAYS)) & ~reg["hired"].astype(bool)
    q = tables["score_quantiles"]["score"].to_numpy() if "score_quantiles" in tables else np.array([0.0, 1.0])
    pidx = VectorIndex(np.arange(len(ctx.postings)), ctx.pvec, ann=len(ctx.pvec) >= ANN_BUILD_MIN)
    sidx = VectorIndex(np.arange(len(ctx.seekers)), ctx.svec, ann=len(ctx.svec) >= ANN_BUILD_MIN)
    return Matcher(ranker, meta, ctx, today, q, active.to_numpy(), pidx, sidx)


def fit_score(m: Matcher, raw: np.ndarray) -> np.ndarray:
    """0–100: the share of held-out candidates scoring below."""
    return np.round(np.interp(raw, m.quantiles, np.linspace(0, 100, len(m.quantiles)))).astype(int)


def _k(k: int) -> int:
    if not 1 <= int(k) <= MAX_K:
        raise UserError(f"추천 개수는 1~{MAX_K} 사이여야 합니다(입력: {k}).", f"k out of range: {k}")
    return int(k)


def _explained(m: Matcher, si: np.ndarray, pi: np.ndarray, sim: np.ndarray, k: int, crowding: bool) -> pd.DataFrame:
    x = pair_features(m.ctx, si, pi, m.today, sim, m.ctx.applicants_before(pi, np.repeat(m.today, len(pi))))
    raw = m.ranker.score(x, crowding=CROWDING_WEIGHT if crowding else 0.0)
    top = np.argsort(-raw, kind="stable")[:k]
    x = x.iloc[top].reset_index(drop=True)
    contrib, _ = m.ranker.contributions(x)
    why = explain.reasons(contrib, x)
    s, p = m.ctx.seekers.iloc[si[top]].reset_index(drop=True), m.ctx.postings.iloc[pi[top]].reset_index(drop=True)
    facts = [explain.facts(a, b, x.iloc[i]) for i, (a, b) in enumerate(zip(s["skills"], p["occ_skills"], strict=True))]
    out = pd.concat([p.add_prefix("p_"), s.add_prefix("s_"), x], axis=1)
    out["fit_score"] = fit_score(m, m.ranker.score(x))
    out["reasons_plus"] = [w["plus"] for w in why]
    out["reasons_minus"] = [w["minus"] for w in why]
    for key in ("skills_ko", "wage_ko", "distance_ko", "matched_skills"):
        out[key] = [f[key] for f in facts]
    return out


def within(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray, radius_km: float) -> np.ndarray:
    """Rows within `radius_km` of (lat, lon): a bounding box first, the great-circle distance only inside it."""
    if not np.isfinite(radius_km):
        return np.ones(len(lats), dtype=bool)
    dlat = radius_km / 111.0
    dlon = radius_km / (111.0 * max(np.cos(np.radians(lat)), 0.1))
    box = np.flatnonzero((np.abs(lats - lat) <= dlat) & (np.abs(lons - lon) <= dlon))
    out = np.zeros(len(lats), dtype=bool)
    out[box] = search.haversine_km(lat, lon, lats[box], lons[box]) <= radius_km
    return out


def job_mask(
    m: Matcher, si: int, radius_km: float | None = None, occ_major: str | None = None, wage_floor: int | None = None
) -> np.ndarray:
    """The postings a seeker's search may return: open today, within the commute radius, the filters met."""
    ctx = m.ctx
    radius = search.radius_of(ctx.arr("s", "desired_region_scope")[si], radius_km)
    lat, lon = float(ctx.arr("s", "lat")[si]), float(ctx.arr("s", "lon")[si])
    mask = ctx.open_on(m.today) & within(lat, lon, ctx.arr("p", "lat"), ctx.arr("p", "lon"), radius)
    if occ_major:
        mask &= ctx.arr("p", "occ_major") == str(occ_major)
    if wage_floor:
        mask &= ctx.arr("p", "wage_monthly_krw").astype(float) >= float(wage_floor)
    return mask


def jobs_for(
    m: Matcher,
    seeker_id: int,
    *,
    radius_km: float | None = None,
    occ_major: str | None = None,
    wage_floor: int | None = None,
    k: int = 10,
    crowding: bool = False,
) -> pd.DataFrame:
    """The top k open postings for one seeker with fit score, reasons and facts (empty when nothing matches)."""
    k = _k(k)
    rows = np.flatnonzero(m.ctx.arr("s", "seeker_id") == int(seeker_id))
    if not len(rows):
        raise UserError("구직 등록 기록을 찾을 수 없습니다(임베딩이 아직 계산되지 않았을 수 있습니다).", "no seeker")
    si = int(rows[0])
    mask = job_mask(m, si, radius_km, occ_major, wage_floor)
    pi, sim = m.postings_index.search(m.ctx.svec[si], search.POOL, mask)
    if not len(pi):
        return pd.DataFrame()
    return _explained(m, np.full(len(pi), si), pi, sim, k, crowding)


def candidates_for(
    m: Matcher, posting_id: int, firm_id: int, *, radius_km: float | None = None, k: int = 10
) -> pd.DataFrame:
    """The top k active seekers for one of the firm's own postings (another firm's posting is refused)."""
    k = _k(k)
    rows = np.flatnonzero(m.ctx.arr("p", "posting_id") == int(posting_id))
    if not len(rows) or int(m.ctx.postings.iloc[rows[0]]["firm_id"]) != int(firm_id):
        raise UserError("우리 회사의 공고가 아니거나 찾을 수 없는 공고입니다.", "posting not owned by the firm")
    pi = int(rows[0])
    p = m.ctx.postings.iloc[pi]
    lats, lons = m.ctx.arr("s", "lat"), m.ctx.arr("s", "lon")
    if radius_km is None:  # each seeker's own commute radius
        dist = search.haversine_km(p["lat"], p["lon"], lats, lons)
        mask = m.active & (dist <= m.ctx.arr("s", "radius_km"))
    else:
        mask = m.active & within(float(p["lat"]), float(p["lon"]), lats, lons, float(radius_km))
    si, sim = m.seekers_index.search(m.ctx.pvec[pi], search.POOL, mask)
    if not len(si):
        return pd.DataFrame()
    out = _explained(m, si, np.full(len(si), pi), sim, k, crowding=False)
    out["candidate_code"] = [masked_code(int(posting_id), int(s)) for s in out["s_seeker_id"]]
    return out


def applicants_fit(m: Matcher, posting_id: int, firm_id: int, seeker_ids: list[int]) -> pd.DataFrame:
    """Fit score and reasons for the applicants of one of the firm's own postings (the board's cards), indexed by
    seeker id; an applicant the model has no vectors for is simply absent (the card then shows none)."""
    rows = np.flatnonzero(m.ctx.arr("p", "posting_id") == int(posting_id))
    if not len(rows) or int(m.ctx.postings.iloc[rows[0]]["firm_id"]) != int(firm_id) or not seeker_ids:
        return pd.DataFrame()
    pos = pd.Series(np.arange(len(m.ctx.seekers)), index=m.ctx.arr("s", "seeker_id"))
    si = pos.reindex([int(s) for s in seeker_ids]).dropna().to_numpy(dtype=int)
    if not len(si):
        return pd.DataFrame()
    pi = np.full(len(si), int(rows[0]))
    sim = m.ctx.svec[si] @ np.asarray(m.ctx.pvec[int(rows[0])], dtype=np.float32)
    out = _explained(m, si, pi, sim, len(si), crowding=False)
    return out.set_index(out["s_seeker_id"].astype(int))[["fit_score", "reasons_plus", "reasons_minus"]]


def masked_code(posting_id: int, seeker_id: int) -> str:
    """A per-posting pseudonym ('후보 3F9A2C'): an employer never sees a seeker id, and codes differ across postings."""
    return "후보 " + hashlib.sha256(f"{posting_id}:{seeker_id}".encode()).hexdigest()[:6].upper()


SENTENCE = re.compile(r"(?<=[.!?다요])\s+|\n+")
WAGE_SENTENCE = re.compile(r"급여|연봉|월급|만원|원\b")


def resume_summary(text: str | None, skills: str | None, limit: int = 2) -> str:
    """Extractive: the résumé's first sentences about experience and ability (never the wage line), then skills."""
    sentences = [x.strip() for x in SENTENCE.split(text or "") if x and x.strip()]
    keep = [x for x in sentences if not WAGE_SENTENCE.search(x)][:limit]
    listed = ", ".join(x for x in str(skills or "").split(";") if x)
    return " ".join(keep) + (f" 보유 기술: {listed}." if listed else "")


def summary_for(text: str | None, skills: str | None, backend: str = "extractive") -> tuple[str, str | None]:
    """(summary, note): extractive by default; with `backend="llm"` and an endpoint configured, a two-sentence LLM
    summary of the extractive one's sources (the résumé without its wage line), falling back with a Korean note."""
    base = resume_summary(text, skills, limit=4)
    if backend != "llm" or not config.llm_settings():
        return resume_summary(text, skills), None
    from models.matching.resume_help import llm_text  # noqa: PLC0415

    try:
        return llm_text(
            f"다음 이력서를 채용 담당자가 읽을 두 문장으로 요약해 주세요. 개인정보는 쓰지 마세요.\n{base}"
        ), None
    except Exception as exc:  # noqa: BLE001 - any endpoint failure falls back to the extractive summary
        return resume_summary(text, skills), f"LLM 요약을 받지 못해 발췌 요약을 보여 드립니다({type(exc).__name__})."
