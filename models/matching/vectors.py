"""Posting and seeker vectors in the warehouse cache: embed what is missing, read what is there.

`embed_into(con, embedder)` embeds every posting and seeker text that has no vector for the embedder yet (a first
build embeds all; a rebuild, after `cache.carry_over`, only new or changed texts). `refresh` is the `goyong.derived`
hook a build or an import calls inside the version being written; `refresh_warehouse` writes a new version when
training produced a new embedder. Reads (`posting_vectors`, `seeker_vectors`) join each entity's current text to its
vector by MD5 in SQL, so a changed text simply has no vector until the next refresh.
"""

from __future__ import annotations

import duckdb
import numpy as np

import config
from data_catalog import publish
from models.common import registry
from models.common.warehouse import open_read_only
from models.embeddings import cache
from models.embeddings.backends import Embedder
from models.embeddings.static import load_trained
from models.matching.corpus import POSTING_TEXT_SQL, SEEKER_TEXT_SQL, posting_texts, seeker_texts

POSTING_FROM = "postings p"
SEEKER_FROM = "seekers s LEFT JOIN ref_occupation o ON o.keco_code = s.desired_keco_code"


def missing(con: duckdb.DuckDBPyConnection, model_id: str) -> int:
    """How many posting and seeker texts have no cached vector for `model_id`."""
    if not cache.has_cache(con):
        return int(con.execute("SELECT (SELECT count(*) FROM postings) + (SELECT count(*) FROM seekers)").fetchone()[0])
    n = 0
    for text_sql, from_sql in ((POSTING_TEXT_SQL, POSTING_FROM), (SEEKER_TEXT_SQL, SEEKER_FROM)):
        n += con.execute(
            f"SELECT count(*) FROM {from_sql} WHERE NOT EXISTS (SELECT 1 FROM {cache.TABLE} v "
            f"WHERE v.model_id = ? AND v.text_hash = md5({text_sql}))",
            [model_id],
        ).fetchone()[0]
    return int(n)


def embed_into(con: duckdb.DuckDBPyConnection, embedder: Embedder, progress: bool = True) -> int:
    """Embed the posting and seeker texts missing from the cache (dropping an earlier version's vectors of the same
    backend); returns how many texts were embedded."""
    cache.prune(con, embedder.model_id)
    n = 0
    for frame, query in ((posting_texts(con), False), (seeker_texts(con), True)):
        _, k = cache.ensure_vectors(con, embedder, frame["text"].tolist(), query=query, progress=progress)
        n += k
    return n


def refresh(
    con: duckdb.DuckDBPyConnection, data_dir: config.PathLike | None, table: str | None, keys: list | None
) -> str | None:
    """The `goyong.derived` hook: keep the previous version's vectors, embed new texts with the trained embedder."""
    if table is not None and table not in ("postings", "seekers"):
        return None
    if table is None:
        cache.carry_over(con, config.warehouse_db(data_dir))
    if registry.latest("matching_embedder", data_dir) is None:
        return None  # first build: training embeds next
    n = embed_into(con, load_trained(data_dir), progress=False)
    return f"매칭 임베딩: {n:,}건 새로 계산(나머지는 캐시 재사용)."


def refresh_warehouse(embedder: Embedder, data_dir: config.PathLike | None = None, progress: bool = True) -> int:
    """Embed what is missing into a new warehouse version (nothing is written when nothing is missing)."""
    with open_read_only(data_dir) as con:
        if not missing(con, embedder.model_id):
            return 0
    with publish.writer_lock(data_dir):
        publish.recover(data_dir)
        with publish.new_version(data_dir) as con:
            return embed_into(con, embedder, progress)


def posting_vectors(
    con: duckdb.DuckDBPyConnection, model_id: str, dim: int, where: str = "", params: tuple = ()
) -> tuple[np.ndarray, np.ndarray]:
    return cache.vectors_for(con, model_id, dim, "p.posting_id", POSTING_TEXT_SQL, POSTING_FROM, where, params)


def seeker_vectors(
    con: duckdb.DuckDBPyConnection, model_id: str, dim: int, where: str = "", params: tuple = ()
) -> tuple[np.ndarray, np.ndarray]:
    return cache.vectors_for(con, model_id, dim, "s.seeker_id", SEEKER_TEXT_SQL, SEEKER_FROM, where, params)
