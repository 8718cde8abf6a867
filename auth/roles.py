"""The app's roles, with their Korean names, and what the organisation of an identity means for each.

Least access: a seeker sees only their own record, an employer only their firm, a counsellor only the
seekers of their own centre, policy makers only aggregates, data managers the catalog, imports and the
audit trail. Which pages each role may open is listed with the pages (`components/nav.py`).
"""

from __future__ import annotations

from data_catalog.spec import Codes

ROLES = Codes(
    {
        "seeker": "구직자",
        "employer": "기업",
        "counsellor": "상담사",
        "policy": "정책·분석",
        "data_admin": "데이터 관리자",
    }
)
ORG_MEANING = {
    "seeker": "seeker_id",
    "employer": "firm_id",
    "counsellor": "centre",
    "policy": None,
    "data_admin": None,
}
"""What `Identity.org` holds per role: a seeker's own id, the employer's firm id, the counsellor's centre."""


def centre_name(centre: str, sido_names: dict[str, str]) -> str:
    """A counsellor's centre in words. The synthetic world assigns seekers to the centre of their sido."""
    return f"{sido_names.get(centre, centre)} 고용센터"
