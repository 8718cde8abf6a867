"""Item bank: complete, calibrated, and interleaved in the full form."""

from __future__ import annotations

import numpy as np

from models.interest.bank import TYPES, full_form_order


def test_item_bank_is_complete_and_calibrated(bank):
    counts = bank.groupby("riasec").size()
    assert len(bank) >= 240 and counts.min() >= 40 and set(counts.index) == set(TYPES)
    assert bank["item_id"].is_unique and bank["text_ko"].is_unique
    assert bank[["a", "b1", "b2", "b3", "b4"]].notna().all().all()
    b = bank[["b1", "b2", "b3", "b4"]].to_numpy()
    assert (np.diff(b, axis=1) > 0).all() and (bank["a"] > 0.3).all()
    # estimates recover the generating parameters they were simulated from
    assert np.corrcoef(bank["a"], bank["a_generating"])[0, 1] > 0.8
    generating = bank[["b1_generating", "b2_generating", "b3_generating", "b4_generating"]].to_numpy()
    assert np.corrcoef(b.ravel(), generating.ravel())[0, 1] > 0.97


def test_full_form_order_interleaves_types(bank):
    order = full_form_order(bank)
    assert len(order) == len(bank) and len(set(order)) == len(order)
    assert [i[0] for i in order[:6]] == list(TYPES)
