"""The review queue's service: a day's postings checked, most suspicious first, no truth read; bulk file check."""

from __future__ import annotations

from datetime import timedelta

import pytest

from data_catalog.errors import UserError
from models.posting_check import queue
from models.posting_check.rules import SEVERITY_RANK
from models.posting_check.train import load
from models.posting_check.world import checker_rows


def test_a_days_postings_are_checked_and_sorted_by_severity(small_con, small_data_dir):
    day = queue.last_day(small_con)
    q = queue.checked(small_con, day, day, load(str(small_data_dir)))
    n = small_con.execute("SELECT count(*) FROM postings WHERE posted_date::DATE = ?", [day]).fetchone()[0]
    assert len(q) == n > 0 and q["key"].str.startswith("wh:").all()
    ranks = q["max_severity"].map(SEVERITY_RANK).fillna(0)
    assert ranks.is_monotonic_decreasing
    month = queue.checked(small_con, day - timedelta(days=29), day, None)
    only_age = queue.filtered(month, ["age"], [])
    assert len(only_age) > 0 and only_age["rules"].str.contains("age").all()
    assert queue.filtered(q.head(0), ["age"], []).empty
    sido = q["sido_code"].iloc[0]
    assert (queue.filtered(q, [], [sido], flagged_only=False)["sido_code"] == sido).all()
    assert "truth" not in queue.QUEUE_SQL


def test_bulk_report_of_an_uploaded_csv_and_a_korean_error_for_a_bad_one(small_con):
    rows = checker_rows(small_con).head(20)
    rows.loc[0, "body"] = "만 35세 이하 여성만 지원 가능합니다."
    rows = rows.astype({"wage": object})
    rows.loc[1, "wage"] = "많이"
    report = queue.bulk_report(rows.to_csv(index=False).encode("utf-8"), "upload.csv", None)
    assert len(report) == 20 and {"age", "gender"} <= set(report.loc[0, "rules"].split(";"))
    assert "wage" in report.loc[1, "error_ko"]
    with pytest.raises(UserError, match="필수 열"):
        queue.bulk_report(rows.drop(columns=["body"]).to_csv(index=False).encode(), "bad.csv", None)
