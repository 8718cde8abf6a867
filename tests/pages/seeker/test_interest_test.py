"""Interest-test page: start, answer, reload (answers persisted), results with Top-5 and download."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

import config
from models.interest.bank import full_form_order, items
from models.interest.cat import AdaptiveTest, run_cat
from store.interest import InterestStore
from tests.pages.apptest import assert_renders, open_page, page_button


@pytest.fixture()
def state_db(app_env):
    return config.store_url()  # app_env gives each test its own operational store


def _open(test_id: str | None = None) -> AppTest:
    return open_page("interest_test", {"test": test_id} if test_id else None)


def test_renders(app_env):
    assert_renders("interest_test", "직업흥미검사")


def test_start_answer_reload_and_back(state_db):
    at = _open()
    assert not at.exception
    at.radio[0].set_value("full")
    page_button(at).click().run()  # 검사 시작 (form submit)
    test_id = at.query_params["test"][0] if isinstance(at.query_params["test"], list) else at.query_params["test"]
    assert len(test_id) == 12
    order = full_form_order(items())
    # answer the first screen: all six items
    for i in order[:6]:
        at.radio(key=f"ans_{i}").set_value(4)
    next(b for b in at.button if b.label == "다음").click().run()
    assert not at.exception
    # a reload is a new session: only the URL survives
    again = _open(test_id)
    assert not again.exception
    assert "6/288" in again.get("progress")[0].proto.text
    assert InterestStore(state_db).answers(test_id) == {i: 4 for i in order[:6]}


def test_unanswered_items_get_a_korean_error_and_answered_ones_are_kept(state_db):
    store = InterestStore(state_db)
    tid = store.new_test("full")
    at = _open(tid)
    order = full_form_order(items())
    at.radio(key=f"ans_{order[0]}").set_value(5)
    next(b for b in at.button if b.label == "다음").click().run()
    assert any("응답하지 않은 문항" in e.value for e in at.error)
    assert InterestStore(state_db).answers(tid) == {order[0]: 5}


def test_results_after_a_finished_adaptive_test(state_db):
    store = InterestStore(state_db)
    tid = store.new_test("adaptive", None)
    bank = items()
    pattern = {i: (5 if t == "S" else 1) for i, t in zip(bank["item_id"], bank["riasec"], strict=True)}
    store.save_answers(tid, run_cat(pattern, AdaptiveTest(bank)))
    at = _open(tid)
    assert not at.exception
    assert any(s.value == "나와 잘 맞는 직업 5가지" for s in at.subheader)
    table = at.dataframe[0].value
    assert table.iloc[table["θ"].idxmax()]["흥미 유형"].startswith("사회형")
    assert at.get("download_button")
    shares = [c.value for c in at.caption if re.fullmatch(r"추천 안정도 \d{1,3}% \((높음|보통|낮음)\)", c.value)]
    assert len(shares) == 5 and any(c.value.startswith("추천 안정도: 검사 점수의 측정오차") for c in at.caption)


def test_unknown_test_id_is_explained(state_db):
    at = _open("doesnotexist")
    assert not at.exception
    assert "찾을 수 없습니다" in at.error[0].value


def test_results_show_five_families_with_relatives(state_db):
    store = InterestStore(state_db)
    tid = store.new_test("full", None)
    bank = items()
    store.save_answers(
        tid,
        {i: (5 if t == "A" else 4 if t == "S" else 1) for i, t in zip(bank["item_id"], bank["riasec"], strict=True)},
    )
    at = _open(tid)
    assert not at.exception
    cards = [m.value for m in at.markdown if re.match(r"\*\*[1-5]\. ", m.value)]
    assert len(cards) == 5 and "흥미코드 A" in cards[0]  # the strongest interest (Artistic) leads
    families = [c.split("**")[1].split(". ", 1)[1] for c in cards]
    assert len(set(families)) == 5
    relatives = [d.value for d in at.dataframe if "최근 12개월 구인인원" in d.value.columns]
    assert relatives and all({"직업", "일치도", "대표 월임금"} <= set(t.columns) for t in relatives)


def test_a_new_test_clears_the_old_one_and_starts_at_item_one(state_db):
    order = full_form_order(items())
    at = _open()
    assert any("약 415문항" in c.value and "288문항" in c.value and "최대 50문항" in c.value for c in at.caption)
    at.radio[0].set_value("full")
    page_button(at).click().run()
    first = at.query_params["test"][0] if isinstance(at.query_params["test"], list) else at.query_params["test"]
    for i in order[:6]:
        at.radio(key=f"ans_{i}").set_value(3)
    next(b for b in at.button if b.label == "다음").click().run()
    next(b for b in at.button if b.label == "지금까지 응답으로 결과 보기").click().run()
    next(b for b in at.button if b.label == "새 검사 시작").click().run()
    assert not at.exception and "test" not in at.query_params  # the old test left the address
    at.radio[0].set_value("full")
    page_button(at).click().run()  # a second full test in the same session
    second = at.query_params["test"][0] if isinstance(at.query_params["test"], list) else at.query_params["test"]
    assert not at.exception and second != first
    assert "0/288" in at.get("progress")[0].proto.text
    assert {r.key for r in at.radio} >= {f"ans_{i}" for i in order[:6]}  # item 1 again, not the old screen
    assert InterestStore(state_db).answers(first) == {i: 3 for i in order[:6]}  # the old test is kept


def test_someone_elses_test_id_opens_nothing(state_db):
    tid = InterestStore(state_db).new_test("full", owner="local:another_seeker")
    InterestStore(state_db).save_answers(tid, {"R001": 5})
    at = _open(tid)
    assert not at.exception and any("찾을 수 없습니다" in e.value for e in at.error)
    assert not any(r.key and r.key.startswith("ans_") for r in at.radio)  # no answers of theirs are shown
