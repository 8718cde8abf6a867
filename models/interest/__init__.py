"""Interest inventory (지능형 직업심리검사): item calibration, scoring, Top-5 occupations and CAT.

Modules: `bank` (items and their parameters), `irt` (the graded response model), `calibrate`
(parameter estimation from simulated respondents), `scoring` (θ per type, result document),
`matching` (Top-5, stability, close alternatives), `cat` (adaptive test), `form` (paging of the
full form), `__main__` (CLI: `python -m models.interest calibrate`).


- Items: `data_catalog/reference/interest_items.csv` (288 original activities, 48 per RIASEC type).
- Calibration (`python -m models.interest calibrate`): simulate respondents whose interests are
  drawn from real occupation profiles (O*NET interest scores of the catalogue's occupations, plus
  individual variation), let them answer under generating GRM parameters tied to each item's
  rated popularity, then estimate every item's GRM parameters by marginal maximum likelihood
  (`irt.fit_grm`). The estimates ship as `interest_item_params.csv`; the generating values
  are kept beside them only to report recovery.
- Scoring: raw mean (1–5) and EAP θ with its standard error per type.
- Top-5: Pearson correlation between the person's θ profile and each occupation's standardised
  RIASEC profile (as the O*NET Interest Profiler matches profiles), optionally filtered by job zone.
- CAT: maximum-information item selection across the six scales (the scale with the largest SE
  first), stopping at 50 items or earlier when the Top-5 set is stable and every SE is small.
- 추천 안정도: how often each occupation stays in the Top-5 when θ is redrawn within its standard
  error. Among 326 occupations the Top-5 boundary is fragile (even the full form keeps only about
  3.3 of 5 on a retest, `bench/interest_cat.py`), so the page says how firm each card is.
"""
