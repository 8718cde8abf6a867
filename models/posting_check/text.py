"""Text normalisation for the posting rules: a spacing- and punctuation-free form with a map back to the original.

Why: real postings write the same phrase as "만 35세 이하", "만35세이하" or "여 성 만"; a rule written against the
words must not depend on spaces, bullets or brackets. `Norm` keeps letters, digits and a few signs (%, ㎝, ㎏),
drops everything else, and writes a few markers so that rules can still see structure:

- `#` where a sentence or line ends (newline, . ! ? ; bullets and boxes such as ■ ※ ★ 【】 |), so a rule's window
  (`[^#]{0,n}`) never reaches into the next line;
- `~` for a range between numbers ("20-30대", "09:00∼18:00" → "20~30대", "09:00~18:00");
- `.` and `:` between digits (9.5시간, 09:00) and `/` between two numbers that would otherwise run together
  ("20, 30대" → "20/30대"); a thousands comma ("10,030원") simply disappears.

Fullwidth forms become ASCII and ASCII letters lower case, one character for one, so `Norm.span` maps any match
of the normalised text back to the original characters (the evidence a flag quotes).

The module also reads amounts ("10,030원", "230만원", "2천7백6십만원", "1.2만원"), wage statements ("시급 …",
"월급 …", "연봉 …") and working schedules ("주 6일", "1일 10시간", "09:00~22:00", "휴게 1시간") from that text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_TRANS = str.maketrans(
    {
        **_FULLWIDTH,
        **{c + 0xFEE0: c + 32 for c in range(ord("A"), ord("Z") + 1)},
        0x3000: " ",  # ideographic space
        0x223C: "~",  # ∼
        0x301C: "~",  # 〜
        0x2013: "-",  # –
        0x2014: "-",  # —
        0x2212: "-",  # −
        0x0023: "·",  # '#' is the sentence marker of the normalised text: a '#' of the text is plain punctuation
    }
)
_NEEDS_TRANS = re.compile("[\uff01-\uff5e\u3000\u223c\u301c\u2013\u2014\u2212#]")
_UPPER = re.compile("[A-Z]+")


def _fold(text: str) -> str:
    """Fullwidth forms → ASCII, dashes and dots unified, ASCII upper → lower: one character for one."""
    if _NEEDS_TRANS.search(text):
        text = text.translate(_TRANS)
    if _UPPER.search(text):
        text = _UPPER.sub(lambda m: m.group().lower(), text)
    return text


_GAP = re.compile(r"[^0-9a-z가-힣%㎝㎏]+")
_BREAK_CHARS = frozenset("\n\r.!?;■□●○•◆◇▶▷►▸★☆※▣✔✓❖◎【】|◈▪▫")
_RANGE_CHARS = frozenset("~-")
_DIGITS = frozenset("0123456789")
_AFTER_NUMBER_UNITS = frozenset("세대살시분원년월일")
_WEEKDAYS = frozenset("월화수목금토일")
_RANGE_RIGHT = frozenset("월화수목금토일오새밤저아낮만")
_RANGE_LEFT = _WEEKDAYS | _AFTER_NUMBER_UNITS


_DATE_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:-\d{1,2})?$")


def _has_range(g: str) -> bool:
    return any(c in _RANGE_CHARS for c in g)


def _gap(m: re.Match) -> str:
    """What a run of dropped characters becomes in the normalised text (see the module docstring)."""
    g = m.group()
    s = m.string
    a, b = m.start(), m.end()
    left = s[a - 1] if a else ""
    right = s[b] if b < len(s) else ""
    if right in _DIGITS:
        if left in _DIGITS:
            core = g.strip(" \t")
            if core == "," and s[b : b + 3].isdigit() and not s[b + 3 : b + 4].isdigit():
                return ""  # thousands separator
            if not core:
                return ""  # "3 5세" → "35세": digits split by spaces only are one number
            if core in (".", ":"):
                return core
            if core == "-" and _DATE_BEFORE.search(s, max(0, a - 8), a):
                return "."  # 2026-03-07 is a date, not a range
            if any(c in _RANGE_CHARS for c in core):
                return "~"
            if any(c in _BREAK_CHARS for c in g):
                return "#"
            return "/"
        if left and (left in _AFTER_NUMBER_UNITS or left in _WEEKDAYS or left in "만반") and _has_range(g):
            return "~"
    elif right in _RANGE_RIGHT and left and _has_range(g) and (left in _DIGITS or left in _RANGE_LEFT):
        return "~"  # 월~금, 9시~오후 6시, 20세~만 34세
    if any(c in _BREAK_CHARS for c in g):
        return "#"
    return ""


_PLAIN_SPACES = re.compile(r" +(?=[가-힣a-z])|(?<=[가-힣]) +")
"""Spaces next to a Hangul letter (or before a Latin one): they always vanish, whatever `_gap` would decide, so a
cheap C-level pass removes them first and `_gap` runs only on the few gaps with punctuation or digits."""


_K = "0-9a-z가-힣%㎝㎏"
_B = re.escape("".join(sorted(_BREAK_CHARS)))
_NONDIGIT_KEEP = "a-z가-힣%㎝㎏"
_SIMPLE_BREAK = re.compile(rf"(?<![^{_NONDIGIT_KEEP}])[^{_K}~\-{_B}]*[{_B}][^{_K}~\-]*+(?=[{_NONDIGIT_KEEP}]|$)")
_SIMPLE_DROP = re.compile(rf"(?<![^{_NONDIGIT_KEEP}])[^{_K}~\-{_B}#]++(?=[{_NONDIGIT_KEEP}]|$)")
_REST_GAP = re.compile(rf"[^{_K}#]+")
"""The fast path of `_gap`: a whole gap between two non-digit letters without a range sign is '#' when it holds a
sentence break and nothing otherwise — two C-level passes; `_gap` then runs only on gaps next to a digit or with a
range sign. The result equals `_GAP.sub(_gap, …)` (a test checks), so the map back is built with the slow path."""


def normalise(t1: str) -> str:
    """`_GAP.sub(_gap, t1)`, fast: the simple gaps first (see `_SIMPLE_BREAK`), the rest with `_gap`."""
    return _REST_GAP.sub(_gap, _SIMPLE_DROP.sub("", _SIMPLE_BREAK.sub("#", t1)))


class Norm:
    """A text's normalised form `s` and the map from `s` back to the original `orig`."""

    __slots__ = ("orig", "s", "_t", "_nstarts", "_ostarts", "_kinds", "_keep")

    def __init__(self, text: str) -> None:
        self.orig = text
        self._t = _fold(text)
        self.s = normalise(_PLAIN_SPACES.sub("", self._t))
        self._nstarts: list[int] | None = None

    def _build(self) -> None:
        t = self._t
        # positions of the pre-pass result in t (the pre-pass only deletes characters)
        keep = []
        prev = 0
        for m in _PLAIN_SPACES.finditer(t):
            keep.extend(range(prev, m.start()))
            prev = m.end()
        keep.extend(range(prev, len(t)))
        t1 = "".join(t[i] for i in keep)
        nstarts: list[int] = []
        ostarts: list[int] = []
        kinds: list[bool] = []  # True: a kept run (1:1), False: an inserted marker (maps to the gap start)
        n = 0
        prev = 0
        for m in _GAP.finditer(t1):
            if m.start() > prev:
                nstarts.append(n)
                ostarts.append(prev)
                kinds.append(True)
                n += m.start() - prev
            rep = _gap(m)
            if rep:
                nstarts.append(n)
                ostarts.append(m.start())
                kinds.append(False)
                n += len(rep)
            prev = m.end()
        if prev < len(t1):
            nstarts.append(n)
            ostarts.append(prev)
            kinds.append(True)
        self._nstarts, self._ostarts, self._kinds = nstarts, ostarts, kinds
        self._keep = keep

    def orig_index(self, i: int) -> int:
        """The original position of normalised position `i`."""
        if self._nstarts is None:
            self._build()
        k = bisect_right(self._nstarts, i) - 1
        if k < 0:
            return 0
        base = self._ostarts[k]
        j = base + (i - self._nstarts[k]) if self._kinds[k] else base
        return self._keep[min(j, len(self._keep) - 1)] if self._keep else 0

    def span(self, start: int, end: int) -> str:
        """The original text behind normalised `s[start:end]` (stripped of edge spaces and punctuation)."""
        if end <= start:
            return ""
        a = self.orig_index(start)
        b = self.orig_index(end - 1) + 1
        return self.orig[a:b].strip(" \t\r\n,.;:/·-")


# ----------------------------------------------------------------------------- amounts
_SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
_SMALL = {"십": 10, "백": 100, "천": 1000}
_BIG = {"만": 10_000, "억": 100_000_000}
_AMOUNT_PIECE = re.compile(r"(\d+(?:\.\d+)?)|([일이삼사오육칠팔구])|([십백천])|([만억])")
AMOUNT = r"(?:\d+(?:\.\d+)?|[일이삼사오육칠팔구](?=[십백천만억])|[십백천만억])+원"
"""An amount in 원 in the normalised text: 10030원, 230만원, 2천7백6십만원, 1.2만원, 만원, 3억5천만원."""


def parse_amount(token: str) -> int | None:
    """'2천7백6십만' → 27,600,000; '10030' → 10,030; '1.2만' → 12,000 (a trailing 원 is ignored)."""
    token = token.removesuffix("원")
    total = 0.0
    section = 0.0
    num: float | None = None
    seen = False
    for m in _AMOUNT_PIECE.finditer(token):
        d, sino, small, big = m.groups()
        seen = True
        if d is not None:
            num = float(d)
        elif sino is not None:
            num = float(_SINO[sino])
        elif small is not None:
            section += (1.0 if num is None else num) * _SMALL[small]
            num = None
        else:
            section += 0.0 if num is None else num
            total += (section or 1.0) * _BIG[big]
            section, num = 0.0, None
    if not seen:
        return None
    total += section + (num or 0.0)
    return round(total)


# ----------------------------------------------------------------------------- wage statements
_PARTICLES = r"(?:은|는|가|이(?![천백십만억])|기준|약|최소|최저|최대|세전|세후|총|실수령|기본|평균|수준|부터)*"
_WAGE_RE = re.compile(
    r"(?P<kw>시급|시간급|시간당급여|시간당|타임당|일급|일당|하루일당|일일급여|월급여|월급|월임금|월보수|월(?=\d|[일이삼사오육칠팔구]?[십백천만])"
    r"|연봉|연간급여|연(?=\d)|급여|임금|보수)" + _PARTICLES + r"(?P<amt>" + AMOUNT + r")"
)
_KW_TYPE = {
    "시급": "hourly",
    "시간급": "hourly",
    "시간당급여": "hourly",
    "시간당": "hourly",
    "타임당": "hourly",
    "일급": "daily",
    "일당": "daily",
    "하루일당": "daily",
    "일일급여": "daily",
    "월급여": "monthly",
    "월급": "monthly",
    "월임금": "monthly",
    "월보수": "monthly",
    "월": "monthly",
    "연봉": "annual",
    "연간급여": "annual",
    "연": "annual",
}
_NOT_WAGE_BEFORE = re.compile(
    r"(?:식대|식비|중식|석식|교통|유류|차량|수당|상여|보너스|인센|성과|복지|지원|포인트|기숙사|숙소|월세|관리비|회비|적립|"
    r"공제|보험|통신|학자금|명절|휴가비|경조|장려금|육아|출산|축하|야간|연장|휴일|심야|주말|특근|잔업|추가|환산|포함|"
    r"교육비|보증금|등록비|가입비|수강료|투자|건당|매출|수익|수입|대출|부채|소득|재산|자산)[^#]{0,3}$"
)
_NOT_WAGE_AFTER = re.compile(r"^(?:을|를)?(?:지원|제공|별도|추가|상당|적립|한도|공제|차감|입금|선입금|납부|보장)")
_PROBATION_WORDS = re.compile(r"수습|시용|견습|인턴|교육기간|트레이닝기간|수련")


@dataclass(frozen=True)
class WageMention:
    wage_type: str  # hourly | daily | monthly | annual
    amount: int
    start: int
    end: int
    probation: bool  # the sentence is about a probation / internship period
    comparable: bool  # a plain statement of the pay (no 야간/환산/포함 … qualifier): usable to check the field


def _sentence(s: str, start: int, end: int) -> str:
    a = s.rfind("#", 0, start) + 1
    b = s.find("#", end)
    return s[a : b if b >= 0 else len(s)]


def wage_mentions(s: str) -> list[WageMention]:
    """Pay amounts stated in the normalised text, each with its unit (from the keyword or, for 급여/임금/보수, from
    the size of the amount); allowances such as '식대 월 20만원' are not pay statements and are skipped."""
    out: list[WageMention] = []
    for m in _WAGE_RE.finditer(s):
        kw = m.group("kw")
        amount = parse_amount(m.group("amt"))
        if not amount:
            continue
        before = s[max(0, m.start() - 8) : m.start()]
        after = s[m.end() : m.end() + 6]
        weak = kw in ("월", "연", "급여", "임금", "보수")
        qualified = bool(_NOT_WAGE_BEFORE.search(before))
        if weak and (qualified or _NOT_WAGE_AFTER.search(after)):
            continue
        wt = _KW_TYPE.get(kw)
        if wt is None:
            wt = (
                "hourly"
                if amount < 60_000
                else "daily"
                if amount < 600_000
                else "monthly"
                if amount < 12_000_000
                else "annual"
            )
        sentence = _sentence(s, m.start(), m.end())
        probation = bool(_PROBATION_WORDS.search(sentence))
        out.append(WageMention(wt, amount, m.start(), m.end(), probation, not qualified and not probation))
    return out


# ----------------------------------------------------------------------------- schedules
_DAYS_RE = re.compile(
    r"주(?:당)?(?P<n>[1-7])(?:일|회)(?P<off>휴무|휴일|쉼|쉬는|휴식)?"
    r"|(?P<wd>월|화)(?:요일)?~(?P<we>금|토|일)(?:요일)?"
    r"|(?P<every>주7일|매일근무|연중무휴|365일)"
    r"|(?P<alt>격일)"
    r"|(?P<on>[1-6])일근무(?P<rest>[1-6])일휴무"
)
_DAILY_RE = re.compile(r"(?:하루|일)(?:평균|최대|기본|총|실)?(?P<h>\d{1,2}(?:\.\d)?)시간(?!미만|이상|이내|이하)")
_DAILY_NOT_BEFORE = frozenset("주게식심")
_DAILY_WORK_RE = re.compile(r"시간(?:씩)?(?:근무|근로|작업|교대|맞교대)")
_HOURS_BEFORE_RE = re.compile(r"(?<![\d주당게식.])(?P<h>\d{1,2}(?:\.\d)?)$")
_TIME = (
    r"(?P<{p}m>오전|오후|새벽|밤|저녁|아침|낮)?(?P<{p}h>\d{{1,2}})"
    r"(?::(?P<{p}min>\d{{2}})|시(?:(?P<{p}min2>\d{{1,2}})분|(?P<{p}half>반))?)?"
)
_RANGE_RE = re.compile(_TIME.format(p="a") + "~" + _TIME.format(p="b") + r"(?![\d]|간|세|대|살|개|명|일|%|원)")
_BREAK_RE = re.compile(
    r"(?:휴게|휴식|점심|식사)(?:시간)?(?:은|는)?(?:(?P<h>\d(?:\.\d)?)시간|(?P<m>\d{2,3})분)(?:(?P<m2>\d{2})분)?"
)
_WEEKLY_RE = re.compile(
    r"주(?:당)?(?:평균|최대|총|기본|실)?(?:근무|근로)?(?:시간)?(?P<h>\d{2}(?:\.\d)?)시간"
    r"(?!이상근무시|이상근로시|이상시|이상이면|이상일|이상인|이상근무하|이상근무자|이상근무한|미만|이내|이하|준수|상한|제|한도|초과시|초과금지|을넘|까지|넘지|"
    r"기준|이상근무할|이상일하)"
)


def _clock(m: re.Match, p: str) -> float | None:
    h = int(m.group(f"{p}h"))
    minute = m.group(f"{p}min") or m.group(f"{p}min2")
    has_unit = m.group(f"{p}min") is not None or "시" in m.group()
    if h > 24:
        return None
    t = h + (int(minute) / 60 if minute else 0) + (0.5 if m.group(f"{p}half") else 0)
    mer = m.group(f"{p}m")
    if mer in ("오후", "밤", "저녁") and h < 12:
        t += 12
    return t if has_unit or mer or h <= 24 else None


@dataclass(frozen=True)
class Schedule:
    days: float | None  # working days a week
    daily: float | None  # hours a day (stated, or a clock range less its break)
    weekly: float | None  # hours a week stated as such ("주 60시간")
    spans: tuple[tuple[int, int], ...] = ()  # where in the normalised text the figures were read

    @property
    def weekly_estimate(self) -> float | None:
        """Weekly hours from the text: the stated weekly figure, or days × hours a day, the larger."""
        est = [w for w in (self.weekly, (self.days * self.daily) if self.days and self.daily else None) if w]
        return max(est) if est else None


def schedule(s: str) -> Schedule:
    """Working days, hours a day and hours a week stated in the normalised text (None where not stated)."""
    days: float | None = None
    spans: list[tuple[int, int]] = []
    for m in _DAYS_RE.finditer(s):
        if m.group("n"):
            n = int(m.group("n"))
            d = 7 - n if m.group("off") else n
        elif m.group("wd"):
            first = 1 if m.group("wd") == "월" else 2
            last = {"금": 5, "토": 6, "일": 7}[m.group("we")]
            d = last - first + 1
        elif m.group("every"):
            d = 7
        elif m.group("alt"):
            d = 3.5
        else:
            on, rest = int(m.group("on")), int(m.group("rest"))
            d = 7 * on / (on + rest)
        if days is None or d > days:
            days = d
        spans.append(m.span())
    daily: float | None = None
    for m in _DAILY_RE.finditer(s):
        if m.start() > 0 and s[m.start() - 1] in _DAILY_NOT_BEFORE and s[m.start()] == "일":
            continue
        h = float(m.group("h"))
        if 0 < h <= 24:
            daily = h if daily is None else max(daily, h)
            spans.append(m.span())
    for w in _DAILY_WORK_RE.finditer(s):
        m = _HOURS_BEFORE_RE.search(s, max(0, w.start() - 5), w.start())
        if m:
            h = float(m.group("h"))
            if 0 < h <= 24:
                daily = h if daily is None else max(daily, h)
                spans.append((m.start(), w.end()))
    if daily is None and "~" in s:
        ranges = []
        for m in _RANGE_RE.finditer(s):
            if m.start() and s[m.start() - 1] in "0123456789.:~":
                continue
            a, b = _clock(m, "a"), _clock(m, "b")
            if a is None or b is None or (":" not in m.group() and "시" not in m.group()):
                continue
            if b <= a and b < 12 and not m.group("bm") and b + 12 > a:
                b += 12  # "9시~6시", "11시~3시", "저녁 5시~10시": a 12-hour clock ending in the afternoon or evening
            d = b - a if b > a else b + 24 - a
            if 0 < d <= 24:
                ranges.append((d, m))
        if ranges:
            d, m = min(ranges, key=lambda x: x[0])  # several ranges (shifts): the shortest, conservatively
            br = _BREAK_RE.search(s)
            if br:
                rest = float(br.group("h")) if br.group("h") else int(br.group("m")) / 60
                rest += int(br.group("m2")) / 60 if br.group("m2") else 0
            else:
                rest = 1.0 if d > 8 else 0.5 if d >= 4 else 0.0  # 근로기준법 제54조 minimum breaks
            daily = max(d - rest, 0.0)
            spans.append(m.span())
    weekly: float | None = None
    for m in _WEEKLY_RE.finditer(s):
        h = float(m.group("h"))
        if 0 < h <= 168:
            weekly = h if weekly is None else max(weekly, h)
            spans.append(m.span())
    return Schedule(days, daily, weekly, tuple(sorted(spans)))
