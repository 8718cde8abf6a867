"""Recognise a file's column headers as schema columns: Korean label, English label or the schema name.

Real extracts name their columns the way the people who made them read them: '공고 ID', 'Posting id',
'Posting_ID', '공고번호(posting_id)'. `recognise_headers` renames such headers to the schema name before
validation, so a file made from the catalog page imports without a column map. What it cannot decide it
does not guess: a required column still missing gets a Korean hint naming the `--column-map` entry to
add (with the closest file header, found with `difflib`, where one is plausible), and two file columns
that would both become the same schema column are reported as a clash and neither is renamed.

Matching is exact after normalisation (`header_key`: case, spaces, underscores, hyphens and dots
ignored; 'ID' and '아이디' the same word). A header "A(B)" is also tried as A and as B, and a spec label
"A(B)" also matches a header A when no other column of the table claims A. A label that starts with the
last part of the table's name also matches with the whole name ('공고 ID' in 구인공고 → '구인공고 ID').

Use (the importer): read → apply the user's column map → `recognise_headers` → `validate_frame(m.frame)`;
the explicit map runs first, so a header the user mapped is never renamed again.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass, field

import pandas as pd

from data_catalog.spec import TABLES, Col, TableSpec

SUGGEST_CUTOFF = 0.6
"""The least `difflib` similarity (0–1, of the normalised headers) at which a file header is suggested."""

_PARENS = re.compile(r"^(?P<out>[^()]*)\((?P<inner>[^()]*)\)\s*$")
_IGNORED = re.compile(r"[\s_\-.·/]+")
_SYNONYMS = (("아이디", "id"),)
_SUGGEST_SYNONYMS = (("번호", "id"), ("코드", "code"))  # only for suggestions: '사업장번호' ~ '사업체 ID'


def header_key(text: str) -> str:
    """A header reduced to what identifies it: lower case, no spaces, underscores, hyphens, dots."""
    key = _IGNORED.sub("", str(text)).casefold()
    for word, same in _SYNONYMS:
        key = key.replace(word, same)
    return key


def _parts(text: str) -> list[str]:
    """The header itself, then what is outside and inside a trailing parenthesis: '공고번호(posting_id)'."""
    out = [text]
    m = _PARENS.match(str(text))
    if m:
        out += [m["out"], m["inner"]]
    return [p for p in out if p.strip()]


@functools.cache
def _aliases(table: str) -> tuple[dict[str, str], dict[str, str]]:
    """(exact keys, secondary keys) → schema name. A key two columns would share is dropped from both."""
    spec = TABLES[table]
    exact: dict[str, set[str]] = {}
    secondary: dict[str, set[str]] = {}
    table_words = [spec.ko[i:] for i in range(1, len(spec.ko))]  # '구인공고' → '인공고', '공고', '고'
    for c in spec.columns:
        for label in (c.name, c.ko, c.en):
            exact.setdefault(header_key(label), set()).add(c.name)
        m = _PARENS.match(c.ko)
        if m and m["out"].strip():
            secondary.setdefault(header_key(m["out"]), set()).add(c.name)
        for tail in table_words:
            if len(tail) > 1 and c.ko.startswith(tail):
                secondary.setdefault(header_key(spec.ko + c.ko[len(tail) :]), set()).add(c.name)
                break

    def unique(keys: dict[str, set[str]]) -> dict[str, str]:
        return {k: next(iter(v)) for k, v in keys.items() if len(v) == 1 and k}

    ex = unique(exact)
    sec = {k: v for k, v in unique(secondary).items() if k not in exact}
    return ex, sec


def match_header(header: str, table: str | TableSpec) -> str | None:
    """The schema column a file header names, or None (no match, or more than one column fits)."""
    exact, secondary = _aliases(table if isinstance(table, str) else table.name)
    whole, *parts = map(header_key, _parts(header))
    for keys in (exact, secondary):
        if whole in keys:  # the header as written first: '규모(종사자 수)' is size_band, not employees
            return keys[whole]
        found = {keys[k] for k in parts if k in keys}
        if len(found) > 1:
            return None
        if found:
            return found.pop()
    return None


def _label(c: Col) -> str:
    return f"'{c.ko}'({c.name})"


@dataclass
class HeaderMatch:
    """What `recognise_headers` did to a frame's headers and what the user still has to map."""

    frame: pd.DataFrame = field(repr=False)  # the input frame with recognised headers renamed
    table: str
    renamed: dict[str, str]  # file header → schema name, applied
    missing: list[str]  # schema columns still absent from `frame`
    suggestions: dict[str, str]  # file header → schema name for a missing column: a guess, not applied
    clashes: dict[str, list[str]]  # schema name → the file headers that all name it (none renamed)
    unmatched: list[str]  # file headers that are no schema column (ignored by validation)
    messages_ko: list[str]  # one Korean line per clash and per missing column

    @property
    def ok(self) -> bool:
        """Every schema column is present and nothing clashed."""
        return not self.missing and not self.clashes

    def column_map(self) -> dict[str, str]:
        """The column map that reproduces this recognition plus the suggestions, for `--column-map`."""
        return {**self.renamed, **self.suggestions}


def recognise_headers(df: pd.DataFrame, table: str) -> HeaderMatch:
    """Rename headers that name a schema column (Korean/English label, or the schema name written
    differently) to the schema name; report clashes and hint at the column map for what is missing.

    A header that already is a schema name is kept and wins over any other header naming the same
    column (that other header is reported, not renamed); two other headers naming one column are both
    left alone and reported. The frame's index (the file row numbers) is not touched.
    """
    spec = TABLES[table]
    names = {c.name for c in spec.columns}
    headers = [str(h) for h in df.columns]
    claims: dict[str, list[str]] = {}
    for h in headers:
        if h in names:
            continue
        target = match_header(h, spec)
        if target is not None:
            claims.setdefault(target, []).append(h)
    renamed: dict[str, str] = {}
    clashes: dict[str, list[str]] = {}
    for target, hs in claims.items():
        if target in headers:
            clashes[target] = [target, *hs]
        elif len(hs) > 1:
            clashes[target] = hs
        else:
            renamed[hs[0]] = target
    out = df.rename(columns=renamed)
    present = set(out.columns)
    missing = [c.name for c in spec.columns if c.name not in present and not c.optional]
    claimed = {h for hs in clashes.values() for h in hs}
    free = [h for h in headers if h not in names and h not in renamed and h not in claimed]
    suggestions = _suggest(free, [spec.col(m) for m in missing if m not in clashes])
    messages = [_clash_message(spec.col(t), hs, t in headers) for t, hs in clashes.items()]
    messages += [_missing_message(spec.col(m), suggestions) for m in missing if m not in clashes]
    return HeaderMatch(
        frame=out,
        table=table,
        renamed=renamed,
        missing=missing,
        suggestions=suggestions,
        clashes=clashes,
        unmatched=[h for h in free if h not in suggestions],
        messages_ko=messages,
    )


def _suggest_key(text: str) -> str:
    key = header_key(text)
    for word, same in _SUGGEST_SYNONYMS:
        key = key.replace(word, same)
    return key


def _suggest(free: list[str], missing: list[Col]) -> dict[str, str]:
    """Closest free file header per missing column (difflib ratio ≥ SUGGEST_CUTOFF), each header used once."""
    scored = []
    for c in missing:
        targets = {_suggest_key(t) for t in (c.name, c.ko, c.en, *_parts(c.ko)[1:])}
        for h in free:
            keys = {_suggest_key(p) for p in _parts(h)}
            score = max(difflib.SequenceMatcher(None, k, t).ratio() for k in keys for t in targets)
            if score >= SUGGEST_CUTOFF:
                scored.append((score, h, c.name))
    out: dict[str, str] = {}
    for _, h, name in sorted(scored, key=lambda s: -s[0]):
        if h not in out and name not in out.values():
            out[h] = name
    return out


def _missing_message(c: Col, suggestions: dict[str, str]) -> str:
    head = f"필수 열 {_label(c)}이(가) 없습니다."
    header = next((h for h, name in suggestions.items() if name == c.name), None)
    if header is not None:
        return f'{head} 파일의 \'{header}\' 열이 이것이라면 열 대응에 "{header}": "{c.name}"를 추가해 주세요.'
    return f'{head} 파일에 다른 이름으로 있다면 열 대응에 "<파일의 열 이름>": "{c.name}"를 추가해 주세요.'


def _clash_message(c: Col, headers: list[str], exact_present: bool) -> str:
    listed = ", ".join(f"'{h}'" for h in headers)
    if exact_present:
        others = ", ".join(f"'{h}'" for h in headers[1:])
        return (
            f"파일의 {listed} 열이 모두 {_label(c)}을(를) 가리킵니다. '{c.name}' 열을 쓰고 {others} 열은 "
            "이름을 바꾸지 않았습니다(검증에서 무시됩니다). 다른 열이 맞다면 파일에서 열 이름을 고쳐 주세요."
        )
    return (
        f"파일의 {listed} 열이 모두 {_label(c)}을(를) 가리켜 어느 것도 이름을 바꾸지 않았습니다. "
        f'맞는 열 하나를 골라 열 대응에 "{headers[0]}": "{c.name}"처럼 추가해 주세요.'
    )


def column_map_json(match: HeaderMatch) -> str:
    """The suggested column map as JSON text to save and pass as `--column-map` (or paste on the import
    page): recognised renames plus suggestions for missing columns, which the user should check first."""
    return json.dumps(match.column_map(), ensure_ascii=False, indent=2)
