"""Counsellor posting search."""

from __future__ import annotations

from tests.pages.apptest import assert_renders


def test_renders(app_env):
    assert_renders("posting_search", "구인공고 검색")
