"""Firms: where they are (a point in their sigungu), their industry (the sigungu's GRDP mix), size and age."""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_catalog import reference as ref
from data_catalog.generator import mechanisms as mech
from data_catalog.generator import places, text
from data_catalog.generator.context import World, sample_rows
from data_catalog.spec import SIZE_BANDS


def gen_firms(w: World, n: int, rng: np.random.Generator) -> pd.DataFrame:
    sg_w = w.sgg["companies_2020"].to_numpy(float)
    sg = rng.choice(len(w.sgg), size=n, p=sg_w / sg_w.sum())
    sec_idx = sample_rows(rng, w.p_section_by_sgg, sg)
    sections = np.array(w.sections)[sec_idx]
    size_p = np.tile(mech.SIZE_PROBS, (len(w.sections), 1))
    size_p[w.sections.index("C")] = [0.40, 0.40, 0.13, 0.05, 0.02]
    size_p /= size_p.sum(axis=1, keepdims=True)
    size = sample_rows(rng, size_p, sec_idx)
    lo = np.array([r[0] for r in mech.SIZE_EMP_RANGE])[size]
    hi = np.array([r[1] for r in mech.SIZE_EMP_RANGE])[size]
    emp = np.floor(np.exp(np.log(lo) + rng.random(n) * (np.log(hi + 1) - np.log(lo)))).astype(int)
    inds = ref.industries()
    div = inds[inds["level"] == 2]
    div_by_sec = div.groupby("parent")["ksic_code"].apply(list).to_dict()
    divisions = np.array(
        [
            div_by_sec.get(s, ["99"])[int(u * len(div_by_sec.get(s, ["99"])))]
            for s, u in zip(sections, rng.random(n), strict=True)
        ]
    )
    lat, lon = places.to_latlon(places.points_in(w.geo, sg, rng))
    return pd.DataFrame(
        {
            "firm_id": np.arange(1, n + 1),
            "firm_name": text.firm_names(rng, sections),
            "sigungu_code": w.sgg["sigungu_code"].to_numpy()[sg],
            "sido_code": w.sgg["sido_code"].to_numpy()[sg],
            "ksic_section": sections,
            "ksic_division": divisions,
            "size_band": np.array(list(SIZE_BANDS))[size],
            "employees": np.maximum(emp, lo),
            "founded_year": np.clip(2026 - rng.gamma(2.0, 7.0, n).astype(int), 1950, 2026),
            "lat": lat,
            "lon": lon,
        }
    )
