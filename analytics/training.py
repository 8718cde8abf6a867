"""Training-course search (직업훈련 과정) over the warehouse's training_courses table."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.filters import conditions


def search_courses(
    con: duckdb.DuckDBPyConnection,
    *,
    keco_prefix: str | None = None,
    sido: str | None = None,
    level: str | None = None,
    limit: int = 200,
) -> pd.DataFrame:
    where, params = conditions(
        ("c.keco_code LIKE ? || '%'", keco_prefix), ("c.sido_code = ?", sido), ("c.level = ?", level)
    )
    sql = f"""
    SELECT c.course_id, c.title, o.name_ko AS occupation_ko, s.sido_short_ko || ' ' || s.sigungu_name_ko AS region_ko,
           c.level, c.hours, c.cost_krw, c.start_date, c.skills,
           coalesce(e.enrolled, 0) AS enrolled, e.completion_rate
    FROM training_courses c LEFT JOIN ref_occupation o ON o.keco_code = c.keco_code
    LEFT JOIN (SELECT course_id, count(*) AS enrolled, avg(completed::INT) AS completion_rate
               FROM training_enrollments GROUP BY course_id) e ON e.course_id = c.course_id
    LEFT JOIN ref_sigungu s ON s.sigungu_code = c.sigungu_code
    WHERE {" AND ".join(where) or "TRUE"} ORDER BY c.start_date DESC, c.course_id LIMIT ?
    """
    return con.execute(sql, params + [int(limit)]).df()
