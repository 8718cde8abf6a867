"""Scoring: raw mean (1–5) and EAP θ with its standard error per type, and the downloadable result."""

from __future__ import annotations

import numpy as np
import pandas as pd

from models.interest import irt
from models.interest.bank import TYPE_KO, TYPES, item_params, items


def answers_matrix(answers: dict[str, int], bank: pd.DataFrame) -> np.ndarray:
    """1..5 answers (0/None = skipped) → a (1, n_items) matrix coded 0..4 with -1 for missing."""
    x = np.full((1, len(bank)), -1, dtype=np.int8)
    pos = {iid: i for i, iid in enumerate(bank["item_id"])}
    for iid, v in answers.items():
        if iid in pos and v and 1 <= int(v) <= 5:
            x[0, pos[iid]] = int(v) - 1
    return x


def thetas(x: np.ndarray, bank: pd.DataFrame, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """EAP θ and standard error per type, (N, 6) each, for answer matrices (N, items) coded 0..4 (-1 missing)."""
    theta, se = np.empty((x.shape[0], len(TYPES))), np.empty((x.shape[0], len(TYPES)))
    for k, t in enumerate(TYPES):
        cols = np.flatnonzero(bank["riasec"].to_numpy() == t)
        theta[:, k], se[:, k] = irt.eap(x[:, cols], a[cols], b[cols])
    return theta, se


def score(answers: dict[str, int], bank: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per type: items answered, raw mean (1–5), EAP θ and its standard error."""
    bank = items() if bank is None else bank
    x = answers_matrix(answers, bank)
    theta, se = thetas(x, bank, *item_params(bank))
    rows = []
    for k, t in enumerate(TYPES):
        xt = x[0, bank["riasec"].to_numpy() == t]
        answered = xt >= 0
        rows.append(
            {
                "type": t,
                "type_ko": TYPE_KO[t],
                "answered": int(answered.sum()),
                "raw_mean": float(xt[answered].mean() + 1) if answered.any() else float("nan"),
                "theta": float(theta[0, k]),
                "se": float(se[0, k]),
            }
        )
    return pd.DataFrame(rows)


def score_table(scores: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "흥미 유형": scores["type_ko"] + "(" + scores["type"] + ")",
            "응답 문항": scores["answered"],
            "원점수 평균(1~5)": scores["raw_mean"].round(2),
            "θ": scores["theta"].round(2),
            "표준오차": scores["se"].round(2),
        }
    )


def result_document(
    test: dict,
    answers: dict[str, int],
    scores: pd.DataFrame,
    top: pd.DataFrame,
    alternatives: pd.DataFrame | None = None,
) -> dict:
    """A self-contained, downloadable record of one test (answers, scores, recommendations, close alternatives)."""
    return {
        "test_id": test["test_id"],
        "form": test["form"],
        "max_job_zone": test.get("max_job_zone"),
        "created_at": str(test.get("created_at")),
        "answers": answers,
        "code": "".join(scores.sort_values("theta", ascending=False)["type"].head(3)),
        "scores": scores.round(4).to_dict("records"),
        "top5": [
            {
                "family_code": r.family_code,
                "family_ko": r.family_ko,
                "keco_code": r.keco_code,
                "name_ko": r.name_ko,
                "fit": round(float(r.fit), 4),
                "drivers": r.drivers,
                **({"stability": round(float(r.stability), 4)} if hasattr(r, "stability") else {}),
                "typical_monthly_wage_krw": int(r.typical_monthly_wage_krw),
                "relatives": [{**rel, "fit": round(float(rel["fit"]), 4)} for rel in r.relatives],
            }
            for r in top.itertuples()
        ],
        "close_alternatives": []
        if alternatives is None
        else [
            {
                "family_code": r.family_code,
                "family_ko": r.family_ko,
                "keco_code": r.keco_code,
                "name_ko": r.name_ko,
                "stability": round(float(r.stability), 4),
            }
            for r in alternatives.itertuples()
        ],
    }
