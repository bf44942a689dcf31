"""Late-payment damages (遅延損害金) — 民法419条1項, 412条, 489条.

damages = principal × rate × time, where "time" is counted by a declared method
(rules/data/damages_methods.toml):

- ``simple365``  : days ÷ 365 (the contract formula; the design card's default)
- ``court``      : whole years at the annual rate, the rest split by calendar year ÷365/÷366,
                   summed, floored once (東京地裁民事21部)
- ``court-each`` : the same, each part floored before adding (岡山地裁の計算例)
- ``court-365``  : whole years at the annual rate, the rest ÷365 even in a leap year (the
                   clause 「1年に満たない期間は年365日の日割」; 民事利息電卓 ③, Risokkey)
- ``kyotaku``    : whole years, the rest ÷366 if the year from its first day contains 29 Feb
                   (法務局, 抽象的2月29日説)
- ``actual``     : every day ÷ the length of its own calendar year

Spans are inclusive at both ends: ``first_on`` is the first day damages accrue (the day
after the due date, 412条1項; or the date a judgment writes 「…から支払済みまで」) and
``last_on`` the payment or filing date.

Partial payments go to 費用 → 損害金 → 元本 (489条). Damages accrue through the payment
date inclusive; each segment is floored; the next segment starts the day after on the
reduced principal.
"""


from functools import cache, lru_cache
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from saiken_cli import rules
from saiken_cli.calc import caps, daycount, periods
from saiken_cli.calc.messages import Message, msg, to_dicts
from saiken_cli.calc.rates import RateChoice, legal_rate
from saiken_cli.calc.rounding import FLOOR_CITATION, floor_ratio, percent_text, ratio_text
from saiken_cli.errors import ConflictError, InputError, RuleNotInForce
from saiken_cli.rules import Citation, Row, dedupe_citations
from saiken_cli.calc.periods import ONE_DAY

SCHEMA_VERSION = "3"  # 3: citations carry kind (and reporter); 2: assumptions, notes and warnings are message items {"code", "params", "text"}
METHODS = ("simple365", "court", "court-each", "court-365", "kyotaku", "actual")

ART_419 = Citation(law="民法", article="419", paragraph="1", en="money debts: damages at the statutory rate, or the agreed rate if higher")
ART_412 = Citation(law="民法", article="412", paragraph="1", en="a fixed due date: in default from the day after it")
ART_489 = Citation(law="民法", article="489", paragraph="1", en="payments go to costs, then interest/damages, then principal")
ART_17_3 = Citation(
    law="民法の一部を改正する法律",
    law_no="平成29年法律第44号",
    article="附則17条",
    paragraph="3",
    en="the date default began decides the statutory rate",
)

OKAYAMA_NOTE_1 = Citation(
    kind="official",
    authority="岡山地方裁判所",
    document="利息・損害金の計算について ※1",
    url="https://www.courts.go.jp/okayama/saiban/tetuzuki/s11_2/index.html",
    en="「利息制限法及び消費者契約法の上限利率の契約については、閏年に関する特約を適用した場合には、閏年において上限利率を超えるため、特約は認めていません。」",
)


class Method(NamedTuple):
    key: str
    whole_years: bool
    fraction_basis: str
    floor_at: str
    unit_yen: int
    row: Row


def method(key: str) -> Method:
    if key not in METHODS:
        raise InputError("--method", key, "one of " + ", ".join(METHODS))
    return _method(key)


@cache
def _method(key: str) -> Method:
    # rules.load is cached for the life of the process, so the Method built from it is too
    row = rules.load("damages_methods").only(key)
    return Method(
        key=key,
        whole_years=row["whole_years"] == "yes",
        fraction_basis=row["fraction_basis"],
        floor_at=row["floor_at"],
        unit_yen=row["rounding_unit_yen"],
        row=row,
    )


class Payment(NamedTuple):
    paid_on: date
    amount_yen: int


# The value types below are NamedTuples rather than frozen dataclasses: equally immutable,
# and built several times faster (a frozen dataclass sets each field through
# object.__setattr__), which matters in `saiken batch` (issue 5: thousands of rows a second).


class Part(NamedTuple):
    """One term of the sum: whole years at the annual rate, or days over a year length.

    Its exact value in yen, before rounding, is the integer ratio ``numer / denom``
    (``exact`` gives it as a Fraction)."""

    kind: str  # "years" | "days"
    first_on: date | None
    last_on: date | None
    count: int  # years or days
    denominator: int | None  # 365 / 366 for "days"; None for "years"
    numer: int
    denom: int
    amount_yen: int | None  # floored, when the method floors each part

    @property
    def exact(self) -> Fraction:
        return Fraction(self.numer, self.denom)

    def to_dict(self) -> dict[str, Any]:
        kind, first_on, last_on, count, denominator, numer, denom, amount_yen = self
        if first_on:
            iso = _ISO.get
            out: dict[str, Any] = {
                "kind": kind,
                "from": iso(first_on) or _iso(first_on),
                "to": (iso(last_on) or _iso(last_on)) if last_on else None,
            }
        else:
            out = {"kind": kind}
        out["years" if kind == "years" else "days"] = count
        if denominator:
            out["denominator"] = denominator
        out["exact_yen"] = ratio_text(numer, denom)
        if amount_yen is not None:
            out["amount_yen"] = amount_yen
        return out


_ISO: dict[date, str] = {}


def _iso(day: date) -> str:
    """``day.isoformat()``, remembered (a payload writes each date several times, and a
    batch file repeats them: a lookup costs a sixth of formatting). Bounded."""
    text = _ISO.get(day)
    if text is None:
        text = day.isoformat()
        if len(_ISO) < 16384:
            _ISO[day] = text
    return text


class Application(NamedTuple):
    """How one payment was applied (489条)."""

    paid_on: date
    amount_yen: int
    to_damages_yen: int
    to_principal_yen: int
    excess_yen: int
    principal_after_yen: int
    unpaid_damages_after_yen: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": _iso(self.paid_on),
            "amount_yen": self.amount_yen,
            "to_costs_yen": 0,
            "to_damages_yen": self.to_damages_yen,
            "to_principal_yen": self.to_principal_yen,
            "excess_yen": self.excess_yen,
            "principal_after_yen": self.principal_after_yen,
            "unpaid_damages_after_yen": self.unpaid_damages_after_yen,
        }


class Segment(NamedTuple):
    first_on: date | None
    last_on: date | None
    days: int
    principal_yen: int
    rate: Decimal
    parts: tuple[Part, ...]
    amount_yen: int
    payment: Application | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "from": _iso(self.first_on) if self.first_on else None,
            "to": _iso(self.last_on) if self.last_on else None,
            "days": self.days,
            "principal_yen": self.principal_yen,
            "rate": str(self.rate),
            "amount_yen": self.amount_yen,
            "parts": [p.to_dict() for p in self.parts],
        }
        if self.payment:
            out["payment"] = self.payment.to_dict()
        return out


class DamagesInput(NamedTuple):
    """What `saiken damages` computes. Exactly one way of giving the span:

    - ``days`` alone (simple365 only), or
    - ``first_on`` + ``last_on`` (both inclusive), or
    - ``due_on`` + ``last_on``: damages start the day after the due date (民法412条1項).
    """

    principal_yen: int
    rate: Decimal | None = None  # None → the 法定利率 (legal)
    method: str = "simple365"
    days: int | None = None
    first_on: date | None = None
    last_on: date | None = None
    due_on: date | None = None
    commercial: bool = False
    payments: tuple[Payment, ...] = ()
    compare: bool = False


class DamagesResult(NamedTuple):
    input: DamagesInput
    method: str
    rate: Decimal
    rate_basis: str  # "given" | "legal-civil" | "legal-commercial"
    first_on: date | None
    last_on: date | None
    days: int
    segments: tuple[Segment, ...]
    total_yen: int
    remaining_principal_yen: int | None
    unpaid_damages_yen: int | None
    paid_yen: int
    comparison: tuple[tuple[str, int], ...] = ()
    citations: tuple[Citation, ...] = ()
    warnings: tuple[Message, ...] = ()
    assumptions: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()
    rate_rows: tuple[Row, ...] = ()

    @property
    def total_owed_yen(self) -> int:
        if self.remaining_principal_yen is None:
            return self.input.principal_yen + self.total_yen
        return self.remaining_principal_yen + (self.unpaid_damages_yen or 0)

    def to_dict(self) -> dict[str, Any]:
        (inp, method_key, rate, rate_basis, first_on, last_on, days, segments, total_yen, remaining_yen,
         unpaid_yen, paid_yen, comparison, citations, warnings, assumptions, notes, rate_rows) = self
        m = method(method_key)
        payments = inp.payments
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "command": "damages",
            "principal_yen": inp.principal_yen,
            "rate": str(rate),
            "rate_percent": percent_text(rate),
            "rate_basis": rate_basis,
            "method": method_key,
            "from": _iso(first_on) if first_on else None,
            "to": _iso(last_on) if last_on else None,
            "days": days,
            "total_yen": total_yen,
            "segments": [s.to_dict() for s in segments],
            "rounding": {
                "direction": "floor",
                "unit_yen": m.unit_yen,
                "step": "each_part" if m.floor_at == "part" else ("each_segment" if payments else "total"),
                "basis": FLOOR_CITATION,
            },
        }
        if payments:
            out["payments_yen"] = paid_yen
            out["remaining_principal_yen"] = remaining_yen
            out["unpaid_damages_yen"] = unpaid_yen
            out["total_owed_yen"] = self.total_owed_yen
        if comparison:
            out["comparison"] = [{"method": k, "total_yen": v, "difference_yen": v - total_yen} for k, v in comparison]
        out["rate_rows"] = [_row_json(r) for r in rate_rows] if rate_rows else []
        out["citations"] = rules.citations_json(citations)
        out["assumptions"] = to_dicts(assumptions)
        out["notes"] = to_dicts(notes)
        out["warnings"] = to_dicts(warnings)
        return out


@lru_cache(maxsize=4096)
def _legal_rate(delay_started_on: date, commercial: bool) -> RateChoice:
    """``legal_rate`` memoised (it reads only the cached rule tables; RuleNotInForce is not cached)."""
    return legal_rate(delay_started_on, commercial=commercial)



@lru_cache(maxsize=256)
def _rate_ratio(rate: Decimal) -> tuple[int, int]:
    """A rate as an exact integer ratio (numerator, denominator): Decimal('0.146') → (73, 500)."""
    return rate.as_integer_ratio()


#: Every part is ``principal × rn × count / (rd × length)`` with length 1 (whole years),
#: 365 or 366; this common multiple of the lengths lets the exact sum stay in integers.
_LENGTHS_LCM = 365 * 366


def accrue(
    principal_yen: int, rate: Decimal, m: Method, first_on: date, last_on: date, *, detail: bool = True
) -> tuple[tuple[Part, ...], int]:
    """Damages on ``principal_yen`` for the inclusive span, by method ``m``: (parts, yen).

    ``detail=False`` returns no parts, only the yen (for the figures of other methods).

    Exact integer arithmetic: each part is the ratio ``principal × rn × count / (rd × length)``
    (``Part.exact`` holds it as a Fraction); the sum to floor is kept as an integer
    numerator over the common denominator ``rd × 365 × 366`` — the same exact value as
    adding the Fractions, without their gcd at every step.
    """
    rn, rd = _rate_ratio(rate)
    base = principal_yen * rn  # yen × rd
    spans: list[tuple[str, date, date, int, int]] = []  # (kind, first, last, count, length)
    cursor = first_on
    if m.whole_years:
        n, years_end = periods.whole_years_within(first_on, last_on)
        if n:
            spans.append(("years", first_on, years_end, n, 1))
            cursor = years_end + ONE_DAY
    if cursor <= last_on:
        basis = m.fraction_basis
        if basis == "calendar_year":
            for a, b, length in daycount.split_by_calendar_year(cursor, last_on):
                spans.append(("days", a, b, (b - a).days + 1, length))
        elif basis == "365":
            spans.append(("days", cursor, last_on, (last_on - cursor).days + 1, 365))
        elif basis == "abstract_feb29":
            year_from_cursor = periods.period_end(cursor, years=1, starts_at_midnight=True)
            length = 366 if daycount.contains_feb29(cursor, year_from_cursor) else 365
            spans.append(("days", cursor, last_on, (last_on - cursor).days + 1, length))
        else:  # pragma: no cover - the rule file is validated by tests
            raise ValueError(f"unknown fraction_basis {m.fraction_basis!r}")
    unit = m.unit_yen
    parts: list[Part] = []
    if m.floor_at == "part":
        total = 0
        for kind, a, b, count, length in spans:
            num, den = base * count, rd * length
            amount = floor_ratio(num, den, unit)
            total += amount
            if detail:
                parts.append(Part(kind, a, b, count, None if kind == "years" else length, num, den, amount))
        return tuple(parts), total
    numerator = 0  # over rd × _LENGTHS_LCM
    for kind, a, b, count, length in spans:
        numerator += base * count * (_LENGTHS_LCM // length)
        if detail:
            parts.append(Part(kind, a, b, count, None if kind == "years" else length, base * count, rd * length, None))
    return tuple(parts), floor_ratio(numerator, rd * _LENGTHS_LCM, unit)


def simple_days(principal_yen: int, rate: Decimal, days: int, m: Method) -> tuple[tuple[Part, ...], int]:
    """principal × rate × days ÷ 365, floored (``--days N`` without dates)."""
    rn, rd = _rate_ratio(rate)
    num, den = principal_yen * rn * days, rd * 365
    part = Part("days", None, None, days, 365, num, den, None)
    return (part,), floor_ratio(num, den, m.unit_yen)


def delay_starts_on(inp: DamagesInput) -> date | None:
    """The first day of damages: ``first_on`` as given, else the day after the due date
    (民法412条1項); None for ``--days`` alone."""
    if inp.first_on is not None:
        return inp.first_on
    return inp.due_on + ONE_DAY if inp.due_on is not None else None


def _resolve_span(inp: DamagesInput) -> tuple[date | None, date | None, list[Message]]:
    assumptions: list[Message] = []
    if (inp.days is not None) + (inp.first_on is not None) + (inp.due_on is not None) > 1:
        given = [name for name, v in (("--days", inp.days), ("--from", inp.first_on), ("--due-date", inp.due_on)) if v is not None]
        raise ConflictError(f"give the span one way: {' and '.join(given)} cannot be combined")
    if inp.days is not None:
        if inp.last_on is not None:
            raise ConflictError("--days and --to cannot be combined: give --days N, or --from/--due-date with --to")
        if inp.days < 1:
            raise InputError("--days", inp.days, "a whole number of days, 1 or more")
        return None, None, assumptions
    if inp.first_on is None and inp.due_on is None:
        raise ConflictError("give the span: --days N, or --from D --to D, or --due-date D --to D")
    if inp.last_on is None:
        flag = "--from" if inp.first_on else "--due-date"
        raise ConflictError(f"{flag} needs --to (the last day: the payment or filing date, inclusive)")
    first_on = delay_starts_on(inp)
    if inp.due_on is not None:
        assumptions.append(msg("damages.default_from_day_after_due", due_on=inp.due_on, first_on=first_on, article=ART_412))
        if inp.last_on <= inp.due_on:
            raise InputError("--to", inp.last_on.isoformat(), f"a date after --due-date {inp.due_on.isoformat()}")
    elif inp.last_on < first_on:
        raise InputError("--to", inp.last_on.isoformat(), f"a date on or after --from {first_on.isoformat()}")
    return first_on, inp.last_on, assumptions


def _accrue_span(
    principal_yen: int,
    rate: Decimal,
    m: Method,
    first_on: date,
    last_on: date,
    payments: tuple[Payment, ...],
    *,
    detail: bool = True,
) -> tuple[list[Segment], int, int, int, int, list[Message]]:
    """The inclusive span with its partial payments (489条):
    (segments, total damages, remaining principal, unpaid damages, paid, excess warnings).

    ``detail=False``: the figures only (no segments, no warnings), for other methods' totals."""
    if not payments and first_on <= last_on and principal_yen > 0:  # one segment: the loop below, without payments
        parts, amount = accrue(principal_yen, rate, m, first_on, last_on, detail=detail)
        if not detail:
            return [], amount, principal_yen, amount, 0, []
        days = (last_on - first_on).days + 1
        return [Segment(first_on, last_on, days, principal_yen, rate, parts, amount)], amount, principal_yen, amount, 0, []
    segments: list[Segment] = []
    warnings: list[Message] = []
    principal = principal_yen
    unpaid = total = paid = 0
    cursor = first_on
    ordered = sorted(payments, key=lambda p: p.paid_on) if payments else ()  # stable: same-date payments keep their order
    for pay in ordered:
        if pay.amount_yen <= 0:
            raise InputError("--payment", f"{pay.paid_on.isoformat()}:{pay.amount_yen}", "DATE:AMOUNT with a positive amount")
        if not (first_on <= pay.paid_on <= last_on):
            raise InputError(
                "--payment",
                f"{pay.paid_on.isoformat()}:{pay.amount_yen}",
                f"a payment date within the span {first_on.isoformat()} … {last_on.isoformat()}",
            )
        before = principal
        if principal > 0 and pay.paid_on >= cursor:
            parts, amount = accrue(principal, rate, m, cursor, pay.paid_on, detail=detail)
            seg_first, seg_days = cursor, daycount.days_inclusive(cursor, pay.paid_on)
        else:
            parts, amount, seg_first, seg_days = (), 0, pay.paid_on, 0
        unpaid += amount
        total += amount
        to_damages = min(pay.amount_yen, unpaid)
        rest = pay.amount_yen - to_damages
        to_principal = min(rest, principal)
        excess = rest - to_principal
        unpaid -= to_damages
        principal -= to_principal
        paid += pay.amount_yen
        cursor = max(cursor, pay.paid_on + ONE_DAY)
        if not detail:
            continue
        app = Application(pay.paid_on, pay.amount_yen, to_damages, to_principal, excess, principal, unpaid)
        segments.append(Segment(seg_first, pay.paid_on, seg_days, before, rate, parts, amount, app))
        if excess:
            warnings.append(msg("damages.payment_exceeds_debt", paid_on=pay.paid_on, amount_yen=pay.amount_yen, excess_yen=excess))
    if cursor <= last_on and principal > 0:
        parts, amount = accrue(principal, rate, m, cursor, last_on, detail=detail)
        if detail:
            segments.append(Segment(cursor, last_on, daycount.days_inclusive(cursor, last_on), principal, rate, parts, amount))
        unpaid += amount
        total += amount
    return segments, total, principal, unpaid, paid, warnings


def _damages_caps(principal_yen: int, on: date | None) -> tuple[Decimal, Row, Decimal, Row] | None:
    """利息制限法 caps on agreed damages for a loan of ``principal_yen`` with their rows:
    (貸金業者 7条, its row, others 4条, its row)."""
    try:
        bracket = caps.interest_cap(principal_yen, on)
        business, business_row = caps.damages_cap(bracket, business=True, on=on)
        other, other_row = caps.damages_cap(bracket, business=False, on=on)
    except RuleNotInForce:  # no cap data for that date: say nothing rather than guess
        return None
    return business, business_row, other, other_row


@cache
def _lowest_damages_cap() -> Decimal:
    """The lowest damages cap anywhere in the 利息制限法 data: a rate at or below it cannot
    exceed any cap, so the bracket lookup is skipped (most cases; batch speed)."""
    table = rules.load(caps.TABLE)
    lowest = [r["rate"] for r in table.rows if r.key == "damages_business"]
    multipliers = [r["multiplier"] for r in table.rows if r.key == "damages_multiplier"]
    interest = [t["rate"] for r in table.rows if r.key == "interest" for t in r.tiers]
    lowest += [m * i for m in multipliers for i in interest]
    return min(lowest)


def _cap_warnings(principal_yen: int, rate: Decimal, delay_started_on: date | None) -> list[Message]:
    """A given damages rate above a 利息制限法 cap for this principal (if the debt is a loan)."""
    if rate <= _lowest_damages_cap():
        return []
    found = _damages_caps(principal_yen, delay_started_on)
    if found is None or rate <= min(found[0], found[2]):
        return []
    business, business_row, other, other_row = found
    caps_found = dict(
        rate=rate,
        business_cap_rate=business,
        business_article=business_row.citation,
        other_cap_rate=other,
        other_article=other_row.citation,
    )
    if rate > other:
        return [msg("damages.rate_above_damages_caps", principal_yen=principal_yen, **caps_found)]
    return [msg("damages.rate_above_business_damages_cap", **caps_found)]


#: Methods that divide a day of a leap year by 365 (a 365-day clause).
_DIVIDE_BY_365 = ("simple365", "court-365")


def _leap_clause_warnings(
    principal_yen: int, rate: Decimal, m: Method, first_on: date, last_on: date, total_yen: int, court_yen: int
) -> list[Message]:
    """A 365-day clause at a 利息制限法 ceiling over a span with 29 February (岡山地裁 ※1).

    Counting a day of a leap year as 1/365 of a year charges, over days (divided by 365)
    that include a 29 February, more than the annual rate: at a rate that is itself a ceiling (1条 interest,
    4条 damages, 7条 business damages for this principal) that exceeds the ceiling, and the
    court does not accept the clause. Warned when ``rate × 366/365`` is above a ceiling the
    rate itself does not exceed, and the method's figure is above the court method's.
    """
    if m.key not in _DIVIDE_BY_365 or total_yen <= court_yen:
        return []
    divided_from = first_on  # the first day divided by 365: after the whole years, for court-365
    if m.whole_years:
        divided_from = periods.whole_years_within(first_on, last_on)[1] + ONE_DAY
    if not daycount.contains_feb29(divided_from, last_on):
        return []
    charged = rate * 366 / 365  # the yearly rate a 365-day clause charges over a leap year
    if charged <= _lowest_damages_cap() and charged <= _lowest_interest_cap():
        return []
    try:
        bracket = caps.interest_cap(principal_yen, first_on)
    except RuleNotInForce:
        return []
    ceilings = [msg("damages.ceiling_interest", cap_rate=bracket.rate, article=bracket.row.citation)]
    found = _damages_caps(principal_yen, first_on)
    if found is not None:
        business, business_row, other, other_row = found
        ceilings += [
            msg("damages.ceiling_damages", cap_rate=other, article=other_row.citation),
            msg("damages.ceiling_business_damages", cap_rate=business, article=business_row.citation),
        ]
    exceeded = tuple(c for c in ceilings if rate <= c.params["cap_rate"] < charged)
    if not exceeded:
        return []
    return [
        msg(
            "damages.leap_day_365_clause_over_cap",
            method=m.key,
            rate=rate,
            ceilings_msgs=tuple(exceeded),
            court_total_yen=court_yen,
            difference_yen=court_yen - total_yen,
        )
    ]


@cache
def _lowest_interest_cap() -> Decimal:
    table = rules.load(caps.TABLE)
    return min(t["rate"] for r in table.rows if r.key == "interest" for t in r.tiers)


def compute(inp: DamagesInput) -> DamagesResult:
    principal_yen, given_rate, _, _, _, _, due_on, commercial, payments, compare = inp  # read once (batch speed)
    if principal_yen <= 0:
        raise InputError("--principal", principal_yen, "a positive amount in yen")
    m = method(inp.method)
    first_on, last_on, assumptions = _resolve_span(inp)
    if first_on is None and m.key != "simple365":
        raise ConflictError(f"--method {m.key} needs dates (--from/--to or --due-date/--to), not --days")
    if first_on is None and payments:
        raise ConflictError("--payment needs dates (--from/--to or --due-date/--to), not --days")
    if first_on is None and compare:
        raise ConflictError("--compare needs dates (--from/--to or --due-date/--to), not --days")

    warnings: list[Message] = []
    notes: list[Message] = []
    citations: list[Citation] = [ART_419]
    if due_on is not None:
        citations.append(ART_412)
    rate_rows: tuple[Row, ...] = ()
    if given_rate is None:
        if first_on is None:
            raise ConflictError(
                "--rate legal needs --from or --due-date: the date default began decides the 法定利率 (民法419条1項)"
            )
        choice: RateChoice = _legal_rate(first_on, commercial)
        rate, rate_basis, rate_rows = choice.rate, choice.basis, choice.rows
        warnings.extend(choice.warnings)
        notes.extend(choice.notes)
        citations.append(ART_17_3)
        citations.extend(c for row in rate_rows for c in row.citations)
        assumptions.append(msg("damages.legal_rate_on_default", rate=rate, first_on=first_on, article=ART_419, transition_article=ART_17_3))
    else:
        if commercial:
            raise ConflictError("--commercial goes with --rate legal (it selects the pre-2020 商事法定利率 6%)")
        rate, rate_basis = given_rate, "given"
        if first_on is not None:
            try:
                legal = _legal_rate(first_on, False)
            except RuleNotInForce:
                legal = None
            if legal is not None and rate < legal.rate:
                warnings.append(msg("damages.rate_below_legal_rate", rate=rate, legal_rate=legal.rate, article=ART_419))
        warnings.extend(_cap_warnings(principal_yen, rate, first_on))

    segments: list[Segment] = []
    principal = principal_yen
    unpaid = 0
    paid = 0
    if first_on is None:
        assert inp.days is not None
        parts, amount = simple_days(principal, rate, inp.days, m)
        segments.append(Segment(None, None, inp.days, principal, rate, parts, amount))
        total = amount
        days = inp.days
    else:
        assert last_on is not None
        days = daycount.days_inclusive(first_on, last_on)
        segments, total, principal, unpaid, paid, excess_warnings = _accrue_span(
            principal_yen, rate, m, first_on, last_on, payments
        )
        warnings.extend(excess_warnings)
        if payments:
            citations.append(ART_489)
            assumptions.append(msg("damages.payments_applied_costs_damages_principal", article=ART_489))

    citations.extend(m.row.citations)
    comparison: list[tuple[str, int]] = []
    if first_on is not None and (compare or m.key in _DIVIDE_BY_365):
        assert last_on is not None
        # simple365 / court-365 without --compare need only the court figure (for the note and the leap warning)
        for other in METHODS if compare else ("court",):
            if other == m.key:
                comparison.append((other, total))
                continue
            other_total = _accrue_span(principal_yen, rate, method(other), first_on, last_on, payments, detail=False)[1]
            comparison.append((other, other_total))
        court_total = dict(comparison)["court"]
        leap_warnings = _leap_clause_warnings(principal_yen, rate, m, first_on, last_on, total, court_total)
        if leap_warnings:
            warnings.extend(leap_warnings)
            citations.append(OKAYAMA_NOTE_1)
        if m.key == "simple365":
            if court_total != total:
                notes.append(msg("damages.court_method_differs", court_total_yen=court_total, difference_yen=court_total - total))
        if not compare:
            comparison = []

    # positional, in the fields' order (a NamedTuple binds 18 keywords slower: batch speed)
    return DamagesResult(
        inp,  # input
        m.key,  # method
        rate,
        rate_basis,
        first_on,
        last_on,
        days,
        tuple(segments),
        total,  # total_yen
        principal if inp.payments else None,  # remaining_principal_yen
        unpaid if inp.payments else None,  # unpaid_damages_yen
        paid,  # paid_yen
        tuple(comparison),
        tuple(dedupe_citations(citations)),
        tuple(warnings),
        tuple(assumptions),
        tuple(notes),
        rate_rows,
    )


_ROW_JSON: dict[int, tuple[Row, dict[str, Any], bool]] = {}


def _row_json(row: Row) -> dict[str, Any]:
    """``row.to_dict()``, built once per rule row (rows live as long as the cached tables)
    and copied for each payload: a payload never shares a mutable dict."""
    hit = _ROW_JSON.get(id(row))
    if hit is None or hit[0] is not row:
        built = row.to_dict()
        # the usual shape: scalars plus a list of flat citation dicts, copied directly
        flat = all(not isinstance(v, (dict, list)) for k, v in built.items() if k != "citations") and all(
            not isinstance(v, (dict, list)) for c in built.get("citations", ()) for v in c.values()
        )
        hit = (row, built, flat)
        if len(_ROW_JSON) < 4096:
            _ROW_JSON[id(row)] = hit
    built = hit[1]
    if hit[2]:
        out = dict(built)
        if "citations" in built:
            out["citations"] = [dict(c) for c in built["citations"]]
        return out
    return _copy_json(built)


def _copy_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_json(v) for v in value]
    return value
