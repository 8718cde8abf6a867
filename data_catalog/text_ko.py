"""Korean text for synthetic postings, résumés, firm names and course titles.

Text is composed from the occupation catalogue (duties, skills) and the structured fields, with
several templates and optional sentences so that text models later face real variation rather
than one fixed sentence per occupation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_catalog.spec import CONTRACTS, COURSE_LEVELS, EDUCATION_REQ, EDUCATION_SCHOOL, SHIFTS, WAGE_TYPES

_FIRM_PREFIX = np.array(
    [
        "한빛",
        "대한",
        "새솔",
        "푸른",
        "미래",
        "동양",
        "서해",
        "태평",
        "우리",
        "한결",
        "다온",
        "누리",
        "가람",
        "해오름",
        "청솔",
        "금강",
        "삼정",
        "대성",
        "한솔",
        "정우",
        "세진",
        "명성",
        "신일",
        "동원",
        "제일",
        "보람",
        "온누리",
        "한마음",
        "아름",
        "늘푸른",
        "에이스",
        "스마트",
        "그린",
        "하나",
        "오성",
        "진성",
        "광명",
        "성원",
    ]
)
_FIRM_SUFFIX = {
    "A": ["농산", "영농조합법인", "수산"],
    "B": ["광업", "자원"],
    "C": ["정밀", "산업", "테크", "전자", "기계", "화학", "식품"],
    "D": ["에너지", "전력"],
    "E": ["환경", "자원순환"],
    "F": ["건설", "종합건설", "이엔씨"],
    "G": ["상사", "유통", "마트", "무역"],
    "H": ["물류", "운수", "택배", "로지스"],
    "I": ["식당", "푸드", "호텔", "카페"],
    "J": ["소프트", "미디어", "시스템즈", "랩스"],
    "K": ["캐피탈", "금융서비스", "보험대리점"],
    "L": ["부동산", "개발"],
    "M": ["컨설팅", "엔지니어링", "디자인"],
    "N": ["아웃소싱", "시설관리", "인력"],
    "O": ["공단", "센터"],
    "P": ["학원", "교육"],
    "Q": ["요양원", "병원", "의원", "복지센터"],
    "R": ["스포츠", "엔터테인먼트"],
    "S": ["서비스", "미용실", "수리센터"],
    "T": ["가사서비스"],
    "U": ["국제기구"],
}
_FIRM_FORM = np.array(["(주)", "", "", "주식회사 ", "(유)"])

_TITLE_TEMPLATES = [
    "[{region}] {occ} {contract} 채용",
    "{occ} 모집 ({contract}, {region})",
    "[{firm}] {occ} 신규 채용",
    "{region} {occ} 구인 — {shift} 근무",
    "경력 {career} {occ} 모집",
    "{occ} ({edu}) 채용합니다",
]
_OPENERS = [
    "{firm}에서 함께 성장할 {occ}을(를) 모집합니다.",
    "{region}에 위치한 {firm}입니다. {occ} 인력을 채용합니다.",
    "성실하고 책임감 있는 {occ}을(를) 찾습니다.",
    "{firm} {occ} 채용 공고입니다.",
]
_BENEFITS = [
    "4대보험",
    "퇴직금",
    "중식 제공",
    "통근버스",
    "명절 상여금",
    "연차휴가",
    "교육비 지원",
    "기숙사 제공",
    "야근 수당",
    "경조사 지원",
    "주차 지원",
    "건강검진",
]
_RESUME_OPEN = [
    "안녕하십니까. {occ} 분야에서 일하고 싶은 구직자입니다.",
    "{career}의 경력을 바탕으로 {occ} 직무에 지원하고자 합니다.",
    "저는 {edu}를 졸업하고 {last}(으)로 일해 왔습니다.",
    "꾸준함과 책임감이 강점인 지원자입니다.",
]
_RESUME_CLOSE = [
    "맡은 일을 끝까지 책임지는 자세로 일하겠습니다.",
    "빠르게 배우고 동료와 협력하는 사람이 되겠습니다.",
    "{region} 지역에서 오래 일할 수 있는 직장을 찾고 있습니다.",
    "희망 급여는 월 {wage}만원 수준이며 조정 가능합니다.",
    "",
]


def _pick(rng: np.random.Generator, options: list[str], n: int) -> np.ndarray:
    return np.asarray(options, dtype=object)[rng.integers(0, len(options), n)]


def firm_names(rng: np.random.Generator, sections: np.ndarray) -> list[str]:
    n = len(sections)
    pre = _FIRM_PREFIX[rng.integers(0, len(_FIRM_PREFIX), n)]
    form = _FIRM_FORM[rng.integers(0, len(_FIRM_FORM), n)]
    u = rng.random(n)
    out = []
    for p, f, s, x in zip(pre, form, sections, u, strict=True):
        opts = _FIRM_SUFFIX.get(s, ["산업"])
        out.append(f"{f}{p}{opts[int(x * len(opts))]}")
    return out


def career_ko(years: float) -> str:
    return "신입" if years < 1 else f"{int(years)}년"


def posting_texts(rng: np.random.Generator, df: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Titles and descriptions for postings; `df` carries occ/firm/region names and fields."""
    n = len(df)
    titles_t = _pick(rng, _TITLE_TEMPLATES, n)
    open_t = _pick(rng, _OPENERS, n)
    nb = rng.integers(2, 6, n)
    bidx = rng.random((n, len(_BENEFITS))).argsort(axis=1)
    has_pref = rng.random(n) < 0.5
    titles, descs = [], []
    for i, r in enumerate(df.itertuples(index=False)):
        career = "무관" if r.career_req_years == 0 else f"{r.career_req_years}년 이상"
        fields = {
            "region": r.region_name,
            "occ": r.occ_name,
            "contract": CONTRACTS[r.contract_type],
            "firm": r.firm_name,
            "shift": SHIFTS[r.shift],
            "career": career,
            "edu": EDUCATION_REQ[r.education_req],
        }
        titles.append(titles_t[i].format(**fields))
        skills = str(r.skills_ko).split(";")
        benefits = ", ".join(_BENEFITS[j] for j in bidx[i, : nb[i]])
        wage_txt = f"{WAGE_TYPES[r.wage_type]} {int(r.wage_amount):,}원"
        parts = [
            open_t[i].format(**fields),
            f"주요 업무: {r.duties_ko}",
            f"자격 요건: {fields['edu']}, 경력 {career}.",
            f"근무 조건: {fields['contract']}, {fields['shift']} 근무, 주 {r.weekly_hours:g}시간, {wage_txt}.",
            f"복리후생: {benefits}.",
        ]
        if has_pref[i] and skills:
            parts.insert(3, f"우대 사항: {', '.join(skills[:3])} 보유자 우대.")
        if isinstance(r.extra_text, str) and r.extra_text:
            parts.append(r.extra_text)
        descs.append(" ".join(parts))
    return titles, descs


def resume_texts(rng: np.random.Generator, df: pd.DataFrame) -> list[str]:
    n = len(df)
    open_t = _pick(rng, _RESUME_OPEN, n)
    close_t = _pick(rng, _RESUME_CLOSE, n)
    out = []
    for i, r in enumerate(df.itertuples(index=False)):
        fields = {
            "occ": r.desired_name,
            "career": career_ko(r.career_years),
            "edu": EDUCATION_SCHOOL[r.education],
            "last": r.last_name if isinstance(r.last_name, str) else "아르바이트",
            "region": r.region_name,
            "wage": int(r.desired_wage_krw // 10_000),
        }
        skills = str(r.skills).replace(";", ", ")
        parts = [open_t[i].format(**fields)]
        if r.career_years >= 1 and isinstance(r.last_name, str):
            parts.append(f"{r.last_name}(으)로 {career_ko(r.career_years)} 근무하며 {r.last_duties}")
        parts.append(f"보유 역량: {skills}.")
        if r.training_hours_before > 0:
            parts.append(f"직업훈련 {int(r.training_hours_before)}시간을 이수했습니다.")
        c = close_t[i].format(**fields)
        if c:
            parts.append(c)
        out.append(" ".join(parts))
    return out


def course_titles(rng: np.random.Generator, occ_names: np.ndarray, levels: np.ndarray) -> list[str]:
    kinds = _pick(rng, ["양성과정", "실무과정", "취업연계과정", "자격취득과정", "재직자 향상과정"], len(occ_names))
    return [f"{o} {COURSE_LEVELS[v]} {k}" for o, v, k in zip(occ_names, levels, kinds, strict=True)]


ANOMALY_TEXT = {
    "discriminatory": ["남성만 지원 가능.", "30세 이하 여성 우대, 기혼자 불가.", "용모 단정한 20대 여성만 채용."],
    "banned_condition": ["입사 시 신원보증금 50만원 선납.", "수습 3개월 급여 없음.", "휴게시간 없이 연속 근무."],
    "scam": [
        "고수익 보장! 통장만 빌려주시면 일당 지급.",
        "선입금 후 교육 진행, 재택 부업 월 500만원 보장.",
        "개인 계좌로 대금 수령 업무, 당일 현금 지급.",
    ],
}
