"""The static embedding: trained with sentence-transformers on (query, positive) pairs, served with numpy."""

from __future__ import annotations

import pickle
import random

import numpy as np
import pytest
from sentence_transformers import SentenceTransformer
from sentence_transformers.sentence_transformer.modules import StaticEmbedding
from tokenizers import Tokenizer

from data_catalog.errors import UserError
from models.embeddings import static
from models.embeddings.static import StaticModel, load_trained, train_static

# A skill a seeker names and the job a posting names share no word: only training can link them.
SKILL_JOB = [
    ("지게차", "물류 창고 관리원"),
    ("용접", "조선소 생산직"),
    ("요양보호사 자격증", "노인 돌봄 시설"),
    ("바리스타", "카페 매장 직원"),
    ("엑셀", "회계 사무 보조"),
    ("운전면허 1종", "택배 배송 기사"),
    ("간호조무사", "병원 외래 접수"),
    ("미용사 면허", "헤어샵 디자이너"),
    ("한식 조리사", "급식실 조리원"),
    ("전기기능사", "건물 시설 관리"),
    ("코딩", "웹 서비스 개발자"),
    ("영어 회화", "호텔 프런트"),
    ("제빵 기능사", "베이커리 생산"),
    ("경비 교육 이수", "아파트 경비원"),
    ("청소 경험", "사무실 미화원"),
    ("재봉", "의류 공장 봉제"),
    ("도장", "자동차 도색"),
    ("포토샵", "쇼핑몰 상세페이지 디자인"),
    ("중장비 면허", "건설 현장 굴착기"),
    ("보육교사 자격", "어린이집 교사"),
    ("세무 지식", "세무사 사무실"),
    ("텔레마케팅", "콜센터 상담원"),
    ("농사 경험", "스마트팜 재배"),
    ("배관", "설비 유지보수"),
    ("물리치료", "재활 센터"),
    ("사진 촬영", "스튜디오 보조"),
    ("번역", "무역 회사 해외 영업"),
    ("정비", "자동차 서비스 센터"),
    ("피아노", "음악 학원 강사"),
    ("수영 강습", "스포츠 센터 강사"),
]
QUERY_TEMPLATES = [
    "{s} 할 수 있습니다",
    "{s} 경력 3년",
    "{s} 경험이 많아요",
    "저는 {s} 잘합니다",
    "{s} 가능자입니다",
    "{s} 관련 일 찾습니다",
    "{s} 5년 했습니다",
    "{s} 능숙함",
    "{s} 자신 있어요",
    "{s} 배웠습니다",
]
POSITIVE_TEMPLATES = ["{j} 모집", "{j} 채용 공고"]
# phrasings never seen in training
HELD_OUT = [("{s} 해본 적 있어요", "{j} 구함"), ("예전에 {s} 일했음", "{j} 급구")]


def training_pairs() -> tuple[list[str], list[str]]:
    q, p = [], []
    for s, j in SKILL_JOB:
        for qt in QUERY_TEMPLATES:
            for pt in POSITIVE_TEMPLATES:
                q.append(qt.format(s=s))
                p.append(pt.format(j=j))
    return q, p


@pytest.fixture(scope="module")
def model() -> StaticModel:
    q, p = training_pairs()
    assert len(q) == 600
    return train_static(q, p, "static:test", epochs=2, batch_size=64, progress=False)


def test_encode_gives_unit_float32_rows(model):
    assert model.model_id == "static:test" and model.dim == static.DIM == 256
    assert model.weights.dtype == np.float32 and model.weights.shape[1] == 256
    v = model.encode(["지게차 운전 가능합니다", "물류 창고 관리원 모집", "회계 사무 보조"])
    assert v.shape == (3, 256) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)
    assert model.encode([]).shape == (0, 256)


def test_empty_text_is_a_finite_zero_row(model):
    v = model.encode(["", "엑셀 잘합니다", "   "])
    assert np.isfinite(v).all()
    assert not v[0].any() and not v[2].any()
    assert np.isclose(np.linalg.norm(v[1]), 1, atol=1e-5)


def test_encode_is_the_mean_of_token_vectors(model):
    text = "지게차 경력 3년"
    ids = model.tokenizer.encode(text, add_special_tokens=False).ids
    assert ids
    mean = model.weights[ids].mean(axis=0)
    assert np.allclose(model.encode([text])[0], mean / np.linalg.norm(mean), atol=1e-5)


def test_encode_matches_the_sentence_transformers_embedding_bag(model):
    bag = StaticEmbedding(Tokenizer.from_str(model.tokenizer_json), embedding_weights=model.weights)
    st = SentenceTransformer(modules=[bag], device="cpu")
    texts = ["용접 경력 3년", "조선소 생산직 채용 공고", "처음 보는 문장입니다"]
    torch_side = st.encode(texts, convert_to_numpy=True, normalize_embeddings=True)
    assert np.allclose(model.encode(texts), torch_side, atol=1e-5)


def test_chunks_and_batches_do_not_change_vectors(model, monkeypatch):
    texts = [f"{s} 경력 {i}년" for i, (s, _) in enumerate(SKILL_JOB[:7])] + [""]
    together = model.encode(texts)
    alone = np.vstack([model.encode([t]) for t in texts])
    monkeypatch.setattr(static, "CHUNK", 3)
    chunked = model.encode(texts)
    assert np.allclose(together, alone, atol=1e-6) and np.allclose(together, chunked, atol=1e-6)


def test_pickle_round_trip_gives_identical_vectors(model):
    texts = ["바리스타 가능자입니다", "카페 매장 직원 모집", ""]
    before = model.encode(texts)  # the tokenizer is now built and cached
    copy = pickle.loads(pickle.dumps(model))
    assert copy._tok is None and copy.model_id == model.model_id
    assert np.array_equal(copy.encode(texts), before)


def top1(m: StaticModel, pairs: list[tuple[str, str]], qt: str, pt: str) -> float:
    q = m.encode([qt.format(s=s) for s, _ in pairs])
    p = m.encode([pt.format(j=j) for _, j in pairs])
    return float(np.mean((q @ p.T).argmax(axis=1) == np.arange(len(pairs))))


def test_held_out_phrasings_find_their_own_positive(model):
    pairs = random.Random(1).sample(SKILL_JOB, 20)
    untrained = StaticModel(
        model.tokenizer_json, np.random.default_rng(0).normal(size=model.weights.shape), "static:random"
    )
    for qt, pt in HELD_OUT:
        trained = top1(model, pairs, qt, pt)
        assert trained > 0.5  # chance is 1 in 20
        assert trained > top1(untrained, pairs, qt, pt) + 0.3  # the words were linked by training, not by overlap


def test_too_few_or_unequal_pairs_are_a_korean_error():
    q, p = training_pairs()
    with pytest.raises(UserError, match="쌍이 부족합니다") as err:
        train_static(q[:10], p[:10], "static:x", batch_size=64, progress=False)
    assert "10쌍" in err.value.ko and "64쌍" in err.value.ko
    with pytest.raises(UserError):
        train_static(q, p[:-1], "static:x", batch_size=64, progress=False)


def test_load_trained_without_a_model_is_a_korean_error(tmp_path):
    with pytest.raises(UserError) as err:
        load_trained(tmp_path)
    assert "학습되지 않았습니다" in err.value.ko and "python -m models train" in err.value.ko
