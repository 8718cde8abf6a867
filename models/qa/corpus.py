"""The knowledge the Q&A answers from, cut into chunks that each keep their citation.

Three sources, all shipped in `data_catalog/reference/` with their sources: every article of the labour and
employment laws (`statutes.csv`), the occupation catalogue (duties, skills, education, typical wage) and the
project's published figures (the minimum wage by year). An article is one chunk; a long one is cut at its 항
(①, ②, …) into chunks of at most `MAX_CHARS` (a single longer 항 stays whole), each naming the paragraphs it
holds, so a citation can point at the words it quotes. Deleted articles (`삭제 <…>`) and empty ones hold nothing
to cite and are left out.

`doc_id` is the citation unit the evaluation's gold ids use ("근로기준법 제55조", "직업 0111", "수치 최저임금").
`audience` is `all`, or `counsellor` for the administrative articles (delegation of powers, processing of
identifiers, regulatory review) that a member of the public never needs and that would only crowd the chatbot.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from data_catalog import reference
from data_catalog.spec import EDUCATION_REQ
from models.qa import calculator

MAX_CHARS = 600
"""Longest chunk before an article is cut at its 항 (the packaged encoders truncate at about 512 tokens)."""

PARAGRAPH = re.compile(r"(?=[①-⑳])")
NOTE = re.compile(r"<(?:개정|신설|전문개정|본조신설|제목개정|시행일)[^>]*>|\[(?:본조신설|전문개정|시행일)[^\]]*\]")
ADMIN_TITLES = re.compile(
    r"권한의 위임|업무의 위탁|권한 또는 업무의 위임|고유식별정보의 처리$|규제의 재검토|공무원 의제|수수료|벌칙 적용 시"
)

OCCUPATION_SOURCE = "직업 카탈로그"
FIGURE_SOURCE = "고용AI 공표 수치"
MINIMUM_WAGE_DOC = "수치 최저임금"

COLUMNS = [
    "chunk_id",
    "doc_id",
    "group",
    "law",
    "short",
    "kind",
    "article",
    "title",
    "paragraphs",
    "text",
    "full_text",
    "search_text",
    "in_force_from",
    "source",
    "audience",
]


def _clean(text: str) -> str:
    """The text without amendment notes, for embedding and BM25 (the displayed text keeps them)."""
    return re.sub(r"\s+", " ", NOTE.sub(" ", text)).strip()


def split_paragraphs(text: str, max_chars: int = MAX_CHARS) -> list[tuple[str, str]]:
    """(paragraph range, text) pieces of an article: whole if short, else consecutive 항 packed up to `max_chars`."""
    if len(text) <= max_chars:
        return [("", text)]
    parts = [p.strip() for p in PARAGRAPH.split(text) if p.strip()]
    out: list[tuple[list[str], str]] = []
    for part in parts:
        mark = part[0] if "①" <= part[0] <= "⑳" else ""
        if out and len(out[-1][1]) + 1 + len(part) <= max_chars:
            out[-1][0].append(mark)
            out[-1] = (out[-1][0], f"{out[-1][1]} {part}")
        else:
            out.append(([mark], part))
    return [(_range([m for m in marks if m]), body) for marks, body in out]


def _range(marks: list[str]) -> str:
    if not marks:
        return ""
    return marks[0] if len(marks) == 1 else f"{marks[0]}~{marks[-1]}"


def statute_chunks() -> pd.DataFrame:
    rows = []
    for r in reference.statutes().itertuples(index=False):
        text = r.text.strip()
        if not text or text.startswith("삭제"):
            continue
        doc_id = f"{r.short} {r.article}"
        audience = "counsellor" if ADMIN_TITLES.search(r.title or "") else "all"
        for paras, body in split_paragraphs(text):
            head = f"{r.short} {r.article}" + (f"({r.title})" if r.title else "")
            rows.append(
                {
                    "chunk_id": f"{doc_id}{(' ' + paras) if paras else ''}",
                    "doc_id": doc_id,
                    "group": "statute",
                    "law": r.law,
                    "short": r.short,
                    "kind": r.kind,
                    "article": r.article,
                    "title": r.title,
                    "paragraphs": paras,
                    "text": body,
                    "full_text": text,
                    "search_text": f"{head} {_clean(body)}",
                    "in_force_from": r.in_force_from,
                    "source": r.source,
                    "audience": audience,
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS)


def occupation_chunks() -> pd.DataFrame:
    occ = reference.occupations()
    src = reference.SOURCES["occupations.csv"]["source"]
    rows = []
    for r in occ.itertuples(index=False):
        skills = ", ".join(s for s in str(r.skills_ko).split(";") if s)
        wage = int(r.typical_monthly_wage_krw) // 10_000
        text = (
            f"{r.name_ko}: {r.duties_ko} 필요한 기술·역량은 {skills}입니다. "
            f"일반적인 학력은 {EDUCATION_REQ.ko(r.education)}이고, 통상 월 임금은 약 {wage:,}만원입니다."
        )
        rows.append(
            {
                "chunk_id": f"직업 {r.keco_code}",
                "doc_id": f"직업 {r.keco_code}",
                "group": "occupation",
                "law": OCCUPATION_SOURCE,
                "short": OCCUPATION_SOURCE,
                "kind": "직업정보",
                "article": r.name_ko,
                "title": f"KECO {r.keco_code}",
                "paragraphs": "",
                "text": text,
                "full_text": text,
                "search_text": f"직업 {r.name_ko} 하는 일 {text}",
                "in_force_from": "2025-01-01",  # KECO 2025
                "source": src,
                "audience": "all",
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def figure_chunks() -> pd.DataFrame:
    """One chunk per year of the minimum wage: hourly, daily at 8 h, weekly with 주휴, monthly at 209 h, yearly."""
    rows = []
    src = "최저임금위원회 고시 (data_catalog/reference/labour_market_targets.csv)"
    for year in sorted(reference.MINIMUM_WAGE_HOURLY):
        text = calculator.minimum_wage_text(year)
        rows.append(
            {
                "chunk_id": f"{MINIMUM_WAGE_DOC} {year}",
                "doc_id": MINIMUM_WAGE_DOC,
                "group": "figure",
                "law": FIGURE_SOURCE,
                "short": FIGURE_SOURCE,
                "kind": "수치",
                "article": f"{year}년 최저임금",
                "title": "최저임금 고시액과 환산액",
                "paragraphs": "",
                "text": text,
                "full_text": text,
                "search_text": f"최저임금 {year}년 시급 월급 일급 연봉 {text}",
                "in_force_from": f"{year}-01-01",
                "source": src,
                "audience": "all",
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def chunks() -> pd.DataFrame:
    """The whole corpus, one row per chunk, in a stable order."""
    out = pd.concat([statute_chunks(), occupation_chunks(), figure_chunks()], ignore_index=True)
    if out.chunk_id.duplicated().any():
        raise ValueError(f"duplicate chunk ids: {out.chunk_id[out.chunk_id.duplicated()].tolist()[:5]}")
    return out


def corpus_hash(frame: pd.DataFrame) -> str:
    """A fingerprint of what is indexed: it changes when any chunk's id, text or citation does."""
    h = hashlib.sha256()
    cols = ["chunk_id", "search_text", "text", "full_text", "law", "kind", "in_force_from", "source", "audience"]
    for row in frame[cols].itertuples(index=False):
        h.update("\x1f".join(row).encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()[:16]
