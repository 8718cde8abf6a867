"""Counsellor caseload: ranked by probability, explanations and side-by-side comparison."""

from __future__ import annotations

from models.common import registry
from models.employability import service as svc
from tests.pages.apptest import assert_renders, open_page


def test_renders(app_env):
    assert_renders("caseload", "상담사 사례 관리")


def related_options_shown(at, con, data_dir, seeker_id: int) -> bool:
    """The page shows exactly what `related_occupation_options` computes for this seeker: options, or why none."""
    model, _meta, _tables = registry.load(registry.latest("employability", data_dir))
    occ = con.execute("SELECT * FROM ref_occupation").df()
    x = svc.stored_features(con, [seeker_id])
    opts, why_none = svc.related_occupation_options(con, model, occ, svc.seeker_info(con, seeker_id), x)
    lines = [m.value for m in at.markdown]
    caveat = any("그만큼 오른다는 뜻은 아닙니다" in c.value for c in at.caption)
    if opts.empty:
        return any(i.value == why_none for i in at.info) and not caveat
    return caveat and all(
        any(r.description_ko in m and f"({r.gain_pp:+.1f}%p)" in m for m in lines) for r in opts.itertuples()
    )


def test_caseload_ranks_and_compares(app_env, small_con):
    at = open_page("caseload")
    assert not at.exception
    table = at.dataframe[0].value
    assert table["취업확률(%)"].is_monotonic_increasing
    assert len(at.get("plotly_chart")) >= 2  # individual factors + side-by-side comparison
    assert any("희망 직업을 관련 직업으로 바꾸기" in m.value for m in at.markdown)
    assert related_options_shown(at, small_con, app_env, int(table["구직자 ID"].iloc[0]))
