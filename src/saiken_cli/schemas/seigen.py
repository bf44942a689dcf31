"""JSON Schema of `saiken seigen --json` (pydantic v2; imported only for `saiken schema` and tests)."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field
from saiken_cli.schemas._common import Citation, Message


class CapBracket(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_principal_yen: int
    max_principal_yen: Optional[int]


class Verdict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Literal["risoku_1", "shusshi_5_2", "shusshi_5_1", "kashikin_42", "risoku_4", "risoku_7"]
    title: Message
    exceeded: bool
    limit_percent: str
    compared_percent: str
    basis: Literal["actual", "shusshi_15day", "per_day", "damages"]
    limit_yen: Optional[str]
    max_lawful_interest_yen: Optional[int]
    consequence: Message
    status: str
    citations: list[Citation]


class Rounding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    percent: Message
    yen: str


class Output(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    schema_version: Literal["4"]
    command: Literal["seigen"]
    principal_yen: int
    existing_principal_yen: int
    bracket_principal_yen: int
    lender: Literal["business", "individual"]
    rate_source: Literal["rate", "repay", "per_days"]
    contract_date: Optional[str]
    law_as_of: str
    # the loan period: "from" (lent, counted) and "to" (repaid, not counted)
    from_: Optional[str] = Field(alias="from")
    to: Optional[str]
    days: Optional[int]
    interest_days: int
    interest_yen: int
    interest_exact_yen: str
    annual_rate_percent: str
    shusshi_days: Optional[int]
    shusshi_rate_percent: str
    per_day_percent: str
    cap_rate_percent: str
    cap_bracket: CapBracket
    lawful_interest_yen: int
    lawful_interest_exact_yen: str
    excess_interest_yen: int
    damages_cap_rate_percent: str
    damages_rate_percent: Optional[str]
    lawful: bool
    verdict: Literal["within_cap", "void_excess", "void_excess_damages", "criminal_business", "criminal", "void_contract"]
    verdicts: list[Verdict]
    rounding: Rounding
    citations: list[Citation]
    assumptions: list[Message]
    notes: list[Message]
    warnings: list[Message]
