"""Résumé help for one seeker and one target posting (AI 취업컨설팅, first version).

What is missing (the posting occupation's skills the seeker does not list, and the posting's key words the résumé
never uses), a Korean checklist of concrete improvements built from those gaps and the posting's requirements, and a
draft cover-letter paragraph. Deterministic by default; with an OpenAI-compatible endpoint configured
(`config.llm_settings`) the paragraph can be written by the LLM from the same facts, and falls back to the template
when the endpoint fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

import config
from data_catalog.spec import EDUCATION_RANK, EDUCATION_REQ
from models.common.shap_text import josa
from models.matching.features import matched_skills, missing_skills

KEYWORD_TAGS = ("NNG", "SL")
"""Common nouns and foreign words: skills and duties; proper nouns (places, firm names) are left out."""
STOP = frozenset(
    [
        "담당업무",
        "자격요건",
        "우대사항",
        "근무조건",
        "급여",
        "조건",
        "복리후생",
        "지원",
        "안내",
        "지원방법",
        "접수기한",
        "채용시",
        "마감",
        "이상",
        "있는",
        "분",
        "가능자",
        "우대",
        "주당",
        "근로시간",
        "근무장소",
        "근무일",
        "채용형태",
        "세전",
        "수습기간",
        "모집",
        "채용",
        "담당자",
        "경력",
        "학력",
        "무관",
    ]
)


@dataclass
class Help:
    missing_skills: list[str]
    keywords: list[str]
    checklist: list[str]
    cover_letter: str
    backend: str
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _kiwi():  # noqa: ANN202 - a kiwipiepy.Kiwi (loaded once per process)
    from kiwipiepy import Kiwi  # noqa: PLC0415 - only the résumé help pays for the morphology model

    return Kiwi(num_workers=1)


def nouns(text: str) -> list[str]:
    """Common nouns and foreign words of two or more letters, in order (kiwi morphemes: '지게차를' → '지게차')."""
    return [t.form for t in _kiwi().tokenize(text or "") if t.tag in KEYWORD_TAGS and len(t.form) >= 2]


def keywords(posting_text: str, resume_text: str, occupation_text: str, limit: int = 8) -> list[str]:
    """The posting's nouns about the job (they also appear in its occupation's duties and skills) that the résumé
    never uses, in the posting's order: benefits, procedure and place names are left out by that filter."""
    have, job = set(nouns(resume_text)), set(nouns(occupation_text))
    out: list[str] = []
    for w in nouns(posting_text):
        if w in job and w not in STOP and w not in have and w not in out:
            out.append(w)
    return out[:limit]


def checklist(s: pd.Series, p: pd.Series, missing: list[str], matched: list[str]) -> list[str]:
    items = []
    for skill in matched[:3]:
        items.append(f"'{skill}' 경험을 기간·업무·성과(숫자)와 함께 한 문장으로 구체적으로 적으세요.")
    for skill in missing[:3]:
        items.append(f"'{skill}' 경험이 있다면 이력서에 추가하고, 없다면 관련 직업훈련 과정을 검토하세요.")
    need = EDUCATION_RANK.get(str(p["education_req"]), 0)
    have = EDUCATION_RANK.get(str(s["education"]), 0)
    if need and have >= need:
        items.append(f"학력 요건({EDUCATION_REQ.ko(p['education_req'])}) 충족을 이력서 첫머리에 밝히세요.")
    elif need:
        items.append(f"학력 요건({EDUCATION_REQ.ko(p['education_req'])})에 못 미칩니다: 대신할 경력·자격을 강조하세요.")
    req, career = float(p["career_req_years"] or 0), float(s["career_years"] or 0)
    if req > 0 and career < req:
        items.append(f"요구 경력 {req:.0f}년에 {req - career:.0f}년 부족합니다: 관련 아르바이트·실습 경험도 적으세요.")
    elif req > 0:
        items.append(f"요구 경력 {req:.0f}년 이상을 충족합니다: 근무처와 기간을 연도별로 정리하세요.")
    items.append(f"지원 동기에 공고 직종({p['occ_name']})과 내 경험이 이어지는 점을 한 문장으로 쓰세요.")
    return items


def template_letter(s: pd.Series, p: pd.Series, matched: list[str]) -> str:
    occ = str(p["occ_name"])
    years = float(s["career_years"] or 0)
    exp = f"약 {years:.0f}년 동안 쌓은 경험" if years >= 1 else "꾸준히 준비해 온 역량"
    skills = ", ".join(matched[:3])
    middle = f"특히 {josa(skills, '을/를')} 실무에 바로 활용할 수 있습니다. " if skills else ""
    return (
        f"{exp}을 바탕으로 {occ} 직무에 지원합니다. {middle}"
        f"공고에서 강조한 업무를 책임감 있게 해내고, 빠르게 배워 팀에 보탬이 되겠습니다."
    )


SYSTEM_KO = "당신은 고용센터의 취업 상담사입니다. 한국어로만 답하고, 주어진 사실만 사용합니다."


def llm_text(user: str) -> str:
    """One free-text answer from the configured OpenAI-compatible endpoint (no JSON mode); empty is an error."""
    from models.posting_writer.llm import OpenAIChat  # noqa: PLC0415 - only when an endpoint is configured

    st = config.llm_settings()
    client = OpenAIChat(st["base_url"], st["model"], st["api_key"], st["timeout"], json_mode=False)
    text = client.complete(SYSTEM_KO, user).strip()
    if not text:
        raise ValueError("empty answer")
    return text


def llm_letter(s: pd.Series, p: pd.Series, matched: list[str], missing: list[str]) -> str:
    user = (
        f"직종: {p['occ_name']}\n공고 제목: {p['title']}\n보유 경력: {float(s['career_years'] or 0):.0f}년\n"
        f"일치 기술: {', '.join(matched) or '없음'}\n부족 기술: {', '.join(missing) or '없음'}\n"
        "위 사실만 사용해 자기소개서 한 문단(3~4문장, 존댓말)을 써 주세요. 없는 경력이나 자격을 지어내지 마세요."
    )
    return llm_text(user)


def help_for(s: pd.Series, p: pd.Series, backend: str = "template") -> Help:
    """`s`: a seeker row (skills, resume_text, education, career_years); `p`: a posting row with occ_skills."""
    matched = matched_skills(s["skills"], p["occ_skills"])
    missing = missing_skills(s["skills"], p["occ_skills"])
    words = keywords(
        f"{p['title']} {p['description']}",
        f"{s['resume_text']} {s['skills']}",
        f"{p['occ_name']} {p['occ_duties']} {p['occ_skills']}",
    )
    notes, used = [], "template"
    letter = template_letter(s, p, matched)
    if backend == "llm" and config.llm_settings():
        try:
            letter, used = llm_letter(s, p, matched, missing), "llm"
        except Exception as exc:  # noqa: BLE001 - any endpoint failure falls back to the template
            notes.append(f"LLM 응답을 받지 못해 기본 문장으로 작성했습니다({type(exc).__name__}).")
    return Help(missing, words, checklist(s, p, missing, matched), letter, used, notes)
