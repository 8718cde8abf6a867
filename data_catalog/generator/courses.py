"""Training courses: where the vacancies are (by occupation) and where people live (by region)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_catalog.generator import text
from data_catalog.generator.context import N_MONTHS, PERIOD_START, World


def gen_courses(w: World, n: int, rng: np.random.Generator) -> pd.DataFrame:
    occ = w.occ
    p = np.power(occ["vacancy_weight"].to_numpy(float), 0.7)
    oi = rng.choice(len(occ), size=n, p=p / p.sum())
    pw = w.sgg["pop_total_2020"].to_numpy(float) ** 1.2
    sg = rng.choice(len(w.sgg), size=n, p=pw / pw.sum())
    levels = rng.choice(np.array(["beginner", "intermediate", "advanced"]), size=n, p=[0.5, 0.35, 0.15])
    hours = rng.choice(np.array([40, 80, 120, 240, 360, 480, 600, 900]), size=n)
    start = PERIOD_START - pd.Timedelta(days=365) + pd.to_timedelta(rng.integers(0, 365 + N_MONTHS * 30, n), unit="D")
    return pd.DataFrame(
        {
            "course_id": np.arange(1, n + 1),
            "title": text.course_titles(rng, occ["name_ko"].to_numpy()[oi], levels),
            "keco_code": occ["keco_code"].to_numpy()[oi],
            "sigungu_code": w.sgg["sigungu_code"].to_numpy()[sg],
            "sido_code": w.sgg["sido_code"].to_numpy()[sg],
            "level": levels,
            "hours": hours,
            "cost_krw": (hours * rng.uniform(8_000, 16_000, n) // 1000 * 1000).astype(int),
            "start_date": start,
            "skills": occ["skills_ko"].to_numpy()[oi],
        }
    )
