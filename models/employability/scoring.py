"""Batch scores of the warehouse's seekers: probability, SHAP base and one contribution per feature.

Kept apart from training: the warehouse build and the importer refresh these derived tables
(`seeker_scores`, `seeker_features`) through the `goyong.derived` entry point (`refresh`), so a rebuild
or an import never leaves the caseload and outlook pages without scores while a model is registered.
"""

from __future__ import annotations

import duckdb
import pandas as pd
from scipy.special import expit

import config
from data_catalog import publish
from data_catalog.warehouse import replace_table
from models.common import registry
from models.employability import model as emp
from models.employability.features import FEATURE_NAMES, build_features, market_features

NAME = "employability"


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    # fetchall: DuckDB keeps a connection busy until a result is read to its end
    return bool(
        con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()[0][0]
    )


def score_into(
    con: duckdb.DuckDBPyConnection, model: emp.EmployabilityModel, seeker_ids: list | None = None, chunk: int = 200_000
) -> int:
    """Score and explain seekers into `seeker_scores` (p, base, c_<feature>) and `seeker_features`.

    All seekers (tables replaced) or only `seeker_ids` (rows added: an import's new seekers). Market
    features are computed over the whole warehouse either way, so a new seeker gets the same features
    a full re-score would give.
    """
    partial = seeker_ids is not None and _has_table(con, "seeker_scores") and _has_table(con, "seeker_features")
    occ = con.execute("SELECT * FROM ref_occupation").df()
    market = market_features(con)  # windows over the whole warehouse; rows are per seeker
    if partial:  # an import: build features only for its seekers (the rest already have theirs)
        ids = [int(i) for i in seeker_ids]
        seekers = con.execute(
            "SELECT * FROM seekers WHERE seeker_id IN (SELECT UNNEST(?)) ORDER BY seeker_id", [ids]
        ).df()
        market = market[market["seeker_id"].isin(ids)]
    else:
        seekers = con.execute("SELECT * FROM seekers ORDER BY seeker_id").df()
    x = build_features(seekers, occ, market)
    out = []
    for i in range(0, len(x), chunk):
        xs = x.iloc[i : i + chunk]
        contrib, base = model.contributions(xs)
        df = pd.DataFrame(contrib, columns=[f"c_{n}" for n in FEATURE_NAMES], index=xs.index)
        df.insert(0, "base", base)
        df.insert(0, "p", expit(base + contrib.sum(axis=1)))
        out.append(df.reset_index())
    scores = pd.concat(out, ignore_index=True) if out else pd.DataFrame()
    x_out = x.reset_index()
    for c in x_out.columns:
        if str(x_out[c].dtype) == "category":
            x_out[c] = x_out[c].astype("string")
    if partial:
        for name, frame in (("seeker_scores", scores), ("seeker_features", x_out)):
            if len(frame):
                con.register("_rows", frame)
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _rows")  # fixed table names
                con.unregister("_rows")
    else:
        replace_table(con, "seeker_scores", scores)
        replace_table(con, "seeker_features", x_out)
    return len(scores)


def score_warehouse(model: emp.EmployabilityModel, data_dir: str | None = None) -> int:
    """Re-score every seeker into a new warehouse version (readers keep the old one until it is published)."""
    with publish.writer_lock(data_dir):
        publish.recover(data_dir)
        with publish.new_version(data_dir) as con:
            return score_into(con, model)


def refresh(
    con: duckdb.DuckDBPyConnection, data_dir: config.PathLike | None, table: str | None, keys: list | None
) -> str | None:
    """The `goyong.derived` refresher: re-score after a build, score new seekers after a seeker import."""
    if table is not None and table != "seekers":
        return None
    latest = registry.latest(NAME, data_dir)
    if latest is None:
        if table is None:
            return None  # a first build: training (make run) scores next
        return f"취업확률 모델이 없어 새 구직자 {len(keys or [])}명은 점수 없이 표시됩니다. 모델을 학습해 주세요."
    model, _meta, _tables = registry.load(latest)
    n = score_into(con, model, None if table is None else keys)
    return f"취업확률 점수: {n:,}명 계산(모델 {latest.name})."
