"""The Korean text grammar: particles, variety (skeleton shares), agreement with the fields, determinism."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from data_catalog import reference as ref
from data_catalog.generator import text
from data_catalog.generator.josa import attach, final_consonant, josa_format
from data_catalog.spec import COURSE_LEVELS, SHIFTS

UNRESOLVED = (
    "을(를)",
    "를(을)",
    "(으)로",
    "이(가)",
    "가(이)",
    "은(는)",
    "는(은)",
    "와(과)",
    "과(와)",
    "(이)나",
    "(이)",
)
WAGE_UNITS = {
    "hourly": ("시급", "시간당"),
    "daily": ("일급", "일당"),
    "monthly": ("월급", "월"),
    "annual": ("연봉", "연"),
}


# ----------------------------------------------------------------------------- fixtures
def posting_frame(n: int, seed: int) -> pd.DataFrame:
    """A random but realistic input frame: catalogue occupations, real sigungu, skewed field mixes."""
    rng = np.random.default_rng(seed)
    occ = ref.occupations()
    sgg = ref.sigungu()
    oi = rng.integers(0, len(occ), n)
    si = rng.integers(0, len(sgg), n)
    firms = np.array(text.firm_names(rng, rng.choice(list("ACCCFGGHIIJMNNPQQS"), size=2_000)))
    contract = rng.choice(["permanent", "fixed_term", "part_time", "dispatch"], n, p=[0.55, 0.22, 0.18, 0.05])
    part = contract == "part_time"
    hours = np.where(part, rng.choice([15.0, 20.0, 25.0, 30.0], n), 40.0)
    long = ~part & (rng.random(n) < 0.15)
    hours = np.where(long, rng.choice([44.0, 48.0, 52.0], n), hours)
    days = np.where(part, rng.choice([3, 4, 5], n), np.where(long, 6, 5))
    wage_type = np.where(
        part, "hourly", rng.choice(["monthly", "annual", "daily", "hourly"], n, p=[0.72, 0.14, 0.07, 0.07])
    )
    hourly = np.floor(rng.uniform(10_030, 16_000, n) / 10) * 10
    monthly = hourly * 209 * hours / 40
    amount = np.select(
        [wage_type == "hourly", wage_type == "daily", wage_type == "monthly"],
        [hourly, np.round(hourly * hours / days / 1000) * 1000, np.ceil(monthly / 10_000) * 10_000],
        np.ceil(monthly * 12 / 100_000) * 100_000,
    ).astype(np.int64)
    amount = np.where(rng.random(n) < 0.004, 0, amount)  # missing essentials: no wage given
    prob = rng.choice([0, 0, 0, 1, 2, 3, 3, 6], n)
    posted = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 600, n), unit="D")
    return pd.DataFrame(
        {
            "region_name": (sgg["sido_short_ko"] + " " + sgg["sigungu_name_ko"]).to_numpy()[si],
            "occ_name": occ["name_ko"].to_numpy()[oi],
            "firm_name": firms[rng.integers(0, len(firms), n)],
            "contract_type": contract,
            "shift": rng.choice(["day", "shift", "night"], n, p=[0.8, 0.12, 0.08]),
            "career_req_years": rng.choice([0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 5], n),
            "education_req": rng.choice(
                ["any", "high_school", "college", "university", "graduate"], n, p=[0.45, 0.25, 0.12, 0.16, 0.02]
            ),
            "skills_ko": occ["skills_ko"].to_numpy()[oi],
            "duties_ko": occ["duties_ko"].to_numpy()[oi],
            "wage_type": wage_type,
            "wage_amount": amount,
            "weekly_hours": hours,
            "work_days": days,
            "probation_months": prob,
            "probation_pay_pct": np.where(prob > 0, rng.choice([100, 90, 90, 80], n), 100),
            "inclusive_wage": rng.random(n) < 0.2,
            "openings": np.minimum(1 + rng.poisson(0.4, n), 50),
            "closing_date": posted + pd.to_timedelta(rng.choice([14, 15, 30, 45, 60], n), unit="D"),
            "channel": rng.choice(
                ["work24", "private_portal", "company_site", "job_fair"], n, p=[0.5, 0.3, 0.15, 0.05]
            ),
        }
    )


def resume_frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    occ = ref.occupations()
    sgg = ref.sigungu()
    di = rng.integers(0, len(occ), n)
    li = rng.integers(0, len(occ), n)
    career = np.round(np.where(rng.random(n) < 0.3, 0.0, rng.gamma(2.0, 3.0, n)), 1)
    has_last = (career > 0) & (rng.random(n) < 0.85)
    skills = [";".join(rng.permutation(s.split(";"))[: rng.integers(1, 5)]) for s in occ["skills_ko"].to_numpy()[di]]
    return pd.DataFrame(
        {
            "desired_name": occ["name_ko"].to_numpy()[di],
            "career_years": career,
            "education": rng.choice(["high_school", "college", "university", "graduate"], n, p=[0.4, 0.2, 0.35, 0.05]),
            "last_name": np.where(has_last, occ["name_ko"].to_numpy()[li], None),
            "last_duties": occ["duties_ko"].to_numpy()[li],
            "region_name": (sgg["sido_short_ko"] + " " + sgg["sigungu_name_ko"]).to_numpy()[
                rng.integers(0, len(sgg), n)
            ],
            "desired_wage_krw": (np.ceil(rng.uniform(2_100_000, 5_000_000, n) / 100_000) * 100_000).astype(np.int64),
            "skills": skills,
            "training_hours_before": np.where(rng.random(n) < 0.3, rng.choice([40, 80, 120, 240, 360], n), 0),
        }
    )


@pytest.fixture(scope="module")
def postings() -> tuple[pd.DataFrame, list[str], list[str]]:
    df = posting_frame(20_000, seed=7)
    titles, bodies = text.posting_texts(np.random.default_rng(1), df)
    return df, titles, bodies


@pytest.fixture(scope="module")
def resumes() -> tuple[pd.DataFrame, list[str]]:
    df = resume_frame(20_000, seed=8)
    return df, text.resume_texts(np.random.default_rng(2), df)


# ----------------------------------------------------------------------------- josa
@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("사과", "을/를", "사과를"),
        ("책", "을/를", "책을"),
        ("서울", "으로/로", "서울로"),  # ㄹ-final takes 로
        ("부산", "으로/로", "부산으로"),
        ("인천", "으로/로", "인천으로"),
        ("경찰", "으로/로", "경찰로"),
        ("학교", "으로/로", "학교로"),
        ("요양보호사", "이/가", "요양보호사가"),
        ("정규직", "으로/로", "정규직으로"),
        ("시간제", "으로/로", "시간제로"),
        ("회사", "은/는", "회사는"),
        ("(주)한빛정밀", "은/는", "(주)한빛정밀은"),
        ("사과", "과/와", "사과와"),
        ("책", "과/와", "책과"),
        ("커피", "이나/나", "커피나"),
        ("빵", "이나/나", "빵이나"),
        ("간호사", "이에요/예요", "간호사예요"),
        ("학생", "이에요/예요", "학생이에요"),
        ("3년", "이/가", "3년이"),
        ("2명", "이/가", "2명이"),
    ],
)
def test_attach_hangul(word: str, pair: str, expected: str) -> None:
    assert attach(word, pair) == expected


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("2", "이/가", "2가"),  # 이
        ("3", "이/가", "3이"),  # 삼
        ("1", "으로/로", "1로"),  # 일: ㄹ
        ("6", "으로/로", "6으로"),  # 육
        ("10", "을/를", "10을"),  # 십
        ("100", "을/를", "100을"),  # 백
        ("2000", "은/는", "2000은"),  # 이천
        ("2,300", "을/를", "2,300을"),  # 이천삼백
        ("50000", "이/가", "50000이"),  # 오만
        ("1.5", "이/가", "1.5가"),  # 일점오
        ("SQL", "을/를", "SQL을"),  # 엘
        ("SQL", "으로/로", "SQL로"),
        ("Python", "을/를", "Python을"),
        ("Java", "을/를", "Java를"),
        ("BIM", "과/와", "BIM과"),
        ("ERP", "이/가", "ERP가"),
        ("C++", "을/를", "C++를"),
        ("위생 관리(HACCP)", "을/를", "위생 관리(HACCP)를"),
        ("한글(문서)", "을/를", "한글(문서)를"),
        ("[강남구]", "으로/로", "[강남구]로"),
        ("요양보호사(정규직)", "으로/로", "요양보호사(정규직)으로"),
    ],
)
def test_attach_non_hangul(word: str, pair: str, expected: str) -> None:
    assert attach(word, pair) == expected


def test_attach_short_forms_and_errors() -> None:
    assert attach("사과", "을") == attach("사과", "를") == "사과를"
    assert attach("...", "을/를") == "...을"  # nothing readable: the after-consonant form
    assert final_consonant("강") == 21 and final_consonant("가") == 0 and final_consonant("!!") is None
    with pytest.raises(ValueError):
        attach("사과", "에게")


def test_josa_format() -> None:
    assert josa_format("{occ:을} 모집합니다", occ="요양보호사") == "요양보호사를 모집합니다"
    assert josa_format("{firm:은} {region:으로} 이전", firm="(주)한빛", region="서울") == "(주)한빛은 서울로 이전"
    assert josa_format("{a:과} {b}", a="책", b="연필") == "책과 연필"
    assert josa_format("{a}만 {b:이에요}", a="3", b="월급") == "3만 월급이에요"
    with pytest.raises(KeyError):
        josa_format("{missing:을}")


# ----------------------------------------------------------------------------- wage phrases
_NUM = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(억|천|백|십)?")


def parse_won(s: str) -> int:
    """'2,760만 원' · '2천7백6십만원' · '1억 1,400만원' · '12만 5천원' · '10,030원' → 원 (the grammar's forms)."""
    s = s.replace(" ", "").removesuffix("원")
    total = 0
    for big, mult in (("억", 100_000_000), ("만", 10_000)):
        if big in s:
            head, s = s.split(big, 1)
            total += _small(head) * mult
    return total + (_small(s) if s else 0)


def _small(s: str) -> int:
    unit = {"천": 1000, "백": 100, "십": 10, None: 1}
    return int(sum(float(m.group(1).replace(",", "")) * unit[m.group(2)] for m in _NUM.finditer(s)))


_WAGE_RE = re.compile(
    r"(시급|시간당|일급|일당|월급|월 급여|월|연봉|연)(?:은|는|:)?\s?((?:\d[\d,]*\s?(?:억|천|백|십|만)*\s?)+)\s?원"
)


def stated_wages(body: str) -> list[tuple[str, int]]:
    return [(m.group(1), parse_won(m.group(2) + "원")) for m in _WAGE_RE.finditer(body)]


@pytest.mark.parametrize(
    ("wage_type", "amount"),
    [
        ("hourly", 10_030),
        ("hourly", 11_000),
        ("daily", 125_000),
        ("daily", 120_000),
        ("daily", 123_450),
        ("monthly", 2_300_000),
        ("monthly", 2_345_670),
        ("annual", 27_600_000),
        ("annual", 114_000_000),
        ("annual", 100_000_000),
        ("annual", 27_650_000),
    ],
)
def test_wage_phrase_reads_back(wage_type: str, amount: int) -> None:
    rng = np.random.default_rng(0)
    seen = set()
    for _ in range(300):
        inclusive = bool(rng.random() < 0.5)
        phrase = text.wage_phrase(rng, wage_type, amount, inclusive)
        seen.add(phrase)
        found = stated_wages(phrase)
        assert len(found) == 1, phrase
        unit, value = found[0]
        assert value == amount, phrase
        assert any(unit.startswith(u) for u in WAGE_UNITS[wage_type]), phrase
        assert ("포괄" in phrase) == inclusive, phrase
    assert len(seen) >= 8  # several ways of writing the same wage


def test_wage_phrase_forms() -> None:
    rng = np.random.default_rng(3)
    annual = {text.wage_phrase(rng, "annual", 27_600_000, False) for _ in range(600)}
    assert any("2천7백6십만" in a for a in annual) and any("2,760만" in a for a in annual)
    monthly = {text.wage_phrase(rng, "monthly", 2_300_000, False) for _ in range(300)}
    assert any(m.startswith("월 230만") for m in monthly) and any("2,300,000원" in m for m in monthly)
    assert any(text.wage_phrase(rng, "daily", 120_000, False).startswith("일당") for _ in range(50))
    assert not re.search(r"\d", text.wage_phrase(rng, "monthly", 0, False))  # no wage given: none stated
    with pytest.raises(ValueError):
        text.wage_phrase(rng, "weekly", 1, False)


# ----------------------------------------------------------------------------- postings
def test_posting_particles_resolved(postings) -> None:
    _, titles, bodies = postings
    for t in titles[:5_000] + bodies[:5_000]:
        assert not any(u in t for u in UNRESOLVED), t
        assert "{" not in t and "}" not in t, t


def test_posting_particles_correct(postings) -> None:
    df, titles, bodies = postings
    checked = 0
    for occ, t in zip(df["occ_name"][:5_000], titles[:5_000], strict=True):
        for m in re.finditer(re.escape(occ) + r"(을|를)\s", t):
            assert m.group(0).strip() == attach(occ, "을/를"), t
            checked += 1
    for b in bodies[:5_000]:
        for word, form in re.findall(r"(정규직|계약직|시간제|파견직)(으로|로) ", b):
            assert word + form == attach(word, "으로/로"), b
            checked += 1
    assert checked > 500


def _skeleton_share(texts: list[str], df: pd.DataFrame) -> float:
    sk = []
    for t, r in zip(texts, df.itertuples(index=False), strict=True):
        names = [r.region_name, r.firm_name, r.occ_name, r.skills_ko, r.duties_ko]
        sk.append(text.skeleton(t, names))
    return Counter(sk).most_common(1)[0][1] / len(sk)


def test_skeleton_shares_below_one_percent(postings) -> None:
    df, titles, bodies = postings
    assert _skeleton_share(titles, df) < 0.01
    assert _skeleton_share(bodies, df) < 0.01


def test_skeleton_strips_names_and_numbers() -> None:
    s = text.skeleton(
        "[강남구] 요양보호사 2명 모집 / 월 2,300,000원. 돌봄을 제공하는 업무",
        ["서울 강남구", "요양보호사", "돌봄을 제공한다."],
    )
    assert s == "[] #명 모집 / 월 #원."  # the duties' 는-form and its 업무 go with the sentence


def test_posting_facts_agree(postings) -> None:
    df, titles, bodies = postings
    sample = df.index[:3_000]
    for i in sample:
        row = df.loc[i]
        body = bodies[i]
        found = stated_wages(body)
        if row.wage_amount == 0:
            assert not found and not re.search(r"\d원", body), body
            continue
        assert found, body
        assert all(v == row.wage_amount for _, v in found), (row.wage_amount, found, body)
        assert all(any(u.startswith(w) for w in WAGE_UNITS[row.wage_type]) for u, _ in found), body
        assert f"{row.weekly_hours:g}시간" in body, body
        assert text.CONTRACT_WORDS[row.contract_type][0] in body, body
        assert ("포괄" in body) == bool(row.inclusive_wage), body
        months = [int(m) for m in re.findall(r"수습(?:기간)?\s?(\d+)개월", body)]
        if row.probation_months > 0:
            assert months and set(months) == {row.probation_months}, body
            if row.probation_pay_pct < 100:
                assert f"{row.probation_pay_pct}%" in body, body
        else:
            assert not months, body
        if "월~금" in body:
            assert row.work_days == 5, body
        days = re.search(rf"주\s?{row.work_days}(?![\d.]|\s?시간)", body)  # 주 5일, 주5일, 주5 (abbreviated)
        assert days or "월~금" in body or "월~토" in body, body
        rest = text.skeleton(body, [row.occ_name, row.duties_ko, row.firm_name])
        if row["shift"] != "day":
            assert SHIFTS[row["shift"]] in rest, body
        if row["shift"] != "shift" and "교대" not in row.skills_ko:
            assert "교대" not in rest, body
        if row.career_req_years > 0:
            assert f"{row.career_req_years}년" in body, body
        else:
            assert re.search(r"\d+년 이상|\d+년↑", body.replace(f"{row.closing_date.year}년", "")) is None, body
        flat = body.replace(" ", "")  # noise may drop a space inside a phrase ("고졸이상")
        assert any(w.replace(" ", "") in flat for w in text.EDUCATION_REQ_WORDS[row.education_req]), body
        closing = row.closing_date
        assert (
            (closing.strftime("%Y-%m-%d") in body or f"{closing.year}년 {closing.month}월 {closing.day}일" in body)
            or "채용 시 마감" in body
            or "채용시 마감" in body
        ), body


def test_title_wage_hooks_agree(postings) -> None:
    df, titles, _ = postings
    hook = re.compile(r"(시급|시간당|일급|일당|월급|월|연봉|연) ([\d,.]+)(만|천)?(원)?")
    checked = 0
    for t, amount, wt in zip(titles, df["wage_amount"], df["wage_type"], strict=True):
        for m in hook.finditer(t):
            if m.group(1) in ("월", "연") and m.start() > 0 and t[m.start() - 1].isdigit():
                continue
            v = float(m.group(2).replace(",", ""))
            v *= {"만": 10_000, "천": 10_000_000, None: 1}[m.group(3)]
            assert round(v) == amount, t
            assert any(m.group(1).startswith(u) for u in WAGE_UNITS[wt]), t
            checked += 1
    assert checked > 1_000


def test_posting_variety_markers(postings) -> None:
    _, titles, bodies = postings
    joined = "\n".join(bodies[:5_000])
    for marker in (
        "■",
        "[자격요건]",
        "※",
        "우대",
        "복리후생",
        "채용 시 마감",
        "월~금",
        "수습",
        "경력 무관",
        "신입 가능",
    ):
        assert marker in joined, marker
    assert len({t.split()[-1] for t in titles}) > 20
    assert sum("\n" in b for b in bodies) > 0.5 * len(bodies)
    assert sum("\n" not in b for b in bodies) > 0.05 * len(bodies)


def test_posting_deterministic() -> None:
    df = posting_frame(300, seed=11)
    a = text.posting_texts(np.random.default_rng(5), df)
    b = text.posting_texts(np.random.default_rng(5), df)
    c = text.posting_texts(np.random.default_rng(6), df)
    assert a == b and a != c


# ----------------------------------------------------------------------------- résumés
def test_resume_particles_and_duplicates(resumes) -> None:
    _, texts = resumes
    for t in texts[:5_000]:
        assert not any(u in t for u in UNRESOLVED), t
        assert "{" not in t, t
    dup = 1 - len(set(texts)) / len(texts)
    assert dup < 0.005


def test_resume_facts_agree(resumes) -> None:
    df, texts = resumes
    man = re.compile(r"월 ([\d,]+)만원|연봉은? ([\d,]+)만원|월 ([\d,]+)원")
    stated = 0
    for row, t in zip(df.itertuples(index=False), texts[:3_000], strict=False):
        for m in man.finditer(t):
            monthly, annual, won = m.groups()
            if monthly:
                assert int(monthly.replace(",", "")) * 10_000 == row.desired_wage_krw, t
            elif annual:
                assert int(annual.replace(",", "")) * 10_000 == 12 * row.desired_wage_krw, t
            else:
                assert int(won.replace(",", "")) == row.desired_wage_krw, t
            stated += 1
        last = row.last_name if isinstance(row.last_name, str) else ""
        rest = text.skeleton(t, [row.desired_name, last, row.last_duties, row.skills])
        if row.training_hours_before == 0:
            assert "훈련" not in rest and "교육을" not in rest, t
        else:
            assert f"{row.training_hours_before}시간" in t or "훈련" not in rest, t
        if not last or row.career_years == 0:
            assert "경력 사항" not in t, t
    assert stated > 1_000


def test_resume_one_register_per_text(resumes) -> None:
    _, texts = resumes
    formal = sum(("습니다" in t) and ("어요" not in t and "해요" not in t) for t in texts)
    polite = sum(("어요" in t or "해요" in t or "예요" in t) and "습니다" not in t for t in texts)
    mixed = sum(("습니다" in t) and ("어요" in t or "해요" in t) for t in texts)
    assert formal > 0.5 * len(texts) and polite > 0.1 * len(texts)
    assert mixed < 0.01 * len(texts)


def test_resume_deterministic() -> None:
    df = resume_frame(300, seed=12)
    assert text.resume_texts(np.random.default_rng(1), df) == text.resume_texts(np.random.default_rng(1), df)


# ----------------------------------------------------------------------------- firms, courses
def test_firm_names_unique_and_sectoral() -> None:
    rng = np.random.default_rng(0)
    sections = rng.choice(list("ABCDEFGHIJKLMNOPQRSTU"), size=30_000)
    names = text.firm_names(rng, sections)
    assert len(set(names)) / len(names) > 0.995
    assert all(n for n in names)
    q = [n for n, s in zip(names, sections, strict=True) if s == "Q"]
    assert sum(any(w in n for w in ("요양", "병원", "의원", "복지", "치과")) for n in q) == len(q)


def test_course_titles_name_level() -> None:
    rng = np.random.default_rng(0)
    occ = np.array(["요양보호사", "용접원", "웹 개발자"] * 100)
    levels = np.array(["beginner", "intermediate", "advanced"] * 100)
    titles = text.course_titles(rng, occ, levels)
    assert all(o in t and COURSE_LEVELS[lv] in t for t, o, lv in zip(titles, occ, levels, strict=True))
    assert len(set(titles)) > 100
