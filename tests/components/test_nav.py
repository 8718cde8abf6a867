"""Page keys resolve to their files; an unknown key says so."""

import pytest

from components import nav


def test_keys_resolve_and_unknown_keys_fail_clearly():
    assert nav.path("jobs_map") == "pages/policy/jobs_map.py"
    assert [p.key for p in nav.by_role()["구직자"]] == [
        "interest_test",
        "outlook",
        "seeker_market",
        "training",
        "seeker_jobs",
        "resume_help",
    ]
    with pytest.raises(KeyError, match="unknown page key"):
        nav.path("nope")


def test_addresses_stay_what_users_bookmarked():
    urls = {p.key: p.url_path for p in nav.PAGES}
    assert urls["jobs_map"] == "jobs_map" and urls["interest_test"] == "interest" and urls["outlook"] == "outlook"
    assert urls["benchmark"] == "employer_benchmark" and urls["posting_search"] == "counselor_postings"
