"""Is this loan lawful? 利息制限法 caps, 出資法 criminal ceilings, 貸金業法42条 (rules-reference §3).

The loan's price is given one of three ways:

- ``rate``: a yearly rate;
- ``repay_yen`` with a period (``days`` or ``lent_on``/``repaid_on``): "borrow 100,000, repay
  130,000 after 7 days" — interest = repay − principal;
- ``per_days`` + ``per_percent``: 闇金 shorthand, P% per N days (トイチ = 10% per 10 days).

Annualising (§3.3): ``annual = interest ÷ principal × 365 ÷ days``. The 出資法 basis counts a
loan period under 15 days as 15 days (5条の4第1項). The 5条1項 test is the per-day rate
against 0.3% (= 109.5% a year; 109.8% in a year with 29 February).

A loan period from dates counts the lending day and not the repayment day (片端;
貸金業法施行規則11条 別表: 「金銭を交付した日から第一回の弁済日の前日まで」), so lending on the
1st and repaying on the 8th is 7 days. Lawful interest over dates divides each day by the
length of its calendar year (366 in a leap year, rules-reference §1.5).

Verdicts compare exact values (Fraction); percentages are rounded only for display.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from saiken_cli.calc import daycount
from saiken_cli.calc.caps import (
    PERCENT_ROUNDING,
    Cap,
    damages_cap,
    decimal_str,
    exact_percent,
    interest_cap,
    percent_str,
    rule_row,
)
from saiken_cli.calc.messages import Message, beyond_verified, msg, to_dicts
from saiken_cli.calc.rounding import FLOOR_CITATION, floor_yen
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, Row, citations_json, dedupe_citations
from saiken_cli.calc.periods import ONE_DAY

SCHEMA_VERSION = "4"  # 4: verdict titles and consequences, assumptions, notes, warnings are message items; 3: citations carry kind (and reporter); 2: rounding.percent is a message item {"code", "params", "text"} (issue 16)
LENDERS = ("business", "individual")
YEAR_DAYS = 365  # the simple-interest year of §3.3 (annual = interest ÷ principal × 365 ÷ days)

PERIOD_RULE = Citation(
    law="貸金業法施行規則",
    article="11",
    en="annual percentage rate: the period runs from the day money is handed over to the day before repayment",
)


@dataclass(frozen=True)
class SeigenInput:
    principal_yen: int
    rate: Decimal | None = None  # yearly, as a fraction (0.18)
    repay_yen: int | None = None  # total repaid (principal + interest)
    per_days: int | None = None
    per_percent: Decimal | None = None  # percent per ``per_days`` (10 → 10%)
    days: int | None = None
    lent_on: date | None = None
    repaid_on: date | None = None
    contract_date: date | None = None  # the law in force on this day (None: current law)
    lender: str = "business"
    damages_rate: Decimal | None = None
    existing_principal_yen: int = 0


@dataclass(frozen=True)
class Verdict:
    id: str
    title: Message
    exceeded: bool
    limit_percent: str
    compared_percent: str
    basis: str  # "actual" | "shusshi_15day" | "per_day" | "damages"
    consequence: Message
    row: Row
    limit_yen: Fraction | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title.to_dict(),
            "exceeded": self.exceeded,
            "limit_percent": self.limit_percent,
            "compared_percent": self.compared_percent,
            "basis": self.basis,
            "limit_yen": decimal_str(self.limit_yen) if self.limit_yen is not None else None,
            "max_lawful_interest_yen": floor_yen(self.limit_yen) if self.limit_yen is not None else None,
            "consequence": self.consequence.to_dict(),
            "status": self.row.status,
            "citations": [c.to_dict() for c in self.row.citations],
        }


@dataclass(frozen=True)
class SeigenResult:
    input: SeigenInput
    source: str  # "rate" | "repay" | "per_days"
    bracket_principal_yen: int
    cap: Cap
    period_days: int | None
    interest_days: int
    year_fraction: Fraction
    interest_exact: Fraction
    annual_rate: Fraction
    shusshi_days: int | None
    shusshi_rate: Fraction
    per_day_rate: Fraction
    lawful_exact: Fraction
    damages_cap_rate: Decimal
    verdicts: tuple[Verdict, ...]
    verdict: str
    citations: tuple[Citation, ...]
    assumptions: tuple[Message, ...]
    notes: tuple[Message, ...]
    warnings: tuple[Message, ...]

    @property
    def lawful_interest_yen(self) -> int:
        return floor_yen(self.lawful_exact)

    @property
    def interest_yen(self) -> int:
        return floor_yen(self.interest_exact)

    def to_dict(self) -> dict[str, Any]:
        inp = self.input
        excess = max(0, self.interest_yen - self.lawful_interest_yen) if self.interest_exact > self.lawful_exact else 0
        return {
            "schema_version": SCHEMA_VERSION,
            "command": "seigen",
            "principal_yen": inp.principal_yen,
            "existing_principal_yen": inp.existing_principal_yen,
            "bracket_principal_yen": self.bracket_principal_yen,
            "lender": inp.lender,
            "rate_source": self.source,
            "contract_date": inp.contract_date.isoformat() if inp.contract_date else None,
            "law_as_of": inp.contract_date.isoformat() if inp.contract_date else "current",
            "from": inp.lent_on.isoformat() if inp.lent_on else None,
            "to": inp.repaid_on.isoformat() if inp.repaid_on else None,
            "days": self.period_days,
            "interest_days": self.interest_days,
            "interest_yen": self.interest_yen,
            "interest_exact_yen": decimal_str(self.interest_exact),
            "annual_rate_percent": percent_str(self.annual_rate),
            "shusshi_days": self.shusshi_days,
            "shusshi_rate_percent": percent_str(self.shusshi_rate),
            "per_day_percent": percent_str(self.per_day_rate, 4),
            "cap_rate_percent": percent_str(self.cap.rate),
            "cap_bracket": {
                "min_principal_yen": self.cap.min_principal_yen,
                "max_principal_yen": self.cap.max_principal_yen,
            },
            "lawful_interest_yen": self.lawful_interest_yen,
            "lawful_interest_exact_yen": decimal_str(self.lawful_exact),
            "excess_interest_yen": excess,
            "damages_cap_rate_percent": percent_str(self.damages_cap_rate),
            "damages_rate_percent": percent_str(inp.damages_rate) if inp.damages_rate is not None else None,
            "lawful": not any(v.exceeded for v in self.verdicts),
            "verdict": self.verdict,
            "verdicts": [v.to_dict() for v in self.verdicts],
            "rounding": {
                "percent": PERCENT_ROUNDING.to_dict(),
                "yen": FLOOR_CITATION,
            },
            "citations": citations_json(self.citations),
            "assumptions": to_dicts(self.assumptions),
            "notes": to_dicts(self.notes),
            "warnings": to_dicts(self.warnings),
        }


def _validate(inp: SeigenInput) -> None:
    if inp.principal_yen <= 0:
        raise InputError("--principal", inp.principal_yen, "a positive amount in yen")
    if inp.lender not in LENDERS:
        raise InputError("--lender", inp.lender, "business or individual")
    given = [
        name
        for name, present in (
            ("--rate", inp.rate is not None),
            ("--repay", inp.repay_yen is not None),
            ("--per-days/--percent", inp.per_days is not None or inp.per_percent is not None),
        )
        if present
    ]
    if not given:
        raise ConflictError("give the price of the loan: --rate R, or --repay TOTAL with --days/--from/--to, or --per-days N --percent P")
    if len(given) > 1:
        raise ConflictError(f"give the price one way: {' and '.join(given)} cannot be combined")
    if (inp.per_days is None) != (inp.per_percent is None):
        raise ConflictError("--per-days and --percent go together (e.g. トイチ: --per-days 10 --percent 10)")
    if inp.days is not None and (inp.lent_on is not None or inp.repaid_on is not None):
        raise ConflictError("give the period one way: --days N, or --from D --to D")
    if (inp.lent_on is None) != (inp.repaid_on is None):
        raise ConflictError("--from (the day the money was lent) and --to (the repayment day) go together")
    if inp.lent_on is not None and inp.repaid_on is not None and inp.repaid_on <= inp.lent_on:
        raise InputError("--to", inp.repaid_on.isoformat(), f"a repayment day after --from {inp.lent_on.isoformat()}")
    if inp.repay_yen is not None:
        if inp.days is None and inp.lent_on is None:
            raise ConflictError("--repay needs the loan period: --days N, or --from D --to D")
        if inp.repay_yen < inp.principal_yen:
            raise InputError("--repay", inp.repay_yen, f"the total repaid, at least the principal {inp.principal_yen:,}")
    if inp.existing_principal_yen and inp.lender != "business":
        raise ConflictError("--existing-principal applies to business lending (利息制限法5条); drop it or use --lender business")


def compute(inp: SeigenInput) -> SeigenResult:
    _validate(inp)
    business = inp.lender == "business"
    on = inp.contract_date
    assumptions: list[Message] = []
    notes: list[Message] = []
    warnings: list[Message] = []
    citations: list[Citation] = []

    if on is None:
        assumptions.append(msg("seigen.current_law"))

    # --- bracket (利息制限法1条; 5条 for business lending) --------------------------
    bracket_principal = inp.principal_yen
    if business and inp.existing_principal_yen:
        row5 = rule_row("business_principal", on)
        bracket_principal += inp.existing_principal_yen
        citations.extend(row5.citations)
        assumptions.append(
            msg("seigen.bracket_principal", existing_yen=inp.existing_principal_yen, principal_yen=inp.principal_yen,
                bracket_yen=bracket_principal)
        )
    cap = interest_cap(bracket_principal, on)
    citations.extend(cap.row.citations)
    if on is not None:
        beyond = _beyond(on)
        if beyond:
            warnings.append(beyond)

    # --- the period ---------------------------------------------------------------
    period_days: int | None
    if inp.lent_on is not None and inp.repaid_on is not None:
        period_days = (inp.repaid_on - inp.lent_on).days
        last_day = inp.repaid_on - ONE_DAY
        year_fraction = sum(
            (Fraction(daycount.days_inclusive(a, b), length) for a, b, length in daycount.split_by_calendar_year(inp.lent_on, last_day)),
            Fraction(0),
        )
        citations.append(PERIOD_RULE)
        assumptions.append(msg("seigen.period_days_counted", period_days=period_days))
        assumptions.append(msg("seigen.lawful_interest_by_calendar_year"))
    elif inp.days is not None:
        period_days = inp.days
        year_fraction = Fraction(inp.days, YEAR_DAYS)
    else:
        period_days = None
        year_fraction = Fraction(0)  # set below

    # --- the price, as exact interest over a period ---------------------------------
    min_days_row = rule_row("shusshi_min_days", on)
    min_days = min_days_row["min_days"]
    principal = inp.principal_yen
    if inp.repay_yen is not None:
        source = "repay"
        assert period_days is not None
        interest_days = period_days
        interest = Fraction(inp.repay_yen - principal)
        annual = interest / principal * YEAR_DAYS / period_days
        assumptions.append(
            msg("seigen.interest_from_repaid", repaid_yen=inp.repay_yen, principal_yen=principal, interest_yen=inp.repay_yen - principal)
        )
    elif inp.per_days is not None:
        source = "per_days"
        assert inp.per_percent is not None
        per = Fraction(inp.per_percent) / 100
        annual = per * YEAR_DAYS / inp.per_days
        if period_days is None:
            interest_days = inp.per_days
            year_fraction = Fraction(inp.per_days, YEAR_DAYS)
            assumptions.append(
                msg("seigen.per_days_annualised", per_rate=inp.per_percent / 100, per_days=inp.per_days, year_days=YEAR_DAYS)
            )
            notes.append(msg("seigen.min_days_not_applied", min_days=min_days))
        else:
            interest_days = period_days
        interest = principal * per * interest_days / inp.per_days
    else:
        source = "rate"
        assert inp.rate is not None
        annual = Fraction(inp.rate)
        if period_days is None:
            interest_days = YEAR_DAYS
            year_fraction = Fraction(1)
            assumptions.append(msg("seigen.one_year_shown", year_days=YEAR_DAYS))
        else:
            interest_days = period_days
        interest = principal * annual * year_fraction


    # --- 出資法 basis (5条の4第1項) ------------------------------------------------------
    if period_days is not None:
        shusshi_days = max(period_days, min_days)
        per_day = interest / principal / shusshi_days
        shusshi_rate = per_day * YEAR_DAYS
        if period_days < min_days:
            citations.extend(min_days_row.citations)
            assumptions.append(msg("seigen.shusshi_min_days", period_days=period_days, min_days=min_days))
    else:
        shusshi_days = None
        per_day = annual / YEAR_DAYS
        shusshi_rate = annual

    lawful = principal * Fraction(cap.rate) * year_fraction

    # --- verdicts -----------------------------------------------------------------
    verdicts: list[Verdict] = []
    over_cap = interest > lawful
    verdicts.append(
        Verdict(
            id="risoku_1",
            title=msg("seigen.title_risoku_1"),
            exceeded=over_cap,
            limit_percent=percent_str(cap.rate),
            compared_percent=percent_str(annual),
            basis="actual",
            consequence=msg("seigen.excess_interest_void") if over_cap else msg("seigen.within_cap"),
            row=cap.row,
            limit_yen=lawful,
        )
    )
    anyone = rule_row("shusshi_anyone", on)
    over_anyone = per_day > anyone["per_day"]
    limit_anyone = principal * Fraction(anyone["per_day"]) * shusshi_days if shusshi_days is not None else None
    if business:
        biz = rule_row("shusshi_business", on)
        over_biz = shusshi_rate > biz["rate"]
        verdicts.append(
            Verdict(
                id="shusshi_5_2",
                title=msg("seigen.title_shusshi_5_2", rate=biz["rate"]),
                exceeded=over_biz,
                limit_percent=percent_str(biz["rate"]),
                compared_percent=percent_str(shusshi_rate),
                basis="shusshi_15day" if shusshi_days is not None else "actual",
                consequence=(
                    msg("seigen.crime_business", rate=biz["rate"]) if over_biz else msg("seigen.not_above", rate=biz["rate"])
                ),
                row=biz,
                limit_yen=principal * Fraction(biz["rate"]) * shusshi_days / YEAR_DAYS if shusshi_days is not None else None,
            )
        )
    verdicts.append(
        Verdict(
            id="shusshi_5_1",
            title=msg("seigen.title_shusshi_5_1", rate=anyone["rate"], per_day_rate=anyone["per_day"]),
            exceeded=over_anyone,
            limit_percent=percent_str(anyone["rate"]),
            compared_percent=percent_str(shusshi_rate),
            basis="per_day",
            consequence=(
                msg("seigen.crime_anyone")
                if over_anyone
                else msg("seigen.not_above_per_day", rate=anyone["rate"], per_day_rate=anyone["per_day"])
            ),
            row=anyone,
            limit_yen=limit_anyone,
        )
    )
    if business:
        void = rule_row("kashikin_void", on)
        over_void = per_day > void["per_day"]
        verdicts.append(
            Verdict(
                id="kashikin_42",
                title=msg("seigen.title_kashikin_42", rate=void["rate"]),
                exceeded=over_void,
                limit_percent=percent_str(void["rate"]),
                compared_percent=percent_str(shusshi_rate),
                basis="per_day",
                consequence=msg("seigen.contract_void") if over_void else msg("seigen.not_void"),
                row=void,
                limit_yen=limit_anyone,
            )
        )
    dcap, drow = damages_cap(cap, business=business, on=on)
    citations.extend(drow.citations)
    damages_basis = drow["rate"] if business else drow["multiplier"]  # 7条: the rate; 4条: the multiplier
    if inp.damages_rate is not None:
        over_damages = inp.damages_rate > dcap
        verdicts.append(
            Verdict(
                id="risoku_7" if business else "risoku_4",
                title=(
                    msg("seigen.title_risoku_7", rate=damages_basis)
                    if business
                    else msg("seigen.title_risoku_4", multiplier=str(damages_basis))
                ),
                exceeded=over_damages,
                limit_percent=percent_str(dcap),
                compared_percent=percent_str(inp.damages_rate),
                basis="damages",
                consequence=msg("seigen.damages_clause_void") if over_damages else msg("seigen.within_cap"),
                row=drow,
            )
        )
    else:
        notes.append(
            msg("seigen.damages_cap_business", cap_rate=dcap, rate=damages_basis)
            if business
            else msg("seigen.damages_cap_multiplier", cap_rate=dcap, multiplier=str(damages_basis))
        )

    if inp.rate is not None and anyone["rate"] < inp.rate <= anyone["leap_rate"]:
        warnings.append(msg("seigen.leap_year_ceiling", rate=inp.rate, leap_rate=anyone["leap_rate"]))

    for v in verdicts:
        citations.extend(v.row.citations)
        if v.row.status in ("UNVERIFIED", "INTERPRETATION"):
            notes.append(msg("seigen.rule_weak", title_msg=v.title, status=v.row.status, note=v.row.note or ""))

    verdict = _overall(verdicts)
    if inp.lender == "individual":
        notes.append(msg("seigen.individual_lender"))

    return SeigenResult(
        input=inp,
        source=source,
        bracket_principal_yen=bracket_principal,
        cap=cap,
        period_days=period_days,
        interest_days=interest_days,
        year_fraction=year_fraction,
        interest_exact=interest,
        annual_rate=annual,
        shusshi_days=shusshi_days,
        shusshi_rate=shusshi_rate,
        per_day_rate=per_day,
        lawful_exact=lawful,
        damages_cap_rate=dcap,
        verdicts=tuple(verdicts),
        verdict=verdict,
        citations=tuple(dedupe_citations(citations)),
        assumptions=tuple(assumptions),
        notes=tuple(n for i, n in enumerate(notes) if n not in notes[:i]),  # each said once
        warnings=tuple(warnings),
    )


def _overall(verdicts: list[Verdict]) -> str:
    hit = {v.id for v in verdicts if v.exceeded}
    if "kashikin_42" in hit:
        return "void_contract"
    if "shusshi_5_1" in hit:
        return "criminal"
    if "shusshi_5_2" in hit:
        return "criminal_business"
    if "risoku_1" in hit:
        return "void_excess"
    if hit & {"risoku_4", "risoku_7"}:
        return "void_excess_damages"
    return "within_cap"


def verdict_labels(on: date | None = None) -> dict[str, tuple[str, str]]:
    """(日本語, English) for each overall verdict; the rates come from the rows in force on ``on`` (None: now)."""
    biz = exact_percent(rule_row("shusshi_business", on)["rate"])
    anyone = exact_percent(rule_row("shusshi_anyone", on)["rate"])
    return {
        "within_cap": ("利息制限法の範囲内", "within the Interest Rate Restriction Act cap"),
        "void_excess": ("利息制限法の上限超過 (超過部分は無効)", "above the cap: the excess is void"),
        "void_excess_damages": ("損害金の定めが上限超過 (超過部分は無効)", "damages clause above its cap: the excess is void"),
        "criminal_business": (f"出資法5条2項違反 (業として年{biz}%超)", f"Investment Act art. 5(2): a business lender above {biz}%"),
        "criminal": (f"出資法5条1項違反 (年{anyone}%超, 何人も)", f"Investment Act art. 5(1): above {anyone}%, a crime for anyone"),
        "void_contract": (
            "出資法5条1項違反・貸金業法42条により契約全体が無効",
            f"above {anyone}%: a crime, and the money lender's contract is void as a whole",
        ),
    }


def _beyond(on: date) -> Message | None:
    from saiken_cli import rules

    return beyond_verified(rules.load("interest_caps"), on)
