"""The router: every page file is in the navigation, grouped by role, and nothing else is."""

from __future__ import annotations

import config
from components import nav


def test_every_page_file_is_routed_once_and_grouped_by_role():
    files = sorted(p.relative_to(config.PROJECT_ROOT).as_posix() for p in (config.PROJECT_ROOT / "pages").rglob("*.py"))
    assert sorted(p.path for p in nav.PAGES) == files
    assert len({p.key for p in nav.PAGES}) == len(nav.PAGES)
    assert set(nav.by_role()) == {"구직자", "기업", "상담사", "민원상담", "정책·분석", "데이터"}
    assert all(
        p.path.split("/")[1] in ("policy", "seeker", "employer", "counsellor", "public", "data") for p in nav.PAGES
    )
    assert sum(p.default for p in nav.PAGES) == 1
