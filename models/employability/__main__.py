"""CLI: train the employability model on the warehouse (default) or on a real extract.

    python -m models.employability train [--data-dir data] [--if-missing]
    python -m models.employability train --train-file 추출.csv --label-col 취업여부 --column-map map.json
        [--drop-bad-labels] [--numeric 열[=name]] [--categorical 열[=name]] [--bool 열[=name]]

Every mistake in the arguments, the file or the column map is a Korean message (English beside it)
and exit status 2, never a traceback (`data_catalog.errors.run_cli`). The column-map format is in
`models/employability/extract.py` and in `--help`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from data_catalog.errors import KoArgumentParser, UserError, run_cli
from models.employability.extract import cli_features
from models.employability.train import ensure, run

MAP_HELP = (
    'JSON(UTF-8) 열 대응. 단순형 {"파일의 열": "스키마 열", …} 또는 확장형 '
    '{"columns": {"파일의 열": "스키마 열"}, "features": {"실업급여 수급": {"name": "ui_claim", "type": "bool", '
    '"ko": "실업급여 수급"}, "소득대체율": {"name": "replacement_rate", "type": "numeric"}}}. '
    "특징의 type: numeric | categorical | bool; name: 영문 식별자(생략 시 자동); ko: 설명에 쓸 이름(생략 시 열 이름). "
    "(column map: plain {file_column: schema_column} or extended with extra features)"
)
EPILOG = (
    "필수 열: registered_date(구직 등록일), age(등록 시 나이; 없으면 birth_year), sido_code(거주 시도), "
    "desired_keco_code(희망 직업). 나머지 열이 없으면 그 특징은 '정보 없음'으로 둡니다. "
    "파일로 학습한 모델은 따로 등록되고, 앱은 계속 웨어하우스로 학습한 모델을 씁니다."
)


def _parser() -> KoArgumentParser:
    ap = KoArgumentParser(
        prog="python -m models.employability", description="취업확률 모델 학습 (train the employability model)"
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser(
        "train",
        help="모델 학습 (train)",
        description="취업확률 모델 학습: 웨어하우스(기본) 또는 실제 추출 파일 (warehouse or a real extract)",
        epilog=EPILOG,
    )
    t.add_argument("--data-dir", default=None, help="자료 폴더 (data folder)")
    t.add_argument("--if-missing", action="store_true", help="등록된 모델이 없을 때만 학습 (train only when missing)")
    t.add_argument(
        "--train-file", help="실제 추출 파일: CSV(UTF-8·CP949, 구분자 자동), Excel(.xlsx), Parquet (real extract)"
    )
    t.add_argument(
        "--label-col", default="employed_6m", help="6개월 내 취업 여부 열 (label column; 1/0, 예/아니오, 취업/미취업 …)"
    )
    t.add_argument("--column-map", help=MAP_HELP)
    t.add_argument(
        "--drop-bad-labels", action="store_true", help="읽을 수 없는 레이블 행을 빼고 학습 (drop unreadable labels)"
    )
    for flag, ko in (("--numeric", "숫자"), ("--categorical", "범주"), ("--bool", "예/아니오")):
        help_ko = f"파일의 열을 {ko} 특징으로 추가, 여러 번 가능 (extra feature)"
        t.add_argument(flag, action="append", default=[], metavar="열[=name]", help=help_ko)
    return ap


def _main(argv: Sequence[str] | None = None) -> None:
    a = _parser().parse_args(argv)
    file_only = {
        "--column-map": a.column_map,
        "--drop-bad-labels": a.drop_bad_labels,
        "--numeric": a.numeric,
        "--categorical": a.categorical,
        "--bool": a.bool,
    }
    if not a.train_file:
        given = [k for k, v in file_only.items() if v]
        if given:
            raise UserError(
                f"{', '.join(given)} 은(는) --train-file 과 함께만 쓸 수 있습니다.",
                f"{', '.join(given)} need --train-file",
            )
    elif a.if_missing:
        raise UserError(
            "--if-missing 은 웨어하우스 모델에만 씁니다. --train-file 과 함께 쓸 수 없습니다.",
            "--if-missing cannot be combined with --train-file",
        )
    if a.if_missing:
        print(f"취업확률 모델: {ensure(a.data_dir)}")
        return
    t0 = time.perf_counter()
    extra = cli_features(a.numeric, a.categorical, a.bool)
    info = run(a.data_dir, a.train_file, a.label_col, a.column_map, a.drop_bad_labels, extra)
    for line in info["summary_ko"]:
        print(line)
    print(f"완료 ({time.perf_counter() - t0:.1f}초)")


def main(argv: Sequence[str] | None = None) -> None:
    """The CLI; a user's mistake exits with status 2 and a Korean message."""
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
