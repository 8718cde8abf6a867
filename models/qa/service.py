"""The counselling Q&A and the public chatbot's one entry point: `Assistant.ask(question) → Answer`.

One question: validate it, retrieve (dense + BM25, fused), compute a rule answer when one applies, decide whether
the corpus answers it (`abstain.confidence` against the calibrated `abstain.THRESHOLD`), and write the answer from
the retrieved chunks only (`answer`). A question below the threshold, or outside what the corpus holds, gets no
answer and no citation: the page says it cannot answer from the law it holds and, on the chatbot, offers 상담원 연결.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import config
from data_catalog.errors import UserError
from models.embeddings import backends
from models.qa import abstain, answer, calculator, corpus, index
from models.qa.answer import Answer, Citation
from models.qa.retrieval import SIGNALS, Retrieved, Searcher, lexical_indexes, reranker_from_config

MAX_QUESTION = 500
RELATED = 2
"""Other retrieved articles shown apart from the citation (not cited: `abstain.cited` says why)."""
ABSTAIN_TEXT = "죄송합니다. 이 질문은 제가 가진 노동·고용 법령과 직업 정보로는 정확히 답하기 어렵습니다. "
PUBLIC_NEXT = "질문을 조금 더 구체적으로 바꾸어 보시거나, 상담원 연결을 이용해 주세요."
COUNSELLOR_NEXT = "질문을 더 구체적으로 바꾸거나 법령을 골라 다시 찾아보세요."


def abstain_text(audience: str) -> str:
    """The refusal, with the next step the asker has: the chatbot's hand-over, or a narrower search."""
    return ABSTAIN_TEXT + (COUNSELLOR_NEXT if audience == "counsellor" else PUBLIC_NEXT)


class IndexMissing(UserError):
    def __init__(self) -> None:
        super().__init__(
            "상담 지식 색인이 아직 없습니다. 터미널에서 `python -m models.qa index`(또는 `make run`)를 실행해 주세요."
        )


def validate(question: object) -> str:
    q = " ".join(str(question or "").split())
    if not q:
        raise UserError("질문을 입력해 주세요.")
    if len(q) > MAX_QUESTION:
        raise UserError(f"질문이 너무 깁니다({len(q):,}자). {MAX_QUESTION}자 이내로 줄여 주세요.")
    return q


class Assistant:
    def __init__(self, searcher: Searcher, today: date | None = None) -> None:
        self.searcher = searcher
        self.frame = searcher.frame
        self.today = today
        self._first_row = {d: i for i, d in reversed(list(enumerate(self.frame["doc_id"])))}
        self._chunk_row = {c: i for i, c in enumerate(self.frame["chunk_id"])}

    @classmethod
    def load(
        cls, data_dir: config.PathLike | None = None, folder: Path | None = None, all_signals: bool = False
    ) -> Assistant:
        """The published index with the embedders of the default signals (all of them with `all_signals`, for the
        evaluation and the benchmark)."""
        folder = folder or index.current(data_dir)
        if folder is None:
            raise IndexMissing
        frame, vectors = index.load_arrays(folder)
        embedders = {n: backends.make(n, data_dir) for n in vectors if all_signals or n in SIGNALS}
        lexical = lexical_indexes(frame["search_text"].tolist())
        return cls(Searcher(frame, vectors, embedders, lexical, reranker_from_config()))

    @property
    def laws(self) -> list[str]:
        return list(dict.fromkeys(self.frame["short"]))

    def retrieve(self, question: str, laws: Sequence[str] | None = None, audience: str = "counsellor") -> Retrieved:
        return self.searcher.search(question, k=5, laws=laws, audience=audience)

    def ask(
        self,
        question: object,
        laws: Sequence[str] | None = None,
        audience: str = "counsellor",
        backend: str = "extractive",
    ) -> Answer:
        q = validate(question)
        got = self.retrieve(q, laws, audience)
        calc = calculator.calculate(q, self.today or date.today())
        rule_rows = self._rule_rows(calc, laws, audience) if calc else []
        if not rule_rows:
            calc = None  # a law filter that excludes the figure's articles excludes the figure
        conf = abstain.confidence(got)
        if calc is None and conf < abstain.THRESHOLD:
            return Answer(q, abstain_text(audience), [], True, conf)
        for doc, row in rule_rows:  # the rule's articles join what was retrieved: every citation is a hit
            got.hits.append(abstain.rule_hit(doc, row))
        rows = [row for _, row in rule_rows]
        rows += [h.chunk for h in abstain.cited(got) if h.doc_id not in {d for d, _ in rule_rows}]
        cites = self._quote(q, rows)
        text = answer.extractive(calc.text if calc else None, cites)
        cited_docs = {c.doc_id for c in cites}
        related = [self._plain_citation(h.chunk) for h in got.hits[: RELATED + 1] if h.doc_id not in cited_docs]
        out = Answer(q, text, cites, False, conf, figures=calc.figures if calc else {}, related=related[:RELATED])
        if backend == "llm" and config.llm_settings():
            self._llm(out, calc.text if calc else None, len(rule_rows))
        return out

    def _rule_rows(self, calc: calculator.Calc, laws: Sequence[str] | None, audience: str) -> list[tuple[str, int]]:
        """(article, row) of each article the rule's figure rests on that the filters allow; for the minimum-wage
        figures, the chunk of the year the figure is for."""
        allowed = self.searcher.mask(laws, audience)
        out = []
        for doc in calc.cites:
            row = self._first_row.get(doc)
            if doc == corpus.MINIMUM_WAGE_DOC and "year" in calc.figures:
                row = self._chunk_row.get(f"{doc} {calc.figures['year']}", row)
            if row is not None and allowed[row]:
                out.append((doc, row))
        return out

    def _quote(self, q: str, rows: list[int]) -> list[Citation]:
        terms = set(self.searcher.bm25.tokenize([q])[0])
        out = []
        for r in rows:
            row = self.frame.iloc[r]
            out.append(answer.citation(row, answer.best_sentences(row["text"], terms, self.searcher.bm25.tokenize)))
        return out

    def _plain_citation(self, row: int) -> Citation:
        r = self.frame.iloc[row]
        return answer.citation(r, r["text"])

    def _llm(self, out: Answer, figure: str | None, keep: int) -> None:
        from models.posting_writer.llm import OpenAIChat  # noqa: PLC0415 - only when an endpoint is configured

        st = config.llm_settings()
        client = OpenAIChat(st["base_url"], st["model"], st["api_key"], st["timeout"], json_mode=False)
        self.rewrite_with(out, client.complete, figure, keep)

    @staticmethod
    def rewrite_with(out: Answer, complete, figure: str | None = None, keep: int = 0) -> None:  # noqa: ANN001
        """Replace the extractive text by the model's prose (`complete(system, user) -> str`) when every sentence
        cites a given chunk; else keep it. A computed `figure` stays ahead of the prose, and the first `keep`
        citations (the articles it rests on) stay whatever the prose cites."""
        try:
            prose = complete(answer.SYSTEM_KO, answer.llm_prompt(out.question, out.citations)).strip()
        except Exception as exc:  # noqa: BLE001 - any endpoint failure keeps the extractive answer
            out.notes.append(f"LLM 응답을 받지 못해 조문 인용 답변을 보여 드립니다({type(exc).__name__}).")
            return
        ok, used = answer.verify(prose, len(out.citations))
        if not ok:
            out.notes.append("LLM 답변에 근거 조문이 없는 문장이 있어 조문 인용 답변으로 바꾸었습니다.")
            return
        order = sorted(used | set(range(1, keep + 1)))
        renumber = {old: new for new, old in enumerate(order, 1)}
        prose = answer.CITE.sub(lambda m: f"[{renumber[int(m.group(1))]}]", prose)
        out.text = f"{figure}\n\n{prose}" if figure else prose
        out.citations, out.backend = [out.citations[i - 1] for i in order], "llm"
