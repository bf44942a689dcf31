"""個人再生 (individual rehabilitation) minimum repayment and installments; 任意整理 installments.

Pure. Every legal number comes from ``rules/data/saisei.toml``:

- 最低弁済額 (民事再生法231条2項3号・4号) by FORMULA on the 基準債権 B:
  B > limit (221条1項, 5,000万)  → not available: InputError on --debt (exit 2);
  B > 3,000万                    → B × 1/10 (3号);
  B < 100万                      → B (4号 括弧書);
  otherwise                      → max(B × 1/5, 100万), capped at 300万 (4号).
  A fraction of a yen is rounded UP (row ``minimum_rounding``, INTERPRETATION: a plan
  total floored to the yen would fall short of the minimum).
- Plan total = the largest of the tests: the 231条 minimum, the 清算価値 (liquidation value)
  and, for 給与所得者等再生, 2 years of 可処分所得; ties go to the earlier test in that
  order. A plan never pays more than B: a larger test is capped at B, with a warning.
- Installments (229条2項: 36 months, 60 with 特別の事情): the regular installment is
  ceil(total ÷ n) to the rounding unit (1円 default; 100円 / 1,000円 office practice) and
  the last installment takes the difference (rules-reference §7.2). If that would leave
  the last installment at 0 or below, the regular installment is floored to the unit
  instead (the last one is then the largest), with a warning.
- 任意整理: the balance (future interest cut) over N monthly installments, same rounding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import ceil
from typing import Any

from saiken_cli import rules
from saiken_cli.calc.messages import Message, msg, to_dicts
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, Row, dedupe_citations

#: the tests of the plan total, named (a warning says which one reached the whole debt)
TEST_NAMES = {
    "minimum_repayment": msg("saisei.test_minimum_repayment"),
    "liquidation_value": msg("saisei.test_liquidation_value"),
    "disposable_income": msg("saisei.test_disposable_income"),
}

SCHEMA_VERSION = "3"  # 3: assumptions, notes, warnings are message items (saisei.*); 2: citations carry kind
TABLE_ID = "saisei"
#: Installment rounding units (office practice, not law: rules-reference §7.2, §11 item 6).
ROUNDINGS = {"yen": 1, "100": 100, "1000": 1000}
TEST_ORDER = ("minimum_repayment", "liquidation_value", "disposable_income")


@dataclass(frozen=True)
class SaiseiInput:
    debt_yen: int  # 基準債権の総額
    liquidation_value_yen: int | None = None  # 清算価値
    disposable_income_yen: int | None = None  # 可処分所得の2年分 (給与所得者等再生)
    rounding: str = "yen"
    nin_i_months: int | None = None
    nin_i_balance_yen: int | None = None  # default: debt_yen


@dataclass(frozen=True)
class Schedule:
    months: int
    total_yen: int
    unit_yen: int
    regular_yen: int
    last_yen: int
    method: str  # "ceil" | "floor"

    def to_dict(self) -> dict[str, Any]:
        return {
            "months": self.months,
            "total_yen": self.total_yen,
            "rounding_unit_yen": self.unit_yen,
            "regular_yen": self.regular_yen,
            "regular_count": self.months - 1,
            "last_yen": self.last_yen,
            "method": self.method,
        }


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def installments(total_yen: int, months: int, unit_yen: int = 1) -> tuple[Schedule, list[str]]:
    """Split ``total_yen`` into ``months`` installments: (months − 1) regular + the last.

    Regular = ceil(total ÷ months) to ``unit_yen``; the last takes the rest (≤ regular).
    If the last would be ≤ 0, the regular installment is floored to the unit instead (or to
    the yen, when the unit is larger than total ÷ months) and the last is the largest.
    """
    if months < 1:
        raise ValueError("months >= 1")
    if total_yen < 0:
        raise ValueError("total is not negative")
    warnings: list[Message] = []
    regular = _ceil_div(total_yen, months * unit_yen) * unit_yen
    last = total_yen - regular * (months - 1)
    method = "ceil"
    if last <= 0 and months > 1:
        method = "floor"
        regular = (total_yen // (months * unit_yen)) * unit_yen
        used_unit = unit_yen
        if regular == 0 and unit_yen > 1:
            regular = total_yen // months
            used_unit = 1
        last = total_yen - regular * (months - 1)
        warnings.append(
            msg("saisei.installment_floored", total_yen=total_yen, months=months, unit_yen=unit_yen, used_unit_yen=used_unit)
        )
    return Schedule(months, total_yen, unit_yen, regular, last, method), warnings


@dataclass(frozen=True)
class Minimum:
    amount_yen: int
    rule: str  # all | floor | one_fifth | cap | one_tenth
    formula: str
    exact: Fraction


def minimum_repayment(debt_yen: int, row: Row, rounding: str) -> Minimum:
    """民事再生法231条2項3号・4号 as a formula on the 基準債権 ``debt_yen`` (raises above 221条)."""
    if rounding != "ceil":  # pragma: no cover - the rule file is validated by tests
        raise rules.RuleDataError(f"saisei minimum_rounding: unknown rounding {rounding!r}")
    limit = row["limit_yen"]
    if debt_yen > limit:
        raise InputError(
            "--debt",
            f"{debt_yen:,}",
            f"基準債権 up to {limit:,} yen: above that 個人再生 is not available "
            f"(民事再生法221条1項)",
        )
    floor_, cap, f4, f3 = row["floor_yen"], row["cap_yen"], row["tier4_fraction"], row["tier3_fraction"]
    b = debt_yen
    if b > row["tier3_above_yen"]:
        exact = b * f3
        return Minimum(ceil(exact), "one_tenth", f"{b:,} × {f3} (231条2項3号)", exact)
    if b < floor_:
        return Minimum(b, "all", f"{b:,} < {floor_:,}: 全額 (231条2項4号括弧書)", Fraction(b))
    fifth = b * f4
    if fifth > cap:
        return Minimum(cap, "cap", f"{b:,} × {f4} > {cap:,}: {cap:,} (231条2項4号)", Fraction(cap))
    if fifth <= floor_:
        return Minimum(floor_, "floor", f"max({b:,} × {f4}, {floor_:,}) = {floor_:,} (231条2項4号)", Fraction(floor_))
    return Minimum(ceil(fifth), "one_fifth", f"{b:,} × {f4} (231条2項4号)", fifth)


@dataclass(frozen=True)
class SaiseiResult:
    input: SaiseiInput
    procedure: str
    minimum: Minimum
    tests: tuple[dict[str, Any], ...]
    plan_total_yen: int
    binding_test: str
    capped_at_debt: bool
    schedules: tuple[Schedule, ...]
    nin_i: dict[str, Any] | None
    citations: tuple[Citation, ...] = ()
    assumptions: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()
    warnings: tuple[Message, ...] = ()
    rows: tuple[Row, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        s36, s60 = self.schedules
        return {
            "schema_version": SCHEMA_VERSION,
            "command": "saisei",
            "debt_yen": self.input.debt_yen,
            "procedure": self.procedure,
            "minimum_repayment_yen": self.minimum.amount_yen,
            "minimum_rule": self.minimum.rule,
            "minimum_formula": self.minimum.formula,
            "tests": [dict(t) for t in self.tests],
            "plan_total_yen": self.plan_total_yen,
            "binding_test": self.binding_test,
            "capped_at_debt": self.capped_at_debt,
            "monthly_36_yen": s36.regular_yen,
            "last_36_yen": s36.last_yen,
            "monthly_60_yen": s60.regular_yen,
            "last_60_yen": s60.last_yen,
            "installments": {
                "rounding": self.input.rounding,
                "rounding_unit_yen": ROUNDINGS[self.input.rounding],
                "schedules": [s.to_dict() for s in self.schedules],
            },
            "rounding": {
                "minimum": "ceil to the yen (INTERPRETATION: a minimum is met only at or above it)",
                "installments": f"regular installment rounded up to {ROUNDINGS[self.input.rounding]:,} yen; "
                "the last installment takes the difference",
            },
            "nin_i": self.nin_i,
            "citations": rules.citations_json(self.citations),
            "assumptions": to_dicts(self.assumptions),
            "notes": to_dicts(self.notes),
            "warnings": to_dicts(self.warnings),
        }


def compute(inp: SaiseiInput) -> SaiseiResult:
    if inp.debt_yen <= 0:
        raise InputError("--debt", inp.debt_yen, "a positive amount in yen (the 基準債権)")
    if inp.rounding not in ROUNDINGS:
        raise InputError("--rounding", inp.rounding, "one of " + ", ".join(ROUNDINGS))
    if inp.nin_i_balance_yen is not None and inp.nin_i_months is None:
        raise ConflictError("--nin-i-balance goes with --nin-i N (the number of monthly installments)")
    table = rules.load(TABLE_ID)
    min_row = table.only("minimum_repayment")
    round_row = table.only("minimum_rounding")
    period_row = table.only("period")
    unit = ROUNDINGS[inp.rounding]

    warnings: list[Message] = []
    notes: list[Message] = []
    assumptions: list[Message] = []
    citations: list[Citation] = [*min_row.citations]
    rows_used: list[Row] = [min_row, round_row, period_row]

    minimum = minimum_repayment(inp.debt_yen, min_row, round_row["rounding"])
    if minimum.exact.denominator != 1:
        notes.append(
            msg("saisei.minimum_rounded_up", formula=minimum.formula, exact=_exact_str(minimum.exact), minimum_yen=minimum.amount_yen)
        )

    procedure = "kyuyo" if inp.disposable_income_yen is not None else "shokibo"
    tests: list[dict[str, Any]] = [
        {"test": "minimum_repayment", "amount_yen": minimum.amount_yen, "basis": "民事再生法231条2項3号・4号"}
    ]
    if inp.liquidation_value_yen is not None:
        liq_row = table.only("liquidation_test")
        rows_used.append(liq_row)
        citations.extend(liq_row.citations)
        tests.append(
            {"test": "liquidation_value", "amount_yen": inp.liquidation_value_yen, "basis": "清算価値保障原則 (174条2項4号)"}
        )
    else:
        notes.append(msg("saisei.no_liquidation_value"))
    if inp.disposable_income_yen is not None:
        di_row = table.only("disposable_income_test")
        rows_used.append(di_row)
        citations.extend(di_row.citations)
        tests.append(
            {"test": "disposable_income", "amount_yen": inp.disposable_income_yen, "basis": "可処分所得の2年分 (241条2項7号)"}
        )
        assumptions.append(msg("saisei.disposable_income_as_given"))
    else:
        assumptions.append(msg("saisei.small_scale"))

    if len(tests) > 1:
        notes.append(msg("saisei.test_articles_unverified"))
    best = max(t["amount_yen"] for t in tests)
    binding = next(t["test"] for t in tests if t["amount_yen"] == best)
    plan_total = best
    capped = False
    if best > inp.debt_yen:
        plan_total, capped = inp.debt_yen, True
        warnings.append(msg("saisei.no_reduction", test=binding, test_msg=TEST_NAMES[binding], amount_yen=best, debt_yen=inp.debt_yen))

    assumptions.append(msg("saisei.debt_is_base_claims"))

    months_std, months_max = period_row["months"], period_row["max_months"]
    s_std, w1 = installments(plan_total, months_std, unit)
    s_max, w2 = installments(plan_total, months_max, unit)
    warnings.extend(w1 + w2)
    citations.extend(period_row.citations)
    notes.append(
        msg("saisei.plan_period", months_std=months_std, months_max=months_max, interval_months=period_row["interval_months"])
    )
    assumptions.append(msg("saisei.installments_rounded_up", unit_yen=unit))

    nin_i = None
    if inp.nin_i_months is not None:
        ni_row = table.only("nin_i")
        rows_used.append(ni_row)
        citations.extend(ni_row.citations)
        n = inp.nin_i_months
        if n < 1:
            raise InputError("--nin-i", n, "a number of monthly installments, 1 or more")
        balance = inp.nin_i_balance_yen if inp.nin_i_balance_yen is not None else inp.debt_yen
        sched, w3 = installments(balance, n, unit)
        warnings.extend(w3)
        if n > ni_row["max_months"]:
            warnings.append(msg("saisei.nin_i_over_norm", installments=n, norm_months=ni_row["months"], norm_max_months=ni_row["max_months"]))
        notes.append(msg("saisei.nin_i_practice"))
        if inp.nin_i_balance_yen is None:
            assumptions.append(msg("saisei.nin_i_balance_is_debt"))
        nin_i = {
            "balance_yen": balance,
            "months": n,
            "monthly_yen": sched.regular_yen,
            "last_yen": sched.last_yen,
            "schedule": sched.to_dict(),
            "future_interest": "cut",
            "status": ni_row.status,
        }

    return SaiseiResult(
        input=inp,
        procedure=procedure,
        minimum=minimum,
        tests=tuple(tests),
        plan_total_yen=plan_total,
        binding_test=binding,
        capped_at_debt=capped,
        schedules=(s_std, s_max),
        nin_i=nin_i,
        citations=tuple(dedupe_citations([*citations, *round_row.citations])),
        assumptions=tuple(assumptions),
        notes=tuple(notes),
        warnings=tuple(warnings),
        rows=tuple(rows_used),
    )


def _exact_str(value: Fraction) -> str:
    """An exact amount for display (never re-parsed): 1/5 and 1/10 of whole yen end within one decimal."""
    return str(Decimal(value.numerator) / Decimal(value.denominator))
