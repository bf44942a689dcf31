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
from fractions import Fraction
from typing import Any

from saiken_cli import rules
from saiken_cli.calc.caps import percent_str
from saiken_cli.calc.rounding import decimal_text, floor_yen
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, Row, dedupe_citations

SCHEMA_VERSION = "2"
ROUNDINGS = ("floor", "ceil", "tax-1000")

#: Period kinds: the fixed ones, and the two that take a count (days:N, months:N).
FIXED_PERIODS = ("monthly", "semimonthly", "dekad", "weekly", "daily", "bonus", "retirement")
COUNTED_PERIODS = ("days", "months")
PERIOD_LABELS = {
    "monthly": ("毎月", "monthly"),
    "semimonthly": ("毎半月", "twice a month"),
    "dekad": ("毎旬 (10日ごと)", "every ten days (旬)"),
    "weekly": ("毎週 (7日ごと)", "weekly (7 days)"),
    "daily": ("毎日", "daily"),
    "bonus": ("賞与", "bonus"),
    "retirement": ("退職手当", "retirement allowance"),
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
    """A pay period (支払期). ``count`` is N of days:N / months:N (7 for weekly)."""

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

    def label(self) -> str:
        if self.kind == "days":
            return f"{self.count}日ごと / every {self.count} days"
        if self.kind == "months":
            return f"{self.count}か月ごと / every {self.count} months"
        ja, en = PERIOD_LABELS[self.kind]
        return f"{ja} / {en}"


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
    label: str  # "日本語 / English"
    yen: int | None = None
    exact: Fraction | None = None
    basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.key,
            "label": self.label,
            "yen": self.yen,
            "exact": decimal_text(self.exact) if self.exact is not None else None,
            "basis": self.basis,
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
    assumptions: tuple[str, ...]
    notes: tuple[str, ...]
    warnings: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        p = self.input.period
        return {
            "schema_version": SCHEMA_VERSION,
            "command": "sashiosae",
            "paid_on": self.input.paid_on.isoformat(),
            "period": p.name,
            "period_detail": {
                "kind": p.kind,
                "label": p.label(),
                "days": p.days,
                "months": p.months,
            },
            "claim": self.claim,
            "net_yen": self.net_yen,
            "garnishable_yen": self.garnishable_yen,
            "protected_yen": self.protected_yen,
            "net_computation": self.net_computation,
            "rule": self.rule,
            "tax": self.tax,
            "steps": [s.to_dict() for s in self.steps],
            "rounding": {
                "direction": self.input.rounding,
                "applies_to": "garnishable",
                "status": "VERIFIED-OFFICIAL" if self.input.rounding == "tax-1000" else "UNVERIFIED",
                "text": rounding_text(self.input.rounding),
            },
            "rule_rows": [r.to_dict() for r in self.rows],
            "citations": [c.to_dict() for c in self.citations],
            "assumptions": list(self.assumptions),
            "notes": list(self.notes),
            "warnings": list(self.warnings),
        }



def percent_text(rate: Fraction) -> str:
    """A fraction from the rule data as a percentage for messages: 1/5 → "20" (display only)."""
    text = percent_str(rate)
    return text.rstrip("0").rstrip(".") if "." in text else text


def fraction_ja(value: Fraction) -> str:
    """A fraction in statute style: 1/2 → "2分の1", 3/4 → "4分の3"."""
    return f"{value.denominator}分の{value.numerator}"


def rounding_text(direction: str) -> str:
    if direction == "tax-1000":
        return (
            "徴収実務の千円単位 (--rounding tax-1000): 給料等は千円未満切捨て、差押禁止額の1〜5号は各々千円未満切上げ "
            "(中野市「給与等の差押に係る取立て事務について」) / the tax offices' 1,000-yen practice: pay floored, each "
            "protected item 1-5 rounded up to 1,000 yen (a practice, not the statute)"
        )
    if direction == "ceil":
        return (
            "差押禁止額の円未満を切り捨て、差押可能額 = 手取り − 差押禁止額 (差押可能額は切上げ) / "
            "the protected amount is floored to the yen and garnishable = net − protected "
            "(the garnishable amount is rounded up); the statute is silent (UNVERIFIED)"
        )
    return (
        "差押可能額の円未満を切り捨て (債務者保護)、差押禁止額 = 手取り − 差押可能額 / "
        "the garnishable amount is floored to the yen (debtor-protective) and protected = "
        "net − garnishable, so the two add up to net exactly; the statute is silent (UNVERIFIED)"
    )


def split(net_yen: int, protected_exact: Fraction, rounding: str) -> tuple[int, int]:
    """(garnishable, protected) in whole yen, adding up to ``net_yen`` exactly."""
    if rounding == "ceil":
        protected = floor_yen(protected_exact)
        return net_yen - protected, protected
    garnishable = floor_yen(net_yen - protected_exact)
    return garnishable, net_yen - garnishable


def _build_net(inp: GarnishmentInput) -> tuple[int, dict[str, Any] | None, list[Step], list[str], list[str]]:
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
        step = Step("net", "手取り額 (差押えの基準額) / net pay (the base)", inp.net_yen, basis="--net")
        return inp.net_yen, None, [step], [], []
    if inp.gross_yen is None:
        raise ConflictError("give the pay: --net AMOUNT (take-home), or --gross AMOUNT with --income-tax, --resident-tax, --social-insurance, --commute")
    if inp.gross_yen <= 0:
        raise InputError("--gross", inp.gross_yen, "a positive amount in yen")
    assumptions: list[str] = []
    warnings: list[str] = []
    missing = [flag for flag, v in deductions.items() if v is None]
    if missing:
        warnings.append(
            f"{', '.join(missing)} の指定なし: 0円として計算 / not given: taken as 0 yen — "
            "check the pay slip (給与明細)"
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
    assumptions.append(
        "--gross は通勤手当を含む総支給額として、通勤手当・所得税・住民税・社会保険料を差し引いた / "
        "--gross is taken as total pay including the commuting allowance; the allowance, income tax, "
        "resident tax and social insurance are deducted"
    )
    steps = [
        Step("gross", "総支給額 / gross pay", inp.gross_yen, basis="--gross"),
        Step("income_tax", "− 所得税 / income tax", tax_i, basis="--income-tax"),
        Step("resident_tax", "− 住民税 / resident tax", tax_r, basis="--resident-tax"),
        Step("social_insurance", "− 社会保険料 / social insurance", si, basis="--social-insurance"),
        Step("commute", "− 通勤手当 (基準額に含めない) / commuting allowance (excluded)", commute, basis="--commute"),
        Step("net", "= 手取り額 (差押えの基準額) / = net pay (the base)", net),
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


def _status_messages(rows: list[Row], not_applied: tuple[Row, ...] = ()) -> tuple[list[str], list[str]]:
    """Notes for VERIFIED-SECONDARY rows, warnings for UNVERIFIED / INTERPRETATION rows.

    A weak row that did not change this result (``not_applied``) gets a note, not a warning.
    """
    notes, warnings = [], []
    for row in rows:
        if row.status in ("UNVERIFIED", "INTERPRETATION") and any(row is x for x in not_applied):
            notes.append(
                f"{row.label} ({row.citation.label()}) は {row.status} だが、この計算では適用されない / "
                f"{row.citation.label()} is {row.status} in saiken's sources ({row.citation.en}); it does not apply here"
            )
        elif row.status in ("UNVERIFIED", "INTERPRETATION"):
            warnings.append(
                f"{row.label} ({row.citation.label()}) は {row.status}: 提出前に条文を確認 / "
                f"{row.citation.label()} is {row.status} in saiken's sources ({row.citation.en}): check the statute before filing"
            )
        elif row.status == "VERIFIED-SECONDARY":
            notes.append(
                f"{row.label} ({row.citation.label()}) は二次資料で確認 (VERIFIED-SECONDARY) / "
                f"{row.citation.label()} ({row.citation.en}): confirmed from secondary sources only (VERIFIED-SECONDARY)"
            )
    return notes, warnings


def _common_notes(tax: bool) -> list[str]:
    notes = []
    if tax:
        notes.append(
            "民事執行法153条の範囲変更は民事執行の手続のもの。国税の滞納処分には及ばない (INTERPRETATION) / "
            "the court's power to widen or narrow the range (Civil Execution Act art. 153) belongs to civil "
            "execution; it does not govern tax collection (INTERPRETATION)"
        )
    else:
        notes.append(
            "民事執行法153条: 申立てにより、執行裁判所は差押禁止の範囲を拡げ又は縮めることができる。本計算はこれを予測しない / "
            "Civil Execution Act art. 153: on application the court may widen or narrow the protected range; "
            "saiken does not predict it"
        )
    notes += [
        "通勤手当は基準額に含めない (差押債権目録「ただし通勤手当を除く」) / the commuting allowance is not part of the base",
        "公的年金等の給付は各法律で差押えが原則禁止されている (例: 国民年金法24条、厚生年金保険法41条1項)。本計算の対象外 / "
        "public pension benefits are generally protected by their own statutes; saiken does not compute them",
        "給与が預金口座に振り込まれた後は預金債権となり、この制限はない (範囲変更の申立ては別) / once paid into a bank "
        "account the money is a deposit claim and this limit no longer applies",
        "組合費・社内貸付の返済・財形等の控除は基準額から差し引かない (INTERPRETATION: 差押債権目録は税と社会保険料のみを挙げる) / "
        "union dues, company-loan repayments and savings are not deducted from the base (INTERPRETATION)",
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
        assumptions.append(
            f"支払日の指定なし: {inp.paid_on.isoformat()} (日本時間の本日) の法令で計算 / no --paid-on: the rules in force on "
            f"{inp.paid_on.isoformat()} (today in Japan) were used"
        )
    if inp.tax:
        return _compute_tax(inp, net, comp, steps, assumptions, warnings)
    return _compute_civil(inp, net, comp, steps, assumptions, warnings)


def _cap_for(table: rules.Table, period: Period, paid_on: date) -> tuple[int | None, Row, str]:
    """(cap in yen or None, the row, how it was derived)."""
    if period.kind == "retirement":
        row = table.row_on(paid_on, "cap.retirement")
        return None, row, "上限なし (民事執行法152条2項) / no cap (art. 152(2))"
    if period.kind in ("monthly", "semimonthly", "dekad", "daily", "bonus"):
        row = table.row_on(paid_on, f"cap.{period.kind}")
        return row["cap_yen"], row, row.citation.label()
    if period.kind == "months":
        row = table.row_on(paid_on, "cap.months")
        per = row["cap_per_month_yen"]
        return per * period.count, row, f"{row.citation.label()}: {per:,}円 × {period.count}"
    # weekly and days:N are "other periods": per day × days (施行令2条1項6号)
    row = table.row_on(paid_on, "cap.days")
    per = row["cap_per_day_yen"]
    days = period.days
    return per * days, row, f"{row.citation.label()}: {per:,}円 × {days}日"


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
        Step("protected_by_fraction", f"手取り × {frac_label} / net x {frac_label}", None, by_fraction, frow.citation.label()),
    ]
    if cap is not None:
        steps.append(Step("cap", "差押禁止額の上限 / cap on the protected amount", cap, basis=cap_basis))
    steps += [
        Step(
            "protected_exact",
            ("差押禁止額 = min(手取り × 割合, 上限) / protected = min(net x fraction, cap)" if cap is not None
             else "差押禁止額 (上限なし) / protected (no cap)"),
            None,
            protected_exact,
        ),
        Step("garnishable", "差押可能額 = 手取り − 差押禁止額 / garnishable = net - protected", garnishable,
             net - protected_exact, basis=inp.rounding),
        Step("protected", "差押禁止額 (債務者の手元に残る額) / protected (the debtor keeps)", protected),
    ]

    rows = [frow, crow]
    citations: list[Citation] = []
    for r in rows:
        citations.extend(r.citations)
    if claim == "support":
        citations.extend(table.row_on(inp.paid_on, "fraction.ordinary").citations[:1])
    citations.append(ART_153)

    notes: list[str] = []
    if which == "cap":
        notes.append(
            f"手取りが {threshold_exact_text(threshold_exact)}円 を超えるため上限 {cap:,}円 を適用: 差押可能額 = 手取り − {cap:,}円 / "
            f"net above {threshold_exact_text(threshold_exact)} yen: the cap applies, garnishable = net - {cap:,}"
        )
    elif cap is not None:
        notes.append(
            f"手取りが {threshold_exact_text(threshold_exact)}円 以下のため {frac_label} を適用 (上限 {cap:,}円 に達しない) / "
            f"net at or below {threshold_exact_text(threshold_exact)} yen: the fraction applies (the {cap:,} cap is not reached)"
        )
    if retirement:
        # the monthly cap in force that day, for the example amount (saiken holds none before its first row)
        monthly = [r for r in table.rows if r.key == "cap.monthly" and r.covers(inp.paid_on)]
        example = f" ({monthly[0]['cap_yen']:,}円等) " if monthly else ""
        notes.append(
            f"退職手当には施行令2条の上限{example}はない (民事執行法152条2項) / no Cabinet Order cap on a "
            "retirement allowance (art. 152(2))"
        )
    if period.kind == "weekly":
        per_day = crow["cap_per_day_yen"]
        notes.append(
            f"毎週払いは施行令2条1項6号「その他の期間」: {per_day:,}円 × {period.days}日 = {cap:,}円 / weekly pay is an "
            f"'other period' (item 6): {per_day:,} yen x {period.days} days"
        )
    if period.kind == "days" and (period.count in (1, 10, 15) or 28 <= (period.count or 0) <= 31):
        notes.append(
            "支払期が毎日・毎旬・毎半月・毎月なら --period daily / dekad / semimonthly / monthly を使う "
            "(施行令2条1項1〜3号・5号の上限) / if pay is due daily, every ten days, twice a month or monthly, "
            "use that period: items 1-3 and 5 fix the cap"
        )
    if claim == "support":
        notes.append(
            f"扶養義務等の請求 (婚姻費用・養育費等, 民事執行法151条の2第1項) は差押禁止 {fraction_ja(f)} (152条3項); 上限は同じ / "
            f"support claims: {frac_label} protected (art. 152(3)); the same cap"
        )
    more_notes, more_warn = _status_messages(rows)
    notes += more_notes
    warnings = list(warnings) + more_warn
    w = table.beyond_verified(inp.paid_on)
    if w:
        warnings.append(w)
    notes += _common_notes(tax=False)
    notes.append(rounding_text(inp.rounding))
    assumptions = list(assumptions)
    assumptions.append(
        "基準額は給料 (基本給と諸手当、通勤手当を除く) から所得税・住民税・社会保険料を控除した残額 / the base is pay "
        "(basic pay and allowances, without commuting allowance) less income tax, resident tax and social insurance"
    )
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
        warnings = list(warnings) + [
            f"--dependents の指定なし: 生計を一にする親族 0人として計算 (1人につき月{per_dep:,}円が差押禁止に加わる) / "
            f"--dependents not given: 0 assumed (each adds {per_dep:,} yen a month to the protected amount)"
        ]
    if inp.commute_yen:
        warnings = list(warnings) + [
            "国税徴収法76条で通勤手当を給料等から除くかは未確認 (UNVERIFIED): 民事執行と同じく除いた / whether "
            "tax garnishment excludes the commuting allowance was not verified (UNVERIFIED); it was excluded as in civil execution"
        ]
    months = period.months
    per_month = r_base["amount_yen"] + r_dep["amount_yen"] * n
    base = per_month * months
    rate: Fraction = r_rate["rate"]
    slice_cap = base * r_mult["multiple"]
    pct = percent_text(rate)
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
        "cap_basis": f"{r_mult.citation.label()}: {r_mult['multiple']} × {base:,}円"
        + (" (UNVERIFIED)" if r_mult.status == "UNVERIFIED" else ""),
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
    base_label = (
        f"{r_base['amount_yen']:,} + {r_dep['amount_yen']:,} × {n}"
        + (f" × {months}か月" if months != 1 else "")
    )
    steps = list(steps) + [
        Step("base", f"差押禁止の基礎額 ({base_label}) / base ({base_label})", base, basis=r_base.citation.label()),
        Step("rest", "残額 = 手取り − 基礎額 / rest = net - base", max(net - base, 0)),
        Step("slice", f"残額 × {pct}% (上限: 基礎額の{mult}倍) / rest x {pct}% (capped at {mult} x base)", None, slice_exact,
             r_rate.citation.label()),
        Step("protected_exact", f"差押禁止額 = 基礎額 + {pct}%部分 / protected = base + slice", None, protected_exact),
        Step("garnishable", "差押可能額 = 手取り − 差押禁止額 / garnishable = net - protected", garnishable,
             net - protected_exact, basis=inp.rounding),
        Step("protected", "差押禁止額 (手取りのうち) / protected (out of the net)", protected),
    ]
    rows = [r_base, r_dep, r_rate, r_mult]
    if practice is not None:
        rows.append(r_unit)
        tax["practice"] = practice
        steps.append(Step("practice", f"徴収実務の千円単位: 差押可能額 {practice['garnishable_yen']:,}円 / the tax offices' "
                          f"1,000-yen practice: {practice['garnishable_yen']:,} yen garnishable", practice["garnishable_yen"],
                          basis=r_unit.citation.label()))
    citations: list[Citation] = [ART_76_1_1_3]
    for r in rows:
        citations.extend(r.citations)
    notes = [
        f"{pct}%部分は差押禁止額の一部であり、差押可能額ではない (国税徴収法76条1項5号: 差し押えることができない金額の合計に含まれる) / the {pct}% slice is part of the "
        "PROTECTED amount, not the seizable amount",
        "所得税・住民税 (森林環境税を含む)・社会保険料 (76条1項1〜3号) も差押禁止: --net はこれらを控除した後の額 / "
        "income tax, resident taxes and social insurance (items 1-3) are protected too: --net is after them",
        "--dependents は滞納者と生計を一にする配偶者その他の親族の人数 (施行令34条; 税法上の扶養親族に限らない) / "
        "--dependents counts the spouse and relatives living on the same income (施行令34条)",
        "同じ期間に二以上の給料等があるときは合算して計算する (76条) / pay from two sources in one period is added together",
    ]
    if which == "base_only":
        notes.append(
            f"手取りが基礎額 {base:,}円 以下: 差押可能額 0円 / net at or below the base: nothing may be seized"
        )
    more_notes, more_warn = _status_messages(rows, () if which == "slice_cap" else (r_mult,))
    notes += more_notes
    warnings = list(warnings) + more_warn
    w = table.beyond_verified(inp.paid_on)
    if w:
        warnings.append(w)
    notes += _common_notes(tax=True)
    notes.append(rounding_text(inp.rounding))
    assumptions = list(assumptions)
    assumptions.append(
        "T = 給料等から所得税・住民税・社会保険料を控除した額 (--net; 通勤手当を除く) / T = pay after income tax, "
        "resident tax and social insurance (--net, without commuting allowance)"
    )
    if practice is not None and comp is None:
        assumptions.append(
            "--rounding tax-1000 で --net のみ: 1〜3号が手取りに含まれて分からないため手取りを千円未満切捨て。"
            "実務どおりには --gross と各控除額を指定 / with --net only, items 1-3 are not known apart: the net is "
            "floored to 1,000 yen; give --gross and the deductions for the office's own figure"
        )
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
