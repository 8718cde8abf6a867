"""Training from a real extract: every file format, Korean dates and labels, unknowns, extra features, the split."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest

from models.common import card, registry
from models.common.evaluation import STRATIFIED_RANDOM, holdout_split
from models.employability import train
from models.employability.explain import factors
from models.employability.extract import TrainingDataError, read_extract
from tests.models.employability.extracts import KO_COLUMNS, LABEL, extended_map, make_extract, plain_map


@pytest.fixture()
def cmap(tmp_path):
    return str(plain_map(tmp_path / "map.json"))


def _write(df: pd.DataFrame, path, kind: str):
    if kind == "csv_utf8":
        df.to_csv(path, index=False, encoding="utf-8")
    elif kind == "csv_bom":
        df.to_csv(path, index=False, encoding="utf-8-sig")
    elif kind == "csv_cp949":
        df.to_csv(path, index=False, encoding="cp949")
    elif kind == "parquet":
        df.to_parquet(path, index=False)
    else:
        df.to_excel(path, index=False, engine="openpyxl")
    return path


def test_the_same_data_in_every_file_format_trains_the_same_model(tmp_path, cmap):
    df, _y = make_extract(1000, seed=1)
    typed = df.assign(**{KO_COLUMNS["registered_date"]: pd.to_datetime(df[KO_COLUMNS["registered_date"]])})
    files = {
        "csv_utf8": (df, "a.csv"),
        "csv_bom": (df, "b.csv"),
        "csv_cp949": (df, "c.csv"),
        "parquet": (typed, "d.parquet"),  # typed columns: ints, floats, a datetime
        "xlsx": (typed, "e.xlsx"),  # dates come back as '2024-05-03 00:00:00'
    }
    seen = {}
    for kind, (frame, name) in files.items():
        info = train.run(str(tmp_path), str(_write(frame, tmp_path / name, kind)), LABEL, cmap)
        _m, meta, _t = registry.load(registry.latest("employability", tmp_path, source="file"))
        seen[kind] = (meta["training_data_hash"], info["metrics"], meta["data_source"]["rows"])
    assert "CP949" in read_extract(tmp_path / "c.csv", LABEL, cmap).source["format_ko"]
    first = seen["csv_utf8"]
    assert first[2] == 1000
    for kind, got in seen.items():
        assert got == first, kind


def test_ages_as_text_and_korean_date_forms_are_typed(tmp_path, cmap):
    df, _y = make_extract(800, seed=2)
    reg = pd.to_datetime(df[KO_COLUMNS["registered_date"]])
    forms = [
        reg.dt.strftime("%Y.%m.%d"),
        reg.dt.strftime("%Y/%m/%d"),
        reg.dt.strftime("%Y%m%d"),
        reg.dt.strftime("%Y-%m-%d 09:30"),
        reg.dt.strftime("%Y. %m. %d."),
    ]
    df[KO_COLUMNS["registered_date"]] = [forms[i % len(forms)].iat[i] for i in range(len(df))]
    df[KO_COLUMNS["age"]] = df[KO_COLUMNS["age"]].astype(str).radd(" ")  # ' 34': text with a space
    df.loc[3, KO_COLUMNS["age"]] = "스물"  # unreadable: unknown, not a crash
    ext = read_extract(_write(df, tmp_path / "x.csv", "csv_utf8"), LABEL, cmap)
    f = ext.frame
    assert (f["registered_date"].to_numpy() == reg.to_numpy()).all()
    assert f["age"].dtype == float and f["age"].isna().sum() == 1 and ext.source["unknown_values"]["age"] == 1
    assert f["audit_age"].dtype == float
    res = train.emp.train_and_evaluate(f)  # the fairness audit bands ages: numbers, so no str/int comparison
    assert set(res["fairness"]["dimension"]) >= {"연령대", "시도", "성별"}


def test_korean_label_words_give_the_right_base_rate(tmp_path, cmap):
    df, y = make_extract(1000, seed=3)
    yes = np.array(["예", "네", " Yes ", "O", "1", "취업", "TRUE", "y"])
    no = np.array(["아니오", "아니요", "no", "X", "0", "미취업", "False", "아니 요"])
    df[LABEL] = np.where(y == 1, yes[np.arange(len(y)) % len(yes)], no[np.arange(len(y)) % len(no)])
    f = read_extract(_write(df, tmp_path / "x.csv", "csv_utf8"), LABEL, cmap).frame
    assert len(f) == 1000 and f["label"].mean() == pytest.approx(y.mean())


def test_unreadable_labels_stop_the_run_with_counts_unless_dropped(tmp_path, cmap):
    df, y = make_extract(600, seed=4)
    df.loc[[1, 2, 3], LABEL] = "모름"
    df.loc[[4, 5], LABEL] = ""
    path = _write(df, tmp_path / "x.csv", "csv_utf8")
    with pytest.raises(TrainingDataError) as err:
        read_extract(path, LABEL, cmap)
    assert "5행" in err.value.ko and "'모름' 3건" in err.value.ko and "'(빈 값)' 2건" in err.value.ko
    assert "--drop-bad-labels" in err.value.ko
    ext = read_extract(path, LABEL, cmap, drop_bad_labels=True)
    assert len(ext.frame) == 595 and ext.source["dropped"]["bad_label"] == 5
    assert ext.source["rejected_labels"] == {"모름": 3, "(빈 값)": 2}
    assert any("레이블을 읽을 수 없어 뺀 행: 5" in line for line in ext.summary_ko())


def test_missing_optional_columns_are_unknown_never_zero(tmp_path):
    df, _y = make_extract(800, seed=5)
    gone = ["last_keco_code", "skills", "training_hours_before", "education", "desired_region_scope"]
    df = df.drop(columns=[KO_COLUMNS[c] for c in gone])
    m = {v: k for k, v in KO_COLUMNS.items() if k not in gone}  # a map names only columns the file has
    ext = read_extract(_write(df, tmp_path / "x.csv", "csv_utf8"), LABEL, m)
    f = ext.frame
    for feat in ("has_last_job", "n_skills", "training_hours", "education_rank", "region_scope", "edu_gap"):
        assert f[feat].isna().all(), feat
    assert set(gone) <= set(ext.source["missing_optional_columns"])
    res = train.emp.train_and_evaluate(f)
    assert 0 <= res["metrics"]["logistic_baseline"]["roc_auc"] <= 1


def test_empty_cells_and_unknown_codes_become_missing_and_both_models_train(tmp_path, cmap):
    df, _y = make_extract(2000, seed=6)
    df = df.astype(str)  # as a CSV holds it: blanks may go anywhere
    rng = np.random.default_rng(0)
    odd = rng.choice(len(df), 40, replace=False)
    df.loc[odd[:20], KO_COLUMNS["sido_code"]] = "99"  # not a sido
    df.loc[odd[20:], KO_COLUMNS["desired_keco_code"]] = "9999"  # not a KECO occupation
    df.loc[odd[:30], KO_COLUMNS["education"]] = ""
    df.loc[odd[10:], KO_COLUMNS["training_hours_before"]] = ""
    df.loc[odd[:5], KO_COLUMNS["education"]] = "대졸"  # a Korean label is read as its code
    df.loc[odd[:5], KO_COLUMNS["sido_code"]] = "서울"  # a sido by name
    ext = read_extract(_write(df, tmp_path / "x.csv", "csv_utf8"), LABEL, cmap)
    f = ext.frame
    assert f["sido"].isna().sum() == 15 and f["desired_major"].isna().sum() == 20
    assert (f["sido"].iloc[odd[:5]] == "11").all() and (f["education_rank"].iloc[odd[:5]] == 3).all()
    assert f["education_rank"].isna().sum() == 25 and f["training_hours"].isna().sum() == 30
    assert ext.source["unknown_values"] == {"sido_code": 15, "desired_keco_code": 20}
    assert any("알 수 없는 값" in line and "거주 시도" in line for line in ext.summary_ko())
    res = train.emp.train_and_evaluate(f)  # LightGBM and the logistic baseline both take the missing values
    assert {"model", "logistic_baseline"} <= set(res["metrics"])


def test_a_declared_extra_column_carries_its_signal_into_the_model_and_its_explanations(tmp_path, cmap):
    df, _y = make_extract(3000, seed=7)
    path = _write(df, tmp_path / "x.csv", "csv_utf8")
    without = train.run(str(tmp_path), str(path), LABEL, cmap)
    assert any("쓰지 않은 열" in line and "소득대체율" in line for line in without["summary_ko"])
    with_extra = train.run(str(tmp_path), str(path), LABEL, str(extended_map(tmp_path / "ext.json")))
    auc0, auc1 = without["metrics"]["model"]["roc_auc"], with_extra["metrics"]["model"]["roc_auc"]
    assert auc1 > auc0 + 0.15, (auc0, auc1)
    model, meta, _tables = registry.load(registry.latest("employability", tmp_path, source="file"))
    declared = {f["name"]: f for f in meta["features"]}
    assert declared["replacement_rate"]["ko"] == "소득대체율" and declared["ui_claim"]["categorical"]
    assert model.feature_names() == [f["name"] for f in meta["features"]]
    x = read_extract(path, LABEL, str(tmp_path / "ext.json")).frame[model.feature_names()].head(1)
    fac = factors(model, x)
    row = fac[fac["feature"] == "replacement_rate"].iloc[0]
    assert row["label_ko"] == "소득대체율" and row["sentence_ko"].startswith("소득대체율이 ")
    assert "소득대체율" in set(card.features_table(meta)["특징"])
    assert card.features_table(meta).set_index("특징").loc["소득대체율", "원본 열"] == "소득대체율"


def test_command_line_features_are_the_same_as_declared_ones(tmp_path, cmap):
    from models.employability.extract import cli_features  # noqa: PLC0415

    df, _y = make_extract(500, seed=8)
    path = _write(df, tmp_path / "x.csv", "csv_utf8")
    a = read_extract(path, LABEL, str(extended_map(tmp_path / "ext.json"))).frame
    extra = cli_features(["소득대체율=replacement_rate"], [], ["실업급여 수급=ui_claim"])
    b = read_extract(path, LABEL, cmap, extra=extra).frame
    pd.testing.assert_frame_equal(a, b)
    auto = read_extract(path, LABEL, cmap, extra=cli_features(["소득대체율"], ["실업급여 수급"])).frame
    assert {"extra_1", "extra_2"} <= set(auto.columns) and auto["extra_2"].dtype == "category"


def test_one_registration_date_falls_back_to_a_stratified_random_split(tmp_path, cmap):
    df, y = make_extract(1000, seed=9, months=1)
    info = train.run(str(tmp_path), str(_write(df, tmp_path / "x.csv", "csv_utf8")), LABEL, cmap)
    assert info["split_method"] == STRATIFIED_RANDOM
    _m, meta, _t = registry.load(registry.latest("employability", tmp_path, source="file"))
    assert meta["split_method"] == "stratified_random" and sum(meta["split_sizes"].values()) == 1000
    assert "층화 무작위" in card.split_heading(meta)
    assert "등록 월이 부족해" in card.split_note(meta) and "층화 무작위 분할을 썼습니다" in card.split_note(meta)
    assert meta["split_sizes"] == {"train": 600, "valid": 200, "test": 200}
    sp = holdout_split(read_extract(tmp_path / "x.csv", LABEL, cmap).frame, "registered_date")
    for part in (sp.train, sp.valid, sp.test):  # every part keeps the file's outcome rate
        assert abs(part["label"].mean() - y.mean()) < 0.01
    assert sp.method == STRATIFIED_RANDOM and not set(sp.train.index) & set(sp.test.index)
    assert any("층화 무작위" in line for line in info["summary_ko"])


def test_a_file_model_is_registered_with_its_source_and_never_served_for_the_warehouse(tmp_path, cmap):
    served = registry.save(
        "employability", {"stand-in": "warehouse model"}, {"data_source": {"kind": "warehouse"}}, {}, tmp_path
    )
    df, _y = make_extract(600, seed=10)
    path = _write(df, tmp_path / "x.csv", "csv_utf8")
    info = train.run(str(tmp_path), str(path), LABEL, cmap)
    assert info["scored"] == 0
    assert registry.latest("employability", tmp_path) == served  # the app and scoring keep this one
    file_model = registry.latest("employability", tmp_path, source="file")
    assert file_model is not None and file_model != served and str(file_model) == info["registry"]
    assert registry.latest("employability", tmp_path, source=None) == file_model
    _m, meta, _t = registry.load(file_model)
    ds = meta["data_source"]
    assert ds["kind"] == "file" and ds["rows"] == 600 and ds["path"] == str(path.resolve())
    assert ds["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert set(registry.REQUIRED_META) <= set(meta)
    assert card.source_text(meta).startswith("추출 파일 x.csv (600행")
    assert any(served.name in line and "계속" in line for line in info["summary_ko"])


def test_birth_year_stands_in_for_age_and_duplicate_ids_are_renumbered(tmp_path, cmap):
    df, _y = make_extract(500, seed=11)
    reg = pd.to_datetime(df[KO_COLUMNS["registered_date"]])
    df["출생연도"] = reg.dt.year - df[KO_COLUMNS["age"]]
    df = df.drop(columns=[KO_COLUMNS["age"]])
    df[KO_COLUMNS["seeker_id"]] = 7  # one id for every row: a person id, not a spell id
    m = {**{v: k for k, v in KO_COLUMNS.items() if k != "age"}, "출생연도": "birth_year"}
    ext = read_extract(_write(df, tmp_path / "x.csv", "csv_utf8"), LABEL, m)
    assert ext.frame.index.is_unique and ext.frame["age"].notna().all()
    assert ext.source["age_from_birth_year"] and ext.source["ids_ko"]


def test_the_label_may_be_named_by_its_file_column_or_mapped_to_a_name(tmp_path):
    df, y = make_extract(400, seed=12)
    path = _write(df, tmp_path / "x.csv", "csv_utf8")
    m = {**{v: k for k, v in KO_COLUMNS.items()}, LABEL: "employed_6m"}
    by_file_name = read_extract(path, LABEL, m).frame
    by_mapped_name = read_extract(path, "employed_6m", m).frame
    pd.testing.assert_frame_equal(by_file_name, by_mapped_name)
    assert by_file_name["label"].mean() == pytest.approx(y.mean())
