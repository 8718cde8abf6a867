"""Sign-in, the signed-in identity of this browser session, and the page guard the router applies.

Two ways in: Streamlit's OpenID Connect sign-in (`st.login`) when `[auth]` is configured in
`.streamlit/secrets.toml` (claims mapped to a role by `auth.identity.from_claims`), and local accounts
(`auth.accounts`) — the offline default, with demo accounts unless configured off. The session keeps only
a random token; each run resumes it from the operational store, so idle or old sessions end there.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

import config
from auth.accounts import MAX_SESSION, Accounts, LoginError
from auth.audit import AuditLog
from auth.demo import DEMO_PASSWORD
from auth.identity import Identity, from_claims
from auth.roles import ROLES
from components.text import plain
from data_catalog.errors import UserError

IDENTITY_KEY = "identity"
TOKEN_KEY = "auth_token"


def _accounts() -> Accounts:
    return Accounts(config.store_url())


def audit() -> AuditLog:
    return AuditLog(config.store_url())


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return False


def current() -> Identity | None:
    """The identity of this session, or None (never signed in, signed out, or the session expired)."""
    if oidc_configured() and getattr(st.user, "is_logged_in", False) and TOKEN_KEY not in st.session_state:
        claims = st.user.to_dict()
        signed_at = claims.get("auth_time") or claims.get("iat")
        if signed_at and datetime.now().timestamp() - float(signed_at) > MAX_SESSION.total_seconds():
            st.logout()  # Streamlit's identity cookie outlives our 8-hour limit: authenticate at the provider again
        try:
            ident = from_claims(claims, config.auth_settings())
        except UserError as e:
            st.error(plain(e.ko))
            st.button("로그아웃", on_click=st.logout)
            st.stop()
        st.session_state[TOKEN_KEY] = _accounts().open_session(ident)
        audit().record(ident, "login", detail="oidc")
    ident = _accounts().resume(st.session_state.get(TOKEN_KEY))
    if ident is None and st.session_state.pop(TOKEN_KEY, None) is not None:
        st.session_state["auth_expired"] = True
        if oidc_configured() and getattr(st.user, "is_logged_in", False):
            st.logout()  # else Streamlit's identity cookie signs the next rerun straight back in
    st.session_state[IDENTITY_KEY] = ident
    return ident


def identity() -> Identity:
    """The signed-in identity (pages run only after the router signed the session in)."""
    ident = st.session_state.get(IDENTITY_KEY)
    if ident is None:
        st.error("로그인이 필요합니다.")
        st.stop()
    return ident


def user_label() -> str:
    """Who is using this session, as exports and the audit trail name them ('이름(역할)')."""
    ident = st.session_state.get(IDENTITY_KEY)
    return ident.label_ko() if ident is not None else "로그인하지 않은 사용자"


def sign_in_page() -> None:
    """The sign-in screen: OIDC button when configured, the local form, the demo notice; then stops."""
    st.title("고용AI 로그인")
    if st.session_state.pop("auth_expired", False):
        st.warning("오랫동안 사용하지 않아 로그아웃되었습니다. 다시 로그인해 주세요.")
    if oidc_configured():
        st.button("기관 계정으로 로그인(OpenID Connect)", type="primary", on_click=st.login, key="oidc_login")
    with st.form("local_login"):
        user = st.text_input("아이디", key="login_user")
        password = st.text_input("비밀번호", type="password", key="login_password")
        submitted = st.form_submit_button("로그인", type="secondary" if oidc_configured() else "primary")
    if submitted:
        try:
            ident = _accounts().authenticate(user, password)
        except LoginError as e:
            audit().record(None, "login_failed", subject=user[:60])
            st.error(plain(e.ko))
        else:
            st.session_state[TOKEN_KEY] = _accounts().open_session(ident)
            audit().record(ident, "login")
            st.rerun()
    demo = _accounts().demo_accounts() if config.demo_accounts_enabled() else []
    if demo:
        st.info(
            "**데모 계정** — 시연용 계정입니다(비밀번호는 모두 `"
            + DEMO_PASSWORD
            + "`). 실제 서비스에서는 `GOYONG_DEMO_ACCOUNTS=0`으로 끕니다.\n\n"
            + "\n".join(f"- {ROLES.ko(d['role'])}: `{d['username']}`" for d in demo)
        )
    st.stop()


def sign_out() -> None:
    ident = st.session_state.get(IDENTITY_KEY)
    _accounts().close_session(st.session_state.pop(TOKEN_KEY, None))
    st.session_state.pop(IDENTITY_KEY, None)
    if ident is not None:
        audit().record(ident, "logout")
    for key in list(st.session_state):  # the next person in this tab starts afresh (a conversation, an answer)
        if key != "logout":
            del st.session_state[key]
    if ident is not None and ident.source == "oidc":
        st.logout()


def sidebar(ident: Identity) -> None:
    with st.sidebar:
        st.caption(f"{plain(ident.name)} · {ROLES.ko(ident.role)}")
        if ident.source == "local" and ident.subject.endswith("_demo"):
            st.caption("데모 계정으로 로그인했습니다.")
        st.button("로그아웃", on_click=sign_out, key="logout")


def deny(ident: Identity, page_key: str | None) -> None:
    """'권한이 없습니다' and nothing else; the attempt goes to the audit trail."""
    audit().record(ident, "denied", page=page_key)
    st.error("권한이 없습니다. 이 화면은 현재 역할에서 볼 수 없습니다.")
    st.stop()


def record_view(ident: Identity, record_type: str, record_id: object, page: str, reason: str | None = None) -> None:
    """Log a view of one person's record — once per session and record (a rerun is not a second look)."""
    seen = st.session_state.setdefault("_audited_views", set())
    key = (record_type, str(record_id), page, reason)
    if key not in seen:
        audit().record(ident, "view", record_type, record_id, page, reason=reason)
        seen.add(key)
