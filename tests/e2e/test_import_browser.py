"""Ministry staff import a Korean CSV in Chromium while a counsellor keeps using the app: neither sees an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
from playwright.sync_api import expect

from components import nav
from devtools.browser import demo_user, goto_signed_in, sign_in
from tests.e2e.browser import (
    REQUIRES_CHROMIUM,
    RESULTS,
    assert_no_exception,
    browser_page,
    choose,
    serve_app,
    wait_idle,
)

pytestmark = REQUIRES_CHROMIUM
URLS = {p.key: p.url_path for p in nav.PAGES}


def _private_world(small: Path, d: Path) -> Path:
    d.mkdir()
    shutil.copy(small / "goyong.duckdb", d / "goyong.duckdb")
    for sub in ("warehouse", "artefacts", "geo"):
        if (small / sub).exists():  # geo: the boundary cache exists once a map was drawn
            shutil.copytree(small / sub, d / sub)
    return d


def _korean_csv(small: Path, path: Path) -> Path:
    con = duckdb.connect(str(small / "goyong.duckdb"), read_only=True)
    rows = con.execute("SELECT * FROM postings ORDER BY posting_id LIMIT 5").df()
    con.close()
    rows["posting_id"] = range(50_000_001, 50_000_006)
    rows = rows.astype(str).replace({"NaT": "", "<NA>": "", "None": "", "nan": ""})
    rows["posted_date"] = [d.replace("-", ".") for d in rows["posted_date"]]
    rows.loc[4, "wage_type"] = "일당"  # not an allowed code: quarantined
    from data_catalog.spec import TABLES  # noqa: PLC0415 - the labels are the point of this test

    rows = rows.rename(columns={c.name: c.ko for c in TABLES["postings"].columns})
    path.write_bytes(rows.to_csv(index=False).encode("cp949", errors="replace"))
    return path


def test_import_in_the_browser_while_another_session_reads(small_data_dir: Path, tmp_path: Path) -> None:
    data = _private_world(small_data_dir, tmp_path / "data")
    csv = _korean_csv(small_data_dir, tmp_path / "공고_추출.csv")
    (tmp_path / "srv").mkdir()
    with serve_app(data, tmp_path / "srv") as url, browser_page() as (page, errors, _console):
        other = page.context.browser.new_page(
            locale="ko-KR"
        )  # a counsellor's session, open before and after the import
        goto_signed_in(other, f"{url}/{URLS['caseload']}", "counsellor")
        wait_idle(other)
        goto_signed_in(page, f"{url}/{URLS['data_import']}", "data_admin")
        wait_idle(page)
        choose(page, "대상 테이블", "구인공고 (postings)")
        wait_idle(page)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(csv))
        wait_idle(page)
        main = page.locator("section.main, [data-testid='stMain']").first
        expect(main).to_contain_text("스키마 열로 알아보았습니다")
        expect(main).to_contain_text("CP949")
        page.screenshot(path=str(RESULTS / "import-preview.png"), full_page=True)
        page.get_by_role("button", name="검증된 행 가져오기").click()
        wait_idle(page)
        expect(main).to_contain_text("5행 중 4행을 가져왔고 1행을 격리했습니다")
        expect(main).to_contain_text("임금 형태")  # the quarantined row's Korean reason in the history
        assert_no_exception(page, "on the import page", errors)
        other.reload(wait_until="domcontentloaded")
        sign_in(other, demo_user("counsellor"))
        wait_idle(other)
        assert_no_exception(other, "on the counsellor's page after the import", errors)
    con = duckdb.connect(str(data / "goyong.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM postings WHERE posting_id > 50000000").fetchall()[0][0] == 4
    con.close()
