"""Employability: no leakage, sensitive attributes excluded, exact SHAP, calibration, recourse, peers, real-data CLI."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from data_catalog.reference import minimum_monthly_wage, wage_year
from models import employability as emp
from models import employability_service as svc
from models import registry
from models.explain_employability import (
    calibration_caveats,
    candidate_changes,
    factors,
    josa,
    occupation_changes,
    occupation_options,
    peer_group,
    percentile,
    recourse,
)
from models.features_seeker import FEATURE_NAMES, SENSITIVE, build_features, load_training_frame, market_features
from models.train_employability import TrainingDataError, frame_from_file


@pytest.fixture(scope="module")
def trained(small_data_dir):
    model, meta, tables = registry.load(registry.latest("employability", small_data_dir))
    con = duckdb.connect(str(small_data_dir / "goyong.duckdb"), read_only=True)
    frame = load_training_frame(con)
    yield model, meta, tables, frame, con
    con.close()


def test_sensitive_attributes_are_never_features(trained):
    model, meta, *_ = trained
    names = set(model.model_.booster_.feature_name())
    assert names == set(FEATURE_NAMES)
    assert not names & {*SENSITIVE, "gender", "disability", "nationality", "birth_year"}
    assert set(meta["sensitive_excluded"]) == set(SENSITIVE)


def test_features_use_only_information_before_registration(trained):
    *_, frame, con = trained
    assert "employed_6m" not in FEATURE_NAMES and not any("employ" in f for f in FEATURE_NAMES)
    # market features ignore postings posted on/after the registration date: adding a huge posting
    # the day after a seeker registered must not change that seeker's features
    mem = duckdb.connect()
    for t in ("postings", "seekers"):
        mem.register("_d", con.execute(f"SELECT * FROM {t}").df())
        mem.execute(f"CREATE TABLE {t} AS SELECT * FROM _d")
    s = con.execute("SELECT * FROM seekers ORDER BY seeker_id LIMIT 1").df().iloc[0]
    before = market_features(mem).set_index("seeker_id").loc[s.seeker_id]
    mem.execute("INSERT INTO postings SELECT * REPLACE (posted_date + INTERVAL 1 DAY AS posted_date, 999 AS openings, ? AS sido_code, "
                "? || substr(keco_code, 2) AS keco_code, 99999999 AS posting_id) FROM postings LIMIT 1",
                [s.sido_code, s.desired_keco_code[:1]])
    mem.execute("UPDATE postings SET posted_date = ? WHERE posting_id = 99999999", [s.registered_date + pd.Timedelta(days=1)])
    after = market_features(mem).set_index("seeker_id").loc[s.seeker_id]
    assert before.equals(after)


def test_contributions_plus_base_equal_the_calibrated_logit(trained):
    model, *_, frame, _con = trained
    x = frame[FEATURE_NAMES].head(300)
    contrib, base = model.contributions(x)
    assert np.allclose(contrib.sum(axis=1) + base, model.logit(x), atol=1e-9)
    raw = model.model_.booster_.predict(model._prep(x), pred_contrib=True).sum(axis=1)
    assert np.allclose(raw, model.raw_score(x), atol=1e-9)  # LightGBM's exact TreeSHAP adds up to the raw score


def test_metrics_recorded_against_baseline_and_ceiling(trained):
    _model, meta, tables, *_ = trained
    m = meta["metrics"]
    assert {"model", "logistic_baseline", "ceiling_at_registration", "oracle_with_latent"} <= set(m)
    assert 0.6 < m["model"]["roc_auc"] <= m["oracle_with_latent"]["roc_auc"] + 0.02
    assert m["model"]["ece"] < 0.08  # small test world: noisy; the default-scale figures are in bench/README.md
    assert meta["split_periods"]["train"][1] < meta["split_periods"]["valid"][0] <= meta["split_periods"]["test"][0]
    assert {"auc", "flag_share", "fpr", "fnr", "calibration_gap"} <= set(tables["fairness"].columns)
    assert set(tables["fairness"]["dimension"]) == {"성별", "연령대", "시도", "장애"}


def test_ece_and_time_split_units():
    p = np.array([0.1, 0.1, 0.9, 0.9])
    assert emp.ece(p, np.array([0, 0, 1, 1])) == pytest.approx(0.1)
    df = pd.DataFrame({"registered_date": pd.date_range("2025-01-01", periods=10, freq="MS")})
    sp = emp.time_split(df, valid_months=2, test_months=3)
    assert (len(sp.train), len(sp.valid), len(sp.test)) == (5, 2, 3)


def test_factors_are_korean_sentences_marked_changeable(trained):
    model, *_, frame, _con = trained
    f = factors(model, frame[FEATURE_NAMES].head(1))
    assert len(f) == len(FEATURE_NAMES) and f["effect_pp"].abs().is_monotonic_decreasing
    assert f["sentence_ko"].str.contains("취업확률을").all() and f["sentence_ko"].str.contains("%p").all()
    changeable = dict(zip(f["feature"], f["changeable"], strict=True))
    assert not changeable["age"] and not changeable["education_rank"] and changeable["desired_wage_ratio"]
    assert josa("구직 기간", "이/가") == "구직 기간이" and josa("나이", "이/가") == "나이가" and josa("2개월", "으로/로") == "2개월로"


def test_recourse_is_recomputed_and_realistic(trained):
    model, *_, frame, _con = trained
    x = frame[FEATURE_NAMES].sort_values("desired_wage_ratio", ascending=False).head(1)
    typical = 2_500_000.0
    rc = recourse(model, x, typical)
    assert len(rc) <= 3 and rc["feature"].is_unique and (rc["gain_pp"] > 0).all()
    for r in rc.itertuples():  # the stated probability is what the model gives after the change
        ch = next(c for c in candidate_changes(x.iloc[0], typical) if c.description_ko == r.description_ko)
        x2 = x.copy()
        x2[ch.feature] = ch.updates[ch.feature]
        assert model.predict_proba(x2)[0, 1] == pytest.approx(r.p_after)
    floor = minimum_monthly_wage(wage_year()) / typical
    assert all(c.updates["desired_wage_ratio"] >= floor - 1e-9
               for c in candidate_changes(x.iloc[0], typical) if c.feature == "desired_wage_ratio")
    widest = x.copy()
    widest["region_scope"] = 2.0
    assert not [c for c in candidate_changes(widest.iloc[0], typical) if c.feature == "region_scope"]


def test_occupation_alternatives_recompute_what_the_occupation_drives(trained):
    model, *_, con = trained
    occ = con.execute("SELECT * FROM ref_occupation").df()
    sid = con.execute("""SELECT seeker_id FROM seekers WHERE education = 'high_school' AND desired_wage_krw IS NOT NULL
                         ORDER BY seeker_id LIMIT 1""").fetchone()[0]
    info, x = svc.seeker_info(con, sid), svc.stored_features(con, [sid])
    alt, _why_none = svc.occupation_alternatives(con, occ, info, x)
    o = occ.set_index("keco_code")
    here = o.loc[info["desired_keco_code"]]
    assert len(alt) and info["desired_keco_code"] not in set(alt["keco_code"])
    related = (o.loc[alt["keco_code"], "middle_code"] == here["middle_code"]).to_numpy() | \
        (o.loc[alt["keco_code"], "riasec_code"].str[:2] == here["riasec_code"][:2]).to_numpy()
    assert related.all() and (o.loc[alt["keco_code"], "education"] == "high_school").all()  # reachable with 고졸
    # the same wish in won against each new occupation's typical wage; the market ratio at the same date
    assert alt["desired_wage_ratio"].to_numpy() == pytest.approx(info["desired_wage_krw"] / alt["typical_monthly_wage_krw"])
    same_major = alt[alt["desired_major"] == info["desired_keco_code"][:1]]
    assert same_major["local_openings_per_seeker"].to_numpy() == pytest.approx(x["local_openings_per_seeker"].iat[0],
                                                                                nan_ok=True)
    changes = {c.feature: c for c in occupation_changes(alt)}  # keyed by KECO code
    assert list(changes) == alt["keco_code"].tolist() and all(len(c.updates) == 4 for c in changes.values())
    opts = occupation_options(model, x, alt, top=len(alt))
    assert len(opts) and opts["gain_pp"].is_monotonic_decreasing and (opts["gain_pp"] > 0).all()
    for r in opts.itertuples():  # re-scored with all four features moved together
        x2 = x.astype({"desired_major": object})
        for col, v in changes[r.keco_code].updates.items():
            x2[col] = v
        assert model.predict_proba(x2)[0, 1] == pytest.approx(r.p_after)
    assert occupation_options(model, x, pd.DataFrame()).empty


def test_market_ratios_reproduce_the_stored_market_feature(trained):
    *_, con = trained
    # seekers whose market had no openings (ratio 0), and ordinary ones
    rows = con.execute("""
        (SELECT s.seeker_id, s.sido_code, s.registered_date, s.desired_keco_code, f.local_openings_per_seeker AS stored
         FROM seekers s JOIN seeker_features f USING (seeker_id) WHERE f.local_openings_per_seeker = 0 LIMIT 15)
        UNION ALL
        (SELECT s.seeker_id, s.sido_code, s.registered_date, s.desired_keco_code, f.local_openings_per_seeker
         FROM seekers s JOIN seeker_features f USING (seeker_id) ORDER BY s.seeker_id LIMIT 40)""").df()
    assert (rows["stored"] == 0).any()
    for r in rows.itertuples():
        got = svc.market_ratios(con, r.sido_code, r.registered_date).get(r.desired_keco_code[:1], np.nan)
        assert got == pytest.approx(r.stored, nan_ok=True), r


def test_peer_group_widens_until_30():
    scores = pd.DataFrame({"p": np.linspace(0, 1, 100), "age_band": ["30대"] * 100,
                           "sido_code": ["11"] * 10 + ["21"] * 90, "desired_major": ["0"] * 50 + ["5"] * 50})
    peers, label = peer_group(scores, {"age_band": "30대", "sido_code": "11", "desired_major": "0"})
    assert len(peers) == 50 and "전국" in label  # only 10 in Seoul → widened to the nation
    assert percentile(0.5, peers["p"]) == pytest.approx(100.0)


def test_batch_scores_cover_every_seeker(trained):
    *_, con = trained
    n, ok = con.execute("""SELECT count(*), bool_and(abs(p - 1 / (1 + exp(-(base + {s})))) < 1e-9) FROM seeker_scores"""
                        .format(s=" + ".join(f"c_{f}" for f in FEATURE_NAMES))).fetchone()
    assert n == con.execute("SELECT count(*) FROM seekers").fetchone()[0] and ok


def test_real_data_training_file_with_missing_and_odd_values(tmp_path, trained):
    *_, con = trained
    s = con.execute("SELECT s.*, o.employed_6m FROM seekers s JOIN seeker_outcomes o USING (seeker_id) WHERE observed LIMIT 400").df()
    s = s.drop(columns=["skills", "training_hours_before", "last_keco_code"])  # optional columns missing
    s["employed_6m"] = s["employed_6m"].map({True: "예", False: "아니오"})
    s.loc[0, "employed_6m"] = "모름"  # odd label: dropped
    s = s.astype({"age": "object"})
    s.loc[1, "age"] = "스물"  # odd number: becomes unknown, not a crash
    s = s.rename(columns={"desired_keco_code": "희망직업코드"})
    f = tmp_path / "real.csv"
    s.to_csv(f, index=False)
    with pytest.raises(TrainingDataError, match="missing columns: desired_keco_code"):
        frame_from_file(f, "employed_6m", None)
    cmap = tmp_path / "map.json"
    cmap.write_text('{"희망직업코드": "desired_keco_code"}', encoding="utf-8")
    frame = frame_from_file(f, "employed_6m", str(cmap))
    assert len(frame) == 399 and frame["label"].isin([0, 1]).all() and frame["age"].isna().sum() == 1
    occ = con.execute("SELECT * FROM ref_occupation").df()
    assert build_features(s.rename(columns={"희망직업코드": "desired_keco_code"}).assign(skills="", training_hours_before=0,
                                                                                   last_keco_code=None), occ).shape[1] == len(FEATURE_NAMES)


def test_calibration_caveats_name_the_seekers_miscalibrated_groups():
    fair = pd.DataFrame({
        "dimension": ["장애", "장애", "성별", "시도", "연령대"],
        "group": ["장애 있음", "장애 없음", "여성", 11, "30대"],  # sido codes come back from CSV as numbers
        "n": [900, 9000, 50, 800, 3000],
        "mean_pred": [0.559, 0.60, 0.7, 0.40, 0.62], "observed": [0.511, 0.60, 0.6, 0.45, 0.61],
    })
    fair["calibration_gap"] = fair["mean_pred"] - fair["observed"]
    seeker = {"gender": "F", "age": 34, "sido_code": "11", "disability": True}
    out = calibration_caveats(fair, seeker, {"11": "서울특별시"})
    assert len(out) == 2  # 여성: too few test seekers; 30대: gap under 3 %p
    assert "서울특별시 거주 구직자의 실제 취업 비율(45.0%)은 모델이 예측한 평균(40.0%)보다 5.0%p 높았습니다(검증 대상 800명)" in out[0]
    assert "장애가 있는 구직자의 실제 취업 비율(51.1%)은 모델이 예측한 평균(55.9%)보다 4.8%p 낮았습니다(검증 대상 900명)" in out[1]
    assert "그만큼 높게 나왔을 수 있습니다" in out[1]
    # a 3.1 %p gap among 420 seekers is within twice the sampling error (≈ 4.8 %p): no caveat
    noisy = pd.DataFrame({"dimension": ["성별"], "group": ["남성"], "n": [420], "mean_pred": [0.531], "observed": [0.5],
                          "calibration_gap": [0.031]})
    assert calibration_caveats(noisy, {"gender": "M"}) == []
    assert calibration_caveats(fair, {**seeker, "disability": False}, {"11": "서울특별시"}) == out[:1]
    # a typed-in profile knows neither gender nor disability: only what is known is checked
    assert calibration_caveats(fair, {"age": None, "sido_code": "26"}) == []
