"""The Q&A corpus: every article of the statute table, cut at its 항 when long, each chunk keeping its citation."""

from __future__ import annotations

import pandas as pd
import pytest

from data_catalog import reference
from models.posting_check import law
from models.qa import corpus


@pytest.fixture(scope="module")
def chunks() -> pd.DataFrame:
    return corpus.chunks()


def test_every_article_with_text_is_in_the_corpus_once_per_chunk(chunks):
    st = reference.statutes()
    live = st[(st.text.str.strip() != "") & ~st.text.str.startswith("삭제")]
    docs = set(chunks.loc[chunks.group == "statute", "doc_id"])
    assert docs == set(live.short + " " + live.article)
    assert chunks.chunk_id.is_unique
    # the curated rows beyond the 17 full instruments are in (부칙, 직업안정법 시행령, 개인정보보호법)
    assert {"직업안정법 시행령 제34조", "개인정보보호법 제23조", "최저임금법 부칙<제15666호,2018.6.12> 제2조"} <= docs


def test_a_long_article_is_cut_at_its_paragraphs_and_loses_no_word(chunks):
    st = reference.statutes().set_index(["short", "article"])
    long_docs = chunks[chunks.paragraphs != ""].doc_id.unique()
    assert len(long_docs) > 50
    for doc in long_docs[:80]:
        part = chunks[chunks.doc_id == doc]
        short, article = part.short.iat[0], part.article.iat[0]
        whole = st.loc[(short, article), "text"]
        assert "".join(part.text).replace(" ", "") == whole.replace(" ", "")
        for body, paras in zip(part.text, part.paragraphs, strict=True):
            assert len(body) <= corpus.MAX_CHARS or len(paras) == 1  # only a single long 항 exceeds the limit
            assert body.startswith(paras[0])  # the chunk says which 항 it holds


def test_each_chunk_keeps_its_citation(chunks):
    st = chunks[chunks.group == "statute"]
    assert (st.in_force_from.str.fullmatch(r"\d{4}-\d{2}-\d{2}")).all()
    assert (st.source.str.len() > 10).all() and (st.law.str.len() > 2).all()
    assert all(t.startswith(f"{s} {a}") for t, s, a in zip(st.search_text, st.short, st.article, strict=True))
    assert not st.search_text.str.contains("<개정").any()  # notes are shown, not searched


def test_occupations_and_minimum_wage_figures_are_in_the_corpus(chunks):
    occ = chunks[chunks.group == "occupation"]
    assert len(occ) == len(reference.occupations())
    fig = chunks[chunks.doc_id == corpus.MINIMUM_WAGE_DOC]
    assert "10,320원" in " ".join(fig.text) and "2,156,880원" in " ".join(fig.text)  # 2026 at 209 h


def test_administrative_articles_are_for_counsellors_only(chunks):
    admin = chunks[chunks.audience == "counsellor"]
    assert len(admin) > 10 and admin.title.str.contains("위임|위탁|식별정보|재검토|의제|수수료").all()
    assert (chunks.audience.isin(["all", "counsellor"])).all()


def test_the_hash_changes_with_any_text(chunks):
    h = corpus.corpus_hash(chunks)
    edited = chunks.copy()
    edited.loc[0, "search_text"] += " "
    assert corpus.corpus_hash(edited) != h and corpus.corpus_hash(chunks.copy()) == h


def test_the_posting_checker_cites_from_the_same_statute_table():
    rows = law.articles()
    assert len(rows) == len(reference.statutes())
    assert law.cite(law.MINIMUM_WAGE_ACT, "제5조") == "「최저임금법」 제5조(최저임금액)"


def test_split_paragraphs_packs_short_paragraphs_together():
    text = "① " + "가" * 200 + " ② " + "나" * 200 + " ③ " + "다" * 400
    parts = corpus.split_paragraphs(text, max_chars=450)
    assert [p for p, _ in parts] == ["①~②", "③"]
