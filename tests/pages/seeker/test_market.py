"""Seeker market view: wished wage placed in the local offers; occupation links from the URL."""

from __future__ import annotations

from tests.pages.apptest import assert_renders, open_page


def test_renders(app_env):
    assert_renders("seeker_market", "내 지역 일자리 현황")


def test_seeker_page_wish_wage(app_env):
    at = open_page("seeker_market")
    at.number_input(key="sk_wish").set_value(250).run()
    assert not at.exception
    assert any("희망 월급" in i.value for i in at.info)


def test_an_unknown_occupation_link_is_explained(app_env):
    at = open_page("seeker_market", {"occ": "9999"})
    assert not at.exception and any("찾을 수 없어" in w.value for w in at.warning)
