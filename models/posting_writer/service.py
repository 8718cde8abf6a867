"""Write a posting: the conditions checked first, the notes screened, the backend called, the result validated.

`write` never returns a posting the checker flags. With the LLM backend selected but not configured, failing or
answering something invalid, the offline writer's posting is returned with a notice that says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import config
from models.posting_writer import llm, template, validate
from models.posting_writer.request import Request, Written

BACKENDS = {"template": "기본 작성기(오프라인)", "llm": "LLM 작성기(OpenAI 호환 서버)"}


@dataclass
class Result:
    written: Written | None
    errors: list[str] = field(default_factory=list)
    """Korean reasons no posting could be written for these conditions (the checker's reasons)."""


def client_from_config() -> llm.ChatClient | None:
    s = config.llm_settings()
    return llm.OpenAIChat(s["base_url"], s["model"], s["api_key"], s["timeout"], s["json_mode"]) if s else None


def write(req: Request, backend: str = "template", variant: int = 0, client: llm.ChatClient | None = None) -> Result:
    """A lawful posting for `req`, or the reasons the conditions themselves break a rule."""

    def offline(r: Request) -> Written:
        return template.write(r, variant)

    bare = offline(replace(req, duty_notes=(), preferred_notes=()))
    flags = validate.flags_of(req, bare)
    if flags:
        return Result(None, list(dict.fromkeys(f"{f.reason_ko} → {f.fix_ko}" for f in flags)))
    req, notices = validate.screen_notes(req, offline, base_flags=flags)  # the bare posting's flags: none
    out = offline(req)
    if validate.flags_of(req, out):  # notes lawful one by one can still break a rule together: keep none of them
        notices.append("메모를 함께 넣으면 법규 점검에 걸려 메모 없이 썼습니다. 메모를 나누어 고쳐 주세요.")
        req = replace(req, duty_notes=(), preferred_notes=())
        out = bare
    if backend == "llm":
        client = client or client_from_config()
        if client is None:
            notices.append(
                "LLM 서버가 설정되지 않아 기본 작성기로 썼습니다(.streamlit/secrets.toml의 [llm] base_url·model 또는 "
                "GOYONG_LLM_BASE_URL·GOYONG_LLM_MODEL)."
            )
        else:
            try:
                cand = llm.write(req, client)
                why = validate.structure_errors(cand) + validate.states_conditions(req, cand)
                why += [f.reason_ko for f in validate.flags_of(req, cand)]
                if why:
                    raise llm.LLMError("; ".join(why[:3]))
                out = cand
            except Exception as exc:  # noqa: BLE001 - any endpoint failure falls back, and the page says why
                reason = str(exc) if isinstance(exc, llm.LLMError) else f"서버 응답 오류({type(exc).__name__})"
                notices.append(f"LLM 작성 결과를 쓰지 못해 기본 작성기로 썼습니다: {reason}")
    out.notices = notices
    return Result(out)


def recheck(req: Request, edited: Written) -> list[str]:
    """An edited posting before it is saved: structure and checker, as Korean reasons (empty: it may be saved)."""
    errs = validate.structure_errors(edited)
    errs += [f"{f.reason_ko} → {f.fix_ko}" for f in validate.flags_of(req, edited)]
    return list(dict.fromkeys(errs))
