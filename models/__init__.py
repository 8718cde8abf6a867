"""The model suite: one subpackage per service, all with the same shape, and `common/` for what they share.

A service package holds `features` (what is known at prediction time), `model` (the estimator and
its evaluation), `explain` (plain-Korean factors and recourse), `service` (what pages ask for),
`train` (the training run, registry entry and batch scores) and `__main__` (its command line).
`common/` holds the registry, evaluation, the fairness audit, the calibrated gradient-boosting
estimator with its feature declarations, SHAP factor phrasing and the what-if scorer.
"""
