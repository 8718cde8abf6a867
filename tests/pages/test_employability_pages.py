"""Employability pages: demo seeker, form validation in Korean, caseload comparison, model card."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from models import employability_service as svc
from models import registry

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


def _open(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(page).run()
    return at


def _related_options_shown(at, con, data_dir, seeker_id: int) -> bool:
    """The page shows exactly what `related_occupation_options` computes for this seeker: options, or why none."""
    model, _meta, _tables = registry.load(registry.latest("employability", data_dir))
    occ = con.execute("SELECT * FROM ref_occupation").df()
    x = svc.stored_features(con, [seeker_id])
    opts, why_none = svc.related_occupation_options(con, model, occ, svc.seeker_info(con, seeker_id), x)
    lines = [m.value for m in at.markdown]
    caveat = any("그만큼 오른다는 뜻은 아닙니다" in c.value for c in at.caption)
    if opts.empty:
        return any(i.value == why_none for i in at.info) and not caveat
    return caveat and all(any(r.description_ko in m and f"({r.gain_pp:+.1f}%p)" in m for m in lines) for r in opts.itertuples())


def test_outlook_demo_seeker_shows_probability_factors_recourse_peers(app_env, small_con):
    at = _open("pages/seeker_outlook.py")
    assert not at.exception
    assert at.metric[0].label == "6개월 내 취업확률" and at.metric[0].value.endswith("%")
    text = " ".join(m.value for m in at.markdown)
    assert "취업확률을" in text and "%p" in text
    assert any("비교 집단" in c.value for c in at.caption)
    assert any(h.value == "희망 직업을 관련 직업으로 바꾼다면" for h in at.subheader)
    assert _related_options_shown(at, small_con, app_env, 1)
    at.number_input(key="ol_sid").set_value(99_999_999).run()
    assert "찾을 수 없습니다" in at.error[0].value


def test_outlook_form_rejects_sub_minimum_wage_and_handles_missing_fields(app_env):
    at = _open("pages/seeker_outlook.py")
    at.radio(key="ol_mode").set_value("form").run()
    at.number_input(key="f_age").set_value(34)
    at.number_input(key="f_wage").set_value(150)
    at.button[0].click().run()
    assert not at.exception and any("최저임금" in e.value for e in at.error)
    at.number_input(key="f_wage").set_value(300)
    at.number_input(key="f_months").set_value(None)
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert any("정보 없음" in i.value for i in at.info)
    assert at.metric[0].value.endswith("%")


def test_caseload_ranks_and_compares(app_env, small_con):
    at = _open("pages/counselor_caseload.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert table["취업확률(%)"].is_monotonic_increasing
    assert len(at.get("plotly_chart")) >= 2  # individual factors + side-by-side comparison
    assert any("희망 직업을 관련 직업으로 바꾸기" in m.value for m in at.markdown)
    assert _related_options_shown(at, small_con, app_env, int(table["구직자 ID"].iloc[0]))


def test_model_card_shows_baseline_ceiling_and_fairness(app_env):
    at = _open("pages/model_card.py")
    assert not at.exception
    perf = at.dataframe[0].value
    assert {"이 모델", "기준선: 로지스틱 회귀", "상한: 등록 시점 참확률"} <= set(perf["비교"])
    assert any("가장 큰 격차" in m.value for m in at.markdown)


def test_outlook_explains_a_miscalibrated_group_to_the_seeker(app_env, small_con, tmp_path, monkeypatch):
    # the same warehouse and model, with an audit in which seekers with a disability were clearly over-predicted
    src = registry.latest("employability", app_env)
    dst = tmp_path / "artefacts" / "employability" / src.name
    dst.mkdir(parents=True)
    for f in src.iterdir():
        if f.name != "fairness.csv":
            (dst / f.name).symlink_to(f)
    fair = pd.read_csv(src / "fairness.csv")
    for group, values in {"장애 없음": [5000, 0.60, 0.60], "장애 있음": [900, 0.559, 0.511]}.items():
        fair.loc[(fair["dimension"] == "장애") & (fair["group"] == group), ["n", "mean_pred", "observed"]] = values
    fair["calibration_gap"] = fair["mean_pred"] - fair["observed"]
    fair.to_csv(dst / "fairness.csv", index=False)
    for name in ("goyong.duckdb", "geo"):
        (tmp_path / name).symlink_to(app_env / name)
    monkeypatch.setenv("GOYONG_DATA_DIR", str(tmp_path))
    with_d, without_d = (small_con.execute("SELECT min(seeker_id) FROM seekers WHERE disability = ?", [v]).fetchone()[0]
                         for v in (True, False))
    at = _open("pages/seeker_outlook.py")
    at.number_input(key="ol_sid").set_value(with_d).run()
    shown = [i.value for i in at.info if "장애가 있는 구직자" in i.value]
    assert not at.exception and len(shown) == 1
    assert "실제 취업 비율(51.1%)은 모델이 예측한 평균(55.9%)보다 4.8%p 낮았습니다(검증 대상 900명)" in shown[0]
    at.number_input(key="ol_sid").set_value(without_d).run()
    assert not at.exception and not any("장애" in i.value for i in at.info)
