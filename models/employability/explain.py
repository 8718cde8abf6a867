"""Plain-Korean factors, recourse and peer comparison for the employability model.

Factor sentences come from `models.common.shap_text` and changes are re-scored by
`models.common.whatif`; this module says what the seeker features mean in Korean and which
changes a person could really make (never below the minimum wage, never past the widest scope).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_catalog.reference import minimum_monthly_wage, wage_year
from data_catalog.spec import DISABILITY_GROUPS, EDUCATION, EDUCATION_RANK, GENDERS, REGION_SCOPES, sensitive_columns
from models.common.fairness import DIMENSIONS, age_band
from models.common.shap_text import factor_table, josa, missing
from models.common.whatif import Change, best_changes, score_changes
from models.employability.model import EmployabilityModel

SCOPE_KO = dict(enumerate(REGION_SCOPES.values()))  # by the model's scope rank
EDU_KO = {EDUCATION_RANK[k]: v for k, v in EDUCATION.items()}  # by education rank
OUTCOME_KO = "취업확률"


def number_ko(x: float) -> str:
    """A number without a known unit (an extract's extra feature): grouped when large, 3 digits when small."""
    return f"{x:,.0f}" if abs(x) >= 100 or x == int(x) else f"{x:.3g}"


def value_ko(name: str, v: object) -> str:
    """A seeker feature's value as a person reads it ('34세', '대졸', '전국' …).

    Features an extract declared (not in the table below) read as their number or category text; their
    Korean name comes with the model (`model.features`, saved as `meta["features"]`).
    """
    if missing(v):
        return "정보 없음"
    fmt = {
        "age": lambda x: f"{x:.0f}세",
        "education_rank": lambda x: EDU_KO.get(int(x), str(x)),
        "career_years": lambda x: f"{x:.1f}년",
        "has_last_job": lambda x: "있음" if x else "없음",
        "unemp_months": lambda x: f"{x:.0f}개월",
        "desired_wage_ratio": lambda x: f"대표임금의 {x * 100:.0f}%",
        "edu_gap": lambda x: "요구 수준" if x == 0 else (f"{x:+.0f}단계"),
        "training_hours": lambda x: f"{x:.0f}시간",
        "region_scope": lambda x: SCOPE_KO.get(int(x), str(x)),
        "n_skills": lambda x: f"{x:.0f}개",
        "local_openings_per_seeker": lambda x: f"{x:.2f}배",
        "reg_month": lambda x: f"{x:.0f}월",
    }
    f = fmt.get(name)
    if f:
        return f(float(v))
    if isinstance(v, (int, float, np.number)) and not isinstance(v, (bool, np.bool_)):
        return number_ko(float(v))
    return str(v)


def category_labels(x: pd.DataFrame, major_names: dict[str, str], sido_names: dict[str, str]) -> dict[str, str]:
    """Korean names of the one-row frame's categorical values, for the factor sentences."""
    return {
        "desired_major": major_names.get(str(x.iloc[0]["desired_major"]), "정보 없음"),
        "sido": sido_names.get(str(x.iloc[0]["sido"]), "정보 없음"),
    }


def factors(model: EmployabilityModel, x: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Per feature for one seeker (x: one row): value, contribution (logit), effect (%p), sentence, changeable.

    The features are the model's own (`model.features`: the seeker features plus any an extract declared,
    the same list as the saved `meta["features"]`), so an extra feature is phrased with its Korean label.
    """
    return factor_table(model, x, OUTCOME_KO, value_ko, labels)


def candidate_changes(row: pd.Series, typical_wage: float | None, year: int | None = None) -> list[Change]:
    """Realistic changes of changeable features (never below the minimum wage, never past the maximum scope)."""
    year = wage_year() if year is None else year
    out: list[Change] = []
    ratio = row["desired_wage_ratio"]
    if typical_wage and not pd.isna(ratio):
        floor_ratio = minimum_monthly_wage(year) / typical_wage
        for cut in (0.95, 0.9, 0.85):
            new = max(ratio * cut, floor_ratio)
            if new < ratio - 1e-6:
                out.append(
                    Change(
                        "desired_wage_ratio",
                        {"desired_wage_ratio": new},
                        f"희망임금을 월 {new * typical_wage / 10_000:,.0f}만원으로 "
                        f"조정({(1 - new / ratio) * 100:.0f}% 낮춤)",
                    )
                )
    scope = row["region_scope"]
    if not pd.isna(scope):
        for s in range(int(scope) + 1, 3):
            out.append(
                Change(
                    "region_scope", {"region_scope": float(s)}, f"희망 근무지역을 {josa(SCOPE_KO[s], '으로/로')} 넓힘"
                )
            )
    hours = 0.0 if pd.isna(row["training_hours"]) else float(row["training_hours"])
    for add in (120, 240, 480):
        if hours + add <= 1200:
            out.append(Change("training_hours", {"training_hours": hours + add}, f"직업훈련 {add}시간 이수"))
    skills = 0.0 if pd.isna(row["n_skills"]) else float(row["n_skills"])
    for add in (1, 2):
        out.append(Change("n_skills", {"n_skills": skills + add}, f"관련 자격·기술 {add}개 추가 취득"))
    return out


def occupation_changes(alternatives: pd.DataFrame | None) -> list[Change]:
    """Changes of the desired occupation (rows from `service.occupation_alternatives`)."""
    if alternatives is None or alternatives.empty:
        return []
    cols = ["desired_major", "desired_wage_ratio", "edu_gap", "local_openings_per_seeker"]
    return [
        Change(
            r.keco_code,
            {c: getattr(r, c) for c in cols},
            f"희망 직업을 {josa(r.name_ko, '으로/로')} 바꿈({r.why_ko}, 대표임금 월 "
            f"{r.typical_monthly_wage_krw / 10_000:,.0f}만원)",
        )
        for r in alternatives.itertuples()
    ]


def recourse(model: EmployabilityModel, x: pd.DataFrame, typical_wage: float | None, top: int = 3) -> pd.DataFrame:
    """The `top` most effective changes of the seeker's own changeable features (one per feature)."""
    return best_changes(score_changes(model, x, candidate_changes(x.iloc[0], typical_wage)), top)


def occupation_options(
    model: EmployabilityModel, x: pd.DataFrame, alternatives: pd.DataFrame | None, top: int = 3
) -> pd.DataFrame:
    """The `top` related occupations that would most raise the probability if desired instead (feature = KECO code)."""
    scored = score_changes(model, x, occupation_changes(alternatives))
    return best_changes(scored, top, one_per_feature=False).rename(columns={"feature": "keco_code"})


def peer_group(scores: pd.DataFrame, seeker: dict, min_size: int = 30) -> tuple[pd.DataFrame, str]:
    """Similar seekers: same age band, sido and desired major; widened (drop sido, then major) until ≥ min_size."""
    tries = [
        (("age_band", "sido_code", "desired_major"), "같은 연령대·시도·희망 직업군"),
        (("age_band", "desired_major"), "같은 연령대·희망 직업군(전국)"),
        (("age_band",), "같은 연령대(전국)"),
        ((), "전체 구직자"),
    ]
    for keys, label in tries:
        m = np.ones(len(scores), dtype=bool)
        for k in keys:
            m &= (scores[k] == seeker[k]).to_numpy()
        if m.sum() >= min_size or not keys:
            return scores[m], label
    return scores, "전체 구직자"


def percentile(p: float, peers: pd.Series) -> float:
    return float((peers < p).mean() * 100 + (peers == p).mean() * 50)


SENSITIVE_DIMENSIONS = tuple(d for a, d in DIMENSIONS.items() if a in sensitive_columns("seekers"))
"""The fairness audit's dimensions of audit-only attributes (성별, 장애): a person's group in them is said only to
that person."""


def _miscalibrated(r, min_gap: float, min_n: int) -> bool:
    """At least `min_n` test seekers and a gap of at least `min_gap` and more than twice the observed rate's standard
    error (so sampling noise alone does not raise a caveat)."""
    gap, n, obs = float(r.calibration_gap), int(r.n), float(r.observed)
    noise = 2 * np.sqrt(max(obs * (1 - obs), 1e-9) / max(n, 1))
    return n >= min_n and abs(gap) >= max(min_gap, noise)


def calibration_caveats(
    fairness: pd.DataFrame,
    seeker: dict,
    group_names: dict[str, str] | None = None,
    min_gap: float = 0.03,
    min_n: int = 200,
    *,
    own: bool = False,
) -> list[str]:
    """Korean caveats for the audited groups this seeker belongs to where the model is miscalibrated.

    The fairness audit on held-out months (saved with the model) finds, e.g., that seekers with a
    disability are over-predicted: disability is rightly not a feature, but it matters in the world.
    A group gets one sentence when it has at least `min_n` test seekers and its gap between mean
    prediction and observed rate is both at least `min_gap` and more than twice the observed rate's
    standard error. Unknown attributes (a typed-in profile has no gender or disability) are not checked.

    Audit-only groups (gender, disability) are read and named only when `own` — the page is the person's
    own. For anyone else (a counsellor) only the groups they already see are checked (age band, sido);
    `audit_note` says, the same for everyone, that the model differs for some audit-only groups.
    """
    member = {}
    if own and seeker.get("gender") in GENDERS:
        member["성별"] = GENDERS[seeker["gender"]]
    if seeker.get("age") is not None and not pd.isna(seeker["age"]):
        member["연령대"] = age_band(pd.Series([int(seeker["age"])])).iat[0]
    if seeker.get("sido_code") is not None and not pd.isna(seeker["sido_code"]):
        member["시도"] = str(seeker["sido_code"])
    if own and seeker.get("disability") is not None and not pd.isna(seeker["disability"]):
        member["장애"] = DISABILITY_GROUPS[bool(seeker["disability"])]
    f = fairness.assign(group=fairness["group"].astype(str))
    who = {
        "성별": "{} 구직자",
        "연령대": "{} 구직자",
        "시도": "{} 거주 구직자",
        "장애": {DISABILITY_GROUPS[True]: "장애가 있는 구직자", DISABILITY_GROUPS[False]: "장애가 없는 구직자"},
    }
    out: list[tuple[float, str]] = []
    for dim, group in member.items():
        row = f[(f["dimension"] == dim) & (f["group"] == group)]
        if row.empty or not _miscalibrated(row.iloc[0], min_gap, min_n):
            continue
        r = row.iloc[0]
        gap, n, obs = float(r.calibration_gap), int(r.n), float(r.observed)
        name = (group_names or {}).get(group, group)
        label = who[dim].get(group, group) if isinstance(who[dim], dict) else who[dim].format(name)
        out.append(
            (
                abs(gap),
                f"모델을 검증한 최근 기간에 {label}의 실제 취업 비율({obs:.1%})은 모델이 예측한 평균"
                f"({r.mean_pred:.1%})보다 {abs(gap) * 100:.1f}%p {'낮았습니다' if gap > 0 else '높았습니다'}"
                f"(검증 대상 {n:,}명). 위 확률도 그만큼 {'높게' if gap > 0 else '낮게'} 나왔을 수 있습니다.",
            )
        )
    return [text for _gap, text in sorted(out, key=lambda t: -t[0])]  # largest gap first


def audit_note(fairness: pd.DataFrame, min_gap: float = 0.03, min_n: int = 200) -> str | None:
    """One sentence, the same for every seeker, when the model is miscalibrated for a group of an audit-only
    attribute (the rule of `calibration_caveats`); None when it is not. It names the attributes, never a group,
    so a counsellor learns how far to trust the model, not which group the person is in."""
    f = fairness[fairness["dimension"].isin(SENSITIVE_DIMENSIONS)]
    dims = [
        d
        for d in SENSITIVE_DIMENSIONS
        if any(_miscalibrated(r, min_gap, min_n) for r in f[f["dimension"] == d].itertuples())
    ]
    if not dims:
        return None
    return (
        f"이 모델은 일부 집단({'·'.join(dims)}에 따른 집단)에서 예측한 평균과 실제 취업 비율의 차이(보정 차이)가 "
        "있습니다. 이 안내는 구직자가 어느 집단인지와 관계없이 모두에게 같으며, 자세한 내용은 모델 카드의 공정성 "
        "감사를 참고하세요."
    )
