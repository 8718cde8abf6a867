"""Optional backend: any OpenAI-compatible chat endpoint (the ministry's Gemma, Ollama, vLLM, a llama.cpp server).

Configured by `config.llm_settings()` (environment or `.streamlit/secrets.toml`); nothing is contacted when it is
not configured. The model gets the structured conditions and the section names and must answer with JSON
({"title": …, "sections": {section: text}}); the answer then goes through the same validation as the offline
writer (`validate.py`), and any failure — no endpoint, a timeout, not JSON, a missing section, a changed wage,
a checker flag — falls back to the offline writer with a notice saying why.
"""

from __future__ import annotations

import json
import re
from typing import Protocol

from data_catalog.spec import CONTRACTS, EDUCATION_REQ, SHIFTS
from models.posting_writer.request import APPLY_METHODS, SECTIONS, Request, Written, wage_text

NAME = "llm"

SYSTEM_KO = (
    "당신은 고용24 구인공고 작성 도우미입니다. 주어진 조건만 사용해 한국어 구인공고를 씁니다. "
    "나이, 성별, 외모, 키, 체중, 사진, 출신 지역, 혼인 여부, 재산, 가족의 학력·직업·재산을 요구하거나 "
    "언급하지 마세요. 임금과 근로시간은 주어진 값 그대로 쓰세요. "
    'JSON 하나로만 답하세요: {"title": "...", "sections": {"항목 이름": "내용", ...}}'
)


class ChatClient(Protocol):
    """The one call the writer makes (an `openai.OpenAI` client has it; tests pass a fake)."""

    def complete(self, system: str, user: str) -> str: ...


class OpenAIChat:
    """`ChatClient` over the `openai` package, for any OpenAI-compatible base URL."""

    def __init__(
        self, base_url: str, model: str, api_key: str = "not-needed", timeout: float = 60, json_mode: bool = True
    ) -> None:
        from openai import OpenAI  # noqa: PLC0415 - imported only when an endpoint is configured

        self.model, self.json_mode = model, json_mode
        self.client = OpenAI(base_url=base_url, api_key=api_key, timeout=timeout, max_retries=0)

    def complete(self, system: str, user: str) -> str:
        r = self.client.chat.completions.create(
            model=self.model,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
            temperature=0.4,
            max_tokens=1200,
            # JSON mode (vLLM, Ollama and llama.cpp constrain the output to JSON); `json_mode: false` in the settings
            # for a server that refuses the parameter
            **({"response_format": {"type": "json_object"}} if self.json_mode else {}),
        )
        return r.choices[0].message.content or ""


def prompt(req: Request) -> str:
    """The conditions as the model reads them, and the sections it must write."""
    facts = {
        "직종": req.occupation_ko,
        "직무 설명(직업 사전)": req.duties_ko,
        "관련 기술": list(req.skills),
        "근무지": f"{req.sido_ko} {req.sigungu_ko}".strip(),
        "모집 인원": f"{req.openings}명",
        "고용형태": CONTRACTS.ko(req.contract_type),
        "근무형태": SHIFTS.ko(req.shift),
        "임금": wage_text(req),
        "주 근로시간": f"주 {req.weekly_hours:g}시간, 주 {req.days_per_week}일",
        "학력 요건": EDUCATION_REQ.ko(req.education_req),
        "경력 요건": "경력 무관" if req.career_req_years == 0 else f"{req.career_req_years}년 이상",
        "수습": f"{req.probation_months}개월(급여 100%)" if req.probation_months else "없음",
        "복리후생": list(req.benefits),
        "추가 업무 설명": list(req.duty_notes),
        "우대 사항": list(req.preferred_notes),
        "접수 기간": f"{req.posted_date:%Y-%m-%d} ~ {req.closing_date:%Y-%m-%d}" if req.closing_date else "",
        "접수 방법": APPLY_METHODS.get(req.apply_method, ""),
        "문의": req.contact,
    }
    return (
        "다음 조건으로 구인공고를 쓰세요.\n"
        + json.dumps(facts, ensure_ascii=False, indent=1)
        + "\nsections의 항목 이름은 정확히 다음 8개입니다: "
        + ", ".join(SECTIONS)
    )


class LLMError(RuntimeError):
    """Why an LLM answer was not used (Korean, shown in the fallback notice)."""


def parse(text: str) -> tuple[str, dict[str, str]]:
    """The JSON answer (code fences and chatter around it allowed) → (title, sections)."""
    m = re.search(r"\{.*\}", text, re.S)
    if not m:
        raise LLMError("응답이 JSON 형식이 아닙니다")
    try:
        data = json.loads(m.group(0))
    except json.JSONDecodeError as exc:
        raise LLMError(f"응답 JSON을 읽을 수 없습니다({exc.msg})") from None
    sections = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(sections, dict):
        raise LLMError("응답에 sections 항목이 없습니다")
    out = {}
    for k, v in sections.items():
        if isinstance(v, list):
            v = "\n".join(f"- {x}" for x in v)
        out[str(k).strip()] = str(v)
    return str(data.get("title") or ""), out


def write(req: Request, client: ChatClient) -> Written:
    """One posting from the endpoint (raises `LLMError` or the client's error; the service falls back)."""
    title, sections = parse(client.complete(SYSTEM_KO, prompt(req)))
    return Written(title=title, sections={s: sections.get(s, "") for s in SECTIONS}, backend=NAME)
