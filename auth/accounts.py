"""Local accounts (the offline default): argon2 password hashes, rate-limited sign-in, expiring sessions.

- Passwords are hashed with argon2id (`argon2-cffi`, the reference implementation's binding); an unknown
  user name costs the same hash verification as a wrong password, so timing does not reveal accounts.
- Five failed attempts within 15 minutes lock the name for the rest of that window (`MAX_FAILURES`).
- A session is a random token (kept only in the server-side Streamlit session state); the store keeps its
  SHA-256, so a copied table opens no session. It ends after 30 idle minutes or 8 hours in all.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, insert, select, update

from auth.identity import Identity
from auth.roles import ORG_MEANING, ROLES
from data_catalog.errors import UserError
from store import db
from store.schema import accounts, login_attempts, sessions

MAX_FAILURES = 5
LOCK_WINDOW = timedelta(minutes=15)
IDLE_TIMEOUT = timedelta(minutes=30)
MAX_SESSION = timedelta(hours=8)
MIN_PASSWORD = 10
TOUCH_EVERY = timedelta(minutes=1)
"""How stale `last_seen_at` may get before a resumed session writes it again (idle time is minutes)."""

_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("not-a-real-password")


class LoginError(UserError):
    """Wrong name or password, a locked name, or an inactive account (the message never says which name exists)."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = db.engine(target)

    # accounts ---------------------------------------------------------------------------------------
    def create(
        self, username: str, password: str, role: str, display_name: str, org: str | None = None, *, demo: bool = False
    ) -> None:
        if role not in ROLES:
            raise UserError(f"알 수 없는 역할입니다: {role}", f"unknown role {role}")
        if ORG_MEANING[role] and not org:
            raise UserError(f"{ROLES.ko(role)} 계정에는 소속({ORG_MEANING[role]})이 필요합니다.", "org required")
        if len(password) < MIN_PASSWORD:
            raise UserError(f"비밀번호는 {MIN_PASSWORD}자 이상이어야 합니다.", "password too short")
        with self.engine.begin() as con:
            con.execute(
                insert(accounts).values(
                    username=username,
                    password_hash=_HASHER.hash(password),
                    role=role,
                    org_id=org,
                    display_name=display_name,
                    is_demo=demo,
                    active=True,
                    created_at=datetime.now(),
                )
            )

    def exists(self, username: str) -> bool:
        with self.engine.connect() as con:
            return con.execute(select(accounts.c.username).where(accounts.c.username == username)).first() is not None

    def set_demo_active(self, active: bool) -> int:
        """Switch every demo account on or off (configuration); returns how many there are."""
        with self.engine.begin() as con:
            return con.execute(update(accounts).where(accounts.c.is_demo).values(active=active)).rowcount

    def demo_accounts(self) -> list[dict]:
        with self.engine.connect() as con:
            rows = con.execute(
                select(accounts.c.username, accounts.c.role, accounts.c.display_name, accounts.c.org_id)
                .where(accounts.c.is_demo, accounts.c.active)
                .order_by(accounts.c.username)
            ).mappings()
            return [dict(r) for r in rows]

    # sign-in ----------------------------------------------------------------------------------------
    def _recent_failures(self, con, username: str, now: datetime) -> int:
        last_ok = (
            select(func.max(login_attempts.c.at))
            .where(login_attempts.c.username == username, login_attempts.c.ok)
            .scalar_subquery()
        )
        return con.execute(
            select(func.count()).where(
                login_attempts.c.username == username,
                ~login_attempts.c.ok,
                login_attempts.c.at > now - LOCK_WINDOW,
                login_attempts.c.at > func.coalesce(last_ok, now - LOCK_WINDOW),  # a success resets the count
            )
        ).scalar()

    def authenticate(self, username: str, password: str, now: datetime | None = None) -> Identity:
        now = now or datetime.now()
        username = (username or "").strip()
        with self.engine.begin() as con:
            if self._recent_failures(con, username, now) >= MAX_FAILURES:
                raise LoginError(
                    f"로그인을 {MAX_FAILURES}번 잘못 시도해 이 계정은 {int(LOCK_WINDOW.total_seconds() // 60)}분 동안 "
                    "잠겼습니다. 잠시 뒤 다시 시도해 주세요.",
                    "too many failed attempts",
                )
            row = con.execute(select(accounts).where(accounts.c.username == username)).mappings().first()
            ok = False
            try:
                ok = _HASHER.verify(row["password_hash"] if row else _DUMMY_HASH, password or "") and row is not None
            except (VerificationError, InvalidHashError):
                ok = False
            ok = ok and bool(row["active"])
            con.execute(insert(login_attempts).values(username=username, at=now, ok=ok))
        if not ok:
            raise LoginError("아이디 또는 비밀번호가 맞지 않습니다.", "wrong user name or password")
        return Identity(row["username"], row["role"], row["display_name"], row["org_id"], "local")

    # sessions ---------------------------------------------------------------------------------------
    def open_session(self, ident: Identity, now: datetime | None = None) -> str:
        now = now or datetime.now()
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as con:
            con.execute(
                insert(sessions).values(
                    token_hash=_digest(token),
                    subject=ident.subject,
                    role=ident.role,
                    org_id=ident.org,
                    display_name=ident.name,
                    source=ident.source,
                    created_at=now,
                    last_seen_at=now,
                )
            )
        return token

    def resume(self, token: str | None, now: datetime | None = None) -> Identity | None:
        """The session's identity if it is open and neither idle too long nor too old (then refreshed)."""
        if not token:
            return None
        now = now or datetime.now()
        with self.engine.begin() as con:
            row = con.execute(select(sessions).where(sessions.c.token_hash == _digest(token))).mappings().first()
            if row is None or row["closed_at"] is not None:
                return None
            if now - row["last_seen_at"] > IDLE_TIMEOUT or now - row["created_at"] > MAX_SESSION:
                con.execute(update(sessions).where(sessions.c.token_hash == row["token_hash"]).values(closed_at=now))
                return None
            if now - row["last_seen_at"] > TOUCH_EVERY:  # every rerun reads; a write once a minute is enough
                con.execute(update(sessions).where(sessions.c.token_hash == row["token_hash"]).values(last_seen_at=now))
        return Identity(row["subject"], row["role"], row["display_name"], row["org_id"], row["source"])

    def close_session(self, token: str | None) -> None:
        if token:
            with self.engine.begin() as con:
                con.execute(
                    update(sessions).where(sessions.c.token_hash == _digest(token)).values(closed_at=datetime.now())
                )
