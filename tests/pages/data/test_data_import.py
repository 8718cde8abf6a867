"""Data import page: nothing is imported before the user confirms."""

from __future__ import annotations

from tests.pages.apptest import assert_renders


def test_renders(app_env):
    assert_renders("data_import", "데이터 가져오기")
