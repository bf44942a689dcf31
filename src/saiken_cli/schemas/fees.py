"""JSON Schema of `saiken fees --json` (pydantic v2; imported only by tests and `saiken schema`)."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict
from saiken_cli.schemas._common import Citation as CitationOut, Message, Strict


class Thresholds(Strict):
    summary_court_limit_yen: int
    small_claims_limit_yen: int
    shihoshoshi_limit_yen: int


class Multipliers(Strict):
    payment_order: str
    appeal: str
    final_appeal: str


class TierPart(Strict):
    over_yen: int
    up_to_yen: Optional[int]
    per_yen: int
    fee_per_unit_yen: int
    portion_yen: int
    units: int
    amount_yen: int
    status: str


class Breakdown(Strict):
    filing: list[TierPart]
    mediation: list[TierPart]


class Rounding(Strict):
    tiers: str
    multipliers: str


class Output(Strict):
    schema_version: Literal["3"]
    command: Literal["fees"]
    amount_yen: int
    unassessable: bool
    filed_on: Optional[str]
    table_effective_from: str
    filing_fee_yen: int
    payment_order_fee_yen: int
    mediation_fee_yen: int
    appeal_fee_yen: int
    final_appeal_fee_yen: int
    court: Literal["summary", "district"]
    court_ja: Literal["簡易裁判所", "地方裁判所"]
    small_claims_eligible: bool
    shihoshoshi_eligible: bool
    thresholds: Thresholds
    multipliers: Multipliers
    breakdown: Breakdown
    rounding: Rounding
    citations: list[CitationOut]
    assumptions: list[Message]
    notes: list[Message]
    warnings: list[Message]
