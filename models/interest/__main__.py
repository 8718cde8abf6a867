"""CLI: python -m models.interest calibrate [--n 5000] [--seed 20261125] [--out file.csv]"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from data_catalog.errors import KoArgumentParser, run_cli
from models.interest.bank import params_file
from models.interest.calibrate import calibrate


def _main(argv: list[str] | None = None) -> None:
    ap = KoArgumentParser(prog="python -m models.interest", description="흥미검사 문항 모수 추정 (GRM calibration)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("calibrate")
    c.add_argument("--n", type=int, default=5000)
    c.add_argument("--seed", type=int, default=20261125)
    c.add_argument("--out", default=None, help="default: the shipped parameter file")
    args = ap.parse_args(argv)
    df = calibrate(args.n, args.seed)
    out = Path(args.out) if args.out else params_file()
    out.write_text(df.to_csv(index=False), encoding="utf-8")
    rec_a = np.corrcoef(df["a"], df["a_generating"])[0, 1]
    rec_b = np.corrcoef(
        df[["b1", "b2", "b3", "b4"]].to_numpy().ravel(),
        df[["b1_generating", "b2_generating", "b3_generating", "b4_generating"]].to_numpy().ravel(),
    )[0, 1]
    print(f"{len(df)}개 문항 모수 저장: {out} (회복 상관: a {rec_a:.3f}, b {rec_b:.3f})")


def main(argv: list[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
