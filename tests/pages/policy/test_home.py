"""Policy home: national KPIs against last year, trends, sido summary."""

from __future__ import annotations

from tests.pages.apptest import assert_renders


def test_renders(app_env):
    assert_renders("policy_home", "고용AI 정책 홈")
