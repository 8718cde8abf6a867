"""Router only: page config, session defaults and role-grouped navigation (pages listed in components/nav.py)."""

import streamlit as st

from components import nav

st.set_page_config(page_title="고용AI · Goyong AI", page_icon=":material/work:", layout="wide")
st.session_state.setdefault("role", "정책·분석")

pg = st.navigation(
    {
        role: [st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default) for p in pages]
        for role, pages in nav.by_role().items()
    }
)
pg.run()
