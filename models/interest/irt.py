"""Samejima's graded response model (GRM): probabilities, information, EAP scoring and MML-EM.

Each interest scale (R, I, A, S, E, C) is a unidimensional GRM over its own items; responses are
0..K-1 (like/dislike on 5 points → 0..4), and -1 marks a skipped item. Written directly in NumPy
because the model is small and the common Python IRT packages are either unmaintained or pull in
heavy dependencies; the code follows the textbook formulas (Baker & Kim, *Item Response Theory:
Parameter Estimation Techniques*, ch. 8–9) and is tested on parameter recovery.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

QUAD = np.linspace(-4.0, 4.0, 49)
PRIOR = np.exp(-0.5 * QUAD**2)
PRIOR /= PRIOR.sum()


def _cumulative(theta: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """P(x ≥ k | θ) for k = 0..K (1 first, 0 last) for items (a: (J,), b: (J, K-1)) at points θ: (J, T, K+1)."""
    theta = np.atleast_1d(theta)
    star = expit(a[:, None, None] * (theta[None, :, None] - b[:, None, :]))  # (J, T, K-1)
    ones = np.ones(star.shape[:2] + (1,))
    return np.concatenate([ones, star, np.zeros_like(ones)], axis=2)


def category_probs(theta: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """P(x = k | θ) for items (a: (J,), b: (J, K-1) increasing) at points θ: returns (J, T, K)."""
    cum = _cumulative(theta, a, b)
    return np.clip(cum[:, :, :-1] - cum[:, :, 1:], 1e-12, 1.0)


def item_information(theta: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Fisher information of each item at θ: (J, T)."""
    cum = _cumulative(theta, a, b)
    w = cum * (1 - cum)  # derivative of P* w.r.t. θ, divided by a
    p = np.clip(cum[:, :, :-1] - cum[:, :, 1:], 1e-12, 1.0)
    return a[:, None] ** 2 * (((w[:, :, :-1] - w[:, :, 1:]) ** 2) / p).sum(axis=2)


def log_likelihood(x: np.ndarray, a: np.ndarray, b: np.ndarray, nodes: np.ndarray = QUAD) -> np.ndarray:
    """log L(θ_q) for response matrix x (N, J) with -1 = missing: returns (N, Q)."""
    x = np.atleast_2d(x)
    logp = np.log(category_probs(nodes, a, b))  # (J, Q, K)
    out = np.zeros((x.shape[0], len(nodes)))
    for j in range(x.shape[1]):
        answered = x[:, j] >= 0
        if answered.any():
            out[answered] += logp[j][:, x[answered, j]].T
    return out


def _posterior(x: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Posterior weights of the quadrature points under the N(0, 1) prior: (N, Q), rows sum to 1."""
    ll = log_likelihood(x, a, b)
    post = np.exp(ll - ll.max(axis=1, keepdims=True)) * PRIOR
    return post / post.sum(axis=1, keepdims=True)


def eap(x: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """EAP θ and posterior SD (standard error) per respondent under a N(0, 1) prior."""
    post = _posterior(x, a, b)
    theta = post @ QUAD
    se = np.sqrt(np.clip(post @ QUAD**2 - theta**2, 0, None))
    return theta, se


@dataclass
class GRMFit:
    a: np.ndarray
    b: np.ndarray
    iterations: int
    converged: bool


def _unpack(p: np.ndarray) -> tuple[float, np.ndarray]:
    a = float(np.exp(p[0]))
    b = p[1] + np.concatenate([[0.0], np.cumsum(np.exp(p[2:]))])
    return a, b


def _pack(a: float, b: np.ndarray) -> np.ndarray:
    return np.concatenate([[np.log(a)], [b[0]], np.log(np.clip(np.diff(b), 1e-3, None))])


def _nll_and_grad(p: np.ndarray, r: np.ndarray) -> tuple[float, np.ndarray]:
    """Negative expected log-likelihood of one item and its analytic gradient in packed parameters."""
    a, b = _unpack(p)
    star = expit(a * (QUAD[:, None] - b[None, :]))  # (Q, K-1)
    q = len(QUAD)
    cum = np.hstack([np.ones((q, 1)), star, np.zeros((q, 1))])
    probs = np.clip(cum[:, :-1] - cum[:, 1:], 1e-12, 1.0)  # (Q, K)
    ratio = r / probs
    w = star * (1 - star)  # (Q, K-1)
    # dP*_m/da = w(θ - b_m), dP*_m/db_m = -a w; P*_m enters category m with + and category m-1 with −
    dstar_da = w * (QUAD[:, None] - b[None, :])
    g_a = float((dstar_da * (ratio[:, 1:] - ratio[:, :-1])).sum())
    g_b = ((-a * w) * (ratio[:, 1:] - ratio[:, :-1])).sum(axis=0)  # (K-1,)
    grad = np.empty_like(p)
    grad[0] = a * g_a
    grad[1] = g_b.sum()
    tail = np.cumsum(g_b[::-1])[::-1]  # Σ_{m ≥ i} ∂/∂b_m
    grad[2:] = np.exp(p[2:]) * tail[1:]
    return -float((r * np.log(probs)).sum()), -grad


def _m_step(r: np.ndarray, a0: float, b0: np.ndarray) -> tuple[float, np.ndarray]:
    """Maximise Σ_q Σ_k r[q, k] log P_k(θ_q) for one item (r: expected counts, (Q, K))."""
    res = minimize(
        _nll_and_grad,
        _pack(a0, b0),
        args=(r,),
        jac=True,
        method="L-BFGS-B",
        bounds=[(np.log(0.2), np.log(5.0)), (-6, 6)] + [(-7, 2.0)] * (len(b0) - 1),
    )
    return _unpack(res.x)


def fit_grm(x: np.ndarray, n_categories: int = 5, max_iter: int = 60, tol: float = 1e-3) -> GRMFit:
    """Marginal maximum likelihood (Bock–Aitkin EM) for one scale's items. x: (N, J), -1 = missing."""
    n, j_items = x.shape
    a = np.ones(j_items)
    b = np.zeros((j_items, n_categories - 1))
    for j in range(j_items):  # start from the observed cumulative proportions
        col = x[x[:, j] >= 0, j]
        cum = np.array([(col >= k).mean() for k in range(1, n_categories)])
        b[j] = np.sort(-np.log(np.clip(cum, 0.01, 0.99) / (1 - np.clip(cum, 0.01, 0.99))) / 1.7)
        b[j] += np.arange(n_categories - 1) * 1e-3
    converged = False
    iterations = 0
    for iterations in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        post = _posterior(x, a, b)  # (N, Q)
        a_new, b_new = a.copy(), b.copy()
        for j in range(j_items):
            answered = x[:, j] >= 0
            onehot = np.eye(n_categories)[x[answered, j]]  # (n_j, K)
            r = post[answered].T @ onehot  # (Q, K) expected counts
            a_new[j], b_new[j] = _m_step(r, a[j], b[j])
        change = max(np.abs(a_new - a).max(), np.abs(b_new - b).max())
        a, b = a_new, b_new
        if change < tol:
            converged = True
            break
    return GRMFit(a, b, iterations, converged)


def simulate_responses(theta: np.ndarray, a: np.ndarray, b: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Draw GRM responses (N, J) for abilities θ (N,)."""
    probs = category_probs(theta, a, b)  # (J, N, K)
    cdf = probs.cumsum(axis=2)
    u = rng.random(probs.shape[:2])[:, :, None]
    return (u > cdf).sum(axis=2).T.astype(np.int8)
