"""Rounding to the yen (端数処理) — the one place where an exact amount becomes ``int`` yen.

Default and only direction: floor (円未満切捨て). Sources: 岡山地裁 「円未満の端数は切り捨て」;
東京地裁民事21部 「合算して、円未満を切り捨てる」 (rules-reference §1.4). Rounding up would
exceed the agreed or legal rate.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

FLOOR_CITATION = "円未満切捨て (岡山地裁・東京地裁民事21部「利息・損害金の計算について」)"


def floor_yen(amount: Fraction, unit_yen: int = 1) -> int:
    """Floor a non-negative exact amount to a multiple of ``unit_yen``."""
    return floor_ratio(amount.numerator, amount.denominator, unit_yen)


def floor_ratio(numerator: int, denominator: int, unit_yen: int = 1) -> int:
    """Floor the exact amount ``numerator / denominator`` yen (non-negative, denominator > 0)
    to a multiple of ``unit_yen`` — ``floor_yen`` without building a Fraction (hot paths)."""
    if numerator < 0 or denominator <= 0:
        raise ValueError("amounts to round are not negative")
    return (numerator // (denominator * unit_yen)) * unit_yen


# --- display strings of exact values (never re-parsed) -------------------------------


def decimal_text(value: Fraction, places: int = 6) -> str:
    """An exact amount as a decimal string, truncated to ``places``: 24657.534246."""
    return ratio_text(value.numerator, value.denominator, places)


def ratio_text(numerator: int, denominator: int, places: int = 6) -> str:
    """``decimal_text`` of the exact ratio ``numerator / denominator`` (denominator ≠ 0),
    without building a Fraction (hot paths): truncated toward zero to ``places``."""
    if places == 6 and numerator >= 0 and denominator > 0:  # the payloads' exact_yen (hot path)
        whole, frac = divmod(numerator * 1_000_000 // denominator, 1_000_000)
        return f"{whole}.{frac:06d}"
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    sign = "-" if numerator < 0 else ""
    scale = 10**places
    whole = (-numerator if numerator < 0 else numerator) * scale // denominator
    if places == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole // scale}.{whole % scale:0{places}d}"


@lru_cache(maxsize=256)
def percent_text(rate: Decimal) -> str:
    """A rate given exactly as a plain percentage string: 0.18 → "18", 1.095 → "109.5"."""
    return format((rate * 100).normalize(), "f")
