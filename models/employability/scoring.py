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
from data_catalog.warehouse import replace_table
from models.employability import model as emp
from models.employability.features import FEATURE_NAMES, build_features, market_features


def score_warehouse(model: emp.EmployabilityModel, data_dir: str | None = None, chunk: int = 200_000) -> int:
    """Score and explain every seeker into `seeker_scores` (probability, base, one column per feature)."""
    con = duckdb.connect(str(config.warehouse_db(data_dir)))
    seekers = con.execute("SELECT * FROM seekers").df()
    occ = con.execute("SELECT * FROM ref_occupation").df()
    x = build_features(seekers, occ, market_features(con))
    out = []
    for i in range(0, len(x), chunk):
        xs = x.iloc[i : i + chunk]
        contrib, base = model.contributions(xs)
        df = pd.DataFrame(contrib, columns=[f"c_{n}" for n in FEATURE_NAMES], index=xs.index)
        df.insert(0, "base", base)
        df.insert(0, "p", expit(base + contrib.sum(axis=1)))
        out.append(df.reset_index())
    scores = pd.concat(out, ignore_index=True)
    replace_table(con, "seeker_scores", scores)
    x_out = x.reset_index()
    for c in x_out.columns:
        if str(x_out[c].dtype) == "category":
            x_out[c] = x_out[c].astype("string")
    replace_table(con, "seeker_features", x_out)
    con.close()
    return len(scores)
