"""JSON Schema of `saiken kabarai --json` (pydantic v2; imported only for `saiken schema` and tests)."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from saiken_cli.schemas._common import Citation, Message, Today


class DayPart(BaseModel):
    model_config = ConfigDict(extra="forbid")
    days: int
    denominator: Literal[365, 366]


class OverpayRate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rate_percent: str
    principal_yen: int


class LedgerRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    series: int
    line: Optional[int]
    date: str
    kind: Literal["borrow", "repay", "borrow+repay", "as_of"]
    borrow_yen: int
    repay_yen: int
    days: int
    whole_years: int
    day_parts: list[DayPart]
    rate_percent: Optional[str]
    interest_yen: int
    to_interest_yen: int
    to_principal_yen: int
    unpaid_interest_yen: int
    balance_yen: int
    overpay_rates: list[OverpayRate]
    overpayment_interest_yen: int
    absorbed_interest_yen: int
    absorbed_overpayment_yen: int
    overpayment_interest_total_yen: int


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    overpay_interest: Literal["5", "3", "split"]
    first_day: Literal["one-end", "both-ends"]
    leap: Literal["calendar", "365", "court"]
    split_at: list[str]
    series: Literal["one", "split"]


class CapChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    series: int
    date: str
    principal_yen: int
    rate_percent: str


class Tranche(BaseModel):
    model_config = ConfigDict(extra="forbid")
    arose_on: str
    rate_percent: str
    amount_yen: int


TimeBar = Literal["barred", "new_law_part_barred", "not_barred", "no_claim"]


class Series(BaseModel):
    model_config = ConfigDict(extra="forbid")
    index: int
    first_date: str
    last_transaction_date: str
    balance_yen: int
    unpaid_interest_yen: int
    overpayment_yen: int
    overpayment_interest_yen: int
    claim_total_yen: int
    cap_rate_percent: str
    overpayment_tranches: list[Tranche]
    prescription_date: str
    prescription_status: str
    new_law_overpayment_yen: int
    knowledge_date: Optional[str]
    subjective_prescription_date: Optional[str]
    time_bar: TimeBar


class Rounding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    direction: Literal["floor"]
    step: Literal["each_interval"]
    basis: Message


class Output(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: Literal["3"]
    command: Literal["kabarai"]
    source: str
    first_date: str
    last_transaction_date: str
    as_of: str
    borrowed_yen: int
    repaid_yen: int
    balance_yen: int
    unpaid_interest_yen: int
    overpayment_yen: int
    overpayment_interest_yen: int
    claim_total_yen: int
    prescription_date: str
    time_bar: TimeBar = Field(description="As of as_of (the 基準日 of every section): barred | new_law_part_barred (the part arising from 2020-04-01, 民法166条1項1号) | not_barred | no_claim.")
    headline: Message = Field(description="The first line of the output: whether the claim is time-barred as of as_of.")
    options: Options
    cap_changes: list[CapChange]
    series: list[Series]
    ledger: list[LedgerRow]
    rounding: Rounding
    citations: list[Citation]
    assumptions: list[Message]
    notes: list[Message]
    warnings: list[Message]
    today: Optional[Today] = Field(None, description="Only when --as-of defaulted to today (in Japan): that date and its source.")
