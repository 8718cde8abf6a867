"""Résumé help page: missing skills, a checklist and a draft paragraph for a chosen posting."""

from __future__ import annotations

from tests.pages.apptest import assert_renders


def test_renders_checklist_and_draft(app_env):
    at = assert_renders("resume_help", "이력서·자기소개서 도움")
    assert at.checkbox and at.text_area and at.text_area[0].value
    assert any("부족한 기술" in s.value for s in at.subheader)
