"""Answers: quotes cut at sentence ends, and LLM prose accepted only when every sentence cites a given chunk."""

from __future__ import annotations

import pytest

from data_catalog import reference
from models.qa import answer
from models.qa.answer import Answer, Citation
from models.qa.service import Assistant


def _cite(doc: str, text: str = "① 사용자는 근로자에게 1주에 평균 1회 이상의 유급휴일을 보장하여야 한다.") -> Citation:
    article = doc.split()[-1]
    return Citation(
        doc, doc, "근로기준법", "근로기준법", article, "휴일", "", "2026-10-02", "x", text, text, text, "statute"
    )


def test_sentences_never_lose_a_word_or_cut_inside_parentheses():
    for text in reference.statutes().text:
        parts = answer.sentences(text)
        assert "".join(parts).replace(" ", "") == text.replace(" ", "")
    s = answer.sentences("시간급 최저임금액(최저임금으로 정한 금액을 말한다. 이하 같다)에서 100분의 10을 뺀다. ② 다음.")
    assert s[0].endswith("뺀다.") and s[1].startswith("②")


def test_verify_accepts_only_fully_cited_prose():
    assert answer.verify("주휴일은 유급입니다 [1]. 15시간 미만이면 없습니다 [2].", 2) == (True, {1, 2})
    assert answer.verify("주휴일은 유급입니다 [1]. 퇴직금은 1년 이상이면 나옵니다.", 2)[0] is False  # uncited claim
    assert answer.verify("근거가 없는 조문 [3]입니다.", 2)[0] is False  # cites what was not retrieved
    assert answer.verify("", 2)[0] is False


def _answer() -> Answer:
    return Answer("주휴수당 조건?", "추출 답변", [_cite("근로기준법 제55조"), _cite("근로기준법 제18조")], False, 0.9)


def test_an_llm_answer_with_an_invented_claim_is_replaced_by_the_extractive_one():
    out = _answer()

    def inventing(system: str, user: str) -> str:
        assert "[1]" in user and "[2]" in user  # the model sees the retrieved chunks, numbered
        return "주 15시간 이상이면 주휴수당이 있습니다 [1]. 5인 미만 사업장은 주휴수당이 없습니다."

    Assistant.rewrite_with(out, inventing)
    assert out.text == "추출 답변" and out.backend == "extractive" and len(out.citations) == 2
    assert any("근거 조문이 없는 문장" in n for n in out.notes)


def test_a_fully_cited_llm_answer_keeps_only_the_chunks_it_cites_renumbered():
    out = _answer()
    Assistant.rewrite_with(out, lambda s, u: "15시간 미만이면 주휴가 없습니다 [2]. 그 밖에는 유급휴일입니다 [2].")
    assert out.backend == "llm" and [c.doc_id for c in out.citations] == ["근로기준법 제18조"]
    assert out.text.count("[1]") == 2 and "[2]" not in out.text


def test_a_computed_figure_and_its_articles_stay_ahead_of_the_prose():
    out = _answer()
    Assistant.rewrite_with(out, lambda s, u: "15시간 미만이면 없습니다 [2].", figure="주휴 8시간분 82,560원", keep=1)
    assert out.text.startswith("주휴 8시간분 82,560원\n\n") and out.text.endswith("[2].")
    assert [c.doc_id for c in out.citations] == ["근로기준법 제55조", "근로기준법 제18조"]


def test_an_endpoint_failure_keeps_the_extractive_answer():
    out = _answer()

    def failing(system: str, user: str) -> str:
        raise TimeoutError

    Assistant.rewrite_with(out, failing)
    assert out.text == "추출 답변" and "TimeoutError" in out.notes[0]


@pytest.mark.parametrize("group", ["statute", "occupation"])
def test_citation_labels(group):
    c = _cite("근로기준법 제55조")
    c.group = group
    assert c.label() == ("「근로기준법」 제55조(휴일)" if group == "statute" else "근로기준법 · 제55조")
