"""Rule-based compliance check of job postings (구인공고 법규 위반 의심 점검).

Why it exists: job centres screen postings before publishing them, and most breaches are written plainly in the
posting — a wage under the year's 최저임금, "만 35세 이하", "여성만", "용모 단정", "교육비 선입금", "주휴수당 없음".
A transparent rule engine catches those with a reason a counsellor can read and cite, and gives the later
learned model (the anomaly score) a baseline and labelled features. Every flag names the article it rests on,
exactly as the statute table (`data_catalog/reference/statutes.csv`) spells it, suggests a lawful wording and
quotes the text span that triggered it.

The rules (`rules.py`, one function each):

- `min_wage` — the wage field and any pay amount in the text against `data_catalog.reference.minimum_wage(year)`
  (hourly; daily × hours a day; monthly at 209 h, pro rata for 15–40 h, h × 365/7/12 under 15 h; annual / 12;
  beyond the table the latest rate; overtime hours counted), unlawful probation cuts (lawful only for ≤ 3 months
  at ≥ 90 % on a 1-year+ contract outside simple labour) and 주휴수당 denied, deferred or folded into a
  minimum-level rate at 15+ hours a week (최저임금법 제5조·제6조, 시행령 제3조·제5조, 근로기준법 제18조·제55조);
- `hours` — more than 52 hours a week in the field or the text (근로기준법 제50조·제53조);
- `age`, `gender` — age limits and a sex as a requirement, including gendered job titles (고령자고용법 제4조의4,
  남녀고용평등법 제7조 ①);
- `banned_request` — appearance, height, weight and looks photos; birthplace, marital status, assets; family
  members' education, jobs and assets (채용절차법 제4조의3, 남녀고용평등법 제7조 ②);
- `scam` — fees or deposits, guaranteed income for vague work, courier work, messenger-only contact, recruiting
  acquaintances for a reward, lending accounts or IDs, a hidden employer (직업안정법 제32조·제34조, 시행령 제34조,
  채용절차법 제9조);
- `inconsistent` — an amount implausible for its wage type, part-time at more than 40 hours, a text amount that
  differs from the field, a closing date before the posting date;
- `missing` — no contact, location, wage or hours in the fields or the text.

Text is matched after normalisation (`text.Norm`: spaces and punctuation removed, a map back to the original), so
spacing variants, bullets and brackets do not matter; each rule knows its lawful look-alikes ("여성의류",
"시니어 모델", "만 18세 미만 불가", "주휴수당 별도 지급", "교육비 회사 부담", a lawful probation clause …).
`check.check_posting(row)` returns the flags of one posting, `check.check_frame(df)` one report row per posting,
and `python -m models.posting_check INPUT --out REPORT.csv` runs it on a file.

What it does not do: it is not a learned model — the ML anomaly score (unusual wage for the occupation and region,
text the rules do not know) comes later and will use these flags as features; it does not decide a case (a flag is
a reason to look, and legal exceptions such as a job that genuinely requires one sex, a government programme's age
bracket or the employer's size for overtime premiums need a person); it does not tokenise Korean (regular
expressions on normalised text; no morphological analyser is needed) and it does not read the shared statute
extract at run time.
"""
