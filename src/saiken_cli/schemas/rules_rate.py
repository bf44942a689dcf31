"""JSON Schema of `saiken rules rate --json` (the 法定利率 on a date)."""

from __future__ import annotations

from typing import Literal

from saiken_cli.schemas._common import Citation, DecimalStr, IsoDate, Message, RuleRow, Strict


class Output(Strict):
    """法定利率 for a default that began on ``on`` (民法404条・419条1項)."""

    schema_version: Literal["3"]
    command: Literal["rules rate"]
    on: IsoDate
    commercial: bool
    rate: DecimalStr
    rate_percent: DecimalStr
    basis: Literal["legal-civil", "legal-commercial"]
    row: RuleRow
    citations: list[Citation]
    notes: list[Message]
    warnings: list[Message]
