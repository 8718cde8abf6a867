"""Dev-only builder for data_catalog/reference/occupations.csv.

Reads the KECO 2025 tree and O*NET interest profiles from ../shared
(never needed at run time) and joins them with a hand-curated table of
judgment fields (English name, O*NET crosswalk, education, job zone,
skills, duties, typical wage, vacancy weight).

Usage:  .venv/bin/python tools/build_occupations.py [--check]
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

import config
from data_catalog.reference import minimum_monthly_wage

ROOT = config.PROJECT_ROOT
SHARED = ROOT.parent / "shared" / "reference"
KECO_TREE = SHARED / "keco" / "keco-tree.json"
INTERESTS = SHARED / "onet" / "Interests.txt"
OUT = ROOT / "data_catalog" / "reference" / "occupations.csv"

MIN_WAGE_2026_MONTHLY = minimum_monthly_wage(2026)  # 10,320 KRW x 209 h
RIASEC = "RIASEC"
RIASEC_NAMES = ["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"]
EDU_JOB_ZONES = {"high_school": {1, 2, 3}, "college": {3}, "university": {4}, "graduate": {5}}

COLUMNS = [
    "keco_code",
    "name_ko",
    "name_en",
    "major_code",
    "middle_code",
    "minor_code",
    "onet_soc",
    "r",
    "i",
    "a",
    "s",
    "e",
    "c",
    "riasec_code",
    "education",
    "job_zone",
    "skills_ko",
    "duties_ko",
    "typical_monthly_wage_krw",
    "vacancy_weight",
]

# CURATED_FILE columns: keco_code|name_en|onet_soc|education|job_zone|skills_ko|duties_ko|wage|vacancy_weight
CURATED_FILE = Path(__file__).with_name("occupations_curated.psv")
"""The hand-curated judgment fields, one occupation per line (a data file, not code)."""


def load_tree() -> dict[str, dict]:
    return {n["code"]: n for n in json.loads(KECO_TREE.read_text(encoding="utf-8"))}


def load_interests() -> dict[str, dict[str, str]]:
    """SOC -> {'Realistic': '1.26', ...} for Scale ID OI, values as in the file."""
    out: dict[str, dict[str, str]] = {}
    with INTERESTS.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["Scale ID"] == "OI" and row["Element Name"] in RIASEC_NAMES:
                out.setdefault(row["O*NET-SOC Code"], {})[row["Element Name"]] = row["Data Value"]
    return out


def riasec_code(scores: list[float]) -> str:
    # Highest first; ties broken by canonical RIASEC order (stable sort).
    order = sorted(range(6), key=lambda k: -scores[k])
    return "".join(RIASEC[k] for k in order[:3])


def build_rows() -> list[dict]:
    tree = load_tree()
    interests = load_interests()
    rows = []
    for line in CURATED_FILE.read_text(encoding="utf-8").strip().splitlines()[1:]:  # after the header
        parts = line.split("|")
        if len(parts) != 9:
            raise ValueError(f"bad curated line ({len(parts)} fields): {line}")
        code, name_en, soc, edu, jz, skills, duties, wage, vw = parts
        node = tree[code]
        minor = tree[node["parent"]]
        middle = tree[minor["parent"]]
        major = tree[middle["parent"]]
        sc = interests[soc]
        vals = [float(sc[n]) for n in RIASEC_NAMES]
        rows.append(
            {
                "keco_code": code,
                "name_ko": node["name"],
                "name_en": name_en,
                "major_code": major["code"],
                "middle_code": middle["code"],
                "minor_code": minor["code"],
                "onet_soc": soc,
                **{k: f"{v:.2f}" for k, v in zip("riasec", vals, strict=False)},
                "riasec_code": riasec_code(vals),
                "education": edu,
                "job_zone": int(jz),
                "skills_ko": skills,
                "duties_ko": duties,
                "typical_monthly_wage_krw": int(wage),
                "vacancy_weight": float(vw),
            }
        )
    rows.sort(key=lambda r: r["keco_code"])
    return rows


def write_csv(rows: list[dict]) -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def validate(path: Path = OUT) -> list[str]:
    """Re-read the written CSV and check it against the sources. Returns errors."""
    tree = load_tree()
    interests = load_interests()
    errs: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            errs.append(f"header mismatch: {reader.fieldnames}")
        rows = list(reader)
    seen: set[str] = set()
    for r in rows:
        c = r["keco_code"]
        tag = f"[{c}]"
        if c in seen:
            errs.append(f"{tag} duplicate keco_code")
        seen.add(c)
        node = tree.get(c)
        if not node or node["level"] != 4 or len(c) != 4:
            errs.append(f"{tag} not a level-4 KECO code")
            continue
        if r["name_ko"] != node["name"]:
            errs.append(f"{tag} name_ko mismatch")
        minor = tree[node["parent"]]
        middle = tree[minor["parent"]]
        major = tree[middle["parent"]]
        if (r["minor_code"], r["middle_code"], r["major_code"]) != (minor["code"], middle["code"], major["code"]):
            errs.append(f"{tag} ancestor mismatch")
        if (len(r["major_code"]), len(r["middle_code"]), len(r["minor_code"])) != (1, 2, 3):
            errs.append(f"{tag} ancestor code length")
        sc = interests.get(r["onet_soc"])
        if sc is None:
            errs.append(f"{tag} onet_soc {r['onet_soc']} not in Interests.txt")
            continue
        vals = [float(r[k]) for k in "riasec"]
        for k, n in zip("riasec", RIASEC_NAMES, strict=False):
            if abs(float(r[k]) - float(sc[n])) > 1e-9 or r[k] != f"{float(sc[n]):.2f}":
                errs.append(f"{tag} score {k} mismatch")
            if not 1.0 <= float(r[k]) <= 7.0:
                errs.append(f"{tag} score {k} out of range")
        if r["riasec_code"] != riasec_code(vals):
            errs.append(f"{tag} riasec_code mismatch")
        jz = int(r["job_zone"])
        if r["education"] not in EDU_JOB_ZONES or jz not in EDU_JOB_ZONES[r["education"]]:
            errs.append(f"{tag} education/job_zone inconsistent: {r['education']}/{jz}")
        skills = [s for s in r["skills_ko"].split(";") if s.strip()]
        if not 3 <= len(skills) <= 6 or len(skills) != len(r["skills_ko"].split(";")):
            errs.append(f"{tag} skills_ko count {len(skills)}")
        d = r["duties_ko"]
        if not (30 <= len(d) <= 80 and d.endswith("다.")):
            errs.append(f"{tag} duties_ko len={len(d)} / ending")
        if int(r["typical_monthly_wage_krw"]) < MIN_WAGE_2026_MONTHLY:
            errs.append(f"{tag} wage below minimum")
        vw = float(r["vacancy_weight"])
        if not 0.2 <= vw <= 10:
            errs.append(f"{tag} vacancy_weight {vw} out of range")
        if not r["name_en"].strip():
            errs.append(f"{tag} empty name_en")
    majors = Counter(r["major_code"] for r in rows)
    if len(rows) < 160:
        errs.append(f"only {len(rows)} rows")
    for m in "0123456789":
        if majors.get(m, 0) < 8:
            errs.append(f"major {m} has only {majors.get(m, 0)} rows")
    print(f"rows: {len(rows)}")
    print("rows per major:", dict(sorted(majors.items())))
    return errs


def main() -> int:
    if "--check" not in sys.argv:
        write_csv(build_rows())
        print(f"wrote {OUT}")
    errs = validate()
    for e in errs:
        print("ERROR", e)
    print("OK" if not errs else f"{len(errs)} error(s)")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
