"""The training CLI: a real extract trains from the command line; every mistake is Korean, exit 2, no traceback."""

from __future__ import annotations

import json

import pytest

import models.__main__ as suite_cli
from models.common import registry
from models.employability.__main__ import main
from tests.models.employability.extracts import KO_COLUMNS, LABEL, extended_map, make_extract, plain_map


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    d = tmp_path_factory.mktemp("extract")
    df, _y = make_extract(400, seed=20)
    df.to_csv(d / "추출.csv", index=False, encoding="cp949")
    return d, df


def _fails(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "\n오류: " in "\n" + err and "Traceback" not in err  # a Korean line, English beside it
    assert "(error: " in err or "(argument error: " in err
    return err


def _train(d, *extra: str) -> list[str]:
    return ["train", "--data-dir", str(d / "data"), "--train-file", str(d / "추출.csv"), "--label-col", LABEL, *extra]


def test_training_from_a_file_prints_where_the_model_went_and_what_the_app_serves(extract, capsys):
    d, _df = extract
    main(_train(d, "--column-map", str(extended_map(d / "ext.json"))))
    out = capsys.readouterr().out
    path = registry.latest("employability", d / "data", source="file")
    assert f"모델을 저장했습니다: {path}" in out
    assert "앱과 일괄 점수는 계속 웨어하우스로 학습한 모델(아직 없음)을 씁니다" in out
    assert "추가 특징: 소득대체율(replacement_rate" in out and "CP949" in out
    assert registry.latest("employability", d / "data") is None  # nothing served for the warehouse


def test_command_line_feature_flags_train(extract, capsys):
    d, _df = extract
    cmap = str(plain_map(d / "plain.json"))
    main(_train(d, "--column-map", cmap, "--numeric", "소득대체율", "--bool", "실업급여 수급"))
    out = capsys.readouterr().out
    assert "추가 특징: 소득대체율(extra_1, 숫자" in out and "실업급여 수급(extra_2, 예/아니오" in out


def test_a_map_key_not_in_the_file_is_named(extract, capsys):
    d, _df = extract
    (d / "m.json").write_text(json.dumps({"등록일자": "registered_date"}), encoding="utf-8")
    err = _fails(_train(d, "--column-map", str(d / "m.json")), capsys)
    assert "열 대응의 '등록일자' 열이 파일에 없습니다" in err and "'구직등록일'" in err


def test_a_map_written_the_wrong_way_round_is_named(extract, capsys):
    d, _df = extract
    backwards = {k: v for k, v in KO_COLUMNS.items()}  # schema name → file column
    (d / "m.json").write_text(json.dumps(backwards, ensure_ascii=False), encoding="utf-8")
    err = _fails(_train(d, "--column-map", str(d / "m.json")), capsys)
    assert "거꾸로" in err and '"구직등록일": "registered_date"' in err


def test_a_missing_map_file_is_named(extract, capsys):
    d, _df = extract
    err = _fails(_train(d, "--column-map", str(d / "없는.json")), capsys)
    assert "열 대응 파일이 없습니다" in err


def test_a_cp949_map_file_is_named(extract, capsys):
    d, _df = extract
    (d / "m.json").write_bytes(json.dumps({"구직등록일": "registered_date"}, ensure_ascii=False).encode("cp949"))
    err = _fails(_train(d, "--column-map", str(d / "m.json")), capsys)
    assert "UTF-8 JSON이 아닙니다" in err and "CP949" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('["구직등록일", "registered_date"]', "JSON 객체여야 합니다"),
        ('{"구직등록일": "registered_date",}', "올바른 JSON이 아닙니다(1행"),
        ('{"구직등록일": 3}', "스키마 열 이름(문자열)이어야"),
        ('{"구직등록일": "registerd_date"}', "'registerd_date'은(는) 구직자 자료의 열 이름이 아닙니다"),
        ('{"columns": {}, "features": {"소득대체율": {"type": "ratio"}}}', "형(type) 'ratio'을(를) 알 수 없습니다"),
        ('{"columns": {}, "features": {"없는 열": "numeric"}}', "열 대응(features)의 '없는 열' 열이 파일에 없습니다"),
        ('{"columns": {}, "features": {"성별": "categorical"}}', "민감 속성(성별)이라 특징으로 쓸 수 없습니다"),
        ('{"columns": {"성별": "gender"}, "features": {"성별": "categorical"}}', "민감 속성(성별)"),
        ('{"columns": {}, "features": {"취업여부": "bool"}}', "레이블 열 '취업여부'은(는) 특징으로 쓸 수 없습니다"),
        ('{"columns": {}, "features": {"소득대체율": {"name": "소득"}}}', "형(type) ''을(를) 알 수 없습니다"),
        ('{"columns": {}, "features": {"소득대체율": {"type": "numeric", "name": "age"}}}', "이미 쓰이고 있습니다"),
    ],
)
def test_the_maps_own_mistakes_are_named(extract, capsys, text, expected):
    d, _df = extract
    (d / "m.json").write_text(text, encoding="utf-8")
    err = _fails(_train(d, "--column-map", str(d / "m.json")), capsys)
    assert expected in err


def test_a_missing_required_column_says_to_add_a_map_entry(extract, capsys):
    d, _df = extract
    m = {v: k for k, v in KO_COLUMNS.items() if k != "desired_keco_code"}
    (d / "m.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    err = _fails(_train(d, "--column-map", str(d / "m.json")), capsys)
    assert "필수 열이 없습니다: '희망 직업'(desired_keco_code)" in err and "--column-map" in err
    assert "missing required columns: desired_keco_code" in err


def test_unreadable_labels_and_files_and_arguments_are_messages(extract, capsys, tmp_path):
    d, df = extract
    bad = df.copy()
    bad.loc[:9, LABEL] = "모름"
    bad.to_csv(tmp_path / "bad.csv", index=False)
    cmap = str(plain_map(d / "plain.json"))
    base = ["train", "--data-dir", str(tmp_path), "--label-col", LABEL, "--column-map", cmap]
    err = _fails([*base, "--train-file", str(tmp_path / "bad.csv")], capsys)
    assert "'모름' 10건" in err and "--drop-bad-labels" in err
    main([*base, "--train-file", str(tmp_path / "bad.csv"), "--drop-bad-labels"])
    assert "레이블을 읽을 수 없어 뺀 행: 10" in capsys.readouterr().out
    assert "학습 파일이 없습니다" in _fails([*base, "--train-file", str(tmp_path / "없음.csv")], capsys)
    (tmp_path / "x.txt").write_bytes(b"\xff\xfe\x00garbage\x81")
    assert "'x.txt'" in _fails([*base, "--train-file", str(tmp_path / "x.txt")], capsys)
    assert "레이블 열 'y'" in _fails(
        ["train", "--data-dir", str(tmp_path), "--train-file", str(d / "추출.csv"), "--label-col", "y"], capsys
    )
    assert "--train-file 과 함께만" in _fails(["train", "--numeric", "소득대체율"], capsys)
    assert "명령줄 인자가 올바르지 않습니다" in _fails(["train", "--no-such-flag"], capsys)


def test_a_missing_warehouse_is_a_message_in_both_clis(tmp_path, capsys):
    assert "웨어하우스가 없습니다" in _fails(["train", "--data-dir", str(tmp_path)], capsys)
    with pytest.raises(SystemExit) as exc:
        suite_cli.main(["train", "--if-missing", "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "웨어하우스가 없습니다" in err and "Traceback" not in err
