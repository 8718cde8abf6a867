"""Interest inventory (지능형 직업심리검사): item calibration, scoring, five occupation families and CAT.

Modules: `bank` (items and their parameters), `irt` (the graded response model), `calibrate`
(parameter estimation from simulated respondents), `scoring` (θ per type, result document),
`matching` (five families, stability, close alternatives), `cat` (adaptive test), `form` (what the
page shows next, the result), `__main__` (CLI: `python -m models.interest calibrate`).

- Items: `data_catalog/reference/interest_items.csv` (288 original activities, 48 per RIASEC type).
- Calibration (`python -m models.interest calibrate`): simulate respondents whose interests are
  drawn from real occupation profiles (O*NET interest scores of the catalogue's occupations, plus
  individual variation), let them answer under generating GRM parameters tied to each item's
  rated popularity, then estimate every item's GRM parameters by marginal maximum likelihood
  (`irt.fit_grm`). The estimates ship as `interest_item_params.csv`; the generating values
  are kept beside them only to report recovery.
- Scoring: raw mean (1–5) and EAP θ with its standard error per type.
- Matching: five different occupation families (KECO 중분류), led by the person's strongest
  interest (profile correlation on O*NET's 1–7 scale plus a high-point rule, as the O*NET Interest
  Profiler leads with the highest interest area), optionally limited by job zone; see `matching`.
- CAT: maximum-information item selection across the six scales (the scale whose uncertainty most
  blurs the boundary between the 5th and 6th family first), stopping at 50 items or earlier when the
  five families are stable and every SE is small.
- 추천 안정도: how often each card's family stays among the five when θ is redrawn within its
  standard error (`bench/interest_cat.py` checks that the figure is calibrated).
"""
