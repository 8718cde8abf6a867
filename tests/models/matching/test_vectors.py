"""A rebuild keeps the vector cache and embeds only what is new or changed (the `goyong.derived` hook)."""

from __future__ import annotations

import duckdb

import config
from models.embeddings.static import load_trained
from models.matching import vectors


def test_a_rebuild_reuses_the_cache_and_embeds_only_changed_texts(small_data_dir):
    con = duckdb.connect()  # stands in for the new warehouse version a build writes
    con.execute("ATTACH ? AS cur (READ_ONLY)", [str(config.warehouse_db(small_data_dir).resolve())])
    for t in ("postings", "seekers", "ref_occupation"):
        con.execute(f"CREATE TABLE {t} AS SELECT * FROM cur.main.{t}")
    con.execute("DETACH cur")
    msg = vectors.refresh(con, small_data_dir, None, None)
    assert msg is not None and "0건 새로" in msg
    model = load_trained(small_data_dir)
    assert vectors.missing(con, model.model_id) == 0
    con.execute(
        "UPDATE postings SET title = title || ' (수정)' WHERE posting_id = (SELECT min(posting_id) FROM postings)"
    )
    assert vectors.missing(con, model.model_id) == 1
    assert vectors.embed_into(con, model, progress=False) == 1
    ids, vec = vectors.posting_vectors(con, model.model_id, model.dim)
    assert len(ids) == con.execute("SELECT count(*) FROM postings").fetchone()[0] and vec.shape[1] == model.dim


def test_other_tables_do_not_trigger_embedding(small_data_dir):
    assert vectors.refresh(duckdb.connect(), small_data_dir, "firms", [1]) is None
