"""Postings: industry and occupation agree, wages follow the minimum, violations are planted and recorded."""

from __future__ import annotations

import pandas as pd

from data_catalog.generator import mechanisms as mech
from data_catalog.generator import violations


def test_occupation_is_posted_by_an_industry_that_employs_it(small_con):
    df = small_con.execute("SELECT ksic_section, substr(keco_code, 1, 2) AS mid FROM postings").df()
    ok = [mech.SECTION_MIDDLE_AFFINITY[s].get(m, 0) > 0 for s, m in df.itertuples(index=False)]
    assert all(ok)
    # no education company hiring physicians: health occupations (middle 30) come from health and social work
    assert set(df.loc[df["mid"] == "30", "ksic_section"]) <= {"Q"}


def test_below_minimum_wages_are_planted_and_recorded(small_con):
    paid = "(209 * least(p.weekly_hours, 40) / 40 + 1.5 * 4.345 * greatest(p.weekly_hours - 40, 0))"
    below = small_con.execute(f"""
        SELECT p.posting_id FROM postings p
        JOIN (VALUES (2024, 9860), (2025, 10030), (2026, 10320)) m(y, mw) ON year(p.posted_date) = m.y
        WHERE p.weekly_hours >= 15 AND p.wage_monthly_krw / {paid} < m.mw - 1
    """).df()["posting_id"]
    recorded = small_con.execute("""SELECT DISTINCT posting_id FROM truth.posting_violations
        WHERE family IN ('wage_below_minimum', 'inconsistent_fields', 'missing_essentials')""").df()["posting_id"]
    assert len(below) > 0 and set(below) <= set(recorded)


def test_planted_text_is_in_the_posting_and_split_into_train_and_heldout(small_con):
    v = small_con.execute("""
        SELECT v.*, p.title, p.description FROM truth.posting_violations v JOIN postings p USING (posting_id)
        WHERE v.location IN ('title', 'body')""").df()
    where = v.apply(lambda r: r["text"] in (r["title"] if r["location"] == "title" else r["description"]), axis=1)
    assert where.all()
    assert set(v["split"]) == {"train", "heldout"} and set(v["kind"]) == {"violation", "hard_negative"}
    assert set(v.loc[v["kind"] == "violation", "family"]) >= set(violations.TEXT_FAMILIES) - {"family_background"}
    assert (v["location"] == "title").mean() > 0.05
    per_posting = v[v["kind"] == "violation"].groupby("posting_id").size()
    assert (per_posting >= 2).any()


def test_invalid_wages_are_left_out_of_aggregates(small_con):
    """Every planted extreme is invalid for medians and maps; ordinary offers (even below the minimum) are valid."""
    df = small_con.execute("""
        SELECT f.wage_valid, f.wage_manwon, p.wage_monthly_krw, v.family
        FROM fact_posting f JOIN postings p USING (posting_id)
        LEFT JOIN (SELECT posting_id, first(family) AS family FROM truth.posting_violations
                   WHERE family IN ('inconsistent_fields', 'missing_essentials') GROUP BY 1) v USING (posting_id)
    """).df()
    extreme = (df["wage_monthly_krw"] < 500_000) | (df["wage_monthly_krw"] > 20_000_000)
    assert extreme.any() and not df.loc[extreme, "wage_valid"].any()
    assert df.loc[~df["wage_valid"], "wage_manwon"].isna().all()
    assert df.loc[df["wage_valid"], "family"].isna().mean() > 0.99
    assert df.loc[~df["wage_valid"], "family"].notna().all()  # nothing organic is thrown away
    assert df["wage_valid"].mean() > 0.99


def test_mean_offer_sits_above_the_minimum_and_grows_with_it(small_con):
    by_year = small_con.execute(
        "SELECT year(month) AS y, avg(wage_monthly_krw) AS w FROM fact_posting WHERE wage_valid GROUP BY 1 ORDER BY 1"
    ).df()
    mins = pd.Series({2024: 9_860 * 209, 2025: 10_030 * 209, 2026: 10_320 * 209})
    ratio = by_year.set_index("y")["w"] / mins
    assert ratio.between(1.08, 1.22).all(), ratio
