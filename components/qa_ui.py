"""Rendering a Q&A answer: the answer as plain text, each cited article expandable with its words and 시행일자.

Answer text can come from an LLM and quotes can hold any character, so everything goes through `plain` (no Markdown
or HTML of it is interpreted). A withheld answer is a warning, never an empty box.
"""

from __future__ import annotations

import streamlit as st

from components.text import plain

NOTICE = (
    "이 답변은 법령 조문에서 찾은 일반적인 정보이며 법률 자문이 아닙니다. 개별 사정에 따라 달라질 수 있으니 "
    "중요한 결정 전에는 가까운 고용센터나 고용노동부 고객상담센터(☎ 1350)에 확인해 주세요."
)


def citation(c, open_: bool = False) -> None:  # noqa: ANN001 - a models.qa.answer.Citation
    with st.expander(f"{plain(c.label())} · 시행 {plain(c.in_force_from)}", expanded=open_):
        if c.group == "statute" and c.paragraphs:
            st.caption(f"인용한 항: {plain(c.paragraphs)}")
        st.markdown(f"> {plain(c.quote)}")
        if c.group == "statute":
            st.markdown("**조문 전문**")
        st.markdown(plain(c.full_text))
        st.caption(f"출처: {plain(c.source)}")


def answer(ans, show_confidence: bool = True, expand_single: bool = True) -> None:  # noqa: ANN001 - an Answer
    """The answer (or the abstention), its notes, its citations, and the other articles the search found."""
    if ans.abstained:
        st.warning(plain(ans.text))
    else:
        for para in ans.text.split("\n\n"):
            st.markdown(plain(para))
    for note in ans.notes:
        st.caption(plain(note))
    if ans.citations:
        st.markdown(f"**근거 조문·자료 {len(ans.citations)}건**")
        for i, c in enumerate(ans.citations):
            citation(c, open_=expand_single and i == 0 and len(ans.citations) == 1)
    if ans.related:
        with st.expander(f"함께 검색된 조문 {len(ans.related)}건 (답의 근거로 인용하지 않음)"):
            for c in ans.related:
                st.markdown(f"**{plain(c.label())}** · 시행 {plain(c.in_force_from)}")
                st.markdown(plain(c.text))
    if show_confidence:
        how = "LLM 작성(인용 검증)" if ans.backend == "llm" else "조문 인용"
        st.caption(f"신뢰도 {ans.confidence:.2f} · 답변 방식: {how}")
