"""CSV downloads: imported text that a spreadsheet would run as a formula is written as text; numbers stay numbers;
the first line names who exported the table and when."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pandas as pd

from components import tables
from components.export import KST, csv_bytes, neutralise

WHEN = datetime(2026, 12, 1, 14, 3, tzinfo=KST)


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads the Korean text
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _posting(title: str, firm: str) -> pd.DataFrame:
    """One posting as the search returns it, with an imported title and firm name."""
    return pd.DataFrame(
        {
            "posted_date": [pd.Timestamp("2026-10-01")],
            "closing_date": [pd.Timestamp("2026-10-31")],
            "status": ["open"],
            "title": [title],
            "firm_name": [firm],
            "sido_name_ko": ["서울"],
            "sigungu_name_ko": ["종로구"],
            "occupation_ko": ["사무원"],
            "contract_type": ["permanent"],
            "wage_type": ["monthly"],
            "wage_amount": [2_500_000],
            "wage_monthly_krw": [2_500_000],
            "weekly_hours": [40.0],
            "openings": [1],
        }
    )


def test_imported_formulas_come_out_as_text():
    shown = tables.postings_table(_posting('=HYPERLINK("http://evil","x")', "@SUM(1)"))
    rows = _rows(csv_bytes(shown, "시험 상담사(상담사)", WHEN))
    header, data = rows[1], dict(zip(rows[1], rows[2], strict=True))
    assert header[0] == "공고일" and data["제목"] == '\'=HYPERLINK("http://evil","x")'
    assert data["사업체"] == "'@SUM(1)"
    assert data["월 환산(만원)"] == "250.0" and data["인원"] == "1"


def test_every_formula_start_is_neutralised_and_numbers_stay_numbers():
    df = pd.DataFrame(
        {
            "text": [
                "=1+1",
                "+82-10-1234-5678",
                "-2+3",
                "@SUM(1)",
                "\t=1",
                "\r=1",
                "  =1",
                "＝1",
                "정상",
                "-3.5",
                None,
            ],
            "value": [-3.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0],
        }
    )
    rows = _rows(csv_bytes(df, "x", WHEN))[2:]
    assert [r[0] for r in rows[:8]] == ["'" + v for v in df["text"][:8]]
    assert [r[0] for r in rows[8:]] == ["정상", "-3.5", ""]  # plain text, a number written as text, an empty cell
    assert rows[0][1] == "-3.5"  # a negative number is a number, never quoted
    assert neutralise(-3.5) == -3.5 and neutralise("+1,200") == "+1,200" and neutralise("-") == "'-"


def test_the_first_line_names_the_exporter_and_the_time():
    rows = _rows(csv_bytes(pd.DataFrame({"a": [1]}), "홍길동(상담사)", WHEN))
    assert rows[0] == ["# 내보낸 사람: 홍길동(상담사) · 내보낸 시각: 2026-12-01 14:03"]
    assert rows[1:] == [["a"], ["1"]]
    # a name that would open a second cell running a formula stays one cell of text
    rows = _rows(csv_bytes(pd.DataFrame({"a": [1]}), 'x",=1+1', WHEN))
    assert len(rows[0]) == 1 and rows[0][0].startswith("# 내보낸 사람: x")
    # a time elsewhere is written in Korean time
    utc = datetime.fromisoformat("2026-12-01T05:03:00+00:00")
    assert "2026-12-01 14:03" in _rows(csv_bytes(pd.DataFrame({"a": [1]}), "x", utc))[0][0]
    assert pd.read_csv(io.BytesIO(csv_bytes(pd.DataFrame({"a": [-3.5]}), "x")), skiprows=1)["a"].tolist() == [-3.5]
