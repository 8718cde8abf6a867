"""Reading real extracts: Korean encodings, delimiters, quotes, Excel, blank rows, empty and foreign files."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from data_catalog.files import ImportFileError, read_any, read_table, sniff_delimiter
from data_catalog.schemas import parse_dates

KOREAN = '공고 ID,사업체명,제시 임금\n1,(주)한빛정밀,"2,500,000"\n2,대한용접,2300000\n'


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8"), ("cp949", "CP949"), ("euc-kr", "CP949"), ("utf-16", "UTF-16")],
)
def test_korean_headers_in_every_common_encoding(encoding, expected):
    df, info = read_table(KOREAN.encode(encoding), "extract.csv")
    assert list(df.columns) == ["공고 ID", "사업체명", "제시 임금"]  # a BOM never sticks to the first header
    assert df["사업체명"].tolist() == ["(주)한빛정밀", "대한용접"]
    assert df["제시 임금"].tolist() == ["2,500,000", "2300000"]
    assert (info.kind, info.encoding, info.delimiter) == ("csv", expected, ",")
    assert expected in info.describe_ko()


def test_cp949_only_characters_read():
    # '똠' is in CP949 but not in EUC-KR: the superset decodes both
    df = read_any("firm_id,firm_name\n1,똠방각하\n".encode("cp949"), "x.csv")
    assert df["firm_name"].tolist() == ["똠방각하"]


@pytest.mark.parametrize(
    ("sep", "suffix"), [(",", ".csv"), (";", ".csv"), ("\t", ".tsv"), ("\t", ".txt"), ("|", ".csv")]
)
def test_delimiters_are_recognised(sep, suffix):
    text = sep.join(["seeker_id", "이름", "희망 월임금"]) + "\n" + sep.join(["7", "김하늘", "2100000"]) + "\n"
    df, info = read_table(text.encode(), "seekers" + suffix)
    assert info.delimiter == sep
    assert df.to_dict("records") == [{"seeker_id": "7", "이름": "김하늘", "희망 월임금": "2100000"}]


def test_the_other_delimiter_inside_quotes_does_not_confuse():
    comma = 'seeker_id,skills,resume_text\n1,"용접;CAD;지게차","성실합니다; 야간 가능"\n2,"엑셀","a;b"\n'
    df, info = read_table(comma.encode(), "x.csv")
    assert info.delimiter == "," and df["skills"].tolist() == ["용접;CAD;지게차", "엑셀"]
    semi = 'seeker_id;resume_text;wage\n1;"안녕하세요, 저는";"1,234,000"\n2;"네, 그렇습니다";"2,000,000"\n'
    df, info = read_table(semi.encode(), "x.csv")
    assert info.delimiter == ";" and df["wage"].tolist() == ["1,234,000", "2,000,000"]
    assert df["resume_text"][0] == "안녕하세요, 저는"


def test_quoted_field_with_a_line_break_is_one_cell():
    df = read_any('id,note\n1,"첫 줄\n둘째 줄"\n2,b\n'.encode(), "x.csv")
    assert df["note"].tolist() == ["첫 줄\n둘째 줄", "b"]


@pytest.mark.parametrize("text", ["id,name;x\n", "id,name;x\n1,a;b\n2,c;d\n"])
def test_first_line_mixing_delimiters_is_a_korean_error(text):
    with pytest.raises(ImportFileError, match="열 구분자를 정할 수 없습니다") as exc:
        read_any(text.encode(), "mixed.csv")
    assert "쉼표(,)" in exc.value.ko and "세미콜론(;)" in exc.value.ko


def test_ragged_rows_name_the_line():
    with pytest.raises(ImportFileError, match="3행에서 열 개수") as exc:
        read_any(b"id,name\n1,a\n2,b,c\n", "x.csv")
    assert exc.value.en.startswith("x.csv: CSV parse error")


def test_one_column_file_reads():
    assert sniff_delimiter("posting_id\n1\n2\n", "x.csv") == ","
    assert read_any(b"posting_id\n1\n2\n", "x.csv")["posting_id"].tolist() == ["1", "2"]


def test_blank_rows_are_dropped_but_rows_keep_their_file_number():
    text = "id,name,\n1,a,\n\n2,b,\n,,\n3,c,\n"  # trailing commas leave a nameless empty column
    df = read_any(text.encode(), "x.csv")
    assert list(df.columns) == ["id", "name"]
    assert (df.index + 2).tolist() == [2, 4, 6]  # file lines of '1,a', '2,b', '3,c' (header = 1)
    assert df["name"].tolist() == ["a", "b", "c"]


def _workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([" 공고 ID ", "공고일", "제시 임금", "비고"])
    ws.append([1, dt.datetime(2026, 11, 30), 1234000, "첫 행"])
    ws.append([None, None, None, None])  # a blank row 3 in the sheet
    ws.append([2, "2026.11.30.", "1,234,000", None])
    ws.append([3, dt.date(2026, 1, 5), 12.5, "셋째"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_written_with_openpyxl():
    raw = _workbook()
    df, info = read_table(raw, "공고.xlsx")
    assert info.kind == "excel" and info.describe_ko() == "Excel 통합문서"
    assert list(df.columns) == ["공고 ID", "공고일", "제시 임금", "비고"]  # header spaces trimmed
    assert (df.index + 2).tolist() == [2, 4, 5]  # the sheet's row numbers survive the blank row
    assert df["공고 ID"].tolist() == ["1", "2", "3"]
    assert df["제시 임금"].tolist() == ["1234000", "1,234,000", "12.5"]
    days = parse_dates(df["공고일"])  # Excel date cells arrive as '2026-11-30 00:00:00'
    assert days.tolist() == [pd.Timestamp("2026-11-30"), pd.Timestamp("2026-11-30"), pd.Timestamp("2026-01-05")]
    # a workbook saved with a .csv name is still read as the workbook it is
    assert read_table(raw, "공고.csv")[1].kind == "excel"


def test_parquet_saved_as_csv_is_read_as_parquet():
    buf = io.BytesIO()
    pd.DataFrame({"posting_id": [1, 2]}).to_parquet(buf)
    df, info = read_table(buf.getvalue(), "x.csv")
    assert info.kind == "parquet" and df["posting_id"].tolist() == [1, 2]


@pytest.mark.parametrize("raw", [b"", b"   \n\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_empty_csv_is_a_korean_error(raw):
    with pytest.raises(ImportFileError, match="빈 파일"):
        read_any(raw, "empty.csv")


def test_header_only_csv_is_an_empty_frame():
    df = read_any(b"posting_id,title\n", "x.csv")
    assert list(df.columns) == ["posting_id", "title"] and df.empty


def test_empty_workbook_is_a_korean_error():
    buf = io.BytesIO()
    openpyxl.Workbook().save(buf)
    with pytest.raises(ImportFileError, match="비어 있습니다"):
        read_any(buf.getvalue(), "empty.xlsx")


@pytest.mark.parametrize(
    ("raw", "name", "match"),
    [
        (bytes(range(256)) * 8, "random.csv", "텍스트\\(CSV\\) 파일이 아닙니다"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv", "텍스트\\(CSV\\) 파일이 아닙니다"),
        (b"id,name\n1,a\x00b\n", "nul.csv", "텍스트\\(CSV\\) 파일이 아닙니다"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "old.xls", "Excel 97-2003"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "old.csv", "Excel 97-2003"),
        (b"PK\x03\x04 not really a workbook", "broken.xlsx", "Excel 통합문서로 읽을 수 없습니다"),
        (b"id,name\n1,a\n", "plain.xlsx", "Excel 통합문서로 읽을 수 없습니다"),
        (b"not parquet", "x.parquet", "Parquet 파일로 읽을 수 없습니다"),
        (b"abc", "report.docx", "지원하지 않는 파일 형식"),
        ("이름,나이\n홍길동,30\n".encode("latin-1", "replace") + bytes([0xFF, 0xFE, 0xFD]) * 50, "x.csv", "인코딩"),
    ],
)
def test_files_that_are_neither_get_korean_errors(raw, name, match):
    with pytest.raises(ImportFileError, match=match) as exc:
        read_any(raw, name)
    assert exc.value.en  # the English beside it for the command line


def test_path_input_and_unreadable_path(tmp_path):
    f = tmp_path / "구인공고.csv"
    f.write_bytes(KOREAN.encode("cp949"))
    assert read_table(f)[1].encoding == "CP949"
    with pytest.raises(ImportFileError, match="열 수 없습니다"):
        read_any(tmp_path / "없는파일.csv")
