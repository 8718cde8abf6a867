"""Scoring on constructed answer patterns: θ per type, skipped and unknown answers."""

from __future__ import annotations

import pytest

from models.interest.matching import reason_ko, top_occupations
from models.interest.scoring import score, score_table
from tests.models.interest.conftest import pattern


@pytest.mark.parametrize("liked", ["I", "S", "R"])
def test_liking_one_type_puts_its_occupations_on_top(bank, liked):
    scores = score(pattern(bank, liked), bank).set_index("type")
    assert scores["theta"].idxmax() == liked
    assert scores.loc[liked, "raw_mean"] == 5 and scores.drop(liked)["raw_mean"].eq(1).all()
    top = top_occupations(scores["theta"].to_numpy())
    assert (top["riasec_code"].str[0] == liked).sum() >= 4
    assert all(liked in d for d in top["drivers"])
    assert liked in reason_ko(top.iloc[0])


def test_skipped_and_unknown_answers_are_ignored(bank):
    ans = pattern(bank, "A")
    first = next(iter(ans))
    ans[first] = 0
    ans["X999"] = 5
    s = score(ans, bank).set_index("type")
    assert s.loc[first[0], "answered"] == (bank["riasec"] == first[0]).sum() - 1


def test_score_table_is_korean(bank):
    t = score_table(score(pattern(bank, "S"), bank))
    assert list(t.columns) == ["흥미 유형", "응답 문항", "원점수 평균(1~5)", "θ", "표준오차"]
    assert t["흥미 유형"].iloc[3] == "사회형(S)"
