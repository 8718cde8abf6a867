"""The model suite: one subpackage per service and `common/` for what they share.

A tabular service (employability; hiring and the others to come) holds `features` (what is known at
prediction time), `model` (the estimator and its evaluation), `explain` (plain-Korean factors and
recourse), `service` (what pages ask for), `train` (the training run, registry entry and batch
scores) and `__main__` (its command line); a test checks that shape for every registered model.
The interest test is a psychometric instrument rather than a trained classifier, so its package is
shaped by its parts instead (`bank`, `irt`, `calibrate`, `scoring`, `matching`, `cat`, `form`).
`common/` holds the registry, evaluation, the fairness audit, the calibrated gradient-boosting
estimator with its feature declarations, SHAP factor phrasing and the what-if scorer.
"""
