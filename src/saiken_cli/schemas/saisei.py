"""JSON Schema of `saiken saisei --json` (pydantic v2; imported only by tests and `saiken schema`)."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

from saiken_cli.schemas._common import Citation as CitationOut, Message


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Test(Strict):
    test: Literal["minimum_repayment", "liquidation_value", "disposable_income"]
    amount_yen: int
    basis: str


class Schedule(Strict):
    months: int
    total_yen: int
    rounding_unit_yen: int
    regular_yen: int
    regular_count: int
    last_yen: int
    method: Literal["ceil", "floor"]


class Installments(Strict):
    rounding: Literal["yen", "100", "1000"]
    rounding_unit_yen: int
    schedules: list[Schedule]


class Rounding(Strict):
    minimum: str
    installments: str


class NinI(Strict):
    balance_yen: int
    months: int
    monthly_yen: int
    last_yen: int
    schedule: Schedule
    future_interest: Literal["cut"]
    status: str


class Output(Strict):
    schema_version: Literal["3"]
    command: Literal["saisei"]
    debt_yen: int
    procedure: Literal["shokibo", "kyuyo"]
    minimum_repayment_yen: int
    minimum_rule: Literal["all", "floor", "one_fifth", "cap", "one_tenth"]
    minimum_formula: str
    tests: list[Test]
    plan_total_yen: int
    binding_test: Literal["minimum_repayment", "liquidation_value", "disposable_income"]
    capped_at_debt: bool
    monthly_36_yen: int
    last_36_yen: int
    monthly_60_yen: int
    last_60_yen: int
    installments: Installments
    rounding: Rounding
    nin_i: Optional[NinI]
    citations: list[CitationOut]
    assumptions: list[Message]
    notes: list[Message]
    warnings: list[Message]
