"""Model registry: one folder per trained version with the artefact, metadata and evaluation tables.

Layout: <data>/artefacts/<model>/<version>/{model.pkl, meta.json, *.csv}; `latest` picks the newest.
Metadata carries what a model card needs: features, training-data hash, parameters, split periods,
held-out metrics (model, baseline, ceiling), created-at.
"""

from __future__ import annotations

import json
import os
import pickle
from datetime import datetime
from pathlib import Path

import pandas as pd


def root(data_dir: str | Path | None = None) -> Path:
    return Path(data_dir or os.environ.get("GOYONG_DATA_DIR", "data")) / "artefacts"


def save(name: str, model: object, meta: dict, tables: dict[str, pd.DataFrame], data_dir: str | Path | None = None) -> Path:
    version = datetime.now().strftime("%Y%m%d-%H%M%S")
    d = root(data_dir) / name / version
    tmp = d.with_name(version + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    with open(tmp / "model.pkl", "wb") as f:
        pickle.dump(model, f)
    meta = {**meta, "name": name, "version": version, "created_at": datetime.now().isoformat(timespec="seconds")}
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    for k, df in tables.items():
        df.to_csv(tmp / f"{k}.csv", index=False)
    os.replace(tmp, d)
    return d


def latest(name: str, data_dir: str | Path | None = None) -> Path | None:
    d = root(data_dir) / name
    if not d.exists():
        return None
    versions = sorted(p for p in d.iterdir() if p.is_dir() and not p.name.endswith(".tmp") and (p / "meta.json").exists())
    return versions[-1] if versions else None


def load(path: Path) -> tuple[object, dict, dict[str, pd.DataFrame]]:
    with open(path / "model.pkl", "rb") as f:
        model = pickle.load(f)  # noqa: S301 - our own artefact
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    tables = {p.stem: pd.read_csv(p) for p in path.glob("*.csv")}
    return model, meta, tables
