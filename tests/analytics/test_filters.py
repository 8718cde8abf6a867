from datetime import date

from analytics.filters import MarketFilter, parse_query_params, where_clause

PERIOD = (date(2024, 11, 1), date(2026, 10, 1))


def test_query_params_keep_valid_and_explain_invalid():
    vals, errs = parse_query_params(
        {"level": "sigungu", "metric": "nope", "start": "2025-13", "end": "2026-01", "utm": "x"},
        allowed={"level": ("sido", "sigungu"), "metric": ("openings",)},
        period=PERIOD,
    )
    assert vals == {"level": "sigungu", "end": date(2026, 1, 1)}
    assert len(errs) == 2 and any("metric" in e for e in errs) and any("YYYY-MM" in e for e in errs)


def test_query_params_out_of_period_and_reversed():
    vals, errs = parse_query_params({"start": "2023-01"}, allowed={}, period=PERIOD)
    assert vals == {} and "자료 기간" in errs[0]
    vals, errs = parse_query_params({"start": "2026-01", "end": "2025-01"}, allowed={}, period=PERIOD)
    assert vals == {} and "앞서" in errs[0]


def test_where_clause_is_parameterised():
    f = MarketFilter(
        date(2025, 1, 5),
        date(2025, 2, 9),
        occ_level="middle",
        occ_code="55",
        ksic_sections=("Q'; DROP TABLE postings; --",),
        contract_types=("part_time",),
    )
    sql, params = where_clause(f, posting=True)
    assert "DROP" not in sql and sql.count("?") == len(params)
    assert params[:2] == [date(2025, 1, 1), date(2025, 2, 1)]
    seeker_sql, seeker_params = where_clause(f, posting=False)
    assert "ksic_section" not in seeker_sql and len(seeker_params) == 3
