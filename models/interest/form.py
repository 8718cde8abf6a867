"""What the interest-test page shows next: the screen of items, what a submitted screen saves, the result.

Kept out of the page so the paging rules are tested on their own: the full form shows six items a
screen in the interleaved order and resumes at the first unanswered screen; the adaptive form
shows one item chosen by the CAT engine. A screen submitted with unanswered items saves what was
answered and asks again (or, with '건너뛰기', records the rest as skipped, 0).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from models.interest.cat import AdaptiveTest
from models.interest.matching import close_alternatives, top5_stability, top_occupations
from models.interest.scoring import score

PAGE_SIZE = 6
LONG_FORM_ITEMS = 415
"""Items of the ministry's long-form inventory (직업선호도검사 L형, about 415); the roadmap cuts it to ~50."""
N_DRAWS = 400
"""Posterior draws behind the 추천 안정도 figure of each card."""


def length_note(full_items: int, adaptive_max: int) -> str:
    """How this test's two forms compare with the ministry's long form (shown before a test starts)."""
    return (
        f"고용노동부 직업선호도검사(L형)는 약 {LONG_FORM_ITEMS}문항입니다. "
        f"이 검사의 전체형은 {full_items}문항으로 그보다 {1 - full_items / LONG_FORM_ITEMS:.0%} 짧고, "
        f"적응형은 답에 따라 문항을 골라 최대 {adaptive_max}문항만 묻습니다"
        f"(전체형보다 {1 - adaptive_max / full_items:.0%} 이상, L형보다 {1 - adaptive_max / LONG_FORM_ITEMS:.0%} "
        "이상 짧음)."
    )


@dataclass(frozen=True)
class Screen:
    items: list[str]
    done: bool
    start: int = 0  # position of the first item in the full-form order


def full_form_screen(
    order: list[str], answers: dict[str, int], start: int | None = None, page_size: int = PAGE_SIZE
) -> Screen:
    """The screen at `start`, or (first visit, a reload) the screen holding the first unanswered item."""
    pending = [i for i in order if i not in answers]
    if start is None:
        start = order.index(pending[0]) // page_size * page_size if pending else len(order)
    return Screen(order[start : start + page_size], not pending and start >= len(order), start)


def adaptive_screen(cat: AdaptiveTest, answers: dict[str, int]) -> Screen:
    nxt = cat.next_item(answers)
    return Screen([nxt] if nxt else [], nxt is None)


def previous_start(order: list[str], screen: Screen, page_size: int = PAGE_SIZE) -> int:
    return max(0, order.index(screen.items[0]) - page_size)


def next_start(order: list[str], screen: Screen) -> int:
    return order.index(screen.items[-1]) + 1


@dataclass(frozen=True)
class Submission:
    save: dict[str, int]  # what to store now (answered items, plus skipped ones as 0 when skipping)
    missing: list[str]  # unanswered items that block '다음'
    advance: bool  # move on to the next screen


def submit(picked: dict[str, int | None], skip: bool) -> Submission:
    """A submitted screen: '다음' needs every item answered; '건너뛰기' records the unanswered ones as 0."""
    given = {i: v for i, v in picked.items() if v is not None}
    missing = [i for i, v in picked.items() if v is None]
    if missing and not skip:
        return Submission(given, missing, False)
    return Submission({**given, **{i: 0 for i in missing}}, [], True)


@dataclass
class Result:
    scores: pd.DataFrame
    top: pd.DataFrame  # five families' best occupations, with relatives, openings and stability
    stability: pd.Series
    alternatives: pd.DataFrame


def result(answers: dict[str, int], bank: pd.DataFrame, max_job_zone: int | None, openings: pd.DataFrame) -> Result:
    """Scores, the Top-5 (with recent openings and stability) and the close alternatives of one answer set."""
    scores = score(answers, bank)
    theta: np.ndarray = scores["theta"].to_numpy()
    top = top_occupations(theta, 5, max_job_zone)
    stability = top5_stability(theta, scores["se"].to_numpy(), max_job_zone, n_draws=N_DRAWS)
    top = top.merge(openings, on="keco_code", how="left")
    recent = openings.set_index("keco_code")["openings_12m"].to_dict() if len(openings) else {}
    top["relatives"] = [
        [{**rel, "openings_12m": recent.get(rel["keco_code"])} for rel in rels] for rels in top["relatives"]
    ]
    top["stability"] = stability.reindex(top["family_code"]).to_numpy()
    return Result(scores, top, stability, close_alternatives(stability, top, theta, max_job_zone))
