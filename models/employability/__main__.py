"""CLI: python -m models.employability train [--data-dir data] [--if-missing]
[--train-file x.parquet --label-col y --column-map m.json]"""

from __future__ import annotations

import argparse
import json
import time

from models.employability.train import ensure, run


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m models.employability", description="취업확률 모델 학습 (train the employability model)"
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--data-dir", default=None)
    t.add_argument("--train-file", help="Parquet/CSV in the seeker schema with a label column (real data)")
    t.add_argument("--label-col", default="employed_6m")
    t.add_argument("--column-map", help="JSON {source_column: schema_column}")
    t.add_argument("--if-missing", action="store_true", help="train only when no model is registered")
    a = ap.parse_args(argv)
    if a.if_missing:
        print(f"취업확률 모델: {ensure(a.data_dir)}")
        return
    t0 = time.perf_counter()
    info = run(a.data_dir, a.train_file, a.label_col, a.column_map)
    print(json.dumps(info, ensure_ascii=False, indent=1))
    print(f"완료 ({time.perf_counter() - t0:.1f}초)")


if __name__ == "__main__":
    main()
