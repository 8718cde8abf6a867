"""Declarative column specs: one source of truth for validation, the catalog page and docs.

Each table is a list of `Col` records. `schemas.py` turns them into pandera schemas, the catalog
page renders them, and the importer uses them to name the offending column in Korean.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

SYNTH = "합성 자료(합성 세계 생성기, data_catalog/generator/)"


@dataclass(frozen=True)
class Col:
    name: str
    dtype: str  # one of: str, int, float, bool, date
    ko: str
    en: str
    unit: str = ""
    allowed: Codes | tuple[Any, ...] | None = None
    min: float | None = None
    max: float | None = None
    nullable: bool = False
    pii_class: str = "none"  # a code of PII_CLASSES (see there)
    unique: bool = False
    pattern: str | None = None
    optional: bool = False
    """The column may be absent from a file (an extract without coordinates): it is then empty."""

    def __post_init__(self) -> None:
        if self.pii_class not in PII_CLASSES:  # a misspelt class must not read as 'none'
            raise ValueError(f"{self.name}: unknown pii_class {self.pii_class!r}")
        if self.optional and not self.nullable:
            raise ValueError(f"{self.name}: an optional column must be nullable")

    @property
    def pii(self) -> bool:
        """Data about an identifiable person (an identifier, personal or sensitive column): masked in samples."""
        return self.pii_class != "none"

    @property
    def sensitive(self) -> bool:
        """Audit-only: never a model feature, never loaded for or shown about one person (except to that person)."""
        return self.pii_class == "sensitive"


@dataclass(frozen=True)
class TableSpec:
    name: str
    ko: str
    en: str
    columns: list[Col]
    lineage: str = SYNTH
    schema: str = "main"  # 'truth' tables are evaluation-only
    key: tuple[str, ...] = field(default_factory=tuple)

    def col(self, name: str) -> Col:
        return next(c for c in self.columns if c.name == name)


class Codes(Mapping):
    """The allowed values of a coded column, each with its Korean label: the one place a label is written.

    Iterating gives the codes in their declared order (validation, widgets); `labels` or `ko()` give
    the Korean text pages, explanations and messages show. Hashable, so column specs stay frozen.
    """

    def __init__(self, labels: dict[Any, str]) -> None:
        self.labels: dict[Any, str] = dict(labels)

    def __getitem__(self, code: Any) -> str:
        return self.labels[code]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self.labels)

    def __hash__(self) -> int:
        return hash(tuple(self.labels.items()))

    def __repr__(self) -> str:
        return f"Codes({self.labels!r})"

    def ko(self, code: Any, default: str | None = None) -> str:
        """The label of `code`; unknown codes read as `default` (or the code itself)."""
        return self.labels.get(code, str(code) if default is None else default)


SIZE_BANDS = Codes({"1-4": "1~4인", "5-29": "5~29인", "30-99": "30~99인", "100-299": "100~299인", "300+": "300인 이상"})
CONTRACTS = Codes({"permanent": "정규직", "fixed_term": "계약직", "part_time": "시간제", "dispatch": "파견직"})
WAGE_TYPES = Codes({"hourly": "시급", "daily": "일급", "monthly": "월급", "annual": "연봉"})
SHIFTS = Codes({"day": "주간", "shift": "교대", "night": "야간"})
EDUCATION_REQ = Codes(
    {
        "any": "학력무관",
        "high_school": "고졸 이상",
        "college": "전문대졸 이상",
        "university": "대졸 이상",
        "graduate": "석사 이상",
    }
)
"""A posting's education requirement."""
EDUCATION = Codes({"high_school": "고졸", "college": "전문대졸", "university": "대졸", "graduate": "대학원졸"})
"""A person's final education (seekers; an occupation's usual level)."""
EDUCATION_SCHOOL = Codes(
    {"high_school": "고등학교", "college": "전문대학", "university": "대학교", "graduate": "대학원"}
)
"""The school a person finished, for sentences such as a résumé's '…를 졸업하고'."""
EDUCATION_RANK = {"any": 0, "high_school": 1, "college": 2, "university": 3, "graduate": 4}
"""The one education ranking: requirement met ⇔ rank(person) ≥ rank(requirement)."""
CHANNELS = Codes(
    {"work24": "고용24", "company_site": "자사 홈페이지", "private_portal": "민간 채용포털", "job_fair": "채용박람회"}
)
GENDERS = Codes({"F": "여성", "M": "남성"})
DISABILITY_GROUPS = Codes({True: "장애 있음", False: "장애 없음"})
"""Audit group names of the disability attribute."""
REGION_SCOPES = Codes({"sigungu": "거주 시군구", "sido": "거주 시도", "nationwide": "전국"})
"""Where a seeker wants to work, narrowest first (the order is the model's scope rank)."""
REGION_LEVELS = Codes({"sido": "시도", "sigungu": "시군구"})
"""The two administrative levels maps and tables aggregate by."""
COURSE_LEVELS = Codes({"beginner": "기초", "intermediate": "실무", "advanced": "심화"})
RIASEC_TYPES = Codes({"R": "현실형", "I": "탐구형", "A": "예술형", "S": "사회형", "E": "진취형", "C": "관습형"})
"""Holland's six interest types, in RIASEC order (occupation codes, item types, interest-test scores)."""
JOB_ZONE_LIMITS = Codes({5: "전체 직업", 4: "대졸 수준까지", 3: "전문대·자격 수준까지", 2: "짧은 준비로 가능한 직업"})
"""The interest test's preparation-level choice: recommend occupations up to this O*NET job zone (5 = all)."""
INTEREST_FORMS = Codes({"adaptive": "적응형", "full": "전체형"})
"""Forms of the interest test (interest_tests.form in the operational store)."""
DTYPES = Codes({"str": "문자", "int": "정수", "float": "숫자", "bool": "참/거짓", "date": "날짜(YYYY-MM-DD)"})
"""How a column's type reads in the catalog and in the importer's messages."""
ANSWER_SCALE = Codes({1: "매우 싫다", 2: "싫다", 3: "보통", 4: "좋다", 5: "매우 좋다"})
"""Interest-test answers (interest_answers.answer); 0 records a skipped item."""
SNAPSHOT_DATE = "2026-10-31"
"""기준일 of the synthetic world: it is observed as of this date (outcomes after it are censored)."""
ATS_STAGES = Codes(
    {
        "applied": "접수",
        "screened": "서류 검토",
        "interview": "면접",
        "offer": "최종 합격",
        "rejected": "불합격",
        "hired": "입사",
        "on_hold": "보류",
        "withdrawn": "지원 취소",
    }
)
"""The default stages of an applicant-tracking pipeline (store.ats); a posting may rename, reorder or add its own."""
ATS_FIRST, ATS_HIRED, ATS_WITHDRAWN = "applied", "hired", "withdrawn"
"""The stages every pipeline keeps: where an application lands, the hire, and the applicant's own withdrawal."""
APPLICATION_SOURCES = Codes({"recommended": "추천 일자리", "search": "공고 검색", "direct": "직접 지원"})
"""How an application reached the employer (job_applications.source): the source channels of the ATS statistics."""
INTERVIEW_STATUSES = Codes({"scheduled": "예정", "cancelled": "취소", "done": "완료"})
INTERVIEW_OUTCOMES = Codes({"pass": "합격", "fail": "불합격", "hold": "보류"})
"""An interview's state and, once held, its result (store.interviews)."""
NOTICE_KINDS = Codes(
    {
        "schedule": "채용 일정·과정 안내(채용절차법 제8조)",
        "result": "채용 여부 고지(채용절차법 제10조)",
        "documents": "채용서류 반환 안내(채용절차법 제11조)",
        "message": "기타 안내",
    }
)
"""What a notice to an applicant is for (store.notices; `ats_templates.kind`, `ats_messages.kind`)."""
MESSAGE_STATUSES = Codes(
    {"sent": "이메일 발송", "failed": "이메일 발송 실패", "no_address": "이메일 없음(앱에만 게시)",
     "no_server": "메일 서버 미설정(앱에만 게시)"}
)  # fmt: skip
"""What became of a notice's e-mail; every notice is shown in the applicant's own history whatever its status."""
DOCUMENT_KINDS = Codes(
    {"resume": "이력서", "cover": "자기소개서", "certificate": "증명서", "portfolio": "포트폴리오", "other": "기타"}
)
DOCUMENT_STATUSES = Codes({"kept": "보관 중", "returned": "반환함", "destroyed": "파기함"})
RETURN_STATUSES = Codes({"requested": "반환 청구됨", "returned": "반환함", "refused": "반환 대상 아님"})
"""채용서류 (store.documents): kind, state, and the answer to a return request (채용절차법 제11조)."""
QA_CHANNELS = Codes({"counsellor": "상담 지식 Q&A", "chatbot": "민원상담 챗봇"})
"""Where a question was asked (operational store `qa_questions.channel`)."""
QA_STATUSES = Codes(
    {"answered": "답변함", "unanswered": "답변 못 함", "handover": "상담원 연결 요청", "resolved": "처리 완료"}
)
"""What became of a question (`qa_questions.status`)."""
QA_REVIEW_KINDS = Codes({"unanswered": "답변 못 함", "handover": "상담원 연결", "unhelpful": "도움 안 됨"})
"""Why a question is on the staff review list (a question can be there for more than one reason)."""
QA_HELPFUL = Codes({True: "도움 됨", False: "도움 안 됨"})
"""The answer to "도움이 됐나요?" (`qa_questions.helpful`; not answered reads as "-")."""
QA_AUDIENCES = Codes({"public": "일반(민원인)", "counsellor": "상담사"})
"""Who a Q&A search answers: the public sees the articles marked for everyone, a counsellor every article."""
STAGES = Codes(
    {
        "applied": "지원",
        "screened": "서류 검토",
        "interview": "면접",
        "offer": "합격 통보",
        "hired": "채용",
        "rejected": "불합격",
        "declined": "합격 후 입사 포기",
        "withdrawn": "지원 취소",
    }
)
POSTING_STATUS = Codes({"open": "모집 중", "filled": "채용 완료", "closed_unfilled": "마감(미충원)"})
PII_CLASSES = Codes(
    {"identifier": "식별자", "personal": "개인정보", "sensitive": "민감정보(감사 전용)", "none": "해당 없음"}
)
"""How each column relates to a person (개인정보 보호법), the catalog's 개인정보 구분:

- identifier: a key that points at one person (the seeker id, wherever it appears);
- personal: a fact about one person that singles them out alone or with a few others (birth year, age,
  place of residence, the exact dates of their life events, their pay and desired pay) or that they wrote
  themselves (résumé, skills list);
- sensitive: the protected grounds kept only to audit the models for fairness (gender, disability,
  nationality): never a model feature, never loaded for a page about one person except that person's own;
- none: firm, posting and course data and coarse codes that do not single a person out. A posting's
  description is personal: real postings carry the recruiter's name and telephone number.
"""
VIOLATION_FAMILIES = Codes(
    {
        "age_limit": "연령 차별",
        "gender_limit": "성별 차별",
        "appearance": "신체 조건(용모·키·체중) 요구",
        "origin_marital_assets": "출신지역·혼인 여부·재산 요구",
        "family_background": "가족(직계 존비속·형제자매)의 학력·직업·재산 요구",
        "scam": "거짓·사기성 구인(금품 요구, 과장 수익, 신원 미표시)",
        "weekly_holiday": "주휴수당 미지급",
        "probation": "위법한 수습 감액",
        "wage_below_minimum": "최저임금 미달",
        "hours_over_limit": "주 52시간 초과",
        "inconsistent_fields": "공고 항목 간 불일치",
        "missing_essentials": "필수 근로조건 누락",
    }
)
"""The rule families a posting checker needs (truth.posting_violations.family; posting_truth.anomaly_type)."""
VIOLATION_KINDS = Codes({"violation": "위반", "hard_negative": "위반처럼 보이나 적법"})
VIOLATION_LOCATIONS = Codes({"title": "제목", "body": "본문", "fields": "구조화 항목"})
PHRASING_SPLITS = Codes({"train": "학습용 표현", "heldout": "평가 전용 표현"})

BOOL_WORDS: dict[str, bool] = {
    **dict.fromkeys(("true", "t", "1", "y", "yes", "o", "예", "네", "참"), True),
    **dict.fromkeys(("false", "f", "0", "n", "no", "x", "아니오", "아니요", "아니", "거짓"), False),
}
"""How a yes/no value may be written in a file (lower-cased, spaces removed): the importer and training read it."""

OUTCOME_WORDS: dict[str, bool] = {**BOOL_WORDS, "취업": True, "미취업": False, "1.0": True, "0.0": False}
"""A yes/no outcome label as real extracts spell it (취업/미취업 besides the yes/no words)."""


def parse_bool(values: Any, words: dict[str, bool] = BOOL_WORDS) -> Any:
    """A pandas Series of yes/no words → nullable booleans (unrecognised values become <NA>).

    Case and every space are ignored ("Yes ", "아니 요" read as they are meant).
    """
    key = values.astype("string").str.replace(r"\s+", "", regex=True).str.lower()
    return key.map(words).astype("boolean")


SGG = r"^\d{5}$"
SIDO = r"^\d{2}$"
KECO = r"^\d{4}$"

KOREA_LAT = (33.0, 38.7)
KOREA_LON = (124.5, 131.9)
"""Latitude and longitude bounds of the Republic of Korea's territory (WGS84), islands included."""


def _coordinates(where_ko: str, where_en: str, pii_class: str = "none") -> list[Col]:
    """A point's latitude and longitude (optional: an extract without coordinates is accepted with them empty)."""
    lat_en, lon_en = (f"{where_en}{w} (WGS84)" for w in ("latitude", "longitude"))
    lat_en, lon_en = lat_en[0].upper() + lat_en[1:], lon_en[0].upper() + lon_en[1:]
    return [
        Col(
            "lat",
            "float",
            f"{where_ko}위도",
            lat_en,
            "°",
            min=KOREA_LAT[0],
            max=KOREA_LAT[1],
            nullable=True,
            optional=True,
            pii_class=pii_class,
        ),
        Col(
            "lon",
            "float",
            f"{where_ko}경도",
            lon_en,
            "°",
            min=KOREA_LON[0],
            max=KOREA_LON[1],
            nullable=True,
            optional=True,
            pii_class=pii_class,
        ),
    ]


TABLES: dict[str, TableSpec] = {}


def _t(spec: TableSpec) -> None:
    TABLES[spec.name] = spec


_t(
    TableSpec(
        "firms",
        "사업체",
        "Firms (employers)",
        [
            Col("firm_id", "int", "사업체 ID", "Firm id", unique=True, min=1),
            Col("firm_name", "str", "사업체명", "Firm name"),
            Col("sigungu_code", "str", "소재지 시군구 코드", "Sigungu code (KOSTAT)", pattern=SGG),
            Col("sido_code", "str", "시도 코드", "Sido code", pattern=SIDO),
            Col("ksic_section", "str", "산업 대분류(KSIC)", "KSIC section", pattern=r"^[A-U]$"),
            Col("ksic_division", "str", "산업 중분류(KSIC)", "KSIC division", pattern=r"^\d{2}$"),
            Col("size_band", "str", "규모(종사자 수)", "Size band (employees)", allowed=SIZE_BANDS),
            Col("employees", "int", "종사자 수", "Employees", "명", min=1),
            Col("founded_year", "int", "설립연도", "Founded year", "년", min=1950, max=2026),
            *_coordinates("", ""),
        ],
        key=("firm_id",),
    )
)

_t(
    TableSpec(
        "postings",
        "구인공고",
        "Job postings",
        [
            Col("posting_id", "int", "공고 ID", "Posting id", unique=True, min=1),
            Col("firm_id", "int", "사업체 ID", "Firm id", min=1),
            Col("sigungu_code", "str", "근무지 시군구", "Workplace sigungu", pattern=SGG),
            Col("sido_code", "str", "근무지 시도", "Workplace sido", pattern=SIDO),
            Col("keco_code", "str", "직업(KECO 세분류)", "Occupation (KECO detailed)", pattern=KECO),
            Col("ksic_section", "str", "산업 대분류", "KSIC section", pattern=r"^[A-U]$"),
            Col("size_band", "str", "사업체 규모", "Firm size band", allowed=SIZE_BANDS),
            Col("title", "str", "공고 제목", "Title"),
            Col("description", "str", "공고 내용", "Description", pii_class="personal"),
            Col("wage_type", "str", "임금 형태", "Wage type", allowed=WAGE_TYPES),
            Col("wage_amount", "int", "제시 임금(원, 임금형태 기준)", "Offered wage in its own unit", "원", min=0),
            Col("wage_monthly_krw", "int", "월 환산 임금", "Offered wage normalised to month", "원/월", min=0),
            Col("weekly_hours", "float", "주 소정근로시간", "Weekly hours", "시간", min=1, max=80),
            Col("contract_type", "str", "고용 형태", "Contract type", allowed=CONTRACTS),
            Col("shift", "str", "근무 형태", "Shift", allowed=SHIFTS),
            Col("education_req", "str", "학력 요건", "Education requirement", allowed=EDUCATION_REQ),
            Col("career_req_years", "int", "경력 요건", "Career requirement", "년", min=0, max=20),
            Col("posted_date", "date", "공고일", "Posted date"),
            Col("closing_date", "date", "마감일", "Closing date"),
            Col("openings", "int", "모집 인원", "Openings", "명", min=1, max=200),
            Col("channel", "str", "접수 채널", "Channel", allowed=CHANNELS),
            Col("status", "str", "상태(기준일)", "Status at snapshot", allowed=POSTING_STATUS),
            Col("filled_date", "date", "채용 완료일", "Filled date", nullable=True),
            Col(
                "probation_months", "int", "수습 기간", "Probation", "개월", min=0, max=12, nullable=True, optional=True
            ),
            Col(
                "probation_pay_pct",
                "int",
                "수습 중 임금 지급률",
                "Pay during probation",
                "%",
                min=0,
                max=100,
                nullable=True,
                optional=True,
            ),
            *_coordinates("근무지 ", "Workplace "),
        ],
        key=("posting_id",),
    )
)

_t(
    TableSpec(
        "seekers",
        "구직자",
        "Job seekers (registrations)",
        [
            Col("seeker_id", "int", "구직자 ID", "Seeker id", unique=True, min=1, pii_class="identifier"),
            Col("registered_date", "date", "구직 등록일", "Registration date", pii_class="personal"),
            Col("sigungu_code", "str", "거주 시군구", "Residence sigungu", pattern=SGG, pii_class="personal"),
            Col("sido_code", "str", "거주 시도", "Residence sido", pattern=SIDO, pii_class="personal"),
            Col("gender", "str", "성별(감사 전용)", "Gender (audit only)", allowed=GENDERS, pii_class="sensitive"),
            Col("birth_year", "int", "출생연도", "Birth year", min=1940, max=2010, pii_class="personal"),
            Col("age", "int", "등록 시 나이", "Age at registration", "세", min=15, max=80, pii_class="personal"),
            Col("disability", "bool", "장애 여부(감사 전용)", "Disability (audit only)", pii_class="sensitive"),
            Col("nationality", "str", "국적(감사 전용)", "Nationality (audit only)", pii_class="sensitive"),
            Col("education", "str", "최종 학력", "Education", allowed=EDUCATION),
            Col("career_years", "float", "경력 기간", "Career length", "년", min=0, max=50),
            Col("last_keco_code", "str", "직전 직업", "Last occupation", pattern=KECO, nullable=True),
            Col("desired_keco_code", "str", "희망 직업", "Desired occupation", pattern=KECO),
            Col("desired_wage_krw", "int", "희망 월임금", "Desired monthly wage", "원/월", min=0, pii_class="personal"),
            Col("desired_region_scope", "str", "희망 근무 지역 범위", "Desired region scope", allowed=REGION_SCOPES),
            Col("unemployment_start", "date", "실직(구직) 시작일", "Unemployment start", pii_class="personal"),
            Col(
                "skills", "str", "보유 기술·자격(;구분)", "Skills and certificates (;-separated)", pii_class="personal"
            ),
            Col(
                "training_hours_before",
                "int",
                "등록 전 훈련 이수 시간",
                "Training hours before registration",
                "시간",
                min=0,
            ),
            Col("resume_text", "str", "이력서(자기소개)", "Résumé text", pii_class="personal"),
            *_coordinates("거주지 ", "Home ", pii_class="personal"),
        ],
        key=("seeker_id",),
    )
)

_t(
    TableSpec(
        "seeker_outcomes",
        "구직자 취업 결과",
        "Seeker outcomes",
        [
            Col("seeker_id", "int", "구직자 ID", "Seeker id", unique=True, min=1, pii_class="identifier"),
            Col("observed", "bool", "6개월 관측 완료 여부", "Full 6-month window observed"),
            Col("employed_6m", "bool", "6개월 내 취업", "Employed within 6 months", nullable=True),
            Col("employed_date", "date", "취업일", "Employment date", nullable=True, pii_class="personal"),
            Col("via_posting", "bool", "구인공고 경유 취업", "Hired through a posting in this system"),
        ],
        key=("seeker_id",),
    )
)

_t(
    TableSpec(
        "applications",
        "입사지원",
        "Applications",
        [
            Col("application_id", "int", "지원 ID", "Application id", unique=True, min=1),
            Col("seeker_id", "int", "구직자 ID", "Seeker id", min=1, pii_class="identifier"),
            Col("posting_id", "int", "공고 ID", "Posting id", min=1),
            Col("applied_date", "date", "지원일", "Applied date", pii_class="personal"),
            Col("final_stage", "str", "최종 단계", "Final stage", allowed=STAGES),
            Col("stage_history", "str", "단계 이력(JSON)", "Stage history (JSON list of [stage, date])"),
        ],
        key=("application_id",),
    )
)

_t(
    TableSpec(
        "hires",
        "채용",
        "Hires",
        [
            Col("hire_id", "int", "채용 ID", "Hire id", unique=True, min=1),
            Col("posting_id", "int", "공고 ID", "Posting id", min=1),
            Col("firm_id", "int", "사업체 ID", "Firm id", min=1),
            Col(
                "seeker_id",
                "int",
                "구직자 ID(미등록자는 비어 있음)",
                "Seeker id (null: not registered)",
                nullable=True,
                pii_class="identifier",
            ),
            Col("application_id", "int", "지원 ID", "Application id", nullable=True),
            Col("hire_date", "date", "채용일", "Hire date", pii_class="personal"),
            Col("wage_monthly_krw", "int", "채용 월임금", "Monthly wage at hire", "원/월", min=0, pii_class="personal"),
        ],
        key=("hire_id",),
    )
)

_t(
    TableSpec(
        "training_courses",
        "직업훈련 과정",
        "Training courses",
        [
            Col("course_id", "int", "과정 ID", "Course id", unique=True, min=1),
            Col("title", "str", "과정명", "Course title"),
            Col("keco_code", "str", "대상 직업", "Target occupation", pattern=KECO),
            Col("sigungu_code", "str", "훈련기관 시군구", "Provider sigungu", pattern=SGG),
            Col("sido_code", "str", "훈련기관 시도", "Provider sido", pattern=SIDO),
            Col("level", "str", "수준", "Level", allowed=COURSE_LEVELS),
            Col("hours", "int", "총 훈련시간", "Total hours", "시간", min=8, max=2000),
            Col("cost_krw", "int", "훈련비", "Course fee", "원", min=0),
            Col("start_date", "date", "개강일", "Start date"),
            Col("skills", "str", "다루는 기술(;구분)", "Skills taught"),
        ],
        key=("course_id",),
    )
)

_t(
    TableSpec(
        "training_enrollments",
        "훈련 수강",
        "Training enrollments",
        [
            Col("enrollment_id", "int", "수강 ID", "Enrollment id", unique=True, min=1),
            Col("seeker_id", "int", "구직자 ID", "Seeker id", min=1, pii_class="identifier"),
            Col("course_id", "int", "과정 ID", "Course id", min=1),
            Col("enrolled_date", "date", "수강 시작일", "Enrolled date", pii_class="personal"),
            Col("completed", "bool", "수료 여부", "Completed"),
        ],
        key=("enrollment_id",),
    )
)

# --- truth schema: evaluation only, never joined into features -------------------------------
_t(
    TableSpec(
        "seeker_truth",
        "구직자 참값(평가 전용)",
        "Seeker ground truth (evaluation only)",
        [
            Col("seeker_id", "int", "구직자 ID", "Seeker id", unique=True, min=1, pii_class="identifier"),
            Col(
                "p_employed_6m",
                "float",
                "참 6개월 취업확률(개인 잠재특성 포함)",
                "True P(employed within 6m), incl. the unobserved trait",
                min=0,
                max=1,
            ),
            Col(
                "p_at_registration",
                "float",
                "등록 시점에 알 수 있는 확률(밖 취업은 잠재특성 평균, 이곳 채용은 같은 시장 평균)",
                "Probability knowable at registration (outside: trait averaged; here: the market's mean)",
                min=0,
                max=1,
            ),
            Col("latent", "float", "잠재 점수(로짓)", "Latent score (logit)"),
            Col(
                "market_tightness",
                "float",
                "기대 구인배수(시도×직업 대분류)",
                "Expected tightness of the seeker's market",
            ),
        ],
        schema="truth",
        key=("seeker_id",),
    )
)

_t(
    TableSpec(
        "posting_truth",
        "공고 참값(평가 전용)",
        "Posting ground truth (evaluation only)",
        [
            Col("posting_id", "int", "공고 ID", "Posting id", unique=True, min=1),
            Col("p_fill", "float", "참 충원확률(모든 모집 인원 채용)", "True P(every opening filled)", min=0, max=1),
            Col("expected_hires", "float", "기대 채용 인원(지원자 풀)", "Expected hires of the applicant pool", min=0),
            Col(
                "wage_percentile",
                "float",
                "지역 시장 대비 임금 백분위",
                "Offered wage percentile in local market",
                min=0,
                max=1,
            ),
            Col(
                "anomaly_type",
                "str",
                "주된 위반 유형",
                "Main planted violation",
                allowed=VIOLATION_FAMILIES,
                nullable=True,
            ),
        ],
        schema="truth",
        key=("posting_id",),
    )
)

_t(
    TableSpec(
        "application_truth",
        "지원 참값(평가 전용)",
        "Application ground truth (evaluation only)",
        [
            Col("application_id", "int", "지원 ID", "Application id", unique=True, min=1),
            Col(
                "fit",
                "float",
                "참 적합도(서류 통과 확률, 경쟁·편향·잡음 제외)",
                "True fit (screening, no competition/bias/noise)",
                min=0,
                max=1,
            ),
            Col("p_screen", "float", "참 서류 통과 확률", "True P(pass screening)", min=0, max=1),
            Col("p_offer", "float", "참 합격 통보 확률(서류 통과 시)", "True P(offer | screened)", min=0, max=1),
            Col("p_accept", "float", "참 입사 수락 확률(합격 시)", "True P(accept | offer)", min=0, max=1),
            Col("p_hire", "float", "참 채용 확률", "True P(hire)", min=0, max=1),
        ],
        schema="truth",
        key=("application_id",),
    )
)

_t(
    TableSpec(
        "posting_violations",
        "공고 위반 참값(평가 전용)",
        "Planted posting violations (evaluation only)",
        [
            Col("violation_id", "int", "위반 ID", "Violation id", unique=True, min=1),
            Col("posting_id", "int", "공고 ID", "Posting id", min=1),
            Col("family", "str", "위반 유형", "Rule family", allowed=VIOLATION_FAMILIES),
            Col("kind", "str", "위반/유사 적법 표현", "Violation or hard negative", allowed=VIOLATION_KINDS),
            Col("phrasing_id", "str", "표현 ID", "Phrasing id", nullable=True),
            Col("split", "str", "표현 분할", "Phrasing split", allowed=PHRASING_SPLITS, nullable=True),
            Col("location", "str", "위치", "Where it is", allowed=VIOLATION_LOCATIONS),
            Col("text", "str", "심은 문구", "Planted text", nullable=True),
        ],
        schema="truth",
        key=("violation_id",),
    )
)

MAIN_TABLES = [n for n, t in TABLES.items() if t.schema == "main"]
TRUTH_TABLES = [n for n, t in TABLES.items() if t.schema == "truth"]


def sensitive_columns(table: str) -> tuple[str, ...]:
    """Audit-only columns of a table (gender, disability, nationality for seekers)."""
    return tuple(c.name for c in TABLES[table].columns if c.sensitive)
