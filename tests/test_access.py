"""Every role × every page: a role opens its own pages, and any other page shows only '권한이 없습니다'."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from auth.roles import ROLES
from components import nav
from tests.pages.apptest import APP, open_page

CASES = [(role, p.key) for role in ROLES for p in nav.PAGES]
CONTENT = ("dataframe", "metric", "radio", "selectbox", "text_input", "number_input", "slider", "multiselect")


@pytest.mark.parametrize(("role", "key"), CASES, ids=[f"{r}-{k}" for r, k in CASES])
def test_each_role_sees_only_its_pages(app_env, role, key):
    at = open_page(key, role=role)
    assert not at.exception, [e.value for e in at.exception]
    denied = [e for e in at.error if "권한이 없습니다" in e.value]
    if nav.allowed(key, role):
        assert not denied and at.title and nav.spec(key).title.split(" (")[0][:4] in at.title[0].value
    elif nav.spec(key).default:  # the bare address leads to the role's first page instead
        first = next(iter(nav.by_role(role).values()))[0]
        assert not denied and first.title.split(" (")[0][:4] in at.title[0].value
    else:
        assert denied and not at.title, f"{role} on {key}: should be refused"
        assert all(not getattr(at, kind) for kind in CONTENT), f"{role} on {key}: content rendered after refusal"


def test_signed_out_visitors_see_only_the_sign_in_page(app_env):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert [t.value for t in at.title] == ["고용AI 로그인"] and not at.exception
    assert not at.dataframe and not at.metric


def test_every_page_has_an_access_rule():
    assert set(nav.ACCESS) == {p.key for p in nav.PAGES}
    assert all(set(roles) <= set(ROLES) and roles for roles in nav.ACCESS.values())
