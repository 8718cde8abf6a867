"""Adaptive form (CAT): choose the next item, decide when to stop; the state is just the answers so far.

Maximum-information item selection across the six scales (the scale whose uncertainty most blurs
the boundary between the 5th and 6th family first), stopping at 50 items or earlier when the five
families are stable and every standard error is small.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from models.interest import irt
from models.interest.bank import TYPES, item_params, items
from models.interest.matching import catalogue, family_scores, scores, top_families
from models.interest.scoring import answers_matrix, thetas


@dataclass
class CatConfig:
    """Stopping rule: at least 32 items, then stop once the five families have not changed over the last 10
    answers and every SE is under 0.45 (or at 50 items).

    Chosen on simulated respondents of another seed than the bench's (seed 11, 300 people): 24 items / SE 0.55
    / 8 stable agreed with the full form on 4.13 of 5 families using 31.9 items; 30 / 0.5 / 8 on 4.19 using
    36.6 (4.06 on the bench's 2,000, too close to the 4.0 target); 32 / 0.45 / 10 on 4.21 using 39.9.
    """

    max_items: int = 50
    min_items: int = 32
    se_target: float = 0.45
    stable_items: int = 10


class AdaptiveTest:
    """Chooses the next item and decides when to stop; state is just the answers so far."""

    def __init__(
        self, bank: pd.DataFrame | None = None, config: CatConfig | None = None, max_job_zone: int | None = None
    ) -> None:
        self.bank = items() if bank is None else bank
        self.config = config or CatConfig()
        self.a, self.b = item_params(self.bank)
        self.types = self.bank["riasec"].to_numpy()
        self.ids = self.bank["item_id"].to_numpy()
        self.max_job_zone = max_job_zone
        self._cat = catalogue(max_job_zone)
        self._memo: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}
        self._top5_memo: dict[tuple, tuple[str, ...]] = {}

    def estimate(self, answers: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
        key = tuple(answers.items())
        if key not in self._memo:
            if len(self._memo) > 4096:
                self._memo.clear()
            self._memo[key] = self._estimate(answers)
        return self._memo[key]

    def _estimate(self, answers: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
        theta, se = thetas(answers_matrix(answers, self.bank), self.bank, self.a, self.b)
        return theta[0], se[0]

    def top5(self, theta: np.ndarray) -> tuple[str, ...]:
        """The five families shown, ranked as `top_occupations` ranks them (called for every answer prefix)."""
        return tuple(self._cat.family_codes[top_families(theta, self._cat)])

    def _prefix_top5(self, answers: dict[str, int], prefix: list[str]) -> tuple[str, ...]:
        key = tuple((i, answers[i]) for i in prefix)
        if key not in self._top5_memo:
            self._top5_memo[key] = self.top5(self.estimate(dict(key))[0])
        return self._top5_memo[key]

    def margin_sensitivity(self, theta: np.ndarray) -> tuple[float, np.ndarray]:
        """Margin between the 5th and 6th best families and its gradient w.r.t. θ (finite differences)."""

        def margin(th: np.ndarray) -> float:
            r = family_scores(scores(th, self._cat)[0], self._cat)
            top = np.partition(-r, 5)[:6]
            top = -np.sort(top)
            return float(top[4] - top[5])

        base = margin(theta)
        eps = 0.05
        grad = np.array([(margin(theta + eps * np.eye(len(TYPES))[k]) - base) / eps for k in range(len(TYPES))])
        return base, grad

    def next_item(self, answers: dict[str, int]) -> str | None:
        """Next item: first two per scale, then the scale whose uncertainty most blurs the Top-5 boundary."""
        if self.should_stop(answers):
            return None
        theta, se = self.estimate(answers)
        seen = set(answers)
        counts = np.array([sum(1 for i in seen if i[0] == t) for t in TYPES])
        if counts.min() < 2:
            order = list(np.argsort(counts, kind="stable"))
        else:
            _m, grad = self.margin_sensitivity(theta)
            # value of measuring scale k: its share of the margin's variance, plus its own imprecision
            value = se**2 * (grad**2 + 0.05)
            order = list(np.argsort(-value, kind="stable"))
        for k in order:
            cols = np.flatnonzero((self.types == TYPES[k]) & ~np.isin(self.ids, list(seen)))
            if len(cols):
                info = irt.item_information(np.array([theta[k]]), self.a[cols], self.b[cols])[:, 0]
                return str(self.ids[cols[int(np.argmax(info))]])
        return None

    def should_stop(self, answers: dict[str, int]) -> bool:
        n = len(answers)
        if n >= self.config.max_items or n >= len(self.ids):
            return True
        if n < self.config.min_items:
            return False
        return self.stability(answers)["stop"]

    def stability(self, answers: dict[str, int]) -> dict:
        """SE check plus whether the Top-5 set was the same after each of the last k answers."""
        theta, se = self.estimate(answers)
        k = self.config.stable_items
        seq = list(answers)
        sets = [set(self._prefix_top5(answers, seq[: len(seq) - j])) for j in range(k)]
        stable = all(s == sets[0] for s in sets)
        return {
            "theta": theta,
            "se": se,
            "stable": stable,
            "se_ok": bool((se < self.config.se_target).all()),
            "stop": stable and bool((se < self.config.se_target).all()),
        }


def run_cat(full_answers: dict[str, int], test: AdaptiveTest) -> dict[str, int]:
    """Simulate a CAT for someone whose full-form answers are known (used by the simulation study)."""
    answers: dict[str, int] = {}
    while (item := test.next_item(answers)) is not None:
        answers[item] = full_answers[item]
    return answers
