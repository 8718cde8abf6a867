"""The app's pages by role: one list that the router builds its navigation from and links point into.

Pages link to each other by key (`path("seeker_market")`), so moving or renaming a page file is one
edit here. Titles are Korean; files are ASCII snake_case in one folder per role.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    key: str
    role: str
    path: str
    title: str
    icon: str
    url_path: str | None = None
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "policy_home", "정책·분석", "pages/policy/home.py", "정책 홈 (전국 현황)", ":material/insights:", default=True
    ),
    PageSpec("jobs_map", "정책·분석", "pages/policy/jobs_map.py", "대한민국 일자리 맵", ":material/map:", "jobs_map"),
    PageSpec(
        "model_card", "정책·분석", "pages/policy/model_card.py", "모델 카드", ":material/fact_check:", "model_card"
    ),
    PageSpec(
        "interest_test", "구직자", "pages/seeker/interest_test.py", "직업흥미검사", ":material/psychology:", "interest"
    ),
    PageSpec("outlook", "구직자", "pages/seeker/outlook.py", "나의 취업 전망", ":material/trending_up:", "outlook"),
    PageSpec(
        "seeker_market", "구직자", "pages/seeker/market.py", "내 지역 일자리 현황", ":material/person_search:", "jobs"
    ),
    PageSpec("training", "구직자", "pages/seeker/training.py", "직업훈련 과정 찾기", ":material/school:", "training"),
    PageSpec("seeker_jobs", "구직자", "pages/seeker/jobs.py", "추천 일자리", ":material/work:", "matches"),
    PageSpec(
        "resume_help",
        "구직자",
        "pages/seeker/resume_help.py",
        "이력서·자기소개서 도움",
        ":material/description:",
        "resume",
    ),
    PageSpec(
        "benchmark",
        "기업",
        "pages/employer/benchmark.py",
        "임금·충원 벤치마크",
        ":material/business_center:",
        "employer_benchmark",  # its address before the role folders: bookmarks keep working
    ),
    PageSpec(
        "posting_writer",
        "기업",
        "pages/employer/posting_writer.py",
        "공고 작성 도우미",
        ":material/edit_note:",
        "writer",
    ),
    PageSpec("hiring", "기업", "pages/employer/hiring.py", "충원 가능성 진단", ":material/trending_up:", "hiring"),
    PageSpec("talent", "기업", "pages/employer/talent.py", "인재 추천", ":material/person_search:", "talent"),
    PageSpec(
        "applicants", "기업", "pages/employer/applicants.py", "지원자 관리", ":material/view_kanban:", "applicants"
    ),
    PageSpec("ats_stats", "기업", "pages/employer/ats_stats.py", "채용 통계", ":material/monitoring:", "hiring_stats"),
    PageSpec(
        "caseload", "상담사", "pages/counsellor/caseload.py", "사례 관리(취업확률)", ":material/groups:", "caseload"
    ),
    PageSpec(
        "posting_search",
        "상담사",
        "pages/counsellor/postings.py",
        "구인공고 검색",
        ":material/support_agent:",
        "counselor_postings",  # its address before the role folders
    ),
    PageSpec("knowledge", "상담사", "pages/counsellor/knowledge.py", "상담 지식 Q&A", ":material/gavel:", "knowledge"),
    PageSpec("chatbot", "민원상담", "pages/public/chatbot.py", "AI 민원상담 챗봇", ":material/chat:", "chatbot"),
    PageSpec(
        "review_queue", "데이터", "pages/data/review_queue.py", "공고 심사 대기열", ":material/rule:", "review_queue"
    ),
    PageSpec("catalog", "데이터", "pages/data/catalog.py", "데이터 카탈로그", ":material/dataset:", "catalog"),
    PageSpec(
        "data_import", "데이터", "pages/data/data_import.py", "데이터 가져오기", ":material/upload_file:", "import"
    ),
    PageSpec("audit", "데이터", "pages/data/audit.py", "열람 기록(감사)", ":material/policy:", "audit"),
    PageSpec("qa_review", "데이터", "pages/data/qa_review.py", "상담 질문 검토", ":material/rate_review:", "qa_review"),
)

ACCESS: dict[str, tuple[str, ...]] = {
    "policy_home": ("policy", "counsellor", "data_admin"),
    "jobs_map": ("policy", "counsellor"),
    "model_card": ("policy", "counsellor", "data_admin", "seeker", "employer"),  # how the model works is public
    "interest_test": ("seeker",),
    "outlook": ("seeker",),
    "seeker_market": ("seeker", "counsellor"),
    "training": ("seeker", "counsellor"),
    "seeker_jobs": ("seeker",),
    "resume_help": ("seeker",),
    "talent": ("employer",),
    "applicants": ("employer",),
    "ats_stats": ("employer",),  # one firm's own applicants, in aggregate
    "benchmark": ("employer", "counsellor"),
    "hiring": ("employer", "counsellor"),
    "posting_writer": ("employer", "counsellor"),
    "caseload": ("counsellor",),
    "posting_search": ("counsellor",),
    "review_queue": ("data_admin",),
    "catalog": ("data_admin",),
    "data_import": ("data_admin",),
    "audit": ("data_admin",),
    "knowledge": ("counsellor",),
    "chatbot": ("seeker", "employer", "counsellor"),
    "qa_review": ("data_admin",),  # askers' contacts across every centre: ministry staff only
}
"""Which roles (auth.roles.ROLES) may open each page: least access. Pages that show one person's record are
limited to that person (seeker) or the counsellors of their centre, and are scoped again by the query."""


def path(key: str) -> str:
    """The file of page `key`, for `st.page_link` and `st.switch_page`."""
    for p in PAGES:
        if p.key == key:
            return p.path
    raise KeyError(f"unknown page key: {key}")


def by_role(role: str | None = None) -> dict[str, list[PageSpec]]:
    """Pages by section; with `role`, only the pages that role may open."""
    out: dict[str, list[PageSpec]] = {}
    for p in PAGES:
        if role is None or role in ACCESS[p.key]:
            out.setdefault(p.role, []).append(p)
    return out


def allowed(key: str, role: str) -> bool:
    return role in ACCESS.get(key, ())


def spec(key: str) -> PageSpec:
    for p in PAGES:
        if p.key == key:
            return p
    raise KeyError(f"unknown page key: {key}")
