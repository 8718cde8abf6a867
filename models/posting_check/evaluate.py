"""Precision and recall per rule of the checker on a labelled set (the hand-written set, the world's phrasings).

A labelled frame has the checker's input columns plus `expected_rules` (`;`-separated rule ids, empty when lawful).
Scoring is per (posting, rule): a rule found where it was expected is a true positive, found where it was not a
false positive, expected but not found a false negative. Overall figures pool every rule.
"""

from __future__ import annotations

import pandas as pd

import config
from models.posting_check import rules
from models.posting_check.check import check_frame

RULE_IDS = rules.RULE_IDS


def _sets(s: pd.Series) -> pd.Series:
    return s.fillna("").astype(str).map(lambda v: {x for x in v.split(";") if x})


def score(labelled: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, float]]:
    """(per-rule table with tp, fp, fn, precision, recall; overall precision and recall)."""
    report = check_frame(labelled.drop(columns=["expected_rules"])).set_index("id")
    ids = labelled["id"].astype(str)
    report.index = report.index.astype(str)
    expected = pd.Series(_sets(labelled["expected_rules"]).to_numpy(), index=ids)
    found = _sets(report.loc[ids, "rules"])
    found.index = ids
    rows = []
    for rule in RULE_IDS:
        e = expected.map(lambda s, r=rule: r in s)
        f = found.map(lambda s, r=rule: r in s)
        tp, fp, fn = int((e & f).sum()), int((~e & f).sum()), int((e & ~f).sum())
        rows.append({"rule": rule, "tp": tp, "fp": fp, "fn": fn})
    table = pd.DataFrame(rows)
    table["precision"] = table["tp"] / (table["tp"] + table["fp"]).where(lambda x: x > 0)
    table["recall"] = table["tp"] / (table["tp"] + table["fn"]).where(lambda x: x > 0)
    tp, fp, fn = table[["tp", "fp", "fn"]].sum()
    return table, {"precision": tp / (tp + fp), "recall": tp / (tp + fn), "postings": len(labelled)}


_SETS = config.PROJECT_ROOT / "tests" / "models" / "posting_check"
HANDWRITTEN = {"a": _SETS / "handwritten_postings.csv", "b": _SETS / "handwritten_postings_b.csv"}
"""The hand-written labelled sets (committed with the tests; provenance in HANDWRITTEN.md and HANDWRITTEN_B.md):
A is the development set the rules were corrected against, B the blind test written afterwards."""


def handwritten(which: str = "a") -> pd.DataFrame | None:
    """A hand-written set in the checker's columns plus `expected_rules`, or None where it is not checked out."""
    path = HANDWRITTEN[which]
    if not path.exists():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns=["hard_negative", "note"])
