"""The boundary between an OpenID Connect identity's claims and the app's roles (`auth.identity.from_claims`)."""

from __future__ import annotations

import pytest

from auth.identity import DEFAULT_MAPPING, Identity, from_claims
from auth.roles import ORG_MEANING, ROLES
from data_catalog.errors import UserError

GROUPS = {  # a deployment that maps directory groups, as `[goyong_auth]` in secrets.toml would
    "role_claim": "groups",
    "org_claim": "centre",
    "role_values": {"counsellor": ["goyong-counsellors"], "policy": ["goyong-policy"]},
}


def test_a_role_claim_as_a_string_gives_the_role_and_the_organisation():
    ident = from_claims({"sub": "u-1", "role": "counsellor", "org": "11", "name": "김상담"})
    assert ident == Identity("u-1", "counsellor", "김상담", "11", "oidc")
    assert ident.actor == "oidc:u-1"  # never confused with a local account of the same name
    assert ident.label_ko() == "김상담(상담사)"


@pytest.mark.parametrize("role", list(ROLES))
def test_every_role_is_known_by_its_code_and_by_its_korean_name(role):
    org = "X1" if ORG_MEANING[role] else None
    for value in (role, ROLES[role]):
        assert from_claims({"sub": "u", "role": value, "org": org}).role == role


def test_a_list_claim_such_as_groups_is_mapped_by_the_configured_values():
    ident = from_claims({"sub": "u", "groups": ["staff", "goyong-counsellors"], "centre": 26}, GROUPS)
    assert (ident.role, ident.org) == ("counsellor", "26")  # the org is kept as text
    assert from_claims({"sub": "u", "groups": ("goyong-policy",)}, GROUPS).role == "policy"
    # with its own role values, the defaults no longer apply
    with pytest.raises(UserError, match="역할이 없습니다"):
        from_claims({"sub": "u", "groups": ["counsellor"], "centre": "26"}, GROUPS)


def test_a_partial_mapping_keeps_the_default_values():
    ident = from_claims({"sub": "u", "groups": ["상담사"], "org": "11"}, {"role_claim": "groups"})
    assert ident.role == "counsellor"
    assert DEFAULT_MAPPING["role_claim"] == "role"  # the defaults themselves are not changed


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "u", "role": "intern", "org": "11"},  # not a role of this app
        {"sub": "u", "role": "Counsellor", "org": "11"},  # values match exactly
        {"sub": "u", "org": "11"},  # no role claim
        {"sub": "u", "role": "", "org": "11"},
        {"sub": "u", "role": [], "org": "11"},
        {"sub": "u", "role": None},
    ],
)
def test_an_identity_without_a_known_role_is_refused_never_given_a_default(claims):
    with pytest.raises(UserError, match="역할이 없습니다") as e:
        from_claims(claims)
    assert "관리자에게" in e.value.ko and "role" in e.value.en


def test_several_roles_are_refused_naming_them_in_korean():
    with pytest.raises(UserError, match="역할이 여러 개입니다") as e:
        from_claims({"sub": "u", "role": ["counsellor", "data_admin"], "org": "11"})
    assert "상담사" in e.value.ko and "데이터 관리자" in e.value.ko
    # two names of the same role are one role
    assert from_claims({"sub": "u", "role": ["counsellor", "상담사"], "org": "11"}).role == "counsellor"


@pytest.mark.parametrize("role", [r for r in ROLES if ORG_MEANING[r]])
@pytest.mark.parametrize("org", [None, ""])
def test_a_role_that_needs_an_organisation_is_refused_without_one(role, org):
    claims = {"sub": "u", "role": role} | ({} if org is None else {"org": org})
    with pytest.raises(UserError, match="소속") as e:
        from_claims(claims)
    assert "'org'" in e.value.ko and ROLES[role] in e.value.ko


@pytest.mark.parametrize("role", [r for r in ROLES if not ORG_MEANING[r]])
def test_a_role_without_an_organisation_needs_none(role):
    assert from_claims({"sub": "u", "role": role}).org is None


def test_the_org_claim_name_comes_from_the_mapping_in_the_message():
    with pytest.raises(UserError, match="'centre'"):
        from_claims({"sub": "u", "groups": ["goyong-counsellors"], "org": "11"}, GROUPS)


def test_an_identity_without_a_subject_is_refused():
    with pytest.raises(UserError, match="식별자"):
        from_claims({"role": "policy", "name": "김정책"})
    with pytest.raises(UserError, match="식별자"):
        from_claims({"sub": "", "role": "policy"})


@pytest.mark.parametrize(
    ("claims", "name"),
    [
        ({"name": "김정책", "preferred_username": "kim", "email": "kim@example.kr"}, "김정책"),
        ({"preferred_username": "kim", "email": "kim@example.kr"}, "kim"),
        ({"email": "kim@example.kr"}, "kim@example.kr"),
        ({}, "u-9"),
        ({"name": ""}, "u-9"),
    ],
)
def test_the_display_name_falls_back_to_username_then_email_then_subject(claims, name):
    assert from_claims({"sub": "u-9", "role": "policy", **claims}).name == name


def test_a_single_string_role_value_is_one_value_not_its_characters():
    mapping = {"role_values": {"policy": "goyong-policy"}}
    assert from_claims({"sub": "a", "role": "goyong-policy"}, mapping).role == "policy"
    with pytest.raises(UserError):
        from_claims({"sub": "b", "role": "g"}, mapping)
