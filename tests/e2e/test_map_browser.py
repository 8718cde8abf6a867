"""Real-browser test of the 대한민국 일자리 맵 page (Debian chromium driven by Playwright).

Starts `streamlit run streamlit_app.py` on a free port against the small test warehouse, opens
/jobs_map, changes filters, opens the drill-down and checks that the deck.gl map really drew
coloured polygons (pixel check on a screenshot of the chart), that no Streamlit exception box
appeared and that the page raised no uncaught JavaScript error.

Screenshots for debugging are written to test-results/ (map.png is the final full page).
"""

from __future__ import annotations

import io
import time

import numpy as np
from PIL import Image
from playwright.sync_api import expect

from devtools.browser import goto_signed_in
from tests.e2e.browser import (
    REQUIRES_CHROMIUM,
    RESULTS,
    RUN_TIMEOUT_MS,
    assert_no_exception,
    browser_page,
    choose,
    dismiss_page_not_found,
    param,
    screenshot,
    wait_idle,
    warm_up,
)

pytestmark = REQUIRES_CHROMIUM


def map_pixels(png: bytes) -> dict[str, float]:
    """Shares of a deck chart screenshot: any non-background ink, palette-green fill, dark stroke grey."""
    a = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    hi, lo = a.max(-1), a.min(-1)
    n = a.shape[0] * a.shape[1]
    ink = lo < 235
    green = (g - r > 12) & (g - b > 5)  # components.maps PALETTE (teal/green classes)
    dark = (hi - lo <= 24) & (hi < 150)  # the [90, 90, 90] region outline colour
    return {
        "ink": float(ink.sum() / n),
        "green": float(green.sum() / n),
        "dark_of_ink": float(dark.sum() / max(ink.sum(), 1)),
    }


def check_map(page, name: str, min_green: float) -> dict[str, float]:
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
        "check the GeoJsonLayer line width props in components/maps.py"
    )
    assert px["green"] >= min_green, f"map ({name}) shows almost no coloured polygons: {px}"
    return px


# ---------------------------------------------------------------------------------------------
# the test


def test_jobs_map_filters_drilldown_and_render(app_url: str) -> None:
    shot_taken = False
    t0 = time.monotonic()
    with browser_page() as (page, page_errors, console_errors):
        try:
            warm_up(page, app_url)

            # 1. open the map page
            goto_signed_in(page, f"{app_url}/jobs_map", "policy")
            expect(page.get_by_role("heading", name="대한민국 일자리 맵")).to_be_visible(timeout=RUN_TIMEOUT_MS)
            expect(page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible(timeout=RUN_TIMEOUT_MS)
            wait_idle(page)
            dismiss_page_not_found(page)
            expect(page).to_have_url(param("level", "sido"))
            expect(page).to_have_url(param("metric", "openings"))
            assert_no_exception(page, "after opening /jobs_map", page_errors)
            check_map(page, "sido_all", min_green=0.05)

            # 2. filter: 직업 대분류 = 8 (cascades into a 직업 중분류 selectbox)
            choose(page, "직업 대분류", "8 설치·정비·생산직")
            expect(page).to_have_url(param("occ", "8"), timeout=RUN_TIMEOUT_MS)
            expect(page.get_by_role("combobox", name="직업 중분류", exact=True)).to_be_visible(timeout=RUN_TIMEOUT_MS)
            wait_idle(page)
            assert_no_exception(page, "after choosing 직업 대분류", page_errors)

            # 3. drill-down on a sido
            choose(page, "시도 선택(상세 분석)", "서울특별시")
            expect(page).to_have_url(param("region", "11"), timeout=RUN_TIMEOUT_MS)
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
            expect(page).to_have_url(param("level", "sigungu"), timeout=RUN_TIMEOUT_MS)
            expect(page.get_by_role("combobox", name="시군구 선택(상세 분석)", exact=True)).to_be_visible(
                timeout=RUN_TIMEOUT_MS
            )
            wait_idle(page)
            assert_no_exception(page, "after switching to 시군구", page_errors)
            expect(page.get_by_role("combobox", name="직업 대분류", exact=True)).to_have_value("8 설치·정비·생산직")

            choose(page, "시군구 선택(상세 분석)", "경기 화성시", typed="화성")
            expect(page).to_have_url(param("region", "31240"), timeout=RUN_TIMEOUT_MS)
            expect(page.get_by_role("heading", name="경기 화성시 상세 분석")).to_be_visible(timeout=RUN_TIMEOUT_MS)
            expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible(timeout=RUN_TIMEOUT_MS)
            wait_idle(page)
            assert_no_exception(page, "after the sigungu drill-down", page_errors)
            check_map(page, "sigungu_occ8_hwaseong", min_green=0.01)
            expect(page.get_by_role("button", name="표시된 값 CSV 내려받기")).to_be_visible()
            screenshot(page, "map.png")
            shot_taken = True
            page.locator('[data-testid="stTabs"]').first.screenshot(path=str(RESULTS / "map_drilldown.png"))
        finally:
            if not shot_taken:  # the state at the failure
                screenshot(page, "map.png")
            print(f"e2e map test: {time.monotonic() - t0:.1f}s in the browser; console errors: {console_errors}")
    assert not page_errors, f"uncaught page errors: {page_errors}"
