"""CLI of the counselling Q&A.

python -m models.qa index [--data-dir data]                 build the index (embeds only what is new)
python -m models.qa ask "질문" [--json] [--audience public] [--law 근로기준법] [--llm]
python -m models.qa evaluate --questions tests/models/qa/questions.csv [--split test]
python -m models.qa calibrate --questions tests/models/qa/questions.csv   (fits on the dev split)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import config
from data_catalog.errors import KoArgumentParser, UserError, run_cli
from data_catalog.spec import QA_AUDIENCES


def _questions(path: str) -> Path:
    p = Path(path)
    if not p.is_file():
        raise UserError(f"질문 파일을 찾을 수 없습니다: {path}")
    return p


def _main(argv: Sequence[str] | None = None) -> None:
    ap = KoArgumentParser(prog="python -m models.qa", description="상담 지식 Q&A (counselling knowledge Q&A)")
    ap.add_argument("--data-dir", default=None, help="자료 폴더 (data folder)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    ix = sub.add_parser("index", help="색인 구축: 바뀐 조각만 임베딩 (build the index)")
    ix.add_argument("--background", action="store_true", help="별도 프로세스로 만들고 바로 돌아옴 (make run)")
    a = sub.add_parser("ask", help="질문 하나에 답하기 (answer one question)")
    a.add_argument("question")
    a.add_argument("--json", action="store_true", help="JSON으로 출력")
    a.add_argument("--audience", choices=list(QA_AUDIENCES), default="counsellor", help="대상 (public: 챗봇)")
    a.add_argument("--law", action="append", default=None, help="법령 약칭으로 제한 (여러 번 가능)")
    a.add_argument("--llm", action="store_true", help="설정된 LLM으로 문장 작성 (인용 검증 후)")
    for name in ("evaluate", "calibrate"):
        e = sub.add_parser(name, help="질문 세트로 평가" if name == "evaluate" else "기권 기준 보정 (dev)")
        e.add_argument("--questions", required=True, help="질문 CSV (tests/models/qa/questions.csv)")
        if name == "evaluate":
            e.add_argument("--split", choices=["dev", "test", "all"], default="test")
    args = ap.parse_args(argv)

    if args.cmd == "index":
        from models.qa import index  # noqa: PLC0415 - heavy imports only for the command that needs them

        if args.background:
            print(index.start_background(args.data_dir))
            return
        try:
            b = index.build(data_dir=args.data_dir)
        except Exception:
            index.write_progress(config.qa_dir(args.data_dir), "failed", 0, 0, "")
            raise
        if b.unchanged:
            print(f"상담 지식 색인이 최신입니다 (조각 {b.chunks:,}개, 버전 {b.version}).")
        else:
            done = ", ".join(f"{k} {v:,}개" for k, v in b.embedded.items())
            print(f"상담 지식 색인을 만들었습니다: 조각 {b.chunks:,}개, 새로 임베딩 {done}, {b.seconds:.0f}초.")
        return

    from models.qa import abstain, evaluate, service  # noqa: PLC0415

    if args.cmd == "ask":
        laws = args.law
        assistant = service.Assistant.load(args.data_dir)
        unknown = [x for x in laws or [] if x not in assistant.laws]
        if unknown:
            raise UserError(
                f"알 수 없는 법령입니다: {', '.join(unknown)}. 사용할 수 있는 값: {', '.join(assistant.laws)}"
            )
        ans = assistant.ask(args.question, laws, args.audience, "llm" if args.llm else "extractive")
        if args.json:
            print(json.dumps(ans.to_json(), ensure_ascii=False, indent=1))
        else:
            print(ans.text)
            for c in ans.citations:
                print(f"- {c.label()} (시행 {c.in_force_from})")
        return

    qs = evaluate.load_questions(_questions(args.questions))
    assistant = service.Assistant.load(args.data_dir, all_signals=args.cmd == "evaluate")
    if args.cmd == "calibrate":
        cal = abstain.calibrate(assistant, qs[qs["split"] == "dev"])
        abstain.CALIBRATION.write_text(json.dumps(cal, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"기권 기준을 보정했습니다 (dev {cal['n']}문항): 기준 {cal['threshold']:.3f}, F1 {cal['dev_f1']:.3f}")
        return
    part = qs if args.split == "all" else qs[qs["split"] == args.split]
    print(evaluate.retrieval_table(assistant.searcher, part, progress=True).to_string(index=False))
    answers = [assistant.ask(q, audience=a) for q, a in zip(part["question"], part["audience"], strict=True)]
    for k, v in evaluate.answer_scores(answers, part).items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")


def main(argv: Sequence[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
