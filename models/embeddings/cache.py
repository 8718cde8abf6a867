"""The vector cache: embeddings stored in the warehouse, keyed by (model id, MD5 of the text).

A text is embedded once per model: `ensure_vectors` looks up every text's hash, embeds only the missing ones (with a
progress bar) and appends them, so a rebuild, an import or a changed posting costs only what is new. The hash is
DuckDB's `md5()` of the same string, so a query can join an entity to its vector in SQL (`vectors_for`). Vectors are
stored as float16 bytes (half the size; cosine rankings are unchanged to the third decimal).

The warehouse is rebuilt as a new file; `carry_over` copies the cache from the version being replaced, so a rebuild
of the same world re-embeds nothing. The table is written only by warehouse writers (build, training), never by the
app, which opens the warehouse read-only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from models.embeddings.base import Embedder

TABLE = "emb_vectors"
DDL = f"CREATE TABLE IF NOT EXISTS {TABLE} (model_id VARCHAR, text_hash VARCHAR, dim INTEGER, vec BLOB)"


def text_hash(texts: Sequence[str]) -> list[str]:
    return [hashlib.md5(t.encode("utf-8")).hexdigest() for t in texts]  # noqa: S324 - a cache key, not security


def has_cache(con: duckdb.DuckDBPyConnection) -> bool:
    q = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?"
    return bool(con.execute(q, [TABLE]).fetchone()[0])


def decode(blobs: Sequence[bytes], dim: int) -> np.ndarray:
    if not len(blobs):
        return np.zeros((0, dim), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), dim).astype(np.float32)


def ensure_vectors(
    con: duckdb.DuckDBPyConnection,
    embedder: Embedder,
    texts: Sequence[str],
    *,
    query: bool = False,
    progress: bool = True,
) -> tuple[np.ndarray, int]:
    """Vectors of `texts` (in order) and how many were embedded now; `con` must be writable."""
    con.execute(DDL)
    hashes = text_hash(texts)
    frame = pd.DataFrame({"h": hashes, "pos": np.arange(len(hashes))})
    con.register("_want", frame)
    have = con.execute(
        f"SELECT w.pos, v.vec FROM _want w JOIN {TABLE} v ON v.text_hash = w.h AND v.model_id = ?", [embedder.model_id]
    ).fetchall()
    con.unregister("_want")
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    found = np.zeros(len(texts), dtype=bool)
    if have:
        pos = np.array([r[0] for r in have])
        out[pos] = decode([r[1] for r in have], embedder.dim)
        found[pos] = True
    todo = np.flatnonzero(~found)
    # the same text twice is embedded once
    uniq: dict[str, int] = {}
    for i in todo:
        uniq.setdefault(hashes[i], int(i))
    first = np.array(list(uniq.values()), dtype=np.int64)
    if len(first):
        # rounded to the stored float16 now, so this call returns what every later read returns
        vec = embedder.encode([texts[i] for i in first], query=query, progress=progress).astype(np.float16)
        rows = pd.DataFrame(
            {
                "model_id": embedder.model_id,
                "text_hash": [hashes[i] for i in first],
                "dim": embedder.dim,
                "vec": [v.tobytes() for v in vec],
            }
        )
        con.register("_new", rows)
        con.execute(f"INSERT INTO {TABLE} SELECT model_id, text_hash, dim, vec FROM _new")
        con.unregister("_new")
        lookup = dict(zip((hashes[i] for i in first), vec, strict=True))
        out[todo] = np.stack([lookup[hashes[i]] for i in todo]).astype(np.float32)
    return out, len(first)


def vectors_for(
    con: duckdb.DuckDBPyConnection,
    model_id: str,
    dim: int,
    key: str,
    text_sql: str,
    from_sql: str,
    where: str = "",
    params: Sequence = (),
) -> tuple[np.ndarray, np.ndarray]:
    """(ids, vectors) of the entities whose current text has a cached vector, by a join on md5(text) in SQL."""
    if not has_cache(con):
        return np.zeros(0, dtype=np.int64), np.zeros((0, dim), dtype=np.float32)
    rows = con.execute(
        f"SELECT {key}, v.vec FROM {from_sql} JOIN {TABLE} v ON v.model_id = ? AND v.text_hash = md5({text_sql}) "
        f"{where} ORDER BY {key}",
        [model_id, *params],
    ).fetchall()
    return np.array([r[0] for r in rows], dtype=np.int64), decode([r[1] for r in rows], dim)


def prune(con: duckdb.DuckDBPyConnection, model_id: str) -> int:
    """Drop the vectors of earlier versions of the same backend (`static:<old>` when `model_id` is `static:<new>`):
    a retrained model never asks for them again, and each version would add its whole corpus to the file.
    Other backends' vectors stay (a configured USE or E5 keeps its cache)."""
    if not has_cache(con):
        return 0
    prefix = model_id.split(":", 1)[0] + ":%"
    n = con.execute(
        f"SELECT count(*) FROM {TABLE} WHERE model_id LIKE ? AND model_id <> ?", [prefix, model_id]
    ).fetchone()[0]
    con.execute(f"DELETE FROM {TABLE} WHERE model_id LIKE ? AND model_id <> ?", [prefix, model_id])
    return int(n)


def carry_over(con: duckdb.DuckDBPyConnection, previous: Path) -> int:
    """Copy the cache of the warehouse version being replaced into the one being written; returns rows copied."""
    con.execute(DDL)
    if not previous.exists():
        return 0
    con.execute("ATTACH ? AS prev (READ_ONLY)", [str(previous.resolve())])
    try:
        tables = con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'prev' AND table_name = ?", [TABLE]
        ).fetchone()[0]
        if not tables:
            return 0
        before = int(con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])
        con.execute(
            f"INSERT INTO {TABLE} SELECT DISTINCT p.* FROM prev.main.{TABLE} p WHERE NOT EXISTS "
            f"(SELECT 1 FROM {TABLE} v WHERE v.model_id = p.model_id AND v.text_hash = p.text_hash)"
        )
        return int(con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]) - before
    finally:
        con.execute("DETACH prev")
