"""Reading what Japanese users type: amounts, rates, dates (ISO and 和暦), counts.

Every parser takes the flag name so that its error says which flag was wrong, what was
given and what is accepted (exit 2). Full-width characters are folded (NFKC) first, so
``５０万円`` and ``R1．5．1`` are read like their half-width forms.

Accepted:
- yen:   ``500000``, ``500,000``, ``50万``, ``50万円``, ``1億2000万``, ``5.5万``, ``¥500,000``
- rate:  ``0.2``, ``20%``, ``年20%``, ``1割8分`` (割・分・厘); ``legal``/``法定`` where allowed.
         A bare number of 1 or more (``20``) is ambiguous and refused.
- dates: ``2019-05-01``, ``2019/5/1``, ``2019年5月1日``, ``R1.5.1``, ``R01.05.01``,
         ``令和元年5月1日``, ``H31.4.30``, ``平成31年4月30日`` (M/T/S/H/R, 明治…令和)
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache, wraps
from decimal import Decimal, InvalidOperation

from saiken_cli.errors import InputError

MAX_YEN = 10**15  # 1,000兆円: far above any claim; keeps arithmetic and output sane
MAX_LEN = 200
DATE_MAX = date(2999, 12, 31)  # far beyond any claim; keeps date arithmetic (years added) in range
# from this day on, a date is after the first era row (1873-01-01) without reading the eras
# table: _in_range checks only DATE_MAX, and parse_date's ISO fast path needs no more
_NO_ERA_CHECK_FROM = date(1900, 1, 1)

YEN_ACCEPTED = "an amount in yen such as 500000, 500,000, 50万 or 50万円"
RATE_ACCEPTED = "a yearly rate such as 0.2, 20% or 1割8分"
DATE_ACCEPTED = "a date such as 2019-05-01, 2019/5/1, 2019年5月1日, R1.5.1 or 令和元年5月1日"


def fold(text: str) -> str:
    """NFKC-fold and strip; refuse control characters and absurd lengths."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).strip()
    return folded


_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")  # exactly Unicode category Cc


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
    if _CONTROL_RE.search(text):
        raise InputError(flag, text.encode("unicode_escape").decode(), accepted + " (no control characters)")


_NUM = r"[0-9]+(?:\.[0-9]+)?"
_YEN_RE = re.compile(rf"^(?:(?P<cho>{_NUM})兆)?(?:(?P<oku>{_NUM})億)?(?:(?P<man>{_NUM})万)?(?P<rest>[0-9]+)?$")


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
    m = _YEN_RE.match(s) if s else None
    if not m or not any(m.groupdict().values()):
        raise InputError(flag, raw, YEN_ACCEPTED)
    total = Decimal(0)
    try:
        for key, mult in (("cho", 10**12), ("oku", 10**8), ("man", 10**4)):
            if m.group(key):
                total += Decimal(m.group(key)) * mult
        if m.group("rest"):
            rest = int(m.group("rest"))
            if (m.group("man") or m.group("oku") or m.group("cho")) and rest >= 10**4 and m.group("man"):
                raise InputError(flag, raw, YEN_ACCEPTED + " (after 万, at most 9999)")
            total += rest
    except InvalidOperation:
        raise InputError(flag, raw, YEN_ACCEPTED) from None
    if total != total.to_integral_value():
        raise InputError(flag, raw, "a whole number of yen (" + YEN_ACCEPTED + ")")
    value = int(total)
    if value > MAX_YEN:
        raise InputError(flag, raw, f"an amount up to {MAX_YEN:,} yen")
    if value == 0 and not allow_zero:
        raise InputError(flag, raw, "an amount above zero: " + YEN_ACCEPTED)
    return value


_RATE_WARIBU = re.compile(r"^(?:(?P<wari>[0-9]+)割)?(?:(?P<bu>[0-9]+)分)?(?:(?P<rin>[0-9]+)厘)?$")
_DECIMAL_RE = re.compile(r"^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$")
LEGAL_WORDS = {"legal", "法定", "法定利率", "statutory"}


@_memo
def parse_rate(text: str, flag: str, *, allow_legal: bool = False, allow_high: bool = False) -> Decimal | None:
    """A yearly rate as an exact Decimal fraction (20% → Decimal('0.2')); None for 'legal'."""
    raw = fold(text)
    _check_len(raw, flag, RATE_ACCEPTED)
    s = raw.replace(" ", "")
    if s.lower() in LEGAL_WORDS:
        if allow_legal:
            return None
        raise InputError(flag, raw, RATE_ACCEPTED)
    accepted = RATE_ACCEPTED + (", or legal for the 法定利率" if allow_legal else "")
    s = s.removeprefix("年利").removeprefix("年")
    value: Decimal
    if s.endswith("%"):
        num = s[:-1]
        if not _DECIMAL_RE.match(num):
            raise InputError(flag, raw, accepted)
        value = Decimal(num) / 100
    elif s and any(ch in s for ch in "割分厘"):
        m = _RATE_WARIBU.match(s)
        if not m or not any(m.groupdict().values()):
            raise InputError(flag, raw, accepted)
        value = (
            Decimal(m.group("wari") or 0) / 10 + Decimal(m.group("bu") or 0) / 100 + Decimal(m.group("rin") or 0) / 1000
        )
    elif _DECIMAL_RE.match(s):
        value = Decimal(s)
        if value >= 1:
            raise InputError(
                flag,
                raw,
                f"ambiguous: a rate without % must be a fraction below 1; write {s}% or {_as_fraction(s)}",
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


_ISO_RE = re.compile(r"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$")
_ISO8_RE = re.compile(r"^([0-9]{4})([0-9]{2})([0-9]{2})$")
_YMD_KANJI_RE = re.compile(r"^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$")
_WAREKI_LETTER_RE = re.compile(r"^([MTSHRmtshr])([0-9]{1,2}|元)[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$")
_WAREKI_KANJI_RE = re.compile(r"^(明治|大正|昭和|平成|令和)([0-9]{1,2}|元)年([0-9]{1,2})月([0-9]{1,2})日$")


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


def parse_date(text: str, flag: str) -> date:
    """A date: ISO (2019-05-01, 2019/5/1, 20190501), 2019年5月1日, or 和暦 (R1.5.1, 令和元年5月1日)."""
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
    return _parse_date(text, flag)


@_memo
def _parse_date(text: str, flag: str) -> date:
    raw = fold(text)
    _check_len(raw, flag, DATE_ACCEPTED)
    s = raw.replace(" ", "")
    for rx in (_ISO_RE, _ISO8_RE, _YMD_KANJI_RE):
        m = rx.match(s)
        if m:
            return _in_range(_make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)), flag, raw), flag, raw)
    m = _WAREKI_LETTER_RE.match(s) or _WAREKI_KANJI_RE.match(s)
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
