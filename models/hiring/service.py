"""What the employer pages ask of the hiring model: a typed-in posting validated in Korean, scored, explained
against its local market, and the smallest change of its conditions that reaches a target probability.

A draft is scored "as if posted today" (the warehouse's last posting day + 1): its market features come from
the same look-back SQL as training (`features.MARKET_SQL`), cached per (region, occupation, day) because only
a change of region or occupation moves them; every what-if candidate is one row of one batch.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import duckdb
import numpy as np
import pandas as pd

from data_catalog.reference import minimum_pay_for_hours, wage_year
from data_catalog.spec import CONTRACTS, EDUCATION_REQ, SHIFTS, SIZE_BANDS
from models.common.whatif import Change, score_changes
from models.hiring.features import (
    FEATURE_NAMES,
    MIN_CELL,
    TIGHTNESS_WINDOW_DAYS,
    WAGE_WINDOW_DAYS,
    build_features,
    hourly_equivalent,
    market_frame,
)
from models.hiring.model import HiringModel

MAX_WEEKLY_HOURS = 52
"""근로기준법 제50·53조: 40 hours plus at most 12 of overtime a week."""
WAGE_STEPS_MANWON = (5, 10, 15, 20, 30, 40, 50, 70, 100)
"""Raises the what-if tries (만원 a month): the smallest that reaches the target is the answer."""


@dataclass(frozen=True)
class Draft:
    """A posting's conditions as an employer types them (monthly wage in 원, hours a week)."""

    keco_code: str
    sido_code: str
    sigungu_code: str
    wage_monthly_krw: int
    weekly_hours: float = 40.0
    contract_type: str = "permanent"
    shift: str = "day"
    education_req: str = "any"
    career_req_years: int = 0
    openings: int = 1
    duration_days: int = 30
    probation_months: int = 0
    size_band: str = "5-29"
    ksic_section: str = "C"


def validate(d: Draft, occupations: set[str], sigungu_to_sido: dict[str, str], year: int | None = None) -> list[str]:
    """Korean reasons the draft cannot be scored or posted as it is (empty when it can)."""
    errs: list[str] = []
    if d.keco_code not in occupations:
        errs.append("직종을 목록에서 골라 주세요.")
    if sigungu_to_sido.get(d.sigungu_code) != d.sido_code:
        errs.append("근무지 시군구가 시도와 맞지 않습니다. 시도를 먼저 고른 뒤 시군구를 골라 주세요.")
    if not 1 <= d.weekly_hours <= MAX_WEEKLY_HOURS:
        errs.append(
            f"주 근로시간은 1~{MAX_WEEKLY_HOURS}시간이어야 합니다(근로기준법 제50·53조: 소정 40시간 + 연장 12시간)."
        )
    floor = monthly_floor(d.weekly_hours, year)
    if d.wage_monthly_krw < floor:
        errs.append(
            f"월 {d.wage_monthly_krw / 10_000:,.0f}만원은 주 {d.weekly_hours:g}시간 기준 최저임금 월 "
            f"{floor / 10_000:,.1f}만원보다 낮습니다(최저임금법 제6조"
            + (", 40시간을 넘는 시간도 최저임금으로 계산, 연장근로 가산수당은 별도" if d.weekly_hours > 40 else "")
            + ")."
        )
    for value, codes, name in (
        (d.contract_type, CONTRACTS, "고용형태"),
        (d.shift, SHIFTS, "근무형태"),
        (d.education_req, EDUCATION_REQ, "학력 요건"),
        (d.size_band, SIZE_BANDS, "사업체 규모"),
    ):
        if value not in codes:
            errs.append(f"{name} 값이 올바르지 않습니다: {value}")
    if not 0 <= d.career_req_years <= 30:
        errs.append("경력 요건은 0~30년이어야 합니다.")
    if not 1 <= d.openings <= 100:
        errs.append("모집 인원은 1~100명이어야 합니다.")
    if not 7 <= d.duration_days <= 90:
        errs.append("접수 기간은 7~90일이어야 합니다.")
    if not 0 <= d.probation_months <= 6:
        errs.append("수습 기간은 0~6개월이어야 합니다.")
    return errs


def as_of_day(con: duckdb.DuckDBPyConnection) -> pd.Timestamp:
    """The day a draft is scored as posted: the day after the warehouse's last posting."""
    return pd.Timestamp(con.execute("SELECT max(posted_date) FROM postings").fetchone()[0]).normalize() + pd.Timedelta(
        days=1
    )


def _rows(drafts: list[Draft], posted: pd.Timestamp) -> pd.DataFrame:
    df = pd.DataFrame([asdict(d) for d in drafts])
    df["posted_date"] = posted
    df["closing_date"] = posted + pd.to_timedelta(df["duration_days"], unit="D")
    return df


_MARKET_CACHE: dict[tuple, pd.DataFrame] = {}


def market_row(con: duckdb.DuckDBPyConnection, d: Draft, posted: pd.Timestamp, db_key: str = "") -> pd.DataFrame:
    """The draft's market features (one row); cached per warehouse file, region, occupation and day."""
    key = (db_key, d.sido_code, d.sigungu_code, d.keco_code, posted)
    frame = _MARKET_CACHE.get(key)  # one read: another session may clear the shared dict at any moment
    if frame is None:
        t = pd.DataFrame(
            {"key": [0], "sido_code": [d.sido_code], "sigungu_code": [d.sigungu_code], "keco_code": [d.keco_code]}
        )
        t["posted_date"] = posted
        frame = market_frame(con, t)
        if len(_MARKET_CACHE) > 512:
            _MARKET_CACHE.clear()
        _MARKET_CACHE[key] = frame
    return frame


def features_of(drafts: list[Draft], market: pd.DataFrame, posted: pd.Timestamp) -> pd.DataFrame:
    """Feature rows of drafts that share one market row (the what-if's candidates)."""
    m = pd.concat([market] * len(drafts), ignore_index=True)
    return build_features(_rows(drafts, posted), m)


@dataclass
class Scored:
    p: float
    days: float
    x: pd.DataFrame


def score(model: HiringModel, drafts: list[Draft], market: pd.DataFrame, posted: pd.Timestamp) -> list[Scored]:
    x = features_of(drafts, market, posted)
    p = model.predict_proba(x)[:, 1]
    days = model.expected_days(x)
    return [Scored(float(p[i]), float(days[i]), x.iloc[[i]]) for i in range(len(drafts))]


def market_context(con: duckdb.DuckDBPyConnection, d: Draft, posted: pd.Timestamp) -> dict:
    """Where the offer sits in its local market: the wage's percentile among the same occupation's postings in the
    sido over the last 365 days (the KECO middle group when the occupation has fewer than `MIN_CELL`), the local
    구인배수 over 90 days and the median days to fill there."""
    hourly = float(hourly_equivalent(np.array([d.wage_monthly_krw]), np.array([d.weekly_hours]))[0])
    out: dict = {"hourly_equivalent": hourly}
    for level, code, label in (("keco", d.keco_code, "같은 직종"), ("mid", d.keco_code[:2], "같은 직종 중분류")):
        r = con.execute(
            f"""
            WITH p AS (
                SELECT wage_monthly_krw, weekly_hours, openings, posted_date, filled_date FROM postings
                WHERE sido_code = ? AND {"keco_code = ?" if level == "keco" else "substr(keco_code, 1, 2) = ?"}
                  AND posted_date < ? AND posted_date >= ?::TIMESTAMP - INTERVAL {WAGE_WINDOW_DAYS} DAY
                  AND weekly_hours > 0 AND wage_monthly_krw > 0)
            SELECT count(*), list(wage_monthly_krw), list(weekly_hours),
                   median(date_diff('day', posted_date, filled_date)) FILTER (filled_date IS NOT NULL),
                   quantile_cont(wage_monthly_krw, 0.5)
            FROM p""",
            [d.sido_code, code, posted, posted],
        ).fetchone()
        if r[0] >= MIN_CELL or level == "mid":
            wages = hourly_equivalent(np.array(r[1] or [], float), np.array(r[2] or [], float))
            out.update(
                cell_ko=label,
                n=int(r[0]),
                percentile=float((wages < hourly).mean() + 0.5 * (wages == hourly).mean())
                if r[0] >= MIN_CELL
                else None,
                # the local median offer paid for the draft's own hours (a part-time draft is not compared with
                # full-time pay): the median hourly equivalent × the draft's paid hours
                median_monthly=float(np.median(wages)) * (d.wage_monthly_krw / hourly) if r[0] >= MIN_CELL else None,
                days_to_fill=r[3] if r[0] >= MIN_CELL else None,
            )
            break
    t = con.execute(
        f"""
        SELECT (SELECT coalesce(sum(openings), 0) FROM postings WHERE sido_code = ? AND substr(keco_code, 1, 2) = ?
                  AND posted_date < ? AND posted_date >= ?::TIMESTAMP - INTERVAL {TIGHTNESS_WINDOW_DAYS} DAY),
               (SELECT count(*) FROM seekers WHERE sido_code = ? AND substr(desired_keco_code, 1, 2) = ?
                  AND registered_date < ? AND registered_date >= ?::TIMESTAMP - INTERVAL {TIGHTNESS_WINDOW_DAYS} DAY)
        """,
        [d.sido_code, d.keco_code[:2], posted, posted] * 2,
    ).fetchone()
    out["openings_90"], out["seekers_90"] = int(t[0]), int(t[1])
    out["tightness"] = t[0] / t[1] if t[1] else None
    return out


# --- what-if: the changes an employer can make, and the smallest that reaches a target


def candidate_drafts(d: Draft, year: int | None = None) -> list[tuple[str, Draft, str, float]]:
    """(kind, changed draft, Korean description, size) for every single change worth trying.

    Size orders the changes of one kind (the smallest raise first). A raise never leaves the wage below the
    minimum; shorter hours keep the monthly pay only where it stays lawful.
    """
    year = year or wage_year()
    out: list[tuple[str, Draft, str, float]] = []
    for add in WAGE_STEPS_MANWON:
        out.append(
            ("wage", replace(d, wage_monthly_krw=d.wage_monthly_krw + add * 10_000), f"월급을 {add}만원 올리면", add)
        )
    for h in (35.0, 30.0, 40.0):
        if h != d.weekly_hours and monthly_floor(h, year) <= d.wage_monthly_krw:
            verb = "줄이면" if h < d.weekly_hours else "늘리면"
            out.append(("hours", replace(d, weekly_hours=h), f"주 근로시간을 {h:g}시간으로 {verb}(월급 유지)", 1))
    if d.career_req_years > 0:
        out.append(("career", replace(d, career_req_years=0), "경력 요건을 빼면", 1))
        if d.career_req_years > 1:
            out.append(("career", replace(d, career_req_years=1), "경력 요건을 1년으로 낮추면", 0.5))
    if d.education_req != "any":
        out.append(("education", replace(d, education_req="any"), "학력 요건을 빼면(학력무관)", 1))
    if d.contract_type != "permanent":
        out.append(("contract", replace(d, contract_type="permanent"), "정규직으로 채용하면", 1))
    if d.shift != "day":
        out.append(("shift", replace(d, shift="day"), "주간 근무로 바꾸면", 1))
    if d.probation_months > 0:
        out.append(("probation", replace(d, probation_months=0), "수습 기간을 없애면", 1))
    for days in (30, 45, 60):
        if days > d.duration_days:
            out.append(("duration", replace(d, duration_days=days), f"접수 기간을 {days}일로 늘리면", days))
    return out


WHATIF_COLUMNS = ["kind", "description_ko", "size", "p_before", "p_after", "gain_pp", "reaches"]


def what_if(
    model: HiringModel, d: Draft, market: pd.DataFrame, posted: pd.Timestamp, target: float | None = None
) -> pd.DataFrame:
    """Every candidate change scored in one batch by the shared what-if scorer, with whether it reaches `target`."""
    return assess(model, d, market, posted, target)[1]


def assess(
    model: HiringModel, d: Draft, market: pd.DataFrame, posted: pd.Timestamp, target: float | None = None
) -> tuple[Scored, pd.DataFrame]:
    """The draft scored and every candidate change re-scored, from one feature batch (what the page shows)."""
    cands = candidate_drafts(d)
    xs = features_of([d] + [c[1] for c in cands], market, posted)
    x0 = xs.iloc[[0]]
    base = Scored(float(model.predict_proba(x0)[0, 1]), float(model.expected_days(x0)[0]), x0)
    if not cands:
        return base, pd.DataFrame(columns=WHATIF_COLUMNS)
    updates: list[dict] = [{} for _ in cands]
    for f in FEATURE_NAMES:  # column by column: which candidates move this feature (row-wise pandas is slow)
        v = xs[f].to_numpy(dtype=object)
        na = pd.isna(v)
        moved = ~((v == v[0]) | (na & na[0]))
        for i in np.flatnonzero(moved[1:]):
            updates[i][f] = v[i + 1]
    changes = [Change(kind, up, text) for (kind, _d, text, _s), up in zip(cands, updates, strict=True)]
    scored = score_changes(model, x0, changes)
    scored = scored.rename(columns={"feature": "kind"})
    scored["size"] = [c[3] for c in cands]
    scored["reaches"] = scored["p_after"] >= target if target is not None else False
    return base, scored[WHATIF_COLUMNS]


def smallest_changes(scored: pd.DataFrame) -> pd.DataFrame:
    """Per kind of change, the smallest one that reaches the target (sorted: fewest %p overshoot first)."""
    hit = scored[scored["reaches"]].sort_values(["kind", "size"], kind="stable").drop_duplicates("kind")
    return hit.sort_values("p_after", kind="stable").reset_index(drop=True)


def monthly_floor(weekly_hours: float, year: int | None = None) -> int:
    """The lawful minimum monthly pay for a week of `weekly_hours`: the minimum for the contractual hours (with 주휴
    from 15 h) plus every hour beyond 40 at the minimum rate (the 150 % overtime premium is 근로기준법 제56조's, on
    top). The what-if never proposes less, and a draft below it is refused."""
    return minimum_pay_for_hours(year or wage_year(), weekly_hours)


def combined_plan(
    model: HiringModel, d: Draft, market: pd.DataFrame, posted: pd.Timestamp, target: float, max_steps: int = 3
) -> tuple[list[str], float]:
    """When no single change reaches `target`: the changes taken greedily (largest gain first) until it is reached
    or `max_steps` are used; returns their descriptions and the probability after them."""
    steps: list[str] = []
    used: set[str] = set()
    cur = d
    p = score(model, [d], market, posted)[0].p
    for _ in range(max_steps):
        scored = what_if(model, cur, market, posted, target)
        scored = scored[~scored["kind"].isin(used)]  # one change of each kind: "+100만원 + 70만원" is one raise
        if scored.empty or scored["gain_pp"].max() <= 0.05:
            break
        best = scored.sort_values("gain_pp", ascending=False, kind="stable").iloc[0]
        reached = scored[scored["reaches"]].sort_values("size", kind="stable")
        pick = reached.iloc[0] if len(reached) else best
        cur = candidate_drafts(cur)[int(pick.name)][1]  # `what_if` rows are in candidate order
        used.add(str(pick["kind"]))
        steps.append(str(pick["description_ko"]))
        p = float(pick["p_after"])
        if p >= target:
            break
    return steps, p


def firm_defaults(con: duckdb.DuckDBPyConnection, firm_id: str | int) -> dict:
    """The signed-in employer's own firm (region, size, industry and the occupation it posts most) to prefill a
    draft; {} when unknown."""
    try:
        fid = int(firm_id)
    except (TypeError, ValueError):
        return {}
    row = con.execute(
        """
        SELECT f.firm_name, f.sido_code, f.sigungu_code, f.size_band, f.ksic_section,
               (SELECT keco_code FROM postings p WHERE p.firm_id = f.firm_id
                GROUP BY keco_code ORDER BY count(*) DESC, max(posted_date) DESC LIMIT 1) AS keco_code
        FROM firms f WHERE f.firm_id = ?""",
        [fid],
    ).fetchone()
    keys = ("firm_name", "sido_code", "sigungu_code", "size_band", "ksic_section", "keco_code")
    return {k: v for k, v in zip(keys, row, strict=True) if v is not None} if row else {}
