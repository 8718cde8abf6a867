"""Reasons for a recommendation in Korean: the re-ranker's largest SHAP contributions, each phrased from the pair's
own values, plus the facts a person checks first (matched skills, wage, commute).

A phrase is written from the value, never from the sign of the contribution, so it cannot contradict the data: a
posting 5 % below the desired wage reads "희망임금보다 5% 낮음" whichever way the model weighed it. The sign decides
whether it is listed as a reason (raises the score) or as something to weigh (lowers it), and the value's own
polarity vetoes a listing that would read wrong: bad news is never a reason, good news never a drawback.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from data_catalog.spec import REGION_SCOPES
from models.matching.features import FEATURE_NAMES, matched_skills

OCC_LEVEL_KO = {4: "일치", 3: "같은 소분류", 2: "같은 중분류", 1: "같은 대분류", 0: "다른 분야"}
TOP_REASONS = 3
SIMILAR, DISSIMILAR = 0.5, 0.3
"""Cosine similarities read as "비슷함" (at least SIMILAR) or "낮음" (below DISSIMILAR)."""


def _gone(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def wage_phrase(ratio: float) -> str:
    if _gone(ratio):
        return "희망임금 정보 없음"
    diff = round((ratio - 1) * 100)
    if diff == 0:
        return "제시임금이 희망임금과 같음"
    return f"제시임금이 희망임금보다 {abs(diff)}% {'높음' if diff > 0 else '낮음'}"


def phrase(name: str, row: pd.Series) -> str | None:
    """One feature of one pair in words; None when the value says nothing worth a line."""
    v = row[name]
    if _gone(v):
        return None
    if name == "similarity":
        if v >= SIMILAR:
            return f"이력서와 공고 내용이 비슷함(유사도 {v:.2f})"
        return f"이력서와 공고 내용 유사도 {v:.2f}" + ("(낮음)" if v < DISSIMILAR else "")
    if name == "occ_desired":
        return f"희망 직종과 {OCC_LEVEL_KO[int(v)]}"
    if name == "occ_last":
        return f"직전 직종과 {OCC_LEVEL_KO[int(v)]}"
    if name in ("skill_share", "skill_count"):
        n = int(row["skill_count"])
        return f"보유 기술 {n}개가 공고 직종의 기술과 일치" if n else "공고 직종의 기술과 일치하는 보유 기술 없음"
    if name == "distance_km":
        return f"통근 약 {v:.0f}km" if v >= 1 else "통근 1km 이내"
    if name == "region_scope":
        return f"희망 근무 지역 범위: {REGION_SCOPES.ko(str(v))}"
    if name == "wage_ratio":
        return wage_phrase(float(v))
    if name == "edu_gap":
        return "학력 요건 충족" if v >= 0 else "학력 요건에 못 미침"
    if name == "career_gap":
        return "경력 요건 충족" if v >= 0 else f"경력 요건보다 {abs(v):.0f}년 부족"
    if name == "days_posted":
        return f"게시 {v:.0f}일째 공고"
    if name == "days_left":
        return f"마감까지 {v:.0f}일" if v >= 0 else "마감됨"
    if name == "applicants_per_opening":
        return f"채용 인원당 지원자 {v:.1f}명"
    return None


def polarity(name: str, row: pd.Series) -> int:
    """Whether the value itself is good news (+1), bad news (−1) or neither (0) for this match.

    A reason must read as one: a phrase that is bad news is never listed as a reason, nor good news as something to
    weigh, whatever the model's contribution (the tree may have learned, say, that postings with no applicants yet
    are a weak sign; "지원자 0명" still is not a drawback to show)."""
    v = row[name]
    if _gone(v):
        return 0
    rules = {
        "occ_desired": lambda: 1 if v >= 2 else (-1 if v == 0 else 0),
        "occ_last": lambda: 1 if v >= 2 else (-1 if v == 0 else 0),
        "skill_share": lambda: 1 if row["skill_count"] > 0 else -1,
        "distance_km": lambda: 1 if v <= 10 else (-1 if v > 40 else 0),
        "wage_ratio": lambda: 1 if v >= 1 else (-1 if v < 0.95 else 0),
        "edu_gap": lambda: 1 if v >= 0 else -1,
        "career_gap": lambda: 1 if v >= 0 else -1,
        "days_left": lambda: -1 if v <= 3 else 0,
        "applicants_per_opening": lambda: -1 if v >= 5 else (1 if v < 1 else 0),
        "similarity": lambda: 1 if v >= SIMILAR else (-1 if v < DISSIMILAR else 0),
    }
    return rules[name]() if name in rules else 0


def reasons(contrib: np.ndarray, x: pd.DataFrame, top: int = TOP_REASONS) -> list[dict]:
    """Per row: {'plus': [...], 'minus': [...]} phrases of the largest positive / negative contributions.

    The two skill features share one phrase (it is listed once, with their summed contribution).
    """
    out = []
    names = list(FEATURE_NAMES)
    for r in range(len(x)):
        row = x.iloc[r]
        c = dict(zip(names, contrib[r], strict=True))
        c["skill_share"] = c.get("skill_share", 0.0) + c.pop("skill_count", 0.0)
        order = sorted(c, key=lambda k: -abs(c[k]))
        plus, minus = [], []
        for k in order:
            text = phrase(k, row)
            if text is None or abs(c[k]) < 1e-6:
                continue
            good = polarity(k, row)
            if c[k] > 0 and good >= 0:
                plus.append(text)
            elif c[k] < 0 and good <= 0:
                minus.append(text)
        out.append({"plus": plus[:top], "minus": minus[:top]})
    return out


def facts(seeker_skills: str | None, occ_skills: str | None, row: pd.Series) -> dict:
    """What a person checks first, straight from the data: matched skills (named), wage against desired, commute."""
    matched = matched_skills(seeker_skills, occ_skills)
    total = len([s for s in str(occ_skills or "").split(";") if s])
    skills = f"보유 기술 {len(matched)}/{total} 일치" + (f": {', '.join(matched)}" if matched else "")
    return {
        "skills_ko": skills,
        "matched_skills": matched,
        "wage_ko": wage_phrase(float(row["wage_ratio"])) if not _gone(row["wage_ratio"]) else "희망임금 정보 없음",
        "distance_ko": phrase("distance_km", row),
    }
