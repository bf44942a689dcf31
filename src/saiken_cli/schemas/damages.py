"""JSON Schema of `saiken damages --json` (calc/damages.py ``DamagesResult.to_dict``)."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from saiken_cli.schemas._common import Citation, DecimalStr, IsoDate, Message, RuleRow, Strict, Yen

Method = Literal["simple365", "court", "court-each", "court-365", "kyotaku", "actual"]
ExactYen = Field(pattern=r"^[0-9]+\.[0-9]{6}$", description="The exact amount before rounding, 6 decimal places (display only).")


class Part(Strict):
    """One term of the sum: whole years at the annual rate, or days over a year length."""

    kind: Literal["years", "days"]
    from_: Optional[IsoDate] = Field(None, alias="from")
    to: Optional[IsoDate] = None
    years: Optional[int] = Field(None, ge=1)
    days: Optional[int] = Field(None, ge=1)
    denominator: Optional[Literal[365, 366]] = None
    exact_yen: str = ExactYen
    amount_yen: Optional[Yen] = Field(None, description="Floored, when the method floors each part.")


class Application(Strict):
    """How one payment was applied: 費用 → 損害金 → 元本 (民法489条)."""

    date: IsoDate
    amount_yen: Yen
    to_costs_yen: Yen
    to_damages_yen: Yen
    to_principal_yen: Yen
    excess_yen: Yen
    principal_after_yen: Yen
    unpaid_damages_after_yen: Yen


class Segment(Strict):
    from_: Optional[IsoDate] = Field(alias="from")
    to: Optional[IsoDate]
    days: int = Field(ge=0)
    principal_yen: Yen
    rate: DecimalStr
    amount_yen: Yen
    parts: list[Part]
    payment: Optional[Application] = None


class Rounding(Strict):
    direction: Literal["floor"]
    unit_yen: int = Field(ge=1)
    step: Literal["total", "each_part", "each_segment"]
    basis: str


class Comparison(Strict):
    method: Method
    total_yen: Yen
    difference_yen: int


class Output(Strict):
    """遅延損害金 (late-payment damages): principal × rate × time (民法419条1項)."""

    schema_version: Literal["3"]
    command: Literal["damages"]
    principal_yen: Yen = Field(ge=1)
    rate: DecimalStr = Field(description="Yearly rate as a fraction (0.2 = 20%).")
    rate_percent: DecimalStr
    rate_basis: Literal["given", "legal-civil", "legal-commercial"]
    method: Method
    from_: Optional[IsoDate] = Field(alias="from", description="First day damages accrue (inclusive); null with --days.")
    to: Optional[IsoDate] = Field(description="Last day (inclusive); null with --days.")
    days: int = Field(ge=1)
    total_yen: Yen = Field(ge=0, description="遅延損害金, floored to the yen.")
    segments: list[Segment]
    rounding: Rounding
    payments_yen: Optional[Yen] = None
    remaining_principal_yen: Optional[Yen] = None
    unpaid_damages_yen: Optional[Yen] = None
    total_owed_yen: Optional[Yen] = None
    comparison: Optional[list[Comparison]] = None
    rate_rows: list[RuleRow]
    citations: list[Citation]
    assumptions: list[Message]
    notes: list[Message]
    warnings: list[Message]
