"""Graded response model: gradient, parameter recovery, EAP behaviour."""

import numpy as np
from scipy.optimize import check_grad

from models.interest import irt


def _params(rng, j):
    a = np.exp(rng.normal(0.4, 0.2, j))
    loc = rng.normal(0, 0.7, j)
    b = np.sort(loc[:, None] + np.array([-1.5, -0.5, 0.4, 1.4])[None, :], axis=1)
    return a, b


def test_probabilities_sum_to_one_and_information_positive():
    rng = np.random.default_rng(0)
    a, b = _params(rng, 5)
    p = irt.category_probs(np.linspace(-3, 3, 7), a, b)
    assert np.allclose(p.sum(axis=2), 1.0)
    assert (irt.item_information(np.linspace(-3, 3, 7), a, b) > 0).all()


def test_analytic_gradient_matches_numeric():
    rng = np.random.default_rng(1)
    r = rng.random((len(irt.QUAD), 5)) * 10
    p0 = irt._pack(1.3, np.array([-1.0, 0.0, 0.5, 1.2]))
    assert check_grad(lambda p: irt._nll_and_grad(p, r)[0], lambda p: irt._nll_and_grad(p, r)[1], p0) < 1e-3


def test_mml_em_recovers_generating_parameters():
    rng = np.random.default_rng(2)
    a, b = _params(rng, 10)
    theta = rng.normal(0, 1, 2000)
    x = irt.simulate_responses(theta, a, b, rng)
    fit = irt.fit_grm(x, max_iter=40, tol=2e-3)
    assert np.corrcoef(a, fit.a)[0, 1] > 0.85 and np.abs(a - fit.a).mean() < 0.15
    assert np.corrcoef(b.ravel(), fit.b.ravel())[0, 1] > 0.98
    est, se = irt.eap(x, fit.a, fit.b)
    assert np.corrcoef(theta, est)[0, 1] > 0.9


def test_eap_uses_only_answered_items_and_se_shrinks():
    rng = np.random.default_rng(3)
    a, b = _params(rng, 12)
    x = np.full((1, 12), -1)
    th0, se0 = irt.eap(x, a, b)
    assert abs(th0[0]) < 1e-6 and abs(se0[0] - 1) < 0.01  # nothing answered: the prior
    x[0, :3] = 4
    th3, se3 = irt.eap(x, a, b)
    x[0, :12] = 4
    th12, se12 = irt.eap(x, a, b)
    assert th12[0] > th3[0] > 0 and se12[0] < se3[0] < se0[0]
