"""Paging of the interest test: resume at the first unanswered screen, back/next, saving a partial screen."""

from __future__ import annotations

import pandas as pd
import pytest

from models.interest import form
from models.interest.bank import full_form_order
from models.interest.cat import AdaptiveTest
from tests.models.interest.conftest import pattern


def test_full_form_resumes_at_the_screen_of_the_first_unanswered_item(bank):
    order = full_form_order(bank)
    first = form.full_form_screen(order, {})
    assert first.items == order[:6] and first.start == 0 and not first.done
    answered = {i: 3 for i in order[:9]}  # the second screen is half done: it is shown again
    again = form.full_form_screen(order, answered)
    assert again.start == 6 and again.items == order[6:12]
    assert form.next_start(order, again) == 12 and form.previous_start(order, again) == 0
    assert form.previous_start(order, first) == 0
    done = form.full_form_screen(order, {i: 3 for i in order})
    assert done.done and done.items == []
    # an explicit position (after '이전') wins over the first unanswered screen
    assert form.full_form_screen(order, answered, start=0).items == order[:6]


def test_submit_next_needs_every_answer_and_skip_records_zero():
    blocked = form.submit({"R01": 4, "I01": None}, skip=False)
    assert blocked.save == {"R01": 4} and blocked.missing == ["I01"] and not blocked.advance
    skipped = form.submit({"R01": 4, "I01": None}, skip=True)
    assert skipped.save == {"R01": 4, "I01": 0} and skipped.advance
    assert form.submit({"R01": 4}, skip=False).advance


def test_adaptive_screen_is_one_item_until_the_engine_stops(bank):
    cat = AdaptiveTest(bank)
    s = form.adaptive_screen(cat, {})
    assert len(s.items) == 1 and not s.done
    assert form.adaptive_screen(cat, dict(list(pattern(bank, "C").items())[:50])).done  # the 50-item cap


def test_result_has_top5_with_openings_and_stability(bank):
    openings = pd.DataFrame({"keco_code": ["0000"], "openings_12m": [1]})
    res = form.result(pattern(bank, "S"), bank, None, openings)
    assert len(res.top) == 5 and res.top["stability"].between(0, 1).all() and "openings_12m" in res.top
    assert res.stability.sum() == pytest.approx(5.0)
