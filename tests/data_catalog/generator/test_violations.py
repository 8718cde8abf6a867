"""Planted hiring-law violations: the phrasing catalogue is sound and plant() puts each phrase where it says."""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data_catalog.generator import violations as v

# (law, article) pairs of shared/reference/statutes/articles.csv that the catalogue may cite. Copied here because the
# project never reads ../shared when it runs; `test_cited_pairs_exist_in_the_statute_table` checks the copy.
STATUTE_PAIRS = {
    ("최저임금법", "제5조"),
    ("최저임금법", "제6조"),
    ("최저임금법 시행령", "제3조"),
    ("근로기준법", "제18조"),
    ("근로기준법", "제50조"),
    ("근로기준법", "제53조"),
    ("근로기준법", "제55조"),
    ("채용절차의 공정화에 관한 법률", "제4조"),
    ("채용절차의 공정화에 관한 법률", "제4조의3"),
    ("채용절차의 공정화에 관한 법률", "제9조"),
    ("남녀고용평등과 일ㆍ가정 양립 지원에 관한 법률", "제2조"),
    ("남녀고용평등과 일ㆍ가정 양립 지원에 관한 법률", "제7조"),
    ("고용상 연령차별금지 및 고령자고용촉진에 관한 법률", "제4조의4"),
    ("고용상 연령차별금지 및 고령자고용촉진에 관한 법률", "제4조의5"),
    ("직업안정법", "제32조"),
    ("직업안정법", "제34조"),
    ("직업안정법 시행령", "제34조"),
}
SHARED_ARTICLES = Path(__file__).resolve().parents[4] / "shared" / "reference" / "statutes" / "articles.csv"

N = 40_000
RATE, HN_RATE = 0.05, 0.03
OCCS = np.array(["요양보호사", "소프트웨어 개발자", "택배원", "바리스타"])
SENTENCES = [
    "(주)한빛산업에서 함께 성장할 인력을 모집합니다.",
    "주요 업무: 고객 응대와 매장 정리를 한다.",
    "자격 요건: 고졸, 경력 무관.",
    "근무 조건: 정규직, 주간 근무, 주 40시간, 월급 2,500,000원.",
    "복리후생: 4대보험, 퇴직금.",
]


def _inputs(n: int) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    occ = OCCS[np.arange(n) % len(OCCS)]
    titles = [f"[서울 강남구] {o} 정규직 채용" for o in occ]
    # every third body is written one item per line, the others as running sentences
    bodies = ["\n".join(SENTENCES) if i % 3 == 0 else " ".join(SENTENCES) for i in range(n)]
    return titles, bodies, occ, np.arange(1_000_001, 1_000_001 + n)


@pytest.fixture(scope="module")
def planted() -> tuple[list[str], list[str], list[str], list[str], pd.DataFrame]:
    titles, bodies, occ, ids = _inputs(N)
    new_t, new_b, rows = v.plant(np.random.default_rng(7), titles, bodies, occ, RATE, HN_RATE, ids)
    return titles, bodies, new_t, new_b, rows


# ----------------------------------------------------------------------------- catalogue


def test_catalogue_is_valid_and_large_enough():
    cat = v.catalogue()
    assert list(cat.columns) == v.COLUMNS
    assert cat["phrasing_id"].is_unique and cat["template"].is_unique
    assert set(cat["family"]) == set(v.TEXT_FAMILIES) and set(v.TEXT_FAMILIES) <= set(v.FAMILIES)
    assert {"wage_below_minimum", "hours_over_limit", "inconsistent_fields"} <= set(v.FAMILIES)
    assert set(v.FAMILY_WEIGHTS) == set(v.TEXT_FAMILIES) and abs(sum(v.FAMILY_WEIGHTS.values()) - 1) < 1e-9
    viol = cat[cat["kind"] == "violation"]
    for fam in v.TEXT_FAMILIES:
        rows = viol[viol["family"] == fam]
        assert len(rows) >= (20 if fam in ("age_limit", "gender_limit") else 15), fam
        assert (rows["split"] == "heldout").sum() >= 4, fam
        assert (rows["split"] == "train").sum() >= 8, fam
    hard = cat[cat["kind"] == "hard_negative"]
    assert len(hard) >= 25 and (hard["split"] == "heldout").sum() >= 4
    assert cat["note_ko"].str.len().gt(0).all()
    assert set(v.SLOTS) >= {s for t in cat["template"] for s in re.findall(r"\{(\w+)\}", t)}


def test_cited_laws_are_articles_of_the_statute_table():
    cat = v.catalogue()
    assert set(zip(cat["law"], cat["article"], strict=True)) <= STATUTE_PAIRS


def test_cited_pairs_exist_in_the_statute_table():
    if not SHARED_ARTICLES.exists():
        pytest.skip("shared statute table not available")
    arts = pd.read_csv(SHARED_ARTICLES, dtype=str)
    assert set(zip(arts["law"], arts["article"], strict=True)) >= STATUTE_PAIRS


def test_splits_follow_the_stable_hash_rule():
    cat = v.catalogue()
    assert (v.assign_splits(cat) == cat["split"]).all(), "catalogue edited: rewrite the split column with assign_splits"
    share = (cat["split"] == "heldout").mean()
    assert 0.25 <= share <= 0.4


def test_validation_rejects_a_bad_catalogue():
    bad = v.catalogue()
    bad.loc[0, "family"] = "weather"
    bad.loc[1, "template"] = "나이 {unknown}세"
    with pytest.raises(ValueError, match="unknown family.*unknown slots"):
        v._validate(bad)


# ----------------------------------------------------------------------------- render


def test_render_fills_every_slot_with_plausible_values():
    rng = np.random.default_rng(0)
    for _ in range(200):
        age = v.render(rng, "연령: {age2}세~{age}세", "x")
        lo, hi = map(int, re.findall(r"\d+", age))
        assert 20 <= lo < hi <= 45
        assert int(v.render(rng, "키 {height}cm", "x")[2:-2]) in range(160, 176)
        assert int(v.render(rng, "{income}", "x")) in range(300, 1001)
        assert int(v.render(rng, "{fee}", "x")) in range(10, 101)
        assert v.render(rng, "{decade}대", "x") in ("20대", "30대")
        assert v.render(rng, "{messenger}", "x") in v.MESSENGERS
    assert v.render(rng, "{occ} 남직원 급구", "택배원") == "택배원 남직원 급구"
    same = v.render(rng, "{age}세 이하, 다시 말해 {age}세까지", "x")
    assert len(set(re.findall(r"\d+", same))) == 1
    with pytest.raises(KeyError):
        v.render(rng, "{salary}", "x")
    cat = v.catalogue()
    for t in cat["template"]:
        assert "{" not in v.render(rng, t, "바리스타") and "}" not in v.render(rng, t, "바리스타")


# ----------------------------------------------------------------------------- plant


def test_plant_puts_each_phrase_verbatim_where_it_reports(planted):
    titles, bodies, new_t, new_b, rows = planted
    assert list(rows.columns) == v.PLANTED_COLUMNS
    idx = (rows["posting_id"] - 1_000_001).to_numpy()
    for i, loc, text in zip(idx, rows["location"], rows["text"], strict=True):
        assert text in (new_t[i] if loc == "title" else new_b[i])
    changed = {i for i in range(N) if new_t[i] != titles[i] or new_b[i] != bodies[i]}
    assert changed == set(idx.tolist())
    cat = v.catalogue().set_index("phrasing_id")
    # a phrase naming the job ("{occ} 남직원 급구") may stand as the whole title; otherwise the old title is kept
    whole = set(rows.loc[cat.loc[rows["phrasing_id"], "template"].str.contains("{occ}").to_numpy(), "posting_id"])
    kept = [titles[i] in new_t[i] for i in idx]
    assert np.mean(kept) > 0.9 and all(k or i + 1_000_001 in whole for i, k in zip(idx, kept, strict=True))
    for i in idx[:500]:  # the original text is kept: phrases go between sentences or lines, never inside one
        assert all(s in new_b[i] for s in SENTENCES)
    assert (cat.loc[rows["phrasing_id"], "family"].to_numpy() == rows["family"].to_numpy()).all()
    assert (cat.loc[rows["phrasing_id"], "split"].to_numpy() == rows["split"].to_numpy()).all()


def test_plant_rates_and_mix(planted):
    *_, rows = planted
    viol = rows[rows["kind"] == "violation"]
    per_post = viol.groupby("posting_id").size()
    assert abs(len(per_post) / N - RATE) < 0.006
    hard = rows[rows["kind"] == "hard_negative"]
    assert abs(hard["posting_id"].nunique() / N - HN_RATE) < 0.005
    multi = (per_post >= 2).mean()
    assert 0.10 < multi < 0.20 and per_post.max() == 3
    assert (viol.groupby("posting_id")["family"].nunique() == per_post).all()  # different families in one posting
    share = viol["family"].value_counts(normalize=True)
    assert share.idxmax() == "age_limit" and set(share.index) == set(v.TEXT_FAMILIES)
    for fam, w in v.FAMILY_WEIGHTS.items():
        assert abs(share[fam] - w) < 0.35 * w + 0.01, fam
    assert set(rows["split"]) == {"train", "heldout"}
    assert (viol["split"] == "heldout").mean() > 0.2 and (hard["split"] == "heldout").any()


def test_plant_locations_vary(planted):
    *_, new_t, new_b, rows = planted
    assert set(rows["location"]) == {"title", "body"}
    assert 0.08 < (rows["location"] == "title").mean() < 0.4
    cat = v.catalogue().set_index("phrasing_id")
    body_only = cat.loc[rows["phrasing_id"], "where"].to_numpy() == "body"
    assert (rows.loc[body_only, "location"] == "body").all()
    start = middle = end = 0
    for pid, loc, text in zip(rows["posting_id"], rows["location"], rows["text"], strict=True):
        if loc != "body":
            continue
        b = new_b[pid - 1_000_001]
        at = b.index(text)
        rest = b[at + len(text) :].strip(" .\n")
        start += at <= 2
        end += rest == ""
        middle += at > 2 and rest != ""
    assert min(start, middle, end) > 0.1 * (start + middle + end)


def test_plant_surface_noise_and_no_braces(planted):
    *_, new_t, new_b, rows = planted
    cat = v.catalogue().set_index("phrasing_id")
    spaced = cat.loc[rows["phrasing_id"], "template"].str.contains(" ").to_numpy()
    squeezed = (~rows["text"].str.contains(" ")).to_numpy() & spaced
    assert 0.02 < squeezed.mean() < 0.2
    body = rows[rows["location"] == "body"]
    bulleted = [
        new_b[pid - 1_000_001][max(0, new_b[pid - 1_000_001].index(t) - 2) : new_b[pid - 1_000_001].index(t)]
        in v.BULLETS
        for pid, t in zip(body["posting_id"], body["text"], strict=True)
    ]
    assert 0.05 < np.mean(bulleted) < 0.3
    assert not any("{" in t or "}" in t for t in new_t + new_b)


def test_plant_is_deterministic():
    titles, bodies, occ, ids = _inputs(5_000)
    a = v.plant(np.random.default_rng(3), titles, bodies, occ, 0.1, 0.05, ids)
    b = v.plant(np.random.default_rng(3), titles, bodies, occ, 0.1, 0.05, ids)
    c = v.plant(np.random.default_rng(4), titles, bodies, occ, 0.1, 0.05, ids)
    assert a[0] == b[0] and a[1] == b[1]
    pd.testing.assert_frame_equal(a[2], b[2])
    assert a[1] != c[1]


def test_plant_edge_cases():
    titles, bodies, occ, ids = _inputs(100)
    t, b, rows = v.plant(np.random.default_rng(0), titles, bodies, occ, 0.0, 0.0, ids)
    assert t == titles and b == bodies and rows.empty and list(rows.columns) == v.PLANTED_COLUMNS
    t, b, rows = v.plant(np.random.default_rng(0), titles, [""] * 100, occ, 1.0, 0.0, ids)
    assert rows["posting_id"].nunique() == 100
    with pytest.raises(ValueError):
        v.plant(np.random.default_rng(0), titles, bodies[:-1], occ, 0.1, 0.0, ids)


def test_plant_scales_to_a_default_world():
    titles, bodies, occ, ids = _inputs(300_000)
    t0 = time.perf_counter()
    v.plant(np.random.default_rng(1), titles, bodies, occ, 0.05, 0.02, ids)
    assert time.perf_counter() - t0 < 5.0
