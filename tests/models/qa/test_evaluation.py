"""The Q&A measured on the hand-written question set (`questions.csv`): the set itself, the calibration, and the
issue's targets on the held-out `test` split.

Targets (#16): Recall@5 ≥ 0.90 with the fusion, citation precision ≥ 0.95, abstention F1 ≥ 0.85. The ones not met
are strict xfails carrying the measured figure: they fail the run the day they start passing, so the marker cannot
outlive the gap. bench/README.md has every figure.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.qa import abstain, corpus, evaluate

QUESTIONS = Path(__file__).with_name("questions.csv")


@pytest.fixture(scope="module")
def qs():
    return evaluate.load_questions(QUESTIONS)


@pytest.fixture(scope="module")
def test_split(qs):
    return qs[qs["split"] == "test"]


@pytest.fixture(scope="module")
def answers(qa_assistant, test_split):
    return [
        qa_assistant.ask(q, audience=a) for q, a in zip(test_split["question"], test_split["audience"], strict=True)
    ]


def test_the_question_set_is_large_colloquial_and_its_gold_exists(qs):
    assert (qs.kind == "answer").sum() >= 150 and (qs.kind == "refuse").sum() >= 40
    assert qs.qid.is_unique and qs.question.is_unique
    docs = set(corpus.chunks().doc_id)
    for gold in qs.loc[qs.kind == "answer", "gold_ids"]:
        assert gold and set(gold) <= docs, gold
    assert (qs.loc[qs.kind == "refuse", "gold"] == "").all()
    assert set(qs.split) == {"dev", "test"} and (qs.split == "dev").mean() < 0.4
    assert qs.question.str.contains(r"[?？]|요$|나요|까$|음$", regex=True).mean() > 0.5  # asked, not article titles


def test_the_committed_calibration_is_what_the_dev_split_gives(qa_assistant, qs):
    refit = abstain.calibrate(qa_assistant, qs[qs["split"] == "dev"])
    committed = abstain.calibration()
    assert refit["features"] == committed["features"] and refit["n"] == committed["n"]
    assert np.allclose(refit["weights"], committed["weights"], atol=1e-3)
    assert refit["threshold"] == pytest.approx(committed["threshold"], abs=1e-3)


def test_fusion_beats_each_signal_alone_on_mrr(qa_assistant, test_split):
    table = evaluate.retrieval_table(qa_assistant.searcher, test_split).set_index("signals")
    fused = table.loc["+".join(qa_assistant.searcher.default)]
    assert fused["mrr"] > table.loc["e5", "mrr"] and fused["mrr"] > table.loc["bm25", "mrr"]
    assert fused["recall@5"] >= 0.75


@pytest.mark.xfail(strict=True, reason="measured 0.785 on the test split (target 0.90): #16 blocked on this item")
def test_recall_at_5_target(qa_assistant, test_split):
    table = evaluate.retrieval_table(qa_assistant.searcher, test_split).set_index("signals")
    assert table.loc["+".join(qa_assistant.searcher.default), "recall@5"] >= 0.90


def test_a_refusal_carries_no_citation_and_abstention_is_measured(answers, test_split):
    for a in answers:
        assert a.abstained == (a.citations == [])
    scores = evaluate.answer_scores(answers, test_split)
    assert scores["abstain_recall"] >= 0.6 and scores["abstain_precision"] >= 0.75


@pytest.mark.xfail(strict=True, reason="measured 0.545 on the test split (target 0.95): #16 blocked on this item")
def test_citation_precision_target(answers, test_split):
    assert evaluate.answer_scores(answers, test_split)["citation_precision"] >= 0.95


@pytest.mark.xfail(strict=True, reason="measured 0.743 on the test split (target 0.85): #16 blocked on this item")
def test_abstention_f1_target(answers, test_split):
    assert evaluate.answer_scores(answers, test_split)["abstain_f1"] >= 0.85
