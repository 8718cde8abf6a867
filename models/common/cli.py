"""The `python -m models.<service> train [--data-dir] [--if-missing]` command every simple service shares.

A missing or busy warehouse, or a bad argument, is a Korean message and exit status 2 (`data_catalog.errors.run_cli`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from data_catalog.errors import KoArgumentParser, run_cli


def train_command(
    prog: str, description: str, ensure: Callable[[str | None], str], train: Callable[[str | None], list[str]]
) -> Callable[[Sequence[str] | None], None]:
    """A `main(argv)` that trains (printing the Korean summary lines `train` returns) or, with --if-missing, ensures."""

    def _main(argv: Sequence[str] | None = None) -> None:
        ap = KoArgumentParser(prog=prog, description=description)
        sub = ap.add_subparsers(dest="cmd", required=True)
        t = sub.add_parser("train", help="모델 학습 (train)")
        t.add_argument("--data-dir", default=None, help="자료 폴더 (data folder)")
        t.add_argument(
            "--if-missing", action="store_true", help="등록된 모델이 없을 때만 학습 (train only when missing)"
        )
        a = ap.parse_args(argv)
        if a.if_missing:
            print(ensure(a.data_dir))
            return
        for line in train(a.data_dir):
            print(line)

    def main(argv: Sequence[str] | None = None) -> None:
        run_cli(_main, argv)

    return main
