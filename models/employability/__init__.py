"""취업확률 service: P(employed within 6 months of registration) with its reasons, recourse and peers.

Modules: `features` (seeker features known at registration), `model` (estimator and evaluation),
`explain` (Korean factors, recourse, caveats), `service` (what the pages ask for), `train`
(training run, registry, batch scores), `__main__` (CLI: `python -m models.employability train`).
"""
