"""Turning retrieved articles into an answer: extractive by default, LLM prose only when every sentence is cited.

The extractive answer names the articles it rests on and quotes their most relevant sentences verbatim (sentences
scored by the question's content morphemes they contain), after the calculator's figure when a rule applies. It is
deterministic and needs no model beyond retrieval.

The LLM answer (an OpenAI-compatible endpoint, `config.llm_settings()`) gets the retrieved chunks numbered [1]..[n]
and must end every sentence with the number of the chunk it rests on. `verify` splits the prose into sentences and
rejects it when any sentence carries no citation or cites a number that was not given; a rejected or failed LLM
answer is replaced by the extractive one, with a note saying so. So no answer cites an article it did not retrieve.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

NOTE_ONLY = re.compile(r"(?:<[^<>]*>\s*)+")
ITEM = re.compile(r"\d{1,2}\.\s|[가-하]\.\s")
CITE = re.compile(r"\[(\d{1,2})\]")
QUOTE_SENTENCES = 2
MAX_QUOTE = 220

SYSTEM_KO = (
    "당신은 고용센터의 노동법 상담 도우미입니다. 한국어 존댓말로 답합니다. 주어진 [번호] 조문에 있는 내용만 "
    "사용하고, 모든 문장 끝에 근거 조문의 번호를 [1]처럼 붙입니다. 조문에 없는 내용은 쓰지 않습니다."
)


@dataclass
class Citation:
    doc_id: str
    chunk_id: str
    law: str
    short: str
    article: str
    title: str
    paragraphs: str
    in_force_from: str
    source: str
    quote: str
    text: str
    full_text: str
    group: str

    def label(self) -> str:
        """「근로기준법」 제55조(휴일) ②, as a counsellor cites it."""
        if self.group != "statute":
            return f"{self.short} · {self.article}"
        head = f"「{self.law}」 {self.article}" + (f"({self.title})" if self.title else "")
        return f"{head} {self.paragraphs}".strip()


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation]
    abstained: bool
    confidence: float
    backend: str = "extractive"
    figures: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    related: list[Citation] = field(default_factory=list)
    """Other articles the search found, shown apart as "함께 검색된 조문": retrieved, not what the answer rests on."""

    def to_json(self) -> dict:
        return {
            "answer": self.text,
            "citations": [
                {
                    "law": c.law,
                    "short": c.short,
                    "article": c.article,
                    "title": c.title,
                    "paragraphs": c.paragraphs,
                    "in_force_from": c.in_force_from,
                    "quote": c.quote,
                }
                for c in self.citations
            ],
            "related": [{"short": c.short, "article": c.article, "title": c.title} for c in self.related],
            "abstained": self.abstained,
            "confidence": round(self.confidence, 3),
            "backend": self.backend,
            "figures": self.figures,
        }


def sentences(text: str) -> list[str]:
    """An article cut into sentences: at "…다. ", before each 항 (①) and each 호 ("1. ") or 목 ("가. "), never
    inside parentheses (definitions such as "(최저임금으로 정한 금액을 말한다. 이하 같다)" stay whole)."""
    out, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（「":
            depth += 1
        elif ch in ")）」":
            depth = max(depth - 1, 0)
        if depth:
            continue
        cut = None
        if "①" <= ch <= "⑳" and i > start:
            cut = i
        elif ch == " " and (
            (text[i - 1] == "." and i >= 2 and text[i - 2] in "다음함됨임")
            or (ITEM.match(text, i + 1) and not text[i - 1].isdigit())
        ):
            cut = i + 1
        if cut is not None and text[start:cut].strip():
            out.append(text[start:cut].strip())
            start = cut
    if text[start:].strip():
        out.append(text[start:].strip())
    merged: list[str] = []
    for piece in out:  # an amendment note alone ("<개정 2018.12.31>") belongs to the sentence before it
        if merged and NOTE_ONLY.fullmatch(piece):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def citation(row: pd.Series, quote: str) -> Citation:
    return Citation(
        doc_id=row["doc_id"],
        chunk_id=row["chunk_id"],
        law=row["law"],
        short=row["short"],
        article=row["article"],
        title=row["title"],
        paragraphs=row["paragraphs"],
        in_force_from=row["in_force_from"],
        source=row["source"],
        quote=quote,
        text=row["text"],
        full_text=row["full_text"],
        group=row["group"],
    )


def best_sentences(text: str, terms: set[str], tokenize: Callable[[list[str]], list[list[str]]]) -> str:
    """The article's sentences that share most content morphemes with the question, in their own order."""
    sents = sentences(text)
    if len(sents) <= 1:
        return _trim(text)
    toks = tokenize(sents)
    scored = [(len(terms & set(t)), -i) for i, t in enumerate(toks)]
    keep = sorted(sorted(range(len(sents)), key=lambda i: scored[i], reverse=True)[:QUOTE_SENTENCES])
    if all(scored[i][0] == 0 for i in keep):
        keep = [0]
    return " … ".join(_trim(sents[i]) for i in keep)


def _trim(s: str) -> str:
    return s if len(s) <= MAX_QUOTE else s[: MAX_QUOTE - 1].rstrip() + "…"


def extractive(calc_text: str | None, cites: Sequence[Citation]) -> str:
    parts = []
    if calc_text:
        parts.append(calc_text)
    statutes = [c for c in cites if c.group == "statute"]
    if statutes:
        names = ", ".join(c.label() for c in statutes)
        parts.append(f"관련 조문은 {names}입니다.")
        parts.extend(f"{c.label()}: \u201c{c.quote}\u201d" for c in statutes)
    for c in cites:
        if c.group == "occupation":
            parts.append(f"직업 정보({c.article}): {c.quote}")
        elif c.group == "figure" and not calc_text:
            parts.append(c.quote)
    return "\n\n".join(parts)


def llm_prompt(question: str, sources: Sequence[Citation]) -> str:
    numbered = "\n".join(f"[{i}] {c.label()}: {c.text}" for i, c in enumerate(sources, 1))
    return f"조문:\n{numbered}\n\n질문: {question}\n\n위 조문만 근거로 2~4문장으로 답하고, 문장마다 [번호]를 붙이세요."


def verify(prose: str, n_sources: int) -> tuple[bool, set[int]]:
    """(every sentence cites a given source, the source numbers cited)."""
    used: set[int] = set()
    body = prose.strip()
    if not body:
        return False, used
    for sent in re.split(r"(?<=[.!?。])\s+|\n+", body):
        sent = sent.strip()
        if not sent:
            continue
        nums = {int(n) for n in CITE.findall(sent)}
        if not nums or any(n < 1 or n > n_sources for n in nums):
            return False, used
        used |= nums
    return bool(used), used
