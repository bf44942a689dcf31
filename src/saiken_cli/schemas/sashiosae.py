"""JSON Schema of `saiken sashiosae --json` (schema_version "3": labels, cap basis, rounding text and messages as items {code, params, text})."""

from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field
from saiken_cli.schemas._common import Citation as CitationOut, Message, RuleRow, Today


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PeriodDetail(_Strict):
    kind: Literal["monthly", "semimonthly", "dekad", "weekly", "daily", "days", "months", "bonus", "retirement"]
    label: Message = Field(description="the pay period phrased (garnishment.period_*)")
    days: Optional[int] = Field(description="days in the period (weekly 7, daily 1, days:N); null otherwise")
    months: Optional[int] = Field(description="months in the period (monthly 1, months:N); null otherwise")


class NetComputation(_Strict):
    gross_yen: int
    income_tax_yen: int
    resident_tax_yen: int
    social_insurance_yen: int
    commute_yen: int
    net_yen: int


class Rule(_Strict):
    kind: Literal["ordinary", "support", "tax"]
    fraction: str = Field(description="protected fraction: of net (3/4, 1/2) or, for tax, of the net above the base (1/5)")
    fraction_of: Literal["net", "net_above_base"]
    garnishable_fraction: Optional[str]
    cap_yen: Optional[int] = Field(description="cap on the protected amount (civil) or on the 20% slice (tax); null: no cap (退職手当)")
    cap_of: Optional[Literal["protected", "slice"]]
    cap_basis: Message = Field(description="how the cap was derived (garnishment.cap_basis_*)")
    threshold_yen: Optional[int] = Field(description="the highest whole-yen net at which the cap does not yet apply")
    threshold_exact: Optional[str]
    which: Literal["fraction", "fraction_no_cap", "cap", "base_only", "slice", "slice_cap"]
    base_yen: Optional[int] = Field(description="tax only: (100,000 + 45,000 × n) × months")


class TaxPractice(_Strict):
    """--rounding tax-1000: the tax offices' 1,000-yen practice (中野市's published procedure)."""

    unit_yen: int
    pay_yen: int = Field(description="① the pay, floored to the unit (from --gross less the commuting allowance, or --net).")
    items_1_3_yen: list[int] = Field(description="76条1項1〜3号, each rounded up to the unit (0 with --net: inside it).")
    item_4_yen: int
    item_5_yen: int = Field(description="(① − items 1-4) × 20%, rounded up to the unit, at most 2 × item 4.")
    garnishable_yen: int
    from_: Literal["gross", "net"] = Field(alias="from")


class Tax(_Strict):
    practice: Optional[TaxPractice] = None
    dependents: int
    months: int
    base_per_month_yen: int
    per_dependent_per_month_yen: int
    base_yen: int
    rest_yen: int
    slice_exact: str
    slice_cap_yen: int


class Step(_Strict):
    step: str
    label: Message
    yen: Optional[int]
    exact: Optional[str]
    basis: Optional[Union[Message, str]] = Field(
        description="a citation label, or a message: an input as given, the rounding, how the cap was derived"
    )


class Rounding(_Strict):
    direction: Literal["floor", "ceil", "tax-1000"]
    applies_to: Literal["garnishable"]
    status: Literal["UNVERIFIED", "VERIFIED-OFFICIAL"] = Field(
        description="UNVERIFIED: the statute is silent on fractions of a yen; VERIFIED-OFFICIAL: tax-1000, a tax office's published practice."
    )
    text: Message


class Output(_Strict):
    schema_version: Literal["3"]
    command: Literal["sashiosae"]
    paid_on: str = Field(description="YYYY-MM-DD: the pay date whose rules were applied")
    period: str = Field(description="monthly, semimonthly, dekad, weekly, daily, days:N, months:N, bonus, retirement")
    period_detail: PeriodDetail
    claim: Literal["ordinary", "support", "tax"]
    net_yen: int
    garnishable_yen: int
    protected_yen: int
    net_computation: Optional[NetComputation]
    rule: Rule
    tax: Optional[Tax]
    steps: list[Step]
    rounding: Rounding
    rule_rows: list[RuleRow]
    citations: list[CitationOut]
    assumptions: list[Message]
    notes: list[Message]
    warnings: list[Message]
    today: Optional[Today] = Field(None, description="Only when a date defaulted to today (in Japan): that date and its source.")
