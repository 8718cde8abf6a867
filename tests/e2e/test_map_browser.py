"""Real-browser test of the 대한민국 일자리 맵 page (Debian chromium driven by Playwright).

Starts `streamlit run streamlit_app.py` on a free port against the small test warehouse, opens
/jobs_map, changes filters, opens the drill-down and checks that the deck.gl map really drew
coloured polygons (pixel check on a screenshot of the chart), that no Streamlit exception box
appeared and that the page raised no uncaught JavaScript error.

Screenshots for debugging are written to test-results/ (map.png is the final full page).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
RESULTS = ROOT / "test-results"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # without these Chromium stalls on the closed network
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # deck.gl needs WebGL: software rendering through ANGLE + SwiftShader
    "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
]
START_TIMEOUT_S = 60
RUN_TIMEOUT_MS = 90_000  # one script rerun; the first switch to 시군구 also builds the sigungu GeoJSON

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found: install Debian's chromium (make browser)"),
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200 and r.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="module")
def app_url(small_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by a `streamlit run` subprocess; always terminated afterwards."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    env = dict(os.environ, GOYONG_DATA_DIR=str(small_data_dir), PYTHONUNBUFFERED="1")
    env.pop("GOYONG_BASEMAP_STYLE", None)  # offline map, no basemap
    cmd = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
           "--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
           "--browser.gatherUsageStats", "false",
           # the repo may be edited while the test runs: never show "source file changed" or rerun
           "--server.fileWatcherType", "none", "--server.runOnSave", "false"]
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(f"http://127.0.0.1:{port}/_stcore/health"):
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
                pytest.fail(f"streamlit did not become healthy on port {port} (exit code {proc.poll()}):\n{tail}")
            time.sleep(0.25)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


# ---------------------------------------------------------------------------------------------
# helpers

_IDLE_JS = """(ms) => {
  const busy = document.querySelector(
    '[data-testid="stStatusWidget"], [data-stale="true"], [data-testid="stSpinner"], [data-testid="stSkeleton"]');
  const now = performance.now();
  if (busy) { window.__e2eIdleSince = null; return false; }
  if (window.__e2eIdleSince == null) window.__e2eIdleSince = now;
  return now - window.__e2eIdleSince >= ms;
}"""


def _param(key: str, value: str) -> re.Pattern[str]:
    """URL pattern: query parameter `key` equals `value` (the page mirrors its state in the URL)."""
    return re.compile(rf"[?&]{re.escape(key)}={re.escape(value)}(&|$)")


def wait_idle(page, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
    """Wait until no running indicator, stale element or spinner has been seen for one second."""
    page.evaluate("() => { window.__e2eIdleSince = null; }")
    page.wait_for_function(_IDLE_JS, arg=1000, timeout=timeout_ms, polling=100)


def assert_no_exception(page, where: str, page_errors: list[str]) -> None:
    exc = page.locator('[data-testid="stException"]')
    if exc.count():
        pytest.fail(f"Streamlit exception shown {where}:\n" + "\n---\n".join(exc.all_inner_texts()))
    assert not page_errors, f"uncaught page errors {where}: {page_errors}"


def choose(page, label: str, option: str, typed: str | None = None) -> None:
    """Pick `option` in the Streamlit selectbox labelled `label` (a react-aria combobox)."""
    from playwright.sync_api import expect

    box = page.get_by_role("combobox", name=label, exact=True)
    expect(box).to_be_visible(timeout=RUN_TIMEOUT_MS)
    box.click()
    if typed:  # long lists are virtualised: filter first so the option is rendered
        box.fill(typed)
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)


def dismiss_page_not_found(page) -> bool:
    """Close Streamlit's spurious "Page not found" modal (framework bug on a deep link as a fresh server's first visit)."""
    dlg = page.get_by_role("dialog").filter(has_text="Page not found")
    if not dlg.count():
        return False
    page.keyboard.press("Escape")
    dlg.wait_for(state="detached", timeout=10_000)
    return True


def map_pixels(png: bytes) -> dict[str, float]:
    """Shares of a deck chart screenshot: any non-background ink, palette-green fill, dark stroke grey."""
    import io

    import numpy as np
    from PIL import Image

    a = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    hi, lo = a.max(-1), a.min(-1)
    n = a.shape[0] * a.shape[1]
    ink = lo < 235
    green = (g - r > 12) & (g - b > 5)                # components.maps PALETTE (teal/green classes)
    dark = (hi - lo <= 24) & (hi < 150)               # the [90, 90, 90] region outline colour
    return {"ink": float(ink.sum() / n), "green": float(green.sum() / n), "dark_of_ink": float(dark.sum() / max(ink.sum(), 1))}


def check_map(page, name: str, min_green: float) -> dict[str, float]:
    from playwright.sync_api import expect

    chart = page.locator('[data-testid="stDeckGlJsonChart"]')
    expect(chart).to_have_count(1)
    expect(chart).to_be_visible()
    canvas = chart.locator("canvas#deckgl-overlay")
    expect(canvas).to_be_visible()
    box = canvas.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 200, f"deck canvas too small: {box}"
    RESULTS.mkdir(parents=True, exist_ok=True)
    png = chart.screenshot(path=str(RESULTS / f"map_deck_{name}.png"))
    px = map_pixels(png)
    print(f"map pixels ({name}): " + ", ".join(f"{k}={v:.3f}" for k, v in px.items()))
    # outlines are meant to be hairlines; if their grey covers the map the stroke width is off (e.g. pydeck turning
    # a plain string prop such as line_width_units="pixels" into the JS expression "@@=pixels", i.e. no units)
    assert px["dark_of_ink"] < 0.25, (
        f"map ({name}) is mostly outline grey, the polygon strokes are drawn far too wide: {px}; "
        "check the GeoJsonLayer line width props in components/maps.py")
    assert px["green"] >= min_green, f"map ({name}) shows almost no coloured polygons: {px}"
    return px


# ---------------------------------------------------------------------------------------------
# the test


def test_jobs_map_filters_drilldown_and_render(app_url: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    page_errors: list[str] = []
    console_errors: list[str] = []
    shot_taken = False
    t0 = time.monotonic()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1200}, locale="ko-KR")
            page.set_default_timeout(RUN_TIMEOUT_MS)
            page.on("pageerror", lambda e: page_errors.append(str(e)))
            page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
            try:
                # Warm-up on the entrypoint: a fresh server's first session that deep-links to a page
                # gets a spurious "Page not found" modal (Streamlit bug) that makes the page inert.
                page.goto(f"{app_url}/", wait_until="domcontentloaded")
                expect(page.locator('[data-testid="stSidebarNav"]')).to_be_visible(timeout=RUN_TIMEOUT_MS)
                wait_idle(page)

                # 1. open the map page
                page.goto(f"{app_url}/jobs_map", wait_until="domcontentloaded")
                expect(page.get_by_role("heading", name="대한민국 일자리 맵")).to_be_visible(timeout=RUN_TIMEOUT_MS)
                expect(page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible(timeout=RUN_TIMEOUT_MS)
                wait_idle(page)
                dismiss_page_not_found(page)
                expect(page).to_have_url(_param("level", "sido"))
                expect(page).to_have_url(_param("metric", "openings"))
                assert_no_exception(page, "after opening /jobs_map", page_errors)
                check_map(page, "sido_all", min_green=0.05)

                # 2. filter: 직업 대분류 = 8 (cascades into a 직업 중분류 selectbox)
                choose(page, "직업 대분류", "8 설치·정비·생산직")
                expect(page).to_have_url(_param("occ", "8"), timeout=RUN_TIMEOUT_MS)
                expect(page.get_by_role("combobox", name="직업 중분류", exact=True)).to_be_visible(timeout=RUN_TIMEOUT_MS)
                wait_idle(page)
                assert_no_exception(page, "after choosing 직업 대분류", page_errors)

                # 3. drill-down on a sido
                choose(page, "시도 선택(상세 분석)", "서울특별시")
                expect(page).to_have_url(_param("region", "11"), timeout=RUN_TIMEOUT_MS)
                expect(page.get_by_role("heading", name="서울특별시 상세 분석")).to_be_visible(timeout=RUN_TIMEOUT_MS)
                trend = page.locator('[data-testid="stPlotlyChart"]').first
                expect(trend).to_be_visible(timeout=RUN_TIMEOUT_MS)
                wait_idle(page)
                assert_no_exception(page, "after the sido drill-down", page_errors)
                expect(trend.locator("g.trace").first).to_be_attached()  # plotly drew data, not just empty axes
                check_map(page, "sido_occ8_seoul", min_green=0.02)

                # 4. 지역 수준 → 시군구 (builds the sigungu boundaries on first use), then a sigungu drill-down
                radio = page.locator('[data-testid="stRadio"]').filter(has_text="지역 수준")
                radio.get_by_text("시군구", exact=True).click()
                expect(page).to_have_url(_param("level", "sigungu"), timeout=RUN_TIMEOUT_MS)
                expect(page.get_by_role("combobox", name="시군구 선택(상세 분석)", exact=True)).to_be_visible(
                    timeout=RUN_TIMEOUT_MS)
                wait_idle(page)
                assert_no_exception(page, "after switching to 시군구", page_errors)
                expect(page.get_by_role("combobox", name="직업 대분류", exact=True)).to_have_value("8 설치·정비·생산직")

                choose(page, "시군구 선택(상세 분석)", "경기 화성시", typed="화성")
                expect(page).to_have_url(_param("region", "31240"), timeout=RUN_TIMEOUT_MS)
                expect(page.get_by_role("heading", name="경기 화성시 상세 분석")).to_be_visible(timeout=RUN_TIMEOUT_MS)
                expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible(timeout=RUN_TIMEOUT_MS)
                wait_idle(page)
                assert_no_exception(page, "after the sigungu drill-down", page_errors)
                check_map(page, "sigungu_occ8_hwaseong", min_green=0.01)
                expect(page.get_by_role("button", name="표시된 값 CSV 내려받기")).to_be_visible()
                RESULTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(RESULTS / "map.png"))
                shot_taken = True
                page.locator('[data-testid="stTabs"]').first.screenshot(path=str(RESULTS / "map_drilldown.png"))
            finally:
                if not shot_taken:  # the state at the failure
                    RESULTS.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(RESULTS / "map.png"))
                print(f"e2e map test: {time.monotonic() - t0:.1f}s in the browser; console errors: {console_errors}")
        finally:
            browser.close()
    assert not page_errors, f"uncaught page errors: {page_errors}"
