"""Violations of Korean hiring law planted in posting text, as real postings phrase them.

Why this module exists: the world used to append one of nine fixed sentences to the end of a posting body, which a
string match catches every time. A posting checker trained on that learns nothing. Real postings break the law in
many surface forms ("만 35세 이하", "20~30대만", "젊고 활기찬 분", "홀서빙 이모님 구해요"), in the title as often as in
the body, at any line, with odd spacing. This module plants such phrasings so that the checker faces that variety and
can be scored on phrasings it never saw in training.

The phrasings are data, not code: `data_catalog/reference/posting_phrasings.csv` holds one row per phrasing with its
family, its kind (`violation`, or `hard_negative` for a lawful phrase that looks like one, e.g. "여성의류 판매",
"수습 3개월(1년 이상 계약, 급여 90%)"), the slots it takes, where it may go (title, body or both), the (law,
article) it breaks (or, for a hard negative, the rule it keeps) exactly as `shared/reference/statutes/articles.csv`
names them, a short Korean note, and its split. For a hard negative, `family` is the family it imitates.

Split: within each group (each violation family; all hard negatives together) the phrasings are ranked by a stable
hash of `phrasing_id`, and the first `max(4, round(0.3 n))` are `heldout` (see `assign_splits`). The split is written
in the CSV; a test checks that it still matches the rule, so after editing the catalogue rerun `assign_splits`.

Field-based families (`wage_below_minimum`, `hours_over_limit`, `inconsistent_fields`) are planted by the caller in
the structured fields; they are listed in `FAMILIES` so that every label has one Korean name. The caller also owns
consistency with the fields (e.g. a lawful probation clause on a simple-labour or short contract would be unlawful).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from data_catalog.spec import VIOLATION_FAMILIES

FAMILIES: dict[str, str] = dict(VIOLATION_FAMILIES.labels)
"""Family code -> Korean label (one source: `spec.VIOLATION_FAMILIES`): the text families planted here and the
field-based families `postings.py` plants."""

TEXT_FAMILIES: tuple[str, ...] = (
    "age_limit",
    "gender_limit",
    "appearance",
    "origin_marital_assets",
    "family_background",
    "scam",
    "weekly_holiday",
    "probation",
)
"""The families injected as text (the ones the catalogue holds)."""

FAMILY_WEIGHTS: dict[str, float] = {
    "age_limit": 0.35,
    "gender_limit": 0.15,
    "scam": 0.12,
    "appearance": 0.10,
    "origin_marital_assets": 0.08,
    "family_background": 0.06,
    "weekly_holiday": 0.08,
    "probation": 0.06,
}
"""Share of each family among planted violations. 고용노동부 monitoring finds most 채용절차법 breaches are age limits
(about 90 %); age is the most common here but every family keeps enough rows to learn and to score."""

MULTI_P: tuple[float, float] = (0.10, 0.05)
"""Probability that a violating posting carries 2, resp. 3, violations of different families (15 % in all)."""

KINDS = ("violation", "hard_negative")
SPLITS = ("train", "heldout")
WHERE = ("title", "body", "both")
SLOTS = ("age", "age2", "decade", "amount", "fee", "income", "height", "weight", "messenger", "occ")
COLUMNS = ["phrasing_id", "family", "kind", "template", "where", "law", "article", "note_ko", "split"]
PLANTED_COLUMNS = ["posting_id", "family", "kind", "phrasing_id", "split", "location", "text"]

HELDOUT_SHARE = 0.3
MIN_HELDOUT = 4

TITLE_SHARE_BOTH = 0.45
"""A phrasing allowed in both places goes to the title this often."""
NOSPACE_P = 0.08
BULLET_P = 0.15
BULLETS = ("※ ", "- ", "* ", "· ")

MESSENGERS = ("텔레그램", "카카오톡 오픈채팅", "카톡", "라인", "위챗", "시그널")

CATALOGUE_PATH = Path(__file__).resolve().parents[1] / "reference" / "posting_phrasings.csv"

_SLOT_RE = re.compile(r"\{(\w*)\}")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[ \t]+")
_INNER_BREAK_RE = re.compile(r"[.!?][ \t]")


def _stable_hash(text: str) -> float:
    """A number in [0, 1) fixed by `text` alone (no PYTHONHASHSEED, no platform dependence)."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16) / float(16**12)


def assign_splits(cat: pd.DataFrame) -> pd.Series:
    """The split each phrasing gets: per group, the `max(4, round(0.3 n))` lowest hashes of `phrasing_id` are held out.

    Groups are the violation families one by one and all hard negatives together.
    """
    group = np.where(cat["kind"] == "violation", cat["family"], "hard_negative")
    h = cat["phrasing_id"].map(_stable_hash)
    split = pd.Series("train", index=cat.index, dtype=object)
    for g in pd.unique(group):
        members = h[group == g].sort_values(kind="stable")
        k = min(len(members), max(MIN_HELDOUT, round(HELDOUT_SHARE * len(members))))
        split[members.index[:k]] = "heldout"
    return split


def _validate(cat: pd.DataFrame) -> None:
    problems: list[str] = []
    missing = [c for c in COLUMNS if c not in cat.columns]
    if missing:
        raise ValueError(f"posting_phrasings.csv: missing columns {missing}")
    empty = [c for c in COLUMNS if c != "note_ko" and (cat[c].isna() | (cat[c].astype(str).str.strip() == "")).any()]
    if empty:
        problems.append(f"empty cells in {empty}")
    dup = cat["phrasing_id"][cat["phrasing_id"].duplicated()].tolist()
    if dup:
        problems.append(f"duplicate phrasing_id {dup}")
    dup_t = cat["template"][cat["template"].duplicated()].tolist()
    if dup_t:
        problems.append(f"duplicate template {dup_t}")
    for col, allowed in (("family", TEXT_FAMILIES), ("kind", KINDS), ("split", SPLITS), ("where", WHERE)):
        bad = sorted(set(cat[col]) - set(allowed))
        if bad:
            problems.append(f"unknown {col} {bad}")
    for pid, t in zip(cat["phrasing_id"], cat["template"], strict=True):
        slots = _SLOT_RE.findall(t)
        unknown = sorted(set(slots) - set(SLOTS))
        if unknown:
            problems.append(f"{pid}: unknown slots {unknown}")
        if not t.count("{") == t.count("}") == len(slots):
            problems.append(f"{pid}: unbalanced braces")
        if _INNER_BREAK_RE.search(t) or "\n" in t or t != t.strip():
            problems.append(f"{pid}: a phrasing must be one sentence without a line break or edge spaces")
    if problems:
        raise ValueError("posting_phrasings.csv: " + "; ".join(problems))


@lru_cache(maxsize=1)
def _catalogue() -> pd.DataFrame:
    cat = pd.read_csv(CATALOGUE_PATH, dtype=str, keep_default_na=False, encoding="utf-8")
    _validate(cat)
    return cat


def catalogue() -> pd.DataFrame:
    """The phrasing catalogue (one row per phrasing, columns `COLUMNS`), validated; a fresh copy on each call."""
    return _catalogue().copy()


def _slot_value(rng: np.random.Generator, slot: str, occ: str) -> str:
    if slot == "age":
        return str(int(rng.integers(30, 46)))
    if slot == "age2":  # a lower bound, always below {age}
        return str(int(rng.integers(20, 28)))
    if slot == "decade":
        return str(int(rng.choice([20, 30])))
    if slot in ("amount", "fee"):
        return str(int(rng.integers(2, 21)) * 5)  # 10..100 만원
    if slot == "income":
        return str(int(rng.integers(6, 21)) * 50)  # 300..1000 만원
    if slot == "height":
        return str(int(rng.integers(160, 176)))
    if slot == "weight":
        return str(int(rng.integers(45, 71)))
    if slot == "messenger":
        return MESSENGERS[int(rng.integers(0, len(MESSENGERS)))]
    if slot == "occ":
        return occ
    raise KeyError(f"unknown slot {{{slot}}}")


def render(rng: np.random.Generator, template: str, occ: str) -> str:
    """Fill the slots of `template` with plausible random values; a slot used twice gets one value."""
    values: dict[str, str] = {}
    for slot in _SLOT_RE.findall(template):
        if slot not in values:
            values[slot] = _slot_value(rng, slot, occ)
    return _SLOT_RE.sub(lambda m: values[m.group(1)], template)


def _into_title(rng: np.random.Generator, title: str, text: str, whole: bool) -> str:
    """Add `text` to `title` as a bracketed prefix or a suffix; a phrase that is a whole title may replace it."""
    if whole and rng.random() < 0.5:
        return text
    form = int(rng.integers(0, 4))
    if form == 0:
        return f"[{text}] {title}"
    if form == 1 and not text.endswith(")"):
        return f"{title} ({text})"
    if form == 2:
        return f"{title} / {text}"
    return f"{title} - {text}"


def _into_body(rng: np.random.Generator, body: str, text: str) -> str:
    """Insert `text` at a random line or sentence boundary of `body` (start, middle or end)."""
    bullet = BULLETS[int(rng.integers(0, len(BULLETS)))] if rng.random() < BULLET_P else ""
    if "\n" in body:
        lines = body.split("\n")
        i = int(rng.integers(0, len(lines) + 1))
        return "\n".join([*lines[:i], bullet + text, *lines[i:]])
    cuts = [0, *(m.start() for m in _SENTENCE_END_RE.finditer(body)), len(body.rstrip())]
    at = cuts[int(rng.integers(0, len(cuts)))]
    end = "" if text[-1] in ".!?" else "."
    piece = bullet + text + end
    head, tail = body[:at].rstrip(), body[at:].lstrip()
    return " ".join(x for x in (head, piece, tail) if x)


def plant(
    rng: np.random.Generator,
    titles: list[str],
    bodies: list[str],
    occ_names: np.ndarray,
    rate: float,
    hard_negative_rate: float,
    posting_ids: np.ndarray,
) -> tuple[list[str], list[str], pd.DataFrame]:
    """Plant violations (each posting with probability `rate`) and, independently, hard negatives.

    A violating posting gets one family drawn by `FAMILY_WEIGHTS`, or 2–3 different families (`MULTI_P`); each family
    a phrasing drawn uniformly (train and held-out alike), rendered, lightly noised and put in the title (where the
    phrasing allows) or at a random sentence or line boundary of the body. Returns new titles and bodies and one row
    per planted phrase (`PLANTED_COLUMNS`); `text` is the phrase exactly as it stands in the title or body.
    """
    n = len(titles)
    if not (len(bodies) == len(occ_names) == len(posting_ids) == n):
        raise ValueError("titles, bodies, occ_names and posting_ids must have the same length")
    cat = _catalogue()
    viol = cat[cat["kind"] == "violation"]
    by_family = {f: viol[viol["family"] == f].index.to_numpy() for f in TEXT_FAMILIES}
    hard = cat[cat["kind"] == "hard_negative"].index.to_numpy()
    fam_names = np.array(list(FAMILY_WEIGHTS))
    log_w = np.log(np.array(list(FAMILY_WEIGHTS.values())))

    # vectorised choice of who gets what
    chosen = np.flatnonzero(rng.random(n) < rate)
    m = len(chosen)
    u = rng.random(m)
    k = np.where(u < MULTI_P[1], 3, np.where(u < MULTI_P[0] + MULTI_P[1], 2, 1))
    order = np.argsort(-(log_w + rng.gumbel(size=(m, len(fam_names)))), axis=1)  # weighted draw without replacement
    rows_post = np.repeat(chosen, k)
    rows_fam = fam_names[order[:, :3][np.arange(3) < k[:, None]]]
    pick = rng.random(len(rows_post))
    rows_cat = np.array(
        [by_family[f][int(p * len(by_family[f]))] for f, p in zip(rows_fam, pick, strict=True)], dtype=np.int64
    )
    hn_post = np.flatnonzero(rng.random(n) < hard_negative_rate)
    hn_cat = hard[rng.integers(0, len(hard), len(hn_post))] if len(hn_post) else np.array([], dtype=np.int64)
    post_all = np.concatenate([rows_post, hn_post]).astype(np.int64)
    cat_all = np.concatenate([rows_cat, hn_cat]).astype(np.int64)
    sort = np.argsort(post_all, kind="stable")
    post_all, cat_all = post_all[sort], cat_all[sort]

    new_titles, new_bodies = list(titles), list(bodies)
    templates = cat["template"].to_numpy()
    where = cat["where"].to_numpy()
    whole_title = cat["template"].str.contains("{occ}", regex=False).to_numpy()  # such a phrase names the job
    locations: list[str] = []
    texts: list[str] = []
    titled: set[int] = set()
    for i, c in zip(post_all.tolist(), cat_all.tolist(), strict=True):
        text = render(rng, templates[c], str(occ_names[i]))
        if " " in text and rng.random() < NOSPACE_P:
            text = text.replace(" ", "")
        w = where[c]
        in_title = w == "title" or (w == "both" and rng.random() < TITLE_SHARE_BOTH)
        if in_title:
            new_titles[i] = _into_title(rng, new_titles[i], text, bool(whole_title[c]) and i not in titled)
            titled.add(i)
        else:
            new_bodies[i] = _into_body(rng, new_bodies[i], text)
        locations.append("title" if in_title else "body")
        texts.append(text)

    planted = pd.DataFrame(
        {
            "posting_id": np.asarray(posting_ids)[post_all],
            "family": cat["family"].to_numpy()[cat_all],
            "kind": cat["kind"].to_numpy()[cat_all],
            "phrasing_id": cat["phrasing_id"].to_numpy()[cat_all],
            "split": cat["split"].to_numpy()[cat_all],
            "location": np.array(locations, dtype=object),
            "text": np.array(texts, dtype=object),
        },
        columns=PLANTED_COLUMNS,
    )
    return new_titles, new_bodies, planted
