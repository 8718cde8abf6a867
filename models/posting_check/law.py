"""The statute articles the posting rules cite, read from the project's statute table.

`data_catalog/reference/statutes.csv` holds every article of the labour and employment laws (law, short, kind,
article, title, text, in_force_from, source), copied from a legalize-kr copy of the official texts; the counselling
Q&A answers from the same table. A rule cites an article by (law, article); a key that is not in the table is a
programming error and fails at import time (see `cite`).
"""

from __future__ import annotations

import csv
from functools import lru_cache

import config

MINIMUM_WAGE_ACT = "최저임금법"
MINIMUM_WAGE_DECREE = "최저임금법 시행령"
LABOR_STANDARDS_ACT = "근로기준법"
FAIR_HIRING_ACT = "채용절차의 공정화에 관한 법률"
EQUAL_EMPLOYMENT_ACT = "남녀고용평등과 일ㆍ가정 양립 지원에 관한 법률"
AGE_DISCRIMINATION_ACT = "고용상 연령차별금지 및 고령자고용촉진에 관한 법률"
EMPLOYMENT_SECURITY_ACT = "직업안정법"
EMPLOYMENT_SECURITY_DECREE = "직업안정법 시행령"


@lru_cache(maxsize=1)
def articles() -> dict[tuple[str, str], dict[str, str]]:
    """(law, article) → the statute table's row (law, short, kind, article, title, text, in_force_from, source)."""
    with (config.reference_dir() / "statutes.csv").open(encoding="utf-8", newline="") as f:
        return {(r["law"], r["article"]): r for r in csv.DictReader(f)}


def cite(law: str, article: str) -> str:
    """「law」 article(title), exactly as the statute extract names them; KeyError for an article not copied."""
    row = articles()[(law, article)]
    return f"「{row['law']}」 {row['article']}({row['title']})"
