"""A counsellor's caseload holds only the seekers of their centre, however it is filtered."""

from __future__ import annotations

from analytics import caseload as cl


def test_the_caseload_is_scoped_to_the_centre(small_con):
    seoul = cl.caseload(small_con, centre="11", only_recent=False, limit=10_000)
    busan = cl.caseload(small_con, centre="26", only_recent=False, limit=10_000)
    assert len(seoul) and len(busan) and not set(seoul["seeker_id"]) & set(busan["seeker_id"])
    sido = {sid: cl.seeker_centre(small_con, sid) for sid in seoul["seeker_id"].head(50)}
    assert set(sido.values()) == {"11"}
    assert cl.seeker_centre(small_con, 10**12) is None
    # a filter narrows within the centre, never beyond it
    one_major = cl.caseload(small_con, centre="11", major="5", only_recent=False, limit=10_000)
    assert set(one_major["seeker_id"]) <= set(seoul["seeker_id"])
