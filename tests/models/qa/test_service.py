"""The Q&A end to end on the real corpus: cited answers, filters, abstention, and nothing cited unretrieved."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import config
from data_catalog.errors import UserError
from models.qa import abstain, service

OUTSIDE = [
    "내일 서울 날씨 어때요?",
    "비트코인 지금 사도 될까요",
    "전세 보증금을 안 돌려줘요",
    "이혼하면 양육권은 누가 가져요?",
]


def test_the_issue_examples_cite_the_articles_they_rest_on(qa_assistant):
    a = qa_assistant.ask("수습 기간에는 최저임금보다 적게 줘도 되나요?")
    assert not a.abstained
    assert {"최저임금법 제5조", "최저임금법 시행령 제3조"} & {c.doc_id for c in a.citations}
    b = qa_assistant.ask("면접에서 결혼했냐고 물으면 불법인가요?")
    assert not b.abstained and "채용절차법 제4조의3" in {c.doc_id for c in b.citations}
    for c in a.citations + b.citations:
        assert c.in_force_from and c.quote and c.quote.replace("…", "").split()[0] in c.full_text


def test_a_figure_comes_with_its_article(qa_assistant):
    a = qa_assistant.ask("2026년 최저임금 월급으로 얼마예요?")
    assert a.figures["monthly_209h"] == 2_156_880 and "2,156,880원" in a.text
    assert "최저임금법 제5조" in {c.doc_id for c in a.citations}
    assert "수치 최저임금 2026" in {c.chunk_id for c in a.citations}  # the year's own figures, not another's
    filtered = qa_assistant.ask("2026년 최저임금 월급으로 얼마예요?", laws=["남녀고용평등법"])
    assert not filtered.figures  # a filter that excludes the figure's articles excludes the figure


@pytest.mark.parametrize("question", OUTSIDE)
def test_outside_the_corpus_it_abstains_and_cites_nothing(qa_assistant, question):
    a = qa_assistant.ask(question, audience="public")
    assert a.abstained and a.citations == [] and "답하기 어렵습니다" in a.text and "상담원 연결" in a.text


def test_every_citation_was_retrieved(qa_assistant, monkeypatch):
    seen = {}
    real = qa_assistant.retrieve

    def spy(q, laws=None, audience="counsellor"):  # noqa: ANN001, ANN202
        got = real(q, laws, audience)
        seen[q] = got
        return got

    monkeypatch.setattr(qa_assistant, "retrieve", spy)
    for q in (
        "주휴수당 조건이 뭐예요?",
        "해고 예고 안 하고 잘랐어요",
        "2026년 최저시급 얼마",
        "육아휴직 몇 년까지 돼요?",
    ):
        a = qa_assistant.ask(q)
        retrieved = {h.doc_id for h in seen[a.question].hits}
        assert a.citations and {c.doc_id for c in a.citations} <= retrieved, q
        related = {c.doc_id for c in a.related}
        assert related <= retrieved and not related & {c.doc_id for c in a.citations}, q


def test_filters_by_law_and_audience(qa_assistant):
    a = qa_assistant.ask("휴일에 일하면 수당 더 받나요?", laws=["근로기준법"])
    assert a.citations and all(c.short == "근로기준법" for c in a.citations)
    admin = set(qa_assistant.frame.loc[qa_assistant.frame.audience == "counsellor", "doc_id"])
    got = qa_assistant.retrieve("고용노동부장관 권한의 위임", audience="public")
    assert not {h.doc_id for h in got.hits} & admin
    got = qa_assistant.retrieve("고용노동부장관 권한의 위임", audience="counsellor")
    assert {h.doc_id for h in got.hits} & admin


def test_bad_questions_are_korean_errors(qa_assistant):
    with pytest.raises(UserError, match="질문을 입력"):
        qa_assistant.ask("   ")
    with pytest.raises(UserError, match="너무 깁니다"):
        qa_assistant.ask("가" * (service.MAX_QUESTION + 1))


def test_confidence_is_a_probability_and_the_threshold_is_calibrated():
    cal = abstain.calibration()
    assert 0 < abstain.THRESHOLD < 1 and cal["features"] == list(abstain.FEATURES) and cal["n"] >= 100


def _cli(*args: str, data_dir) -> subprocess.CompletedProcess:  # noqa: ANN001
    env = {**os.environ, "GOYONG_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "models.qa", *args],
        cwd=config.PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_command_line_prints_the_answer_as_json(qa_data_dir):
    out = _cli("ask", "주 15시간 미만 알바도 주휴수당 받나요?", "--json", data_dir=qa_data_dir)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert set(got) >= {"answer", "citations", "abstained"} and got["abstained"] is False
    assert {"law", "short", "article"} <= set(got["citations"][0])
    assert any(c["short"] == "근로기준법" and c["article"] == "제18조" for c in got["citations"])
    out = _cli("ask", "오늘 로또 번호 알려줘", "--json", "--audience", "public", data_dir=qa_data_dir)
    assert json.loads(out.stdout)["abstained"] is True and json.loads(out.stdout)["citations"] == []
    out = _cli("ask", "질문", "--law", "없는법", data_dir=qa_data_dir)
    assert out.returncode == 2 and "알 수 없는 법령" in out.stderr and "Traceback" not in out.stderr
