"""Employer talent page: candidates for the firm's own posting, masked, with reasons; every view is audited."""

from __future__ import annotations

import config
from auth.audit import AuditLog
from tests.pages.apptest import assert_renders


def test_renders_masked_candidates(app_env):
    at = assert_renders("talent", "인재 추천")
    text = " ".join(m.value for m in at.markdown)
    assert "후보 " in text and "적합도" in text and "추천 이유" in text
    shown = " ".join(c.value for c in at.caption)
    assert "남성" not in shown and "여성" not in shown and "장애" not in shown


def test_each_candidate_view_is_logged(app_env):
    assert_renders("talent", "인재 추천")
    rows = AuditLog(config.store_url()).search()
    assert ((rows["page"] == "talent") & (rows["record_type"] == "seeker")).any()
