"""`python -m models.posting_check INPUT --out REPORT.csv` on CSV, JSON Lines and Excel files written here, a malformed
row (reported, the rest still checked) and the user's mistakes (Korean message, exit status 2, no traceback)."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

import config
from models.posting_check.__main__ import main
from models.posting_check.check import REPORT_COLUMNS, REQUIRED_COLUMNS

ROWS = [
    {
        "id": "p1",
        "title": "카페 홀 직원 모집 (만35세이하 여성만)",
        "body": "근무지: 서울 중구 세종대로 1\n주 5일 09:00~18:00\n시급 9,000원\n문의 02-111-2222",
        "wage_type": "시급",
        "wage": "9,000",
        "weekly_hours": "40",
        "year": "2025",
        "posted_date": "2025-03-01",
        "closing_date": "2025-03-31",
        "location": "서울 중구",
        "contact": "02-111-2222",
    },
    {
        "id": "p2",
        "title": "사무 보조원 채용",
        "body": "근무지: 부산 해운대구\n주 5일, 1일 8시간\n월급 230만원\n고용24 온라인 지원",
        "wage_type": "monthly",
        "wage": "2300000",
        "weekly_hours": "40",
        "year": "2025",
        "posted_date": "2025-04-01",
        "closing_date": "2025-04-30",
        "location": "부산 해운대구",
        "contact": "051-000-0000",
    },
    {  # malformed: wage is not a number, wage_type unknown — the text is still checked
        "id": "p3",
        "title": "물류센터 상하차 (남자만)",
        "body": "주 6일 하루 11시간 근무. 교육비 10만원 선입금 후 근무",
        "wage_type": "주급",
        "wage": "협의",
        "weekly_hours": "",
        "year": "2025",
        "posted_date": "2025-05-01",
        "closing_date": "2025-04-20",
        "location": "경기 이천시",
        "contact": "031-000-0000",
    },
]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "models.posting_check", *args],
        cwd=config.PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _check_report(path) -> pd.DataFrame:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM (Excel)
    rep = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(rep.columns) == REPORT_COLUMNS
    assert list(rep["id"]) == ["p1", "p2", "p3"]
    by = rep.set_index("id")
    assert by.loc["p1", "rules"] == "age;gender;min_wage" and by.loc["p1", "max_severity"] == "high"
    assert "최저임금법" in by.loc["p1", "reasons"] and by.loc["p1", "fixes"]
    assert by.loc["p2", "rules"] == "" and by.loc["p2", "error_ko"] == ""
    p3 = by.loc["p3"]
    assert "wage" in p3["error_ko"] and "wage_type" in p3["error_ko"] and "숫자" in p3["error_ko"]
    assert set(p3["rules"].split(";")) >= {"gender", "scam", "hours", "inconsistent"}
    return rep


def test_csv_report(tmp_path):
    src = tmp_path / "postings.csv"
    pd.DataFrame(ROWS).to_csv(src, index=False, encoding="cp949")
    out = tmp_path / "report.csv"
    res = _run(str(src), "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "검사한 공고 3건" in res.stdout and "연령 차별(age): 1건" in res.stdout
    _check_report(out)


def test_jsonl_report(tmp_path):
    src = tmp_path / "postings.jsonl"
    rows = [dict(r) for r in ROWS]
    rows[1]["wage"] = 2_300_000  # JSON numbers as well as strings
    rows[1]["weekly_hours"] = 40
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "report.csv"
    res = _run(str(src), "--out", str(out))
    assert res.returncode == 0, res.stderr
    _check_report(out)


def test_xlsx_report_in_process(tmp_path, capsys):
    src = tmp_path / "postings.xlsx"
    pd.DataFrame(ROWS).to_excel(src, index=False)
    out = tmp_path / "report.csv"
    main([str(src), "--out", str(out)])
    assert "위반 의심 2건" in capsys.readouterr().out
    _check_report(out)


@pytest.mark.parametrize("drop", [("wage_type",), ("location", "contact")])
def test_missing_columns_are_a_korean_message(tmp_path, drop):
    src = tmp_path / "postings.csv"
    pd.DataFrame(ROWS).drop(columns=list(drop)).to_csv(src, index=False)
    res = _run(str(src), "--out", str(tmp_path / "r.csv"))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "오류: " in res.stderr and "필수 열이 없습니다" in res.stderr
    assert all(c in res.stderr for c in drop)
    assert not (tmp_path / "r.csv").exists()


def test_bad_files_are_korean_messages(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(ROWS[0], ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    pd.DataFrame(ROWS).to_csv(good, index=False)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    for args in (
        (str(bad), "--out", str(tmp_path / "r.csv")),
        (str(empty), "--out", str(tmp_path / "r.csv")),
        (str(tmp_path / "none.csv"), "--out", str(tmp_path / "r.csv")),
        (str(good), "--out", str(tmp_path / "no_such_dir" / "r.csv")),
        (str(bad),),  # --out is required
        ("--no-such-option",),
    ):
        res = _run(*args)
        assert res.returncode == 2, (args, res.stdout, res.stderr)
        assert "오류" in res.stderr and "Traceback" not in res.stderr, (args, res.stderr)


def test_required_columns_are_the_documented_ones():
    assert set(REQUIRED_COLUMNS) == {
        "id",
        "title",
        "body",
        "wage_type",
        "wage",
        "weekly_hours",
        "year",
        "posted_date",
        "closing_date",
        "location",
        "contact",
    }
