"""Korean, English and variant headers become schema names; what is missing gets a column-map hint."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from data_catalog.files import read_table
from data_catalog.headers import column_map_json, header_key, match_header, recognise_headers
from data_catalog.schemas import validate_frame
from data_catalog.spec import TABLES

FIRM = {
    "firm_id": "1",
    "firm_name": "(주)한빛정밀",
    "sigungu_code": "11010",
    "sido_code": "11",
    "ksic_section": "C",
    "ksic_division": "25",
    "size_band": "5-29",
    "employees": "12",
    "founded_year": "2001",
}


@pytest.mark.parametrize(
    "header",
    ["공고 ID", "공고ID", "공고 아이디", "구인공고 ID", "posting id", "Posting_ID", "POSTING-ID", "posting_id ",
     "공고번호(posting_id)", "Posting id (공고 ID)"],
)  # fmt: skip
def test_variants_of_one_header_are_recognised(header):
    assert match_header(header, "postings") == "posting_id"


def test_labels_of_every_column_of_every_table_are_recognised():
    for name, spec in TABLES.items():
        for c in spec.columns:
            for header in (c.ko, c.en, c.name.upper(), c.name.replace("_", " ")):
                assert match_header(header, name) == c.name, (name, header)


def test_no_match_and_ambiguous_headers_are_left_alone():
    assert match_header("비고", "postings") is None
    assert match_header("사업체 ID(posting_id)", "postings") is None  # the two parts name different columns
    assert match_header("KSIC", "firms") is None  # both KSIC columns of firms carry it
    assert header_key(" Posting_ID ") == header_key("posting id") == "postingid"


def test_korean_headers_of_a_real_file_validate_after_recognition():
    spec = TABLES["firms"]
    ko = {c.name: c.ko for c in spec.columns}
    text = ",".join(ko.values()) + "\n" + ",".join(FIRM.values()) + "\n\n" + ",".join({**FIRM, "firm_id": "2"}.values())
    df, _ = read_table(text.encode("cp949"), "사업체.csv")
    m = recognise_headers(df, "firms")
    assert m.ok and m.renamed == {v: k for k, v in ko.items()} and m.messages_ko == []
    assert list(m.frame.columns) == [c.name for c in spec.columns]
    assert m.frame.index.tolist() == df.index.tolist() == [0, 2]  # the row labels travel with the rename
    res = validate_frame(m.frame, "firms")
    assert res.ok and res.valid_row_numbers.tolist() == [2, 4]


def test_english_and_mixed_headers():
    df = pd.DataFrame([FIRM]).rename(columns={"firm_id": "Firm id", "employees": "EMPLOYEES", "sido_code": "시도 코드"})
    m = recognise_headers(df, "firms")
    assert m.renamed == {"Firm id": "firm_id", "EMPLOYEES": "employees", "시도 코드": "sido_code"}
    assert m.ok and validate_frame(m.frame, "firms").ok


def test_missing_required_column_gets_a_hint_with_the_closest_header():
    df = pd.DataFrame([{**FIRM, "사업장번호": "1"}]).drop(columns=["firm_id"])
    m = recognise_headers(df, "firms")
    assert m.missing == ["firm_id"] and m.suggestions == {"사업장번호": "firm_id"} and not m.ok
    assert m.messages_ko == [
        "필수 열 '사업체 ID'(firm_id)이(가) 없습니다. "
        '파일의 \'사업장번호\' 열이 이것이라면 열 대응에 "사업장번호": "firm_id"를 추가해 주세요.'
    ]
    assert "firm_id" not in m.frame.columns  # a suggestion is never applied by itself


def test_missing_column_without_a_plausible_header():
    df = pd.DataFrame([{**FIRM, "비고": "메모"}]).drop(columns=["founded_year"])
    m = recognise_headers(df, "firms")
    assert m.missing == ["founded_year"] and m.suggestions == {} and m.unmatched == ["비고"]
    (msg,) = m.messages_ko
    assert "'설립연도'(founded_year)" in msg and '"<파일의 열 이름>": "founded_year"' in msg


def test_two_headers_for_one_column_clash_and_neither_is_renamed():
    df = pd.DataFrame([{**FIRM, "사업체 ID": "1", "Firm id": "2"}]).drop(columns=["firm_id"])
    m = recognise_headers(df, "firms")
    assert m.clashes == {"firm_id": ["사업체 ID", "Firm id"]} and "firm_id" not in m.renamed
    assert m.missing == ["firm_id"] and not m.ok
    assert list(m.frame.columns).count("firm_id") == 0 and len(m.frame.columns) == len(set(m.frame.columns))
    (msg,) = m.messages_ko  # the clash, not also a 'missing' line
    assert "'사업체 ID', 'Firm id'" in msg and "어느 것도 이름을 바꾸지 않았습니다" in msg


def test_the_schema_name_wins_over_a_label_for_the_same_column():
    df = pd.DataFrame([{**FIRM, "사업체 ID": "999"}])
    m = recognise_headers(df, "firms")
    assert m.clashes == {"firm_id": ["firm_id", "사업체 ID"]} and m.renamed == {}
    assert m.frame["firm_id"].tolist() == ["1"] and m.missing == []
    assert "'firm_id' 열을 쓰고 '사업체 ID' 열은" in m.messages_ko[0]


def test_column_map_json_is_a_map_the_importer_reads():
    df = pd.DataFrame([{**FIRM, "사업장번호": "1"}]).drop(columns=["firm_id"]).rename(columns={"firm_name": "사업체명"})
    m = recognise_headers(df, "firms")
    text = column_map_json(m)
    assert "사업장번호" in text  # Korean kept readable, not \\uXXXX
    mapping = json.loads(text)
    assert mapping == {"사업체명": "firm_name", "사업장번호": "firm_id"}
    assert validate_frame(df.rename(columns=mapping), "firms").ok
