"""No id, row order or bookkeeping date carries an outcome: one check per table that has (or points at) one.

An AUC of 0.5 ± 0.03 means the column sorts the outcome no better than chance. The small test world has a few
hundred positives, so the tolerance widens to three standard errors of the AUC (Hanley–McNeil) where that is more;
the default world's figures are in the realism report. Dates that are real features (a registration month with its
market) are left to the models; ids and row order must carry nothing.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from data_catalog.spec import SNAPSHOT_DATE

TOL = 0.03


def tolerance(y) -> float:
    """max(0.03, 3 × the standard error of an AUC of 0.5 with these class sizes)."""
    n1 = int(np.sum(y))
    n0 = len(y) - n1
    return max(TOL, 3 * np.sqrt((n0 + n1 + 1) / (12 * n0 * n1)))


def _chance(y, x) -> float:
    """How far the AUC of `x` for `y` is from 0.5, in units of the tolerance (≤ 1: chance)."""
    return abs(roc_auc_score(y, x) - 0.5) / tolerance(y)


def test_seekers_and_outcomes(small_con):
    df = small_con.execute("""
        SELECT s.seeker_id, row_number() OVER () AS row, o.employed_6m::INT AS y
        FROM seekers s JOIN seeker_outcomes o USING (seeker_id) WHERE o.observed""").df()
    assert _chance(df["y"], df["seeker_id"]) <= 1 and _chance(df["y"], df["row"]) <= 1


def test_postings(small_con):
    df = small_con.execute("""
        SELECT posting_id, row_number() OVER () AS row, (status = 'filled')::INT AS y FROM postings
        WHERE status <> 'open'""").df()
    assert _chance(df["y"], df["posting_id"]) <= 1 and _chance(df["y"], df["row"]) <= 1


def test_firms(small_con):
    df = small_con.execute("""
        SELECT f.firm_id, (p.status = 'filled')::INT AS y FROM firms f JOIN postings p USING (firm_id)
        WHERE p.status <> 'open'""").df()
    assert _chance(df["y"], df["firm_id"]) <= 1


def test_applications(small_con):
    df = small_con.execute(
        """SELECT application_id, row_number() OVER () AS row, (final_stage = 'hired')::INT AS y FROM applications
           WHERE applied_date <= CAST(? AS DATE) - INTERVAL 90 DAY""",
        [SNAPSHOT_DATE],
    ).df()
    assert _chance(df["y"], df["application_id"]) <= 1 and _chance(df["y"], df["row"]) <= 1


def test_hires(small_con):
    df = small_con.execute("SELECT hire_id, hire_date, row_number() OVER () AS row FROM hires").df()
    # ids are not handed out in date order (the old world numbered hires as it made them)
    assert abs(np.corrcoef(df["hire_id"], df["hire_date"].astype("int64"))[0, 1]) < 0.1


@pytest.mark.parametrize("order", ["enrollment_id", "row"])
def test_training_enrollments(small_con, order):
    df = small_con.execute("""
        SELECT e.enrollment_id, row_number() OVER () AS row, o.employed_6m::INT AS y
        FROM training_enrollments e JOIN seeker_outcomes o USING (seeker_id) WHERE o.observed""").df()
    assert _chance(df["y"], df[order]) <= 1


def test_emb_vectors(small_con):
    """The vector cache holds a model id, a text hash and a vector: its row order and hashes sort no outcome."""
    cols = [r[0] for r in small_con.execute("DESCRIBE emb_vectors").fetchall()]
    assert cols == ["model_id", "text_hash", "dim", "vec"]
    from models.matching.corpus import POSTING_TEXT_SQL  # noqa: PLC0415 - the one definition of a posting's text

    df = small_con.execute(f"""
        SELECT v.row, ('x' || substr(v.text_hash, 1, 8))::VARCHAR AS h, (p.status = 'filled')::INT AS y
        FROM (SELECT *, row_number() OVER () AS row FROM emb_vectors) v
        JOIN postings p ON md5({POSTING_TEXT_SQL}) = v.text_hash
        WHERE p.status <> 'open'""").df()
    assert len(df) > 100
    hashes = df["h"].map(lambda s: int(s[1:], 16))
    assert _chance(df["y"], df["row"]) <= 1 and _chance(df["y"], hashes) <= 1
