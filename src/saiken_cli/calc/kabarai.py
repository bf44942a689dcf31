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
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from saiken_cli import rules
from saiken_cli.calc import daycount, periods
from saiken_cli.calc.caps import Cap, interest_cap, percent_str
from saiken_cli.calc.rates import reform_effective_date
from saiken_cli.calc.rounding import FLOOR_CITATION, floor_yen
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, Row, dedupe_citations

SCHEMA_VERSION = "2"
ONE_DAY = timedelta(days=1)
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
    assumptions: tuple[str, ...]
    notes: tuple[str, ...]
    warnings: tuple[str, ...]

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
    def headline(self) -> str:
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
            "headline": self.headline,
            "options": self.input.options.to_dict(),
            "cap_changes": [c.to_dict() for c in self.cap_changes],
            "series": [s.to_dict() for s in self.series],
            "ledger": [r.to_dict() for r in self.ledger],
            "rounding": {
                "direction": "floor",
                "step": "each_interval",
                "basis": FLOOR_CITATION + "; 各取引間の利息・過払利息ごとに切捨て (名古屋式) / floored once per interval",
            },
            "citations": [c.to_dict() for c in self.citations],
            "assumptions": list(self.assumptions),
            "notes": list(self.notes),
            "warnings": list(self.warnings),
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
    notes: list[str] = []
    warnings: list[str] = []

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
        notes=tuple(dict.fromkeys(notes)),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _prescribe(index, group, balance, unpaid, pool, cap_rate, tranches, knew_on, as_of) -> SeriesResult:
    """A series' result with its prescription as of the 基準日 ``as_of``.

    10 years from the end of the series (最判平成21年1月22日; old 167条1項 / new 166条1項2号). The
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


def _headline(res: "KabaraiResult") -> str:
    """「時効」 first: the state of the claim as of the 基準日 (bilingual, one line)."""
    as_of = res.as_of.isoformat()
    state = res.time_bar
    if state == "no_claim":
        return f"過払金なし ({as_of} 現在) / no overpayment as of {as_of}"
    barred = [s for s in res.series if s.time_bar in ("barred", "new_law_part_barred")]
    if not barred:
        dates = [d for s in res.series if s.time_bar == "not_barred" for d in (s.subjective_on, s.prescription_on) if d]
        first = min(dates).isoformat()
        return (
            f"時効未完成 ({as_of} 現在): 最も早い時効完成日 {first} / not time-barred as of {as_of}; the earliest "
            f"completion date is {first}"
        )
    parts_ja, parts_en = [], []
    for s in barred:
        if s.time_bar == "barred" and res.as_of > s.prescription_on:
            parts_ja.append(f"取引{s.index}: {s.prescription_on.isoformat()} に完成 (取引終了から10年)")
            parts_en.append(f"series {s.index}: completed {s.prescription_on.isoformat()} (10 years from the end of the series)")
        else:
            assert s.subjective_on is not None
            what = "全部" if s.time_bar == "barred" else f"2020-04-01以後に生じた {s.new_law_yen:,}円"
            parts_ja.append(f"取引{s.index}: {what} は {s.subjective_on.isoformat()} に完成 (知った時から5年, 民法166条1項1号)")
            parts_en.append(
                f"series {s.index}: {'all' if s.time_bar == 'barred' else f'the {s.new_law_yen:,} yen arising from 2020-04-01'} "
                f"completed {s.subjective_on.isoformat()} (5 years from knowledge, art. 166(1)(i))"
            )
    return (
        f"時効完成の可能性 ({as_of} 現在) — " + "; ".join(parts_ja) + "。更新・完成猶予の事由がなく貸金業者が援用すれば請求できない / "
        f"time-barred as of {as_of}: " + "; ".join(parts_en) + "; unless renewed or suspended, the lender can invoke it"
    )


def _explain(inp, rate_rows, cap_changes, series_results, arisings, notes, warnings, as_of):
    o = inp.options
    txs = inp.transactions
    reform = reform_effective_date()
    citations: list[Citation] = []
    for c in cap_changes:
        citations.extend(c.row.citations)
    citations += [H22_0420, ART_489, S39_1118]
    assumptions = [
        "利息は利息制限法の上限利率で再計算: 各借入後の残元本で上限利率を決め、残高が減っても上がらない (最判平成22年4月20日) / interest "
        "recomputed at the cap set by the principal after each borrowing; the cap never rises again",
        "弁済は利息→元本の順に充当 (民法489条); 不足利息は未払利息として繰越し、元本に組み入れない / payments go to interest, then "
        "principal; unpaid interest is carried, not compounded",
        (
            "日数は片端 (前回取引日の翌日から当日まで) (名古屋式) / days counted one end: from the day after the previous transaction "
            "through the day of this one"
            if o.first_day == "one-end"
            else "日数は借入日を算入 (初日算入, 民法589条2項): 各日を一度だけ、その日の残高で数える。借入日は借入後の残高で数え、借入日に"
            "終わる区間はその前日まで (INTERPRETATION) / the day of a borrowing counts, once, at the balance after the borrowing: "
            "the interval that ends on a borrowing day ends the day before"
        ),
        {
            "calendar": "暦年ごとに365日または366日 (閏年) で除し、区間ごとに円未満切捨て / days divided by the length of their "
            "calendar year, floored once per interval",
            "365": "閏年も365日で除す (--leap 365; 過払い計算の実務は閏年366日) / every year divided by 365, "
            "floored once per interval",
            "court": "1年以上の区間は年に満つる期間を年利で、残りの日数を暦年ごとに365日または366日で除す (裁判所方式: 岡山地裁・東京地裁"
            "民事21部; 民法143条), 区間ごとに円未満切捨て / an interval of a year or more: whole years at the annual rate, the "
            "rest by calendar year over 365/366 (the court method), floored once per interval",
        }[o.leap],
        "同日の取引はファイルの順; 借入と返済が同じ行にあれば返済→借入の順 / same-day rows in file order; a row with both "
        "applies the repayment first",
    ]
    if o.leap == "365":
        warnings.append(
            "--leap 365: 過払い計算では契約にかかわらず閏年は366日とするのが実務 / 引き直し practice divides "
            "leap-year days by 366 whatever the contract says"
        )
    if o.first_day == "both-ends":
        notes.append(
            "--first-day both-ends は saiken の定義 (借入日を算入) で INTERPRETATION; 名古屋式の既定は片端 / both-ends is saiken's "
            "definition (INTERPRETATION); 名古屋式 counts one end"
        )
    if o.split_at:
        assumptions.append(
            "分断: " + ", ".join(d.isoformat() for d in o.split_at) + " の後の取引を別の取引として計算 (過払金を後の借入に充当しない) / "
            "split: later transactions form a separate series (no overpayment carried into it)"
        )
        citations.append(H20_0118)
        notes.append(
            "分断か一連かは基本契約の数・空白期間・契約書の返還・カードの失効・空白期間中の接触・再契約の経緯・条件の違いで判断される "
            "(最判平成20年1月18日) / split or one series is decided on the 平成20年1月18日 factors"
        )
    else:
        assumptions.append(
            "一連計算 (過払金充当合意あり: 最判平成19年6月7日); 別契約なら --split-at で分断 / one continuous series; use "
            "--split-at for separate contracts"
        )
        citations.append(H19_0607)
    if len(cap_changes) > len(series_results):
        notes.append(
            "上限利率の変更: "
            + ", ".join(f"{c.on.isoformat()} 元本{c.principal_yen:,}円 → {percent_str(c.rate)}%" for c in cap_changes)
            + " / the cap changed as listed"
        )
    if arisings:
        citations += [S43_1113, ART_704]
        for row in rate_rows.values():
            citations.extend(row.citations)
        labels = {
            "split": "過払利息は過払金の生じた日ごとの利率: 2020-04-01前 5%, 以後 3% (附則15条1項) / 過払利息 at the rate of the day "
            "each overpayment first arose: 5% before 2020-04-01, 3% after",
            "5": "過払利息はすべて年5% (--overpay-interest 5) / all 過払利息 at 5%",
            "3": "過払利息はすべて年3% (--overpay-interest 3) / all 過払利息 at 3%",
        }
        assumptions.append(labels[o.overpay_interest])
        assumptions.append(
            "新たな借入は過払利息→過払金の順に充当 (最判平成25年4月11日); 充当後の元本で上限利率を判定 (最判平成25年7月18日); 利率の異なる"
            "過払金は古いもの (2020年前の5%分) から充当 (INTERPRETATION) / a new borrowing absorbs 過払利息 first, then the "
            "overpayment, oldest first (INTERPRETATION)"
        )
        citations += [H25_0411, H25_0718]
        late = [d for d in arisings if d >= reform]
        early = [d for d in arisings if d < reform]
        if o.overpay_interest == "split" and late and early:
            notes.append(
                "2020-04-01前後に生じた過払金を二つのプール (5%・3%) で管理: 附則15条1項の解釈 (INTERPRETATION) / two "
                "pools (5% and 3%) tracked separately: an INTERPRETATION"
            )
        elif o.overpay_interest == "split" and late:
            notes.append(
                "2020-04-01以後に生じた過払金の利息3%: 附則15条1項の解釈による (INTERPRETATION) / 3% for "
                "overpayments arising from 2020-04-01 under 附則15条1項 (INTERPRETATION)"
            )
        if o.overpay_interest == "5" and late:
            warnings.append(
                "2020-04-01以後に生じた過払金にも5%を適用しています (--overpay-interest 5); 附則15条1項では3% / 5% applied to "
                "overpayments that arose on or after 2020-04-01, where 附則15条 gives 3%"
            )
        if o.overpay_interest == "3" and early:
            warnings.append(
                "2020-04-01前に生じた過払金にも3%を適用しています (--overpay-interest 3); 附則15条1項により5%のまま "
                "/ 3% applied to overpayments that arose before 2020-04-01, which keep 5%"
            )
    for s in series_results:
        citations.extend(s.prescription_row.citations)
        if s.subjective_row is not None:
            citations.extend(s.subjective_row.citations)
            assumptions.append(
                (
                    f"取引{s.index}: 2020-04-01以後に生じた過払金 {s.new_law_yen:,}円 は新法の債権 (附則10条1項) で、知った時 "
                    f"({s.knowledge_on.isoformat()}) から5年 ({s.subjective_on.isoformat()}) でも時効 (民法166条1項1号)"
                    if inp.knew_on is not None
                    else f"取引{s.index}: 2020-04-01以後に生じた過払金 {s.new_law_yen:,}円 は新法の債権 (附則10条1項)。知った時 (--knew-on) "
                    f"の指定がないため取引終了日 {s.knowledge_on.isoformat()} に知ったものとして5年 ({s.subjective_on.isoformat()}) — 最も早い"
                    "日 (INTERPRETATION)"
                )
                + f" / series {s.index}: the part arising from 2020-04-01 also prescribes 5 years from knowledge "
                f"({s.knowledge_on.isoformat()}{'' if inp.knew_on is not None else ', assumed: the series end'}) → "
                f"{s.subjective_on.isoformat()}"
            )
        if s.time_bar == "barred" and as_of > s.prescription_on:
            warnings.append(
                f"取引{s.index} (最終取引 {s.last_on.isoformat()}) の過払金返還請求権は {s.prescription_on.isoformat()} に時効完成の可能性 "
                f"(取引終了から10年: 最判平成21年1月22日) / series {s.index}: the claim may be time-barred since "
                f"{s.prescription_on.isoformat()}"
            )
        elif s.time_bar in ("barred", "new_law_part_barred"):
            warnings.append(
                f"取引{s.index}: 2020-04-01以後に生じた過払金は {s.subjective_on.isoformat()} に時効完成の可能性 (知った時から5年, "
                f"民法166条1項1号) / series {s.index}: the part arising from 2020-04-01 may be time-barred since "
                f"{s.subjective_on.isoformat()}"
            )
        if s.subjective_row is not None:
            notes.append(
                f"取引{s.index}: 2020-04-01以後に生じた過払金にも、基本契約が2020-04-01前なら附則10条1項括弧書により旧法 (取引終了から10年のみ: "
                f"{s.prescription_on.isoformat()}) とする読みがある (UNVERIFIED)。saiken は早い方 (新法の5年) を既定とする / series "
                f"{s.index}: under a pre-2020 framework contract the old law (10 years only, {s.prescription_on.isoformat()}) may "
                "apply instead (UNVERIFIED); saiken takes the earlier date"
            )
        elif s.prescription_row.status == "UNVERIFIED":
            notes.append(
                f"取引{s.index}: 最終取引が2020-04-01以後 — 新法の時効 (知った時から5年: 民法166条1項1号) が先に完成しうる。旧契約への適用は "
                "UNVERIFIED / the 5-year period from knowledge may end the claim earlier (UNVERIFIED)"
            )
    assumptions.append(
        "時効: 取引終了 (最終取引日) から10年 (最判平成21年1月22日; 初日不算入・応当日の前日に満了, 民法140条・143条) / prescription: "
        "10 years from the last transaction"
    )
    beyond = rules.load("interest_caps").beyond_verified(txs[-1].on)
    if beyond:
        warnings.append(beyond)
    beyond = rules.load("overpayment_interest").beyond_verified(as_of)
    if beyond and arisings:
        warnings.append(beyond)
    notes.append(
        "取引履歴が途中から不明な場合の推定計算・冒頭ゼロ計算には対応していない / estimated histories (推定計算) are not supported"
    )
    return dedupe_citations(citations), assumptions
