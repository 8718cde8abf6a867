"""Local accounts: hashed passwords, rate-limited sign-in, expiring sessions, demo accounts that can be switched off."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from auth import demo
from auth.accounts import IDLE_TIMEOUT, MAX_FAILURES, MAX_SESSION, Accounts, LoginError
from data_catalog.errors import UserError
from store.schema import accounts


def test_passwords_are_stored_as_argon2_hashes_only(store_url):
    acc = Accounts(store_url)
    acc.create("kim", "correct horse battery", "counsellor", "김상담", "11")
    with acc.engine.connect() as con:
        stored = con.execute(select(accounts.c.password_hash)).scalar()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    ident = acc.authenticate("kim", "correct horse battery")
    assert (ident.role, ident.org, ident.name, ident.source) == ("counsellor", "11", "김상담", "local")
    with pytest.raises(LoginError, match="맞지 않습니다"):
        acc.authenticate("kim", "wrong password!")
    with pytest.raises(LoginError, match="맞지 않습니다"):  # the same message: the name's existence is not revealed
        acc.authenticate("nobody", "whatever123")


def test_accounts_are_checked_when_created(store_url):
    acc = Accounts(store_url)
    with pytest.raises(UserError, match="10자 이상"):
        acc.create("a", "short", "policy", "A")
    with pytest.raises(UserError, match="소속"):
        acc.create("b", "long enough pw", "seeker", "B")  # a seeker account is bound to its own record
    with pytest.raises(UserError, match="알 수 없는 역할"):
        acc.create("c", "long enough pw", "root", "C")


def test_sign_in_is_rate_limited_and_a_success_resets_it(store_url):
    acc = Accounts(store_url)
    acc.create("lee", "the right password", "policy", "이분석")
    t0 = datetime(2026, 12, 1, 9, 0)
    for k in range(MAX_FAILURES):
        with pytest.raises(LoginError, match="맞지 않습니다"):
            acc.authenticate("lee", "nope", now=t0 + timedelta(seconds=k))
    with pytest.raises(LoginError, match="잠겼습니다"):  # even the right password is refused while locked
        acc.authenticate("lee", "the right password", now=t0 + timedelta(minutes=1))
    assert acc.authenticate("lee", "the right password", now=t0 + timedelta(minutes=16)).subject == "lee"
    with pytest.raises(LoginError, match="맞지 않습니다"):  # the success reset the count
        acc.authenticate("lee", "nope", now=t0 + timedelta(minutes=17))


def test_sessions_expire_when_idle_or_old_and_end_on_sign_out(store_url):
    acc = Accounts(store_url)
    acc.create("park", "the right password", "data_admin", "박관리")
    ident = acc.authenticate("park", "the right password")
    t0 = datetime(2026, 12, 1, 9, 0)
    token = acc.open_session(ident, now=t0)
    assert acc.resume(token, now=t0 + IDLE_TIMEOUT - timedelta(minutes=1)) == ident
    assert acc.resume(token, now=t0 + 2 * IDLE_TIMEOUT - timedelta(minutes=2)) == ident  # use keeps it alive
    assert acc.resume(token, now=t0 + 2 * IDLE_TIMEOUT - timedelta(minutes=2) + IDLE_TIMEOUT * 2) is None
    old = acc.open_session(ident, now=t0)
    now = t0
    while now < t0 + MAX_SESSION - timedelta(minutes=20):
        now += timedelta(minutes=20)
        assert acc.resume(old, now=now) == ident
    assert acc.resume(old, now=t0 + MAX_SESSION + timedelta(minutes=1)) is None  # eight hours at most
    fresh = acc.open_session(ident)
    acc.close_session(fresh)
    assert acc.resume(fresh) is None and acc.resume("forged-token") is None and acc.resume(None) is None


def test_demo_accounts_are_created_once_and_can_be_switched_off(small_data_dir, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'ops.sqlite'}"
    monkeypatch.delenv("GOYONG_DEMO_ACCOUNTS", raising=False)
    active = demo.ensure_demo_accounts(small_data_dir, url)
    assert {a["role"] for a in active} == set(demo.DEMO) and all(
        a["org_id"] or a["role"] in ("policy", "data_admin") for a in active
    )
    assert demo.ensure_demo_accounts(small_data_dir, url) == active  # idempotent
    acc = Accounts(url)
    assert acc.authenticate("counsellor_demo", demo.DEMO_PASSWORD).org == demo.DEMO_CENTRE
    monkeypatch.setenv("GOYONG_DEMO_ACCOUNTS", "0")
    assert demo.ensure_demo_accounts(small_data_dir, url) == []
    with pytest.raises(LoginError):
        acc.authenticate("counsellor_demo", demo.DEMO_PASSWORD)  # switched off means no sign-in
