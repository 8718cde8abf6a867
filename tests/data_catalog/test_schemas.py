"""Schema validation rejects bad rows with Korean messages that name the row and the column."""

import numpy as np
import pandas as pd
import pytest

from data_catalog.schemas import INT64_MAX, enforce_dtypes, pandera_schema, parse_dates, validate_frame
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


# --- real-file values: dates, big and non-finite numbers, thousands separators, row numbers -------


def _hire(i: int, **kw) -> dict:
    return {
        "hire_id": str(i),
        "posting_id": "10",
        "firm_id": "20",
        "seeker_id": "",
        "application_id": None,
        "hire_date": "2026-11-30",
        "wage_monthly_krw": "2500000",
        **kw,
    }


DAY = pd.Timestamp("2026-11-30")


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-30", "2026.11.30", "2026/11/30", "20261130", "2026.11.30.", "2026. 11. 30.", "  2026-11-30  ",
        "2026.11.30 14:05", "2026-11-30T14:05:00", "2026/11/30 00:00:00", "2026-11-30 00:00:00",
        "2026-11-30 23:59:59.999", "20261130 14:05", "2026.11.30. 09:00",
    ],
)  # fmt: skip
def test_dates_in_the_common_korean_forms(text):
    assert parse_dates(pd.Series([text])).tolist() == [DAY]
    res = validate_frame(pd.DataFrame([_hire(1, hire_date=text)]), "hires")
    assert res.ok and res.valid["hire_date"].tolist() == [DAY]


def test_single_digit_months_and_days():
    assert parse_dates(pd.Series(["2026.1.5", "2026-1-05", "2026/01/5"])).tolist() == [pd.Timestamp("2026-01-05")] * 3


@pytest.mark.parametrize(
    "text",
    ["2026-02-30", "2025/13/40", "20260230", "2026.00.10", "2026-11-30 25:00", "2026-11/30", "30.11.2026",
     "11/30/2026", "2026-11", "2026년 11월 30일", "어제", "202611300", "nan"],
)  # fmt: skip
def test_impossible_or_unreadable_dates_are_nat_never_shifted(text):
    assert parse_dates(pd.Series([text])).isna().all()


def test_parse_dates_keeps_index_and_dtype_and_drops_times_of_datetimes():
    s = pd.Series(["2026-11-30", None, "", "x", "20261130"], index=[3, 5, 8, 9, 11], name="d")
    out = parse_dates(s)
    assert str(out.dtype) == "datetime64[us]" and out.index.tolist() == [3, 5, 8, 9, 11] and out.name == "d"
    assert out.isna().tolist() == [False, True, True, True, False]
    typed = pd.Series(pd.to_datetime(["2026-11-30 14:05", "2026-01-05 00:00"]))
    assert parse_dates(typed).tolist() == [DAY, pd.Timestamp("2026-01-05")]


def test_impossible_date_is_quarantined_with_its_row_and_a_korean_reason():
    res = validate_frame(
        pd.DataFrame([_hire(1), _hire(2, hire_date="2026-02-30"), _hire(3, hire_date="모름")]), "hires"
    )
    assert res.valid["hire_id"].tolist() == [1]
    (bad,) = res.errors.loc[res.errors["row"] == 3, "message_ko"]
    assert "'채용일'(hire_date)" in bad and "달력에 없는 날짜" in bad
    (unreadable,) = res.errors.loc[res.errors["row"] == 4, "message_ko"]
    assert "날짜" in unreadable and "20261130" in unreadable  # names the forms it reads
    assert res.rejected["_row"].tolist() == [3, 4] and res.rejected["hire_date"].tolist() == ["2026-02-30", "모름"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("9223372036854775808", "너무 커서 정수로 저장할 수 없습니다"),  # 2**63
        ("-9223372036854775809", "너무 커서 정수로 저장할 수 없습니다"),
        ("99999999999999999999999999", "너무 커서 정수로 저장할 수 없습니다"),
        ("1e30", "너무 커서 정수로 저장할 수 없습니다"),
        ("9.3e18", "너무 커서 정수로 저장할 수 없습니다"),
        ("1e400", "너무 커서 정수로 저장할 수 없습니다"),
        ("inf", "유한한 숫자가 아닙니다"),
        ("-inf", "유한한 숫자가 아닙니다"),
        ("Infinity", "유한한 숫자가 아닙니다"),
        ("nan", "유한한 숫자가 아닙니다"),
        ("NaN", "유한한 숫자가 아닙니다"),
        ("1.5", "정수가 아닙니다"),
        ("1,2", "천 단위 쉼표"),
        ("열", "정수(으)로 읽을 수 없습니다"),
    ],
)
def test_huge_and_non_finite_integer_keys_are_quarantined_not_raised(value, reason):
    rows = [_hire(1), _hire(2, hire_id=value), _hire(3)]
    res = validate_frame(pd.DataFrame(rows), "hires")
    assert res.valid["hire_id"].tolist() == [1, 3]  # the good rows are kept, nothing wrapped around
    assert res.valid["hire_id"].min() > 0
    assert res.errors["row"].tolist() == [3] and res.errors["column"].tolist() == ["hire_id"]
    msg = res.errors["message_ko"][0]
    assert "'채용 ID'(hire_id)" in msg and reason in msg and value in msg
    assert res.rejected["_row"].tolist() == [3] and reason in res.rejected["_reason"].iloc[0]


def test_largest_int64_is_read_exactly():
    res = validate_frame(
        pd.DataFrame([_hire(1, hire_id=str(INT64_MAX)), _hire(2, hire_id="9007199254740993")]), "hires"
    )
    assert res.ok and res.valid["hire_id"].tolist() == [INT64_MAX, 9007199254740993]  # not through float


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,234,000", 1234000), ("12,345", 12345), ("2500000", 2500000), (" 1,000 ", 1000), ("+1,000", 1000),
     ("1,234,000.0", 1234000), ("1e6", 1000000), ("2500000.0", 2500000)],
)  # fmt: skip
def test_thousands_separators_in_a_wage(text, value):
    res = validate_frame(pd.DataFrame([_hire(1, wage_monthly_krw=text)]), "hires")
    assert res.ok and res.valid["wage_monthly_krw"].tolist() == [value]


@pytest.mark.parametrize("text", ["1,2", "12,34", "1234,000", "1,23,456", ",123", "1,,000", "1.234.000", "1 234 000"])
def test_bad_grouping_is_unreadable(text):
    res = validate_frame(pd.DataFrame([_hire(1, wage_monthly_krw=text)]), "hires")
    assert res.valid.empty and res.errors["row"].tolist() == [2]
    assert "'채용 월임금'(wage_monthly_krw)" in res.errors["message_ko"][0]


def test_negative_grouped_wage_meets_the_min_check():
    res = validate_frame(pd.DataFrame([_hire(1, wage_monthly_krw="-1,234,000")]), "hires")
    assert res.valid.empty and "최솟값 0보다 작습니다" in res.errors["message_ko"][0]


def test_float_columns_read_grouping_and_reject_non_finite():
    rows = [
        {"seeker_id": str(i), "p_employed_6m": "0.5", "p_at_registration": "0.4", "latent": v, "market_tightness": "1"}
        for i, v in enumerate(["1,234.5", "-0.25", "inf", "nan", "1e400", "1,2"], start=1)
    ]
    res = validate_frame(pd.DataFrame(rows), "seeker_truth")
    assert res.valid["latent"].tolist() == [1234.5, -0.25]
    by_row = res.errors.set_index("row")["message_ko"]
    assert "유한한 숫자가 아닙니다" in by_row[4] and "유한한 숫자가 아닙니다" in by_row[5]
    assert "너무 커서" in by_row[6] and "천 단위 쉼표" in by_row[7]


def test_row_numbers_come_from_the_index_after_blank_rows():
    # labels as files.read_table leaves them when file lines 3 and 5 were blank
    df = pd.DataFrame(
        [_hire(1), _hire(2, hire_id="inf"), _hire(3), _hire(4, hire_date="2026-02-30")], index=[0, 2, 4, 7]
    )
    res = validate_frame(df, "hires")
    assert res.errors["row"].tolist() == [4, 9]
    assert res.rejected["_row"].tolist() == [4, 9] and res.rejected.index.tolist() == [2, 7]
    assert res.valid.index.tolist() == [0, 4] and res.valid_row_numbers.tolist() == [2, 6]
    assert res.valid["hire_id"].tolist() == [1, 3]
    later = validate_frame(df, "hires", row_offset=3)  # e.g. a title line above the header
    assert later.rejected["_row"].tolist() == [5, 10] and later.valid_row_numbers.tolist() == [3, 7]


def test_pandera_failures_use_the_index_too():
    df = pd.DataFrame([_hire(1), _hire(1), _hire(2, wage_monthly_krw="-5")], index=[10, 12, 13])
    res = validate_frame(df, "hires")
    assert sorted(res.errors["row"]) == [12, 14, 15] and res.valid.empty
    assert res.rejected.set_index("_row")["_reason"].str.contains("중복").loc[[12, 14]].all()


def test_a_frame_without_usable_labels_is_numbered_by_position():
    df = pd.DataFrame([_hire(1), _hire(2, hire_id="x")], index=["a", "b"])
    res = validate_frame(df, "hires")
    assert res.errors["row"].tolist() == [3] and res.rejected["_row"].tolist() == [3]
    dup = pd.DataFrame([_hire(1), _hire(2, hire_id="x")], index=[5, 5])
    assert validate_frame(dup, "hires").errors["row"].tolist() == [3]


def test_every_rejected_row_has_a_row_number_and_a_reason():
    df = pd.DataFrame([_good_firm(1), _good_firm(2)], index=[0, 3]).drop(columns=["firm_name", "employees"])
    res = validate_frame(df, "firms")
    assert res.missing_columns == ["firm_name", "employees"] and res.valid.empty
    assert res.rejected["_row"].tolist() == [2, 5]
    assert res.rejected["_reason"].str.contains("'사업체명'\\(firm_name\\)").all()
    mixed = validate_frame(pd.DataFrame([_good_firm(1), {**_good_firm(2), "employees": "1e30"}]), "firms")
    assert mixed.rejected["_row"].notna().all() and mixed.rejected["_reason"].str.len().gt(0).all()
    clean = validate_frame(pd.DataFrame([_good_firm(1)]), "firms")
    assert {"_row", "_reason"} <= set(clean.rejected.columns) and clean.rejected.empty


def test_typed_columns_keep_their_conversion():
    # the generator's frames: already typed, converted exactly as before (the synthetic world stays the same)
    df = pd.DataFrame(
        {
            "hire_id": np.array([1, 2], dtype="int64"),
            "posting_id": [10.0, 11.0],
            "firm_id": pd.array([20, None], dtype="Int64"),
            "seeker_id": [np.nan, 3.0],
            "application_id": [None, None],
            "hire_date": pd.to_datetime(["2026-11-30 10:00", "2026-01-05 00:00"]),
            "wage_monthly_krw": np.array([2_500_000, 2_600_000], dtype="int64"),
        }
    )
    out = enforce_dtypes(df, "hires")
    assert out["hire_id"].dtype == "Int64" and out["posting_id"].tolist() == [10, 11]
    assert out["seeker_id"].isna().tolist() == [True, False]
    assert out["hire_date"].tolist() == [pd.Timestamp("2026-11-30 10:00"), pd.Timestamp("2026-01-05")]
    assert str(out["hire_date"].dtype) == "datetime64[us]"
