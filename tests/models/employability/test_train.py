"""Training run: batch scores for every seeker; a real extract with missing and odd values trains.

The many ways a real extract is messy are in test_extract.py and test_cli.py.
"""

from __future__ import annotations

import json
import shutil

import pytest

import config
from models.common import registry
from models.employability.features import FEATURE_NAMES, build_features
from models.employability.train import TrainingDataError, ensure, frame_from_file


def test_batch_scores_cover_every_seeker(trained):
    *_, con = trained
    n, ok = con.execute(
        """SELECT count(*), bool_and(abs(p - 1 / (1 + exp(-(base + {s})))) < 1e-9) FROM seeker_scores""".format(
            s=" + ".join(f"c_{f}" for f in FEATURE_NAMES)
        )
    ).fetchone()
    assert n == con.execute("SELECT count(*) FROM seekers").fetchone()[0] and ok


def test_real_data_training_file_with_missing_and_odd_values(tmp_path, trained):
    *_, con = trained
    s = con.execute(
        "SELECT s.*, o.employed_6m FROM seekers s JOIN seeker_outcomes o USING (seeker_id) WHERE observed LIMIT 400"
    ).df()
    s = s.drop(columns=["skills", "training_hours_before", "last_keco_code"])  # optional columns missing
    s["employed_6m"] = s["employed_6m"].map({True: "예", False: "아니오"})
    s.loc[0, "employed_6m"] = "모름"  # odd label: stops the run unless dropped on request
    s = s.astype({"age": "object"})
    s.loc[1, "age"] = "스물"  # odd number: becomes unknown, not a crash
    s = s.rename(columns={"desired_keco_code": "희망직업코드"})
    f = tmp_path / "real.csv"
    s.to_csv(f, index=False)
    with pytest.raises(TrainingDataError, match=r"필수 열이 없습니다: '희망 직업'\(desired_keco_code\)"):
        frame_from_file(f, "employed_6m", None)
    cmap = tmp_path / "map.json"
    cmap.write_text('{"희망직업코드": "desired_keco_code"}', encoding="utf-8")
    with pytest.raises(TrainingDataError, match="'모름' 1건"):
        frame_from_file(f, "employed_6m", str(cmap))
    frame = frame_from_file(f, "employed_6m", str(cmap), drop_bad_labels=True)
    assert len(frame) == 399 and frame["label"].isin([0, 1]).all() and frame["age"].isna().sum() == 1
    assert frame[["has_last_job", "n_skills", "training_hours"]].isna().all().all()  # absent: unknown, not 0
    occ = con.execute("SELECT * FROM ref_occupation").df()
    assert build_features(
        s.rename(columns={"희망직업코드": "desired_keco_code"}).assign(
            skills="", training_hours_before=0, last_keco_code=None
        ),
        occ,
    ).shape[1] == len(FEATURE_NAMES)


def test_a_model_saved_before_the_service_packages_is_retrained(small_data_dir, tmp_path):
    """A version in the old layout (CSV tables, no format) is not loaded; `ensure` trains a current one."""
    shutil.copy(config.warehouse_db(small_data_dir), config.warehouse_db(tmp_path))
    old = config.artefacts_dir(tmp_path) / "employability" / "20261130-120000"
    old.mkdir(parents=True)
    (old / "meta.json").write_text(json.dumps({"name": "employability", "version": old.name}), encoding="utf-8")
    (old / "fairness.csv").write_text("dimension,group\n시도,11\n", encoding="utf-8")
    assert ensure(str(tmp_path)) == "trained"
    new = registry.latest("employability", tmp_path)
    assert new is not None and new != old and (new / "fairness.parquet").exists()
    assert ensure(str(tmp_path)) == "present"
