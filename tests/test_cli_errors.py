"""Every command line answers a mistake with a Korean message and exit status 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import config

CLIS = [
    "data_catalog.warehouse",
    "data_catalog.importer",
    "data_catalog.calibration",
    "data_catalog.realism",
    "data_catalog.generator",
    "models",
    "models.employability",
    "models.interest",
    "models.qa",
]


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GOYONG_STORE_URL",)}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=config.PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("module", CLIS)
def test_an_unknown_argument_is_a_korean_message(module):
    out = _run(module, "--no-such-option")
    assert out.returncode == 2 and "오류" in out.stderr and "Traceback" not in out.stderr, out.stderr


def test_a_missing_warehouse_is_a_korean_message(tmp_path):
    for args in (
        ("data_catalog.calibration", "--data-dir", str(tmp_path)),
        ("data_catalog.realism", "--data-dir", str(tmp_path)),
        ("data_catalog.warehouse", "build", "--data-dir", str(tmp_path)),
        ("models", "train", "--data-dir", str(tmp_path)),
    ):
        out = _run(*args)
        assert out.returncode == 2 and "오류:" in out.stderr and "Traceback" not in out.stderr, (args, out.stderr)
