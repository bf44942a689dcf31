"""Reading what Japanese users type: amounts, rates, dates (ISO and 和暦), counts.

Every parser takes the flag name so that its error says which flag was wrong, what was
given and what is accepted (exit 2). Full-width characters are folded (NFKC) first, so
``５０万円`` and ``R1．5．1`` are read like their half-width forms.

Accepted:
- yen:   ``500000``, ``500,000``, ``50万``, ``50万円``, ``1億2000万``, ``5.5万``, ``¥500,000``,
         ``80万5千円``, ``1千万円``, ``1万2千``, ``3百万``, ``800千円`` (千円 units)
- rate:  ``0.2``, ``20%``, ``14.6パーセント``, ``年20%``, ``1割8分`` (割・分・厘); ``legal``/``法定``
         where allowed. A bare number of 1 or more (``20``) is ambiguous and refused.
- dates: ``2019-05-01``, ``2019/5/1``, ``2019年5月1日``, ``R1.5.1``, ``R01.05.01``,
         ``令和元年5月1日``, ``H31.4.30``, ``平成31年4月30日`` (M/T/S/H/R, 明治…令和), 漢数字
         (``令和二年三月四日``, ``平成三十一年四月三十日``, ``二〇一九年五月一日``), and
         ``today``/``今日``/``本日``: Japan's date for this run, which the caller (the CLI edge)
         passes in as ``today=`` — parsing itself reads no clock.

Ambiguous text stays an error: ``1千2`` (1,002 or 1,200?), ``12千万``, ``1万12000``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache, lru_cache, wraps
from decimal import Decimal, InvalidOperation

from saiken_cli.errors import InputError


def _pattern(regex: str):
    """``_pattern(r"…")()`` is the compiled regex, compiled on its first use: compiling all of
    this module's patterns at import cost ~2 ms of every start-up (the 万/億/兆 amount pattern
    alone ~1.2 ms), though a ``saiken damages --principal 500000 --json`` call uses none of
    them (issue 16)."""
    return cache(lambda: re.compile(regex))


MAX_YEN = 10**15  # 1,000兆円: far above any claim; keeps arithmetic and output sane
MAX_LEN = 200
DATE_MAX = date(2999, 12, 31)  # far beyond any claim; keeps date arithmetic (years added) in range
# from this day on, a date is after the first era row (1873-01-01) without reading the eras
# table: _in_range checks only DATE_MAX, and parse_date's ISO fast path needs no more
_NO_ERA_CHECK_FROM = date(1900, 1, 1)

YEN_ACCEPTED = "an amount in yen such as 500000, 500,000, 50万, 50万円 or 80万5千円"
RATE_ACCEPTED = "a yearly rate such as 0.2, 20% or 1割8分"
DATE_ACCEPTED = "a date such as 2019-05-01, 2019/5/1, 2019年5月1日, R1.5.1, 令和元年5月1日 or today"


def fold(text: str) -> str:
    """NFKC-fold and strip; refuse control characters and absurd lengths."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).strip()
    return folded


_CONTROL_RE = _pattern("[\x00-\x1f\x7f-\x9f]")  # exactly Unicode category Cc


def _memo(parse):
    """Memoise a pure parser on its arguments (batch files repeat rates, dates, methods).

    Only successful results are kept (an error is raised again each time); the cache is
    bounded, so memory stays flat over any number of records."""
    cached = lru_cache(maxsize=4096)(parse)

    @wraps(parse)
    def wrapper(text, flag, **kw):
        if type(text) is str and len(text) <= MAX_LEN:
            return cached(text, flag, **kw)
        return parse(text, flag, **kw)

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper


def _check_len(text: str, flag: str, accepted: str) -> None:
    if len(text) > MAX_LEN:
        raise InputError(flag, text, accepted + f" (at most {MAX_LEN} characters)")
    if _CONTROL_RE().search(text):
        raise InputError(flag, text.encode("unicode_escape").decode(), accepted + " (no control characters)")


_NUM = r"[0-9]+(?:\.[0-9]+)?"


def _yen_group(p: str) -> str:
    """One group of digits below a 万/億/兆 unit: ``[N千][N百][N]`` (e.g. ``5千``, ``3百50``)."""
    return rf"(?:(?P<{p}k>{_NUM})千)?(?:(?P<{p}h>{_NUM})百)?(?P<{p}n>{_NUM})?"


_BIG_UNITS = (("c", "兆", 10**12), ("o", "億", 10**8), ("m", "万", 10**4))
_YEN_RE = _pattern(
    "^" + "".join(f"(?:{_yen_group(p)}{unit})?" for p, unit, _ in _BIG_UNITS) + _yen_group("r") + "$"
)


def parse_yen(text: str, flag: str, *, allow_zero: bool = False) -> int:
    """An amount in whole yen (int)."""
    # the common cases in batch files, ASCII digits with or without thousands commas and a
    # final 円 (500000, 500,000, 500,000円): the same answer as _parse_yen, which removes
    # one final 円 and every comma before reading digits, without folding, memoising or
    # the checks that cannot fail for such text
    if type(text) is str and len(text) <= 40:
        digits = (text[:-1] if text.endswith("円") else text).replace(",", "")
        if len(digits) <= 16 and digits.isascii() and digits.isdigit():
            value = int(digits)
            if 0 < value <= MAX_YEN:
                return value
    return _parse_yen(text, flag, allow_zero=allow_zero)


@_memo
def _parse_yen(text: str, flag: str, *, allow_zero: bool = False) -> int:
    raw = fold(text)
    _check_len(raw, flag, YEN_ACCEPTED)
    s = raw
    if s.startswith("金"):
        s = s[1:]
    s = s.lstrip("¥\\").removesuffix("円").replace(",", "").replace(" ", "")
    if s.isascii() and s.isdigit():  # the common case: plain digits (same checks as below)
        value = int(s)
        if value > MAX_YEN:
            raise InputError(flag, raw, f"an amount up to {MAX_YEN:,} yen")
        if value == 0 and not allow_zero:
            raise InputError(flag, raw, "an amount above zero: " + YEN_ACCEPTED)
        return value
    if s.startswith("-") or s.startswith("−"):
        raise InputError(flag, raw, "a positive amount: " + YEN_ACCEPTED)
    m = _YEN_RE().match(s) if s else None
    if not m:
        raise InputError(flag, raw, YEN_ACCEPTED)
    total = Decimal(0)
    higher = False  # a bigger unit came before this group
    try:
        for p, unit, mult in (*_BIG_UNITS, ("r", "", 1)):
            k, h, n = m.group(p + "k"), m.group(p + "h"), m.group(p + "n")
            if k is None and h is None and n is None:
                if unit and unit in s:  # 万円, 1億万: a unit without its number
                    raise InputError(flag, raw, YEN_ACCEPTED + f" (a number before {unit})")
                continue
            value = _yen_group_value(k, h, n, alone=not higher and not unit, flag=flag, raw=raw)
            if higher and value >= 10**4:
                raise InputError(flag, raw, YEN_ACCEPTED + " (after 万, 億 or 兆, at most 9999 of the next unit)")
            total += value * mult
            higher = True
    except InvalidOperation:
        raise InputError(flag, raw, YEN_ACCEPTED) from None
    if not higher:
        raise InputError(flag, raw, YEN_ACCEPTED)
    if total != total.to_integral_value():
        raise InputError(flag, raw, "a whole number of yen (" + YEN_ACCEPTED + ")")
    value = int(total)
    if value > MAX_YEN:
        raise InputError(flag, raw, f"an amount up to {MAX_YEN:,} yen")
    if value == 0 and not allow_zero:
        raise InputError(flag, raw, "an amount above zero: " + YEN_ACCEPTED)
    return value


def _yen_group_value(k: str | None, h: str | None, n: str | None, *, alone: bool, flag: str, raw: str) -> Decimal:
    """The value of one ``[N千][N百][N]`` group; what could be read two ways is refused.

    A number with a decimal point stands alone in its group (``5.5万``, ``1.5千``). Before
    千 inside a bigger amount, and always before 百, stands one digit 1–9 (``1千万``,
    ``5千5百万``); only an amount that is one group may count thousands (``800千円``: 千円
    units). After 千 the rest has three digits, after 百 two (``1千050``, ``3百05``):
    ``1千2`` could mean 1,002 or 1,200 and is refused."""
    parts = [x for x in (k, h, n) if x is not None]
    if len(parts) > 1 and any("." in x for x in parts):
        raise InputError(flag, raw, YEN_ACCEPTED + " (a decimal point only in a number on its own, such as 5.5万)")
    if k is not None and not alone and (len(k) != 1 or k == "0"):
        raise InputError(flag, raw, YEN_ACCEPTED + " (one digit before 千 inside a bigger amount, such as 1千万)")
    if h is not None and (len(h) != 1 or h == "0"):
        raise InputError(flag, raw, YEN_ACCEPTED + " (one digit before 百, such as 3百万)")
    if n is not None and (k is not None or h is not None):
        places = 2 if h is not None else 3
        if len(n) != places:
            unit = "百" if h is not None else "千"
            raise InputError(flag, raw, YEN_ACCEPTED + f" (after {unit}, {places} digits or none: ambiguous)")
    value = Decimal(0)
    if k is not None:
        value += Decimal(k) * 1000
    if h is not None:
        value += Decimal(h) * 100
    if n is not None:
        value += Decimal(n)
    return value


_RATE_WARIBU = _pattern(r"^(?:(?P<wari>[0-9]+)割)?(?:(?P<bu>[0-9]+)分)?(?:(?P<rin>[0-9]+)厘)?$")
_DECIMAL_RE = _pattern(r"^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$")
LEGAL_WORDS = {"legal", "法定", "法定利率", "statutory"}
AMBIGUOUS_RATE = "ambiguous: a rate without % must be a fraction below 1"  # batch adds its --rate-unit hint


@_memo
def parse_rate(text: str, flag: str, *, allow_legal: bool = False, allow_high: bool = False) -> Decimal | None:
    """A yearly rate as an exact Decimal fraction (20% → Decimal('0.2')); None for 'legal'."""
    raw = fold(text)
    _check_len(raw, flag, RATE_ACCEPTED)
    s = raw.replace(" ", "").replace("パーセント", "%")
    if s.lower() in LEGAL_WORDS:
        if allow_legal:
            return None
        raise InputError(flag, raw, RATE_ACCEPTED)
    accepted = RATE_ACCEPTED + (", or legal for the 法定利率" if allow_legal else "")
    s = s.removeprefix("年利").removeprefix("年")
    value: Decimal
    if s.endswith("%"):
        num = s[:-1]
        if not _DECIMAL_RE().match(num):
            raise InputError(flag, raw, accepted)
        value = Decimal(num) / 100
    elif s and any(ch in s for ch in "割分厘"):
        m = _RATE_WARIBU().match(s)
        if not m or not any(m.groupdict().values()):
            raise InputError(flag, raw, accepted)
        value = (
            Decimal(m.group("wari") or 0) / 10 + Decimal(m.group("bu") or 0) / 100 + Decimal(m.group("rin") or 0) / 1000
        )
    elif _DECIMAL_RE().match(s):
        value = Decimal(s)
        if value >= 1:
            raise InputError(
                flag,
                raw,
                f"{AMBIGUOUS_RATE}; write {s}% or {_as_fraction(s)}",
            )
    else:
        raise InputError(flag, raw, accepted)
    if value <= 0:
        raise InputError(flag, raw, "a rate above zero: " + accepted)
    if value >= 1 and not allow_high:
        raise InputError(flag, raw, "a rate below 100% a year (pass --allow-high-rate for higher rates)")
    if value > 1000:
        raise InputError(flag, raw, "a rate up to 100000% a year")
    return value.normalize() if value == value.to_integral_value() else value


def _as_fraction(s: str) -> str:
    try:
        return format((Decimal(s) / 100).normalize(), "f")
    except InvalidOperation:  # pragma: no cover
        return "0.2"


_ISO_RE = _pattern(r"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$")
_ISO8_RE = _pattern(r"^([0-9]{4})([0-9]{2})([0-9]{2})$")
_YMD_KANJI_RE = _pattern(r"^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$")
_WAREKI_LETTER_RE = _pattern(r"^([MTSHRmtshr])([0-9]{1,2}|元)[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$")
_WAREKI_KANJI_RE = _pattern(r"^(明治|大正|昭和|平成|令和)([0-9]{1,2}|元)年([0-9]{1,2})月([0-9]{1,2})日$")


def _eras():
    from saiken_cli import rules

    return rules.load("eras").rows


def _first_year(era) -> int:
    """The Gregorian year of the era's 元年 (明治: 1868, though saiken reads it from 1873)."""
    return era.values.get("first_year", era.effective_from.year)


def _make_date(y: int, m: int, d: int, flag: str, raw: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise InputError(flag, raw, "a date that exists (" + DATE_ACCEPTED + ")") from None


def _in_range(d: date, flag: str, raw: str) -> date:
    """Dates from the first era row (明治6年1月1日 = 1873-01-01, the solar calendar) to DATE_MAX."""
    if d > DATE_MAX:
        raise InputError(flag, raw, f"a date up to {DATE_MAX.isoformat()}")
    if d < _NO_ERA_CHECK_FROM:
        first = _eras()[0].effective_from
        if d < first:
            raise InputError(flag, raw, f"a date from {first.isoformat()} (明治6年1月1日, the solar calendar in Japan)")
    return d


TODAY_WORDS = frozenset({"today", "今日", "本日"})


def parse_date(text: str, flag: str, *, today: date | None = None) -> date:
    """A date: ISO (2019-05-01, 2019/5/1, 20190501), 2019年5月1日, 和暦 (R1.5.1, 令和元年5月1日,
    令和二年三月四日), or ``today``/``今日``/``本日``.

    ``today`` is Japan's date for this run, given by the caller (the CLI edge reads the
    clock once: saiken_cli/today.py); without it, a today word is resolved there."""
    # the common case in batch files, ISO YYYY-MM-DD: the same answer as _parse_date
    # (a day that does not exist, or one out of range, still goes the long way to its error)
    if type(text) is str and len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
        y, m, d = text[:4], text[5:7], text[8:]
        if y.isdigit() and m.isdigit() and d.isdigit():
            try:
                value = date(int(y), int(m), int(d))
            except ValueError:
                pass
            else:
                if _NO_ERA_CHECK_FROM <= value <= DATE_MAX:
                    return value
    if type(text) is str and len(text) <= 12:
        word = fold(text).lower()
        if word in TODAY_WORDS:
            return today if today is not None else _japan_today()
    return _parse_date(text, flag)


def _japan_today() -> date:
    """Japan's date for this run, from the CLI edge (parsing itself reads no clock)."""
    from saiken_cli import today

    return today.today()


_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUM_RE = _pattern("[〇零一二三四五六七八九十百千]+")


def _kanji_number(run: str) -> str | None:
    """漢数字 → digits: ``三十一`` → 31, ``十`` → 10, ``二千十九`` → 2019, ``二〇一九`` → 2019
    (place by place); None for what is not one number (``十十``, ``二十二十``)."""
    if not any(ch in _KANJI_UNITS for ch in run):
        return "".join(str(_KANJI_DIGITS[ch]) for ch in run)
    total, digit, last_unit = 0, None, 10**9
    for ch in run:
        if ch in _KANJI_DIGITS:
            if digit is not None:
                return None
            digit = _KANJI_DIGITS[ch]
        else:
            unit = _KANJI_UNITS[ch]
            if unit >= last_unit or digit == 0:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return str(total + (digit or 0))


def _kanji_to_digits(s: str) -> str | None:
    """A date written with 漢数字 in digits (``令和二年三月四日`` → ``令和2年3月4日``)."""
    out, bad = [], False

    def sub(m: re.Match) -> str:
        nonlocal bad
        value = _kanji_number(m.group(0))
        if value is None:
            bad = True
            return m.group(0)
        return value

    out = _KANJI_NUM_RE().sub(sub, s)
    return None if bad else out


@_memo
def _parse_date(text: str, flag: str) -> date:
    raw = fold(text)
    _check_len(raw, flag, DATE_ACCEPTED)
    s = raw.replace(" ", "")
    for rx in (_ISO_RE, _ISO8_RE, _YMD_KANJI_RE):
        m = rx().match(s)
        if m:
            return _in_range(_make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), flag, raw), flag, raw)
    m = _WAREKI_LETTER_RE().match(s) or _WAREKI_KANJI_RE().match(s)
    if not m and _KANJI_NUM_RE().search(s):
        digits = _kanji_to_digits(s)
        if digits is not None and not _KANJI_NUM_RE().search(digits):
            m = _YMD_KANJI_RE().match(digits)
            if m:
                return _in_range(_make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), flag, raw), flag, raw)
            m = _WAREKI_KANJI_RE().match(digits)
    if not m:
        raise InputError(flag, raw, DATE_ACCEPTED)
    era_tok, year_tok, month, day = m.groups()
    era_year = 1 if year_tok == "元" else int(year_tok)
    era = next((r for r in _eras() if r.value == era_tok.upper() or r.label == era_tok), None)
    if era is None or era_year < 1:  # pragma: no cover - the regex admits only known eras
        raise InputError(flag, raw, DATE_ACCEPTED)
    greg = _make_date(_first_year(era) + era_year - 1, int(month), int(day), flag, raw)
    if greg < era.effective_from or (era.effective_until and greg > era.effective_until):
        right = to_wareki(greg) if greg >= _eras()[0].effective_from else greg.isoformat()
        raise InputError(
            flag,
            raw,
            f"a date inside the era {era.label} ({era.effective_from.isoformat()} … "
            f"{era.effective_until.isoformat() if era.effective_until else ''}); "
            f"{greg.isoformat()} is {right}",
        )
    return _in_range(greg, flag, raw)


def to_wareki(d: date, *, style: str = "kanji") -> str:
    """令和元年5月1日 (style="kanji") or R1.5.1 (style="letter")."""
    for era in reversed(_eras()):
        if d >= era.effective_from:
            y = d.year - _first_year(era) + 1
            if style == "letter":
                return f"{era.value}{y}.{d.month}.{d.day}"
            return f"{era.label}{'元' if y == 1 else y}年{d.month}月{d.day}日"
    return d.isoformat()


def parse_int(text: str, flag: str, *, minimum: int = 0, maximum: int = 10**6, what: str = "a whole number") -> int:
    raw = fold(text)
    _check_len(raw, flag, what)
    s = raw.replace(",", "").removesuffix("日").removesuffix("人")
    if not re.fullmatch(r"[0-9]+", s):
        raise InputError(flag, raw, f"{what} from {minimum} to {maximum:,}")
    value = int(s)
    if not (minimum <= value <= maximum):
        raise InputError(flag, raw, f"{what} from {minimum} to {maximum:,}")
    return value


def parse_date_amount(text: str, flag: str) -> tuple[date, int]:
    """``DATE:AMOUNT`` (e.g. ``2020-06-30:300000`` or ``R2.6.30:30万``)."""
    raw = fold(text)
    _check_len(raw, flag, "DATE:AMOUNT")
    if ":" not in raw:
        raise InputError(flag, raw, "DATE:AMOUNT, e.g. 2020-06-30:300000 or R2.6.30:30万")
    date_part, _, amount_part = raw.rpartition(":")
    return parse_date(date_part, flag), parse_yen(amount_part, flag)


def parse_choice(text: str, flag: str, choices: dict[str, str] | list[str] | tuple[str, ...]) -> str:
    """One of a fixed set (romaji or Japanese aliases mapping to a canonical name)."""
    if type(choices) is tuple and type(text) is str and len(text) <= MAX_LEN:
        return _parse_choice_memo(text, flag, choices)
    return _parse_choice(text, flag, choices)


@lru_cache(maxsize=1024)
def _parse_choice_memo(text: str, flag: str, choices: tuple[str, ...]) -> str:
    return _parse_choice(text, flag, choices)


def _parse_choice(text: str, flag: str, choices: dict[str, str] | list[str] | tuple[str, ...]) -> str:
    raw = fold(text)
    _check_len(raw, flag, "one of " + ", ".join(choices))
    mapping = choices if isinstance(choices, dict) else {c: c for c in choices}
    key = raw.lower() if raw.isascii() else raw
    if key in mapping:
        return mapping[key]
    canonical = sorted(set(mapping.values()), key=list(mapping.values()).index)
    raise InputError(flag, raw, "one of " + ", ".join(canonical))
