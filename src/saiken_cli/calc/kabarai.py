"""過払い金 引き直し計算: recalculate a lending history at the lawful rate (rules-reference §8).

The algorithm of §8.3 (名古屋式-compatible defaults; reproduces the public example §8.4-1 to
the yen):

- transactions in file order (the input is sorted by date; rows on one date keep their
  order; a row with both amounts applies the repayment first, then the borrowing);
- between two transaction dates, interest at the cap rate on the running principal; the
  days are split by calendar year and divided by 365 or 366 (``leap="calendar"``) and the
  interval is floored once (a span across years is one floor, §8.3 ``round``);
- a repayment pays accrued interest first, then principal (民法489条); a shortfall is carried
  as unpaid interest, never added to principal (no compounding);
- once the principal is below zero the excess is an overpayment (過払金, 最大判昭和43年11月13日);
  its interest (過払利息, 民法704条) accrues in a separate pool at the rate of the day each
  part first arose (5% before 2020-04-01, 3% after: 附則15条1項), floored per interval;
- a borrowing absorbs the 過払利息 pool first, then the overpayment (最判平成25年4月11日); the
  principal after it sets the bracket (利息制限法1条・5条), and the cap only ever falls
  (最判平成22年4月20日, 平成25年7月18日).

Options (each echoed in the output): ``overpay_interest`` 5 | 3 | split; ``first_day``
one-end | both-ends; ``leap`` calendar | 365; ``split_at`` dates after which a new series
starts (分断).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from saiken_cli import rules
from saiken_cli.calc import daycount, periods
from saiken_cli.calc.caps import Cap, interest_cap, percent_str
from saiken_cli.calc.messages import Message, beyond_verified, msg, to_dicts
from saiken_cli.calc.rates import reform_effective_date
from saiken_cli.calc.rounding import FLOOR_CITATION, floor_yen
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, Row, dedupe_citations
from saiken_cli.calc.periods import ONE_DAY

SCHEMA_VERSION = "3"  # 3: headline, rounding.basis, assumptions, notes, warnings are message items (kabarai.*)
OVERPAY_CHOICES = ("5", "3", "split")
FIRST_DAY_CHOICES = ("one-end", "both-ends")
LEAP_CHOICES = ("calendar", "365", "court")

ART_489 = Citation(law="民法", article="489", paragraph="1", en="payments go to costs, then interest, then principal")
ART_704 = Citation(law="民法", article="704", en="a knowing recipient returns the benefit with interest")
H22_0420 = Citation(case="最判平成22年4月20日", reporter="民集64巻3号921頁", en="the cap is set by the principal after each borrowing and does not rise when the balance falls")
H25_0411 = Citation(case="最判平成25年4月11日", url="https://www.courts.go.jp/app/hanrei_jp/detail2?id=83181", en="a new borrowing absorbs the accrued 過払利息 first, then the overpayment")
H25_0718 = Citation(case="最判平成25年7月18日", en="the bracket principal is the new borrowing less the overpayment applied to it")
S39_1118 = Citation(case="最大判昭和39年11月18日", reporter="民集18巻9号1868頁", en="interest paid above the cap is applied to the remaining principal")
S43_1113 = Citation(case="最大判昭和43年11月13日", reporter="民集22巻12号2526頁", en="payments after the principal is extinguished can be reclaimed as unjust enrichment")
H19_0607 = Citation(case="最判平成19年6月7日", reporter="民集61巻4号1537頁", en="under one framework agreement overpayments are applied to later loans (one series)")
H20_0118 = Citation(case="最判平成20年1月18日", en="two framework agreements are one series only if in fact one continuous transaction")
ART_5 = Citation(law="利息制限法", article="5", en="business lending: bracket principal = remaining principal + new loan")


@dataclass(frozen=True)
class Transaction:
    on: date
    borrow_yen: int = 0
    repay_yen: int = 0
    line: int | None = None  # where it came from (line in the input file)


@dataclass(frozen=True)
class KabaraiOptions:
    overpay_interest: str = "split"
    first_day: str = "one-end"
    leap: str = "calendar"
    split_at: tuple[date, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "overpay_interest": self.overpay_interest,
            "first_day": self.first_day,
            "leap": self.leap,
            "split_at": [d.isoformat() for d in self.split_at],
            "series": "split" if self.split_at else "one",
        }


@dataclass(frozen=True)
class KabaraiInput:
    transactions: tuple[Transaction, ...]
    as_of: date | None = None  # the 基準日 of every section (None: the last transaction)
    options: KabaraiOptions = field(default_factory=KabaraiOptions)
    source: str = "input"  # the file name, for messages
    knew_on: date | None = None  # when the claimant knew of the claim (民法166条1項1号); None: assumed at the series end


@dataclass
class Tranche:
    arose_on: date
    rate: Decimal
    amount_yen: int
    row: Row


@dataclass(frozen=True)
class LedgerRow:
    series: int
    line: int | None
    on: date
    kind: str  # borrow | repay | borrow+repay | as_of
    borrow_yen: int
    repay_yen: int
    days: int
    whole_years: int  # --leap court: whole years at the annual rate, before day_parts
    day_parts: tuple[tuple[int, int], ...]  # (days, denominator)
    cap_rate: Decimal | None  # the cap rate the interest of this interval used
    interest_yen: int  # lawful interest accrued over the interval
    to_interest_yen: int
    to_principal_yen: int
    unpaid_interest_yen: int  # after the row
    balance_yen: int  # signed principal after the row: negative = overpaid
    overpay_rates: tuple[tuple[Decimal, int], ...]  # (rate, principal) accruing over the interval
    overpay_interest_yen: int  # 過払利息 accrued over the interval
    absorbed_interest_yen: int  # pool applied to a borrowing
    absorbed_overpayment_yen: int  # overpayment applied to a borrowing
    overpay_interest_total_yen: int  # pool after the row

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.series,
            "line": self.line,
            "date": self.on.isoformat(),
            "kind": self.kind,
            "borrow_yen": self.borrow_yen,
            "repay_yen": self.repay_yen,
            "days": self.days,
            "whole_years": self.whole_years,
            "day_parts": [{"days": d, "denominator": n} for d, n in self.day_parts],
            "rate_percent": percent_str(self.cap_rate) if self.cap_rate is not None else None,
            "interest_yen": self.interest_yen,
            "to_interest_yen": self.to_interest_yen,
            "to_principal_yen": self.to_principal_yen,
            "unpaid_interest_yen": self.unpaid_interest_yen,
            "balance_yen": self.balance_yen,
            "overpay_rates": [{"rate_percent": percent_str(r), "principal_yen": a} for r, a in self.overpay_rates],
            "overpayment_interest_yen": self.overpay_interest_yen,
            "absorbed_interest_yen": self.absorbed_interest_yen,
            "absorbed_overpayment_yen": self.absorbed_overpayment_yen,
            "overpayment_interest_total_yen": self.overpay_interest_total_yen,
        }


@dataclass(frozen=True)
class CapChange:
    series: int
    on: date
    principal_yen: int
    rate: Decimal
    row: Row

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.series,
            "date": self.on.isoformat(),
            "principal_yen": self.principal_yen,
            "rate_percent": percent_str(self.rate),
        }


@dataclass(frozen=True)
class SeriesResult:
    index: int
    first_on: date
    last_on: date
    balance_yen: int  # signed
    unpaid_interest_yen: int
    overpay_interest_yen: int
    cap_rate: Decimal
    tranches: tuple[Tranche, ...]
    prescription_on: date
    prescription_row: Row
    # 民法166条1項1号 (5 years from knowledge) for the part that arose from 2020-04-01
    new_law_yen: int = 0  # overpayment (tranches) that arose on or after 2020-04-01
    knowledge_on: date | None = None  # the start of the 5 years (given, or assumed: the series end)
    subjective_on: date | None = None  # the last day of those 5 years
    subjective_row: Row | None = None
    time_bar: str = "no_claim"  # barred | new_law_part_barred | not_barred | no_claim (as of the 基準日)

    @property
    def owed_yen(self) -> int:
        return max(self.balance_yen, 0)

    @property
    def overpayment_yen(self) -> int:
        return max(-self.balance_yen, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "first_date": self.first_on.isoformat(),
            "last_transaction_date": self.last_on.isoformat(),
            "balance_yen": self.owed_yen,
            "unpaid_interest_yen": self.unpaid_interest_yen,
            "overpayment_yen": self.overpayment_yen,
            "overpayment_interest_yen": self.overpay_interest_yen,
            "claim_total_yen": self.overpayment_yen + self.overpay_interest_yen,
            "cap_rate_percent": percent_str(self.cap_rate),
            "overpayment_tranches": [
                {"arose_on": t.arose_on.isoformat(), "rate_percent": percent_str(t.rate), "amount_yen": t.amount_yen}
                for t in self.tranches
            ],
            "prescription_date": self.prescription_on.isoformat(),
            "prescription_status": self.prescription_row.status,
            "new_law_overpayment_yen": self.new_law_yen,
            "knowledge_date": self.knowledge_on.isoformat() if self.knowledge_on else None,
            "subjective_prescription_date": self.subjective_on.isoformat() if self.subjective_on else None,
            "time_bar": self.time_bar,
        }


@dataclass(frozen=True)
class KabaraiResult:
    input: KabaraiInput
    as_of: date
    ledger: tuple[LedgerRow, ...]
    series: tuple[SeriesResult, ...]
    cap_changes: tuple[CapChange, ...]
    citations: tuple[Citation, ...]
    assumptions: tuple[Message, ...]
    notes: tuple[Message, ...]
    warnings: tuple[Message, ...]

    @property
    def balance_yen(self) -> int:
        return sum(s.owed_yen for s in self.series)

    @property
    def overpayment_yen(self) -> int:
        return sum(s.overpayment_yen for s in self.series)

    @property
    def overpayment_interest_yen(self) -> int:
        return sum(s.overpay_interest_yen for s in self.series)

    @property
    def claim_total_yen(self) -> int:
        return self.overpayment_yen + self.overpayment_interest_yen

    @property
    def prescription_on(self) -> date:
        """One series: its date. Several (分断): the earliest among series with a claim (else the last)."""
        claiming = [s.prescription_on for s in self.series if s.overpayment_yen + s.overpay_interest_yen > 0]
        return min(claiming) if claiming else self.series[-1].prescription_on

    @property
    def time_bar(self) -> str:
        """As of the 基準日: barred (some series wholly barred) | new_law_part_barred | not_barred | no_claim."""
        states = [s.time_bar for s in self.series]
        for state in ("barred", "new_law_part_barred", "not_barred"):
            if state in states:
                return state
        return "no_claim"

    @property
    def headline(self) -> Message:
        """The first thing the output says: whether the claim is time-barred as of the 基準日."""
        return _headline(self)

    def to_dict(self) -> dict[str, Any]:
        txs = self.input.transactions
        return {
            "schema_version": SCHEMA_VERSION,
            "command": "kabarai",
            "source": self.input.source,
            "first_date": txs[0].on.isoformat(),
            "last_transaction_date": txs[-1].on.isoformat(),
            "as_of": self.as_of.isoformat(),
            "borrowed_yen": sum(t.borrow_yen for t in txs),
            "repaid_yen": sum(t.repay_yen for t in txs),
            "balance_yen": self.balance_yen,
            "unpaid_interest_yen": sum(s.unpaid_interest_yen for s in self.series),
            "overpayment_yen": self.overpayment_yen,
            "overpayment_interest_yen": self.overpayment_interest_yen,
            "claim_total_yen": self.claim_total_yen,
            "prescription_date": self.prescription_on.isoformat(),
            "time_bar": self.time_bar,
            "headline": self.headline.to_dict(),
            "options": self.input.options.to_dict(),
            "cap_changes": [c.to_dict() for c in self.cap_changes],
            "series": [s.to_dict() for s in self.series],
            "ledger": [r.to_dict() for r in self.ledger],
            "rounding": {
                "direction": "floor",
                "step": "each_interval",
                "basis": msg("kabarai.floored_per_interval", floor_basis=FLOOR_CITATION).to_dict(),
            },
            "citations": rules.citations_json(self.citations),
            "assumptions": to_dicts(self.assumptions),
            "notes": to_dicts(self.notes),
            "warnings": to_dicts(self.warnings),
        }


# --- pieces ---------------------------------------------------------------------------


def interval_parts(first: date, last: date, *, leap: str) -> tuple[int, tuple[tuple[int, int], ...]]:
    """The days ``first`` … ``last`` (inclusive) as ``(whole_years, ((days, 365|366), …))``.

    ``calendar``: the days cut at each 31 December, each piece over the length of its year;
    ``365``: the same pieces, every one over 365; ``court``: an interval of a year or more
    first counts its whole years at the annual rate (民法143条, as the courts' method of
    rules-reference §1.2 does), the rest cut by calendar year over 365/366.
    """
    if first > last:
        return 0, ()
    years = 0
    if leap == "court":
        years, years_end = periods.whole_years_within(first, last)
        first = years_end + ONE_DAY
        if first > last:
            return years, ()
    parts = []
    for a, b, length in daycount.split_by_calendar_year(first, last):
        parts.append((daycount.days_inclusive(a, b), 365 if leap == "365" else length))
    return years, tuple(parts)


def year_fraction(years: int, parts: tuple[tuple[int, int], ...]) -> Fraction:
    return sum((Fraction(d, n) for d, n in parts), Fraction(years))


def overpay_rate_row(arose_on: date, choice: str) -> Row:
    """The 過払利息 rate row for an overpayment that first arose on ``arose_on``.

    ``split``: the rate of that day (附則15条1項); ``5``: as if it arose under the old law;
    ``3``: as if under the new law.
    """
    table = rules.load("overpayment_interest")
    reform = reform_effective_date()
    if choice == "5":
        return table.row_on(min(arose_on, reform - ONE_DAY), "rate")
    if choice == "3":
        return table.row_on(max(arose_on, reform), "rate")
    return table.row_on(arose_on, "rate")


def split_series(txs: tuple[Transaction, ...], split_at: tuple[date, ...]) -> list[list[Transaction]]:
    groups: list[list[Transaction]] = [[]]
    cuts = sorted(split_at)
    k = 0
    for tx in txs:
        while k < len(cuts) and tx.on > cuts[k]:
            if groups[-1]:
                groups.append([])
            k += 1
        groups[-1].append(tx)
    return [g for g in groups if g]


def _validate(inp: KabaraiInput) -> None:
    o = inp.options
    if o.overpay_interest not in OVERPAY_CHOICES:
        raise InputError("--overpay-interest", o.overpay_interest, "5, 3 or split")
    if o.first_day not in FIRST_DAY_CHOICES:
        raise InputError("--first-day", o.first_day, "one-end or both-ends")
    if o.leap not in LEAP_CHOICES:
        raise InputError("--leap", o.leap, "calendar, 365 or court")
    txs = inp.transactions
    if not txs:
        raise InputError(inp.source, "(no rows)", "a history with at least one borrowing")
    prev = None
    for i, tx in enumerate(txs, start=1):
        where = f"{inp.source} line {tx.line}" if tx.line else f"{inp.source} row {i}"
        if tx.borrow_yen < 0 or tx.repay_yen < 0:
            raise InputError(where, f"{tx.borrow_yen},{tx.repay_yen}", "amounts that are not negative")
        if tx.borrow_yen == 0 and tx.repay_yen == 0:
            raise InputError(where, tx.on.isoformat(), "a row with a borrowing or a repayment (use --as-of to extend 過払利息 to a date)")
        if prev is not None and tx.on < prev:
            raise InputError(where, tx.on.isoformat(), f"dates in order: this row is earlier than the row before ({prev.isoformat()})")
        prev = tx.on
    if inp.as_of is not None and inp.as_of < txs[-1].on:
        raise InputError("--as-of", inp.as_of.isoformat(), f"a date on or after the last transaction {txs[-1].on.isoformat()}")
    if inp.knew_on is not None and inp.knew_on < txs[0].on:
        raise InputError("--knew-on", inp.knew_on.isoformat(), f"a date on or after the first transaction {txs[0].on.isoformat()}")
    for cut in o.split_at:
        if not (txs[0].on <= cut < txs[-1].on):
            raise InputError(
                "--split-at",
                cut.isoformat(),
                f"a date from the first transaction {txs[0].on.isoformat()} to before the last {txs[-1].on.isoformat()}",
            )


def compute(inp: KabaraiInput) -> KabaraiResult:
    _validate(inp)
    o = inp.options
    txs = inp.transactions
    as_of = inp.as_of or txs[-1].on
    groups = split_series(txs, o.split_at)

    ledger: list[LedgerRow] = []
    series_results: list[SeriesResult] = []
    cap_changes: list[CapChange] = []
    rate_rows: dict[int, Row] = {}
    arisings: list[date] = []
    notes: list[Message] = []
    warnings: list[Message] = []

    for s_index, group in enumerate(groups, start=1):
        first = group[0]
        if first.borrow_yen == 0:
            where = f"{inp.source} line {first.line}" if first.line else f"{inp.source} row 1"
            what = "a history that starts with a borrowing" + (
                f" (series {s_index}, after --split-at, starts with a repayment)" if s_index > 1 else " (a repayment comes before any borrowing)"
            )
            raise InputError(where, f"{first.on.isoformat()} repay {first.repay_yen:,}", what)
        balance = 0
        unpaid = 0
        pool = 0
        tranches: list[Tranche] = []
        cap: Cap | None = None
        # the last day already counted: every day is counted once, at the balance in force
        # that day. 片端 (one-end): an interval runs from the day after the previous
        # transaction through this one. 両端 (both-ends, 民法589条2項: interest from the day
        # the money is received): a borrowing day belongs to the interval that starts on it,
        # so the interval that ends on a borrowing day ends the day before.
        counted_through: date | None = None
        borrow_days = {t.on for t in group if t.borrow_yen} if o.first_day == "both-ends" else set()

        def accrue(on: date, *, base_date: bool = False) -> tuple[int, int, tuple, int, int, tuple]:
            """Interest and 過払利息 up to ``on`` (through it when it is the base date):
            (days, whole years, parts, interest, overpay interest, rates)."""
            nonlocal counted_through
            last = on - ONE_DAY if on in borrow_days and not base_date else on
            if counted_through is None:
                counted_through = last
                return 0, 0, (), 0, 0, ()
            first = counted_through + ONE_DAY
            counted_through = max(counted_through, last)
            years, parts = interval_parts(first, last, leap=o.leap)
            yf = year_fraction(years, parts)
            days = daycount.days_inclusive(first, last) if first <= last else 0
            interest = 0
            over = 0
            rates: tuple = ()
            if balance > 0:
                assert cap is not None
                interest = floor_yen(balance * Fraction(cap.rate) * yf)
            elif balance < 0:
                exact = sum((t.amount_yen * Fraction(t.rate) * yf for t in tranches), Fraction(0))
                over = floor_yen(exact)
                by_rate: dict[Decimal, int] = {}
                for t in tranches:
                    if t.amount_yen:
                        by_rate[t.rate] = by_rate.get(t.rate, 0) + t.amount_yen
                rates = tuple(by_rate.items())
            return days, years, parts, interest, over, rates

        for tx in group:
            days, years, parts, interest, over, rates = accrue(tx.on)
            rate_used = cap.rate if (cap is not None and balance > 0) else None
            pool += over
            to_interest = to_principal = 0
            due = unpaid + interest
            if tx.repay_yen:
                to_interest = min(tx.repay_yen, due)
                unpaid = due - to_interest
                rest = tx.repay_yen - to_interest
                before = balance
                to_principal = min(rest, max(before, 0))
                balance -= rest
                arisen = max(-balance, 0) - max(-before, 0)
                if arisen > 0:
                    arisings.append(tx.on)
                    row = overpay_rate_row(tx.on, o.overpay_interest)
                    rate_rows[id(row)] = row
                    tranches.append(Tranche(tx.on, row["rate"], arisen, row))
            else:
                unpaid = due
            absorbed_i = absorbed_p = 0
            if tx.borrow_yen:
                absorbed_i = min(tx.borrow_yen, pool)
                pool -= absorbed_i
                rest = tx.borrow_yen - absorbed_i
                if balance < 0:
                    absorbed_p = min(rest, -balance)
                    balance += absorbed_p
                    rest -= absorbed_p
                    left = absorbed_p
                    for t in tranches:  # oldest (and, before 2020, higher-rate) first: INTERPRETATION
                        take = min(left, t.amount_yen)
                        t.amount_yen -= take
                        left -= take
                    tranches = [t for t in tranches if t.amount_yen]
                balance += rest
                if balance > 0:
                    new_cap = interest_cap(balance, tx.on)
                    if cap is None or new_cap.rate < cap.rate:
                        cap = new_cap
                        cap_changes.append(CapChange(s_index, tx.on, balance, new_cap.rate, new_cap.row))
            kind = "borrow+repay" if tx.borrow_yen and tx.repay_yen else ("borrow" if tx.borrow_yen else "repay")
            ledger.append(
                LedgerRow(
                    s_index, tx.line, tx.on, kind, tx.borrow_yen, tx.repay_yen, days, years, parts, rate_used, interest,
                    to_interest, to_principal, unpaid, balance, rates, over, absorbed_i, absorbed_p, pool,
                )
            )

        if counted_through is not None and counted_through < as_of:  # both ends: a last borrowing day counts too
            days, years, parts, interest, over, rates = accrue(as_of, base_date=True)
            rate_used = cap.rate if (cap is not None and balance > 0) else None
            pool += over
            unpaid += interest
            ledger.append(
                LedgerRow(
                    s_index, None, as_of, "as_of", 0, 0, days, years, parts, rate_used, interest, 0, 0, unpaid, balance,
                    rates, over, 0, 0, pool,
                )
            )
        assert cap is not None
        series_results.append(_prescribe(s_index, group, balance, unpaid, pool, cap.rate, tuple(tranches), inp.knew_on, as_of))

    citations, assumptions = _explain(inp, rate_rows, cap_changes, series_results, arisings, notes, warnings, as_of)
    return KabaraiResult(
        input=inp,
        as_of=as_of,
        ledger=tuple(ledger),
        series=tuple(series_results),
        cap_changes=tuple(cap_changes),
        citations=tuple(citations),
        assumptions=tuple(assumptions),
        notes=_once(notes),
        warnings=_once(warnings),
    )


def _prescribe(index, group, balance, unpaid, pool, cap_rate, tranches, knew_on, as_of) -> SeriesResult:
    """A series' result with its prescription as of the 基準日 ``as_of``.

    10 years from the end of the series (最判平成21年1月22日; old 167条1項, new 166条1項2号). The
    part of the overpayment that arose on or after 2020-04-01 is a claim under the new law
    (附則10条1項: unjust enrichment arises with each payment), so it also ends 5 years after the
    claimant knew it could be exercised (166条1項1号): from ``knew_on`` when given, never before
    the series ends (the 充当合意 is an obstacle to exercise until then, 最判平成21年1月22日);
    without ``knew_on``, assumed at the series end — the earliest date (INTERPRETATION).
    """
    table = rules.load("overpayment_interest")
    last_on = group[-1].on
    p_row = table.row_on(last_on, "prescription")
    p_on = periods.period_end(last_on, years=p_row["years"])
    reform = reform_effective_date()
    new_law = sum(t.amount_yen for t in tranches if t.arose_on >= reform)
    knowledge_on = subjective_on = subjective_row = None
    if new_law:
        subjective_row = table.row_on(max(t.arose_on for t in tranches), "prescription_knowledge")
        knowledge_on = max(knew_on, last_on) if knew_on is not None else last_on
        subjective_on = min(periods.period_end(knowledge_on, years=subjective_row["years"]), p_on)
    claim = max(-balance, 0) + pool
    if not claim:
        state = "no_claim"
    elif as_of > p_on:
        state = "barred"
    elif subjective_on is not None and as_of > subjective_on:
        state = "barred" if new_law == max(-balance, 0) else "new_law_part_barred"
    else:
        state = "not_barred"
    return SeriesResult(
        index, group[0].on, last_on, balance, unpaid, pool, cap_rate, tranches, p_on, p_row,
        new_law, knowledge_on, subjective_on, subjective_row, state,
    )


def _headline(res: "KabaraiResult") -> Message:
    """「時効」 first: the state of the claim as of the 基準日 (one message)."""
    as_of = res.as_of
    state = res.time_bar
    if state == "no_claim":
        return msg("kabarai.headline_no_claim", as_of_on=as_of)
    barred = [s for s in res.series if s.time_bar in ("barred", "new_law_part_barred")]
    if not barred:
        dates = [d for s in res.series if s.time_bar == "not_barred" for d in (s.subjective_on, s.prescription_on) if d]
        return msg("kabarai.headline_not_barred", as_of_on=as_of, first_on=min(dates))
    parts: list[Message] = []
    for s in barred:
        if s.time_bar == "barred" and res.as_of > s.prescription_on:
            parts.append(msg("kabarai.barred_10_years", series=s.index, completed_on=s.prescription_on))
        elif s.time_bar == "barred":
            assert s.subjective_on is not None
            parts.append(msg("kabarai.barred_5_years_all", series=s.index, completed_on=s.subjective_on))
        else:
            assert s.subjective_on is not None
            parts.append(
                msg("kabarai.barred_5_years_new_law_part", series=s.index, amount_yen=s.new_law_yen, completed_on=s.subjective_on)
            )
    return msg("kabarai.headline_barred", as_of_on=as_of, parts_msgs=tuple(parts))


def _once(items: list[Message]) -> tuple[Message, ...]:
    """Each message said once, in order (a message's params are a dict: not hashable)."""
    return tuple(m for i, m in enumerate(items) if m not in items[:i])


def _explain(inp, rate_rows, cap_changes, series_results, arisings, notes, warnings, as_of):
    o = inp.options
    txs = inp.transactions
    reform = reform_effective_date()
    citations: list[Citation] = []
    for c in cap_changes:
        citations.extend(c.row.citations)
    citations += [H22_0420, ART_489, S39_1118]
    assumptions = [
        msg("kabarai.cap_recomputed"),
        msg("kabarai.payments_interest_first"),
        msg("kabarai.days_one_end") if o.first_day == "one-end" else msg("kabarai.days_both_ends"),
        {"calendar": msg("kabarai.year_by_calendar"), "365": msg("kabarai.year_365"), "court": msg("kabarai.year_court")}[o.leap],
        msg("kabarai.same_day_order"),
    ]
    if o.leap == "365":
        warnings.append(msg("kabarai.leap_365_not_practice"))
    if o.first_day == "both-ends":
        notes.append(msg("kabarai.both_ends_interpretation"))
    if o.split_at:
        assumptions.append(msg("kabarai.split", split_dates=", ".join(d.isoformat() for d in o.split_at)))
        citations.append(H20_0118)
        notes.append(msg("kabarai.split_factors"))
    else:
        assumptions.append(msg("kabarai.one_series"))
        citations.append(H19_0607)
    if len(cap_changes) > len(series_results):
        notes.append(
            msg("kabarai.cap_changes", changes_msgs=tuple(
                msg("kabarai.cap_change", on=c.on, principal_yen=c.principal_yen, rate=c.rate) for c in cap_changes
            ))
        )
    if arisings:
        citations += [S43_1113, ART_704]
        for row in rate_rows.values():
            citations.extend(row.citations)
        labels = {
            "split": msg("kabarai.overpay_interest_split"),
            "5": msg("kabarai.overpay_interest_5"),
            "3": msg("kabarai.overpay_interest_3"),
        }
        assumptions.append(labels[o.overpay_interest])
        assumptions.append(msg("kabarai.new_borrowing_absorbs"))
        citations += [H25_0411, H25_0718]
        late = [d for d in arisings if d >= reform]
        early = [d for d in arisings if d < reform]
        if o.overpay_interest == "split" and late and early:
            notes.append(msg("kabarai.two_pools"))
        elif o.overpay_interest == "split" and late:
            notes.append(msg("kabarai.late_3_percent"))
        if o.overpay_interest == "5" and late:
            warnings.append(msg("kabarai.five_percent_on_late"))
        if o.overpay_interest == "3" and early:
            warnings.append(msg("kabarai.three_percent_on_early"))
    for s in series_results:
        citations.extend(s.prescription_row.citations)
        if s.subjective_row is not None:
            citations.extend(s.subjective_row.citations)
            params = {"series": s.index, "amount_yen": s.new_law_yen, "knowledge_on": s.knowledge_on, "subjective_on": s.subjective_on}
            assumptions.append(
                msg("kabarai.new_law_part_knew", **params)
                if inp.knew_on is not None
                else msg("kabarai.new_law_part_knowledge_assumed", **params)
            )
        if s.time_bar == "barred" and as_of > s.prescription_on:
            warnings.append(msg("kabarai.may_be_barred_10_years", series=s.index, last_on=s.last_on, prescription_on=s.prescription_on))
        elif s.time_bar in ("barred", "new_law_part_barred"):
            warnings.append(msg("kabarai.may_be_barred_5_years", series=s.index, subjective_on=s.subjective_on))
        if s.subjective_row is not None:
            notes.append(msg("kabarai.old_law_reading", series=s.index, prescription_on=s.prescription_on))
        elif s.prescription_row.status == "UNVERIFIED":
            notes.append(msg("kabarai.new_law_may_end_earlier", series=s.index))
    assumptions.append(msg("kabarai.prescription_10_years"))
    beyond = beyond_verified(rules.load("interest_caps"), txs[-1].on)
    if beyond:
        warnings.append(beyond)
    beyond = beyond_verified(rules.load("overpayment_interest"), as_of)
    if beyond and arisings:
        warnings.append(beyond)
    notes.append(msg("kabarai.estimated_histories_not_supported"))
    return dedupe_citations(citations), assumptions
