"""The hand-labelled job-posting evaluation set: its shape only (columns, ids, labels, numbers, coverage).

The labels themselves were checked by hand and by arithmetic when the set was written (see HANDWRITTEN.md);
these tests only keep the file loadable and its coverage from shrinking.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

CSV_PATH = Path(__file__).with_name("handwritten_postings.csv")

COLUMNS = [
    "id",
    "title",
    "body",
    "wage_type",
    "wage",
    "weekly_hours",
    "daily_hours",
    "year",
    "posted_date",
    "closing_date",
    "location",
    "contact",
    "expected_rules",
    "hard_negative",
    "note",
]
RULES = {"min_wage", "hours", "age", "gender", "banned_request", "scam", "inconsistent", "missing"}
WAGE_TYPES = {"시급", "일급", "월급", "연봉"}


def _rules(row: dict[str, str]) -> list[str]:
    return [r for r in row["expected_rules"].split(";") if r]


@pytest.fixture(scope="module")
def header_and_rows() -> tuple[list[str], list[dict[str, str]]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@pytest.fixture(scope="module")
def rows(header_and_rows) -> list[dict[str, str]]:
    return header_and_rows[1]


def test_columns_exact_and_in_order(header_and_rows):
    header, rows = header_and_rows
    assert header == COLUMNS
    assert all(None not in row and len(row) == len(COLUMNS) for row in rows)


def test_size(rows):
    assert len(rows) >= 180


def test_ids_unique_and_well_formed(rows):
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"H\d{3}", i) for i in ids)


def test_title_and_body_not_empty(rows):
    assert all(row["title"].strip() for row in rows)
    assert all(row["body"].strip() for row in rows)


def test_labels_only_from_allowed_rule_ids(rows):
    for row in rows:
        labels = _rules(row)
        assert set(labels) <= RULES, (row["id"], labels)
        assert len(labels) == len(set(labels)), row["id"]


def test_every_rule_has_at_least_eight_positives(rows):
    counts = Counter(label for row in rows for label in _rules(row))
    assert {rule: counts[rule] for rule in RULES if counts[rule] < 8} == {}


def test_clean_and_hard_negative_counts(rows):
    assert sum(1 for row in rows if not _rules(row)) >= 40
    assert all(row["hard_negative"] in {"0", "1"} for row in rows)
    hard = [row for row in rows if row["hard_negative"] == "1"]
    assert len(hard) >= 25
    assert [row["id"] for row in hard if _rules(row)] == []  # hard negatives are lawful


def test_wage_and_hours_are_numbers(rows):
    for row in rows:
        assert row["wage_type"] in WAGE_TYPES, row["id"]
        assert re.fullmatch(r"\d+", row["wage"]) and int(row["wage"]) > 0, row["id"]
        assert float(row["weekly_hours"]) > 0, row["id"]
        if row["daily_hours"]:
            assert float(row["daily_hours"]) > 0, row["id"]


def test_year_and_dates_parse(rows):
    for row in rows:
        assert row["year"] in {"2024", "2025", "2026"}, row["id"]
        date.fromisoformat(row["posted_date"])
        if row["closing_date"]:
            date.fromisoformat(row["closing_date"])


def test_every_row_has_a_note(rows):
    assert all(row["note"].strip() for row in rows)
