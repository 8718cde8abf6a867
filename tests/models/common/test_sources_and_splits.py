"""Registry by data source (the app never serves a file-trained model), the split fallback, NA-safe baseline."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from models.common import card, registry
from models.common.evaluation import STRATIFIED_RANDOM, TIME, holdout_split, logistic_baseline, metrics


def test_latest_serves_the_warehouse_model_unless_asked_for_another_source(tmp_path):
    warehouse = registry.save("employability", 1, {"data_source": {"kind": "warehouse"}}, {}, tmp_path)
    file_model = registry.save("employability", 2, {"data_source": {"kind": "file", "path": "x.csv"}}, {}, tmp_path)
    assert registry.latest("employability", tmp_path) == warehouse
    assert registry.latest("employability", tmp_path, source="file") == file_model
    assert registry.latest("employability", tmp_path, source=None) == file_model
    with pytest.raises(ValueError, match="source"):
        registry.latest("employability", tmp_path, source="somewhere")


def test_versions_saved_before_data_source_are_judged_by_their_training_source(tmp_path):
    d = tmp_path / "artefacts" / "employability"
    for version, src in (("20261101-000000", "data/goyong.duckdb"), ("20261102-000000", "/home/a/extract.csv")):
        (d / version).mkdir(parents=True)
        meta = {"format": registry.FORMAT, "training_source": src}
        (d / version / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert registry.latest("employability", tmp_path).name == "20261101-000000"
    assert registry.latest("employability", tmp_path, source="file").name == "20261102-000000"
    assert registry.source_kind({}) == "warehouse"


def _frame(n: int, months: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    dates = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 30 * months, n), unit="D")
    return pd.DataFrame({"registered_date": dates, "x": x, "label": (x + rng.normal(size=n) > 0).astype(int)})


def test_enough_months_split_by_time_too_few_split_at_random_with_the_rate_kept():
    by_time = holdout_split(_frame(2000, 24), "registered_date")
    assert by_time.method == TIME and by_time.note_ko == ""
    assert by_time.train["registered_date"].max() < by_time.test["registered_date"].min()
    df = _frame(1000, 2)  # 60 days from 1 January: January, February and 1 March
    sp = holdout_split(df, "registered_date")
    assert sp.method == STRATIFIED_RANDOM
    assert sp.note_ko == "등록 월이 부족해(등록 월 3개, 시간 기준 분할에는 10개 이상 필요)"
    assert sp.sizes() == {"train": 600, "valid": 200, "test": 200}
    assert sorted([*sp.train.index, *sp.valid.index, *sp.test.index]) == list(df.index)
    for part in (sp.train, sp.valid, sp.test):
        assert abs(part["label"].mean() - df["label"].mean()) < 0.01
    assert sp.train.index.is_monotonic_increasing  # the frame's order: the same rows give the same model
    again = holdout_split(df, "registered_date")
    assert again.test.index.equals(sp.test.index)


def test_the_card_names_the_split_and_the_source():
    meta = {
        "card": {"split_by_ko": "등록일"},
        "training_source": "data/goyong.duckdb",
        "data_source": {"kind": "warehouse"},
    }
    assert card.split_heading(meta) == "**시간 기준 분할** (등록일)" and card.split_note(meta) is None
    assert card.source_text(meta) == "웨어하우스 goyong.duckdb"
    meta |= {"split_method": "stratified_random", "split_note_ko": "등록 월이 부족해(등록 월 1개)"}
    assert card.split_note(meta).startswith("등록 월이 부족해(등록 월 1개) 층화 무작위 분할을 썼습니다.")


def test_logistic_baseline_takes_pandas_missing_values_and_empty_columns():
    rng = np.random.default_rng(1)
    n = 600
    x = rng.normal(size=n)
    g = pd.Series(np.where(x > 0, "a", "b"), dtype="string")
    g[rng.choice(n, 30, replace=False)] = pd.NA  # pandas' NA in a category: "boolean value of NA is ambiguous"
    df = pd.DataFrame(
        {
            "x": pd.array(np.where(rng.uniform(size=n) < 0.05, np.nan, x), dtype="Float64"),
            "g": g.astype("category"),
            "absent": np.nan,  # a column the extract lacks
            "label": (x > 0).astype(int),
        }
    )
    df.loc[df["x"].isna(), "x"] = pd.NA
    p = logistic_baseline(df.iloc[:400], df.iloc[400:], ["x", "g", "absent"], ["g"])
    assert metrics(p, df["label"].iloc[400:].to_numpy())["roc_auc"] > 0.95
