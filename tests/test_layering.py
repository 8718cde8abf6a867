"""analytics/, geo/, models/ and data_catalog/ never import streamlit (directly or through each other)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ("analytics", "geo", "models", "data_catalog")


def test_no_streamlit_import_statements():
    offenders = []
    for pkg in CORE:
        for f in (ROOT / pkg).rglob("*.py"):
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                if any(n.split(".")[0] in ("streamlit", "components", "app_cache") for n in names):
                    offenders.append(f"{f.relative_to(ROOT)}: {names}")
    assert not offenders, offenders


def test_importing_core_packages_does_not_load_streamlit():
    mods = ["analytics.market", "analytics.regions", "analytics.postings", "geo.boundaries", "data_catalog.generator",
            "data_catalog.warehouse", "data_catalog.importer", "data_catalog.calibration", "data_catalog.catalog"]
    code = "import sys\n" + "".join(f"import {m}\n" for m in mods) + "print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pages_stay_thin():
    for f in (ROOT / "pages").glob("*.py"):
        assert len(f.read_text(encoding="utf-8").splitlines()) <= 150, f.name
