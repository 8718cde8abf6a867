"""CLI: python -m auth demo [--data-dir data]   |   python -m auth add-user NAME --role ROLE [--org ID]

`demo` creates the demo accounts if missing (what `make run` does) and prints how to sign in, or says they
are switched off. `add-user` creates a real local account; the password is asked for, never an argument.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence

import config
from auth.accounts import Accounts
from auth.demo import DEMO_PASSWORD, ensure_demo_accounts
from auth.roles import ROLES
from data_catalog.errors import KoArgumentParser, UserError, run_cli


def _main(argv: Sequence[str] | None = None) -> None:
    ap = KoArgumentParser(prog="python -m auth", description="계정 관리 (accounts)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("demo", help="create the demo accounts if missing and print how to sign in")
    d.add_argument("--data-dir", default=None)
    u = sub.add_parser("add-user", help="create a local account (password asked interactively)")
    u.add_argument("username")
    u.add_argument("--role", required=True, choices=list(ROLES))
    u.add_argument("--name", required=True, help="표시 이름")
    u.add_argument("--org", default=None, help="seeker_id (구직자), firm_id (기업) or centre code (상담사)")
    u.add_argument("--data-dir", default=None)
    a = ap.parse_args(argv)
    if a.cmd == "demo":
        active = ensure_demo_accounts(a.data_dir)
        if not active:
            print("데모 계정이 꺼져 있습니다(GOYONG_DEMO_ACCOUNTS 또는 [goyong_auth] demo_accounts).")
            return
        print(f"데모 계정 (비밀번호 모두 '{DEMO_PASSWORD}'; 배포할 때는 GOYONG_DEMO_ACCOUNTS=0 으로 끄세요):")
        for r in active:
            print(f"  {ROLES.ko(r['role'])}: {r['username']}")
        return
    password = getpass.getpass("비밀번호: ")
    if password != getpass.getpass("비밀번호 확인: "):
        raise UserError("비밀번호가 서로 다릅니다.", "passwords differ")
    Accounts(config.store_url(a.data_dir)).create(a.username, password, a.role, a.name, a.org)
    print(f"계정을 만들었습니다: {a.username} ({ROLES.ko(a.role)})")


def main(argv: Sequence[str] | None = None) -> None:
    run_cli(_main, argv)


if __name__ == "__main__":
    main()
