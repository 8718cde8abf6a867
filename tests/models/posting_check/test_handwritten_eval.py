"""The checker on the hand-written set (tests/models/posting_check/handwritten_postings.csv).

The set was written by someone who never saw the checker, and the checker's author never saw the set. The first
(blind) measurement is the floor asserted here: overall precision 0.827 and recall 0.855. The issue's target
(precision ≥ 0.90, recall ≥ 0.95) is NOT met yet; see bench/README.md. Raising the floor after tuning on this set
would make it a training set, so a tuned version must be judged on a new hand-written set.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from models.posting_check.evaluate import RULE_IDS, handwritten, score

SET = Path(__file__).with_name("handwritten_postings.csv")


def test_blind_precision_and_recall_on_the_handwritten_set():
    labelled = handwritten()
    assert labelled is not None and len(labelled) == len(pd.read_csv(SET, dtype=str))
    table, overall = score(labelled)
    assert set(table["rule"]) == set(RULE_IDS) and overall["postings"] >= 150
    assert overall["precision"] >= 0.82 and overall["recall"] >= 0.85, overall
    assert (table["recall"] >= 0.5).all(), table  # every rule is found at least half the time
