"""Region names, reference frames and the shaping of map results into tables (no Streamlit)."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from analytics.market import METRIC_LABELS


def reference_frames(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    occ = con.execute("SELECT * FROM ref_occupation ORDER BY keco_code").df()  # the whole catalogue: pages share it
    groups = con.execute("SELECT code, level, parent, name_ko FROM ref_keco_group ORDER BY code").df()
    sections = con.execute("SELECT ksic_code, name_ko FROM ref_industry WHERE level = 1 ORDER BY ksic_code").df()
    sido = con.execute("SELECT sido_code, sido_name_ko FROM ref_sido ORDER BY sido_code").df()
    sgg = con.execute(
        "SELECT sigungu_code, sido_short_ko || ' ' || sigungu_name_ko AS name_ko, sido_code FROM ref_sigungu ORDER BY 1"
    ).df()
    return {
        "occ": occ,
        "groups": groups,
        "sections": sections,
        "sido": sido,
        "sigungu": sgg,
        "region_codes": sido["sido_code"].tolist() + sgg["sigungu_code"].tolist(),
    }


def region_names(ref: dict[str, Any], level: str) -> dict[str, str]:
    if level == "sido":
        return dict(zip(ref["sido"]["sido_code"], ref["sido"]["sido_name_ko"], strict=True))
    return dict(zip(ref["sigungu"]["sigungu_code"], ref["sigungu"]["name_ko"], strict=True))


def major_names(ref: dict[str, Any]) -> dict[str, str]:
    """KECO major group code → Korean name, from the warehouse's reference tables."""
    g = ref["groups"][ref["groups"]["level"] == 1]
    return dict(zip(g["code"], g["name_ko"], strict=True))


def clicked_code(event: Any) -> str | None:
    """The region code of a pydeck selection event, if any."""
    try:
        objs = event.selection["objects"]
    except (AttributeError, KeyError, TypeError):
        return None
    for items in (objs or {}).values():
        for o in items or []:
            props = o.get("properties", o) if isinstance(o, dict) else {}
            if props.get("code"):
                return str(props["code"])
    return None


def display_table(df: pd.DataFrame, metric: str) -> pd.DataFrame:
    """The table shown under the map (and downloaded): suppressed values stay blank."""
    label, unit = METRIC_LABELS[metric]
    sp, ss = df["suppressed_postings"].astype(bool), df["suppressed_seekers"].astype(bool)
    out = pd.DataFrame(
        {
            "지역코드": df["region"],
            "지역명": df["name_ko"],
            f"{label}({unit})": _to_unit(df[metric], unit),
            "신규 구인공고(건)": df["new_postings"].where(~sp).astype("float64"),
            "신규 구직자(명)": df["new_seekers"].where(~ss).astype("float64"),
        }
    )
    out["비고"] = [
        ", ".join(n for n, flag in (("공고 5건 미만", a), ("구직자 5명 미만", b)) if flag)
        + (" 비공개" if a or b else "")
        for a, b in zip(sp, ss, strict=True)
    ]
    return out.sort_values(f"{label}({unit})", ascending=False, na_position="last").reset_index(drop=True)


def _to_unit(s: pd.Series, unit: str) -> pd.Series:
    if unit == "만원":
        return (s / 10_000).round(1)
    if unit == "%":
        return (s * 100).round(1)
    return s.round(2)


def vs_nation(row: pd.DataFrame, nation: pd.DataFrame) -> pd.DataFrame:
    """Region vs nation as an index (nation = 100) for a handful of headline metrics."""
    metrics = ["vacancy_ratio", "wage_median", "desired_wage_median", "fill_rate", "days_to_fill"]
    rows = []
    for m in metrics:
        r = row[m].iloc[0] if len(row) else float("nan")
        n = nation[m].iloc[0] if len(nation) else float("nan")
        if pd.isna(r) or pd.isna(n) or n == 0:
            continue
        rows.append({"metric": m, "label": METRIC_LABELS[m][0], "index": 100 * r / n, "region": r, "nation": n})
    return pd.DataFrame(rows, columns=["metric", "label", "index", "region", "nation"])


def complete(df: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Add the regions with no postings and no seekers (zero counts, suppressed) so every region is listed."""
    missing = sorted(set(names) - set(df["region"]))
    if not missing:
        return df
    add = pd.DataFrame(
        {
            "region": missing,
            "new_postings": float("nan"),
            "new_seekers": float("nan"),
            "n_filled": 0,
            "n_closed": 0,
            "suppressed_postings": True,
            "suppressed_seekers": True,
        }
    )
    return pd.concat([df, add], ignore_index=True).sort_values("region").reset_index(drop=True)
