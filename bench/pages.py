"""How long a person waits for each page, in Chromium, against a bare one-line Streamlit app as the floor.

For every page in `components/nav.py`: the first visit after the server starts (cold caches) and
warm visits (`page.goto`, a full page load, as a bookmark or a reload does), timed until the script
has finished and the page's main element (chart, map, table or form) is drawn. On the jobs map:
a filter change (지표), a 시도↔시군구 switch and a click on a region. Baseline in the same run: the
same measurement of a one-line app (`st.title`), whose warm load is the floor every ratio is
against. Per navigation it also records the bytes the server sent over the websocket, and
separately times the page's server script alone (AppTest, warm caches), so a slow page can be told
apart: script time, payload, or browser render.

Usage: .venv/bin/python bench/pages.py [--data-dir data] [--runs 5]

`--ats`: applicant tracking at 500 applicants (#17 item 7). Seeds one posting of the demo employer with 500
applications (cards moved through the stages at varied times over four months, 25 merged duplicates) in the store of
the benchmark's server, signs in as the demo employer and times the 지원자 관리 board (500 cards) and 채용 통계:
the first visit after the server starts (cold caches) and warm sidebar clicks between them, against the floor of the
same run, plus one card move on the board, the payload and the script alone (AppTest, signed in, warm caches).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
from playwright.sync_api import sync_playwright
from sqlalchemy import insert
from streamlit.testing.v1 import AppTest

import config
from analytics import postings
from auth.accounts import Accounts
from auth.demo import demo_orgs
from auth.identity import Identity
from components import nav
from components.auth_ui import TOKEN_KEY
from devtools.browser import CHROMIUM, CHROMIUM_ARGS, demo_user, dismiss_page_not_found, serve_app, sign_in
from store import db
from store.schema import ats_cards, ats_merged, ats_moves, job_applications

BARE_APP = """import streamlit as st

def a():
    st.title("빈 페이지 A")

def b():
    st.title("빈 페이지 B")

def chart():
    import plotly.graph_objects as go
    st.title("차트 하나")
    st.plotly_chart(go.Figure(go.Bar(x=["가", "나", "다"], y=[1, 3, 2])))

st.navigation([st.Page(a, title="A", url_path="a", default=True), st.Page(b, title="B", url_path="b"),
               st.Page(chart, title="차트", url_path="chart")]).run()
"""
"""The floor: one-line pages (a reload of page A, a sidebar click between A and B), and, for reference,
a page with one small plotly chart (what the framework itself costs to draw a chart)."""

# what 'drawn' means per page: the element a person waits for
MAIN = {
    "policy_home": '[data-testid="stPlotlyChart"] .main-svg',
    "jobs_map": '[data-testid="stDeckGlJsonChart"] canvas',
    "model_card": '[data-testid="stPlotlyChart"] .main-svg',
    "interest_test": '[data-testid="stForm"]',
    "outlook": '[data-testid="stPlotlyChart"] .main-svg',
    "seeker_market": '[data-testid="stDataFrame"]',
    "training": '[data-testid="stDataFrame"]',
    "benchmark": '[data-testid="stPlotlyChart"] .main-svg',
    "caseload": '[data-testid="stPlotlyChart"] .main-svg',
    "posting_search": '[data-testid="stDataFrame"]',
    "catalog": '[data-testid="stDataFrame"]',
    "data_import": '[data-testid="stFileUploader"]',
    "applicants": '[data-testid="stMain"] [data-testid="stMarkdownContainer"] hr',  # the board's cards (text)
    "ats_stats": '[data-testid="stPlotlyChart"] .main-svg',  # the funnel
    "bare": "h1",
    "bare_chart": '[data-testid="stPlotlyChart"] .main-svg',
}

READY_JS = """(sel) => {
  const busy = document.querySelector(
    '[data-testid="stStatusWidget"], [data-stale="true"], [data-testid="stSpinner"], [data-testid="stSkeleton"]');
  const el = document.querySelector(sel);
  return !busy && !!el && el.getBoundingClientRect().height > 0;
}"""


# what an interaction changed, read with textContent (innerText would force a layout on every poll)
LEGEND_JS = (
    "[...document.querySelectorAll('[data-testid=\"stMarkdownContainer\"] b')].map(e => e.textContent).join('|')"
)
LABELS_JS = "[...document.querySelectorAll('[data-testid=\"stWidgetLabel\"]')].map(e => e.textContent).join('|')"


class Wire:
    """Bytes received over the app's websocket (what the server sends to draw a page)."""

    def __init__(self, page) -> None:
        self.bytes = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._add))

    def _add(self, payload) -> None:
        self.bytes += len(payload)


def _settled(page, selector: str, timeout_ms: int = 120_000) -> float:
    """Wait until the script is done, the main element drawn and the browser idle; the clock time at that moment."""
    page.wait_for_function(READY_JS, arg=selector, polling=25, timeout=timeout_ms)
    # painted, and the main thread idle again: deck.gl and plotly keep drawing after their element exists
    page.evaluate(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => "
        "requestIdleCallback(r, {timeout: 10000}))))"
    )
    done = time.perf_counter()
    time.sleep(0.3)  # not timed: nothing left over from this step runs into the next one
    return done


def interact(page, wire: Wire, action, changed_js: str, selector: str) -> tuple[float, int]:
    """Do `action`, wait for its visible effect (`changed_js`), then for the page to settle: (ms, bytes received)."""
    b0 = wire.bytes
    t0 = time.perf_counter()
    action()
    page.wait_for_function(changed_js, polling=25, timeout=120_000)
    t1 = _settled(page, selector)
    return (t1 - t0) * 1000, wire.bytes - b0


def visit(page, wire: Wire, url: str, selector: str) -> tuple[float, int]:
    """A full page load of `url` until its main element is drawn."""
    out = interact(page, wire, lambda: page.goto(url, wait_until="commit"), "() => true", selector)
    dismiss_page_not_found(page)  # Streamlit's spurious modal on a fresh server's deep link (not timed)
    return out


def click_nav(page, wire: Wire, title: str, h1: str, selector: str) -> tuple[float, int]:
    """A sidebar click to another page, until that page's heading is shown and its main element is drawn."""
    link = page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first
    heading = f"() => [...document.querySelectorAll('h1')].some(e => e.textContent.trim() === {json.dumps(h1)})"
    return interact(page, wire, link.click, heading, selector)


def stats(xs: list[float]) -> str:
    return f"median {statistics.median(xs):,.0f} ms, p95 {np.percentile(xs, 95):,.0f} ms"


def script_times(keys: list[str], data_dir: Path, runs: int) -> dict[str, list[float]]:
    """The server script alone (AppTest, no browser), warm caches: what part of a visit is Python."""
    os.environ["GOYONG_DATA_DIR"] = str(data_dir)
    at = AppTest.from_file(str(config.PROJECT_ROOT / "streamlit_app.py"), default_timeout=600)
    at.run()
    return time_switches(at, keys, runs)


def time_switches(at: AppTest, keys: Sequence[str], runs: int, strict: bool = False) -> dict[str, list[float]]:
    """Each page's script after one warm-up switch, `runs` times (ms); `strict`: a page that raises stops the run."""
    out: dict[str, list[float]] = {}
    for key in keys:
        at.switch_page(nav.path(key)).run()  # warm-up
        assert not (strict and at.exception), [e.value for e in at.exception]
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            at.switch_page(nav.path(key)).run()
            times.append((time.perf_counter() - t) * 1000)
        out[key] = times
    return out


def measure_floor(browser, data_dir: Path, work: Path, runs: int, first: dict, reload: dict, click: dict, sent: dict):
    """The bare app's first load, reloads (one-line page and one-chart page) and sidebar clicks, into the dicts."""
    bare = work / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    (work / "bare").mkdir()
    with serve_app(data_dir, work / "bare", bare) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ko-KR")
        wire = Wire(page)
        first["bare"] = visit(page, wire, f"{url}/", MAIN["bare"])[0]
        for _ in range(runs):
            ms, nb = visit(page, wire, f"{url}/a", MAIN["bare"])
            reload.setdefault("bare", []).append(ms)
            sent.setdefault("bare", []).append(nb)
            ms, _ = visit(page, wire, f"{url}/chart", MAIN["bare_chart"])
            reload.setdefault("bare_chart", []).append(ms)
        visit(page, wire, f"{url}/a", MAIN["bare"])
        for k in range(2 * runs):
            title, h1 = ("B", "빈 페이지 B") if k % 2 == 0 else ("A", "빈 페이지 A")
            click.setdefault("bare", []).append(click_nav(page, wire, title, h1, MAIN["bare"])[0])
        page.close()


def _h1(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default=None, help="default: the data folder from config (GOYONG_DATA_DIR)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--ats", action="store_true", help="applicant tracking at 500 applicants (board and statistics)")
    ap.add_argument("--applicants", type=int, default=ATS_APPLICANTS, help="with --ats: applications to seed")
    a = ap.parse_args()
    if a.ats:
        ats_bench(config.data_dir(a.data_dir), a.runs, a.applicants)
        return
    raise SystemExit(
        "bench/pages.py는 로그인(#11) 이전의 순회를 잽니다: 이제 새로고침은 로그인 화면에서 시작하고 사이드바에는 "
        "역할의 화면만 보이므로, 역할별 순회로 고치기 전에는 수치가 의미 없습니다(bench/README.md). "
        "(the page bench predates sign-in; it needs per-role tours before its figures mean anything again)"
    )
    data_dir = config.data_dir(a.data_dir)
    pages = list(nav.PAGES)
    work = Path(tempfile.mkdtemp(prefix="goyong-bench-"))
    first: dict[str, float] = {}
    reload: dict[str, list[float]] = {}
    click: dict[str, list[float]] = {}
    sent: dict[str, list[int]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        measure_floor(browser, data_dir, work, a.runs, first, reload, click, sent)
        (work / "app").mkdir()
        with serve_app(data_dir, work / "app") as url:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ko-KR")
            wire = Wire(page)
            h1s = {}
            for p in pages:  # first visit of each page after the server started: cold caches
                first[p.key] = visit(page, wire, f"{url}/{p.url_path or ''}", MAIN[p.key])[0]
                h1s[p.key] = _h1(page)
            for _ in range(a.runs):
                for p in pages:
                    ms, nb = visit(page, wire, f"{url}/{p.url_path or ''}", MAIN[p.key])
                    reload.setdefault(p.key, []).append(ms)
                    sent.setdefault(p.key, []).append(nb)
            visit(page, wire, f"{url}/{pages[-1].url_path}", MAIN[pages[-1].key])
            for _ in range(a.runs):  # a tour through the sidebar: every page reached by a click
                for p in pages:
                    click.setdefault(p.key, []).append(click_nav(page, wire, p.title, h1s[p.key], MAIN[p.key])[0])
            interactions = map_interactions(page, wire, url, a.runs, sent)
            page.close()
        browser.close()
    scripts = script_times([p.key for p in pages], data_dir, a.runs)
    floor_reload, floor_click = statistics.median(reload["bare"]), statistics.median(click["bare"])
    print(f"Chromium {CHROMIUM}, 1280×900; warehouse {data_dir}; {a.runs} warm runs per page and way\n")
    print(
        f"floor, one-line page: reload {stats(reload['bare'])}, sidebar click {stats(click['bare'])}, "
        f"first load {first['bare']:,.0f} ms, {statistics.median(sent['bare']) / 1024:,.1f} KiB sent"
    )
    print(
        f"reference, one small plotly chart: reload {stats(reload['bare_chart'])} "
        f"({statistics.median(reload['bare_chart']) / floor_reload:.2f}× the floor)\n"
    )
    print(
        f"{'page':15} {'first':>8} {'reload med':>11} {'p95':>7} {'×floor':>7} {'click med':>10} {'p95':>7} "
        f"{'×floor':>7} {'script':>7} {'KiB':>7}"
    )
    for p in pages:
        r, c = reload[p.key], click[p.key]
        print(
            f"{p.key:15} {first[p.key]:>6,.0f}ms {statistics.median(r):>9,.0f}ms {np.percentile(r, 95):>5,.0f}ms "
            f"{statistics.median(r) / floor_reload:>6.2f}x {statistics.median(c):>8,.0f}ms "
            f"{np.percentile(c, 95):>5,.0f}ms {statistics.median(c) / floor_click:>6.2f}x "
            f"{statistics.median(scripts[p.key]):>5,.0f}ms {statistics.median(sent[p.key]) / 1024:>7,.1f}"
        )
    print("\njobs map interactions (target p95 ≤ 1,000 ms for the filter change and the level switch):")
    for label, xs in interactions.items():
        print(f"  {label}: {stats(xs)}; {statistics.median(sent[label]) / 1024:,.1f} KiB sent")


def map_interactions(page, wire: Wire, url: str, runs: int, payload: dict) -> dict[str, list[float]]:
    sel = MAIN["jobs_map"]
    out: dict[str, list[float]] = {"filter change (지표)": [], "level switch (시도↔시군구)": [], "region click": []}
    page.goto(f"{url}/jobs_map", wait_until="commit")
    _settled(page, sel)
    metrics = ["구인배수", "신규 구인인원"]
    for k in range(runs * 2):
        label = metrics[k % 2]
        box = page.get_by_role("combobox", name="지표", exact=True)

        def pick(box=box, label=label) -> None:
            box.click()
            page.get_by_role("option", name=label, exact=True).click()

        ms, nb = interact(page, wire, pick, f"() => {LEGEND_JS}.includes('{label} (')", sel)
        out["filter change (지표)"].append(ms)
        payload.setdefault("filter change (지표)", []).append(nb)
    for k in range(runs * 2):
        level = ["시군구", "시도"][k % 2]
        radio = page.locator('[data-testid="stRadio"]').filter(has_text="지역 수준")
        ms, nb = interact(
            page,
            wire,
            lambda radio=radio, level=level: radio.get_by_text(level, exact=True).click(),
            f"() => {LABELS_JS}.includes('{level} 선택(상세 분석)')",
            sel,
        )
        out["level switch (시도↔시군구)"].append(ms)
        payload.setdefault("level switch (시도↔시군구)", []).append(nb)
    for _ in range(runs):
        page.goto(f"{url}/jobs_map", wait_until="commit")  # no region selected
        _settled(page, sel)
        canvas = page.locator(sel).first
        box = canvas.bounding_box()
        ms, nb = interact(
            page,
            wire,
            lambda box=box: page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.45),
            "() => [...document.querySelectorAll('h2, h3')].some(h => h.textContent.trim().endsWith('상세 분석'))",
            sel,
        )
        out["region click"].append(ms)
        payload.setdefault("region click", []).append(nb)
    return out


# ---------------------------------------------------------------------------------------------- applicant tracking
ATS_APPLICANTS = 500
ATS_DUPLICATES = 25
ATS_PAGES = ("applicants", "ats_stats")
ATS_DAYS = 120
ATS_STEPS = {
    "applied": (("screened", 0.70), ("rejected", 0.20)),
    "screened": (("interview", 0.50), ("rejected", 0.30), ("on_hold", 0.10)),
    "on_hold": (("interview", 0.30), ("rejected", 0.50)),
    "interview": (("offer", 0.40), ("rejected", 0.40)),
    "offer": (("hired", 0.80), ("withdrawn", 0.10)),
}
"""Where an applicant goes next from each stage, with its chance (the rest stay); a stay lasts 5 days on average."""
DECIDED_STAGES = ("offer", "rejected", "hired", "withdrawn")
COUNTS_JS = (
    "[...document.querySelectorAll('[data-testid=\"stMarkdownContainer\"] p')]"
    ".map(e => e.textContent).filter(t => t.includes(' · ') && t.endsWith('명')).join('|')"
)
"""The board's column headings ('접수 · 93명'): what a card move changes."""


def seed_ats(data_dir: Path, store_url: str, n: int, dups: int, seed: int = 17) -> tuple[str, str, int]:
    """`n` applications of different seekers to the demo employer's newest posting (the one both pages open with),
    walked through the stages at random times over the last `ATS_DAYS` days, and `dups` second applications of the
    same people merged into their cards: (firm, posting, moves written)."""
    con = duckdb.connect(str(config.warehouse_db(data_dir)), read_only=True)
    try:
        firm = str(demo_orgs(con)["employer"])
        pid = str(postings.firm_postings(con, firm).posting_id.iat[0])
        sql = "SELECT seeker_id FROM seekers ORDER BY hash(seeker_id + ?) LIMIT ?"
        seekers = [r[0] for r in con.execute(sql, [seed, n]).fetchall()]
    finally:
        con.close()
    rng, now = random.Random(seed), datetime.now()
    apps, cards, moves, merged = [], [], [], []
    for sid in seekers:
        app_id, at = uuid.uuid4().hex[:16], now - timedelta(days=rng.uniform(0, ATS_DAYS))
        source = rng.choices(["recommended", "search", "direct"], [6, 3, 1])[0]
        apps.append(
            {
                "application_id": app_id,
                "seeker_id": str(sid),
                "posting_id": pid,
                "firm_id": firm,
                "applied_at": at,
                "status": "applied",
                "source": source,
                "fit_score": rng.randint(30, 95),
            }
        )
        path, stage, t = [(at, None, "applied")], "applied", at
        while stage in ATS_STEPS:
            r, nxt = rng.random(), None
            for cand, prob in ATS_STEPS[stage]:
                if r < prob:
                    nxt = cand
                    break
                r -= prob
            t = t + timedelta(days=rng.expovariate(1 / 5))
            if nxt is None or t >= now:
                break
            path.append((t, stage, nxt))
            stage = nxt
        for when, frm, to in path:
            moves.append(
                {
                    "move_id": uuid.uuid4().hex,
                    "application_id": app_id,
                    "posting_id": pid,
                    "firm_id": firm,
                    "moved_at": when,
                    "actor": "system" if frm is None else "local:bench_hr",
                    "from_stage": frm,
                    "to_stage": to,
                    "reason": "지원 접수" if frm is None else None,
                }
            )
        cards.append(
            {
                "application_id": app_id,
                "posting_id": pid,
                "firm_id": firm,
                "seeker_id": str(sid),
                "stage": stage,
                "version": len(path),
                "updated_at": path[-1][0],
                "hired_at": next((w for w, _, to in path if to == "hired"), None),
                "decided_at": next((w for w, _, to in path if to in DECIDED_STAGES), None),
            }
        )
    for a in rng.sample(apps, dups):  # the same person again through another channel: merged into their card
        again = min(a["applied_at"] + timedelta(days=rng.uniform(1, 10)), now)
        dup = {**a, "application_id": uuid.uuid4().hex[:16], "applied_at": again, "source": "search"}
        apps.append(dup)
        merged.append(
            {
                "application_id": dup["application_id"],
                "into_application_id": a["application_id"],
                "firm_id": firm,
                "merged_at": again,
            }
        )
    with db.engine(store_url).begin() as c:
        for table, rows in ((job_applications, apps), (ats_cards, cards), (ats_moves, moves), (ats_merged, merged)):
            c.execute(insert(table), rows)
    return firm, pid, len(moves)


def move_one_card(page, wire: Wire) -> tuple[float, int]:
    """Click the board's 옮기기 (the best-fitting applicant to the next stage) until the column counts change."""
    before = page.evaluate(f"() => {COUNTS_JS}")
    button = page.locator('[data-testid="stMain"] [data-testid="stButton"] button').first
    return interact(page, wire, button.click, f"() => {COUNTS_JS} !== {json.dumps(before)}", MAIN["applicants"])


def ats_script_times(data_dir: Path, store_url: str, firm: str, runs: int) -> dict[str, list[float]]:
    """The two pages' scripts alone (AppTest, signed in as the demo firm, warm caches)."""
    os.environ["GOYONG_DATA_DIR"] = str(data_dir)
    os.environ["GOYONG_STORE_URL"] = store_url
    at = AppTest.from_file(str(config.PROJECT_ROOT / "streamlit_app.py"), default_timeout=600)
    who = Identity("bench_employer", "employer", "벤치 기업 담당자", firm, "local")
    at.session_state[TOKEN_KEY] = Accounts(store_url).open_session(who)
    at.run()
    return time_switches(at, ATS_PAGES, runs, strict=True)


def ats_bench(data_dir: Path, runs: int, n: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="goyong-bench-ats-"))
    (work / "app").mkdir()
    store_url = f"sqlite:///{(work / 'app' / 'operational.sqlite').resolve()}"  # the store serve_app gives the server
    t = time.perf_counter()
    firm, pid, n_moves = seed_ats(data_dir, store_url, n, ATS_DUPLICATES)
    print(
        f"seeded {n} applicants + {ATS_DUPLICATES} merged duplicates, {n_moves} moves, posting {pid} of firm "
        f"{firm} in {time.perf_counter() - t:.1f} s"
    )
    first: dict[str, float] = {}
    reload: dict[str, list[float]] = {}
    click: dict[str, list[float]] = {}
    sent: dict[str, list[int]] = {}
    moved: list[float] = []
    title = {k: nav.spec(k).title for k in ATS_PAGES}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        measure_floor(browser, data_dir, work, runs, first, reload, click, sent)
        with serve_app(data_dir, work / "app") as url:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ko-KR")
            wire = Wire(page)
            t0 = time.perf_counter()
            page.goto(f"{url}/", wait_until="commit")
            sign_in(page, demo_user("employer"))
            signed = (_settled(page, "h1") - t0) * 1000  # the employer's first page drawn
            for key in ATS_PAGES:  # first visit of each after the server started: that page's caches cold
                first[key], _ = click_nav(page, wire, title[key], title[key], MAIN[key])
            for _ in range(runs):
                for key in ATS_PAGES:
                    ms, nb = click_nav(page, wire, title[key], title[key], MAIN[key])
                    click.setdefault(key, []).append(ms)
                    sent.setdefault(key, []).append(nb)
            click_nav(page, wire, title["applicants"], title["applicants"], MAIN["applicants"])
            for _ in range(runs):
                ms, nb = move_one_card(page, wire)
                moved.append(ms)
                sent.setdefault("move", []).append(nb)
            page.close()
        browser.close()
    scripts = ats_script_times(data_dir, store_url, firm, runs)
    floor_click = statistics.median(click["bare"])
    print(f"Chromium {CHROMIUM}, 1280×900; warehouse {data_dir}; {runs} warm runs per page\n")
    print(
        f"floor, one-line page: reload {stats(reload['bare'])}, sidebar click {stats(click['bare'])}, first load "
        f"{first['bare']:,.0f} ms; one small plotly chart: reload {stats(reload['bare_chart'])}"
    )
    print(f"sign-in as the demo employer until the first page is drawn: {signed:,.0f} ms\n")
    print(f"{'page':11} {'first':>8} {'click med':>10} {'p95':>7} {'×floor':>7} {'script':>7} {'KiB':>7}")
    for key in ATS_PAGES:
        c = click[key]
        print(
            f"{key:11} {first[key]:>6,.0f}ms {statistics.median(c):>8,.0f}ms {np.percentile(c, 95):>5,.0f}ms "
            f"{statistics.median(c) / floor_click:>6.2f}x {statistics.median(scripts[key]):>5,.0f}ms "
            f"{statistics.median(sent[key]) / 1024:>7,.1f}"
        )
    print(
        f"\nboard, one card moved (until the column counts change): {stats(moved)}; "
        f"{statistics.median(sent['move']) / 1024:,.1f} KiB sent"
    )
    print(f"targets: warm navigation ≤ 2× the floor ({2 * floor_click:,.0f} ms); first visit ≤ 3,000 ms")


if __name__ == "__main__":
    main()
