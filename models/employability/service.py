"""What the employability pages ask for: a seeker's features (stored or from a form), validated in Korean."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from data_catalog.reference import minimum_monthly_wage, wage_year
from data_catalog.spec import EDUCATION_RANK, SNAPSHOT_DATE
from models.employability.explain import factors, occupation_options
from models.employability.features import CATEGORICAL, FEATURE_NAMES, build_features
from models.employability.model import EmployabilityModel


def stored_features(con: duckdb.DuckDBPyConnection, seeker_ids: list[int]) -> pd.DataFrame:
    x = con.execute(
        "SELECT * FROM seeker_features WHERE seeker_id IN (SELECT UNNEST(?))", [list(map(int, seeker_ids))]
    ).df()
    x = x.set_index("seeker_id").reindex(seeker_ids)
    for c in CATEGORICAL:
        x[c] = x[c].astype("category")
    return x[FEATURE_NAMES]


INFO_COLUMNS = ("seeker_id", "registered_date", "sido_code", "age", "desired_keco_code", "desired_wage_krw")
"""The seekers columns a page about one person reads: what it shows (age, sido, wish, registration date) and
what the related-occupation options need. Never an audit-only attribute (gender, disability, nationality),
the résumé text, the birth year or the exact place of residence."""
OWN_AUDIT_COLUMNS = ("gender", "disability")
"""The audit-only attributes the calibration caveats check (the fairness audit's dimensions)."""


def seeker_info(con: duckdb.DuckDBPyConnection, seeker_id: int) -> dict:
    """The one seeker's facts a page shows or computes with (`INFO_COLUMNS`), with the Korean names of the desired
    occupation and sido and the occupation's typical wage; {} when there is no such seeker."""
    cols = ", ".join(f"s.{c}" for c in INFO_COLUMNS)  # names from the constant above
    row = con.execute(
        f"""
        SELECT {cols}, o.name_ko AS desired_ko, o.typical_monthly_wage_krw AS typical_wage, r.sido_name_ko
        FROM seekers s LEFT JOIN ref_occupation o ON o.keco_code = s.desired_keco_code
        LEFT JOIN ref_sido r ON r.sido_code = s.sido_code WHERE s.seeker_id = ?""",
        [int(seeker_id)],
    ).df()
    return row.iloc[0].to_dict() if len(row) else {}


def own_audit_groups(con: duckdb.DuckDBPyConnection, seeker_id: int) -> dict:
    """The seeker's own audit-only attributes (gender, disability), for the calibration caveats of *their own*
    outlook page only: the page tells a person where the model is miscalibrated for a group they belong to.
    Never call this for a page someone else reads (a counsellor's): it would reveal the person's membership."""
    cols = ", ".join(OWN_AUDIT_COLUMNS)  # names from the constant above
    row = con.execute(f"SELECT {cols} FROM seekers WHERE seeker_id = ?", [int(seeker_id)]).df()
    return row.iloc[0].to_dict() if len(row) else {}


def market_ratios(con: duckdb.DuckDBPyConnection, sido: str, as_of: pd.Timestamp | None = None) -> dict[str, float]:
    """Openings per new registration by KECO major in a sido, over the 90 days before `as_of`.

    The same window and rules as the model's `local_openings_per_seeker` feature (`MARKET_SQL`):
    no openings is a ratio of 0, no registrations is unknown (absent here). Without `as_of` (a
    typed-in profile) the window ends on the last day with postings.
    """
    rows = con.execute(
        """
        WITH w AS (SELECT coalesce(?::DATE, (SELECT max(posted_date)::DATE + 1 FROM postings)) AS d),
        o AS (SELECT substr(keco_code, 1, 1) AS major, sum(openings) AS openings FROM postings, w
              WHERE sido_code = ? AND posted_date::DATE BETWEEN w.d - 90 AND w.d - 1 GROUP BY ALL),
        r AS (SELECT substr(desired_keco_code, 1, 1) AS major, count(*) AS regs FROM seekers, w
              WHERE sido_code = ? AND registered_date::DATE BETWEEN w.d - 90 AND w.d - 1 GROUP BY ALL)
        SELECT major, coalesce(o.openings, 0) / r.regs FROM r LEFT JOIN o USING (major)""",
        [None if as_of is None else pd.Timestamp(as_of).date(), sido, sido],
    ).fetchall()
    return {str(m): float(v) for m, v in rows}


def occupation_alternatives(
    con: duckdb.DuckDBPyConnection, occupations: pd.DataFrame, seeker: dict, x: pd.DataFrame, n: int = 40
) -> tuple[pd.DataFrame, str]:
    """Other desired occupations a counsellor could suggest, with the features that would change.

    Returns the candidates and, for when there are none, the Korean reason.

    Candidates are occupations close in content (same KECO middle group) or in what the person
    likes doing (same two-letter interest code); the seeker's education must meet the occupation's
    usual level, and the `n` most common ones are kept. Everything that depends on the desired
    occupation is recomputed: its major group, the wage ratio (the same wish in won against the new
    occupation's typical wage), the education gap, and the local market ratio at the same date.
    """
    occ = occupations.set_index("keco_code")
    cur = str(seeker.get("desired_keco_code") or "")
    if cur not in occ.index:
        return pd.DataFrame(), "희망 직업 정보가 없어 관련 직업을 계산하지 않았습니다."
    if pd.isna(seeker.get("sido_code")) or not seeker.get("sido_code"):
        return pd.DataFrame(), "거주 지역 정보가 없어 관련 직업을 계산하지 않았습니다."
    row, here = x.iloc[0], occ.loc[cur]
    edu = row["education_rank"]
    occ_edu = occ["education"].map(EDUCATION_RANK).astype(float)
    same_middle = occ["middle_code"] == here["middle_code"]
    same_interest = occ["riasec_code"].str[:2] == str(here["riasec_code"])[:2]
    ok = (same_middle | same_interest) & (occ.index != cur) & (pd.isna(edu) | (occ_edu <= edu))
    cand = occ[ok].sort_values("vacancy_weight", ascending=False, kind="stable").head(n)
    if cand.empty:
        return pd.DataFrame(), "학력 요건을 충족하는 관련 직업이 없습니다."
    wish = row["desired_wage_ratio"] * float(here["typical_monthly_wage_krw"])
    ratios = market_ratios(con, str(seeker["sido_code"]), seeker.get("registered_date"))
    major = cand.index.str[:1]
    return pd.DataFrame(
        {
            "keco_code": cand.index,
            "name_ko": cand["name_ko"].to_numpy(),
            "typical_monthly_wage_krw": cand["typical_monthly_wage_krw"].to_numpy(),
            "why_ko": np.where(
                same_middle[cand.index],
                "지금 희망 직업과 같은 직업군(중분류)",
                "지금 희망 직업과 같은 흥미 유형(" + cand["riasec_code"].str[:2] + ")",
            ),
            "desired_major": major,
            "desired_wage_ratio": wish / cand["typical_monthly_wage_krw"].to_numpy(float),
            "edu_gap": edu - occ_edu[cand.index].to_numpy(),
            "local_openings_per_seeker": [ratios.get(m, np.nan) for m in major],
        }
    ), "관련 직업 가운데 취업확률이 더 높은 직업이 없습니다."


def related_occupation_options(
    con: duckdb.DuckDBPyConnection,
    model: EmployabilityModel,
    occupations: pd.DataFrame,
    seeker: dict,
    x: pd.DataFrame,
    top: int = 3,
) -> tuple[pd.DataFrame, str]:
    """The `top` related occupations that would most raise the probability, and what to say when there are none."""
    alt, why_none = occupation_alternatives(con, occupations, seeker, x)
    return (occupation_options(model, x, alt, top) if len(alt) else alt), why_none


@dataclass
class ProfileResult:
    features: pd.DataFrame | None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def profile_from_form(
    form: dict, occupations: pd.DataFrame, con: duckdb.DuckDBPyConnection, today: pd.Timestamp | None = None
) -> ProfileResult:
    """Validate a new profile typed by a person; missing optional fields become 'unknown' (NaN)."""
    today = today or pd.Timestamp(SNAPSHOT_DATE)
    errors, notes = [], []
    occ = occupations.set_index("keco_code")
    des = form.get("desired_keco_code")
    if not des or des not in occ.index:
        errors.append("희망 직업을 선택해 주세요.")
    age = form.get("age")
    if age is None:
        errors.append("나이를 입력해 주세요.")
    elif not 15 <= age <= 80:
        errors.append(f"나이 {age}세는 범위(15~80세)를 벗어납니다.")
    wage = form.get("desired_wage_manwon")
    year = wage_year()
    if wage is not None and wage * 10_000 < minimum_monthly_wage(year):
        errors.append(
            f"희망 월급 {wage:,}만원은 {year}년 최저임금(월 {minimum_monthly_wage(year) / 10_000:,.1f}만원)보다 "
            "낮습니다. 최저임금 이상으로 입력해 주세요."
        )
    months = form.get("unemp_months")
    if months is not None and not 0 <= months <= 240:
        errors.append("구직 기간은 0~240개월 사이로 입력해 주세요.")
    if errors:
        return ProfileResult(None, errors)
    for k, ko in (
        ("desired_wage_manwon", "희망 월급"),
        ("unemp_months", "구직 기간"),
        ("career_years", "경력 기간"),
        ("training_hours", "훈련 이수 시간"),
    ):
        if form.get(k) is None:
            notes.append(f"{ko}을(를) 입력하지 않아 '정보 없음'으로 계산했습니다.")
    reg = today
    row = pd.DataFrame(
        [
            {
                "seeker_id": 0,
                "registered_date": reg,
                "age": age,
                "education": form.get("education"),
                "career_years": form.get("career_years"),
                "last_keco_code": form.get("last_keco_code"),
                "desired_keco_code": des,
                "desired_wage_krw": None if wage is None else wage * 10_000,
                "unemployment_start": None if months is None else reg - pd.Timedelta(days=round(months * 30.44)),
                "training_hours_before": form.get("training_hours"),
                "desired_region_scope": form.get("region_scope"),
                "skills": ";".join(form.get("skills") or []),
                "sido_code": form.get("sido_code"),
            }
        ]
    )
    x = build_features(row, occupations, None)
    ratio = market_ratios(con, form["sido_code"]).get(des[:1]) if form.get("sido_code") else None
    x["local_openings_per_seeker"] = np.nan if ratio is None else ratio
    return ProfileResult(x, [], notes)


def compare_seekers(model: EmployabilityModel, xs: pd.DataFrame, n_factors: int = 6) -> tuple[pd.DataFrame, pd.Series]:
    """Side-by-side factors of several seekers (rows of `xs`): effect in %p of the `n_factors` factors that
    matter most on average, and each seeker's probability; rows are labelled '구직자 <id>'."""
    rows, probs = {}, {}
    for i in xs.index:
        label = f"구직자 {i}"
        rows[label] = factors(model, xs.loc[[i]], None).set_index("label_ko")["effect_pp"]
        probs[label] = float(model.predict_proba(xs.loc[[i]])[0, 1])
    table = pd.DataFrame(rows).T
    top_cols = table.abs().mean().sort_values(ascending=False).index[:n_factors]
    return table[top_cols], pd.Series(probs)
