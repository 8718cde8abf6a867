"""Opening a page the way a user does: the router first, then the page by its key in components/nav.py."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

import config
from components import nav

APP = str(config.PROJECT_ROOT / "streamlit_app.py")


def open_page(key: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(nav.path(key)).run()
    return at


def assert_renders(key: str, title: str) -> AppTest:
    """The page runs without an exception or an error and shows its Korean title."""
    at = open_page(key)
    assert not at.exception, [e.value for e in at.exception]
    assert title in at.title[0].value
    assert not at.error, [e.value for e in at.error]
    return at
