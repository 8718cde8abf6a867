"""Matching on the small world: held-out figures, both directions of one model, reasons that match the data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from data_catalog.errors import UserError
from models.common import registry
from models.matching import explain, resume_help
from models.matching import service as svc
from models.matching.corpus import periods
from models.matching.features import FEATURE_NAMES, occ_level


@pytest.fixture(scope="module")
def matcher(small_data_dir, small_con):
    return svc.load(small_con, small_data_dir)


def test_registered_with_held_out_figures_and_no_sensitive_feature(small_data_dir):
    _, meta, tables = registry.load(registry.latest("matching", small_data_dir))
    ev = tables["evaluation"].set_index("method")
    assert set(ev.index) >= {"random", "popularity", "embedding", "re-ranker", "re-ranker + anti-crowding"}
    assert ev.loc["re-ranker", "ndcg@10"] > ev.loc["embedding", "ndcg@10"] > ev.loc["random", "ndcg@10"]
    assert not {"gender", "age", "disability", "nationality"} & set(FEATURE_NAMES)
    assert meta["split_periods"]["test_start"] > meta["split_periods"]["valid_start"]
    assert {"recall@50", "ndcg@10"} <= set(tables["retrieval"].columns)


def test_the_split_keeps_the_test_months_out_of_training(small_con):
    p = periods(small_con)
    assert p.valid_start < p.test_start <= p.end


def test_jobs_are_open_within_the_radius_and_explained(matcher):
    sid = int(matcher.ctx.seekers["seeker_id"][matcher.active].iloc[0])
    jobs = svc.jobs_for(matcher, sid, radius_km=50, k=5)
    assert 0 < len(jobs) <= 5
    assert (jobs["p_posted_date"] <= matcher.today).all() and (jobs["p_closing_date"] >= matcher.today).all()
    assert (jobs["distance_km"] <= 50).all()
    assert jobs["fit_score"].between(0, 100).all() and jobs["fit_score"].is_monotonic_decreasing
    assert all(len(r) > 0 for r in jobs["reasons_plus"] + jobs["reasons_minus"])


def test_filters_hold(matcher):
    sid = int(matcher.ctx.seekers["seeker_id"][matcher.active].iloc[1])
    jobs = svc.jobs_for(matcher, sid, radius_km=500, occ_major="0", wage_floor=2_500_000, k=10)
    assert (jobs["p_keco_code"].str[:1] == "0").all() if len(jobs) else True
    assert (jobs["p_wage_monthly_krw"] >= 2_500_000).all()


def test_bad_k_and_unknown_seeker_are_korean_errors(matcher):
    with pytest.raises(UserError, match="추천 개수"):
        svc.jobs_for(matcher, 1, k=0)
    with pytest.raises(UserError, match="구직 등록"):
        svc.jobs_for(matcher, -5)


def test_candidates_only_for_the_firms_own_posting_and_masked(matcher):
    p = matcher.ctx.postings.iloc[int(np.flatnonzero(matcher.ctx.postings["closing_date"] >= matcher.today)[0])]
    cands = svc.candidates_for(matcher, int(p["posting_id"]), int(p["firm_id"]), radius_km=100, k=5)
    assert len(cands) and cands["candidate_code"].str.match(r"^후보 [0-9A-F]{6}$").all()
    assert matcher.active[pd.Index(matcher.ctx.seekers["seeker_id"]).get_indexer(cands["s_seeker_id"])].all()
    other_code = svc.masked_code(int(p["posting_id"]) + 1, int(cands["s_seeker_id"].iloc[0]))
    assert other_code != cands["candidate_code"].iloc[0]  # a pseudonym does not follow a person across postings
    with pytest.raises(UserError, match="우리 회사"):
        svc.candidates_for(matcher, int(p["posting_id"]), int(p["firm_id"]) + 1)


def test_applicants_fit_scores_exactly_the_given_applicants_of_the_firms_posting(matcher):
    p = matcher.ctx.postings.iloc[0]
    some = [int(x) for x in matcher.ctx.seekers["seeker_id"].iloc[:4]]
    fit = svc.applicants_fit(matcher, int(p["posting_id"]), int(p["firm_id"]), [*some, -1])
    assert sorted(fit.index) == sorted(some) and fit["fit_score"].between(0, 100).all()  # -1: no vectors, left out
    cands = svc.candidates_for(matcher, int(p["posting_id"]), int(p["firm_id"]), k=1)
    if len(cands):  # the same pair scores the same whichever way it is reached
        top = int(cands["s_seeker_id"].iat[0])
        again = svc.applicants_fit(matcher, int(p["posting_id"]), int(p["firm_id"]), [top])
        assert int(again.loc[top, "fit_score"]) == int(cands["fit_score"].iat[0])
    assert svc.applicants_fit(matcher, int(p["posting_id"]), int(p["firm_id"]) + 1, some).empty


def test_reasons_never_contradict_the_data():
    rows = pd.DataFrame(
        {
            "similarity": [0.8, 0.3],
            "occ_desired": [4, 0],
            "occ_last": [2, 0],
            "skill_share": [0.75, 0.0],
            "skill_count": [3.0, 0.0],
            "distance_km": [8.2, 41.0],
            "region_scope": ["sido", "sigungu"],
            "wage_ratio": [1.05, 0.9],
            "edu_gap": [1.0, -1.0],
            "career_gap": [2.0, -1.0],
            "days_posted": [3.0, 40.0],
            "days_left": [20.0, 2.0],
            "applicants_per_opening": [0.5, 6.0],
        }
    )
    contrib = np.array([[0.1] * len(FEATURE_NAMES), [-0.1] * len(FEATURE_NAMES)])
    why = explain.reasons(contrib, rows, top=20)
    good, bad = " ".join(why[0]["plus"]), " ".join(why[1]["minus"])
    assert "희망 직종과 일치" in good and "5% 높음" in good and "통근 약 8km" in good and "학력 요건 충족" in good
    assert "희망 직종과 다른 분야" in bad and "10% 낮음" in bad and "1년 부족" in bad and "못 미침" in bad
    assert "보유 기술 3개" in good and "일치하는 보유 기술 없음" in bad
    facts = explain.facts("지게차 운전;재고 관리;엑셀;운전면허", "지게차 운전;재고 관리;엑셀;물류 관리", rows.iloc[0])
    assert facts["skills_ko"] == "보유 기술 3/4 일치: 지게차 운전, 재고 관리, 엑셀"
    assert facts["wage_ko"] == "제시임금이 희망임금보다 5% 높음" and facts["distance_ko"] == "통근 약 8km"


def test_keco_levels():
    assert occ_level(
        np.array(["5420", "5420", "5421", "5400", "1234"]), np.array(["5420", "5429", "5431", "5911", None])
    ).tolist() == [4, 3, 2, 1, 0]


def test_resume_help_lists_what_is_missing_and_writes_a_draft(matcher):
    s = matcher.ctx.seekers.iloc[0].copy()
    p = matcher.ctx.postings.iloc[0].copy()
    s["skills"], p["occ_skills"] = "엑셀;고객 응대", "엑셀;재고 관리;지게차 운전"
    h = resume_help.help_for(s, p)
    assert h.missing_skills == ["재고 관리", "지게차 운전"] and h.backend == "template"
    assert any("엑셀" in c for c in h.checklist) and any("지게차 운전" in c for c in h.checklist)
    assert str(p["occ_name"]) in h.cover_letter and "엑셀" in h.cover_letter


def test_summary_is_extractive_and_leaves_out_the_wage_line():
    text = "물류센터에서 5년 일했습니다. 희망 급여: 월 2,400,000원. 지게차 운전이 가능합니다."
    out = svc.resume_summary(text, "지게차 운전;재고 관리")
    assert (
        "물류센터에서 5년 일했습니다." in out and "2,400,000" not in out and "보유 기술: 지게차 운전, 재고 관리" in out
    )


def test_bad_news_is_never_a_reason_and_good_news_never_a_drawback():
    rows = pd.DataFrame(
        {
            "similarity": [0.3],
            "occ_desired": [0],
            "occ_last": [0],
            "skill_share": [0.0],
            "skill_count": [0.0],
            "distance_km": [55.0],
            "region_scope": ["nationwide"],
            "wage_ratio": [0.8],
            "edu_gap": [-1.0],
            "career_gap": [-2.0],
            "days_posted": [3.0],
            "days_left": [1.0],
            "applicants_per_opening": [9.0],
        }
    )
    up = explain.reasons(np.full((1, len(FEATURE_NAMES)), 0.1), rows, top=20)[0]
    assert not any(w in " ".join(up["plus"]) for w in ("없음", "낮음", "못 미침", "부족", "다른 분야", "55km"))
    good = rows.assign(
        occ_desired=4,
        skill_count=3.0,
        skill_share=0.75,
        distance_km=3.0,
        wage_ratio=1.2,
        edu_gap=1.0,
        career_gap=1.0,
        applicants_per_opening=0.0,
    )
    down = explain.reasons(np.full((1, len(FEATURE_NAMES)), -0.1), good, top=20)[0]
    assert not any(w in " ".join(down["minus"]) for w in ("일치", "높음", "충족", "지원자 0.0명", "3km"))


def test_keywords_are_about_the_job_and_missing_from_the_resume():
    posting = "물류센터 지게차 운전원 모집. 복리후생: 퇴직금, 상여금. 재고 관리 경험자 우대. 서울 강남구 근무."
    occupation = "지게차 운전원 지게차를 운전하여 화물을 싣고 내리며 재고를 관리한다 지게차 운전;재고 관리"
    words = resume_help.keywords(posting, "지게차 운전 경력 3년", occupation)
    assert "재고" in words and "지게차" not in words and "운전" not in words
    assert not {"퇴직금", "상여금", "강남구", "복리"} & set(words)


def test_the_bounding_box_prefilter_keeps_exactly_the_rows_within_the_radius():
    rng = np.random.default_rng(0)
    lats, lons = rng.uniform(33, 38.5, 5000), rng.uniform(125, 130, 5000)
    for radius in (5.0, 40.0, 300.0):
        want = svc.search.haversine_km(37.5, 127.0, lats, lons) <= radius
        assert np.array_equal(svc.within(37.5, 127.0, lats, lons, radius), want)
    assert svc.within(37.5, 127.0, lats, lons, np.inf).all()


def test_llm_summary_and_letter_use_the_endpoint_and_fall_back(monkeypatch, matcher):
    from models.posting_writer import llm  # noqa: PLC0415

    settings = {"base_url": "http://127.0.0.1:9/v1", "model": "m", "api_key": "k", "timeout": 1.0, "json_mode": True}
    monkeypatch.setattr(svc.config, "llm_settings", lambda: settings)
    monkeypatch.setattr(llm.OpenAIChat, "complete", lambda self, system, user: "물류 경력 5년의 지원자입니다.")
    text, note = svc.summary_for("물류센터에서 5년 일했습니다.", "지게차 운전", "llm")
    assert text == "물류 경력 5년의 지원자입니다." and note is None
    h = resume_help.help_for(matcher.ctx.seekers.iloc[0], matcher.ctx.postings.iloc[0], "llm")
    assert h.backend == "llm" and h.cover_letter == "물류 경력 5년의 지원자입니다."

    def down(self, system, user):  # noqa: ANN001, ANN202
        raise ConnectionError("refused")

    monkeypatch.setattr(llm.OpenAIChat, "complete", down)
    text, note = svc.summary_for("물류센터에서 5년 일했습니다.", "지게차 운전", "llm")
    assert text.startswith("물류센터에서 5년") and "발췌 요약" in note
    h = resume_help.help_for(matcher.ctx.seekers.iloc[0], matcher.ctx.postings.iloc[0], "llm")
    assert h.backend == "template" and any("LLM 응답" in n for n in h.notes)
