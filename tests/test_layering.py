"""Architecture rules: the core never imports Streamlit, pages stay thin, no import cycles, paths set at call time."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import config
from models.common import registry

ROOT = config.PROJECT_ROOT
CORE = ("analytics", "geo", "models", "data_catalog", "store")
PACKAGES = (*CORE, "components")
TOP_MODULES = ("config", "app_cache")


def _imports(f: Path) -> list[str]:
    """Every module a file imports (module level or not), as dotted names, relative imports resolved."""
    out = []
    pkg = f.relative_to(ROOT).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(pkg[: len(pkg) - node.level + 1]) if node.level else ""
            mod = ".".join(x for x in (base, node.module or "") if x)
            out.append(mod)
            out += [f"{mod}.{a.name}" for a in node.names]  # `from pkg import module`
    return out


def _module_name(f: Path) -> str:
    parts = f.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _project_modules() -> dict[str, Path]:
    mods = {m: ROOT / f"{m}.py" for m in TOP_MODULES}
    for pkg in PACKAGES:
        # Alembic migration scripts are run by Alembic, not imported (their names start with a digit)
        mods |= {_module_name(f): f for f in (ROOT / pkg).rglob("*.py") if "migrations" not in f.parts}
    return mods


def test_no_streamlit_import_statements():
    offenders = []
    for pkg in CORE:
        for f in (ROOT / pkg).rglob("*.py"):
            names = _imports(f)
            if any(n.split(".")[0] in ("streamlit", "components", "app_cache") for n in names):
                offenders.append(f"{f.relative_to(ROOT)}: {names}")
    assert not offenders, offenders


def test_importing_core_packages_does_not_load_streamlit():
    mods = [m for m in _project_modules() if m.split(".")[0] in CORE and not m.endswith("__main__")]
    code = "import sys\n" + "".join(f"import {m}\n" for m in mods) + "print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_import_cycles():
    mods = _project_modules()
    graph = {m: sorted({n for n in _imports(f) if n in mods and n != m}) for m, f in mods.items()}
    # importing a.b.c runs a/__init__ and a/b/__init__ first: an edge to each parent package
    for m in mods:
        parts = m.split(".")
        graph[m] += [".".join(parts[:k]) for k in range(1, len(parts)) if ".".join(parts[:k]) in mods]
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for n in graph[m]:
            if state.get(n) == 1:
                cycles.append(stack[stack.index(n) :] + [n])
            elif n not in state:
                visit(n, [*stack, n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles, cycles


def test_every_service_has_the_same_shape():
    shape = {"__init__.py", "__main__.py", "features.py", "model.py", "explain.py", "service.py", "train.py"}
    for kind in registry.KINDS:
        have = {f.name for f in (ROOT / kind.package.replace(".", "/")).glob("*.py")}
        assert shape <= have, (kind.package, shape - have)


def test_paths_are_resolved_at_call_time(tmp_path):
    """With GOYONG_DATA_DIR set after import, every path follows it (nothing was fixed at import time)."""
    code = (
        "import os, config, app_cache, data_catalog.warehouse, store.db, geo.boundaries, "
        "models.common.registry as r\n"
        f"os.environ['GOYONG_DATA_DIR'] = {str(tmp_path)!r}\n"
        "os.environ.pop('GOYONG_STORE_URL', None)\n"
        "print(config.warehouse_db(), config.store_url().removeprefix('sqlite:///'), r.root(), config.geo_cache_dir(), "
        "app_cache.db_path())"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("GOYONG_DATA_DIR", "GOYONG_STORE_URL")}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    paths = out.stdout.split()
    assert len(paths) == 5 and all(p.startswith(str(tmp_path)) for p in paths), paths


def test_no_module_builds_a_data_path_from_the_environment():
    """Only config.py reads GOYONG_DATA_DIR / GOYONG_STORE_URL."""
    readers = [
        str(f.relative_to(ROOT))
        for m, f in _project_modules().items()
        if m != "config"
        if "GOYONG_DATA_DIR" in f.read_text(encoding="utf-8") or "GOYONG_STORE_URL" in f.read_text(encoding="utf-8")
    ]
    assert not readers, readers


def test_pages_stay_thin():
    for f in (ROOT / "pages").rglob("*.py"):
        assert len(f.read_text(encoding="utf-8").splitlines()) <= 150, f.name
