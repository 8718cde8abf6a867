"""CLI for the whole suite: python -m models train --if-missing [--data-dir data]

Trains every registered model and scorer (`models.common.registry.TRAINED`) that is missing, as `make run`
does; each service's own CLI (`python -m models.employability train …`) trains one with options.
A missing or busy warehouse is a Korean message and exit status 2 (`data_catalog.errors.run_cli`).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from data_catalog.errors import KoArgumentParser, run_cli
from models.common import registry


def _main(argv: Sequence[str] | None = None) -> None:
    ap = KoArgumentParser(prog="python -m models", description="등록된 모든 모델 학습 (train every registered model)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="모델 학습 (train)")
    t.add_argument("--data-dir", default=None, help="자료 폴더 (data folder)")
    t.add_argument("--if-missing", action="store_true", help="train only the models that are not registered yet")
    a = ap.parse_args(argv)
    for kind in registry.TRAINED:
        train = importlib.import_module(f"{kind.package}.train")
        if a.if_missing:
            print(f"{kind.title_ko} 모델: {train.ensure(a.data_dir)}")
        else:
            info = train.run(a.data_dir)
            print(f"{kind.title_ko} 모델: {info['registry']}")


def main(argv: Sequence[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
