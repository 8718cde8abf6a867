"""Reference catalogues: coverage and internal consistency (facts were checked against ../shared when built)."""

from data_catalog import reference as ref


def test_regions_cover_all_sido_and_sigungu():
    sido, sgg = ref.sido(), ref.sigungu()
    assert len(sido) == 17 and sido["sido_code"].is_unique
    assert len(sgg) == 229 and sgg["sigungu_code"].is_unique
    assert set(sgg["sido_code"]) == set(sido["sido_code"])
    assert sgg["sigungu_code"].str.fullmatch(r"\d{5}").all()
    assert sgg["lon"].between(124, 132).all() and sgg["lat"].between(33, 39).all()
    assert sgg[["pop_total_2020", "companies_2020", "grdp_2020_mil_krw"]].notna().all().all()
    assert {"서울특별시", "강원특별자치도", "전북특별자치도", "제주특별자치도"} <= set(sido["sido_name_ko"])


def test_occupations_cover_keco_majors_with_riasec():
    occ = ref.occupations()
    groups = ref.keco_groups()
    assert len(occ) >= 150 and occ["keco_code"].is_unique
    assert occ.groupby("major_code").size().min() >= 8 and occ["major_code"].nunique() == 10
    # every occupation hangs off a real KECO minor/middle/major group
    minor = set(groups.loc[groups.level == 3, "code"])
    assert occ["minor_code"].isin(minor).all()
    assert (occ["keco_code"].str[:3] == occ["minor_code"]).all()
    assert occ[["r", "i", "a", "s", "e", "c"]].apply(lambda c: c.between(1, 7)).all().all()
    top = occ[["r", "i", "a", "s", "e", "c"]].idxmax(axis=1).str.upper()
    assert (occ["riasec_code"].str[0] == top).mean() > 0.97  # ties broken R-I-A-S-E-C
    assert (occ["typical_monthly_wage_krw"] >= ref.minimum_monthly_wage(2026)).all()
    assert occ["education"].isin(["high_school", "college", "university", "graduate"]).all()


def test_industries_and_kosis():
    ind = ref.industries()
    assert len(ind[ind.level == 1]) == 21 and ind[ind.level == 2]["parent"].notna().all()
    ks = ref.kosis_sigungu()
    assert len(ks) >= 228 and ks["unemployment_rate"].between(0, 15).all()
    assert set(ks["sigungu_code"]) <= set(ref.sigungu()["sigungu_code"])


def test_minimum_wage_facts():
    assert ref.MINIMUM_WAGE_HOURLY[2025] == 10_030 and ref.MINIMUM_WAGE_HOURLY[2026] == 10_320
    assert ref.minimum_monthly_wage(2026) == 2_156_880


def test_minimum_monthly_pay_follows_weekly_holiday_rules():
    assert ref.minimum_monthly_pay(2026, 40) == 10_320 * 209 == ref.minimum_monthly_wage(2026)
    assert ref.minimum_monthly_pay(2026, 20) == round(10_320 * 104.5)  # 주휴 pro rata from 15 h/week
    assert ref.minimum_monthly_pay(2026, 14) == round(10_320 * 14 * 365 / 7 / 12)  # no 주휴 under 15 h
    assert ref.minimum_wage(2031) == (2026, 10_320) and ref.minimum_wage(2025) == (2025, 10_030)
