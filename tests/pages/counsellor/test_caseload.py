"""Counsellor caseload: ranked by probability, explanations and side-by-side comparison."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd

import config
from auth.audit import REASONS_KO, AuditLog
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


def _world_with_miscalibrated_audit_groups(src: Path, dst: Path) -> Path:
    """A copy of the test world whose model audit found every gender and disability group miscalibrated."""
    shutil.copytree(src, dst, symlinks=True, ignore=shutil.ignore_patterns("operational.sqlite", "*.lock"))
    fair_file = registry.latest("employability", dst) / "fairness.parquet"
    fair = pd.read_parquet(fair_file)
    audit_only = fair["dimension"].isin(["성별", "장애"])
    fair.loc[audit_only, "n"] = 5000
    fair.loc[audit_only, "observed"] = fair.loc[audit_only, "mean_pred"] - 0.06
    fair["calibration_gap"] = fair["mean_pred"] - fair["observed"]
    fair.to_parquet(fair_file, index=False)
    return dst


def _flip_audit_attributes(world: Path, seeker_id: int) -> None:
    """Republish the world's warehouse with this seeker's gender, disability and nationality changed (nothing else)."""
    old = (world / "goyong.duckdb").resolve()
    new = old.with_name("flipped.duckdb")
    shutil.copyfile(old, new)
    con = duckdb.connect(str(new))
    for table in ("seekers", "fact_seeker"):
        cols = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
        sets = [
            s
            for c, s in (
                ("gender", "gender = CASE WHEN gender = 'F' THEN 'M' ELSE 'F' END"),
                ("disability", "disability = NOT disability"),
                ("nationality", "nationality = CASE WHEN nationality = 'KR' THEN 'VN' ELSE 'KR' END"),
            )
            if c in cols
        ]
        if sets:
            con.execute(f"UPDATE {table} SET {', '.join(sets)} WHERE seeker_id = ?", [seeker_id])
    con.close()
    (world / "goyong.duckdb").unlink()
    (world / "goyong.duckdb").symlink_to(new)


def _page_text(at) -> list[str]:
    kinds = ("title", "subheader", "markdown", "caption", "error", "warning", "info", "success")
    return [f"{k}: {e.value}" for k in kinds for e in getattr(at, k)] + [d.value.to_csv() for d in at.dataframe]


def test_a_counsellor_never_learns_a_persons_audit_only_group(app_env, small_data_dir, tmp_path, monkeypatch):
    """The same seeker, once as recorded and once with gender, disability and nationality changed: the counsellor's
    page reads exactly the same (the model-level note included); the seeker's own page does tell them their group."""
    world = _world_with_miscalibrated_audit_groups(small_data_dir, tmp_path / "world")
    monkeypatch.setenv("GOYONG_DATA_DIR", str(world))
    at = open_page("caseload")
    sid = int(at.selectbox(key="cl_one").value)
    before, own_before = _page_text(at), _page_text(open_page("outlook", {"seeker": str(sid)}, org=str(sid)))
    assert any("모델 카드" in t and "장애" in t for t in before if t.startswith("info:"))  # the note about the model
    assert not any(w in t for t in before for w in ("장애가 있는", "장애가 없는", "여성 구직자", "남성 구직자"))

    _flip_audit_attributes(world, sid)
    at = open_page("caseload")
    assert int(at.selectbox(key="cl_one").value) == sid
    assert _page_text(at) == before
    # the control: on their own page the seeker is told about their group, so the change shows there
    own_after = _page_text(open_page("outlook", {"seeker": str(sid)}, org=str(sid)))
    assert own_after != own_before and any("장애가" in t for t in own_after) and any("장애가" in t for t in own_before)


def test_a_counsellor_sees_only_their_centre_and_opens_others_with_a_logged_reason(app_env, small_con):
    at = open_page("caseload")  # the counsellor of centre 11
    listed = [int(v) for v in at.dataframe[0].value["구직자 ID"]]
    sido = small_con.execute(
        "SELECT DISTINCT sido_code FROM seekers WHERE seeker_id IN (SELECT UNNEST(?))", [listed]
    ).fetchall()
    assert listed and sido == [("11",)]
    other = small_con.execute("SELECT min(seeker_id) FROM seekers WHERE sido_code <> '11'").fetchall()[0][0]
    at.number_input(key="cl_other_id").set_value(other)
    at.selectbox(key="cl_other_reason").select_index(1)
    next(b for b in at.button if "사유를 기록하고" in b.label).click().run()
    assert not at.exception and any(f"다른 센터 구직자 {other}" in i.value for i in at.info)
    views = AuditLog(config.store_url()).search(record_id=str(other))
    assert views["reason"].tolist() == [REASONS_KO[1]] and views["page"].tolist() == ["caseload"]
