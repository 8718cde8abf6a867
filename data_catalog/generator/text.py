"""Korean text of the synthetic world: posting titles and bodies, résumés, firm names and course titles.

Why a grammar: text models trained on the synthetic warehouse (title classifiers, wage extraction, the law
violation screen, résumé–posting matching) learn whatever regularity the generator leaves. Six titles and
twenty fixed sentences let a model match templates instead of reading; real 구인공고 vary in layout (■ headers,
[대괄호], prose), in how each fact is phrased (경력 무관 · 신입 가능 · 경무), in how a wage is written (월 230만원 ·
월급 2,300,000원 · 연봉 2천7백6십만원) and carry small slips (a missing space, a swapped syllable).

So every title and body is drawn from a grammar: optional, reordered sections, several header styles, list or
prose forms and several phrasings per fact, plus rare noise. Two rules hold throughout:

- every fact the text states agrees with the posting's fields (wage amount and unit, weekly hours, work days,
  shift, probation, contract type, education, career, closing date, channel). A typo never touches a number,
  a date, a name or a fact word; a dropped or doubled space never touches a name or the space next to a digit,
  but may fall inside a phrase ("고졸이상"), so a checker should compare without spaces;
- every particle after a variable word is chosen by `josa.attach` (요양보호사를, 정규직으로, 서울로): the text never
  shows "을(를)" or "(으)로".

The phrasings of each coded fact are listed in the `*_WORDS` tables so a checker can read them back.
Randomness: each public function draws one seed from the numpy generator it is given and runs a
`random.Random` from it (fast per-row choices); the same generator state gives the same text.
"""

from __future__ import annotations

import random
import re
from bisect import bisect
from collections.abc import Callable, Sequence
from itertools import accumulate

import numpy as np
import pandas as pd

from data_catalog.generator.josa import attach, josa_format
from data_catalog.spec import CONTRACTS, COURSE_LEVELS, EDUCATION, EDUCATION_REQ, EDUCATION_SCHOOL, SHIFTS, WAGE_TYPES

__all__ = [
    "CAREER_ANY_WORDS",
    "CONTRACT_WORDS",
    "EDUCATION_REQ_WORDS",
    "SHIFT_WORDS",
    "WAGE_UNIT_WORDS",
    "course_titles",
    "firm_names",
    "posting_texts",
    "resume_texts",
    "skeleton",
    "wage_phrase",
]

# ----------------------------------------------------------------------------- fact vocabularies
CONTRACT_WORDS: dict[str, tuple[str, ...]] = {
    "permanent": (CONTRACTS["permanent"],),
    "fixed_term": (CONTRACTS["fixed_term"], f"{CONTRACTS['fixed_term']}(기간제)", "기간제"),
    "part_time": (CONTRACTS["part_time"], f"{CONTRACTS['part_time']}(파트타임)", "파트타임", "단시간"),
    "dispatch": (CONTRACTS["dispatch"], "파견"),
}
"""How each contract type is written (the first, the spec label, is what a body's conditions always carry)."""

SHIFT_WORDS: dict[str, tuple[str, ...]] = {
    "day": (SHIFTS["day"], f"{SHIFTS['day']} 근무", f"{SHIFTS['day']} 고정"),
    "shift": (SHIFTS["shift"], f"{SHIFTS['shift']} 근무", f"{SHIFTS['shift']}제", f"{SHIFTS['shift']}근무"),
    "night": (SHIFTS["night"], f"{SHIFTS['night']} 근무", f"{SHIFTS['night']} 고정", f"{SHIFTS['night']} 전담"),
}
EDUCATION_REQ_WORDS: dict[str, tuple[str, ...]] = {
    "any": (EDUCATION_REQ["any"], "학력 무관", "학력 제한 없음"),
    "high_school": (EDUCATION_REQ["high_school"], "고등학교 졸업 이상", "고졸↑"),
    "college": (EDUCATION_REQ["college"], "초대졸 이상", "전문대학 졸업 이상", "전문대졸↑"),
    "university": (
        EDUCATION_REQ["university"],
        "대졸(4년제) 이상",
        "4년제 대학 졸업 이상",
        "대학교 졸업 이상",
        "학사 이상",
        "대졸↑",
    ),
    "graduate": (EDUCATION_REQ["graduate"], "석사 학위 이상", "대학원(석사) 졸업 이상", "대학원 졸업 이상", "석사↑"),
}


def _wage_label(wage_type: str) -> str:
    return WAGE_TYPES.ko(wage_type, {"daily": "일급"}.get(wage_type))


WAGE_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "hourly": (_wage_label("hourly"), "시간당"),
    "daily": (_wage_label("daily"), "일당"),
    "monthly": ("월", _wage_label("monthly"), "월 급여"),
    "annual": (_wage_label("annual"), "연"),
}
"""The word before a wage amount, by wage type (the amount follows: 10,030원, 230만원, 2,760만 원, 2천7백6십만원)."""


# ----------------------------------------------------------------------------- small helpers
class _W:
    """A weighted choice among fixed options: `_W(("a", 3), ("b", 1))(r)`."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, *pairs: tuple[str, float]) -> None:
        self.items = [p[0] for p in pairs]
        self.cum = list(accumulate(p[1] for p in pairs))
        self.total = self.cum[-1]

    def __call__(self, r: random.Random) -> str:
        return self.items[bisect(self.cum, r.random() * self.total)]


_CAREER_ANY_SHORT = _W(("경력무관", 4), ("신입가능", 3), ("초보가능", 1), ("신입/경력", 2), ("경무", 0.5))
_CAREER_ANY = _W(
    ("경력 무관", 4), ("경력무관", 2), ("신입 가능", 3), ("신입/경력 무관", 2), ("신입 지원 가능", 1), ("경무", 0.4)
)
_CAREER_ANY_PROSE = ("경력이 없어도 지원할 수 있습니다.", "신입도 지원 가능합니다.", "경력은 무관합니다.")
_CAREER_K_SHORT = _W(("경력 {k}년↑", 3), ("경력 {k}년 이상", 3), ("{k}년 이상 경력", 1), ("경력{k}년↑", 1))
_CAREER_K = _W(
    ("경력 {k}년 이상", 5),
    ("관련 경력 {k}년↑", 2),
    ("해당 업무 경력 {k}년 이상", 2),
    ("{k}년 이상 경력자", 2),
    ("동종 업계 경력 {k}년 이상", 1),
)
CAREER_ANY_WORDS: tuple[str, ...] = tuple(
    dict.fromkeys([*_CAREER_ANY.items, *_CAREER_ANY_SHORT.items, *_CAREER_ANY_PROSE])
)
"""How a career requirement of 0 years is written; N years always read "N년" ("경력 N년 이상", "관련 경력 N년↑")."""
_HOURS = _W(("주 {h}시간", 6), ("주{h}시간", 2), ("주당 {h}시간", 2), ("1주 {h}시간", 1))
_DAYS5 = _W(("주 5일", 3), ("주5일", 3), ("월~금", 2), ("주 5일(월~금)", 2), ("주5", 0.3))
_DAYS6 = _W(("주 6일", 3), ("주6일", 2), ("월~토", 1), ("주 6일(월~토)", 1))
_OPEN_ENDED = _W(("채용 시 마감", 5), ("채용시 마감", 2), ("상시 채용(채용 시 마감)", 1))
_TITLE_SEP = _W((" / ", 4), (" | ", 2), (" · ", 2), (" - ", 2), (", ", 1), ("-", 1), (" ", 1), ("/", 1))
_TITLE_END = _W(
    ("모집", 6),
    ("채용", 6),
    ("구인", 3),
    ("모십니다", 2),
    ("구합니다", 2),
    ("채용합니다", 2),
    ("모집합니다", 2),
    ("신규 채용", 1),
    ("충원", 1),
    ("채용 공고", 1),
    ("찾습니다", 1),
    ("인원 충원", 0.5),
)
_TITLE_VERB = _W(
    ("모집합니다", 3),
    ("채용합니다", 3),
    ("모십니다", 2),
    ("찾습니다", 2),
    ("구합니다", 2),
    ("구인합니다", 1),
    ("채용 중입니다", 1),
    ("모집 중", 1),
    ("급히 구합니다", 0.5),
)
_TITLE_N = _W(("{n}명", 5), ("({n}명)", 1), ("{n}인", 0.5))


def _seeded(rng: np.random.Generator) -> random.Random:
    return random.Random(int(rng.integers(0, 2**63 - 1)))


def _hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3"


_VOWEL_SWAP = {1: 5, 5: 1, 4: 8, 8: 4, 13: 18, 18: 13, 6: 10, 20: 19}  # ㅐ↔ㅔ ㅓ↔ㅗ ㅜ↔ㅡ ㅕ↔ㅛ ㅣ↔ㅢ


def _typo(r: random.Random, s: str) -> str:
    """One Hangul syllable of generic text swapped for a close one (ㅐ↔ㅔ, a dropped or added 받침).

    Never inside a "{field}" placeholder and never right after a digit (a unit such as 년, 명, 시간).
    """
    depth, idx = 0, []
    for i, c in enumerate(s):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and _hangul(c) and not (i > 0 and s[i - 1].isdigit()):
            idx.append(i)
    if not idx:
        return s
    i = r.choice(idx)
    code = ord(s[i]) - 0xAC00
    cho, jung, jong = code // 588, (code % 588) // 28, code % 28
    u = r.random()
    if jung in _VOWEL_SWAP and u < 0.5:
        jung = _VOWEL_SWAP[jung]
    elif jong:
        jong = 0
    else:
        jong = 4  # ㄴ
    return s[:i] + chr(0xAC00 + cho * 588 + jung * 28 + jong) + s[i + 1 :]


def _protected_spans(s: str, names: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    for n in names:
        if not n:
            continue
        start = s.find(n)
        while start >= 0:
            spans.append((start, start + len(n) + 2))  # the name and the particle after it
            start = s.find(n, start + 1)
    return spans


def _space_noise(r: random.Random, s: str, names: Sequence[str]) -> str:
    """Drop one space or double one, outside names (and never next to a digit)."""
    spans = _protected_spans(s, names)
    cand = [
        i
        for i, c in enumerate(s)
        if c == " "
        and 0 < i < len(s) - 1
        and not s[i - 1].isdigit()
        and not s[i + 1].isdigit()
        and not any(a <= i < b for a, b in spans)
    ]
    if not cand:
        return s
    i = r.choice(cand)
    return s[:i] + s[i + 1 :] if r.random() < 0.65 else s[:i] + "  " + s[i + 1 :]


def _man(amount: int, space: str = "") -> str:
    """230만 · 12만 5천 · 1만 30 (the 원 is added by the caller); amounts under 1만 as digits."""
    q, rem = divmod(int(amount), 10_000)
    if q == 0:
        return f"{amount:,}"
    if rem == 0:
        return f"{q:,}만"
    if rem % 1000 == 0:
        return f"{q:,}만{space}{rem // 1000}천"
    return f"{q:,}만{space}{rem:,}"


def _sino(n: int) -> str:
    """1 ≤ n < 10,000 in digit+unit form: 2760 → 2천7백6십, 3000 → 3천, 1005 → 1천5."""
    out = []
    for unit, div in (("천", 1000), ("백", 100), ("십", 10)):
        d, n = divmod(n, div)
        if d:
            out.append(f"{d}{unit}")
    if n:
        out.append(str(n))
    return "".join(out)


def _eok_man(amount: int, sino: bool) -> str:
    """Whole 만원 amounts with 억 when ≥ 1억: 1억 1,400만 / 1억 1천4백만 (caller adds 원)."""
    q = int(amount) // 10_000
    eok, man = divmod(q, 10_000)
    if eok == 0:
        return f"{_sino(man)}만" if sino else f"{man:,}만"
    if man == 0:
        return f"{eok}억"
    return f"{eok}억 {_sino(man) if sino else f'{man:,}'}만"


# ----------------------------------------------------------------------------- wage
_WON_SPACE = _W(("원", 8), (" 원", 2))
_INCLUSIVE = _W(
    ("(포괄임금제, 연장수당 포함)", 4),
    (" (포괄임금제)", 3),
    (", 포괄임금제 적용", 2),
    ("(포괄산정임금, 연장·야간수당 포함)", 1),
    (" ※포괄임금제", 1),
)
_NOT_INCLUSIVE = _W(("(연장근로수당 별도)", 3), (", 연장·야간 근무 시 수당 별도 지급", 2), (" + 연장수당 별도", 1))
_HOURLY_UNIT = _W(("시급", 8), ("시간당", 2))
_DAILY_UNIT = _W(("일급", 6), ("일당", 4))
_MONTHLY_UNIT = _W(("월", 5), ("월급", 3), ("월 급여", 2))
_ANNUAL_UNIT = _W(("연봉", 7), ("연", 3))
_PRETAX = _W(("", 7), ("(세전)", 2), (" (세전)", 1))


_NO_WAGE = _W(("회사 내규에 따름", 3), ("면접 후 협의", 3), ("추후 협의", 1), ("협의 후 결정", 2))
_NO_WAGE_PROSE = ("급여는 회사 내규에 따릅니다.", "급여는 면접 후 협의합니다.", "급여: 협의 후 결정.")


def _wage_core(r: random.Random, wage_type: str, amount: int) -> str:
    """Unit word and amount: "시급 10,030원", "월 230만 원(세전)", "연봉 2천7백6십만원"; no amount when it is 0."""
    amount = int(amount)
    if amount <= 0:  # the wage is left out (a posting missing an essential term)
        if wage_type not in WAGE_UNIT_WORDS:
            raise ValueError(f"unknown wage type {wage_type!r}")
        return _NO_WAGE(r)
    won = _WON_SPACE(r)
    u = r.random()
    if wage_type == "hourly":
        unit = _HOURLY_UNIT(r)
        if amount >= 10_000 and (u < 0.04 or (amount % 1000 == 0 and u < 0.3)):
            num = _man(amount, " " if r.random() < 0.6 else "")
        else:
            num = f"{amount:,}"
        text = f"{unit} {num}{won}"
    elif wage_type == "daily":
        unit = _DAILY_UNIT(r)
        num = _man(amount, " " if r.random() < 0.5 else "") if amount % 1000 == 0 and u < 0.6 else f"{amount:,}"
        text = f"{unit} {num}{won}"
    elif wage_type == "monthly":
        unit = _MONTHLY_UNIT(r)
        num = _man(amount, " ") if amount % 10_000 == 0 and u < 0.7 else f"{amount:,}"
        text = f"{unit} {num}{won}{_PRETAX(r)}"
    elif wage_type == "annual":
        unit = _ANNUAL_UNIT(r)
        num = _eok_man(amount, sino=u < 0.05) if amount % 10_000 == 0 and u < 0.82 else f"{amount:,}"
        text = f"{unit} {num}{won}{_PRETAX(r)}"
    else:
        raise ValueError(f"unknown wage type {wage_type!r}")
    return text


def _wage_note(r: random.Random, inclusive: bool, prose: bool) -> str:
    """포괄임금제 (always stated when it applies) or, sometimes, overtime paid on top; a sentence in prose."""
    if prose:
        if inclusive:
            return r.choice(["포괄임금제로 연장근로수당이 포함된 금액입니다.", "포괄임금제를 적용합니다."])
        return "연장·야간 근무 시 수당은 별도로 지급합니다." if r.random() < 0.2 else ""
    return _INCLUSIVE(r) if inclusive else _NOT_INCLUSIVE(r) if r.random() < 0.2 else ""


def _wage(r: random.Random, wage_type: str, amount: int, inclusive: bool) -> str:
    text = _wage_core(r, wage_type, amount)
    extra = _wage_note(r, inclusive, prose=False)
    if extra.startswith("(") and text.endswith(")"):
        extra = " " + extra
    return text + extra


def wage_phrase(rng: np.random.Generator, wage_type: str, amount: int, inclusive: bool) -> str:
    """A wage as Korean postings write it: "시급 10,030원", "월 230만원(세전)", "연봉 2,760만 원(포괄임금제)".

    `wage_type` is one of hourly, daily (일급), monthly, annual; `amount` is in that unit (원). The amount read
    back from the phrase is always exactly `amount`; `inclusive` (포괄임금제) is always stated when true. An amount
    of 0 (not given) states none: "면접 후 협의", "회사 내규에 따름".
    """
    return _wage(_seeded(rng), wage_type, amount, inclusive)


def _wage_hook(r: random.Random, wage_type: str, amount: int) -> str:
    """The short wage of a title ("월 250만", "시급 10,030원", "시급 1.1만", "연봉 3천"): exact, never rounded."""
    amount = int(amount)
    if wage_type == "hourly":
        if amount % 1000 == 0 and amount >= 10_000 and r.random() < 0.6:
            return f"시급 {amount / 10_000:g}만"
        return f"{_HOURLY_UNIT(r)} {amount:,}원"
    if wage_type == "daily":
        if amount % 10_000 == 0:
            return f"{_DAILY_UNIT(r)} {amount // 10_000}만{'원' if r.random() < 0.5 else ''}"
        return f"{_DAILY_UNIT(r)} {amount:,}원"
    if wage_type == "monthly":
        if amount % 10_000 == 0:
            return f"{'월' if r.random() < 0.7 else '월급'} {amount // 10_000:,}만{'원' if r.random() < 0.4 else ''}"
        return f"월 {amount:,}원"
    if amount % 10_000_000 == 0 and amount < 100_000_000 and r.random() < 0.4:
        return f"연봉 {amount // 10_000_000}천"
    if amount % 10_000 == 0:
        return f"{_ANNUAL_UNIT(r)} {_eok_man(amount, sino=False)}{'원' if r.random() < 0.4 else ''}"
    return f"연봉 {amount:,}원"


def _probation(r: random.Random, months: int, pct: int, prose: bool) -> str:
    if months <= 0:
        if r.random() < 0.06:
            return "수습기간은 없습니다." if prose else "수습기간 없음"
        return ""
    m, p = int(months), int(pct)
    if p >= 100:
        if prose:
            return r.choice(
                [f"수습기간 {m}개월 동안에도 급여는 100% 지급합니다.", f"수습 {m}개월이 있으며 급여 감액은 없습니다."]
            )
        return r.choice([f"수습 {m}개월(급여 100% 지급)", f"수습 {m}개월 (감액 없음)", f"수습기간 {m}개월, 급여 100%"])
    if prose:
        return r.choice(
            [
                f"수습기간 {m}개월 동안은 급여의 {p}%를 지급합니다.",
                f"수습 {m}개월간 급여의 {p}%가 지급됩니다.",
                f"입사 후 수습기간 {m}개월 동안 급여의 {p}%를 지급합니다.",
            ]
        )
    return r.choice(
        [
            f"수습 {m}개월(급여의 {p}%)",
            f"수습기간 {m}개월 동안 {p}% 지급",
            f"수습 {m}개월 ({p}% 적용)",
            f"수습기간 {m}개월, 수습 중 급여 {p}%",
            f"수습 {m}개월간 급여의 {p}% 지급",
        ]
    )


# ----------------------------------------------------------------------------- duties
_DUTY_SPLIT = re.compile(r"(?<=하)(?:고|며),? ")


def _adnominal(sentence: str) -> str:
    """Plain present → 는-form: "…관리한다." → "…관리하는"; "…만든다." → "…만드는"; "…먹는다." → "…먹는"."""
    s = sentence.rstrip().rstrip(".")
    if s.endswith("는다"):
        return s[:-1]
    if s.endswith("다") and len(s) >= 2 and _hangul(s[-2]):
        code = ord(s[-2]) - 0xAC00
        if code % 28 == 4:  # ㄴ 받침: 한 → 하, 든 → 드, 본 → 보
            return s[:-2] + chr(0xAC00 + code - 4) + "는"
    return s + "는"


def _task(sentence: str) -> str:
    """The duties as a noun phrase: "…점검하는 업무", or "…업무를 수행하는 일" (never "업무를 …하는 업무")."""
    adn = _adnominal(sentence)
    return adn + (" 일" if "업무" in adn[-10:] else " 업무")


def _duty_items(sentence: str) -> list[str]:
    """Bullet form: "A를 관리하고 B를 점검한다." → ["A를 관리", "B를 점검"]; other endings give one "…하는 업무".

    A clause without its own object ("…를 연구하고 개발한다") joins the one before: "…를 연구·개발".
    """
    s = sentence.rstrip().rstrip(".")
    if s.endswith(("를 한다", "을 한다")):  # "…하는 시설 관리 업무를 한다" → one noun phrase
        return [s[:-4]]
    if not s.endswith("한다"):
        return [_task(sentence)]
    items: list[str] = []
    for part in _DUTY_SPLIT.split(s[:-2]):
        part = part.strip().removesuffix("하")
        if not part:
            continue
        if items and " " not in part:
            items[-1] += "·" + part
        else:
            items.append(part)
    return items


def _duty_names(sentence: str) -> list[str]:
    """The pieces of a duties sentence the text may show, for `skeleton` to remove."""
    s = sentence.rstrip().rstrip(".")
    out = [sentence, s, s[:-2] if len(s) > 2 else s, _adnominal(sentence), _task(sentence)]
    out += _duty_items(sentence)
    if s.endswith("한다"):
        out += [p.strip() for p in _DUTY_SPLIT.split(s[:-2])]
    return out


# ----------------------------------------------------------------------------- skeleton
_DIGITS = re.compile(r"\d[\d,]*")
_SPACES = re.compile(r"\s+")


def skeleton(text: str, names: list[str]) -> str:
    """`text` with the given names removed, digit runs (with their thousands commas) as '#', spaces collapsed.

    For the realism report: what is left is the grammar's own wording. A name also removes its pieces the text
    may show: the parts of a ';'-separated list, each word of a two-word name ("서울 강남구" → "강남구"; not
    within a list, so the skill "교대 근무" does not remove every "근무"),
    and the clauses and 는-form of a duties sentence ending in "다.". Longer names go first.
    """
    expanded: set[str] = set()
    for name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        parts = [x.strip() for x in name.split(";") if x.strip()]
        for part in parts:
            expanded.add(part)
            if part.endswith("다."):
                expanded.update(_duty_names(part))
            words = part.split()
            if len(parts) == 1 and len(words) == 2 and all(len(w) >= 2 for w in words):
                expanded.update(words)
    for name in sorted((n for n in expanded if n), key=len, reverse=True):
        text = text.replace(name, "")
    return _SPACES.sub(" ", _DIGITS.sub("#", text)).strip()


# ----------------------------------------------------------------------------- posting pieces
_WEEKDAY = "월화수목금토일"
_BULLETS = _W(("- ", 5), ("· ", 3), ("• ", 2), ("ㆍ", 1), ("* ", 1), ("  - ", 1), ("○ ", 1), ("#num", 2), ("#circ", 1))
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_HEADER_STYLES = _W(
    ("■ {h}", 5),
    ("[{h}]", 5),
    ("- {h}:", 3),
    ("※ {h}", 2),
    ("◆ {h}", 2),
    ("● {h}", 2),
    ("▶ {h}", 2),
    ("<{h}>", 2),
    ("【{h}】", 2),
    ("{h}", 2),
    ("{h} :", 2),
    ("□ {h}", 1),
    ("○ {h}", 1),
    ("#num", 2),
    ("", 4),
)
_HEADERS: dict[str, _W] = {
    "duties": _W(
        ("담당업무", 5),
        ("업무 내용", 3),
        ("주요업무", 3),
        ("하는 일", 1),
        ("직무내용", 2),
        ("업무내용", 2),
        ("모집부문", 1),
    ),
    "req": _W(("자격요건", 5), ("지원자격", 4), ("자격 조건", 2), ("지원 자격", 2), ("필수 요건", 1), ("자격사항", 1)),
    "pref": _W(("우대사항", 6), ("우대 조건", 2), ("우대", 1), ("이런 분을 우대합니다", 1)),
    "cond": _W(("근무조건", 5), ("근무 조건", 3), ("근로조건", 2), ("근무환경", 1), ("근무형태 및 시간", 1)),
    "wage": _W(("급여", 5), ("급여 조건", 2), ("임금", 2), ("보수", 1), ("급여사항", 1), ("급여 및 수습", 1)),
    "benefit": _W(("복리후생", 6), ("복지", 2), ("복리 후생", 1), ("혜택", 1), ("복지 및 혜택", 1)),
    "apply": _W(
        ("접수 안내", 3), ("지원 안내", 3), ("접수 기간 및 방법", 3), ("전형 및 접수", 1), ("지원방법 및 마감", 1)
    ),
    "proc": _W(("전형절차", 5), ("채용 절차", 2), ("전형 방법", 1)),
}
_OPENERS = _W(
    ("{firm}에서 함께 성장할 {occ:을} 모집합니다.", 3),
    ("{region}에 위치한 {firm}입니다. {occ} 인력을 채용합니다.", 2),
    ("{firm:은} {region} 소재 사업장으로, {occ} 직원을 모집합니다.", 2),
    ("성실하고 책임감 있는 {occ:을} 찾습니다.", 2),
    ("{firm} {occ} 채용 공고입니다.", 2),
    ("안녕하세요. {firm}입니다.", 2),
    ("저희 {firm}에서 가족처럼 함께 일할 {occ:을} 모십니다.", 2),
    ("{occ} 업무를 맡아 주실 분을 찾고 있습니다.", 2),
    ("{region} 지역 {occ} 구인합니다.", 1),
    ("{firm:이} {occ:을} 채용합니다.", 2),
    ("사업 확장에 따라 {occ:을} 추가로 채용합니다.", 1),
    ("결원 충원을 위해 {occ:을} 모집합니다.", 1),
    ("{firm}에서 {occ} 분야의 인재를 기다립니다.", 1),
    ("{region} {firm}에서 {occ:을} 구합니다.", 1),
    ("함께 일할 {occ} 동료를 찾습니다.", 1),
    ("{firm:과} 함께할 {occ:을} 모집하오니 많은 지원 바랍니다.", 1),
)
_CLOSERS = _W(
    ("많은 지원 바랍니다.", 4),
    ("관심 있는 분들의 많은 지원 부탁드립니다.", 3),
    ("자세한 사항은 면접 시 안내해 드립니다.", 2),
    ("제출된 서류는 채용 목적 외에는 사용하지 않습니다.", 2),
    ("허위 기재 시 채용이 취소될 수 있습니다.", 1),
    ("감사합니다.", 1),
    ("문의 사항은 담당자에게 연락 바랍니다.", 1),
)
_GENERIC_REQ = _W(
    ("성실하고 책임감 있는 분", 3),
    ("장기 근무 가능한 분", 2),
    ("즉시 출근 가능한 분", 1),
    ("팀원과 원활히 소통할 수 있는 분", 1),
    ("해외여행에 결격 사유가 없는 분", 0.3),
    ("기본적인 컴퓨터 활용이 가능한 분", 1),
)
_GENERIC_PREF = _W(
    ("인근 거주자", 3),
    ("즉시 출근 가능자", 2),
    ("장기 근무 가능자", 2),
    ("관련 자격증 소지자", 3),
    ("유관 업무 경험자", 2),
    ("운전 가능자", 1),
    ("컴퓨터 활용 능력 우수자", 1),
    ("취업보호대상자 및 장애인", 1),
)
_SKILL_PREF = _W(("{s} 가능자", 3), ("{s} 경험자", 3), ("{s} 능숙자", 1), ("{s} 역량 보유자", 1))
_BENEFITS = [
    ("4대보험", 8),
    ("퇴직금", 6),
    ("연차휴가", 4),
    ("중식 제공", 4),
    ("식대 지원", 3),
    ("통근버스 운행", 2),
    ("기숙사 제공", 1.5),
    ("명절 선물", 2),
    ("명절 상여금", 2),
    ("경조사 지원", 2),
    ("건강검진", 2),
    ("교육비 지원", 1.5),
    ("주차 가능", 2),
    ("유니폼 지급", 1),
    ("자기계발비 지원", 1),
    ("생일 선물", 1),
    ("장기근속 포상", 1),
    ("인센티브", 1),
    ("성과급", 1),
    ("휴게실 완비", 1),
    ("작업복 지급", 1),
    ("차량 유류비 지원", 0.7),
    ("정기 상여금", 1),
    ("우수사원 포상", 0.7),
    ("휴양시설 이용", 0.5),
    ("자녀 학자금 지원", 0.5),
    ("사내 동호회", 0.5),
    ("간식 제공", 1),
]
_CHANNELS: dict[str, _W] = {
    "work24": _W(("고용24 온라인 입사지원", 4), ("고용24(www.work24.go.kr)를 통해 접수", 2), ("고용24 입사지원", 2)),
    "private_portal": _W(("채용 사이트 온라인 지원", 3), ("취업포털 즉시지원", 2), ("온라인 채용 포털 접수", 2)),
    "company_site": _W(("당사 홈페이지 접수", 3), ("회사 홈페이지 지원서 작성", 2), ("홈페이지 채용 게시판 접수", 1)),
    "job_fair": _W(("채용박람회 현장 접수", 3), ("박람회 현장 면접", 2), ("채용박람회 부스 방문 접수", 1)),
}
"""How to apply, as a list item, by channel."""
_CHANNEL_PROSE: dict[str, _W] = {
    "work24": _W(
        ("고용24에서 온라인으로 지원할 수 있습니다.", 3), ("고용24(www.work24.go.kr) 입사지원으로 접수합니다.", 2)
    ),
    "private_portal": _W(("채용 포털에서 온라인으로 지원해 주세요.", 3), ("취업포털 즉시지원으로 접수합니다.", 2)),
    "company_site": _W(
        ("당사 홈페이지에서 지원서를 작성해 주세요.", 3), ("회사 홈페이지 채용 게시판으로 접수합니다.", 2)
    ),
    "job_fair": _W(("채용박람회 현장에서 접수합니다.", 3), ("채용박람회 부스를 방문해 지원해 주세요.", 2)),
}
_PROCEDURES = _W(
    ("서류전형 → 면접 → 최종합격", 4),
    ("서류 심사 후 합격자에 한해 개별 연락", 3),
    ("1차 서류전형, 2차 면접", 2),
    ("면접 후 즉시 채용", 1),
    ("서류전형 > 실무면접 > 임원면접 > 최종합격", 1),
    ("서류전형 - 면접 - 채용검진 - 입사", 1),
)
_DOCUMENTS = _W(
    ("이력서, 자기소개서", 4),
    ("이력서 및 자기소개서(자유 양식)", 2),
    ("자사 양식 이력서", 1),
    ("이력서, 자기소개서, 경력증명서(경력자)", 1),
    ("이력서 1부", 1),
)


class _P:
    """One posting's fields and the per-posting choices the title and body share."""

    __slots__ = (
        "r",
        "region",
        "sido",
        "sgg",
        "occ",
        "firm",
        "contract",
        "shift",
        "career",
        "edu",
        "skills",
        "duties",
        "wtype",
        "amount",
        "hours",
        "days",
        "prob_m",
        "prob_p",
        "inclusive",
        "openings",
        "closing",
        "channel",
        "open_ended",
        "bullet",
    )

    def career_phrase(self, short: bool = False) -> str:
        if self.career <= 0:
            return (_CAREER_ANY_SHORT if short else _CAREER_ANY)(self.r)
        return (_CAREER_K_SHORT if short else _CAREER_K)(self.r).format(k=self.career)

    def contract_word(self, canonical: bool = False) -> str:
        words = CONTRACT_WORDS[self.contract]
        if canonical:
            return words[1] if len(words) > 1 and self.contract == "part_time" and self.r.random() < 0.3 else words[0]
        return words[0] if self.r.random() < 0.6 else self.r.choice(words)

    def shift_word(self) -> str:
        words = SHIFT_WORDS[self.shift]
        return words[0] if self.r.random() < 0.5 else self.r.choice(words)

    def edu_phrase(self) -> str:
        words = EDUCATION_REQ_WORDS[self.edu]
        return words[0] if self.r.random() < 0.55 else self.r.choice(words)

    def hours_text(self) -> str:
        h = f"{self.hours:g}"
        return _HOURS(self.r).format(h=h)

    def days_text(self) -> str:
        d, r = self.days, self.r
        if d == 5 and self.shift == "day":
            return _DAYS5(r)
        if d == 6 and self.shift == "day":
            return _DAYS6(r)
        return f"주 {d}일" if r.random() < 0.6 else f"주{d}일"

    def time_range(self) -> str:
        """A clock range when the daily hours are whole: 09:00~18:00(휴게 1시간); '' otherwise."""
        if self.days <= 0:
            return ""
        daily = self.hours / self.days
        if daily != int(daily) or not 4 <= daily <= 9 or self.shift == "shift":
            return ""
        daily = int(daily)
        brk = 60 if daily >= 8 else 30
        start = 22 * 60 if self.shift == "night" else self.r.choice([8 * 60, 8 * 60 + 30, 9 * 60, 9 * 60, 10 * 60])
        end = start + daily * 60 + brk
        nxt = "익일 " if end >= 24 * 60 else ""
        end %= 24 * 60
        brk_txt = "1시간" if brk == 60 else "30분"
        sep = self.r.choice(["~", " ~ ", "-"])
        return f"{start // 60:02d}:{start % 60:02d}{sep}{nxt}{end // 60:02d}:{end % 60:02d}(휴게 {brk_txt})"

    def deadline(self) -> str:
        if self.open_ended:
            return _OPEN_ENDED(self.r)
        y, m, d, wd = self.closing
        u = self.r.random()
        if u < 0.4:
            s = f"{y}-{m:02d}-{d:02d}"
        elif u < 0.8:
            s = f"{y}년 {m}월 {d}일"
        else:
            s = f"{y}년 {m}월 {d}일({_WEEKDAY[wd]})"
        return s + ("까지" if self.r.random() < 0.3 else "")

    def skill_list(self, k_max: int = 3) -> list[str]:
        if not self.skills:
            return []
        k = min(len(self.skills), self.r.randint(1, k_max))
        return self.r.sample(self.skills, k)


# ----------------------------------------------------------------------------- titles
class _T:
    """Pieces of a title; each call draws its own phrasing."""

    __slots__ = ("p", "used")

    def __init__(self, p: _P) -> None:
        self.p = p
        self.used: set[str] = set()

    def reg(self) -> str:
        p, u = self.p, self.p.r.random()
        return p.sgg if u < 0.55 else p.region if u < 0.8 else p.sido

    def reg_b(self) -> str:
        """The region in brackets: [강남구], (서울 강남구), [서울/강남구], <서울>."""
        p, u = self.p, self.p.r.random()
        if u < 0.12 and p.sido != p.sgg:
            return f"[{p.sido}/{p.sgg}]"
        reg = self.reg()
        if u < 0.7:
            return f"[{reg}]"
        if u < 0.85:
            return f"({reg})"
        return f"<{reg}>" if u < 0.93 else f"【{reg}】"

    def occx(self) -> str:
        p = self.p
        u = p.r.random()
        if u < 0.68:
            return p.occ
        extra = ["직원", "사원", "인력", "담당자"]
        extra.append("경력자" if p.career > 0 else "신입")
        return f"{p.occ} {p.r.choice(extra)}"

    def occ_obj(self) -> str:
        return attach(self.occx(), "을/를")

    @property
    def firm(self) -> str:
        return self.p.firm

    def firm_b(self) -> str:
        """The firm in brackets that do not nest with its own: [(주)한빛], (한빛정밀)."""
        f = self.p.firm
        return f"[{f}]" if "(" in f or self.p.r.random() < 0.5 else f"({f})"

    def dash(self) -> str:
        return self.p.r.choice([" — ", " - ", " | ", " / ", "_", " "])

    def sep(self) -> str:
        return _TITLE_SEP(self.p.r)

    def end(self) -> str:
        return _TITLE_END(self.p.r)

    def verb(self) -> str:
        return _TITLE_VERB(self.p.r)

    def n(self) -> str:
        if "n" in self.used:
            return self.tag()
        self.used.add("n")
        return _TITLE_N(self.p.r).format(n=self.p.openings)

    def wage(self) -> str:
        if "wage" in self.used or self.p.amount <= 0:
            return self.tag()
        self.used.add("wage")
        return _wage_hook(self.p.r, self.p.wtype, self.p.amount)

    def urg(self) -> str:
        p = self.p
        opts = [("급구", 4), ("급모집", 1), ("경력우대", 2), ("장기근무자 우대", 1)]
        if "fast" not in self.used:
            opts += [("즉시출근", 2), ("당일면접", 1)]
        if p.open_ended:
            opts.append(("상시채용", 4))
        if p.career <= 0 and "career" not in self.used:
            opts += [("신입환영", 3), ("초보환영", 1), ("신입가능", 1)]
        if p.openings >= 5:
            opts.append(("대량채용", 2))
        w = _W(*opts)(p.r)
        if w in ("신입환영", "초보환영", "신입가능"):
            self.used.add("career")
        elif w in ("즉시출근", "당일면접"):
            self.used.add("fast")
        return w

    def _tag_pool(self) -> list[tuple[str, str, float]]:
        """(fact, phrasing, weight) of the tags a title may carry; each fact at most once per title."""
        p = self.p
        r = p.r
        pool = [
            ("contract", p.contract_word(), 5),
            ("career", p.career_phrase(short=True), 4),
            ("wage", _wage_hook(r, p.wtype, p.amount), 3),
            ("edu", r.choice(EDUCATION_REQ_WORDS[p.edu]), 2),
            ("days", p.days_text() if p.days in (5, 6) else f"주{p.days}일", 2),
            ("shift", p.shift_word() if p.shift != "day" else SHIFTS["day"], 4 if p.shift != "day" else 0.6),
            ("ins", "4대보험", 1),
            ("fast", r.choice(["당일면접", "즉시출근"]), 1),
        ]
        if p.amount <= 0:
            pool = [x for x in pool if x[0] != "wage"]
        if p.contract == "part_time" or p.hours != 40:
            pool.append(("hours", p.hours_text(), 2))
        if p.inclusive:
            pool.append(("incl", "포괄임금", 0.4))
        return [x for x in pool if x[0] not in self.used]

    def tag(self) -> str:
        return self.tags(1, 1)

    def tags(self, lo: int, hi: int, sep: str | None = None) -> str:
        r = self.p.r
        pool = self._tag_pool()
        k = min(r.randint(lo, hi), len(pool))
        chosen: list[str] = []
        for _ in range(k):
            w = _W(*((str(j), x[2]) for j, x in enumerate(pool)))
            j = int(w(r))
            key, text, _ = pool.pop(j)
            chosen.append(text)
            self.used.add(key)
        if sep is None:
            sep = r.choice([", ", "/", " / ", " · ", " "])
        return sep.join(chosen)


_TITLE_FRAMES: list[Callable[[_T], str]] = [
    lambda t: f"{t.reg_b()} {t.occx()} {t.end()}",
    lambda t: f"{t.reg_b()} {t.occx()} {t.tag()} {t.end()}",
    lambda t: f"{t.occx()} {t.end()} ({t.tags(1, 3, ', ')})",
    lambda t: f"{t.occx()} {t.end()} ({t.tags(1, 2, ', ')}, {t.reg()})",
    lambda t: f"{t.firm_b()} {t.occx()} {t.end()}",
    lambda t: f"{t.firm}{t.dash()}{t.occx()} {t.end()}",
    lambda t: f"{t.firm}에서 {t.occ_obj()} {t.verb()}",
    lambda t: f"{t.urg()} {t.occx()} {t.end()}",
    lambda t: f"[{t.urg()}] {t.reg()} {t.occx()} {t.end()}",
    lambda t: f"{t.reg_b()} {t.firm}에서 {t.occ_obj()} {t.verb()}",
    lambda t: f"{t.reg()} {t.occx()} {t.n()} {t.end()}",
    lambda t: f"{t.occx()} {t.n()} {t.end()}{t.sep()}{t.tags(1, 2)}",
    lambda t: f"{t.occx()}{t.sep()}{t.wage()}{t.sep()}{t.tag()}",
    lambda t: f"{t.wage()} {t.occx()} {t.end()}",
    lambda t: f"({t.reg()}) {t.occx()} {t.end()}{t.sep()}{t.wage()}",
    lambda t: f"{t.tag()} {t.occx()} {t.end()}",
    lambda t: f"{t.occx()} {t.verb()}",
    lambda t: f"{t.reg()} {t.firm} {t.occx()} {t.end()}",
    lambda t: f"[{t.firm}] {t.reg()} {t.occx()} {t.tag()} {t.end()}",
    lambda t: f"{t.occx()}({t.tag()}) {t.end()} - {t.urg()}",
    lambda t: f"{t.urg()}! {t.occx()} {t.end()}",
    lambda t: f"{t.occx()} {t.end()} [{t.tag()}]",
    lambda t: f"{t.reg()}{t.sep()}{t.occx()}{t.sep()}{t.tags(2, 3)}",
    lambda t: f"{t.firm} {t.occx()} {t.tag()} {t.n()} {t.end()}",
    lambda t: f"{t.occx()}{t.sep()}{t.tag()}{t.sep()}{t.wage()} ({t.reg()})",
    lambda t: f"<{t.urg()}> {t.occx()} {t.end()}",
    lambda t: f"{t.tags(2, 2, '·')} {t.occx()} {t.end()}",
    lambda t: f"{t.occx()} {t.end()} — {t.wage()}, {t.tag()}",
    lambda t: f"{t.firm}{t.sep()}{t.reg()} {t.occx()} {t.end()} ({t.n()})",
    lambda t: f"{t.occ_obj()} {t.verb()}",
    lambda t: f"{t.reg()} {t.occx()} {t.wage()} {t.urg()}",
    lambda t: f"{t.firm_b()} {t.occx()} {t.verb()}",
    lambda t: f"[{t.reg()}/{t.tag()}] {t.occx()} {t.end()}",
    lambda t: f"{t.reg()} 소재 {t.firm}에서 {t.occ_obj()} {t.verb()}",
    lambda t: f"{t.occx()} {t.tag()} {t.end()}{t.sep()}{t.reg()}",
    lambda t: f"{t.reg()} {t.tag()} {t.occx()} {t.n()} {t.end()}",
    lambda t: f"★{t.urg()}★ {t.occx()} {t.tags(1, 2)}",
]
_DOUBLE_SPACE = re.compile(r" {2,}")


def _title(p: _P) -> str:
    r = p.r
    t = _T(p)
    s = r.choice(_TITLE_FRAMES)(t)
    d = r.random()
    if d < 0.08 and "n" not in t.used:
        s += f" {t.n()}"
    elif d < 0.16:
        w = t.urg()
        if w not in s:
            s = f"{s} - {w}" if r.random() < 0.5 else f"[{w}] {s}"
    elif d < 0.22:
        s += r.choice([" ~", "!", "!!"])
    s = _DOUBLE_SPACE.sub(" ", s).strip()
    u = r.random()
    if u < 0.2:
        s = s.replace("] ", "]", 1).replace(") ", ")", 1)
    elif u < 0.35:
        s = s.replace(" (", "(")
    if r.random() < 0.04:
        s = _space_noise(r, s, [p.occ, p.firm, p.region, p.sgg, p.sido])
    return s


# ----------------------------------------------------------------------------- body sections
class _Section:
    """A section's content: short items (list form) and full sentences (prose form)."""

    __slots__ = ("key", "items", "prose", "safe", "flat")

    def __init__(self, key: str, items: list[str], prose: str, safe: bool, flat: list[str] | None = None) -> None:
        self.key, self.items, self.prose, self.safe = key, items, prose, safe
        self.flat = flat if flat is not None else items  # items without "label:" for one-line sections


def _sec_duties(p: _P) -> _Section:
    r = p.r
    d = p.duties
    items = _duty_items(d) if d else [f"{p.occ} 관련 업무"]
    if p.skills and r.random() < 0.15:
        items.append(f"{r.choice(['활용 역량', '필요 역량', '사용 기술'])}: {', '.join(p.skill_list(3))}")
    if r.random() < 0.3:
        items.append(r.choice(["기타 관련 업무", f"{p.occ} 관련 제반 업무", "기타 부서 지원 업무", "기타 지시 업무"]))
    adn = _adnominal(d) if d else f"{p.occ} 관련 일을 하는"
    task = _task(d) if d else f"{p.occ} 관련 업무"
    u = r.random()
    if not d:
        prose = f"{p.occ} 관련 업무를 담당합니다."
    elif u < 0.35:
        prose = d
    elif u < 0.55:
        prose = f"{attach(task, '을/를')} 담당합니다."
    elif u < 0.7:
        prose = f"주요 업무는 {adn} 일입니다."
    elif u < 0.85:
        prose = josa_format("{occ:으로}서 {task:을} 맡게 됩니다.", occ=p.occ, task=task)
    else:
        prose = f"입사 후 {attach(task, '을/를')} 하게 됩니다."
    if p.skills and r.random() < 0.3:
        sk = p.skill_list(3)
        tail = r.choice(
            [
                f" ({', '.join(sk)} 활용)",
                f" 업무 중 {attach(', '.join(sk), '을/를')} 활용합니다.",
                f" 필요 역량: {', '.join(sk)}.",
            ]
        )
        if tail.startswith(" ("):
            prose = prose.rstrip(".") + tail + "."
        else:
            prose += tail
    return _Section("duties", items, prose, True)


def _sec_req(p: _P) -> _Section:
    r = p.r
    edu, career = p.edu_phrase(), p.career_phrase()
    flat = [edu, career] if r.random() < 0.6 else [career, edu]
    if r.random() < 0.35:
        flat.append(_GENERIC_REQ(r))
    items = [f"학력: {edu}", f"경력: {career}", *flat[2:]] if r.random() < 0.3 else flat
    if p.edu == "any":
        e = r.choice(["학력 무관입니다.", "학력무관이며 누구나 지원할 수 있습니다.", "학력 제한 없음."])
    else:
        school = EDUCATION_SCHOOL[p.edu]
        e = r.choice(
            [
                f"{EDUCATION_REQ[p.edu]} 학력이 필요합니다.",
                f"{school} 졸업 이상이면 지원할 수 있습니다.",
                f"학력은 {EDUCATION_REQ[p.edu]}입니다.",
            ]
        )
    if p.career <= 0:
        c = r.choice(_CAREER_ANY_PROSE)
    else:
        c = r.choice(
            [
                f"관련 경력 {p.career}년 이상이 필요합니다.",
                f"해당 분야 경력 {p.career}년 이상인 분을 찾습니다.",
                f"경력은 {p.career}년 이상이어야 합니다.",
            ]
        )
    prose = f"{e} {c}" if r.random() < 0.5 else f"{c} {e}"
    return _Section("req", items, prose, True, flat)


def _sec_pref(p: _P) -> _Section:
    r = p.r
    sk = p.skill_list(2)
    items = [_SKILL_PREF(r).format(s=s) for s in sk]
    for _ in range(r.randint(0, 2)):
        g = _GENERIC_PREF(r)
        if g not in items:
            items.append(g)
    if not items:
        items = [_GENERIC_PREF(r)]
    if sk and r.random() < 0.6:
        if len(sk) >= 2:
            prose = f"{attach(sk[0], '이나/나')} {sk[1]} 경험이 있으면 우대합니다."
        else:
            prose = f"{sk[0]} 가능자는 우대합니다."
    else:
        prose = f"{attach(', '.join(items), '을/를')} 우대합니다."
    suffix = r.random()
    if suffix < 0.35:
        items = [f"{i} 우대" for i in items]
    return _Section("pref", items, prose, True)


def _sec_cond(p: _P, wage: tuple[str, str] | None) -> _Section:
    r = p.r
    contract = p.contract_word(canonical=True)
    hours, days, shift = p.hours_text(), p.days_text(), p.shift_word()
    trange = p.time_range() if r.random() < 0.5 else ""
    pairs = [(r.choice(["고용형태", "계약형태", "채용형태"]), contract)]
    time_item = f"{trange} ({hours})" if trange else hours
    if r.random() < 0.3 and p.days and p.hours / p.days == int(p.hours / p.days):
        time_item = f"1일 {int(p.hours / p.days)}시간, {hours}"
    pairs.append((r.choice(["근무시간", "근로시간"]), time_item))
    state_shift = p.shift != "day" or r.random() < 0.75
    if r.random() < 0.5:
        pairs.append((r.choice(["근무요일", "근무일", "근무형태"]), f"{days} {shift}" if state_shift else days))
    else:
        pairs.append((r.choice(["근무요일", "근무일수"]), days))
        if state_shift:
            pairs.append((r.choice(["근무형태", "교대여부"]) if p.shift == "shift" else "근무형태", shift))
    if r.random() < 0.35:
        pairs.append((r.choice(["근무지", "근무지역", "근무장소"]), p.region))
    if r.random() < 0.45:
        pairs.append((r.choice(["모집인원", "채용인원"]), f"{p.openings}명"))
    if r.random() < 0.3:
        r.shuffle(pairs)
    if wage:
        pairs += [(r.choice(["급여", "임금", "급여조건"]), wage[0])] + ([("수습", wage[1])] if wage[1] else [])
    flat = [v for _, v in pairs]
    items = [f"{k}: {v}" for k, v in pairs] if r.random() < 0.7 else flat
    u = r.random()
    c_ro = attach(contract, "으로/로")
    sh = f" {SHIFTS[p.shift]}" if state_shift else ""
    if u < 0.3:
        prose = f"{c_ro} 채용하며 {days}{sh} 근무, {hours}입니다."
    elif u < 0.55:
        prose = f"고용 형태는 {contract}이고, {days}{sh} 근무입니다. 근무시간은 {trange or hours}" + (
            f"(주 {p.hours:g}시간)입니다." if trange else "입니다."
        )
    elif u < 0.8:
        prose = f"{days}, {hours}{sh} 근무이며 {c_ro} 근무합니다."
    else:
        prose = f"근무 형태: {contract} / {days}{sh} / {hours}."
    if r.random() < 0.25:
        prose += f" 모집 인원은 {p.openings}명입니다."
    if wage:
        prose += f" 급여: {wage[0]}" + (f", {wage[1]}." if wage[1] else ".")
    return _Section("cond", items, prose, False, flat)


def _sec_wage(p: _P) -> _Section:
    r = p.r
    w = _wage(r, p.wtype, p.amount, p.inclusive)
    prob = _probation(r, p.prob_m, p.prob_p, prose=False)
    flat = [w, prob] if prob else [w]
    items = [f"{r.choice(['급여', '임금', '급여조건'])}: {w}", *flat[1:]] if r.random() < 0.25 else flat
    core = _wage_core(r, p.wtype, p.amount)
    note = _wage_note(r, p.inclusive, prose=True)
    prob = _probation(r, p.prob_m, p.prob_p, prose=True)
    u = r.random()
    if p.amount <= 0:
        prose = r.choice(_NO_WAGE_PROSE)
    elif u < 0.45:
        prose = f"급여는 {core}입니다."
    elif u < 0.75:
        prose = f"{attach(core, '을/를')} 지급합니다."
    else:
        prose = f"임금: {core}."
    prose = " ".join(x for x in (prose, note, prob) if x)
    return _Section("wage", items, prose, False, flat)


def _sec_benefit(p: _P) -> _Section:
    r = p.r
    pool = list(_BENEFITS)
    if p.shift == "night":
        pool.append(("야간근무수당", 2))
    if not p.inclusive:
        pool.append(("연장근로수당", 1.5))
    if p.wtype == "hourly" and p.hours >= 15:
        pool.append(("주휴수당", 3))
    k = r.randint(2, 7)
    items: list[str] = []
    while len(items) < k and pool:
        b = _W(*pool)(r)
        items.append(b)
        pool = [x for x in pool if x[0] != b]
    if "4대보험" in items and r.random() < 0.15:
        items[items.index("4대보험")] = r.choice(["4대보험 가입", "4대 보험"])
    joined = r.choice([", ", " / ", "·", ", "]).join(items)
    prose = r.choice(
        [f"{joined} 등 복리후생을 제공합니다.", f"{attach(joined, '을/를')} 지원합니다.", f"복지: {joined}."]
    )
    return _Section("benefit", items, prose, True)


def _sec_apply(p: _P, with_proc: bool) -> _Section:
    r = p.r
    ch = _CHANNELS.get(p.channel, _CHANNELS["work24"])(r)
    dl = p.deadline()
    items = [
        f"{r.choice(['접수방법', '지원방법', '접수'])}: {ch}",
        f"{r.choice(['마감일', '접수마감', '접수기한'])}: {dl}"
        if p.open_ended or r.random() < 0.85
        else f"모집기간: ~ {dl}",
    ]
    if r.random() < 0.3:
        items.append(f"제출서류: {_DOCUMENTS(r)}")
    flat = [ch, dl if p.open_ended or dl.endswith("까지") else f"{dl} 마감"]
    if with_proc:
        pr = _PROCEDURES(r)
        items.append(f"전형절차: {pr}")
        flat.append(pr)
    how = _CHANNEL_PROSE.get(p.channel, _CHANNEL_PROSE["work24"])(r)
    if p.open_ended:
        when = r.choice(["채용 시 마감되니 서둘러 지원 바랍니다.", "적임자 채용 시 마감합니다.", "마감: 채용 시 마감."])
    else:
        dl_plain = dl.removesuffix("까지")
        when = r.choice([f"마감일은 {dl_plain}입니다.", f"접수는 {dl_plain}까지입니다.", f"{dl_plain}까지 접수합니다."])
    prose = f"{how} {when}" if r.random() < 0.6 else f"{when} {how}"
    if with_proc and r.random() < 0.6:
        prose += f" 전형 절차: {_PROCEDURES(r)}."
    return _Section("apply", items, prose, False, flat)


def _sec_proc(p: _P) -> _Section:
    pr = _PROCEDURES(p.r)
    return _Section("proc", [pr], f"전형 절차: {pr}.", True)


def _render(p: _P, sec: _Section, style: str, num: int, typo: list[int]) -> str:
    r = p.r
    if style == "#num":
        style = f"{num}. {{h}}"
    header = _HEADERS[sec.key](r) if style else ""
    if header == "급여 및 수습" and p.prob_m <= 0:
        header = "급여"
    if typo[0] and header and sec.safe and r.random() < 0.5:
        typo[0] = 0
        header = _typo(r, header)
    if not style:
        return sec.prose
    head = style.replace("{h}", header)
    inline = style.endswith(":")
    if inline:
        if r.random() < 0.7:
            return f"{head} " + r.choice([", ", " / ", ", "]).join(sec.flat)
        return f"{head} {sec.prose}"
    if r.random() < 0.22:
        return f"{head}\n{sec.prose}"
    bullet = p.bullet
    lines = []
    for i, item in enumerate(sec.items):
        if bullet == "#num":
            b = f"{i + 1}) "
        elif bullet == "#circ":
            b = _CIRCLED[i % len(_CIRCLED)] + " "
        else:
            b = bullet
        lines.append(b + item)
    return head + "\n" + "\n".join(lines)


_BASE_ORDER = ["duties", "req", "pref", "cond", "wage", "benefit", "proc", "apply"]


def _body(p: _P) -> str:
    r = p.r
    style = _HEADER_STYLES(r)
    mixed = r.random() < 0.15
    with_pref = r.random() < 0.6
    with_benefit = r.random() < 0.75
    proc_mode = r.random()  # < 0.3 own section, < 0.55 inside 접수, else none
    merge_wage = r.random() < 0.25
    typo = [1 if r.random() < 0.04 else 0]  # at most one slip per posting, in generic wording
    secs: dict[str, _Section] = {"duties": _sec_duties(p), "req": _sec_req(p)}
    if with_pref:
        secs["pref"] = _sec_pref(p)
    if merge_wage:
        w = _wage(r, p.wtype, p.amount, p.inclusive)
        secs["cond"] = _sec_cond(p, (w, _probation(r, p.prob_m, p.prob_p, prose=False)))
    else:
        secs["cond"] = _sec_cond(p, None)
        secs["wage"] = _sec_wage(p)
    if with_benefit:
        secs["benefit"] = _sec_benefit(p)
    if proc_mode < 0.3:
        secs["proc"] = _sec_proc(p)
    secs["apply"] = _sec_apply(p, with_proc=0.3 <= proc_mode < 0.55)
    order = [k for k in _BASE_ORDER if k in secs]
    for _ in range(r.choice([0, 0, 1, 1, 2, 3])):  # a few adjacent swaps keep orders realistic
        i = r.randrange(len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
    if r.random() < 0.05:
        r.shuffle(order)
    if order[-1] != "apply" and r.random() < 0.8:
        order.remove("apply")
        order.append("apply")
    names = [p.occ, p.firm, p.region, *p.skills]
    parts: list[str] = []
    fields = {"firm": p.firm, "occ": p.occ, "region": p.region}
    if r.random() < 0.55:
        t = _OPENERS(r)
        if typo[0] and r.random() < 0.4:
            typo[0] = 0
            t = _typo(r, t)
        parts.append(josa_format(t, **fields))
    for i, key in enumerate(order):
        sec = secs[key]
        s = _render(p, sec, _HEADER_STYLES(r) if mixed else style, i + 1, typo)
        if sec.safe and r.random() < 0.03:
            s = _space_noise(r, s, names)
        if typo[0] and key == "benefit" and r.random() < 0.5:
            typo[0] = 0
            s = _typo(r, s)
        parts.append(s)
    if r.random() < 0.45:
        c = _CLOSERS(r)
        parts.append(_typo(r, c) if typo[0] else c)
    if not style and not mixed:
        joiner = r.choice([" ", "\n"])
    elif style.endswith(":") and not mixed:
        joiner = r.choice(["\n", "\n", "\n", " "])
    else:
        joiner = r.choice(["\n", "\n", "\n\n"])
    return joiner.join(parts)


def _region_parts(region: str) -> tuple[str, str]:
    sido, _, sgg = region.partition(" ")
    return (sido, sgg) if sgg else (region, region)


def _closing_parts(closing: pd.Series) -> list[tuple[int, int, int, int] | None]:
    c = pd.to_datetime(closing, errors="coerce")
    ok = c.notna().to_numpy()
    y = c.dt.year.fillna(0).astype(int).tolist()
    m = c.dt.month.fillna(0).astype(int).tolist()
    d = c.dt.day.fillna(0).astype(int).tolist()
    wd = c.dt.weekday.fillna(0).astype(int).tolist()
    return [(y[i], m[i], d[i], wd[i]) if ok[i] else None for i in range(len(c))]


def posting_texts(rng: np.random.Generator, df: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Titles and bodies of postings, one per row of `df` (see the module docstring for the grammar).

    Columns: region_name, occ_name, firm_name, contract_type, shift, career_req_years, education_req,
    skills_ko (';'-separated), duties_ko, wage_type, wage_amount, weekly_hours, work_days, probation_months,
    probation_pay_pct, inclusive_wage, openings, closing_date, channel.
    """
    r = _seeded(rng)
    n = len(df)
    closing = _closing_parts(df["closing_date"])
    cols = {
        c: df[c].tolist()
        for c in (
            "region_name",
            "occ_name",
            "firm_name",
            "contract_type",
            "shift",
            "career_req_years",
            "education_req",
            "skills_ko",
            "duties_ko",
            "wage_type",
            "wage_amount",
            "weekly_hours",
            "work_days",
            "probation_months",
            "probation_pay_pct",
            "inclusive_wage",
            "openings",
            "channel",
        )
    }
    titles: list[str] = []
    bodies: list[str] = []
    p = _P()
    p.r = r
    for i in range(n):
        p.region = str(cols["region_name"][i])
        p.sido, p.sgg = _region_parts(p.region)
        p.occ = str(cols["occ_name"][i])
        p.firm = str(cols["firm_name"][i])
        p.contract = cols["contract_type"][i]
        p.shift = cols["shift"][i]
        p.career = int(cols["career_req_years"][i])
        p.edu = cols["education_req"][i]
        sk = cols["skills_ko"][i]
        p.skills = [s.strip() for s in sk.split(";") if s.strip()] if isinstance(sk, str) else []
        du = cols["duties_ko"][i]
        p.duties = du.strip() if isinstance(du, str) else ""
        p.wtype = cols["wage_type"][i]
        p.amount = int(cols["wage_amount"][i])
        p.hours = float(cols["weekly_hours"][i])
        p.days = int(cols["work_days"][i])
        p.prob_m = int(cols["probation_months"][i])
        p.prob_p = int(cols["probation_pay_pct"][i])
        p.inclusive = bool(cols["inclusive_wage"][i])
        p.openings = int(cols["openings"][i])
        p.closing = closing[i]
        p.channel = cols["channel"][i]
        p.open_ended = p.closing is None or r.random() < 0.12
        p.bullet = _BULLETS(r)
        titles.append(_title(p))
        bodies.append(_body(p))
    return titles, bodies


# ----------------------------------------------------------------------------- résumés
# Each sentence as (합니다체, 해요체); a résumé keeps one style throughout.
_R_OPEN: list[tuple[str, str]] = [
    ("안녕하십니까. {occ} 분야에서 일하고자 하는 구직자입니다.", "안녕하세요. {occ} 분야에서 일하고 싶은 구직자예요."),
    ("{occ:으로} 일하기를 희망하는 지원자입니다.", "{occ:으로} 일하고 싶은 지원자예요."),
    ("성실함과 책임감을 갖춘 {occ} 지원자입니다.", "성실하고 책임감 있는 {occ} 지원자예요."),
    ("꾸준함이 가장 큰 강점인 지원자입니다.", "꾸준함이 제일 큰 장점인 지원자예요."),
    ("{region}에 살고 있으며 {occ} 일자리를 찾고 있습니다.", "{region}에 살고 있고 {occ} 일자리를 찾고 있어요."),
    ("새로운 마음으로 {occ} 일에 도전하려는 구직자입니다.", "새로운 마음으로 {occ} 일에 도전하려고 해요."),
    ("저는 {occ} 직무에서 오래 일할 수 있는 곳을 찾고 있습니다.", "저는 {occ} 일을 오래 할 수 있는 곳을 찾고 있어요."),
    ("맡은 일은 끝까지 해내는 사람입니다.", "맡은 일은 끝까지 해내는 사람이에요."),
    ("{occ} 업무에 관심이 많아 지원하게 되었습니다.", "{occ} 일에 관심이 많아서 지원하게 됐어요."),
    ("현장에서 배우며 성장하고 싶은 {occ} 지원자입니다.", "현장에서 배우면서 성장하고 싶은 {occ} 지원자예요."),
    ("[자기소개] {occ} 직무 희망자입니다.", "[자기소개] {occ} 일을 희망하는 사람이에요."),
    ("{occ} 직무에 지원합니다.", "{occ} 자리에 지원해요."),
    ("사람들과 함께 일하는 것을 좋아하는 구직자입니다.", "사람들과 함께 일하는 걸 좋아하는 구직자예요."),
    ("차분하고 꼼꼼한 성격의 지원자입니다.", "차분하고 꼼꼼한 성격이에요."),
]
_R_OPEN_CAREER: list[tuple[str, str]] = [
    ("{career} 동안 쌓은 경험을 바탕으로 {occ} 직무에 지원합니다.", "{career} 동안 쌓은 경험으로 {occ} 일에 지원해요."),
    ("현장 경험 {career}의 {occ} 지원자입니다.", "현장 경험이 {career} 있는 {occ} 지원자예요."),
]
_R_OPEN_NEW: list[tuple[str, str]] = [
    ("사회 첫발을 {occ:으로} 내딛고 싶은 신입 지원자입니다.", "사회 첫발을 {occ:으로} 내딛고 싶은 신입이에요."),
    ("경력은 없지만 배우려는 의지가 강한 신입입니다.", "경력은 없지만 배우려는 의지가 강한 신입이에요."),
]
_R_EDU: list[tuple[str, str]] = [
    ("{school:을} 졸업했습니다.", "{school:을} 졸업했어요."),
    ("최종 학력은 {edu}입니다.", "최종 학력은 {edu:이에요}."),
    ("{school} 졸업 후 {occ} 분야를 준비해 왔습니다.", "{school} 졸업 후 {occ} 분야를 준비해 왔어요."),
    ("학력: {edu}", "학력: {edu}"),
]
_R_CAREER: list[tuple[str, str]] = [
    (
        "{last:으로} {career} 동안 일하며 {adn} 일을 맡았습니다.",
        "{last:으로} {career} 동안 일하면서 {adn} 일을 맡았어요.",
    ),
    (
        "이전 직장에서 {last:으로} {career} 근무했습니다. 주로 {task:을} 담당했습니다.",
        "이전 직장에서 {last:으로} {career} 일했어요. 주로 {adn} 일을 했어요.",
    ),
    (
        "{career} 동안 {last} 업무를 하면서 {adn} 일을 해 왔습니다.",
        "{career} 동안 {last} 일을 하면서 {adn} 일을 해 왔어요.",
    ),
    ("경력 사항: {last}, {career} (담당: {items})", "경력: {last}, {career} (담당: {items})"),
    (
        "직전에는 {last:으로} 일했고, {adn} 일을 {career} 동안 했습니다.",
        "직전에는 {last:으로} 일했고, {adn} 일을 {career} 동안 했어요.",
    ),
    ("{last} 경력 {career}. 주요 업무: {items}.", "{last} 경력 {career}. 주로 한 일: {items}."),
]
_R_CAREER_SHORT: list[tuple[str, str]] = [
    ("짧게나마 {last:으로} 일한 경험이 있습니다.", "짧게나마 {last:으로} 일해 본 경험이 있어요."),
    ("{last} 관련 일을 잠시 경험했습니다.", "{last} 관련 일을 잠깐 해 봤어요."),
]
_R_CAREER_NOLAST: list[tuple[str, str]] = [
    ("여러 현장에서 {career} 동안 일한 경험이 있습니다.", "여러 현장에서 {career} 동안 일해 봤어요."),
    ("총 경력은 {career}입니다.", "총 경력은 {career}이에요."),
]
_R_NOCAREER: list[tuple[str, str]] = [
    ("아직 경력은 없지만 빠르게 배우겠습니다.", "아직 경력은 없지만 빠르게 배울게요."),
    ("신입이지만 기본기를 충실히 익혔습니다.", "신입이지만 기본기를 충실히 익혔어요."),
]
_R_SKILLS: list[tuple[str, str]] = [
    ("보유 역량은 {list}입니다.", "제가 가진 역량은 {list:이에요}."),
    ("{s1:과} {s2}에 자신 있습니다.", "{s1:과} {s2}에 자신 있어요."),
    ("{list} 등을 다룰 수 있습니다.", "{list} 등을 다룰 수 있어요."),
    ("특히 {s1}에 강점이 있습니다.", "특히 {s1}에 강점이 있어요."),
    ("보유 기술: {list}", "보유 기술: {list}"),
    ("{list:을} 활용한 업무가 가능합니다.", "{list:을} 활용한 일을 할 수 있어요."),
    ("업무에 필요한 {list} 역량을 갖추고 있습니다.", "일에 필요한 {list} 역량을 갖추고 있어요."),
]
_R_TRAIN: list[tuple[str, str]] = [
    ("직업훈련 {h}시간을 이수했습니다.", "직업훈련을 {h}시간 받았어요."),
    ("총 {h}시간의 직업훈련 과정을 수료했습니다.", "총 {h}시간짜리 직업훈련 과정을 수료했어요."),
    ("관련 교육을 {h}시간 받았습니다.", "관련 교육을 {h}시간 들었어요."),
    ("훈련 이수: {h}시간", "훈련 이수: {h}시간"),
    ("부족한 부분을 채우기 위해 직업훈련 {h}시간을 마쳤습니다.", "부족한 부분을 채우려고 직업훈련 {h}시간을 마쳤어요."),
]
_R_WAGE: list[tuple[str, str]] = [
    ("희망 급여는 월 {man}만원입니다.", "희망 급여는 월 {man}만원이에요."),
    ("월 {man}만원을 희망합니다.", "월 {man}만원을 희망해요."),
    ("희망 연봉은 {year}만원입니다.", "희망 연봉은 {year}만원이에요."),
    ("희망 급여: 월 {won}원", "희망 급여: 월 {won}원"),
    ("희망 연봉 {year}만원(협의 가능)", "희망 연봉 {year}만원(협의 가능)"),
    ("월 {man}만원 희망", "월 {man}만원 희망"),
    ("급여는 회사 내규에 따르겠습니다.", "급여는 회사 내규에 따를게요."),
    ("희망 급여는 면접 후 협의하고 싶습니다.", "희망 급여는 면접 때 협의하고 싶어요."),
    ("희망 급여는 월 {man}만원이며 조정 가능합니다.", "희망 급여는 월 {man}만원이고 조정할 수 있어요."),
]
_R_REGION: list[tuple[str, str]] = [
    ("{region}에 거주하고 있습니다.", "{region}에 살고 있어요."),
    ("거주지는 {region}이며 출퇴근에 문제가 없습니다.", "{region}에 살고 있어서 출퇴근은 문제없어요."),
    ("{region}에 살고 있어 인근 근무를 희망합니다.", "{region}에 살아서 가까운 곳에서 일하고 싶어요."),
]
_R_CLOSE: list[tuple[str, str]] = [
    ("맡은 일을 끝까지 책임지는 자세로 일하겠습니다.", "맡은 일은 끝까지 책임질게요."),
    ("빠르게 배우고 동료와 협력하는 사람이 되겠습니다.", "빨리 배우고 동료들과 잘 협력할게요."),
    ("기회를 주신다면 최선을 다하겠습니다.", "기회를 주시면 최선을 다할게요."),
    ("오래 함께할 수 있는 직장을 찾고 있습니다.", "오래 함께할 수 있는 직장을 찾고 있어요."),
    ("{occ} 분야의 전문가로 성장하고 싶습니다.", "{occ} 분야의 전문가로 성장하고 싶어요."),
    ("감사합니다.", "감사합니다."),
    ("읽어 주셔서 감사합니다.", "읽어 주셔서 감사해요."),
    ("성실함으로 보답하겠습니다.", "성실하게 일할게요."),
    ("좋은 인연이 되기를 바랍니다.", "좋은 인연이 되면 좋겠어요."),
]


def _career_text(r: random.Random, years: float) -> str:
    months = int(round(years * 12))
    if months < 12:
        return f"{max(months, 1)}개월"
    y, m = divmod(months, 12)
    if m == 0:
        return f"{y}년"
    return f"약 {y}년" if m < 6 and r.random() < 0.35 else f"{y}년 {m}개월"


def _pick(r: random.Random, options: list[tuple[str, str]], polite: bool) -> str:
    return options[r.randrange(len(options))][1 if polite else 0]


def resume_texts(rng: np.random.Generator, df: pd.DataFrame) -> list[str]:
    """Self-introductions, one per row of `df`: opener, career, education, skills, training, wage, closing.

    Columns: desired_name, career_years, education, last_name (None: no last occupation), last_duties,
    region_name, desired_wage_krw (원/월), skills (';'-separated), training_hours_before.
    """
    r = _seeded(rng)
    cols = {
        c: df[c].tolist()
        for c in (
            "desired_name",
            "career_years",
            "education",
            "last_name",
            "last_duties",
            "region_name",
            "desired_wage_krw",
            "skills",
            "training_hours_before",
        )
    }
    out: list[str] = []
    for i in range(len(df)):
        polite = r.random() < 0.25
        occ = str(cols["desired_name"][i])
        years = float(cols["career_years"][i] or 0.0)
        years = 0.0 if years != years else years  # NaN
        last = cols["last_name"][i]
        last = last if isinstance(last, str) and last else None
        duties = cols["last_duties"][i]
        duties = duties if isinstance(duties, str) else ""
        region = str(cols["region_name"][i])
        if r.random() < 0.3:
            region = _region_parts(region)[1]
        sk = cols["skills"][i]
        skills = [s.strip() for s in sk.split(";") if s.strip()] if isinstance(sk, str) else []
        hours = int(cols["training_hours_before"][i] or 0)
        edu = cols["education"][i]
        career = _career_text(r, years) if years > 0 else ""
        f = {"occ": occ, "region": region, "career": career}
        opener_pool = _R_OPEN + (_R_OPEN_CAREER if years >= 1 else _R_OPEN_NEW if years <= 0 else [])
        opener = josa_format(_pick(r, opener_pool, polite), **f) if r.random() < 0.85 else ""
        body: list[str] = []
        if last and years > 0:
            adn = _adnominal(duties) if duties else f"{last} 관련 일을 하는"
            task = _task(duties) if duties else f"{last} 관련 업무"
            items = ", ".join(_duty_items(duties)) if duties else f"{last} 업무"
            pool = _R_CAREER if years >= 1 or r.random() < 0.5 else _R_CAREER_SHORT
            body.append(josa_format(_pick(r, pool, polite), last=last, career=career, adn=adn, task=task, items=items))
        elif last:
            body.append(josa_format(_pick(r, _R_CAREER_SHORT, polite), last=last))
        elif years > 0:
            body.append(josa_format(_pick(r, _R_CAREER_NOLAST, polite), career=career))
        elif r.random() < 0.5:
            body.append(_pick(r, _R_NOCAREER, polite))
        if r.random() < 0.5 and edu in EDUCATION:
            school = EDUCATION_SCHOOL[edu]
            body.insert(
                r.randint(0, len(body)),
                josa_format(_pick(r, _R_EDU, polite), school=school, edu=EDUCATION[edu], occ=occ),
            )
        if skills and r.random() < 0.85:
            chosen = r.sample(skills, min(len(skills), r.randint(1, 4)))
            joiner = r.choice([", ", ", ", "·", " 및 "])
            listed = (
                ", ".join(chosen[:-1]) + " 및 " + chosen[-1]
                if joiner == " 및 " and len(chosen) > 1
                else joiner.join(chosen)
            )
            sf = {"list": listed, "s1": chosen[0], "s2": chosen[1] if len(chosen) > 1 else chosen[0]}
            opts = _R_SKILLS if len(chosen) > 1 else [t for t in _R_SKILLS if "{s2}" not in t[0]]
            body.append(josa_format(_pick(r, opts, polite), **sf))
        if hours > 0 and r.random() < 0.8:
            body.append(josa_format(_pick(r, _R_TRAIN, polite), h=hours))
        if r.random() < 0.35 and region not in opener:
            body.append(josa_format(_pick(r, _R_REGION, polite), region=region))
        if len(body) > 2 and r.random() < 0.3:
            j = r.randrange(len(body) - 1)
            body[j], body[j + 1] = body[j + 1], body[j]
        tail: list[str] = []
        if r.random() < 0.75:
            wage = int(cols["desired_wage_krw"][i])
            wf = {"won": f"{wage:,}", "man": f"{wage // 10_000:,}", "year": f"{wage * 12 // 10_000:,}"}
            opts = (
                _R_WAGE if wage % 10_000 == 0 else [t for t in _R_WAGE if "{man}" not in t[0] and "{year}" not in t[0]]
            )
            tail.append(josa_format(_pick(r, opts, polite), **wf))
        closing: list[str] = []
        for _ in range(r.choice([0, 1, 1, 1, 2])):
            c = josa_format(_pick(r, _R_CLOSE, polite), occ=occ)
            if not any(c == x or ("감사" in c and "감사" in x) for x in closing):
                closing.append(c)
        closing.sort(key=lambda x: "감사" in x)  # thanks come last
        tail = (
            closing + tail if tail and r.random() < 0.15 and not any("감사" in x for x in closing) else tail + closing
        )
        parts = [x for x in (opener, *body, *tail) if x]
        names = [occ, region, *([last] if last else []), *skills]
        if r.random() < 0.03:
            k = r.randrange(len(parts))
            if not any(ch.isdigit() for ch in parts[k]) and not any(n in parts[k] for n in names):
                parts[k] = _typo(r, parts[k])
        listed_parts = any(not x.endswith((".", "!", "?")) for x in parts)
        text = ("\n" if listed_parts else r.choice([" ", " ", " ", "\n"])).join(parts)
        if r.random() < 0.03:
            text = _space_noise(r, text, names)
        out.append(text)
    return out


# ----------------------------------------------------------------------------- firm names
_FIRM_PREFIX = [
    "한빛", "대한", "새솔", "푸른", "미래", "동양", "서해", "태평", "우리", "한결", "다온", "누리", "가람", "해오름",
    "청솔", "금강", "삼정", "대성", "한솔", "정우", "세진", "명성", "신일", "동원", "제일", "보람", "온누리", "한마음",
    "아름", "늘푸른", "에이스", "스마트", "그린", "하나", "오성", "진성", "광명", "성원", "새한", "한울", "참좋은",
    "바른", "으뜸", "나래", "빛고을", "솔빛", "은하", "하늘", "미소", "새빛", "다솜", "한누리", "케이", "제이",
    "에스", "엠", "비전", "유니", "글로벌", "코리아", "뉴", "프라임", "탑", "베스트", "드림", "굿", "한국", "동방",
]  # fmt: skip
_SYL1 = list("대한세성동신삼영정진태우일광명현용승원경금보창화효지은상선수재천유건도중서")
_SYL2 = list("진성원일영우화한신광흥양림산도명호인승창경보덕안지선준솔")
_PLACES = [
    "강남", "해운대", "한강", "낙동", "남산", "백두", "한라", "태백", "지리산", "소백", "동해", "서해", "남해",
    "수원", "성남", "부천", "안산", "평택", "청주", "천안", "전주", "광양", "여수", "순천", "포항", "구미", "경주",
    "김해", "창원", "진주", "울산", "인천", "대구", "광주", "대전", "부산", "제주", "춘천", "원주", "강릉", "목포",
    "군산", "익산", "아산", "당진", "서산", "충주", "제천", "안동", "영주", "거제", "통영", "양산", "이천", "용인",
]  # fmt: skip
_FIRM_MID = _W(
    ("", 20), ("코리아", 1), ("글로벌", 1), ("씨앤에스", 0.5), ("이앤씨", 0.5), ("앤", 0.3), ("티엔에스", 0.3),
    ("에이치", 0.3), ("산업개발", 0.4), ("종합", 0.6),
)  # fmt: skip
_FIRM_SUFFIX = {
    "A": ["농산", "영농조합법인", "수산", "농원", "축산", "농업회사법인", "영어조합법인", "팜"],
    "B": ["광업", "자원", "석재", "광산"],
    "C": [
        "정밀",
        "산업",
        "테크",
        "전자",
        "기계",
        "화학",
        "식품",
        "금속",
        "플라스틱",
        "제약",
        "섬유",
        "오토텍",
        "케미칼",
        "공업",
    ],
    "D": ["에너지", "전력", "파워", "솔라"],
    "E": ["환경", "자원순환", "환경산업", "클린"],
    "F": ["건설", "종합건설", "이엔씨", "토건", "건설산업", "인테리어", "설비"],
    "G": ["상사", "유통", "마트", "무역", "상회", "트레이딩", "몰"],
    "H": ["물류", "운수", "택배", "로지스", "해운", "익스프레스", "교통"],
    "I": ["식당", "푸드", "호텔", "카페", "식품", "레스토랑", "리조트", "베이커리"],
    "J": ["소프트", "미디어", "시스템즈", "랩스", "정보통신", "네트웍스", "소프트웨어", "아이티"],
    "K": ["캐피탈", "금융서비스", "보험대리점", "파트너스", "인베스트먼트"],
    "L": ["부동산", "개발", "공인중개사사무소", "자산관리"],
    "M": ["컨설팅", "엔지니어링", "디자인", "연구소", "기술", "회계법인"],
    "N": ["아웃소싱", "시설관리", "인력", "서비스", "HR", "비즈니스"],
    "O": ["공단", "센터", "사업소"],
    "P": ["학원", "교육", "아카데미", "어학원", "에듀"],
    "Q": ["요양원", "병원", "의원", "복지센터", "재가복지센터", "요양병원", "한의원", "치과"],
    "R": ["스포츠", "엔터테인먼트", "레저", "피트니스"],
    "S": ["서비스", "미용실", "수리센터", "세탁", "카센터", "헤어"],
    "T": ["가사서비스", "홈케어"],
    "U": ["국제기구", "대표부"],
}
_MID_SECTIONS = set("CDEFGHJMN")
_NO_FORM = {"영농조합법인", "농업회사법인", "영어조합법인", "공인중개사사무소", "회계법인", "공단", "센터", "사업소"}
_FIRM_FORM = _W(("(주)", 5), ("", 6), ("주식회사 ", 2), ("(유)", 1), ("㈜", 1), ("@주식회사", 1), ("@(주)", 1))


def _firm_name(r: random.Random, section: str) -> str:
    u = r.random()
    if u < 0.35:
        base = r.choice(_FIRM_PREFIX)
    elif u < 0.65:
        base = r.choice(_SYL1) + r.choice(_SYL2)
    elif u < 0.85:
        base = r.choice(_PLACES)
    else:
        second = r.choice(_FIRM_PREFIX) if r.random() < 0.4 else r.choice(_SYL1) + r.choice(_SYL2)
        base = r.choice(_PLACES) + second
    suffix = r.choice(_FIRM_SUFFIX.get(section, ["산업"]))
    mid = _FIRM_MID(r) if section in _MID_SECTIONS and len(base) <= 3 else ""
    name = f"{base}{mid}{suffix}" if len(base) < 2 or r.random() < 0.85 else f"{base} {suffix}"
    if suffix in _NO_FORM or section in ("O", "U"):
        return name
    form = _FIRM_FORM(r)
    if section in ("I", "Q", "S", "P") and r.random() < 0.5:
        form = ""  # shops, clinics and academies rarely write a legal form
    if form.startswith("@"):
        return f"{name}{form[1:] if form[1] == '(' else ' ' + form[1:]}"
    return f"{form}{name}"


def firm_names(rng: np.random.Generator, sections: np.ndarray) -> list[str]:
    """Firm names plausible for each KSIC section (A–U): prefix or place × section word × legal form.

    Names are unique within one call as far as the name space allows (a repeated name is drawn again, up
    to a few times), so firms are told apart by name as they are in real registers.
    """
    r = _seeded(rng)
    seen: set[str] = set()
    out: list[str] = []
    for s in np.asarray(sections).tolist():
        name = _firm_name(r, s)
        for _ in range(8):
            if name not in seen:
                break
            name = _firm_name(r, s)
        seen.add(name)
        out.append(name)
    return out


# ----------------------------------------------------------------------------- course titles
_COURSE_KIND = _W(
    ("양성과정", 4), ("실무과정", 3), ("취업연계과정", 2), ("자격취득과정", 2), ("재직자 향상과정", 1),
    ("전문가 과정", 1), ("취업 대비반", 1), ("자격증 대비반", 1), ("직무능력 향상과정", 1),
)  # fmt: skip
_COURSE_FRAMES = [
    "{occ} {lvl} {kind}",
    "[{lvl}] {occ} {kind}",
    "{occ} {kind}({lvl})",
    "{occ} 실무 역량 강화 {kind} - {lvl}",
    "[국민내일배움카드] {occ} {lvl} {kind}",
    "{occ} {lvl}반 {kind}",
    "({lvl}) {occ} {kind}",
    "{occ} {kind} [{lvl}]",
    "{occ}({lvl}) {kind}",
]


def course_titles(rng: np.random.Generator, occ_names: np.ndarray, levels: np.ndarray) -> list[str]:
    """Training course titles naming the occupation and its level label (기초/실무/심화)."""
    r = _seeded(rng)
    out = []
    for occ, lvl in zip(np.asarray(occ_names).tolist(), np.asarray(levels).tolist(), strict=True):
        title = r.choice(_COURSE_FRAMES).format(occ=occ, lvl=COURSE_LEVELS.ko(lvl), kind=_COURSE_KIND(r))
        out.append(_DOUBLE_SPACE.sub(" ", title).strip())
    return out
