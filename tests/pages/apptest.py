"""Opening a page the way a user does: signed in with a role, the router first, then the page by its key."""

from __future__ import annotations

from functools import cache

import duckdb
from streamlit.testing.v1 import AppTest

import config
from auth.accounts import Accounts
from auth.demo import demo_orgs
from auth.identity import Identity
from auth.roles import ROLES
from components import nav
from components.auth_ui import TOKEN_KEY

APP = str(config.PROJECT_ROOT / "streamlit_app.py")


@cache
def _orgs(db: str) -> dict:
    try:
        con = duckdb.connect(db, read_only=True)
    except duckdb.IOException:  # a test of the missing-warehouse message: no records to bind to
        return dict.fromkeys(ROLES, "0")
    try:
        return demo_orgs(con)
    finally:
        con.close()


def identity_for(role: str, org: str | None = None) -> Identity:
    """A test identity of `role`, bound to the same records as the demo accounts unless `org` is given."""
    org = org if org is not None else _orgs(str(config.warehouse_db().resolve()))[role]
    return Identity(f"test_{role}", role, f"시험 {role}", org, "local")


def signed_in(role: str, org: str | None = None, query: dict | None = None) -> AppTest:
    """An app session signed in as `role` (a real session in this test's operational store)."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[TOKEN_KEY] = Accounts(config.store_url()).open_session(identity_for(role, org))
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at


def open_page(key: str, query: dict | None = None, role: str | None = None, org: str | None = None) -> AppTest:
    """Page `key` as its first permitted role sees it (or as `role`)."""
    at = signed_in(role or nav.ACCESS[key][0], org)
    at.run()  # the bare address: the role's first page (a redirect that drops the query string)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.switch_page(nav.path(key)).run()
    return at


def page_button(at: AppTest, label: str | None = None):
    """The page's first button (or the one labelled `label`), not the sidebar's sign-out button."""
    return next(b for b in at.button if b.key != "logout" and (label is None or b.label == label))


def assert_renders(key: str, title: str) -> AppTest:
    """The page runs without an exception or an error and shows its Korean title."""
    at = open_page(key)
    assert not at.exception, [e.value for e in at.exception]
    assert title in at.title[0].value
    assert not at.error, [e.value for e in at.error]
    return at
