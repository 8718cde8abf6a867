"""Router only: page config, sign-in, navigation of the role's pages, the page guard, then the page.

Every page is routable (so an address outside the role answers '권한이 없습니다' instead of "not found", and
a deep link opened while signed out reaches its page after sign-in), but only the role's pages are visible
in the menu (components/nav.py `ACCESS`).
"""

import streamlit as st

from components import auth_ui, nav

st.set_page_config(page_title="고용AI · Goyong AI", page_icon=":material/work:", layout="wide")
ident = auth_ui.current()
role = ident.role if ident else None
pg = st.navigation(
    {
        section: [
            st.Page(
                p.path,
                title=p.title,
                icon=p.icon,
                url_path=p.url_path,
                default=p.default,
                visibility="visible" if role and nav.allowed(p.key, role) else "hidden",
            )
            for p in pages
        ]
        for section, pages in nav.by_role().items()
    },
    position="sidebar" if ident else "hidden",
)
if ident is None:
    auth_ui.sign_in_page()
auth_ui.sidebar(ident)
page = next(p for p in nav.PAGES if p.title == pg.title)
if not nav.allowed(page.key, ident.role):
    if page.default:  # the bare address: go to the role's first page instead
        st.switch_page(next(iter(nav.by_role(ident.role).values()))[0].path)
    auth_ui.deny(ident, page.key)
pg.run()
