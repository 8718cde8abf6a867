"""The Q&A index: an unchanged corpus embeds nothing, an amended article costs one chunk, versions swap whole."""

from __future__ import annotations

import numpy as np
import pytest

from models.qa import corpus, index


class CountingEmbedder:
    """A deterministic stand-in for a dense backend that counts what it was asked to embed."""

    dim = 8

    def __init__(self, name: str) -> None:
        self.model_id = f"{name}:test-1"
        self.seen = 0

    def encode(self, texts, *, query=False, progress=False):  # noqa: ANN001, ANN201
        self.seen += len(texts)
        rng = [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=self.dim) for t in texts]
        return np.array(rng, dtype=np.float32).reshape(len(texts), self.dim)


@pytest.fixture()
def small_corpus(monkeypatch):
    frame = corpus.chunks().iloc[:120].reset_index(drop=True)
    monkeypatch.setattr(corpus, "chunks", lambda: frame.copy())
    made: dict[str, CountingEmbedder] = {}

    def make(name, data_dir=None):  # noqa: ANN001, ANN202
        return made.setdefault(name, CountingEmbedder(name))

    monkeypatch.setattr(index.backends, "make", make)
    return frame, made


def test_a_rebuild_of_the_same_corpus_embeds_nothing(tmp_path, small_corpus):
    frame, made = small_corpus
    first = index.build(("e5",), data_dir=tmp_path, progress=False)
    assert not first.unchanged and first.embedded == {"e5": len(frame)}
    again = index.build(("e5",), data_dir=tmp_path, progress=False)
    assert again.unchanged and again.version == first.version and made["e5"].seen == len(frame)
    chunks, vectors = index.load_arrays(index.current(tmp_path))
    assert len(chunks) == len(frame) and vectors["e5"].shape == (len(frame), 8)
    assert np.allclose(np.linalg.norm(vectors["e5"], axis=1), 1, atol=1e-3)


def test_an_amended_article_costs_one_chunk_and_publishes_a_new_version(tmp_path, small_corpus, monkeypatch):
    frame, made = small_corpus
    first = index.build(("e5",), data_dir=tmp_path, progress=False)
    edited = frame.copy()
    edited.loc[3, "search_text"] += " (개정)"
    monkeypatch.setattr(corpus, "chunks", lambda: edited.copy())
    second = index.build(("e5",), data_dir=tmp_path, progress=False)
    assert second.embedded == {"e5": 1} and second.version != first.version
    assert index.current(tmp_path).name == second.version
    # the version before stays for an app that still holds it; older ones go
    third_frame = edited.copy()
    third_frame.loc[4, "search_text"] += " (개정)"
    monkeypatch.setattr(corpus, "chunks", lambda: third_frame.copy())
    third = index.build(("e5",), data_dir=tmp_path, progress=False)
    kept = sorted(p.name for p in (tmp_path / "qa").iterdir() if p.is_dir())
    assert kept == sorted([second.version, third.version])


def test_progress_and_background_start(tmp_path, small_corpus):
    assert index.progress_of(tmp_path) is None and index.current(tmp_path) is None
    index.build(("e5",), data_dir=tmp_path, progress=False)
    p = index.progress_of(tmp_path)
    assert p["state"] == "done" and p["done"] == p["total"] == 120 and not p["running"]


def test_a_current_index_starts_no_background_build(tmp_path, small_corpus, monkeypatch):
    monkeypatch.setattr(index, "DENSE", ("e5",))
    index.build(("e5",), data_dir=tmp_path, progress=False)
    monkeypatch.setattr(index, "is_current", lambda data_dir=None: True)
    assert index.start_background(tmp_path) == "상담 지식 색인이 최신입니다."
