"""Synthetic Korea: seekers, firms, postings, applications, hires and training, written as Parquet.

One module per entity and mechanism (the mechanisms are documented in data_catalog/README.md):

- `context`      reference-derived arrays shared by every chunk (regions, occupations, industries, calendar);
- `mechanisms`   the coefficients of every latent mechanism (the catalog page cites them);
- `places`       coordinates inside each sigungu and distances;
- `firms`, `courses`, `postings`, `seekers`, `enrollments`  one entity each;
- `applications` job search, the 서류 → 면접 → 합격 stages, hires and posting fill;
- `text`, `josa` the Korean grammar of postings and résumés; `violations` the law violations planted in text;
- `driver`       chunks, parallel workers, writing Parquet, the fingerprint.

CLI: python -m data_catalog.generator --scale small --out data/warehouse

The package imports nothing itself (its modules import each other), so `from data_catalog.generator import x`
never runs a cycle; the entry points are `driver.generate` and `context.SCALES`.
"""
