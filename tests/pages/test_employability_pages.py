"""Employability pages: demo seeker, form validation in Korean, caseload comparison, model card."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from models import registry
from models.explain_employability import calibration_caveats

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


def _open(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(page).run()
    return at


def test_outlook_demo_seeker_shows_probability_factors_recourse_peers(app_env):
    at = _open("pages/seeker_outlook.py")
    assert not at.exception
    assert at.metric[0].label == "6개월 내 취업확률" and at.metric[0].value.endswith("%")
    text = " ".join(m.value for m in at.markdown)
    assert "취업확률을" in text and "%p" in text
    assert any("비교 집단" in c.value for c in at.caption)
    assert any(h.value == "관련 직업도 희망한다면" for h in at.subheader)
    assert any("희망 직업을" in m.value and "%p" in m.value for m in at.markdown) or at.info  # options, or why none
    assert any("자격·경력" in c.value for c in at.caption)
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


def test_caseload_ranks_and_compares(app_env):
    at = _open("pages/counselor_caseload.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert table["취업확률(%)"].is_monotonic_increasing
    assert len(at.get("plotly_chart")) >= 2  # individual factors + side-by-side comparison
    assert any("관련 직업으로 희망 넓히기" in m.value for m in at.markdown)


def test_model_card_shows_baseline_ceiling_and_fairness(app_env):
    at = _open("pages/model_card.py")
    assert not at.exception
    perf = at.dataframe[0].value
    assert {"이 모델", "기준선: 로지스틱 회귀", "상한: 등록 시점 참확률"} <= set(perf["비교"])
    assert any("가장 큰 격차" in m.value for m in at.markdown)


def test_outlook_warns_where_the_model_is_miscalibrated_for_the_seekers_group(app_env, small_con):
    _model, _meta, tables = registry.load(registry.latest("employability", app_env))
    seekers = small_con.execute("SELECT seeker_id, gender, age, sido_code, disability FROM seekers ORDER BY seeker_id LIMIT 400").df()
    expected = {int(r.seeker_id): calibration_caveats(tables["fairness"], r._asdict()) for r in seekers.itertuples()}
    warned = next(i for i, c in expected.items() if c)
    quiet = next((i for i, c in expected.items() if not c), None)
    at = _open("pages/seeker_outlook.py")
    at.number_input(key="ol_sid").set_value(warned).run()
    shown = [w.value for w in at.warning]
    assert not at.exception and len(shown) == len(expected[warned])
    assert all("예측했습니다" in w and "%p" in w for w in shown)
    if quiet is not None:
        at.number_input(key="ol_sid").set_value(quiet).run()
        assert not at.warning
