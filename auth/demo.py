"""Demo accounts, one per role, created on first start (`make run`) and switchable off by configuration.

Each is bound to a real record of the current warehouse so its pages show something: the seeker to a
recently registered seeker of Seoul, the employer to a firm posting in Seoul, the counsellor to the Seoul
centre. The password is public (printed by `make run`, shown on the sign-in page) — demo accounts are
for trying the app, so a deployment turns them off (`GOYONG_DEMO_ACCOUNTS=0` or `[goyong_auth]
demo_accounts = false`), which also deactivates any already created.
"""

from __future__ import annotations

import duckdb

import config
from auth.accounts import Accounts

DEMO_PASSWORD = "goyong-demo-2026"
DEMO_CENTRE = "11"
DEMO = {
    "seeker": ("seeker_demo", "시연 구직자"),
    "employer": ("employer_demo", "시연 기업 담당자"),
    "counsellor": ("counsellor_demo", "시연 상담사"),
    "policy": ("policy_demo", "시연 정책 분석가"),
    "data_admin": ("admin_demo", "시연 데이터 관리자"),
}


def demo_orgs(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """The record each demo identity is bound to, chosen from the warehouse (deterministic)."""
    seeker = con.execute(
        """SELECT seeker_id FROM seekers WHERE sido_code = ? AND registered_date >
           (SELECT max(registered_date) FROM seekers) - INTERVAL 120 DAY ORDER BY seeker_id LIMIT 1""",
        [DEMO_CENTRE],
    ).fetchall()
    firm = con.execute(
        "SELECT firm_id FROM postings WHERE sido_code = ? GROUP BY firm_id ORDER BY count(*) DESC, firm_id LIMIT 1",
        [DEMO_CENTRE],
    ).fetchall()
    return {
        "seeker": str(seeker[0][0]) if seeker else None,
        "employer": str(firm[0][0]) if firm else None,
        "counsellor": DEMO_CENTRE,
        "policy": None,
        "data_admin": None,
    }


def ensure_demo_accounts(data_dir: config.PathLike | None = None, store: str | None = None) -> list[dict]:
    """Create the missing demo accounts (or switch them all off when configured so); returns the active ones."""
    acc = Accounts(store or config.store_url(data_dir))
    if not config.demo_accounts_enabled():
        acc.set_demo_active(False)
        return []
    acc.set_demo_active(True)
    missing = [r for r, (user, _n) in DEMO.items() if not acc.exists(user)]
    if missing:
        con = duckdb.connect(str(config.warehouse_db(data_dir)), read_only=True)
        try:
            orgs = demo_orgs(con)
        finally:
            con.close()
        for role in missing:
            user, name = DEMO[role]
            acc.create(user, DEMO_PASSWORD, role, name, orgs[role], demo=True)
    return acc.demo_accounts()
