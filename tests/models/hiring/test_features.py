"""Posting features look back only, and the label is the 90-day horizon on observed postings."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from models.hiring.features import HORIZON_DAYS, build_features, hourly_equivalent, load_training_frame, market_frame


def _targets(con, n=40):
    rows = con.execute(
        "SELECT posting_id AS key, sido_code, sigungu_code, keco_code, posted_date FROM postings "
        "WHERE posted_date >= (SELECT min(posted_date) + INTERVAL 200 DAY FROM postings) ORDER BY posting_id LIMIT ?",
        [n],
    ).df()
    return rows


def test_market_features_use_only_what_was_known_before_the_posting_day(small_data_dir, small_con):
    targets = _targets(small_con)
    full = market_frame(small_con, targets)
    for t in targets.head(8).itertuples():
        day = pd.Timestamp(t.posted_date).normalize()
        cut = duckdb.connect()
        cut.execute(f"ATTACH '{small_data_dir / 'goyong.duckdb'}' AS w (READ_ONLY)")
        cut.execute("CREATE TABLE postings AS SELECT * FROM w.postings WHERE posted_date < ?", [day])
        cut.execute("CREATE TABLE seekers AS SELECT * FROM w.seekers WHERE registered_date < ?", [day])
        past_only = market_frame(cut, targets[targets["key"] == t.key])
        cut.close()
        pd.testing.assert_frame_equal(past_only, full.loc[[t.key]], check_dtype=False)


def test_the_local_wage_median_is_the_median_of_earlier_postings_in_the_cell(small_con):
    t = _targets(small_con, 200)
    m = market_frame(small_con, t)
    row = t.iloc[int(np.argmax(m["n_local"].to_numpy()))]
    p = small_con.execute(
        "SELECT wage_monthly_krw, weekly_hours FROM postings WHERE sido_code = ? AND substr(keco_code, 1, 2) = ? "
        "AND posted_date::DATE < ?::DATE AND posted_date::DATE >= ?::DATE - 365 AND weekly_hours > 0 "
        "AND wage_monthly_krw > 0",
        [row.sido_code, row.keco_code[:2], row.posted_date, row.posted_date],
    ).df()
    assert len(p) == m.loc[row.key, "n_local"] >= 5
    assert np.isclose(np.median(hourly_equivalent(p.wage_monthly_krw, p.weekly_hours)), m.loc[row.key, "ref_hourly"])


def test_label_is_filled_within_the_horizon_and_only_observed_postings_count(small_con):
    frame = load_training_frame(small_con)
    last = pd.Timestamp(small_con.execute("SELECT max(posted_date) FROM postings").fetchone()[0])
    assert (frame["posted_date"] + pd.Timedelta(days=HORIZON_DAYS) <= last).all()
    raw = small_con.execute("SELECT posting_id, posted_date, filled_date FROM postings").df().set_index("posting_id")
    raw = raw.loc[frame.index]
    expected = raw["filled_date"].notna() & (raw["filled_date"] <= raw["posted_date"] + pd.Timedelta(days=HORIZON_DAYS))
    assert (frame["label"].to_numpy() == expected.to_numpy().astype(int)).all()
    assert 0.05 < frame["label"].mean() < 0.8
    assert not any(c.startswith("audit_") for c in build_features.__annotations__)


def test_hourly_equivalent_counts_weekly_holiday_pay_from_15_hours():
    # 40 h: 209 paid hours; 20 h: 104.5; 12 h: no 주휴, 12 × 365/7/12 hours
    got = hourly_equivalent(np.array([2_090_000, 1_045_000, 521_429]), np.array([40.0, 20.0, 12.0]))
    assert np.allclose(got, [10_000, 10_000, 10_000], rtol=1e-4)
