"""The posting checker's rules on hand-made postings, the minimum-wage arithmetic at its boundaries, and the synthetic
world's phrasing catalogue planted in a lawful posting (recall on train and held-out phrasings, false positives on
the lawful look-alikes)."""

from __future__ import annotations

import random
import re

import numpy as np
import pandas as pd
import pytest

from data_catalog.generator import violations
from data_catalog.reference import MINIMUM_WAGE_HOURLY, minimum_monthly_pay, minimum_wage
from models.posting_check import law
from models.posting_check import text as text_mod
from models.posting_check.check import check_posting, parse_row
from models.posting_check.rules import FAMILY_RULE, RULE_IDS, RULES, Flag, minimum_daily_pay
from models.posting_check.text import Norm, parse_amount, schedule, wage_mentions

BASE_TITLE = "재가 요양보호사 모집 (정규직)"
BASE_BODY = "\n".join(
    [
        "■ 모집 직종: 재가 요양보호사",
        "■ 근무지: 서울 마포구 월드컵로 100",
        "■ 근무 형태: 정규직(1년 이상 계약), 주 5일(월~금) 09:00~18:00 (휴게 1시간)",
        "■ 급여: 시급 10,500원, 주휴수당 별도 지급",
        "■ 자격: 요양보호사 자격증 소지자",
        "■ 복리후생: 4대 보험, 퇴직금, 교통비 지원",
        "■ 문의: 02-123-4567 (담당자 김민수)",
    ]
)
BASE = {
    "id": "base",
    "title": BASE_TITLE,
    "body": BASE_BODY,
    "wage_type": "hourly",
    "wage": 10500,
    "weekly_hours": 40,
    "year": 2025,
    "posted_date": "2025-03-01",
    "closing_date": "2025-03-31",
    "location": "서울 마포구",
    "contact": "02-123-4567",
}
"""A lawful posting (2025: 시급 10,030원 minimum; 40 hours; 주휴 paid): every rule leaves it alone."""


def posting(text: str = "", where: str = "body", **fields) -> dict:
    """BASE with `text` added to the body (as a new line) or the title, and fields replaced."""
    row = dict(BASE, **fields)
    if text and where == "title":
        row["title"] = f"{row['title']} - {text}"
    elif text:
        row["body"] = row["body"].replace("■ 자격:", f"■ {text}\n■ 자격:")
    return row


def rules_of(row: dict) -> set[str]:
    return {f.rule_id for f in check_posting(row)}


def flags_of(row: dict, rule: str) -> list[Flag]:
    return [f for f in check_posting(row) if f.rule_id == rule]


def test_the_base_posting_is_clean():
    assert check_posting(BASE) == []


# ----------------------------------------------------------------------------- hand-made cases, per rule
TEXT_POSITIVES: dict[str, list[str]] = {
    "age": [
        "만 35세 이하 지원 가능",
        "만35세이하",
        "만 3 5 세 이 하",
        "나이 제한 : 40세 까지",
        "연령 25세~39세",
        "30대 초반까지만 지원해 주세요",
        "92년생 이후 출생자만",
        "젊은 친구 구해요",
        "45세 이상은 지원 불가",
        "나이 드신 분은 정중히 사양합니다",
        "연령제한 있음",
        "연령 재한 있음",
        "중장년층 지원 불가",
        "MZ세대 환영",
        "20~30대 직원 모집",
        "서른 살 미만인 분",
    ],
    "gender": [
        "여성만 지원 가능",
        "남자 직원 구합니다",
        "성별: 남",
        "여 성 만",
        "홀서빙 이모님 모십니다",
        "주방 삼촌 급구",
        "남성 우대",
        "여자분은 지원이 어렵습니다",
        "지원자격 : 여성",
        "남 2명, 여 1명 모집",
        "건장한 남자분 찾아요",
        "여직원 구인",
        "카운터 아가씨 구함",
        "여셩만 지원",
    ],
    "banned_request": [
        "용모 단정한 분",
        "키 165cm 이상",
        "몸무게 50kg 이하",
        "전신 사진 첨부 필수",
        "외모 준수하신 분 우대",
        "이력서에 신장·체중 기재",
        "날씬한 분 환영",
        "미혼 여성만",
        "결혼 여부를 기재해 주세요",
        "본적 기재",
        "호남 출신 우대",
        "부동산 소유 여부 기재",
        "재산 상태 기재",
        "부모님 직업 기재",
        "형제 학력 기재란 작성",
        "아버지 직장명 기재",
    ],
    "scam": [
        "교육비 30만원 선입금",
        "등록비 5만원 납부 후 근무",
        "유니폼 보증금 10만원 필수",
        "텔레그램으로만 연락",
        "카톡 아이디로만 문의",
        "고수익 보장, 휴대폰만 있으면 누구나",
        "지인 소개 시 1인당 10만원",
        "통장 대여 가능한 분 (건당 50만원)",
        "신분증 사본 먼저 보내주세요",
        "업체명 비공개",
        "해외 근무 월 1000만원 보장, 항공권 제공",
        "서류 전달만 하시면 일당 30만원 즉시 지급",
        "면접비 2만원 입금 후 면접",
        "폰만 있으면 월 300 보장",
        "본인 명의 체크카드 양도 시 50만원",
    ],
    "min_wage": [
        "주휴수당 없음",
        "주휴 수당 미지급",
        "수습 3개월 급여 80%",
        "수습기간 최저임금 미적용",
        "본문 안내: 시급 9,500원",
        "최저시급에 주휴수당 포함",
        "수습 6개월간 급여 90%",
        "수습 기간 급여의 절반 지급",
        "주휴수당은 6개월 근무 후부터 지급",
        "주휴일 무급",
    ],
    "hours": [
        "주 6일 10시간 근무",
        "하루 12시간 주6일",
        "주 60시간 근무",
        "1일 11시간, 주 6일",
    ],
    "missing": [],  # field-based, see MISSING_POSITIVES
    "inconsistent": [],  # field-based, see FIELD_POSITIVES
}
TEXT_NEGATIVES: dict[str, list[str]] = {
    "age": [
        "연령 무관",
        "나이 무관, 성별 무관",
        "만 18세 미만 지원 불가 (청소년 보호)",
        "만 18세 미만은 야간 근무를 할 수 없습니다",
        "정년 만 60세",
        "정년 65세까지 근무 가능",
        "시니어 모델 모집",
        "고령자 우대",
        "중장년 환영",
        "경력 3년 이상",
        "만 8세 이하 자녀를 둔 직원 단축근무 가능",
        "20대부터 60대까지 다양한 연령층이 근무하고 있습니다",
        "청년내일채움공제 가입 가능",
        "차량 30대 보유 운수회사",
        "만 19세 이상 (주류 판매)",
        "젊은 조직문화의 회사에서 함께할 분",
    ],
    "gender": [
        "여성의류 쇼핑몰 MD 모집",
        "남성복 매장 판매직",
        "남녀 무관",
        "남녀 구분 없이 채용합니다",
        "성별 무관",
        "남/여 무관",
        "여성 고객 응대 업무",
        "경력단절여성 지원 사업 참여 기업",
        "남성 헤어 전문 살롱",
        "체력이 필요한 업무 (20kg 상자 운반)",
        "여직원 휴게실 완비",
        "급여 성과급 별도",
        "충남 자동차 부품 공장",
        "이모티콘 디자이너 협업",
        "어르신 가족과 상담",
    ],
    "banned_request": [
        "유니폼 지급(사이즈는 합격 후 확인)",
        "복장 자율",
        "증명사진 부착 불필요(블라인드 채용)",
        "기숙사 제공 (미혼·기혼 무관)",
        "근무지 인근 거주자 우대",
        "결혼 축하금 지급",
        "가족 같은 분위기",
        "가족수당 지급",
        "직원 자녀 학자금 지원",
        "비상연락처(가족)는 입사 후 제출",
        "지식재산권 관리 업무",
        "자산관리사 자격 우대",
        "기본적인 컴퓨터 활용",
        "키오스크 관리",
        "신장내과 외래 보조",
    ],
    "scam": [
        "교육비 회사 부담",
        "교육비 전액 지원",
        "보증금 없음",
        "무료 교육 후 배치",
        "급여 계좌 사본은 입사 후 제출",
        "직원 추천 입사 시 추천인에게 포상금 지급",
        "카카오톡 채널 문의 가능",
        "생산 라인 작업",
        "텔레마케터 모집",
        "성과급 별도, 인센티브 지급",
        "급여는 당일 입금",
        "온라인 지원 가능",
        "일당 15만원 당일 지급",
        "동호회비 월 2만원 지원",
        "경력 무관, 초보 가능",
    ],
    "min_wage": [
        "주휴수당 별도 지급",
        "수습 3개월(1년 이상 계약, 급여 90%)",
        "수습 3개월, 수습 중에도 급여 100% 지급",
        "수습기간 없음",
        "무단결근 시 해당 주 주휴수당 미지급",
        "식대 월 20만원 지원",
        "주 15시간 이상 근무 시 주휴수당 지급",
        "시급 외 주휴수당 따로 계산해 드립니다",
        "월급은 최저임금 기준 주휴수당 포함 월 210만원",
    ],
    "hours": [
        "주 52시간 준수",
        "주 15시간 이상 근무 시 주휴수당 지급",
        "24시간 상담 가능",
        "주 5일 09:00~18:00",
        "마감 2025-03-31",
        "격일 24시간 근무 (감시·단속적 근로 승인)",
    ],
    "inconsistent": [
        "시급 10,500원 (야간 15,750원)",
        "신입 시급 10,500원 / 경력 시급 12,000원",
    ],
    "missing": [],
}


@pytest.mark.parametrize(
    ("rule", "text", "where"),
    [(r, t, w) for r, ts in TEXT_POSITIVES.items() for t in ts for w in ("body", "title")],
)
def test_text_positives(rule, text, where):
    flags = flags_of(posting(text, where), rule)
    assert flags, (rule, text, where, check_posting(posting(text, where)))
    assert all(f.evidence and f.reason_ko and f.fix_ko for f in flags)


@pytest.mark.parametrize(("rule", "text"), [(r, t) for r, ts in TEXT_NEGATIVES.items() for t in ts])
def test_text_negatives(rule, text):
    assert check_posting(posting(text)) == [], (rule, text)


def test_every_rule_has_enough_hand_made_cases():
    for rule in RULE_IDS:
        pos = len(TEXT_POSITIVES.get(rule, [])) + len(FIELD_POSITIVES.get(rule, []))
        neg = len(TEXT_NEGATIVES.get(rule, [])) + len(FIELD_NEGATIVES.get(rule, []))
        assert pos >= 5 and neg >= 3, (rule, pos, neg)


FIELD_POSITIVES: dict[str, list[dict]] = {
    "min_wage": [
        {"wage": 9000},
        {"wage_type": "월급", "wage": 2_000_000},
        {"wage_type": "daily", "wage": 70_000, "daily_hours": 8},
        {"wage_type": "연봉", "wage": 24_000_000},
        {"wage": 9860, "year": 2026},
        {"wage_type": "monthly", "wage": 1_000_000, "weekly_hours": 20},
    ],
    "hours": [
        {"weekly_hours": 60},
        {"weekly_hours": 52.5},
        {"weekly_hours": 68, "wage_type": "monthly", "wage": 4_500_000},
        {"weekly_hours": None, "body": BASE_BODY.replace("주 5일(월~금) 09:00~18:00", "주 6일 09:00~21:00")},
        {"weekly_hours": None, "body": BASE_BODY.replace("주 5일(월~금) 09:00~18:00", "월~토 08:00~20:00")},
        {"weekly_hours": 56, "wage_type": "annual", "wage": 50_000_000},
    ],
    "inconsistent": [
        {"wage": 2_300_000},  # a monthly figure typed as hourly
        {"wage_type": "annual", "wage": 2_500_000},
        {"closing_date": "2025-02-01"},
        {"daily_hours": 4},
        {
            "weekly_hours": 45,
            "title": "파트타임 요양보호사",
            "body": BASE_BODY.replace("정규직(1년 이상 계약)", "시간제"),
        },
        {"body": BASE_BODY.replace("시급 10,500원", "시급 12,000원")},
        {"wage_type": "daily", "wage": 10_500},
    ],
    "missing": [
        {"contact": "", "body": BASE_BODY.replace("■ 문의: 02-123-4567 (담당자 김민수)", "")},
        {"location": "", "body": BASE_BODY.replace("■ 근무지: 서울 마포구 월드컵로 100\n", "")},
        {"wage": None, "body": BASE_BODY.replace("시급 10,500원, ", "")},
        {"wage": "", "wage_type": "", "body": BASE_BODY.replace("시급 10,500원, ", "")},
        {"contact": "", "location": "", "body": "요양보호사 구합니다. 시급 10,500원, 주 5일."},
    ],
}
FIELD_NEGATIVES: dict[str, list[dict]] = {
    "min_wage": [
        {"wage": 10030},
        {"wage_type": "월급", "wage": 2_096_270},
        {"wage_type": "monthly", "wage": 600_000, "weekly_hours": 12},
        {
            "wage": 12_100,
            "body": BASE_BODY.replace("시급 10,500원, 주휴수당 별도 지급", "시급 12,100원(주휴수당 포함)"),
        },
    ],
    "hours": [{"weekly_hours": 52}, {"weekly_hours": 40}, {"weekly_hours": 15}],
    "inconsistent": [
        {"closing_date": "2025-03-01"},
        {"wage_type": "monthly", "wage": 2_500_000, "body": BASE_BODY.replace("시급 10,500원", "월 250만원")},
        {"weekly_hours": 40, "title": "파트타임 요양보호사"},
    ],
    "missing": [
        {"contact": "", "location": ""},  # both are in the text
        {"contact": "", "body": BASE_BODY.replace("02-123-4567", "hr@example.co.kr")},
        {"location": "", "body": BASE_BODY.replace("서울 마포구 월드컵로 100", "부산 해운대구 센텀로 5")},
    ],
}


@pytest.mark.parametrize(("rule", "fields"), [(r, f) for r, fs in FIELD_POSITIVES.items() for f in fs])
def test_field_positives(rule, fields):
    row = dict(BASE, **fields)
    assert flags_of(row, rule), (rule, fields, check_posting(row))


@pytest.mark.parametrize(("rule", "fields"), [(r, f) for r, fs in FIELD_NEGATIVES.items() for f in fs])
def test_field_negatives(rule, fields):
    row = dict(BASE, **fields)
    assert not flags_of(row, rule), (rule, fields, check_posting(row))


# ----------------------------------------------------------------------------- minimum wage at the boundary
@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_hourly_boundary(year):
    m = minimum_wage(year)[1]
    assert not flags_of(posting(wage=m, year=year), "min_wage")
    assert flags_of(posting(wage=m - 1, year=year), "min_wage")


@pytest.mark.parametrize("year", [2024, 2025, 2026])
@pytest.mark.parametrize("hours", [40, 30, 15, 12])
def test_monthly_boundary(year, hours):
    m = minimum_monthly_pay(year, hours)
    row = {"wage_type": "monthly", "weekly_hours": hours, "year": year}
    assert not flags_of(posting(wage=m, **row), "min_wage")
    low = flags_of(posting(wage=m - 1, **row), "min_wage")
    assert low and low[0].severity == "high" and low[0].family == "wage_below_minimum"


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_annual_boundary(year):
    m = 12 * minimum_monthly_pay(year, 40)
    assert not flags_of(posting(wage_type="annual", wage=m, year=year), "min_wage")
    assert flags_of(posting(wage_type="annual", wage=m - 1, year=year), "min_wage")


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_daily_boundary_uses_daily_hours_then_weekly_over_five(year):
    h = minimum_wage(year)[1]
    for fields, hours in (({"daily_hours": 8}, 8), ({"daily_hours": 6}, 6), ({"weekly_hours": 30}, 6)):
        m = minimum_daily_pay(year, hours)
        assert m == round(h * hours)
        row = {"wage_type": "daily", "year": year, "body": NO_SCHEDULE_BODY, **fields}
        assert not flags_of(posting(wage=m, **row), "min_wage"), (fields, m)
        assert flags_of(posting(wage=m - 1, **row), "min_wage"), (fields, m)


NO_SCHEDULE_BODY = BASE_BODY.replace(", 주 5일(월~금) 09:00~18:00 (휴게 1시간)", "").replace("시급 10,500원, ", "")


def test_daily_hours_from_the_text():
    body = BASE_BODY.replace("주 5일(월~금) 09:00~18:00 (휴게 1시간)", "주 3일, 일 7시간 근무")
    m = minimum_daily_pay(2025, 7)
    row = {"wage_type": "일급", "weekly_hours": None, "body": body}
    assert not flags_of(posting(wage=m, **row), "min_wage")
    assert flags_of(posting(wage=m - 1, **row), "min_wage")


def test_monthly_pro_rata_and_under_fifteen_hours():
    # 2025: 10,030원; 20 h → 209 × 20/40 = 104.5 h; 12 h (no 주휴) → 12 × 365/7/12 h
    assert minimum_monthly_pay(2025, 20) == round(10030 * 104.5)
    assert minimum_monthly_pay(2025, 12) == round(10030 * 12 * 365 / 7 / 12)


def test_a_year_beyond_the_table_uses_the_latest_rate():
    latest = max(MINIMUM_WAGE_HOURLY)
    m = MINIMUM_WAGE_HOURLY[latest]
    assert not flags_of(posting(wage=m, year=latest + 3), "min_wage")
    f = flags_of(posting(wage=m - 1, year=latest + 3), "min_wage")
    assert f and f"{latest}년 고시" in f[0].reason_ko


def test_a_year_before_the_table_is_compared_with_the_earliest_rate_at_low_severity():
    first = min(MINIMUM_WAGE_HOURLY)
    f = flags_of(posting(wage=MINIMUM_WAGE_HOURLY[first] - 1, year=first - 1), "min_wage")
    assert f and f[0].severity == "low" and "기준표에 없어" in f[0].reason_ko


def test_korean_and_code_wage_types_read_alike():
    for ko, code in (("시급", "hourly"), ("일급", "daily"), ("월급", "monthly"), ("연봉", "annual")):
        assert parse_row(dict(BASE, wage_type=ko))[0].wage_type == code
        assert parse_row(dict(BASE, wage_type=code))[0].wage_type == code


def test_overtime_hours_need_more_monthly_pay():
    # 52 h a week: 209 h plus 12 overtime hours × 365/7/12 at the minimum (medium), plus 50 % premium (low)
    base = minimum_monthly_pay(2025, 40)
    f = flags_of(posting(wage_type="monthly", wage=base, weekly_hours=52), "min_wage")
    assert f and f[0].severity == "medium"
    assert not flags_of(posting(wage_type="monthly", wage=3_000_000, weekly_hours=52), "min_wage")


# ----------------------------------------------------------------------------- probation
PROBATION_UNLAWFUL = [
    "수습 6개월 70% 지급",
    "수습기간 3개월 동안 급여의 80%",
    "수습 4개월 (급여 90%)",
    "수습 중 급여 10% 감액, 수습 기간 6개월",
    "인턴 3개월은 최저시급의 85%",
    "수습 기간 무급",
    "수습 기간 중 최저임금 적용 제외",
    "수습 2개월 90% (연장 가능, 연장 기간에도 90%)",
]
PROBATION_LAWFUL = [
    "수습 3개월(1년 이상 계약, 급여 90%)",
    "수습 3개월 급여 90% 지급",
    "수습 2개월 (감액 없음)",
    "수습기간 1개월, 급여 100%",
    "수습 없음",
]


@pytest.mark.parametrize("text", PROBATION_UNLAWFUL)
def test_unlawful_probation(text):
    f = [x for x in flags_of(posting(text), "min_wage") if x.family == "probation"]
    assert f and "제5조" in f[0].reason_ko, text


@pytest.mark.parametrize("text", PROBATION_LAWFUL)
def test_lawful_probation(text):
    assert check_posting(posting(text)) == [], text


def test_probation_cut_on_short_contract_or_simple_labour_is_unlawful():
    short = posting("계약 기간 6개월, 수습 1개월 급여 90%")
    assert any(f.family == "probation" for f in check_posting(short))
    simple = posting("수습 3개월 급여 90%", title="건물 청소원 모집")
    assert any(f.family == "probation" and "단순노무" in f.reason_ko for f in check_posting(simple))
    fixed = posting(
        "수습 3개월 급여 90%", title="요양보호사 모집", body=BASE_BODY.replace("정규직(1년 이상 계약)", "계약직")
    )
    fl = [f for f in check_posting(fixed) if f.family == "probation"]
    assert fl and fl[0].severity == "medium"


def test_weekly_holiday_depends_on_hours():
    assert flags_of(posting("주휴수당 없음", weekly_hours=20), "min_wage")
    assert not flags_of(posting("주휴수당 없음", weekly_hours=14), "min_wage")
    row = posting("주 12시간 근무라 주휴수당 없음", weekly_hours=None, body=NO_SCHEDULE_BODY)
    assert not flags_of(row, "min_wage"), check_posting(row)


def test_hourly_rate_including_weekly_holiday_pay_must_cover_it():
    def body(w: int) -> str:
        return BASE_BODY.replace("시급 10,500원, 주휴수당 별도 지급", f"시급 {w:,}원(주휴수당 포함)")

    assert flags_of(posting(wage=11_000, body=body(11_000)), "min_wage")  # < 10,030 × 1.2
    assert not flags_of(posting(wage=12_036, body=body(12_036)), "min_wage")
    no_amount = BASE_BODY.replace("시급 10,500원, 주휴수당 별도 지급", "주휴수당 포함")
    assert flags_of(posting(wage=11_000, body=no_amount), "min_wage")  # the field's rate decides
    assert not flags_of(posting(wage=12_036, body=no_amount), "min_wage")


# ----------------------------------------------------------------------------- flags, citations, evidence
def test_every_flag_cites_an_article_in_the_reference_csv():
    titles = {(r["law"], r["article"]) for r in law.articles().values()}
    cite_re = re.compile(r"「([^」]+)」 (제\d+조(?:의\d+)?)\(")
    rows = [posting(t) for ts in TEXT_POSITIVES.values() for t in ts]
    rows += [dict(BASE, **f) for fs in FIELD_POSITIVES.values() for f in fs]
    for row in rows:
        for f in check_posting(row):
            cited = cite_re.findall(f.reason_ko)
            assert cited, f
            assert all(c in titles for c in cited), (f.reason_ko, cited)


def test_evidence_is_the_original_text():
    row = posting("[급구] 여 성 만!! 만35세이하")
    ev = {f.rule_id: f.evidence for f in check_posting(row)}
    assert "여 성 만" in ev["gender"]
    assert "만35세이하" in ev["age"]


def test_normalisation_maps_back_to_the_original():
    rng = random.Random(0)
    alphabet = list("가나다여성만세이하 \n.,:~-()·■0123456789ABCabc%～１２")
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        n = Norm(text)
        for i, c in enumerate(n.s):
            if c in "#/~.:":
                continue
            o = text[n.orig_index(i)]
            assert Norm(o).s == c, (text, n.s, i, c, o)


def test_fast_normalisation_equals_the_slow_one():
    rng = random.Random(1)
    alphabet = list("가나다여성만세이하대시분월금토오 \n\t.,:~-()·■#0123456789ABCabc%～１２/!?※【】")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80))) for _ in range(3000)]
    texts += [BASE_TITLE + "\n" + BASE_BODY, "주 5일(월 ~ 금) 09:00 - 18:00, 2026-03-07, 10,030원, 9.5시간"]
    for text in texts:
        t1 = text_mod._PLAIN_SPACES.sub("", text_mod._fold(text))
        assert text_mod.normalise(t1) == text_mod._GAP.sub(text_mod._gap, t1), text


def test_text_helpers():
    assert Norm("만 35 세 이하").s == "만35세이하"
    assert Norm("20-30대, 09:00∼18:00").s == "20~30대09:00~18:00"
    assert Norm("시급 10,030원").s == "시급10030원"
    assert parse_amount("2천7백6십만원") == 27_600_000
    assert parse_amount("230만") == 2_300_000
    assert parse_amount("1.2만원") == 12_000
    assert [(w.wage_type, w.amount) for w in wage_mentions(Norm("월급 230만원, 식대 월 20만원 지원").s)] == [
        ("monthly", 2_300_000)
    ]
    sc = schedule(Norm("주 6일 / 하루 10시간").s)
    assert sc.days == 6 and sc.daily == 10 and sc.weekly_estimate == 60
    assert schedule(Norm("월~금 09:00~18:00 (휴게 1시간)").s).weekly_estimate == 40


def test_rule_registry_and_families():
    assert tuple(RULES) == RULE_IDS
    assert set(FAMILY_RULE) == set(violations.FAMILIES)
    assert set(FAMILY_RULE.values()) == set(RULE_IDS)


# ----------------------------------------------------------------------------- the synthetic world's phrasings
def _phrasing_results() -> pd.DataFrame:
    """Each catalogue phrasing rendered (rng 0, occupation 요양보호사) into BASE, in the title and/or the body as its
    `where` allows, with spaces and without; a violation is caught when a flag of its family is raised, a hard
    negative is a false positive when any flag is raised."""
    cat = violations.catalogue()
    rows = []
    for r in cat.itertuples(index=False):
        text = violations.render(np.random.default_rng(0), r.template, "요양보호사")
        places = ("title", "body") if r.where == "both" else (r.where,)
        for variant in dict.fromkeys((text, text.replace(" ", ""))):
            for where in places:
                flags = check_posting(posting(variant, where))
                if r.kind == "violation":
                    ok = any(f.family == r.family for f in flags)
                    rule_ok = any(f.rule_id == FAMILY_RULE[r.family] for f in flags)
                else:
                    ok = rule_ok = not flags
                rows.append((r.phrasing_id, r.family, r.kind, r.split, where, variant, ok, rule_ok))
    return pd.DataFrame(rows, columns=["phrasing_id", "family", "kind", "split", "where", "text", "ok", "rule_ok"])


@pytest.fixture(scope="module")
def phrasing_results() -> pd.DataFrame:
    return _phrasing_results()


TRAIN_RECALL_MIN = 0.9
HELDOUT_RECALL_MIN = 0.75
HARD_NEGATIVE_FP_MAX = 0.15


def test_synthetic_phrasings(phrasing_results, capsys):
    df = phrasing_results
    viol = df[df.kind == "violation"]
    hard = df[df.kind == "hard_negative"]
    recall = viol.groupby("split").ok.mean()
    fp = 1 - hard.ok.mean()
    with capsys.disabled():
        print("\nposting_check on the phrasing catalogue (cases: phrasing × title/body × spaced/unspaced)")
        print(viol.groupby(["family", "split"]).ok.mean().unstack().round(3).to_string())
        print(
            f"recall train {recall.get('train', float('nan')):.3f}, heldout {recall.get('heldout', float('nan')):.3f}"
        )
        print((1 - hard.groupby(["family", "split"]).ok.mean()).unstack().round(3).to_string())
        print(f"hard-negative false-positive rate {fp:.3f} ({len(hard)} cases)")
    assert recall["train"] >= TRAIN_RECALL_MIN
    assert recall["heldout"] >= HELDOUT_RECALL_MIN
    assert fp <= HARD_NEGATIVE_FP_MAX
