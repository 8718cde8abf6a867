"""Seeker outlook: demo seeker, form validation in Korean, calibration caveat for the seeker's group."""

from __future__ import annotations

import pandas as pd

import config
from auth.audit import AuditLog
from models.common import registry
from tests.pages.apptest import assert_renders, identity_for, open_page, page_button
from tests.pages.counsellor.test_caseload import related_options_shown


def test_renders(app_env):
    assert_renders("outlook", "나의 취업 전망")


def test_outlook_demo_seeker_shows_probability_factors_recourse_peers(app_env, small_con):
    at = open_page("outlook")
    assert not at.exception
    assert at.metric[0].label == "6개월 내 취업확률" and at.metric[0].value.endswith("%")
    text = " ".join(m.value for m in at.markdown)
    assert "취업확률을" in text and "%p" in text
    assert any("비교 집단" in c.value for c in at.caption)
    assert any(h.value == "희망 직업을 관련 직업으로 바꾼다면" for h in at.subheader)
    own = int(identity_for("seeker").org)
    assert related_options_shown(at, small_con, app_env, own)


def test_a_seeker_sees_only_their_own_record_and_the_view_is_logged(app_env, small_con):
    own = identity_for("seeker").org
    other = small_con.execute("SELECT min(seeker_id) FROM seekers WHERE seeker_id <> ?", [int(own)]).fetchall()[0][0]
    at = open_page("outlook", {"seeker": str(other)})
    assert not at.exception and any("다른 사람의 기록은 볼 수 없어" in w.value for w in at.warning)
    assert not any(n.key == "ol_sid" for n in at.number_input)  # no id to type in
    views = AuditLog(config.store_url()).search(action="view")
    assert views["record_id"].tolist() == [own] and views["page"].tolist() == ["outlook"]
    at.radio(key="ol_mode").set_value("form").run()
    at.radio(key="ol_mode").set_value("own").run()
    assert len(AuditLog(config.store_url()).search(action="view")) == 1  # a rerun is not a second look


def test_outlook_form_rejects_sub_minimum_wage_and_handles_missing_fields(app_env):
    at = open_page("outlook")
    at.radio(key="ol_mode").set_value("form").run()
    at.number_input(key="f_age").set_value(34)
    at.number_input(key="f_wage").set_value(150)
    page_button(at).click().run()
    assert not at.exception and any("최저임금" in e.value for e in at.error)
    at.number_input(key="f_wage").set_value(300)
    at.number_input(key="f_months").set_value(None)
    page_button(at).click().run()
    assert not at.exception and not at.error
    assert any("정보 없음" in i.value for i in at.info)
    assert at.metric[0].value.endswith("%")


def test_outlook_explains_a_miscalibrated_group_to_the_seeker(app_env, small_con, tmp_path, monkeypatch):
    # the same warehouse and model, with an audit in which seekers with a disability were clearly over-predicted
    src = registry.latest("employability", app_env)
    dst = tmp_path / "artefacts" / "employability" / src.name
    dst.mkdir(parents=True)
    for f in src.iterdir():
        if f.name != "fairness.parquet":
            (dst / f.name).symlink_to(f)
    fair = pd.read_parquet(src / "fairness.parquet")
    for group, values in {"장애 없음": [5000, 0.60, 0.60], "장애 있음": [900, 0.559, 0.511]}.items():
        fair.loc[(fair["dimension"] == "장애") & (fair["group"] == group), ["n", "mean_pred", "observed"]] = values
    fair["calibration_gap"] = fair["mean_pred"] - fair["observed"]
    fair.to_parquet(dst / "fairness.parquet", index=False)
    for name in ("goyong.duckdb", "geo"):
        (tmp_path / name).symlink_to(app_env / name)
    monkeypatch.setenv("GOYONG_DATA_DIR", str(tmp_path))
    with_d, without_d = (
        small_con.execute("SELECT min(seeker_id) FROM seekers WHERE disability = ?", [v]).fetchone()[0]
        for v in (True, False)
    )
    at = open_page("outlook", org=str(with_d))
    shown = [i.value for i in at.info if "장애가 있는 구직자" in i.value]
    assert not at.exception and len(shown) == 1
    assert "실제 취업 비율(51.1%)은 모델이 예측한 평균(55.9%)보다 4.8%p 낮았습니다(검증 대상 900명)" in shown[0]
    at = open_page("outlook", org=str(without_d))
    assert not at.exception and not any("장애" in i.value for i in at.info)
