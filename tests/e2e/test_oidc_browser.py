"""Production sign-in in Chromium: Streamlit's OpenID Connect (`st.login`) against an offline provider.

The provider is `oidc-provider-mock` (a Flask app, on a thread of this process, on 127.0.0.1): it accepts any
client id and secret and signs an ID token for whatever subject is typed into its form, with the claims
registered for that subject beforehand. The app gets a temporary secrets.toml with Streamlit's `[auth]`
section (and `[goyong_auth]`), given to Streamlit by `--secrets.files` and to `config.secrets_file()` by
$GOYONG_SECRETS_FILE, so a developer's own `.streamlit/secrets.toml` plays no part.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from auth.accounts import IDLE_TIMEOUT
from auth.audit import AuditLog
from components import nav
from store.schema import sessions
from tests.e2e.browser import REQUIRES_CHROMIUM, RESULTS, assert_no_exception, browser_page, serve_app, wait_idle

oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
werkzeug_serving = pytest.importorskip("werkzeug.serving")
pytest.importorskip("authlib")  # st.login needs it (streamlit[auth])

pytestmark = REQUIRES_CHROMIUM
URLS = {p.key: p.url_path for p in nav.PAGES}
TITLES = {p.key: p.title for p in nav.PAGES}
DATA_PAGES = ("catalog", "data_import", "audit")
USERS = {
    "counsellor-kim": {"name": "김상담", "role": "counsellor", "org": "11"},
    "intern-lee": {"name": "이인턴", "role": "intern", "org": "11"},  # a role this app does not know
}
OIDC_BUTTON = "기관 계정으로 로그인(OpenID Connect)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """The mock OpenID provider on a free port of 127.0.0.1; its base URL."""
    server = werkzeug_serving.make_server("127.0.0.1", 0, oidc_provider_mock.app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        for sub, claims in USERS.items():  # the claims the ID token will carry for each subject
            req = urllib.request.Request(
                f"{base}/users/{sub}",
                data=json.dumps(claims).encode(),
                method="PUT",
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(req, timeout=10) as r:
                assert r.status == 204
        yield base
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


@dataclass(frozen=True)
class App:
    url: str
    store_url: str  # the app's operational store (sessions, audit trail)


@pytest.fixture(scope="module")
def oidc_app(provider: str, small_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """The app with OIDC configured against `provider` (and the demo accounts off)."""
    work = tmp_path_factory.mktemp("oidc")
    port = _free_port()
    secrets = work / "secrets.toml"
    secrets.write_text(
        f"""[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "e2e-cookie-secret-0123456789abcdef"
client_id = "goyong-ai"
client_secret = "e2e-client-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[goyong_auth]
demo_accounts = false
role_claim = "role"
org_claim = "org"
[goyong_auth.role_values]
counsellor = ["counsellor", "상담사"]
""",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("GOYONG_DEMO_ACCOUNTS", raising=False)  # the secrets file decides, as in production
        with serve_app(
            small_data_dir,
            work,
            port=port,
            extra_args=["--secrets.files", str(secrets)],
            env={"GOYONG_SECRETS_FILE": str(secrets)},
        ) as url:
            yield App(url, f"sqlite:///{(work / 'operational.sqlite').resolve()}")  # as serve_app sets it


def _sign_in(page, app_url: str, provider: str, sub: str) -> None:
    """From the app's sign-in screen through the provider's form and back to the app."""
    page.goto(f"{app_url}/", wait_until="domcontentloaded")
    button = page.get_by_role("button", name=OIDC_BUTTON)
    expect(button).to_be_visible()
    wait_idle(page)
    # [goyong_auth] demo_accounts = false reached the app's own config: no demo notice
    expect(page.get_by_text("데모 계정")).to_have_count(0)
    button.click()
    page.wait_for_url(re.compile(re.escape(f"{provider}/oauth2/authorize")))
    page.get_by_placeholder("sub").fill(sub)
    page.get_by_role("button", name="Authorize", exact=True).click()
    page.wait_for_url(re.compile(rf"^{re.escape(app_url)}/?($|\?)"))
    page.wait_for_load_state("domcontentloaded")


def _end_provider_session(page, app_url: str, provider: str) -> None:
    """st.logout sends the browser to the provider's end-session page (the mock asks to confirm), then back."""
    page.wait_for_url(re.compile(re.escape(f"{provider}/oauth2/end_session")))
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(re.compile(rf"^{re.escape(app_url)}/"))
    expect(page.get_by_role("button", name=OIDC_BUTTON)).to_be_visible()
    wait_idle(page)


def _logins(app: App, sub: str) -> int:
    log = AuditLog(app.store_url).search(action="login")
    return int((log["actor"] == f"oidc:{sub}").sum())


def test_a_counsellor_signs_in_with_openid_connect(oidc_app: App, provider: str) -> None:
    app = oidc_app
    with browser_page() as (page, errors, _console):
        _sign_in(page, app.url, provider, "counsellor-kim")
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar).to_contain_text("김상담")
        expect(sidebar).to_contain_text("상담사")
        expect(sidebar.get_by_role("button", name="로그아웃")).to_be_visible()
        sidenav = page.locator('[data-testid="stSidebarNav"]')
        expect(sidenav).to_contain_text(TITLES["caseload"])
        for key in DATA_PAGES:
            expect(sidenav.get_by_text(TITLES[key], exact=True)).to_have_count(0)
        wait_idle(page)
        assert_no_exception(page, "after the OIDC sign-in", errors)
        page.screenshot(path=str(RESULTS / "oidc-counsellor.png"), full_page=True)

        page.goto(f"{app.url}/{URLS['data_import']}", wait_until="domcontentloaded")
        main = page.locator("[data-testid='stMain']").first
        expect(main).to_contain_text("권한이 없습니다")
        wait_idle(page)
        expect(main).not_to_contain_text("검증된 행 가져오기")
        assert_no_exception(page, "on a page outside the role", errors)

        # sign out: the app's session ends, Streamlit's identity cookie goes, the provider ends its session
        page.locator('[data-testid="stSidebar"]').get_by_role("button", name="로그아웃").click()
        _end_provider_session(page, app.url, provider)
        page.goto(f"{app.url}/", wait_until="domcontentloaded")  # a new session: still signed out
        expect(page.get_by_role("button", name=OIDC_BUTTON)).to_be_visible()
        wait_idle(page)
        expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)
        assert_no_exception(page, "after signing out", errors)
    log = AuditLog(app.store_url).search(actor="김상담")
    assert {"login", "denied", "logout"} <= set(log["action"])
    assert set(log["actor"]) == {"oidc:counsellor-kim"}
    assert set(log.loc[log["action"] == "login", "detail"]) == {"oidc"}
    assert list(log.loc[log["action"] == "denied", "page"]) == ["data_import"]


def test_an_identity_without_a_known_role_is_refused(oidc_app: App, provider: str) -> None:
    with browser_page() as (page, errors, _console):
        _sign_in(page, oidc_app.url, provider, "intern-lee")
        main = page.locator("[data-testid='stMain']").first
        expect(main).to_contain_text("역할이 없습니다")
        wait_idle(page)
        expect(main.get_by_role("button", name="로그아웃")).to_be_visible()
        expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)  # no menu: st.navigation never ran
        expect(main.locator("h1")).to_have_count(0)  # neither a page nor the sign-in screen
        expect(page.get_by_text("이인턴")).to_have_count(0)
        assert_no_exception(page, "after refusing the identity", errors)
        page.screenshot(path=str(RESULTS / "oidc-no-role.png"), full_page=True)
        assert _logins(oidc_app, "intern-lee") == 0
        main.get_by_role("button", name="로그아웃").click()
        _end_provider_session(page, oidc_app.url, provider)


def test_an_expired_session_is_not_resumed_from_the_identity_cookie(oidc_app: App, provider: str) -> None:
    """The store ends an idle session; Streamlit's identity cookie (30 days) must not sign the next run back in."""
    app = oidc_app
    with browser_page() as (page, errors, _console):
        _sign_in(page, app.url, provider, "counsellor-kim")
        expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("김상담")
        wait_idle(page)
        logins = _logins(app, "counsellor-kim")
        with sa.create_engine(app.store_url).begin() as con:  # as if idle for longer than the timeout
            con.execute(
                sa.update(sessions)
                .where(sessions.c.subject == "counsellor-kim", sessions.c.closed_at.is_(None))
                .values(last_seen_at=datetime.now() - IDLE_TIMEOUT - timedelta(minutes=1))
            )
        page.locator('[data-testid="stSidebarNav"]').get_by_text(TITLES["posting_search"]).click()
        _end_provider_session(page, app.url, provider)  # the expired run signed out of Streamlit too
        page.get_by_role("button", name="로그인", exact=True).click()  # any rerun, here an empty local form
        wait_idle(page)
        main = page.locator("[data-testid='stMain']").first
        expect(main).to_contain_text("아이디 또는 비밀번호가 맞지 않습니다")
        page.reload(wait_until="domcontentloaded")  # a new session: no identity cookie left
        expect(page.get_by_role("button", name=OIDC_BUTTON)).to_be_visible()
        wait_idle(page)
        expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)
        assert _logins(app, "counsellor-kim") == logins
        assert_no_exception(page, "after the session expired", errors)
