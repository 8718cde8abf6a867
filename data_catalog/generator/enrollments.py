"""Training enrollments: before registration (the seeker's history) and after it (training during the search)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def gen_enrollments(
    courses: pd.DataFrame,
    before: pd.DataFrame,
    after: pd.DataFrame,
    id0: int,
    rng: np.random.Generator,
    id_rng: np.random.Generator,
) -> pd.DataFrame:
    by_major = courses.groupby(courses["keco_code"].str[:1])["course_id"].apply(np.array).to_dict()
    all_c = courses["course_id"].to_numpy()
    rows = []
    for frame, lo, hi, before_reg in ((before, 30, 400, True), (after, 7, 90, False)):
        if frame.empty:
            continue
        majors = frame["occ"].str[:1].to_numpy()
        u = rng.random(len(frame))
        cid = np.array(
            [by_major.get(mj, all_c)[int(x * len(by_major.get(mj, all_c)))] for mj, x in zip(majors, u, strict=True)]
        )
        off = pd.to_timedelta(rng.integers(lo, hi, len(frame)), unit="D")
        date = frame["reg"] - off if before_reg else frame["reg"] + off
        rows.append(
            pd.DataFrame(
                {
                    "seeker_id": frame["seeker_id"].to_numpy(),
                    "course_id": cid,
                    "enrolled_date": pd.DatetimeIndex(date),
                    "completed": rng.random(len(frame)) < 0.85,
                }
            )
        )
    out = (
        pd.concat(rows, ignore_index=True)
        if rows
        else pd.DataFrame(columns=["seeker_id", "course_id", "enrolled_date", "completed"])
    )
    # ids and row order independent of whether the course came before or after registration (which the
    # outcome depends on): a random order from the id stream (see applications.link), numbered in it
    out = out.iloc[id_rng.permutation(len(out))].reset_index(drop=True)
    out.insert(0, "enrollment_id", np.arange(id0 + 1, id0 + len(out) + 1))
    return out
