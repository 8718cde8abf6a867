"""Sign-in widgets and the signed-in identity of this browser session (filled in by the router)."""

from __future__ import annotations

import streamlit as st

IDENTITY_KEY = "identity"


def user_label() -> str:
    """Who is using this session, as exports and the audit trail name them ('이름(역할)')."""
    ident = st.session_state.get(IDENTITY_KEY)
    return ident.label_ko() if ident is not None else "로그인하지 않은 사용자"
