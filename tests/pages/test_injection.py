"""Text from an address, a file or the warehouse is shown as text on every page: never a link, an image, HTML,
bold or colour that the text itself asked for (Markdown injection), and never a crash."""

from __future__ import annotations

import re
import shutil

import duckdb
import pandas as pd
import pytest

from components import nav
from components.text import plain
from tests.pages.apptest import open_page, page_button

PAYLOADS = (
    "[x](http://evil.example)",
    "![](http://evil.example/a.png)",
    "<img src=x onerror=alert(1)>",
    "**bold**",
    ":red[x]",
)
CRAFTED = " ".join(PAYLOADS)
PARAMS = ("test", "metric", "occ", "seeker", "model", "region", "level", "start", "end")
ACTIVE = re.compile(r"(?<!\\)\]\((?:https?:)?//|(?<!\\)<img|(?<!\\)\*\*bold|(?<!\\):red\[x")
"""Markdown or HTML that would act: a link or image target, an <img> tag, bold, a colour directive (unescaped)."""


def _texts(at) -> list[str]:
    """Every text Streamlit renders as Markdown on the page (titles and metric labels included)."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success"):
        out += [str(e.value) for e in getattr(at, kind)]
    out += [str(m.label) for m in at.metric]
    return out


def assert_inert(at, payloads: tuple[str, ...] = PAYLOADS) -> None:
    assert not at.exception, [e.value for e in at.exception]
    texts = _texts(at)
    for t in texts:
        assert not any(p in t for p in payloads), t  # every payload shown was escaped
        assert not ACTIVE.search(t), t


@pytest.mark.parametrize("key", [p.key for p in nav.PAGES])
def test_crafted_url_values_are_shown_as_text(app_env, key):
    at = open_page(key, dict.fromkeys(PARAMS, CRAFTED))
    assert_inert(at)


@pytest.mark.parametrize(("key", "param"), [("seeker_market", "occ"), ("training", "occ"), ("jobs_map", "metric")])
def test_a_rejected_value_is_quoted_escaped(app_env, key, param):
    at = open_page(key, {param: "[x](http://evil.example)"})
    assert_inert(at)
    assert any(plain("[x](http://evil.example)") in w.value for w in at.warning)


def test_interest_test_id_from_the_address_is_escaped(app_env):
    at = open_page("interest_test", {"test": CRAFTED})
    assert_inert(at)
    assert any(plain(PAYLOADS[0]) in e.value for e in at.error)


def test_uploaded_file_name_and_cells_are_shown_as_text(app_env, small_data_dir, tmp_path, monkeypatch):
    """A postings file whose name and cells are crafted: validated, imported (into a copy of the test world), and
    the imported title and firm name shown on the counsellor's posting search — inert everywhere."""
    world = tmp_path / "world"
    shutil.copytree(small_data_dir, world, symlinks=True, ignore=shutil.ignore_patterns("operational.sqlite", "*.lock"))
    monkeypatch.setenv("GOYONG_DATA_DIR", str(world))
    con = duckdb.connect(str(world / "goyong.duckdb"), read_only=True)
    row = con.execute("SELECT * FROM postings ORDER BY posted_date DESC, posting_id LIMIT 1").df()
    top = con.execute("SELECT max(posting_id) FROM postings").fetchone()[0]
    con.close()
    row = row.assign(posting_id=top + 1, title=CRAFTED, description=CRAFTED)
    bad = row.assign(posting_id=top + 2, weekly_hours=999)  # quarantined, the crafted cells in its raw row
    csv = pd.concat([row, bad]).to_csv(index=False).encode("utf-8")
    link = "[x](http:evil.example)"  # a file name holds no '/'
    name = f"{link} <img src=x onerror=alert(1)> **bold** :red[x].csv"

    at = open_page("data_import")
    at.selectbox(key="imp_table").select("postings")
    at.file_uploader(key="imp_file").set_value((name, csv, "text/csv")).run()
    assert_inert(at, (*PAYLOADS, link))
    assert [m.value for m in at.metric] == ["2", "1", "1"]  # read, to import, to quarantine
    page_button(at, "검증된 행 가져오기").click().run()
    assert_inert(at, (*PAYLOADS, link))
    assert any(plain(link) in s.value for s in at.success)  # the file name, escaped

    at = open_page("posting_search")
    assert_inert(at)
    assert CRAFTED in set(at.dataframe[0].value["제목"])  # shown, as a table cell (text)
