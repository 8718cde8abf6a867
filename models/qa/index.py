"""Building and loading the Q&A index: the corpus's chunks and one vector matrix per dense backend.

`build` embeds every chunk with each dense backend through the shared vector cache (`models.embeddings.cache`, here
in its own DuckDB file under `config.qa_dir()`), so an unchanged chunk is never embedded twice: rebuilding an
unchanged corpus embeds nothing, and an amended article costs one chunk. A version is written as a new folder and
published by replacing `current.json` (one atomic rename), so the app never reads half an index. The app opens
only the published folder; the cache file is for builders.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from tqdm import tqdm

import config
from models.embeddings import backends, cache
from models.embeddings.base import normalise
from models.qa import corpus

DENSE: tuple[str, ...] = ("e5", "use")
"""The packaged dense backends embedded into the index: E5 is fused by default (`retrieval.SIGNALS`); USE is kept so
the evaluation can score it alone and in every fusion (bench/README.md; 14 s of the build)."""
SLICE = 64
POINTER = "current.json"
KEEP = 2
"""Published versions kept (the current one and the one before it, which a running app may still hold)."""


@dataclass
class Built:
    version: str
    chunks: int
    embedded: dict[str, int]
    seconds: float
    unchanged: bool


def current(data_dir: config.PathLike | None = None) -> Path | None:
    """The published index folder, or None when none was built."""
    pointer = config.qa_dir(data_dir) / POINTER
    try:
        folder = config.qa_dir(data_dir) / json.loads(pointer.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None
    return folder if (folder / "meta.json").exists() else None


def meta(folder: Path) -> dict:
    return json.loads((folder / "meta.json").read_text(encoding="utf-8"))


def build(
    dense: tuple[str, ...] = DENSE,
    data_dir: config.PathLike | None = None,
    progress: bool = True,
) -> Built:
    """Embed the corpus (only what the cache lacks) and publish it as the current index; an index of the same corpus
    and backends is kept as it is (so `make run` can call this every time)."""
    t0 = time.perf_counter()
    frame = corpus.chunks()
    digest = corpus.corpus_hash(frame)
    root = config.qa_dir(data_dir)
    old = current(data_dir)
    if old is not None and meta(old)["corpus_hash"] == digest and meta(old)["dense"] == list(dense):
        return Built(old.name, len(frame), {}, time.perf_counter() - t0, True)
    root.mkdir(parents=True, exist_ok=True)
    version = f"{digest}-{time.strftime('%Y%m%d%H%M%S')}"
    tmp = root / f".{version}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    embedded: dict[str, int] = {}
    models: dict[str, str] = {}
    texts = frame["search_text"].tolist()
    with duckdb.connect(str(root / "vectors.duckdb")) as con:
        for step, name in enumerate(dense):
            emb = backends.make(name, data_dir)
            parts, embedded[name] = [], 0
            bar = tqdm(total=len(texts), desc=f"상담 지식 임베딩({name})", unit="조각", disable=not progress)
            for i in range(0, len(texts), SLICE):  # slices, so the progress file moves while a slow backend works
                vec, n = cache.ensure_vectors(con, emb, texts[i : i + SLICE], progress=False)
                parts.append(vec)
                embedded[name] += n
                bar.update(len(vec))
                write_progress(root, "building", step * len(texts) + i + len(vec), len(dense) * len(texts), name)
            bar.close()
            vec = np.concatenate(parts) if parts else np.zeros((0, emb.dim), dtype=np.float32)
            cache.prune(con, emb.model_id)
            np.save(tmp / f"{name}.npy", vec.astype(np.float16))
            models[name] = emb.model_id
    frame.to_parquet(tmp / "chunks.parquet", index=False)
    info = {"version": version, "corpus_hash": digest, "dense": list(dense), "models": models, "chunks": len(frame)}
    (tmp / "meta.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, root / version)
    pointer_tmp = root / f".{POINTER}.tmp"
    pointer_tmp.write_text(json.dumps({"version": version}), encoding="utf-8")
    os.replace(pointer_tmp, root / POINTER)
    _prune_versions(root, version)
    write_progress(root, "done", len(dense) * len(texts), len(dense) * len(texts), "")
    return Built(version, len(frame), embedded, time.perf_counter() - t0, False)


def write_progress(root: Path, state: str, done: int, total: int, backend: str, pid: int | None = None) -> None:
    """`progress.json`: what a page shows while the index is built in the background (`start_background`)."""
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / ".progress.json.tmp"
    info = {"state": state, "done": done, "total": total, "backend": backend, "pid": pid or os.getpid()}
    tmp.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, root / "progress.json")


def progress_of(data_dir: config.PathLike | None = None) -> dict | None:
    """The last build's progress, with `running` True while its process is alive; None when none was started."""
    try:
        info = json.loads((config.qa_dir(data_dir) / "progress.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    info["running"] = info.get("state") == "building" and _alive(int(info.get("pid", 0)))
    return info


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_current(data_dir: config.PathLike | None = None, dense: tuple[str, ...] = DENSE) -> bool:
    old = current(data_dir)
    if old is None:
        return False
    info = meta(old)
    return info["corpus_hash"] == corpus.corpus_hash(corpus.chunks()) and info["dense"] == list(dense)


def start_background(data_dir: config.PathLike | None = None) -> str:
    """Build the index in a detached process (so `make run` opens the app without waiting for the slow dense
    backend); returns what happened, in Korean. Nothing starts when the index is current or a build is running."""
    if is_current(data_dir):
        return "상담 지식 색인이 최신입니다."
    running = progress_of(data_dir)
    if running and running["running"]:
        return f"상담 지식 색인을 이미 만들고 있습니다 (프로세스 {running['pid']})."
    root = config.qa_dir(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, "-m", "models.qa"]
    if data_dir is not None:
        args += ["--data-dir", str(data_dir)]
    with (root / "build.log").open("ab") as log:
        proc = subprocess.Popen(  # noqa: S603 - our own module, no shell
            [*args, "index"], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
    write_progress(root, "building", 0, 0, "", proc.pid)
    return f"상담 지식 색인을 백그라운드에서 만듭니다 (약 5분, 로그: {root / 'build.log'})."


def _prune_versions(root: Path, keep_current: str) -> None:
    versions = sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")), key=lambda p: p.stat().st_mtime_ns
    )
    older = [p for p in versions if p.name != keep_current]
    for p in older[: max(0, len(older) - (KEEP - 1))]:
        shutil.rmtree(p, ignore_errors=True)


def load_arrays(folder: Path) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """The chunks and their (float32, unit-length) vectors per dense backend of one published version."""
    info = meta(folder)
    frame = pd.read_parquet(folder / "chunks.parquet")
    vectors = {name: normalise(np.load(folder / f"{name}.npy").astype(np.float32)) for name in info["dense"]}
    return frame, vectors
