"""The statute articles the posting rules cite, read from `articles.csv` beside this module.

The CSV holds (law, short, article, title, in_force_from, source) for each article a rule names, copied from the
project's shared statute extract (`shared/reference/statutes/articles.csv`, itself a legalize-kr copy of the
official texts): the checker never reads that extract at run time. A rule cites an article by (law, article);
a key that is not in the CSV is a programming error and fails at import time (see `cite`).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

ARTICLES_PATH = Path(__file__).with_name("articles.csv")

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
    """(law, article) → the CSV row (law, short, article, title, in_force_from, source)."""
    with ARTICLES_PATH.open(encoding="utf-8", newline="") as f:
        return {(r["law"], r["article"]): r for r in csv.DictReader(f)}


def cite(law: str, article: str) -> str:
    """「law」 article(title), exactly as the statute extract names them; KeyError for an article not copied."""
    row = articles()[(law, article)]
    return f"「{row['law']}」 {row['article']}({row['title']})"
