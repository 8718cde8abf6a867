"""Training search: an occupation link from the interest test preselects it."""

from __future__ import annotations

from tests.pages.apptest import assert_renders, open_page


def test_renders(app_env):
    assert_renders("training", "직업훈련 과정 찾기")


def test_an_occupation_link_preselects_it(app_env):
    at = open_page("training", {"occ": "5501"})
    assert not at.exception and at.selectbox(key="tr_detailed").value == "5501"
