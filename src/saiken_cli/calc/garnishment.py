"""Wage garnishment (給与差押え): how much of one payment may be seized.

Civil execution (民事執行法152条, 施行令2条; rules/data/garnishment.toml)::

    protected   = min(net × f, cap)        f = 3/4, or 1/2 for 扶養義務等 claims (152条3項)
    garnishable = net − protected          退職手当: no cap (152条2項)

Tax (国税徴収法76条1項, 施行令34条; rules/data/garnishment_tax.toml), T = the same net::

    base        = (100,000 + 45,000 × n) × months
    slice       = min((T − base) × 1/5, 2 × base)
    garnishable = T − base − slice         (the 20% slice is protected: §9 item 12)

Rounding (the reference marks it UNVERIFIED, §5.4): the exact garnishable amount is
floored to the yen (debtor-protective) and protected = net − garnishable, so the two add
up to net exactly. ``rounding="ceil"`` floors the protected amount instead (the
garnishable amount is then rounded up).

``net`` is 給料 less 所得税・住民税・社会保険料, without 通勤手当 (§5.3); it may be built
from gross pay and the deductions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from saiken_cli import rules
from saiken_cli.calc.caps import percent_str
from saiken_cli.calc.messages import Message, beyond_verified, msg, to_dicts
from saiken_cli.calc.rounding import decimal_text, floor_yen
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, Row, dedupe_citations

SCHEMA_VERSION = "3"
ROUNDINGS = ("floor", "ceil", "tax-1000")

#: Period kinds: the fixed ones, and the two that take a count (days:N, months:N).
FIXED_PERIODS = ("monthly", "semimonthly", "dekad", "weekly", "daily", "bonus", "retirement")
COUNTED_PERIODS = ("days", "months")
PERIOD_LABELS = {
    "monthly": msg("garnishment.period_monthly"),
    "semimonthly": msg("garnishment.period_semimonthly"),
    "dekad": msg("garnishment.period_dekad"),
    "weekly": msg("garnishment.period_weekly"),
    "daily": msg("garnishment.period_daily"),
    "bonus": msg("garnishment.period_bonus"),
    "retirement": msg("garnishment.period_retirement"),
}

ART_153 = Citation(
    law="民事執行法",
    law_no="昭和54年法律第4号",
    article="153",
    en="on the debtor's or creditor's application the court may widen or narrow the protected range",
)
ART_76_1_1_3 = Citation(
    law="国税徴収法",
    law_no="昭和34年法律第147号",
    article="76",
    paragraph="1",
    item="1",
    en="items 1-3: income tax, resident taxes and social insurance are protected (outside the net given)",
)


@dataclass(frozen=True)
class Period:
    """A pay period (支払期). ``count`` is N of days:N or months:N (7 for weekly)."""

    kind: str
    count: int | None = None

    def __post_init__(self) -> None:
        if self.kind in COUNTED_PERIODS:
            if not isinstance(self.count, int) or self.count < 1:
                raise InputError("--period", f"{self.kind}:{self.count}", f"{self.kind}:N with N a whole number, 1 or more")
        elif self.kind not in FIXED_PERIODS or self.count is not None:
            raise InputError("--period", self.kind, "one of " + ", ".join(FIXED_PERIODS + ("days:N", "months:N")))

    @property
    def name(self) -> str:
        return f"{self.kind}:{self.count}" if self.kind in COUNTED_PERIODS else self.kind

    @property
    def days(self) -> int | None:
        if self.kind == "weekly":
            return 7
        if self.kind == "daily":
            return 1
        if self.kind == "days":
            return self.count
        return None

    @property
    def months(self) -> int | None:
        if self.kind == "monthly":
            return 1
        if self.kind == "months":
            return self.count
        return None

    def label(self) -> Message:
        if self.kind == "days":
            return msg("garnishment.period_days", count=self.count)
        if self.kind == "months":
            return msg("garnishment.period_months", count=self.count)
        return PERIOD_LABELS[self.kind]


@dataclass(frozen=True)
class GarnishmentInput:
    """One payment. Give ``net_yen``, or ``gross_yen`` with the deductions (not both).

    ``paid_on`` is the date the pay falls due (支払期); it selects the rules in force.
    """

    paid_on: date
    net_yen: int | None = None
    gross_yen: int | None = None
    income_tax_yen: int | None = None
    resident_tax_yen: int | None = None
    social_insurance_yen: int | None = None
    commute_yen: int | None = None
    period: Period = field(default_factory=lambda: Period("monthly"))
    support: bool = False
    tax: bool = False
    dependents: int | None = None
    rounding: str = "floor"
    paid_on_assumed: bool = False  # True when the caller defaulted paid_on (said in the output)


@dataclass(frozen=True)
class Step:
    key: str
    label: Message
    yen: int | None = None
    exact: Fraction | None = None
    basis: str | Message | None = None  # a citation label, or a message: as given, the rounding, how a cap was derived

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.key,
            "label": self.label.to_dict(),
            "yen": self.yen,
            "exact": decimal_text(self.exact) if self.exact is not None else None,
            "basis": self.basis.to_dict() if isinstance(self.basis, Message) else self.basis,
        }


@dataclass(frozen=True)
class GarnishmentResult:
    input: GarnishmentInput
    claim: str  # ordinary | support | tax
    net_yen: int
    garnishable_yen: int
    protected_yen: int
    rule: dict[str, Any]
    tax: dict[str, Any] | None
    net_computation: dict[str, Any] | None
    steps: tuple[Step, ...]
    rows: tuple[Row, ...]
    citations: tuple[Citation, ...]
    assumptions: tuple[Message, ...]
    notes: tuple[Message, ...]
    warnings: tuple[Message, ...]

    def to_dict(self) -> dict[str, Any]:
        p = self.input.period
        return {
            "schema_version": SCHEMA_VERSION,
            "command": "sashiosae",
            "paid_on": self.input.paid_on.isoformat(),
            "period": p.name,
            "period_detail": {
                "kind": p.kind,
                "label": p.label().to_dict(),
                "days": p.days,
                "months": p.months,
            },
            "claim": self.claim,
            "net_yen": self.net_yen,
            "garnishable_yen": self.garnishable_yen,
            "protected_yen": self.protected_yen,
            "net_computation": self.net_computation,
            "rule": {**self.rule, "cap_basis": self.rule["cap_basis"].to_dict()},
            "tax": self.tax,
            "steps": [s.to_dict() for s in self.steps],
            "rounding": {
                "direction": self.input.rounding,
                "applies_to": "garnishable",
                "status": "VERIFIED-OFFICIAL" if self.input.rounding == "tax-1000" else "UNVERIFIED",
                "text": rounding_text(self.input.rounding).to_dict(),
            },
            "rule_rows": [r.to_dict() for r in self.rows],
            "citations": rules.citations_json(self.citations),
            "assumptions": to_dicts(self.assumptions),
            "notes": to_dicts(self.notes),
            "warnings": to_dicts(self.warnings),
        }



def percent_text(rate: Fraction) -> str:
    """A fraction from the rule data as a percentage for messages: 1/5 → "20" (display only)."""
    text = percent_str(rate)
    return text.rstrip("0").rstrip(".") if "." in text else text


def rate_decimal(rate: Fraction) -> Decimal:
    """A rate of the rule data (a fraction such as 1/5) as the Decimal a message carries ("0.2")."""
    return Decimal(rate.numerator) / Decimal(rate.denominator)


#: the basis of a step that is an input as given (the flag is not named in the output)
GIVEN = msg("garnishment.basis_given")


def rounding_basis(direction: str) -> Message:
    if direction == "tax-1000":
        return msg("garnishment.basis_tax_1000")
    return msg("garnishment.basis_ceil") if direction == "ceil" else msg("garnishment.basis_floor")


def rounding_text(direction: str) -> Message:
    if direction == "tax-1000":
        return msg("garnishment.rounding_tax_1000")
    return msg("garnishment.rounding_ceil") if direction == "ceil" else msg("garnishment.rounding_floor")


def split(net_yen: int, protected_exact: Fraction, rounding: str) -> tuple[int, int]:
    """(garnishable, protected) in whole yen, adding up to ``net_yen`` exactly."""
    if rounding == "ceil":
        protected = floor_yen(protected_exact)
        return net_yen - protected, protected
    garnishable = floor_yen(net_yen - protected_exact)
    return garnishable, net_yen - garnishable


#: the deductions from gross pay: flag, and the message naming the deduction
DEDUCTION_NAMES = {
    "--income-tax": msg("garnishment.deduction_income_tax"),
    "--resident-tax": msg("garnishment.deduction_resident_tax"),
    "--social-insurance": msg("garnishment.deduction_social_insurance"),
    "--commute": msg("garnishment.deduction_commute"),
}


def _build_net(inp: GarnishmentInput) -> tuple[int, dict[str, Any] | None, list[Step], list[Message], list[Message]]:
    deductions = {
        "--income-tax": inp.income_tax_yen,
        "--resident-tax": inp.resident_tax_yen,
        "--social-insurance": inp.social_insurance_yen,
        "--commute": inp.commute_yen,
    }
    if inp.net_yen is not None and inp.gross_yen is not None:
        raise ConflictError("give --net or --gross, not both (--net is take-home pay; --gross builds it from the deductions)")
    if inp.net_yen is not None:
        given = [flag for flag, v in deductions.items() if v is not None]
        if given:
            raise ConflictError(f"{', '.join(given)} go with --gross, not --net (--net is already after those deductions)")
        if inp.net_yen <= 0:
            raise InputError("--net", inp.net_yen, "a positive amount in yen")
        step = Step("net", msg("garnishment.step_net_given"), inp.net_yen, basis=GIVEN)
        return inp.net_yen, None, [step], [], []
    if inp.gross_yen is None:
        raise ConflictError("give the pay: --net AMOUNT (take-home), or --gross AMOUNT with --income-tax, --resident-tax, --social-insurance, --commute")
    if inp.gross_yen <= 0:
        raise InputError("--gross", inp.gross_yen, "a positive amount in yen")
    assumptions: list[Message] = []
    warnings: list[Message] = []
    missing = [flag for flag, v in deductions.items() if v is None]
    if missing:
        warnings.append(
            msg("garnishment.deductions_not_given", missing_msgs=tuple(DEDUCTION_NAMES[flag] for flag in missing))
        )
    tax_i = inp.income_tax_yen or 0
    tax_r = inp.resident_tax_yen or 0
    si = inp.social_insurance_yen or 0
    commute = inp.commute_yen or 0
    for flag, v in deductions.items():
        if v is not None and v < 0:
            raise InputError(flag, v, "an amount of 0 yen or more")
    net = inp.gross_yen - tax_i - tax_r - si - commute
    if net <= 0:
        raise InputError(
            "--gross",
            inp.gross_yen,
            f"an amount above its deductions ({tax_i + tax_r + si + commute:,} yen): the net pay would be {net:,} yen",
        )
    assumptions.append(msg("garnishment.gross_includes_commute"))
    steps = [
        Step("gross", msg("garnishment.step_gross"), inp.gross_yen, basis=GIVEN),
        Step("income_tax", msg("garnishment.step_income_tax"), tax_i, basis=GIVEN),
        Step("resident_tax", msg("garnishment.step_resident_tax"), tax_r, basis=GIVEN),
        Step("social_insurance", msg("garnishment.step_social_insurance"), si, basis=GIVEN),
        Step("commute", msg("garnishment.step_commute"), commute, basis=GIVEN),
        Step("net", msg("garnishment.step_net_built"), net),
    ]
    comp = {
        "gross_yen": inp.gross_yen,
        "income_tax_yen": tax_i,
        "resident_tax_yen": tax_r,
        "social_insurance_yen": si,
        "commute_yen": commute,
        "net_yen": net,
    }
    return net, comp, steps, assumptions, warnings


def _status_messages(rows: list[Row], not_applied: tuple[Row, ...] = ()) -> tuple[list[Message], list[Message]]:
    """Notes for VERIFIED-SECONDARY rows, warnings for UNVERIFIED or INTERPRETATION rows.

    A weak row that did not change this result (``not_applied``) gets a note, not a warning.
    """
    notes, warnings = [], []
    for row in rows:
        if row.status in ("UNVERIFIED", "INTERPRETATION") and any(row is x for x in not_applied):
            notes.append(msg("garnishment.rule_weak_not_applied", label=row.label, article=row.citation, status=row.status))
        elif row.status in ("UNVERIFIED", "INTERPRETATION"):
            warnings.append(msg("garnishment.rule_weak", label=row.label, article=row.citation, status=row.status))
        elif row.status == "VERIFIED-SECONDARY":
            notes.append(msg("garnishment.rule_secondary", label=row.label, article=row.citation))
    return notes, warnings


def _common_notes(tax: bool) -> list[Message]:
    notes = [msg("garnishment.range_change_not_for_tax") if tax else msg("garnishment.range_change_not_predicted")]
    notes += [
        msg("garnishment.commute_not_in_base"),
        msg("garnishment.pensions_not_computed"),
        msg("garnishment.deposit_after_payment"),
        msg("garnishment.other_deductions_not_deducted"),
    ]
    return notes


def compute(inp: GarnishmentInput) -> GarnishmentResult:
    if inp.rounding not in ROUNDINGS:
        raise InputError("--rounding", inp.rounding, "floor, ceil or tax-1000 (with --tax)")
    if inp.rounding == "tax-1000" and not inp.tax:
        raise ConflictError("--rounding tax-1000 goes with --tax: it is the tax offices' 1,000-yen practice for 国税徴収法76条")
    if inp.dependents is not None and not inp.tax:
        raise ConflictError("--dependents goes with --tax (国税徴収法76条: 生計を一にする親族の人数)")
    if inp.support and inp.tax:
        raise ConflictError("--support and --tax cannot be combined: a support claim (民事執行法152条3項) and a tax claim (国税徴収法76条) follow different rules")
    net, comp, steps, assumptions, warnings = _build_net(inp)
    if inp.paid_on_assumed:
        assumptions.append(msg("garnishment.paid_on_defaulted", paid_on=inp.paid_on))
    if inp.tax:
        return _compute_tax(inp, net, comp, steps, assumptions, warnings)
    return _compute_civil(inp, net, comp, steps, assumptions, warnings)


def _cap_for(table: rules.Table, period: Period, paid_on: date) -> tuple[int | None, Row, Message]:
    """(cap in yen or None, the row, how it was derived)."""
    if period.kind == "retirement":
        row = table.row_on(paid_on, "cap.retirement")
        return None, row, msg("garnishment.cap_basis_none", article=row.citation)
    if period.kind in ("monthly", "semimonthly", "dekad", "daily", "bonus"):
        row = table.row_on(paid_on, f"cap.{period.kind}")
        return row["cap_yen"], row, msg("garnishment.cap_basis_article", article=row.citation)
    if period.kind == "months":
        row = table.row_on(paid_on, "cap.months")
        per = row["cap_per_month_yen"]
        return per * period.count, row, msg("garnishment.cap_basis_months", article=row.citation, per_month_yen=per, months=period.count)
    # weekly and days:N are "other periods": per day × days (施行令2条1項6号)
    row = table.row_on(paid_on, "cap.days")
    per = row["cap_per_day_yen"]
    days = period.days
    return per * days, row, msg("garnishment.cap_basis_days", article=row.citation, per_day_yen=per, days=days)


def _compute_civil(inp, net, comp, steps, assumptions, warnings) -> GarnishmentResult:
    table = rules.load("garnishment")
    period = inp.period
    retirement = period.kind == "retirement"
    if inp.support:
        frow = table.row_on(inp.paid_on, "fraction.support")
        claim = "support"
    else:
        frow = table.row_on(inp.paid_on, "fraction.retirement" if retirement else "fraction.ordinary")
        claim = "ordinary"
    f: Fraction = frow["protected_fraction"]
    cap, crow, cap_basis = _cap_for(table, period, inp.paid_on)

    by_fraction = net * f
    if cap is None or by_fraction <= cap:
        which = "fraction_no_cap" if cap is None else "fraction"
        protected_exact = by_fraction
    else:
        which = "cap"
        protected_exact = Fraction(cap)
    garnishable, protected = split(net, protected_exact, inp.rounding)

    threshold_exact = Fraction(cap) / f if cap is not None else None
    threshold_yen = floor_yen(threshold_exact) if threshold_exact is not None else None
    rule = {
        "kind": claim,
        "fraction": str(f),
        "fraction_of": "net",
        "garnishable_fraction": str(1 - f),
        "cap_yen": cap,
        "cap_of": "protected" if cap is not None else None,
        "cap_basis": cap_basis,
        "threshold_yen": threshold_yen,
        "threshold_exact": decimal_text(threshold_exact) if threshold_exact is not None else None,
        "which": which,
        "base_yen": None,
    }

    frac_label = f"{f.numerator}/{f.denominator}"
    steps = list(steps) + [
        Step("protected_by_fraction", msg("garnishment.step_protected_by_fraction", fraction=frac_label), None, by_fraction,
             frow.citation.label()),
    ]
    if cap is not None:
        steps.append(Step("cap", msg("garnishment.step_cap"), cap, basis=cap_basis))
    steps += [
        Step(
            "protected_exact",
            msg("garnishment.step_protected_exact_capped") if cap is not None else msg("garnishment.step_protected_exact_no_cap"),
            None,
            protected_exact,
        ),
        Step("garnishable", msg("garnishment.step_garnishable"), garnishable, net - protected_exact, basis=rounding_basis(inp.rounding)),
        Step("protected", msg("garnishment.step_protected_kept"), protected),
    ]

    rows = [frow, crow]
    citations: list[Citation] = []
    for r in rows:
        citations.extend(r.citations)
    if claim == "support":
        citations.extend(table.row_on(inp.paid_on, "fraction.ordinary").citations[:1])
    citations.append(ART_153)

    notes: list[Message] = []
    if which == "cap":
        notes.append(msg("garnishment.cap_applies", threshold=threshold_exact_text(threshold_exact), cap_yen=cap))
    elif cap is not None:
        notes.append(
            msg("garnishment.fraction_applies", threshold=threshold_exact_text(threshold_exact), fraction=frac_label, cap_yen=cap)
        )
    if retirement:
        # the monthly cap in force that day, for the example amount (saiken holds none before its first row)
        monthly = [r for r in table.rows if r.key == "cap.monthly" and r.covers(inp.paid_on)]
        if monthly:
            notes.append(msg("garnishment.retirement_no_cap_example", monthly_cap_yen=monthly[0]["cap_yen"]))
        else:
            notes.append(msg("garnishment.retirement_no_cap"))
    if period.kind == "weekly":
        notes.append(
            msg("garnishment.weekly_other_period", per_day_yen=crow["cap_per_day_yen"], days=period.days, cap_yen=cap)
        )
    if period.kind == "days" and (period.count in (1, 10, 15) or 28 <= (period.count or 0) <= 31):
        notes.append(msg("garnishment.days_use_fixed_period"))
    if claim == "support":
        notes.append(msg("garnishment.support_fraction", numerator=f.numerator, denominator=f.denominator))
    more_notes, more_warn = _status_messages(rows)
    notes += more_notes
    warnings = list(warnings) + more_warn
    w = beyond_verified(table, inp.paid_on)
    if w:
        warnings.append(w)
    notes += _common_notes(tax=False)
    notes.append(rounding_text(inp.rounding))
    assumptions = list(assumptions)
    assumptions.append(msg("garnishment.base_is_pay_less_taxes"))
    return GarnishmentResult(
        input=inp,
        claim=claim,
        net_yen=net,
        garnishable_yen=garnishable,
        protected_yen=protected,
        rule=rule,
        tax=None,
        net_computation=comp,
        steps=tuple(steps),
        rows=tuple(rows),
        citations=tuple(dedupe_citations(citations)),
        assumptions=tuple(assumptions),
        notes=tuple(notes),
        warnings=tuple(warnings),
    )


def threshold_exact_text(value: Fraction | None) -> str:
    if value is None:
        return ""
    whole, _, frac = decimal_text(value).partition(".")
    frac = frac.rstrip("0")
    return f"{int(whole):,}" + (f".{frac}…" if value.denominator != 1 else "")


def _tax_practice(net: int, comp: dict[str, Any] | None, base: int, rate: Fraction, slice_cap: int, unit: int) -> dict[str, Any]:
    """The tax offices' 1,000-yen practice (中野市「給与等の差押に係る取立て事務について」): ① the pay
    floored to ``unit``; ② items 1-5 each rounded up to ``unit`` (5号: (① − items 1-4) × 20%, rounded
    up, at most 2 × item 4); garnishable = ① − ②. With --net the items 1-3 are inside it: the net
    is floored instead (said in the output)."""
    def down(v: int) -> int:
        return v // unit * unit

    def up(v: Fraction | int) -> int:
        v = Fraction(v)
        return -((-v.numerator) // (v.denominator * unit)) * unit

    if comp is not None:
        pay = down(comp["gross_yen"] - comp["commute_yen"])
        items = [up(comp["income_tax_yen"]), up(comp["resident_tax_yen"]), up(comp["social_insurance_yen"])]
    else:
        pay, items = down(net), [0, 0, 0]
    item4 = up(base)
    rest = pay - sum(items) - item4
    item5 = min(up(rest * rate), slice_cap) if rest > 0 else 0
    garnishable = max(pay - sum(items) - item4 - item5, 0)
    return {
        "unit_yen": unit,
        "pay_yen": pay,
        "items_1_3_yen": items,
        "item_4_yen": item4,
        "item_5_yen": item5,
        "garnishable_yen": garnishable,
        "from": "gross" if comp is not None else "net",
    }


def _compute_tax(inp, net, comp, steps, assumptions, warnings) -> GarnishmentResult:
    period = inp.period
    if period.kind in ("bonus", "retirement"):
        raise ConflictError(
            f"--tax with --period {period.kind} is not supported: 国税徴収法76条{'3' if period.kind == 'bonus' else '4'}項 "
            "treats it specially and saiken's sources did not verify it (UNVERIFIED); compute it by hand"
        )
    if period.months is None:
        raise ConflictError(
            f"--tax with --period {period.name} is not supported: 施行令34条 counts the base per month "
            "(「期間1月ごとに」) and how a shorter period is counted was not verified; use monthly or months:N"
        )
    table = rules.load("garnishment_tax")
    r_base = table.row_on(inp.paid_on, "base_per_month")
    r_dep = table.row_on(inp.paid_on, "per_dependent_per_month")
    r_rate = table.row_on(inp.paid_on, "slice_rate")
    r_mult = table.row_on(inp.paid_on, "slice_cap_multiple")
    n = inp.dependents if inp.dependents is not None else 0
    if inp.dependents is None:
        per_dep = r_dep["amount_yen"]
        warnings = list(warnings) + [msg("garnishment.dependents_not_given", per_dependent_yen=per_dep)]
    if inp.commute_yen:
        warnings = list(warnings) + [msg("garnishment.tax_commute_unverified")]
    months = period.months
    per_month = r_base["amount_yen"] + r_dep["amount_yen"] * n
    base = per_month * months
    rate: Fraction = r_rate["rate"]
    slice_cap = base * r_mult["multiple"]
    mult = r_mult["multiple"]
    practice = None
    if inp.rounding == "tax-1000":
        r_unit = table.row_on(inp.paid_on, "practice_unit")
        practice = _tax_practice(net, comp, base, rate, slice_cap, r_unit["unit_yen"])
    if net <= base:
        which = "base_only"
        slice_exact = Fraction(0)
        protected_exact = Fraction(net)
    else:
        slice_exact = (net - base) * rate
        if slice_exact <= slice_cap:
            which = "slice"
        else:
            which = "slice_cap"
            slice_exact = Fraction(slice_cap)
        protected_exact = base + slice_exact
    if practice is not None:
        garnishable = practice["garnishable_yen"]
        protected = net - garnishable
    else:
        garnishable, protected = split(net, protected_exact, inp.rounding)
    threshold_exact = base + Fraction(slice_cap) / rate
    rule = {
        "kind": "tax",
        "fraction": str(rate),
        "fraction_of": "net_above_base",
        "garnishable_fraction": None,
        "cap_yen": slice_cap,
        "cap_of": "slice",
        "cap_basis": (
            msg("garnishment.cap_basis_tax_unverified", article=r_mult.citation, multiple=r_mult["multiple"], base_yen=base)
            if r_mult.status == "UNVERIFIED"
            else msg("garnishment.cap_basis_tax", article=r_mult.citation, multiple=r_mult["multiple"], base_yen=base)
        ),
        "threshold_yen": floor_yen(threshold_exact),
        "threshold_exact": decimal_text(threshold_exact),
        "which": which,
        "base_yen": base,
    }
    tax = {
        "dependents": n,
        "months": months,
        "base_per_month_yen": r_base["amount_yen"],
        "per_dependent_per_month_yen": r_dep["amount_yen"],
        "base_yen": base,
        "rest_yen": max(net - base, 0),
        "slice_exact": decimal_text(slice_exact),
        "slice_cap_yen": slice_cap,
    }
    base_params = {"base_per_month_yen": r_base["amount_yen"], "per_dependent_yen": r_dep["amount_yen"], "dependents": n}
    base_label = (
        msg("garnishment.step_tax_base", **base_params)
        if months == 1
        else msg("garnishment.step_tax_base_months", **base_params, months=months)
    )
    slice_rate = rate_decimal(rate)
    steps = list(steps) + [
        Step("base", base_label, base, basis=r_base.citation.label()),
        Step("rest", msg("garnishment.step_tax_rest"), max(net - base, 0)),
        Step("slice", msg("garnishment.step_tax_slice", slice_rate=slice_rate, multiple=mult), None, slice_exact,
             r_rate.citation.label()),
        Step("protected_exact", msg("garnishment.step_tax_protected_exact", slice_rate=slice_rate), None, protected_exact),
        Step("garnishable", msg("garnishment.step_garnishable"), garnishable, net - protected_exact, basis=rounding_basis(inp.rounding)),
        Step("protected", msg("garnishment.step_tax_protected"), protected),
    ]
    rows = [r_base, r_dep, r_rate, r_mult]
    if practice is not None:
        rows.append(r_unit)
        tax["practice"] = practice
        steps.append(Step("practice", msg("garnishment.step_tax_practice", garnishable_yen=practice["garnishable_yen"]),
                          practice["garnishable_yen"], basis=r_unit.citation.label()))
    citations: list[Citation] = [ART_76_1_1_3]
    for r in rows:
        citations.extend(r.citations)
    notes = [
        msg("garnishment.tax_slice_is_protected", slice_rate=slice_rate),
        msg("garnishment.tax_deductions_protected"),
        msg("garnishment.tax_dependents_meaning"),
        msg("garnishment.tax_two_sources_added"),
    ]
    if which == "base_only":
        notes.append(msg("garnishment.tax_base_only", base_yen=base))
    more_notes, more_warn = _status_messages(rows, () if which == "slice_cap" else (r_mult,))
    notes += more_notes
    warnings = list(warnings) + more_warn
    w = beyond_verified(table, inp.paid_on)
    if w:
        warnings.append(w)
    notes += _common_notes(tax=True)
    notes.append(rounding_text(inp.rounding))
    assumptions = list(assumptions)
    assumptions.append(msg("garnishment.tax_base_definition"))
    if practice is not None and comp is None:
        assumptions.append(msg("garnishment.tax_practice_net_only"))
    return GarnishmentResult(
        input=inp,
        claim="tax",
        net_yen=net,
        garnishable_yen=garnishable,
        protected_yen=protected,
        rule=rule,
        tax=tax,
        net_computation=comp,
        steps=tuple(steps),
        rows=tuple(rows),
        citations=tuple(dedupe_citations(citations)),
        assumptions=tuple(assumptions),
        notes=tuple(notes),
        warnings=tuple(warnings),
    )
