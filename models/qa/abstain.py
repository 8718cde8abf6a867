"""When to answer and what to cite: a confidence from the retrieval signals, a threshold calibrated on held-out
questions, and a rule for how many articles an answer cites.

`confidence` is a logistic score of what the default signals (`retrieval.SIGNALS`) say about the best article: E5's
best cosine, BM25's best score (squashed: it grows with the question's length), and how many signals put the same
article first. Its weights and `THRESHOLD` are fitted on the question set's `dev` split only (`python -m models.qa
calibrate` writes `calibration.json` beside this module; `tests/models/qa` checks the committed file against a
refit and reports the `test` split), so the threshold is measured, not chosen by eye.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from models.qa.retrieval import LEXICAL, SIGNALS, Hit, Retrieved

CALIBRATION = Path(__file__).with_name("calibration.json")
FEATURES = (*SIGNALS, "agree")
LEXICAL_SCALE = 10.0
"""BM25 scores grow with the question's length: s / (s + 10) keeps them in [0, 1)."""


def features(got: Retrieved) -> np.ndarray:
    """Each default signal's best score (lexical ones squashed) and how many signals rank the top article first."""
    s = got.signals
    lexical = set(LEXICAL)
    vals = [s.get(n, 0.0) / (s.get(n, 0.0) + LEXICAL_SCALE) if n in lexical else s.get(n, 0.0) for n in SIGNALS]
    agree = sum(1 for n in SIGNALS if got.hits and got.hits[0].ranks.get(n) == 1)
    return np.array([*vals, agree], dtype=float)


@lru_cache(maxsize=1)
def calibration() -> dict:
    return json.loads(CALIBRATION.read_text(encoding="utf-8"))


def confidence(got: Retrieved) -> float:
    if not got.hits:
        return 0.0
    c = calibration()
    z = float(np.dot(c["weights"], (features(got) - c["mean"]) / c["scale"]) + c["bias"])
    return float(1.0 / (1.0 + np.exp(-z)))


def __getattr__(name: str) -> float:  # THRESHOLD is read from the calibration file when first asked for
    if name == "THRESHOLD":
        return float(calibration()["threshold"])
    raise AttributeError(name)


def cited(got: Retrieved) -> list[Hit]:
    """The best article only. Citing the second as well put a gold article in more answers (dev 0.72 against 0.65)
    but lowered citation precision (0.56 against 0.61): a counsellor reads the first citation as the answer."""
    return got.hits[:1]


def calibrate(assistant, dev: pd.DataFrame) -> dict:  # noqa: ANN001 - a service.Assistant
    """Fit the logistic confidence on the dev questions (answerable = 1) and the threshold that maximises the
    abstention F1 there (refuse = positive; a question a rule answers is never refused)."""
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - only when calibrating

    from models.qa import calculator  # noqa: PLC0415

    x, ruled = [], []
    for q, aud in zip(dev["question"], dev["audience"], strict=True):
        x.append(features(assistant.retrieve(q, audience=aud)))
        ruled.append(calculator.calculate(q) is not None)
    x = np.array(x)
    y = (dev["kind"] == "answer").to_numpy().astype(int)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    lr = LogisticRegression(C=1.0).fit((x - mean) / scale, y)
    p = lr.predict_proba((x - mean) / scale)[:, 1]
    refuse, ruled = y == 0, np.array(ruled)
    levels = np.unique(p)
    cuts = np.concatenate([[levels[0] - 1e-6], (levels[:-1] + levels[1:]) / 2, [levels[-1] + 1e-6]])
    best = (-1.0, 0.5)
    for t in cuts:  # between two observed confidences, so the threshold abstains exactly the set it was scored on
        ab = (p < t) & ~ruled
        tp = int((ab & refuse).sum())
        prec, rec = tp / max(int(ab.sum()), 1), tp / max(int(refuse.sum()), 1)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > best[0] + 1e-9:
            best = (f1, float(t))
    return {
        "features": list(FEATURES),
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "weights": lr.coef_[0].round(6).tolist(),
        "bias": round(float(lr.intercept_[0]), 6),
        "threshold": round(best[1], 6),
        "dev_f1": round(best[0], 4),
        "n": len(dev),
    }


def rule_hit(doc_id: str, row: int) -> Hit:
    """The calculator's articles join the retrieved hits, so every citation is among what was retrieved."""
    return Hit(doc_id, row, 0.0, {"rule": 1})
