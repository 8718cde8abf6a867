"""The Korean lexical baseline: kiwi content morphemes, BM25, masks."""

from __future__ import annotations

import numpy as np
import pytest

from models.embeddings.lexical import Bm25Index

TEXTS = [
    "지게차 운전 경력자 우대",
    "회계 사무 보조 모집",
    "요양보호사 자격증 소지자",
    "용접 기능사 채용",
    "카페 바리스타 아르바이트",
    "호텔 프런트 영어 가능자",
]


@pytest.fixture(scope="module")
def index() -> Bm25Index:
    return Bm25Index(TEXTS)


def test_tokenizer_keeps_content_morphemes(index):
    toks = index.tokenize(["회계 사무를 보조했습니다", "?! ... ~"])
    assert {"회계", "사무", "보조"} <= set(toks[0]) and "를" not in toks[0]
    assert toks[1] == ["_"]  # only punctuation: a placeholder, never an empty document


def test_inflected_query_finds_the_text(index):
    rows, scores = index.search("지게차를 운전했습니다", 3)
    assert rows[0] == 0 and scores[0] > 0
    assert (np.diff(scores) <= 0).all() and (scores[1:] < scores[0]).all()  # best first, the others did not match
    rows, _ = index.search("회계 업무 사무직을 찾습니다", 2)
    assert rows[0] == 1


def test_mask_excludes_documents(index):
    mask = np.ones(len(TEXTS), dtype=bool)
    mask[0] = False
    rows, scores = index.search("지게차를 운전했습니다", 3, mask)
    assert 0 not in rows.tolist() and mask[rows].all() and np.isfinite(scores).all()
    only = np.zeros(len(TEXTS), dtype=bool)
    only[[0, 3]] = True
    rows, _ = index.search("지게차 운전", 10, only)
    assert rows.tolist() == [0]  # k is capped by what the mask allows, and a document matching no word is no hit
    rows, scores = index.search("지게차 운전", 10, np.zeros(len(TEXTS), dtype=bool))
    assert rows.shape == (0,) and scores.shape == (0,)


def test_unknown_words_give_empty_results(index):
    for query in ("블라블라 쿠쿠루", ""):
        rows, scores = index.search(query, 5)
        assert rows.shape == (0,) and scores.shape == (0,)
        assert rows.dtype == np.int64


def test_pre_tokenised_query(index):
    rows, scores = index.search(["용접", "기능사"], 2)
    assert rows[0] == 3 and scores[0] > 0
