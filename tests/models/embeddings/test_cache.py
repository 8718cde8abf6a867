"""The vector cache: each text embedded once per model, float16 round trip, SQL join by md5, carry-over."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import duckdb
import numpy as np
import pytest

from models.embeddings import cache

TEXTS = ["지게차 운전 경력자 모집", "회계 사무 보조", "지게차 운전 경력자 모집", "용접 기능사 채용"]


def fake_vector(text: str, dim: int, model_id: str) -> np.ndarray:
    """A deterministic unit vector per (model, text)."""
    seed = int(hashlib.sha256(f"{model_id}|{text}".encode()).hexdigest()[:16], 16)
    v = np.random.default_rng(seed).normal(size=dim).astype(np.float32)
    return v / np.linalg.norm(v)


class CountingEmbedder:
    """An Embedder that remembers every text it was asked to embed."""

    def __init__(self, model_id: str = "fake:v1", dim: int = 16) -> None:
        self.model_id, self.dim = model_id, dim
        self.asked: list[str] = []
        self.query_flags: list[bool] = []

    def encode(self, texts: Sequence[str], *, query: bool = False, progress: bool = False) -> np.ndarray:
        self.asked += list(texts)
        self.query_flags.append(query)
        if not len(texts):
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([fake_vector(t, self.dim, self.model_id) for t in texts])


def ensure(con, emb, texts, **kw):
    return cache.ensure_vectors(con, emb, texts, progress=False, **kw)


@pytest.fixture()
def con():
    c = duckdb.connect(":memory:")
    yield c
    c.close()


def rows(con) -> int:
    return con.execute(f"SELECT count(*) FROM {cache.TABLE}").fetchone()[0]


def test_text_hash_is_duckdb_md5(con):
    assert cache.text_hash(TEXTS[:2]) == [con.execute("SELECT md5(?)", [t]).fetchone()[0] for t in TEXTS[:2]]


def test_first_call_embeds_each_distinct_text_once(con):
    emb = CountingEmbedder()
    vec, n = ensure(con, emb, TEXTS)
    assert n == 3 and sorted(emb.asked) == sorted(set(TEXTS))
    assert vec.shape == (4, 16) and vec.dtype == np.float32
    assert np.array_equal(vec[0], vec[2])  # the duplicate gets the same vector
    expected = np.stack([fake_vector(t, 16, emb.model_id) for t in TEXTS])
    assert np.allclose(vec, expected, atol=1e-3)  # in order, up to float16
    assert rows(con) == 3 and cache.has_cache(con)


def test_second_call_with_the_same_texts_embeds_nothing(con):
    emb = CountingEmbedder()
    first, _ = ensure(con, emb, TEXTS)
    asked = len(emb.asked)
    again, n = ensure(con, emb, TEXTS)
    assert n == 0 and len(emb.asked) == asked and rows(con) == 3
    assert np.array_equal(first, again)


def test_only_changed_and_new_texts_are_embedded(con):
    emb = CountingEmbedder()
    ensure(con, emb, TEXTS)
    emb.asked.clear()
    texts = ["지게차 운전 경력자 모집", "회계 사무 보조 (주 5일)", "용접 기능사 채용", "카페 바리스타 아르바이트"]
    vec, n = ensure(con, emb, texts)
    assert n == 2 and sorted(emb.asked) == sorted([texts[1], texts[3]])
    assert rows(con) == 5
    assert np.allclose(vec, np.stack([fake_vector(t, 16, emb.model_id) for t in texts]), atol=1e-3)


def test_returned_vectors_are_what_later_reads_return(con):
    emb = CountingEmbedder()
    fresh, _ = ensure(con, emb, TEXTS)  # embedded now
    raw = np.stack([fake_vector(t, 16, emb.model_id) for t in TEXTS])
    assert np.array_equal(fresh, raw.astype(np.float16).astype(np.float32))  # already rounded like the stored copy
    cached, n = ensure(con, emb, TEXTS)  # read back from the table
    assert n == 0 and np.array_equal(fresh, cached)
    assert np.allclose(np.linalg.norm(cached, axis=1), 1, atol=1e-3)


def test_a_different_model_does_not_reuse_vectors(con):
    a, b = CountingEmbedder("fake:v1"), CountingEmbedder("fake:v2")
    va, _ = ensure(con, a, TEXTS)
    vb, n = ensure(con, b, TEXTS)
    assert n == 3 and sorted(b.asked) == sorted(set(TEXTS)) and rows(con) == 6
    assert not np.allclose(va, vb)
    _, n_again = ensure(con, a, TEXTS)  # each model still finds its own
    assert n_again == 0


def test_query_flag_reaches_the_embedder_and_empty_input(con):
    emb = CountingEmbedder()
    ensure(con, emb, ["서울 강남구 요양보호사"], query=True)
    assert emb.query_flags == [True]
    vec, n = ensure(con, emb, [])
    assert vec.shape == (0, 16) and n == 0 and emb.query_flags == [True]  # nothing to embed: not called


@pytest.fixture()
def postings(con):
    con.execute("CREATE TABLE postings (posting_id INTEGER, title VARCHAR, body VARCHAR)")
    con.execute(
        "INSERT INTO postings VALUES (3, '용접', '조선소 생산직'), (1, '지게차', '물류 창고'),"
        " (2, '바리스타', '카페 매장'), (4, '경비', '아파트 야간')"
    )
    texts = {1: "지게차 물류 창고", 2: "바리스타 카페 매장", 3: "용접 조선소 생산직"}  # id 4 is never embedded
    emb = CountingEmbedder()
    vec, _ = ensure(con, emb, list(texts.values()))
    return emb, dict(zip(texts, vec, strict=True))


def vectors_for(con, emb, where="", params=()):
    return cache.vectors_for(
        con, emb.model_id, emb.dim, "p.posting_id", "p.title || ' ' || p.body", "postings p", where, params
    )


def test_vectors_for_joins_the_current_text_by_md5(con, postings):
    emb, want = postings
    ids, vec = vectors_for(con, emb)
    assert ids.tolist() == [1, 2, 3] and ids.dtype == np.int64  # ordered by key; id 4 has no cached vector
    assert np.array_equal(vec, np.stack([want[i] for i in [1, 2, 3]]))
    ids, vec = vectors_for(con, emb, "WHERE p.posting_id >= ?", (2,))
    assert ids.tolist() == [2, 3] and np.array_equal(vec[0], want[2])
    con.execute("UPDATE postings SET body = '카페 매장 주말' WHERE posting_id = 2")
    ids, _ = vectors_for(con, emb)
    assert ids.tolist() == [1, 3]  # a changed text no longer matches its old vector


def test_vectors_for_other_model_or_no_cache_is_empty(con, postings):
    emb, _ = postings
    ids, vec = vectors_for(con, CountingEmbedder("fake:other", 16))
    assert ids.shape == (0,) and vec.shape == (0, 16)
    fresh = duckdb.connect(":memory:")
    fresh.execute("CREATE TABLE postings (posting_id INTEGER, title VARCHAR, body VARCHAR)")
    ids, vec = vectors_for(fresh, emb)
    assert ids.shape == (0,) and vec.shape == (0, 16) and not cache.has_cache(fresh)
    fresh.close()


def previous_file(tmp_path, texts=TEXTS, emb=None):
    path = tmp_path / "previous.duckdb"
    emb = emb or CountingEmbedder()
    with duckdb.connect(str(path)) as old:
        vec, _ = ensure(old, emb, texts)
    return path, vec


def test_carry_over_copies_the_previous_cache(tmp_path):
    path, old_vec = previous_file(tmp_path)
    with duckdb.connect(str(tmp_path / "new.duckdb")) as new:
        assert cache.carry_over(new, path) == 3
        emb = CountingEmbedder()
        vec, n = ensure(new, emb, TEXTS)
        assert n == 0 and emb.asked == [] and np.array_equal(vec, old_vec)
    assert path.exists()  # attached read-only and detached again
    with duckdb.connect(str(path), read_only=True) as old:
        assert rows(old) == 3


def test_carry_over_without_a_previous_file_or_table(tmp_path):
    with duckdb.connect(str(tmp_path / "new.duckdb")) as new:
        assert cache.carry_over(new, tmp_path / "missing.duckdb") == 0
        assert cache.has_cache(new) and rows(new) == 0  # the empty table exists for the writers that follow
        other = tmp_path / "other.duckdb"
        with duckdb.connect(str(other)) as o:
            o.execute("CREATE TABLE unrelated (x INTEGER)")
        assert cache.carry_over(new, other) == 0 and rows(new) == 0
        assert cache.carry_over(new, other) == 0  # 'prev' was detached: attaching again works


def test_carry_over_returns_rows_copied_into_a_non_empty_target(tmp_path):
    path, _ = previous_file(tmp_path)
    with duckdb.connect(str(tmp_path / "new.duckdb")) as new:
        ensure(new, CountingEmbedder("fake:v2"), ["요양보호사 구함"])
        assert cache.carry_over(new, path) == 3


def test_carry_over_twice_does_not_duplicate_entities(tmp_path, con):
    path, _ = previous_file(tmp_path, ["지게차 물류 창고"])
    con.execute("CREATE TABLE postings (posting_id INTEGER, title VARCHAR, body VARCHAR)")
    con.execute("INSERT INTO postings VALUES (1, '지게차', '물류 창고')")
    cache.carry_over(con, path)
    cache.carry_over(con, path)
    ids, _ = vectors_for(con, CountingEmbedder())
    assert ids.tolist() == [1]


def test_prune_drops_only_earlier_versions_of_the_same_backend():
    con = duckdb.connect()
    con.execute(cache.DDL)
    rows = [("static:old", "a"), ("static:new", "a"), ("use:1", "a")]
    con.executemany(f"INSERT INTO {cache.TABLE} VALUES (?, ?, 1, ?)", [(m, h, b"\x00\x00") for m, h in rows])
    assert cache.prune(con, "static:new") == 1
    assert sorted(r[0] for r in con.execute(f"SELECT model_id FROM {cache.TABLE}").fetchall()) == [
        "static:new",
        "use:1",
    ]
