"""The catalog's tables: each column's personal-data class, counts per class, masked samples, the quarantine."""

from __future__ import annotations

from data_catalog import catalog
from data_catalog.spec import PII_CLASSES, TABLES
from store.schema import quarantine


def test_columns_frame_shows_every_columns_class():
    frame = catalog.columns_frame(TABLES["seekers"]).set_index("열")
    assert frame["개인정보 구분"].isin(list(PII_CLASSES.values())).all()
    assert frame.loc["seeker_id", "개인정보 구분"] == "식별자"
    assert frame.loc["resume_text", "개인정보 구분"] == "개인정보"
    assert frame.loc["disability", "개인정보 구분"] == "민감정보(감사 전용)"
    assert frame.loc["education", "개인정보 구분"] == "해당 없음"


def test_overview_counts_columns_per_class_and_the_quarantine_is_personal_data(small_con):
    ov = catalog.table_overview(small_con, quarantined=3).set_index("테이블")
    seekers = ov.loc["seekers"]
    assert (seekers["식별자 열"], seekers["민감정보 열"]) == (1, 3)
    assert seekers["개인정보 열"] == sum(c.pii_class == "personal" for c in TABLES["seekers"].columns)
    assert ov.loc["firms", ["식별자 열", "개인정보 열", "민감정보 열"]].sum() == 0
    q = ov.loc["quarantine"]
    assert q["행 수"] == 3 and q["열 수"] == len(quarantine.columns) and q["개인정보 열"] >= 1
    # the catalog's list of the quarantine's columns is the store's own
    assert list(catalog.QUARANTINE_COLUMNS) == [c.name for c in quarantine.columns]
    qf = catalog.quarantine_columns_frame().set_index("열")
    assert qf.loc["raw_json", "개인정보 구분"] == "개인정보"


def test_samples_mask_every_column_about_a_person(small_con):
    for name in ("seekers", "postings", "hires", "applications"):
        spec = TABLES[name]
        sample = catalog.sample_rows(small_con, spec)
        assert len(sample) == 5
        for c in spec.columns:
            masked = (sample[c.name] == catalog.MASK).all()
            assert masked == (c.pii_class != "none"), (name, c.name)
