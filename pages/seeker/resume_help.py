"""구직자: 이력서·자기소개서 도움 — 지원할 공고에 맞춰 부족한 기술과 키워드, 고칠 점, 자기소개서 초안."""

import streamlit as st

import app_cache as cache
import config
from components import auth_ui
from components.text import plain
from data_catalog.errors import UserError
from models.matching import resume_help
from models.matching import service as svc

st.title("이력서·자기소개서 도움")
st.caption(
    "추천 공고나 관심 공고 가운데 하나를 고르면, 그 공고 직종에 필요한데 이력서에 없는 기술과 키워드, 고칠 점, "
    "자기소개서 첫 문단 초안을 만들어 드립니다."
)
con, ref, _period = cache.page_context()
m = cache.matcher_or_stop()
me = auth_ui.identity()
sid = int(me.org)  # the signed-in seeker's own record only
auth_ui.record_view(me, "seeker", sid, "resume_help")
store = cache.application_store()
try:
    jobs = svc.jobs_for(m, sid, k=10)
except UserError as exc:
    st.error(exc.ko)
    st.stop()
post = m.ctx.postings.set_index("posting_id")
options = list(dict.fromkeys([*store.saved(sid), *jobs["p_posting_id"].astype(int).tolist()]))
options = [p for p in options if p in post.index]
if not options:
    st.info("추천 공고나 저장한 공고가 없습니다. '추천 일자리'에서 공고를 찾아 저장해 보세요.")
    st.stop()
pid = st.selectbox("지원할 공고", options, format_func=lambda p: f"{post.at[p, 'title']} (공고 {p})", key="rh_posting")
backend = "template"
if config.llm_settings():
    backend = st.radio(
        "자기소개서 작성",
        ["template", "llm"],
        horizontal=True,
        key="rh_backend",
        format_func={"template": "기본(규칙 기반)", "llm": "LLM"}.get,
    )
seeker = m.ctx.seekers.set_index("seeker_id").loc[sid]
h = resume_help.help_for(seeker, post.loc[pid], backend)
for note in h.notes:
    st.warning(plain(note))
c1, c2 = st.columns(2)
with c1:
    st.subheader("부족한 기술")
    st.markdown("\n".join(f"- {plain(x)}" for x in h.missing_skills) or "공고 직종의 기술을 모두 갖추고 있습니다.")
with c2:
    st.subheader("이력서에 없는 공고 키워드")
    st.markdown(" · ".join(plain(x) for x in h.keywords) or "-")
st.subheader("고칠 점 체크리스트")
for i, item in enumerate(h.checklist):
    st.checkbox(plain(item), key=f"rh_check_{pid}_{i}")
st.subheader("자기소개서 첫 문단 초안")
st.text_area("초안(고쳐 쓰세요)", h.cover_letter, height=140, key=f"rh_letter_{pid}_{h.backend}")
