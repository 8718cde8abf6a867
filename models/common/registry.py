"""Model registry: one folder per trained version with the artefact, its metadata and its evaluation tables.

Layout: <data>/artefacts/<model>/<version>/{model.pkl, meta.json, <table>.parquet}; `latest` picks
the newest version written in the current `FORMAT`. Tables are Parquet, so codes such as a sido
'11' or a KECO '0211' come back as the strings they were, with their types. Metadata carries what
a model card needs (see `REQUIRED_META`) plus where the model came from: the code version (a hash
of the sources that shape it), the training-data hash and the data source (`meta["data_source"]`:
{"kind": "warehouse", …} or {"kind": "file", "path", "sha256", "rows", …}).

`latest` returns warehouse-trained versions only unless asked otherwise: the app and batch scoring call
it, and a model an analyst trained on a real extract (a different population, other features) must
never replace the one that scores the warehouse just because it is newer.

`KINDS` lists every registered model; the contract test in tests/models/common/ runs on each, so a
new service gets the same checks (metadata, sensitive attributes, SHAP additivity, round trip,
train-only-when-missing) by adding itself here.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

import config

FORMAT = 4
"""Versions in another format are not loaded, so `ensure` retrains: 1 saved tables as CSV (before the service
packages); 2 lacked the card texts every generic card needs (`REQUIRED_CARD`); 3 had a hiring model with a text-length
feature the what-if page cannot fill."""

REQUIRED_META = (
    "name",
    "version",
    "created_at",
    "format",
    "code_version",
    "training_data_hash",
    "training_source",
    "features",
    "sensitive_excluded",
    "params",
    "metrics",
    "threshold",
    "split_periods",
    "split_sizes",
    "card",
)
"""What every saved model carries; the model card and the contract test read these."""
REQUIRED_CARD = (
    "purpose_ko",
    "method_ko",
    "entity_table",
    "unit_ko",
    "split_by_ko",
    "metric_names_ko",
    "flag_ko",
    "flag_rule_ko",
    "positive_ko",
)
"""The texts a generic model card needs (`meta["card"]`): what the model is for, how it works, what it counts."""
REQUIRED_TABLES = ("fairness", "calibration")


@dataclass(frozen=True)
class ModelKind:
    """A registered model: its registry name, Korean title and the service package that trains it.

    The package's `train` module provides `ensure(data_dir) -> str` (train only when missing) and
    `contract_sample(data_dir, n) -> DataFrame` (feature rows for the contract test).
    """

    name: str
    title_ko: str
    package: str


KINDS: tuple[ModelKind, ...] = (
    ModelKind("employability", "취업확률(6개월)", "models.employability"),
    ModelKind("hiring", "충원확률(90일)", "models.hiring"),
)
SCORERS: tuple[ModelKind, ...] = (
    ModelKind("posting_anomaly", "이상 공고 점수", "models.posting_check"),
    ModelKind("matching", "일자리 매칭(재순위)", "models.matching"),
)
"""Trained scorers that are not calibrated tabular models (no SHAP, no fairness table): saved and versioned here
like the models, trained by `python -m models train`, but outside the tabular contract test."""
TRAINED: tuple[ModelKind, ...] = KINDS + SCORERS
"""Everything `python -m models train` trains."""
PARTS: tuple[ModelKind, ...] = (ModelKind("matching_embedder", "매칭 임베딩(정적)", "models.matching"),)
"""Artefacts a trained model's own `train` saves as part of it (versioned here, not trained on their own)."""


def kind(name: str) -> ModelKind:
    for k in TRAINED + PARTS:
        if k.name == name:
            return k
    raise KeyError(f"등록되지 않은 모델입니다: {name} (models/common/registry.py의 KINDS에 추가해 주세요)")


def root(data_dir: config.PathLike | None = None) -> Path:
    return config.artefacts_dir(data_dir)


def code_version(package: str) -> str:
    """Hash of the sources that shape a model: its service package, models/common and the data spec."""
    here = config.PROJECT_ROOT
    files = sorted(
        [
            *(here / package.replace(".", "/")).glob("*.py"),
            *(here / "models" / "common").glob("*.py"),
            here / "data_catalog" / "spec.py",
        ]
    )
    h = hashlib.sha256()
    for f in files:
        h.update(f.relative_to(here).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def save(
    name: str, model: object, meta: dict, tables: dict[str, pd.DataFrame], data_dir: config.PathLike | None = None
) -> Path:
    """Write a new version atomically (a temp folder renamed into place) and return its folder."""
    now = datetime.now()
    version = now.strftime("%Y%m%d-%H%M%S-%f")
    d = root(data_dir) / name / version
    tmp = d.with_name(version + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    with open(tmp / "model.pkl", "wb") as f:
        pickle.dump(model, f)
    meta = {
        **meta,
        "name": name,
        "version": version,
        "created_at": now.isoformat(timespec="seconds"),
        "format": FORMAT,
        "code_version": code_version(kind(name).package),
    }
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    for k, df in tables.items():
        df.to_parquet(tmp / f"{k}.parquet", index=False)
    os.replace(tmp, d)
    return d


SOURCES = ("warehouse", "file")
"""Where a model's training data came from (`meta["data_source"]["kind"]`)."""


def _meta(path: Path) -> dict:
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def source_kind(meta: dict) -> str:
    """'warehouse' or 'file'; a version saved before `data_source` existed is judged by its training source."""
    ds = meta.get("data_source")
    if isinstance(ds, dict) and ds.get("kind") in SOURCES:
        return ds["kind"]
    src = str(meta.get("training_source") or "")
    return "file" if src and not src.endswith(".duckdb") else "warehouse"


def latest(name: str, data_dir: config.PathLike | None = None, source: str | None = "warehouse") -> Path | None:
    """The newest complete version in the current format trained on `source` ('warehouse', 'file'; None: any)."""
    if source is not None and source not in SOURCES:
        raise ValueError(f"source must be one of {SOURCES} or None, not {source!r}")
    d = root(data_dir) / name
    if not d.exists():
        return None
    for p in sorted((p for p in d.iterdir() if p.is_dir() and not p.name.endswith(".tmp")), reverse=True):
        meta = _meta(p)
        if meta.get("format") == FORMAT and (source is None or source_kind(meta) == source):
            return p
    return None


def load(path: Path) -> tuple[object, dict, dict[str, pd.DataFrame]]:
    with open(path / "model.pkl", "rb") as f:
        model = pickle.load(f)  # noqa: S301 - our own artefact
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    tables = {p.stem: pd.read_parquet(p) for p in path.glob("*.parquet")}
    return model, meta, tables
