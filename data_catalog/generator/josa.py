"""Korean particles (조사) chosen by the final consonant of the word they follow.

Generated text must never show the lazy "을(를)" / "(으)로" forms that template code tends to leave
behind: a real posting or résumé writes "요양보호사를", "정규직으로", "서울로". The choice depends on
whether the last syllable has a final consonant (받침) — and, for 으로/로, whether that consonant is ㄹ.
Words ending in a digit or a Latin letter are decided by how they are read aloud ("2가" reads 이가, "3이"
삼이, "10을" 십을, "SQL을" 에스큐엘을), and closing brackets are looked past ("HACCP(위생)을").
"""

from __future__ import annotations

import re
from typing import Any

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # index of ㄹ among the 28 final consonants (0 = none)

PAIRS: dict[str, tuple[str, str]] = {
    "을/를": ("을", "를"),
    "이/가": ("이", "가"),
    "은/는": ("은", "는"),
    "과/와": ("과", "와"),
    "으로/로": ("으로", "로"),
    "이나/나": ("이나", "나"),
    "이에요/예요": ("이에요", "예요"),
}
"""Each pair as (after a final consonant, after a vowel); 으로/로 also takes 로 after ㄹ."""

_ALIASES: dict[str, str] = {form: pair for pair, forms in PAIRS.items() for form in (pair, *forms)}
"""Any form of a pair names the pair: "{occ:을}" and "{occ:를}" both mean 을/를."""

# final consonant of the Korean reading of each digit: 영 일 이 삼 사 오 육 칠 팔 구 (0 = none, 8 = ㄹ)
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
# a number ending in zeros is read by its last unit: 십 (ㅂ), 백 (ㄱ), 천 (ㄴ); from 4 zeros on 만 (ㄴ), 억 (ㄱ)
_ZERO_UNIT_FINAL = {1: 17, 2: 1, 3: 4}
_MAN_FINAL = 4
# Latin letters read with a final consonant: el, em, en, ar (l and r read as ㄹ)
_LATIN_FINAL = {"l": 8, "r": 8, "m": 16, "n": 4}


def _number_final(digits: str) -> int:
    """Final consonant of a run of digits read in Sino-Korean (10 십, 300 삼백, 2000 이천, 50000 오만)."""
    digits = digits.lstrip("0") or "0"
    if digits == "0":
        return _DIGIT_FINAL["0"]
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0:
        return _DIGIT_FINAL[digits[-1]]
    if zeros >= 12:  # 조
        return 0
    if zeros >= 8:  # 억
        return 1
    if zeros >= 4:  # 만 (20000 이만, 3000000 삼백만)
        return _MAN_FINAL
    return _ZERO_UNIT_FINAL[zeros]


def final_consonant(word: str) -> int | None:
    """Index (0–27) of the final consonant of how `word` ends when read; 0 = a vowel; None = undecidable."""
    i = len(word) - 1
    while i >= 0:
        c = word[i]
        code = ord(c)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            return (code - _HANGUL_FIRST) % 28
        if c.isdigit() and c.isascii():
            j = i
            while j > 0 and (word[j - 1].isdigit() or (word[j - 1] == "," and j > 1 and word[j - 2].isdigit())):
                j -= 1
            run = word[j : i + 1].replace(",", "")
            if j > 0 and word[j - 1] == ".":  # a decimal fraction is read digit by digit: 1.5 일점오
                return _DIGIT_FINAL[run[-1]]
            return _number_final(run)
        if c.isascii() and c.isalpha():
            return _LATIN_FINAL.get(c.lower(), 0)
        i -= 1  # brackets, punctuation, spaces, symbols: look further back
    return None


def attach(word: str, pair: str) -> str:
    """`word` followed by the right form of `pair` ("을/를", "이/가", "은/는", "과/와", "으로/로", ...).

    A word with nothing readable to decide by takes the form after a consonant.
    """
    key = _ALIASES.get(pair)
    if key is None:
        raise ValueError(f"unknown particle pair {pair!r}; expected one of {sorted(PAIRS)}")
    after_consonant, after_vowel = PAIRS[key]
    final = final_consonant(word)
    if final is None:
        return word + after_consonant
    if key == "으로/로":
        return word + (after_vowel if final in (0, _RIEUL) else after_consonant)
    return word + (after_consonant if final else after_vowel)


_FIELD = re.compile(r"\{(\w+)(?::([^{}]+))?\}")


def josa_format(template: str, **fields: Any) -> str:
    """Fill "{name}" and "{name:particle}" fields: "{occ:을} 모집합니다" → "요양보호사를 모집합니다".

    The particle may be any form of a pair ("{firm:은}" and "{firm:는}" are the same); a field without one
    is filled as it is. Braces are otherwise left alone only if they name no field (no str.format escapes).
    """

    def fill(m: re.Match[str]) -> str:
        name, particle = m.group(1), m.group(2)
        if name not in fields:
            raise KeyError(name)
        value = str(fields[name])
        return attach(value, particle) if particle else value

    return _FIELD.sub(fill, template)
