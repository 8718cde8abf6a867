"""Applicant-tracking statistics (채용 통계) for one posting or a whole firm: funnel, time in stage, source channels,
applicants' characteristics in aggregate and trends — pure functions over the frames of `store.ats_report`.

Definitions (the page's captions say the same in Korean):
- **Funnel.** The pipeline's path stages are its stages in order without the side stages (불합격, 보류, 지원 취소).
  An applicant has *reached* a path stage when they entered it or any later path stage (someone moved straight from
  접수 to 면접 has passed 서류 검토), so the funnel never widens; `entered` is the literal count of applicants with a
  move into the stage. Conversion is reached ÷ reached of the previous path stage, and ÷ reached of 접수 (everyone).
  Side stages get their `entered` count and its share of 접수, no step conversion.
- **Time in stage.** Each move into a stage starts a stay that the applicant's next move ends; `median_days` is the
  median of those *completed* stays only. A stay that is still open (the applicant is there now) is not in that
  median — it would be cut short and pull the median down — but is counted in `n_open`, with its length so far up
  to the `now` passed in (`median_open_days`, left empty for the end stages 입사, 불합격, 지원 취소, where nobody is
  expected to move on).
- **Source channels.** Applications per `job_applications.source` with how many were hired; the hire rate divides by
  every application of the channel, still open ones included.
- **Characteristics.** One row per distinct person (someone who applied to two of the firm's postings is one
  applicant), read from the warehouse by seeker id: 10-year age band, 시도 of residence, final education, career
  band. Gender, disability and nationality are never read (`PROFILE_SQL` names its columns). A category with fewer
  than `MIN_CELL` applicants is hidden ("비공개"). As each table's total is the number of applicants, which the page
  shows, one hidden cell could be recovered as total minus the others: so whenever a table hides anything, further
  cells (smallest first) are hidden until at least two are hidden and the hidden cells together hold at least
  `MIN_CELL` applicants. With fewer than `MIN_CELL` applicants in all, every cell is hidden.
- **Trend.** Applications per week (Monday start) or month of `applied_at`, and hires per period of `hired_at`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

import duckdb
import pandas as pd

from analytics.market import MIN_CELL
from data_catalog.spec import APPLICATION_SOURCES, ATS_FIRST, ATS_HIRED, ATS_STAGES, EDUCATION

FIRST, HIRED = ATS_FIRST, ATS_HIRED
SIDE_STAGES: frozenset[str] = frozenset({"rejected", "on_hold", "withdrawn"})
"""Stages off the path to a hire: counted, but no step of the funnel."""
END_STAGES: frozenset[str] = frozenset({"hired", "rejected", "withdrawn"})
"""Stages nobody is expected to leave: an open stay there has no 'time so far'."""
HIDDEN = "비공개"
UNKNOWN = "정보 없음"
DIMENSIONS = ("age_band", "region", "education", "experience")
DIMENSION_LABELS = dict(zip(DIMENSIONS, ("연령대", "거주 지역(시도)", "최종 학력", "경력"), strict=True))
AGE_BANDS = ((0, 20, "10대"), (20, 30, "20대"), (30, 40, "30대"), (40, 50, "40대"), (50, 60, "50대"))
AGE_TOP = "60세 이상"
EXPERIENCE_BANDS = ((0, 1, "1년 미만"), (1, 3, "1~3년 미만"), (3, 5, "3~5년 미만"), (5, 10, "5~10년 미만"))
EXPERIENCE_TOP = "10년 이상"
PROFILE_COLUMNS = ("seeker_id", "age", "sido_code", "sido_name_ko", "education", "career_years")
PROFILE_SQL = """
    SELECT s.seeker_id, s.age, s.sido_code, r.sido_name_ko, s.education, s.career_years
    FROM seekers s
    JOIN (SELECT DISTINCT unnest(?::BIGINT[]) AS seeker_id) ids USING (seeker_id)
    LEFT JOIN ref_sido r ON r.sido_code = s.sido_code
    ORDER BY s.seeker_id"""
"""The only warehouse read: the four aggregated characteristics (never a sensitive column), ids as one parameter."""


# ---------------------------------------------------------------------------------------------------- stage order
def merge_orders(orders: Iterable[Sequence[str]]) -> list[str]:
    """One stage order from several pipelines (the firm's postings): each stage first seen is placed after the stage
    it follows in its own pipeline."""
    out: list[str] = []
    for order in orders:
        prev = None
        for stage in order:
            if stage not in out:
                out.insert(out.index(prev) + 1 if prev in out else 0 if prev is None else len(out), stage)
            prev = stage
    return out


def _label(labels: Mapping[str, str], stage: str) -> str:
    return labels.get(stage) or ATS_STAGES.ko(stage)


def _full_order(order: Sequence[str], cards: pd.DataFrame, moves: pd.DataFrame) -> list[str]:
    """`order` plus any stage that appears in the data but not in it (a stage since removed), at the end."""
    seen = [*cards["stage"].dropna(), *moves["to_stage"].dropna()]
    return [*order, *dict.fromkeys(s for s in seen if s not in order)]


# ---------------------------------------------------------------------------------------------------- summary
def summary(cards: pd.DataFrame, moves: pd.DataFrame) -> dict[str, float | int | None]:
    """Applicants, still in progress, hired, hire rate, median days from application to hire."""
    n = len(cards)
    hired = _hired(cards)
    start = _applied(cards, moves)
    to_hire = (cards.loc[hired, "hired_at"] - start[hired]).dt.total_seconds() / 86_400
    return {
        "applicants": n,
        "in_progress": int((~cards["stage"].isin(END_STAGES)).sum()),
        "hired": int(hired.sum()),
        "hire_rate": hired.sum() / n if n else None,
        "median_days_to_hire": float(to_hire.median()) if to_hire.notna().any() else None,
    }


def _hired(cards: pd.DataFrame) -> pd.Series:
    return cards["hired_at"].notna() | (cards["stage"] == HIRED)


def _applied(cards: pd.DataFrame, moves: pd.DataFrame) -> pd.Series:
    """When each card was applied for: the application's time, else its first recorded move."""
    first = moves.groupby("application_id")["moved_at"].min()
    return cards["applied_at"].fillna(cards["application_id"].map(first))


# ---------------------------------------------------------------------------------------------------- funnel
def funnel(cards: pd.DataFrame, moves: pd.DataFrame, order: Sequence[str], labels: Mapping[str, str]) -> pd.DataFrame:
    """Per stage in pipeline order: entered, reached (path stages), conversion from the previous path stage and
    from 접수; side stages last (see the module docstring)."""
    order = _full_order(order, cards, moves)
    path = [s for s in order if s not in SIDE_STAGES]
    if FIRST in path:  # 접수 first: everyone starts there
        path = [FIRST, *(s for s in path if s != FIRST)]
    ids = cards["application_id"]
    live = moves.loc[moves["application_id"].isin(ids), ["application_id", "to_stage"]]
    # the current stage counts as entered even when its move predates the recorded history
    both = pd.concat([live, cards[["application_id", "stage"]].rename(columns={"stage": "to_stage"})])
    entered = both.drop_duplicates().groupby("to_stage")["application_id"].size().to_dict()
    entered[FIRST] = len(ids)
    rank = {s: i for i, s in enumerate(path)}
    furthest = both.assign(r=both["to_stage"].map(rank)).groupby("application_id")["r"].max().fillna(0)
    n = len(ids)
    rows, prev = [], None
    for s in path:
        reached = len(ids) if s == FIRST else int((furthest >= rank[s]).sum())
        rows.append(
            {
                "stage": s,
                "label": _label(labels, s),
                "on_path": True,
                "entered": int(entered.get(s, 0)),
                "reached": reached,
                "from_prev": reached / prev if prev else None,
                "from_first": reached / n if n else None,
            }
        )
        prev = reached
    for s in (s for s in order if s in SIDE_STAGES):
        k = int(entered.get(s, 0))
        rows.append(
            {
                "stage": s,
                "label": _label(labels, s),
                "on_path": False,
                "entered": k,
                "reached": None,
                "from_prev": None,
                "from_first": k / n if n else None,
            }
        )
    return pd.DataFrame(rows, columns=["stage", "label", "on_path", "entered", "reached", "from_prev", "from_first"])


# ---------------------------------------------------------------------------------------------------- time in stage
def stays(moves: pd.DataFrame, now: datetime) -> pd.DataFrame:
    """One row per stay: application, stage, start, end (NaT while open), days (up to `now` while open), open."""
    m = moves.sort_values(["application_id", "moved_at"], kind="stable")
    end = m.groupby("application_id")["moved_at"].shift(-1)
    open_ = end.isna()
    days = (end.fillna(pd.Timestamp(now)) - m["moved_at"]).dt.total_seconds() / 86_400
    return pd.DataFrame(
        {
            "application_id": m["application_id"].to_numpy(),
            "stage": m["to_stage"].to_numpy(),
            "start": m["moved_at"].to_numpy(),
            "end": end.to_numpy(),
            "days": days.to_numpy(),
            "open": open_.to_numpy(),
        }
    )


def time_in_stage(
    cards: pd.DataFrame, moves: pd.DataFrame, order: Sequence[str], labels: Mapping[str, str], now: datetime
) -> pd.DataFrame:
    """Per stage: completed stays and their median days; open stays and their median days so far (module docstring)."""
    st_ = stays(moves[moves["application_id"].isin(cards["application_id"])], now)
    g = st_.groupby(["stage", "open"])["days"].agg(["size", "median"])
    rows = []
    for s in _full_order(order, cards, moves):
        done = g.loc[(s, False)] if (s, False) in g.index else None
        open_ = g.loc[(s, True)] if (s, True) in g.index else None
        rows.append(
            {
                "stage": s,
                "label": _label(labels, s),
                "n_done": 0 if done is None else int(done["size"]),
                "median_days": None if done is None else float(done["median"]),
                "n_open": 0 if open_ is None else int(open_["size"]),
                "median_open_days": None if open_ is None or s in END_STAGES else float(open_["median"]),
            }
        )
    return pd.DataFrame(rows, columns=["stage", "label", "n_done", "median_days", "n_open", "median_open_days"])


# ---------------------------------------------------------------------------------------------------- sources
def by_source(cards: pd.DataFrame) -> pd.DataFrame:
    """Applications per source channel (declared channels first, every one listed), hired, hire rate, share."""
    src = cards["source"].fillna("unknown")
    hired = _hired(cards)
    codes = [*APPLICATION_SOURCES, *dict.fromkeys(s for s in src if s not in APPLICATION_SOURCES)]
    n = len(cards)
    rows = []
    for code in codes:
        mine = src == code
        k, h = int(mine.sum()), int((mine & hired).sum())
        label = UNKNOWN if code == "unknown" else APPLICATION_SOURCES.ko(code)
        rows.append(
            {
                "source": code,
                "label": label,
                "applications": k,
                "hired": h,
                "hire_rate": h / k if k else None,
                "share": k / n if n else None,
            }  # fmt: skip
        )
    return pd.DataFrame(rows, columns=["source", "label", "applications", "hired", "hire_rate", "share"])


# ---------------------------------------------------------------------------------------------------- characteristics
def seeker_profiles(con: duckdb.DuckDBPyConnection, seeker_ids: Iterable[object]) -> pd.DataFrame:
    """The aggregated characteristics' inputs for these seekers (ids that are not whole numbers are skipped)."""
    ids = sorted({int(s) for s in seeker_ids if str(s).strip().isdigit()})
    if not ids:
        return pd.DataFrame(columns=list(PROFILE_COLUMNS))
    return con.execute(PROFILE_SQL, [ids]).df()


def age_band(age: float | None) -> str:
    if age is None or (isinstance(age, float) and math.isnan(age)):
        return UNKNOWN
    return next((name for lo, hi, name in AGE_BANDS if lo <= age < hi), AGE_TOP)


def experience_band(years: float | None) -> str:
    if years is None or (isinstance(years, float) and math.isnan(years)):
        return UNKNOWN
    return next((name for lo, hi, name in EXPERIENCE_BANDS if lo <= years < hi), EXPERIENCE_TOP)


def applicant_bands(cards: pd.DataFrame, profiles: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct applicant of `cards` with their four bands (정보 없음 when the warehouse lacks them)."""
    people = pd.DataFrame({"seeker_id": sorted(set(cards["seeker_id"].astype(str)))})
    p = profiles.assign(seeker_id=profiles["seeker_id"].astype(str))
    df = people.merge(p, on="seeker_id", how="left")
    return pd.DataFrame(
        {
            "seeker_id": df["seeker_id"],
            "age_band": [age_band(a) for a in df["age"].astype(float)],
            "region": df["sido_name_ko"].fillna(UNKNOWN).astype(str),
            "education": [EDUCATION.ko(e, UNKNOWN) if isinstance(e, str) else UNKNOWN for e in df["education"]],
            "experience": [experience_band(y) for y in df["career_years"].astype(float)],
            "sido_code": df["sido_code"],
        }
    )


def suppress(counts: Sequence[int], min_cell: int = MIN_CELL) -> list[bool]:
    """Which cells to hide: every cell under `min_cell`, then (smallest first) more cells until at least two are
    hidden and the hidden ones hold at least `min_cell` together — so no hidden cell is total minus the shown ones."""
    hide = [c < min_cell for c in counts]
    if not any(hide):
        return hide
    for i in sorted(range(len(counts)), key=lambda i: (counts[i], i)):
        if sum(hide) >= 2 and sum(c for c, h in zip(counts, hide, strict=True) if h) >= min_cell:
            break
        hide[i] = True
    return hide


def _category_order(dim: str, values: pd.Series, sido_codes: pd.Series) -> list[str]:
    present = set(values)
    if dim == "age_band":
        known = [name for _, _, name in AGE_BANDS] + [AGE_TOP]
    elif dim == "experience":
        known = [name for _, _, name in EXPERIENCE_BANDS] + [EXPERIENCE_TOP]
    elif dim == "education":
        known = list(EDUCATION.labels.values())
    else:
        by_code = pd.DataFrame({"v": values, "c": sido_codes.fillna("99")}).drop_duplicates("v").sort_values("c")
        known = [v for v in by_code["v"] if v != UNKNOWN]
    return [c for c in known if c in present] + [UNKNOWN] * (UNKNOWN in present)


def characteristics(bands: pd.DataFrame, min_cell: int = MIN_CELL) -> pd.DataFrame:
    """Long table: dimension, category, applicants (None when hidden), share (None when hidden), hidden."""
    rows = []
    n = len(bands)
    for dim in DIMENSIONS:
        cats = _category_order(dim, bands[dim], bands["sido_code"])
        vc = bands[dim].value_counts()
        counts = [int(vc[c]) for c in cats]
        hide = suppress(counts, min_cell)
        for cat, k, h in zip(cats, counts, hide, strict=True):
            rows.append(
                {
                    "dimension": dim,
                    "dimension_label": DIMENSION_LABELS[dim],
                    "category": cat,
                    "applicants": None if h else k,
                    "share": None if h or not n else k / n,
                    "hidden": h,
                }  # fmt: skip
            )
    cols = ["dimension", "dimension_label", "category", "applicants", "share", "hidden"]
    out = pd.DataFrame(rows, columns=cols)
    out["applicants"] = out["applicants"].astype("Int64")
    return out


# ---------------------------------------------------------------------------------------------------- trend
def trend(cards: pd.DataFrame, moves: pd.DataFrame, freq: str = "week") -> pd.DataFrame:
    """Applications (by applied time) and hires (by hire time) per week (Monday start) or month, gaps filled with 0."""
    rule = {"week": "W-SUN", "month": "M"}[freq]
    applied = _applied(cards, moves).dropna()
    hired = cards["hired_at"].dropna()
    if applied.empty:
        return pd.DataFrame(columns=["period", "label", "applications", "hired"])

    def per(ts: pd.Series) -> pd.Series:
        return ts.dt.to_period(rule).dt.start_time.value_counts()

    a, h = per(applied), per(hired) if len(hired) else pd.Series(dtype="int64")
    start = min([*a.index, *h.index])
    end = max([*a.index, *h.index])
    periods = pd.period_range(start, end, freq=rule).start_time
    fmt = "%Y-%m-%d" if freq == "week" else "%Y-%m"
    return pd.DataFrame(
        {
            "period": periods,
            "label": [p.strftime(fmt) for p in periods],
            "applications": a.reindex(periods, fill_value=0).astype(int).to_numpy(),
            "hired": h.reindex(periods, fill_value=0).astype(int).to_numpy(),
        }
    )


def default_freq(cards: pd.DataFrame, moves: pd.DataFrame) -> str:
    """Weeks for up to about four months of applications, months beyond."""
    applied = _applied(cards, moves).dropna()
    return "week" if applied.empty or (applied.max() - applied.min()).days <= 120 else "month"


# ---------------------------------------------------------------------------------------------------- tables
def _pct(x: float | None) -> float | None:
    return None if x is None or pd.isna(x) else round(float(x) * 100, 1)


def _round(x: float | None) -> float | None:
    return None if x is None or pd.isna(x) else round(float(x), 1)


def funnel_table(f: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "단계": f["label"],
            "도달(명)": f["reached"].astype("Int64"),
            "진입(명)": f["entered"].astype("Int64"),
            "이전 단계 대비(%)": [_pct(x) for x in f["from_prev"]],
            "접수 대비(%)": [_pct(x) for x in f["from_first"]],
        }
    )


def stay_table(t: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "단계": t["label"],
            "머문 기간 중앙값(일)": [_round(x) for x in t["median_days"]],
            "다음 단계로 옮긴 인원(명)": t["n_done"].astype("Int64"),
            "지금 머무는 인원(명)": t["n_open"].astype("Int64"),
            "지금까지 머문 기간 중앙값(일)": [_round(x) for x in t["median_open_days"]],
        }
    )


def stage_table(f: pd.DataFrame, t: pd.DataFrame) -> pd.DataFrame:
    """The funnel and the time in stage side by side, one row per stage in the funnel's order (one table to draw)."""
    stay = stay_table(t).drop(columns="단계").set_axis(t["stage"].to_numpy())
    return funnel_table(f).join(stay.reindex(f["stage"].to_numpy()).reset_index(drop=True))


def source_table(s: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "지원 경로": s["label"],
            "지원(명)": s["applications"].astype("Int64"),
            "비중(%)": [_pct(x) for x in s["share"]],
            "입사(명)": s["hired"].astype("Int64"),
            "입사율(%)": [_pct(x) for x in s["hire_rate"]],
        }
    )


def characteristics_table(c: pd.DataFrame, dimension: str | None = None) -> pd.DataFrame:
    """The table as shown (one dimension, or all with a 특성 column): counts as text so a hidden cell reads 비공개."""
    d = c if dimension is None else c[c["dimension"] == dimension]
    out = pd.DataFrame(
        {
            "특성": d["dimension_label"].to_numpy(),
            "구분": d["category"].to_numpy(),
            "지원자(명)": [HIDDEN if h else f"{int(k):,}" for k, h in zip(d["applicants"], d["hidden"], strict=True)],
            "비중(%)": [HIDDEN if h else f"{_pct(s):.1f}" for s, h in zip(d["share"], d["hidden"], strict=True)],
        }
    )
    return out if dimension is None else out.drop(columns="특성")


def report_table(f: pd.DataFrame, t: pd.DataFrame, s: pd.DataFrame, c: pd.DataFrame, tr: pd.DataFrame) -> pd.DataFrame:
    """Every table of the page in one long frame for the CSV: 표, 항목, 구분, 값 (hidden cells read 비공개)."""
    rows: list[tuple[str, str, str, object]] = []

    def add(table: str, frame: pd.DataFrame, key: str) -> None:
        for rec in frame.to_dict("records"):
            item = rec.pop(key)
            rows.extend((table, str(item), col, "" if v is None or pd.isna(v) else v) for col, v in rec.items())

    add("단계별 전환", funnel_table(f), "단계")
    add("단계별 머문 기간", stay_table(t), "단계")
    add("지원 경로", source_table(s), "지원 경로")
    for dim in DIMENSIONS:
        add(f"지원자 특성: {DIMENSION_LABELS[dim]}", characteristics_table(c, dim), "구분")
    add("기간별 추이", tr.rename(columns={"applications": "지원(명)", "hired": "입사(명)"}).drop(columns="period"),
        "label")  # fmt: skip
    out = pd.DataFrame(rows, columns=["표", "항목", "구분", "값"])
    out["값"] = out["값"].astype(object)
    return out
