"""The signed-in identity of a session, and how an OpenID Connect identity's claims become one.

Production sign-in is Streamlit's `st.login` (OIDC); the provider's ID-token claims arrive as `st.user`.
`from_claims` maps them to a role and an organisation by rules in `.streamlit/secrets.toml`:

    [goyong_auth]
    role_claim = "role"          # claim holding the role (a string or a list, e.g. groups)
    org_claim = "org"            # claim holding the seeker id, firm id or centre code
    [goyong_auth.role_values]    # claim value → role; a value not listed is no role
    counsellor = ["counsellor", "상담사", "goyong-counsellors"]
    data_admin = ["data-admin"]

An identity whose claims name no known role is refused (a Korean message), never given a default role.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from auth.roles import ORG_MEANING, ROLES
from data_catalog.errors import UserError


@dataclass(frozen=True)
class Identity:
    subject: str  # local username, or the provider's `sub`
    role: str
    name: str
    org: str | None = None
    source: str = "local"  # local | oidc

    def label_ko(self) -> str:
        return f"{self.name}({ROLES.ko(self.role)})"

    @property
    def actor(self) -> str:
        """Who the audit trail names: unique across sign-in sources."""
        return f"{self.source}:{self.subject}"


DEFAULT_MAPPING = {"role_claim": "role", "org_claim": "org", "role_values": {r: [r, ROLES[r]] for r in ROLES}}


def from_claims(claims: Mapping, mapping: Mapping | None = None) -> Identity:
    """An OIDC identity's claims → Identity; UserError in Korean if no role can be found."""
    m = {**DEFAULT_MAPPING, **(mapping or {})}
    raw = claims.get(m["role_claim"])
    values = [raw] if isinstance(raw, str) else list(raw or [])
    accepted = {r: {v} if isinstance(v, str) else set(v) for r, v in m["role_values"].items()}  # "x" is ["x"]
    roles = [r for r in ROLES if any(str(v) in {str(x) for x in accepted.get(r, ())} for v in values)]
    if not roles:
        raise UserError(
            "로그인한 계정에 이 앱의 역할이 없습니다. 관리자에게 역할(구직자·기업·상담사·정책·분석·데이터 "
            "관리자) 부여를 요청해 주세요.",
            f"no known role in claim {m['role_claim']!r}: {raw!r}",
        )
    if len(roles) > 1:
        raise UserError(
            f"계정에 역할이 여러 개입니다({', '.join(ROLES.ko(r) for r in roles)}). 한 역할만 부여해 주세요.",
            f"several roles in claim {m['role_claim']!r}",
        )
    role = roles[0]
    org = claims.get(m["org_claim"])
    if ORG_MEANING[role] and not org:
        raise UserError(
            f"{ROLES.ko(role)} 계정에는 소속({ORG_MEANING[role]})이 필요하지만 '{m['org_claim']}' 항목이 없습니다.",
            f"claim {m['org_claim']!r} required for role {role}",
        )
    subject = str(claims.get("sub") or claims.get("email") or "")
    if not subject:
        raise UserError("로그인 정보에 사용자 식별자(sub)가 없습니다.", "no 'sub' claim")
    name = str(claims.get("name") or claims.get("preferred_username") or claims.get("email") or subject)
    return Identity(subject, role, name, str(org) if org else None, "oidc")
