"""Posting features known on the day a posting goes up (the prediction date) — no outcome leakage.

The label is "every opening filled within `HORIZON_DAYS` days of posting". Why 90 days: a posting
runs 14–60 days and an application's stages take up to six weeks more, so 99.8 % of the fills in the
default world happen within 90 days of posting (median 39, p99 84); a shorter horizon such as 30 days
would cut most fills off mid-interview and measure the stage timetable rather than whether the
posting finds its people. A posting is labelled only once its 90 days are over (`observed`).

Market features look back only, from the postings and seekers registered *before* the posting date,
in the posting's sido × KECO middle group (`MARKET_SQL`):
- the local wage distribution: median hourly-equivalent offer over the last 365 days (national
  median of the middle group when the sido cell has fewer than `MIN_CELL` postings), and the
  median desired wage of the seekers who registered for that group there;
- tightness: openings posted over the last 90 days per seeker registered for that group there;
- competition: openings posted in the cell over the last 30 days.

One SQL serves training (every posting) and the what-if page (one typed-in posting): the market part
depends only on (sido, sigungu, KECO code, date), the rest is computed from the posting's own fields.

No text feature: the world writes a posting's text from its own fields, so the text adds nothing the fields do not
say (measured: a text-length feature moved test AUC by 0.001, 0.6452 against 0.6443), and a typed-in draft on the
what-if page has no text yet — a length of 0 would have put every draft outside the training data. The text signals
that matter (an age limit, a fee) are the checker's, which the review queue applies to every posting.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from data_catalog.reference import MONTHLY_HOURS, OVERTIME_PREMIUM, WEEKS_PER_MONTH, paid_hours_a_month
from data_catalog.spec import EDUCATION_RANK
from models.common.gbm import Feature

HORIZON_DAYS = 90
MIN_CELL = 5
"""Fewest postings a local wage median is taken from (else the national median of the middle group)."""
WAGE_WINDOW_DAYS = 365
TIGHTNESS_WINDOW_DAYS = 90
COMPETITION_WINDOW_DAYS = 30
SPELL_DAYS = 182
"""How long a seeker searches (the world's search spell): seekers registered this long before are still active."""

FEATURES: tuple[Feature, ...] = (
    Feature("wage_vs_local", "제시임금(지역·직종 중위 대비)", True, monotone=1),
    Feature("wage_vs_desired", "제시임금(지역 구직자 희망임금 대비)", True, monotone=1),
    Feature("weekly_hours", "주 소정근로시간", True),
    Feature("contract_type", "고용형태", True, categorical=True),
    Feature("shift", "근무형태", True, categorical=True),
    Feature("education_rank", "학력 요건", True, monotone=-1),
    Feature("career_req_years", "경력 요건(년)", True, monotone=-1),
    Feature("openings", "모집 인원", True, monotone=-1),
    Feature("duration_days", "접수 기간(일)", True, monotone=1),
    Feature("probation_months", "수습 기간(개월)", True),
    Feature("occ_middle", "직종(중분류)", False, categorical=True),
    Feature("sido", "근무지 시도", True, categorical=True),
    Feature("size_band", "사업체 규모", False, categorical=True),
    Feature("ksic_section", "업종", False, categorical=True),
    Feature("local_tightness", "지역·직종 구인배수(최근 90일)", False),
    Feature("local_seekers", "지역·직종 신규 구직자 수(최근 90일)", False),
    Feature("competition", "지역·직종 경쟁 공고 인원(최근 30일)", False),
    Feature("active_seekers", "지역·직종 구직 중인 구직자 수(최근 6개월 등록)", False),
    Feature("near_seekers", "같은 시군구 구직 중인 구직자 수", False),
    Feature("open_now", "게시일에 접수 중인 경쟁 공고 인원", False),
    Feature("post_month", "게시 월", False),
)
FEATURE_NAMES = [f.name for f in FEATURES]
CATEGORICAL = [f.name for f in FEATURES if f.categorical]

POSTING_COLUMNS = (
    "sido_code",
    "sigungu_code",
    "keco_code",
    "posted_date",
    "closing_date",
    "wage_monthly_krw",
    "weekly_hours",
    "contract_type",
    "shift",
    "education_req",
    "career_req_years",
    "openings",
    "probation_months",
    "size_band",
    "ksic_section",
)
"""The postings columns the features read (a typed-in posting supplies the same)."""

MARKET_SQL = f"""
WITH t AS (SELECT key, sido_code, sigungu_code, substr(keco_code, 1, 2) AS mid, posted_date::DATE AS d FROM targets),
p AS (
    SELECT sido_code, substr(keco_code, 1, 2) AS mid, posted_date::DATE AS d, closing_date::DATE AS c, openings,
           wage_monthly_krw / CASE WHEN weekly_hours >= 15
                THEN {MONTHLY_HOURS} * least(weekly_hours, 40) / 40
                     + {OVERTIME_PREMIUM} * {WEEKS_PER_MONTH} * greatest(weekly_hours - 40, 0)
                ELSE weekly_hours * {WEEKS_PER_MONTH} END AS hourly
    FROM postings WHERE weekly_hours > 0 AND wage_monthly_krw > 0
),
s AS (SELECT sido_code, sigungu_code, substr(desired_keco_code, 1, 2) AS mid, registered_date::DATE AS d,
             desired_wage_krw FROM seekers),
local_wage AS (
    SELECT t.key, median(p.hourly) AS local_hourly, count(*) AS n_local
    FROM t JOIN p ON p.sido_code = t.sido_code AND p.mid = t.mid AND p.d < t.d AND p.d >= t.d - {WAGE_WINDOW_DAYS}
    GROUP BY t.key
),
nat_wage AS (
    SELECT t.key, median(p.hourly) AS national_hourly
    FROM t JOIN p ON p.mid = t.mid AND p.d < t.d AND p.d >= t.d - {WAGE_WINDOW_DAYS} GROUP BY t.key
),
desired AS (
    SELECT t.key, median(s.desired_wage_krw) AS local_desired
    FROM t JOIN s ON s.sido_code = t.sido_code AND s.mid = t.mid AND s.d < t.d AND s.d >= t.d - {WAGE_WINDOW_DAYS}
    GROUP BY t.key
),
regs AS (
    SELECT t.key, count(*) FILTER (s.d >= t.d - {TIGHTNESS_WINDOW_DAYS}) AS local_seekers,
           count(*) AS active_seekers, count(*) FILTER (s.sigungu_code = t.sigungu_code) AS near_seekers
    FROM t JOIN s ON s.sido_code = t.sido_code AND s.mid = t.mid AND s.d < t.d AND s.d >= t.d - {SPELL_DAYS}
    GROUP BY t.key
),
opens AS (
    SELECT t.key, sum(p.openings) AS openings_90,
           sum(CASE WHEN p.d >= t.d - {COMPETITION_WINDOW_DAYS} THEN p.openings ELSE 0 END) AS competition,
           sum(CASE WHEN p.c >= t.d THEN p.openings ELSE 0 END) AS open_now
    FROM t JOIN p ON p.sido_code = t.sido_code AND p.mid = t.mid AND p.d < t.d AND p.d >= t.d - {TIGHTNESS_WINDOW_DAYS}
    GROUP BY t.key
)
SELECT t.key,
       CASE WHEN coalesce(lw.n_local, 0) >= {MIN_CELL} THEN lw.local_hourly ELSE nw.national_hourly END AS ref_hourly,
       coalesce(lw.n_local, 0) AS n_local, de.local_desired,
       coalesce(r.local_seekers, 0) AS local_seekers, coalesce(o.openings_90, 0) AS openings_90,
       coalesce(o.competition, 0) AS competition, coalesce(o.open_now, 0) AS open_now,
       coalesce(r.active_seekers, 0) AS active_seekers, coalesce(r.near_seekers, 0) AS near_seekers
FROM t LEFT JOIN local_wage lw USING (key) LEFT JOIN nat_wage nw USING (key) LEFT JOIN desired de USING (key)
LEFT JOIN regs r USING (key) LEFT JOIN opens o USING (key)
"""


def hourly_equivalent(monthly: pd.Series | np.ndarray, weekly_hours: pd.Series | np.ndarray) -> np.ndarray:
    """Monthly pay ÷ paid hours a month (with 주휴 from 15 h a week, overtime at 150 %): the same rule as MARKET_SQL."""
    paid = paid_hours_a_month(weekly_hours)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(monthly, dtype=float) / np.where(paid > 0, paid, np.nan)


def market_frame(con: duckdb.DuckDBPyConnection, targets: pd.DataFrame) -> pd.DataFrame:
    """Market context per target row (key, sido_code, keco_code, posted_date) from the warehouse, look-back only."""
    cur = con.cursor()
    try:
        cur.register("targets", targets[["key", "sido_code", "sigungu_code", "keco_code", "posted_date"]])
        return cur.execute(MARKET_SQL).df().set_index("key").reindex(targets["key"])
    finally:
        cur.close()


def build_features(postings: pd.DataFrame, market: pd.DataFrame) -> pd.DataFrame:
    """Feature frame (same index as `postings`) from posting rows and their `market_frame` rows (same order)."""
    m = market.set_axis(postings.index)
    hourly = hourly_equivalent(postings["wage_monthly_krw"], postings["weekly_hours"])
    posted = pd.to_datetime(postings["posted_date"])
    tight = m["openings_90"] / m["local_seekers"].where(m["local_seekers"] > 0)
    df = pd.DataFrame(
        {
            "wage_vs_local": hourly / m["ref_hourly"].astype(float),
            "wage_vs_desired": postings["wage_monthly_krw"].astype(float) / m["local_desired"].astype(float),
            "weekly_hours": postings["weekly_hours"].astype(float),
            "contract_type": postings["contract_type"].astype("string"),
            "shift": postings["shift"].astype("string"),
            "education_rank": postings["education_req"].map(EDUCATION_RANK).astype(float),
            "career_req_years": pd.to_numeric(postings["career_req_years"], errors="coerce").astype(float),
            "openings": pd.to_numeric(postings["openings"], errors="coerce").astype(float),
            "duration_days": (pd.to_datetime(postings["closing_date"]) - posted).dt.days.astype(float),
            "probation_months": pd.to_numeric(postings["probation_months"], errors="coerce").fillna(0).astype(float),
            "occ_middle": postings["keco_code"].astype("string").str[:2],
            "sido": postings["sido_code"].astype("string"),
            "size_band": postings["size_band"].astype("string"),
            "ksic_section": postings["ksic_section"].astype("string"),
            "local_tightness": tight.astype(float),
            "local_seekers": m["local_seekers"].astype(float),
            "competition": m["competition"].astype(float),
            "active_seekers": m["active_seekers"].astype(float),
            "near_seekers": m["near_seekers"].astype(float),
            "open_now": m["open_now"].astype(float),
            "post_month": posted.dt.month.astype(float),
        },
        index=postings.index,
    )
    for c in CATEGORICAL:
        df[c] = df[c].astype("category")
    return df[FEATURE_NAMES]


LABEL_SQL = f"""
SELECT p.*, p.filled_date IS NOT NULL AND p.filled_date <= p.posted_date + INTERVAL {HORIZON_DAYS} DAY AS filled,
       date_diff('day', p.posted_date, p.filled_date) AS days_to_fill
FROM postings p
WHERE p.posted_date + INTERVAL {HORIZON_DAYS} DAY <= (SELECT max(posted_date) FROM postings)
ORDER BY p.posting_id
"""
"""Postings whose horizon is over by the last posting day (the warehouse's snapshot), with the label."""

AUDITED = ("sido_code", "size_band", "ksic_section")
"""Posting columns carried beside the features for the audit (by region, firm size and industry)."""


def load_training_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Observed postings: features, `label`, `days_to_fill`, `posted_date` and the audit columns, by posting_id."""
    rows = con.execute(LABEL_SQL).df()
    targets = rows[["sido_code", "sigungu_code", "keco_code", "posted_date"]].assign(key=rows["posting_id"].to_numpy())
    x = build_features(rows, market_frame(con, targets))
    x.index = pd.Index(rows["posting_id"].to_numpy(), name="posting_id")
    x["label"] = rows["filled"].astype(int).to_numpy()
    x["days_to_fill"] = rows["days_to_fill"].astype(float).to_numpy()
    x["posted_date"] = pd.to_datetime(rows["posted_date"]).to_numpy()
    for c in AUDITED:
        x[f"audit_{c}"] = rows[c].to_numpy()
    return x
