"""Dev-only: write data_catalog/reference/keco_groups.csv (KECO major/middle/minor names) from ../shared."""

import csv
import json

import config

ROOT = config.PROJECT_ROOT
tree = json.loads((ROOT.parent / "shared/reference/keco/keco-tree.json").read_text())
with open(ROOT / "data_catalog/reference/keco_groups.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["code", "level", "parent", "name_ko"])
    for n in tree:
        if n["level"] <= 3:
            w.writerow([n["code"], n["level"], n["parent"] or "", n["name"]])
