"""The LLM backend at its client boundary: a valid answer is used; anything invalid falls back with a notice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openai import APIConnectionError

from models.posting_writer import llm, service, template
from models.posting_writer.request import SECTIONS
from tests.models.posting_writer.test_writer import _req


class FakeChat:
    def __init__(self, answer=None, error: Exception | None = None) -> None:
        self.answer, self.error, self.calls = answer, error, []

    def complete(self, system: str, user: str) -> str:
        self.calls.append((system, user))
        if self.error:
            raise self.error
        return self.answer


def _good_answer(req) -> str:
    w = template.write(req, variant=3)
    sections = {**w.sections, "담당 업무": "- " + req.duties_ko + "\n- 현장 정리와 안전 점검"}
    return (
        "다음은 공고입니다.\n```json\n"
        + json.dumps({"title": "LLM " + w.title, "sections": sections}, ensure_ascii=False)
        + "\n```"
    )


def test_a_valid_answer_is_used_and_the_prompt_carries_the_conditions(small_con):
    req = _req(small_con)
    fake = FakeChat(_good_answer(req))
    r = service.write(req, "llm", client=fake)
    assert r.written.backend == "llm" and r.written.title.startswith("LLM ") and r.written.notices == []
    system, user = fake.calls[0]
    assert "나이, 성별" in system and f"{req.wage_amount // 10_000:,}만원" in user
    assert all(s in user for s in SECTIONS)


@pytest.mark.parametrize(
    "mutate, why",
    [
        (lambda a: "죄송합니다. 답할 수 없습니다.", "JSON"),
        (lambda a: a.replace('"접수 방법"', '"기타"'), "접수 방법"),
        (lambda a: a.replace("만원", "만 원 협의"), "임금"),
        (lambda a: a.replace("현장 정리와 안전 점검", "현장 정리와 안전 점검(20대 남성 우대)"), "성"),
    ],
)
def test_an_invalid_answer_falls_back_to_the_offline_writer_with_the_reason(small_con, mutate, why):
    req = _req(small_con)
    r = service.write(req, "llm", client=FakeChat(mutate(_good_answer(req))))
    assert r.written.backend == "template"
    assert any("기본 작성기로" in n and why in n for n in r.written.notices), r.written.notices


def test_an_endpoint_failure_or_no_endpoint_falls_back_visibly(small_con, monkeypatch):
    req = _req(small_con)
    r = service.write(req, "llm", client=FakeChat(error=TimeoutError("timed out")))
    assert r.written.backend == "template" and any("TimeoutError" in n for n in r.written.notices)
    for env in ("GOYONG_LLM_BASE_URL", "GOYONG_LLM_MODEL"):
        monkeypatch.delenv(env, raising=False)
    monkeypatch.setattr("config.secrets_file", lambda: Path("/nonexistent/secrets.toml"))
    r = service.write(req, "llm")
    assert r.written.backend == "template" and any("설정되지 않아" in n for n in r.written.notices)


def test_the_openai_client_is_built_from_the_configuration(monkeypatch):
    monkeypatch.setenv("GOYONG_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("GOYONG_LLM_MODEL", "gemma3")
    c = service.client_from_config()
    assert isinstance(c, llm.OpenAIChat) and c.model == "gemma3" and str(c.client.base_url).startswith("http://127")
    with pytest.raises(APIConnectionError):  # nothing listens there: the service turns it into the fallback notice
        c.complete("s", "u")
