"""The sign-in screen: wrong passwords get a Korean message and are logged, the right one opens the role's pages."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

import config
from auth.accounts import Accounts
from auth.audit import AuditLog
from tests.pages.apptest import APP


def _sign_in(at: AppTest, user: str, password: str) -> AppTest:
    at.text_input(key="login_user").input(user)
    at.text_input(key="login_password").input(password)
    next(b for b in at.button if b.label == "로그인").click().run()
    return at


def test_local_sign_in_and_out(app_env, monkeypatch):
    monkeypatch.setenv("GOYONG_DEMO_ACCOUNTS", "0")
    Accounts(config.store_url()).create("kim_c", "a long password", "counsellor", "김상담", "11")
    at = AppTest.from_file(APP, default_timeout=120).run()
    _sign_in(at, "kim_c", "wrong password")
    assert any("맞지 않습니다" in e.value for e in at.error) and at.title[0].value == "고용AI 로그인"
    assert not any("데모 계정" in i.value for i in at.info)  # switched off: not offered
    _sign_in(at, "kim_c", "a long password")
    assert not at.exception and at.title[0].value != "고용AI 로그인"
    assert any("김상담" in c.value for c in at.sidebar.caption)
    log = AuditLog(config.store_url()).search()
    assert log["action"].tolist()[:2] == ["login", "login_failed"]  # newest first
    next(b for b in at.button if b.key == "logout").click().run()
    assert at.title[0].value == "고용AI 로그인"
    assert AuditLog(config.store_url()).search()["action"].iloc[0] == "logout"


def test_the_demo_notice_lists_one_account_per_role(app_env, monkeypatch, small_data_dir):
    from auth.demo import DEMO, ensure_demo_accounts  # noqa: PLC0415 - only this test creates demo accounts

    monkeypatch.delenv("GOYONG_DEMO_ACCOUNTS", raising=False)
    ensure_demo_accounts(small_data_dir, config.store_url())
    at = AppTest.from_file(APP, default_timeout=120).run()
    notice = next(i.value for i in at.info if "데모 계정" in i.value)
    assert all(user in notice for user, _name in DEMO.values())
