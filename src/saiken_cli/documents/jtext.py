"""Japanese text as documents write it: 金額 in 万 notation, 和暦 dates, rates in パーセント,
漢数字 for vertical writing. Pure; standard library and saiken_cli.parsing only."""

from __future__ import annotations

from datetime import date

_KANJI_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
_FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def man_yen(yen: int) -> str:
    """650000 → 65万円, 1686657 → 168万6657円, 120000000 → 1億2000万円 (courts' 金額 notation)."""
    if yen < 0:
        raise ValueError("an amount of money is not negative")
    if yen == 0:
        return "0円"
    oku, rest = divmod(yen, 100_000_000)
    man, ichi = divmod(rest, 10_000)
    out = ""
    if oku:
        out += f"{oku}億"
    if man:
        out += f"{man}万"
    if ichi:
        out += f"{ichi}"
    return out + "円"


def wareki(d: date) -> str:
    """2017-08-21 → 平成29年8月21日; 2019-05-01 → 令和元年5月1日."""
    from saiken_cli.parsing import to_wareki

    return to_wareki(d, style="kanji")


def kanji_number(n: int) -> str:
    """0 … 9999 in 漢数字 with 千・百・十 (29 → 二十九, 6657 → 六千六百五十七, 101 → 百一)."""
    if not 0 <= n <= 9999:
        raise ValueError("kanji_number: 0 … 9999")
    if n == 0:
        return "〇"
    out = ""
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit)
        if q:
            out += ("" if q == 1 else str(q).translate(_KANJI_DIGITS)) + name
    if n:
        out += str(n).translate(_KANJI_DIGITS)
    return out


def digits_kanji(text: str) -> str:
    """Every digit as its 漢数字, one by one (a number that is a code: 一二三四)."""
    return text.translate(_KANJI_DIGITS)


def vertical(text: str) -> str:
    """Text for 縦書き: numbers of up to four digits in 漢数字 with 千・百・十 (令和八年十二月一日,
    金六十五万円), longer ones digit by digit; other ASCII as full-width characters."""
    import re

    def number(m: "re.Match[str]") -> str:
        s = m.group()
        if len(s) <= 4 and not (len(s) > 1 and s[0] == "0"):
            return kanji_number(int(s))
        return digits_kanji(s)

    text = re.sub(r"[0-9]+", number, text)
    text = text.translate(_KANJI_DIGITS)
    return "".join(_FULLWIDTH.get(ch, "　" if ch == " " else ch) for ch in text)
