"""The 利息制限法 cap for a principal, and the other ceilings of rules/data/interest_caps.toml.

:func:`interest_cap` is the ONE bracket lookup (利息制限法1条: 元本 < 10万 → 20%,
10万以上100万未満 → 18%, 100万以上 → 15%), used by ``saiken seigen`` for a single loan and by
``saiken kabarai`` at every borrowing (最判平成22年4月20日).

``on`` is the contract (or borrowing) date; ``None`` means the law in force now (the last
row of the table, which must be open-ended) — saiken reads no clock.
"""


from functools import lru_cache
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import NamedTuple

from saiken_cli import rules
from saiken_cli.errors import RuleNotInForce
from saiken_cli.calc.messages import msg
from saiken_cli.calc.rounding import decimal_text, percent_text
from saiken_cli.rules import Row

TABLE = "interest_caps"

#: How displayed percentages are rounded (verdicts always compare exact values).
PERCENT_PLACES = 2
PERCENT_ROUNDING = msg("caps.percent_rounding", places=PERCENT_PLACES)


def rule_row(key: str, on: date | None) -> Row:
    """The row of ``interest_caps`` for ``key`` in force on ``on`` (None: the current law)."""
    table = rules.load(TABLE)
    if on is not None:
        return table.row_on(on, key)
    rows = [r for r in table.rows if r.key == key]
    if not rows or rows[-1].effective_until is not None:  # pragma: no cover - guarded by tests on the data
        raise RuleNotInForce(f"{table.title_ja} ({TABLE}): no rule in force now for {key!r}")
    return rows[-1]


class Cap(NamedTuple):
    """The 利息制限法1条 cap for one principal."""

    rate: Decimal
    principal_yen: int  # the principal that chose the bracket
    tier: int  # 0: < 10万, 1: 10万以上100万未満, 2: 100万以上
    min_principal_yen: int
    max_principal_yen: int | None  # inclusive upper edge of the bracket (None: no upper edge)
    row: Row


def interest_cap(principal_yen: int, on: date | None = None) -> Cap:
    """利息制限法1条: the cap rate for ``principal_yen`` under the law in force on ``on``."""
    if principal_yen < 0:
        raise ValueError("a principal is not negative")
    row = rule_row("interest", on)
    tiers = _sorted_tiers(row)
    index = max(i for i, t in enumerate(tiers) if principal_yen >= t["min_principal_yen"])
    upper = tiers[index + 1]["min_principal_yen"] - 1 if index + 1 < len(tiers) else None
    return Cap(tiers[index]["rate"], principal_yen, index, tiers[index]["min_principal_yen"], upper, row)


_TIERS: dict[int, tuple[Row, list]] = {}


def _sorted_tiers(row: Row) -> list:
    """The row's tiers by principal, sorted once per rule row (rows live as long as the cached
    tables; the entry holds the row, so its id stays its own): a damages batch asks for
    the bracket on every row at a rate near a cap (issue 16, batch speed)."""
    hit = _TIERS.get(id(row))
    if hit is None or hit[0] is not row:
        hit = _TIERS[id(row)] = (row, sorted(row.tiers, key=lambda t: t["min_principal_yen"]))
    return hit[1]


def damages_cap(cap: Cap, *, business: bool, on: date | None = None) -> tuple[Decimal, Row]:
    """The cap on agreed damages (損害金): 20% for business lending (7条), else 1.46 × the 1条 rate (4条)."""
    if business:
        row = rule_row("damages_business", on)
        return row["rate"], row
    row = rule_row("damages_multiplier", on)
    return cap.rate * row["multiplier"], row


@lru_cache(maxsize=1024)  # a kabarai ledger shows the same few rates on 100,000 rows (42 µs a call)
def percent_str(rate: Fraction | Decimal, places: int = PERCENT_PLACES) -> str:
    """A yearly rate as a percentage string, rounded half-up to ``places`` (display only).

    ``Fraction(30, 100) * 365 / 7`` → ``"1564.29"``; exact values keep their trailing zeros
    trimmed only when the rate is a whole number of hundredths: 0.18 → ``"18.00"``.
    """
    value = Fraction(rate) * 100
    scale = 10**places
    scaled = value * scale
    rounded = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)  # half-up, value >= 0
    if value < 0:  # pragma: no cover - rates are not negative
        raise ValueError("a rate is not negative")
    return str((Decimal(rounded) / scale).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


# one implementation each (calc/rounding.py); the names stay for this module's callers
exact_percent = percent_text


def decimal_str(value: Fraction, places: int = 2) -> str:
    """An exact non-negative amount shown to ``places`` decimals, truncated (display only)."""
    return decimal_text(value, places)
