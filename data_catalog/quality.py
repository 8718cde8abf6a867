"""Data-quality rules the warehouse applies before users see aggregates (one place for each rule).

A posting's wage is *valid* for medians, quantiles, wage bins and maps when its monthly equivalent is positive, at
least half the minimum pay for its weekly hours in its year, and at most `WAGE_MAX_MONTHLY`. The rule reads the
data only — never the truth schema — so it flags what a ministry analyst would: a monthly figure typed as annual
(≈20만원 a month), a monthly figure typed as hourly (≈4억원 a month), a missing wage. Offers somewhat below the
minimum wage stay valid: they are real (if unlawful) offers, and the posting checker reports them.
"""

from __future__ import annotations

from data_catalog import reference as ref

WAGE_MIN_SHARE_OF_MINIMUM = 0.5
WAGE_MAX_MONTHLY = 20_000_000


def minimum_wage_values_sql() -> str:
    """`(year, hourly)` rows of the published minimum wages, as a SQL VALUES list."""
    return ", ".join(f"({y}, {h})" for y, h in sorted(ref.MINIMUM_WAGE_HOURLY.items()))


def wage_valid_sql(wage: str = "wage_monthly_krw", hours: str = "weekly_hours", year: str = "year(posted_date)") -> str:
    """A boolean SQL expression: the wage is plausible (see the module docstring). Needs no join: the minimum
    wage of the year (the latest published one beyond the table) comes from a scalar subquery."""
    latest = max(ref.MINIMUM_WAGE_HOURLY)
    mw = (
        f"(SELECT hourly FROM (VALUES {minimum_wage_values_sql()}) mw(y, hourly) "
        f"WHERE mw.y = least(greatest({year}, {min(ref.MINIMUM_WAGE_HOURLY)}), {latest}))"
    )
    paid_hours = (
        f"(CASE WHEN {hours} >= 15 THEN {ref.MONTHLY_HOURS} * least({hours}, 40) / 40.0"
        f" ELSE {hours} * {ref.WEEKS_PER_MONTH!r} END)"
    )
    return (
        f"({wage} > 0 AND {wage} <= {WAGE_MAX_MONTHLY} AND {wage} >= {WAGE_MIN_SHARE_OF_MINIMUM} * {mw} * {paid_hours})"
    )
