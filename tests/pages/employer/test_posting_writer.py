"""Posting writer page: conditions → a checked posting in editors → saved in the operational store, owner-only."""

from __future__ import annotations

from store.postings import PostingStore
from tests.pages.apptest import assert_renders, identity_for, open_page


def test_renders(app_env):
    assert_renders("posting_writer", "공고 작성 도우미")


def _write(at, **numbers):
    for k, v in numbers.items():  # the amount's key carries the occupation and wage type (its default follows them)
        next(n for n in at.number_input if n.key.startswith(f"pw_{k}")).set_value(v)
    at.text_area(key="pw_pref").set_value("엑셀 가능자\n20대 여성 우대")
    next(b for b in at.button if b.label == "공고 작성").click().run()
    return at


def test_write_edit_and_save(app_env):
    at = _write(open_page("posting_writer"))
    assert not at.exception, [e.value for e in at.exception]
    assert any("충원확률" in m.label for m in at.metric)
    assert any("넣지 않았습니다" in w.value for w in at.warning)  # the unlawful note, with its rule
    areas = {a.label: a for a in at.text_area}
    assert {"담당 업무", "근무 조건", "접수 방법"} <= set(areas) and "엑셀 가능자" in areas["우대 사항"].value
    areas["우대 사항"].set_value(areas["우대 사항"].value + "\n- 키 170cm 이상").run()
    next(b for b in at.button if b.label == "점검 후 저장").click().run()
    assert any("저장하지 않았습니다" in e.value for e in at.error)  # the edit broke a rule: kept, not saved
    assert "키 170cm" in next(a for a in at.text_area if a.label == "우대 사항").value
    fixed = next(a for a in at.text_area if a.label == "우대 사항")
    fixed.set_value(fixed.value.replace("\n- 키 170cm 이상", "")).run()
    next(b for b in at.button if b.label == "점검 후 저장").click().run()
    assert any("저장했습니다" in s.value for s in at.success)
    drafts = PostingStore().drafts(identity_for("employer").actor)
    assert len(drafts) == 1 and "엑셀 가능자" in drafts[0]["body"]
    assert PostingStore().drafts(identity_for("counsellor").actor) == []


def test_conditions_below_the_minimum_wage_give_the_checkers_reason(app_env):
    at = open_page("posting_writer")
    at.selectbox(key="pw_wt").set_value("hourly").run()
    at = _write(at, amount=9_000)
    assert not at.exception and any("최저임금" in e.value for e in at.error)
    assert not any(a.label == "담당 업무" for a in at.text_area)  # nothing unlawful is offered
