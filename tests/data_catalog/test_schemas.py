"""Schema validation rejects bad rows with Korean messages that name the row and the column."""

import pandas as pd

from data_catalog.schemas import pandera_schema, validate_frame
from data_catalog.spec import TABLES


def _good_firm(i: int) -> dict:
    return {
        "firm_id": str(i),
        "firm_name": "(주)한빛정밀",
        "sigungu_code": "11010",
        "sido_code": "11",
        "ksic_section": "C",
        "ksic_division": "25",
        "size_band": "5-29",
        "employees": "12",
        "founded_year": "2001",
    }


def test_valid_rows_pass():
    res = validate_frame(pd.DataFrame([_good_firm(1), _good_firm(2)]), "firms")
    assert res.ok and len(res.valid) == 2 and res.valid["firm_id"].dtype == "Int64"


def test_bad_rows_are_named_in_korean_and_split_off():
    rows = [
        _good_firm(1),
        {**_good_firm(2), "size_band": "거대"},
        {**_good_firm(3), "employees": "열두명"},
        {**_good_firm(4), "sigungu_code": "1101"},
        {**_good_firm(1)},
    ]
    res = validate_frame(pd.DataFrame(rows), "firms")
    assert len(res.valid) == 0 or list(res.valid["firm_id"]) == []  # id 1 is duplicated → both rows rejected
    by_row = res.errors.groupby("row")["message_ko"].apply(" ".join).to_dict()
    assert "허용되지 않습니다" in by_row[3] and "규모" in by_row[3]  # row 3 in the file (header = 1)
    assert "정수" in by_row[4] and "종사자 수" in by_row[4]
    assert "형식" in by_row[5] and "시군구" in by_row[5]
    assert "중복" in by_row[2] and "중복" in by_row[6]
    assert set(res.rejected["_row"]) == {2, 3, 4, 5, 6}


def test_missing_column_and_nulls():
    df = pd.DataFrame([_good_firm(1)]).drop(columns=["firm_name"])
    res = validate_frame(df, "firms")
    assert res.missing_columns == ["firm_name"] and "필수 열" in res.errors.iloc[0]["message_ko"]
    res = validate_frame(pd.DataFrame([{**_good_firm(1), "founded_year": None}]), "firms")
    assert "비어 있습니다" in res.errors.iloc[0]["message_ko"]


def test_every_table_has_a_pandera_schema_with_descriptions():
    for name, spec in TABLES.items():
        schema = pandera_schema(name)
        assert set(schema.columns) == {c.name for c in spec.columns}
        assert all(c.ko and c.en for c in spec.columns)
