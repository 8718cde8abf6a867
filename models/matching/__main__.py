"""CLI: train matching (embedder, vectors, re-ranker) on the warehouse.

    python -m models.matching train [--data-dir data] [--if-missing]

A missing or busy warehouse is a Korean message and exit status 2 (`data_catalog.errors.run_cli`).
"""

from __future__ import annotations

from collections.abc import Sequence

from data_catalog.errors import KoArgumentParser, run_cli
from models.matching.train import ensure, run, summary_ko


def _main(argv: Sequence[str] | None = None) -> None:
    ap = KoArgumentParser(prog="python -m models.matching", description="일자리 매칭 모델 학습 (train matching)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="모델 학습 (train)")
    t.add_argument("--data-dir", default=None, help="자료 폴더 (data folder)")
    t.add_argument("--if-missing", action="store_true", help="등록된 모델이 없을 때만 학습 (train only when missing)")
    a = ap.parse_args(argv)
    if a.if_missing:
        print(ensure(a.data_dir))
        return
    for line in summary_ko(run(a.data_dir)):
        print(line)


def main(argv: Sequence[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
