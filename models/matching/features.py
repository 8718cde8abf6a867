"""Features of a (seeker, posting) pair on a given day: what the re-ranker and the reasons read.

Both directions (jobs for a seeker, candidates for a posting) build the same pairs, so one model serves both. Every
feature is known on the day of the search: the competition count uses applications dated before it, freshness the
posting's own dates. Sensitive attributes (gender, age, disability, nationality) are never read.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from data_catalog.spec import EDUCATION_RANK
from models.common.gbm import Feature

FEATURES: tuple[Feature, ...] = (
    Feature("similarity", "이력서·공고 텍스트 유사도", False, monotone=1),
    Feature("occ_desired", "희망 직종과의 일치 수준", False, monotone=1),
    Feature("occ_last", "직전 직종과의 일치 수준", False, monotone=1),
    Feature("skill_share", "보유 기술 일치율", False, monotone=1),
    Feature("skill_count", "일치하는 기술 수", False),
    Feature("distance_km", "통근 거리", False, monotone=-1),
    Feature("region_scope", "희망 근무 지역 범위", False, categorical=True),
    Feature("wage_ratio", "희망임금 대비 제시임금", False),
    Feature("edu_gap", "학력과 요건의 차이", False),
    Feature("career_gap", "경력과 요건의 차이(년)", False),
    Feature("days_posted", "공고 게시 후 경과일", False),
    Feature("days_left", "마감까지 남은 일수", False),
    Feature("applicants_per_opening", "채용 인원당 지원자 수", False),
)
FEATURE_NAMES = [f.name for f in FEATURES]
SCOPES = ("sigungu", "sido", "nationwide")
COMMUTE_KM = {"sigungu": 60.0, "sido": 80.0, "nationwide": None}
"""Default search radius by the seeker's desired region scope: about 95 % of the world's applications fall inside
(measured: p95 of application distance 60 km for 시군구, 77 km for 시도); 전국 has no radius."""

SEEKER_COLUMNS = (
    "seeker_id, lat, lon, desired_keco_code, last_keco_code, desired_wage_krw, desired_region_scope, education, "
    "career_years, skills, resume_text, sigungu_code, registered_date"
)
POSTING_COLUMNS = (
    "p.posting_id, p.firm_id, p.lat, p.lon, p.keco_code, p.wage_monthly_krw, p.education_req, p.career_req_years, "
    "p.posted_date, p.closing_date, p.openings, p.sido_code, p.sigungu_code, o.skills_ko AS occ_skills, p.title, "
    "p.description, p.contract_type, p.weekly_hours, o.name_ko AS occ_name, o.duties_ko AS occ_duties"
)


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    la1, lo1, la2, lo2 = (np.radians(np.asarray(x, dtype=float)) for x in (lat1, lon1, lat2, lon2))
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def occ_level(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """KECO hierarchy match: 4 same occupation, 3 same minor group, 2 same middle, 1 same major, 0 none."""
    sa = pd.Series(a, dtype="object").fillna("").astype(str).reset_index(drop=True)
    sb = pd.Series(b, dtype="object").fillna("").astype(str).reset_index(drop=True)
    out = np.zeros(len(sa), dtype=np.int8)
    for width in (1, 2, 3, 4):
        out[((sa.str.len() >= width) & (sa.str[:width] == sb.str[:width])).to_numpy()] = width
    return out


def skill_list(s: object) -> list[str]:
    return [x for x in s.split(";") if x] if isinstance(s, str) else []


class SkillMatrix:
    """Seekers' skills and postings' occupation skills as sparse 0/1 matrices over one vocabulary: the overlap of
    a million pairs is a row-wise product, not a million set intersections."""

    def __init__(self, seeker_skills: pd.Series, posting_skills: pd.Series) -> None:
        s_lists = [skill_list(x) for x in seeker_skills]
        p_lists = [skill_list(x) for x in posting_skills]
        self.vocab = {w: i for i, w in enumerate(sorted({w for ls in (*s_lists, *p_lists) for w in ls}))}

        def matrix(lists: list[list[str]]) -> csr_matrix:
            ids = [sorted({self.vocab[w] for w in ls}) for ls in lists]
            indptr = np.concatenate([[0], np.cumsum([len(x) for x in ids])])
            cols = np.fromiter((c for x in ids for c in x), dtype=np.int64, count=int(indptr[-1]))
            return csr_matrix((np.ones(len(cols), np.float32), cols, indptr), shape=(len(ids), len(self.vocab)))

        self.seekers, self.postings = matrix(s_lists), matrix(p_lists)
        self.posting_sizes = np.asarray(self.postings.sum(axis=1)).ravel()

    def overlap(self, si: np.ndarray, pi: np.ndarray) -> np.ndarray:
        return np.asarray(self.seekers[si].multiply(self.postings[pi]).sum(axis=1)).ravel()


def matched_skills(have: str | None, want: str | None) -> list[str]:
    """The posting occupation's skills the seeker has, in the occupation's own order (as the posting lists them)."""
    mine = set(skill_list(have))
    return [w for w in skill_list(want) if w in mine]


def missing_skills(have: str | None, want: str | None) -> list[str]:
    mine = set(skill_list(have))
    return [w for w in skill_list(want) if w not in mine]


def pair_features(
    ctx,  # noqa: ANN001 - a search.Context (seekers, postings, skills)
    si: np.ndarray,
    pi: np.ndarray,
    day: np.ndarray | pd.Timestamp,
    similarity: np.ndarray,
    applicants: np.ndarray,
) -> pd.DataFrame:
    """One row per pair (ctx.seekers row si[k], ctx.postings row pi[k]) searched on `day[k]`.

    `applicants[k]` is the number of applications the posting had before that day.
    """
    s = {
        c: ctx.arr("s", c)[si]
        for c in (
            "lat",
            "lon",
            "desired_keco_code",
            "last_keco_code",
            "desired_wage_krw",
            "desired_region_scope",
            "education",
            "career_years",
        )
    }
    p = {
        c: ctx.arr("p", c)[pi]
        for c in (
            "lat",
            "lon",
            "keco_code",
            "wage_monthly_krw",
            "education_req",
            "career_req_years",
            "posted_date",
            "closing_date",
            "openings",
        )
    }
    day = pd.DatetimeIndex(np.broadcast_to(np.asarray(day, dtype="datetime64[ns]"), len(si)))
    counts = ctx.skills.overlap(si, pi)
    sizes = np.maximum(ctx.skills.posting_sizes[pi], 1)
    desired = pd.to_numeric(pd.Series(s["desired_wage_krw"]), errors="coerce").to_numpy(float)
    wage = p["wage_monthly_krw"].astype(float)
    return pd.DataFrame(
        {
            "similarity": np.asarray(similarity, dtype=float),
            "occ_desired": occ_level(s["desired_keco_code"], p["keco_code"]),
            "occ_last": occ_level(s["last_keco_code"], p["keco_code"]),
            "skill_share": counts / sizes,
            "skill_count": counts,
            "distance_km": haversine_km(s["lat"], s["lon"], p["lat"], p["lon"]),
            "region_scope": pd.Categorical(s["desired_region_scope"], categories=SCOPES),
            "wage_ratio": np.where(desired > 0, wage / np.where(desired > 0, desired, 1), np.nan),
            "edu_gap": pd.Series(s["education"]).map(EDUCATION_RANK).to_numpy(float)
            - pd.Series(p["education_req"]).map(EDUCATION_RANK).to_numpy(float),
            "career_gap": s["career_years"].astype(float) - p["career_req_years"].astype(float),
            "days_posted": (day - pd.DatetimeIndex(p["posted_date"])).days.to_numpy(float),
            "days_left": (pd.DatetimeIndex(p["closing_date"]) - day).days.to_numpy(float),
            "applicants_per_opening": np.asarray(applicants, dtype=float) / np.maximum(p["openings"].astype(float), 1),
        }
    )
