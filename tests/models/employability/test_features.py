"""Seeker features: only what is known at registration, never a sensitive attribute."""

from __future__ import annotations

import duckdb
import pandas as pd

from models.employability.features import FEATURE_NAMES, SENSITIVE, market_features


def test_sensitive_attributes_are_never_features(trained):
    model, meta, *_ = trained
    names = set(model.model_.booster_.feature_name())
    assert names == set(FEATURE_NAMES)
    assert not names & {*SENSITIVE, "gender", "disability", "nationality", "birth_year"}
    assert set(meta["sensitive_excluded"]) == set(SENSITIVE)


def test_features_use_only_information_before_registration(trained):
    *_, frame, con = trained
    assert "employed_6m" not in FEATURE_NAMES and not any("employ" in f for f in FEATURE_NAMES)
    # market features ignore postings posted on/after the registration date: adding a huge posting
    # the day after a seeker registered must not change that seeker's features
    mem = duckdb.connect()
    for t in ("postings", "seekers"):
        mem.register("_d", con.execute(f"SELECT * FROM {t}").df())
        mem.execute(f"CREATE TABLE {t} AS SELECT * FROM _d")
    s = con.execute("SELECT * FROM seekers ORDER BY seeker_id LIMIT 1").df().iloc[0]
    before = market_features(mem).set_index("seeker_id").loc[s.seeker_id]
    mem.execute(
        "INSERT INTO postings SELECT * REPLACE (posted_date + INTERVAL 1 DAY AS posted_date, 999 AS openings, ? AS "
        "sido_code, "
        "? || substr(keco_code, 2) AS keco_code, 99999999 AS posting_id) FROM postings LIMIT 1",
        [s.sido_code, s.desired_keco_code[:1]],
    )
    mem.execute(
        "UPDATE postings SET posted_date = ? WHERE posting_id = 99999999", [s.registered_date + pd.Timedelta(days=1)]
    )
    after = market_features(mem).set_index("seeker_id").loc[s.seeker_id]
    assert before.equals(after)
