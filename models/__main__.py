"""CLI for the whole suite: python -m models train --if-missing [--data-dir data]

Trains every registered model (`models.common.registry.KINDS`) that is missing, as `make run`
does; each service's own CLI (`python -m models.employability train …`) trains one with options.
"""

from __future__ import annotations

import argparse
import importlib

from models.common import registry


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m models", description="등록된 모든 모델 학습 (train every registered model)"
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--data-dir", default=None)
    t.add_argument("--if-missing", action="store_true", help="train only the models that are not registered yet")
    a = ap.parse_args(argv)
    for kind in registry.KINDS:
        train = importlib.import_module(f"{kind.package}.train")
        if a.if_missing:
            print(f"{kind.title_ko} 모델: {train.ensure(a.data_dir)}")
        else:
            info = train.run(a.data_dir)
            print(f"{kind.title_ko} 모델: {info['registry']}")


if __name__ == "__main__":
    main()
