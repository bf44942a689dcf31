"""JSON Schema of `saiken rules --json` (every rule table, ``rules.Table.to_dict``)."""

from __future__ import annotations

from typing import Literal, Optional

from saiken_cli.schemas._common import IsoDate, RuleRow, Strict


class Table(Strict):
    id: str
    title_ja: str
    title_en: str
    keyed_on: str
    unit: Optional[str] = None
    units: Optional[dict[str, str]] = None
    verified_through: Optional[IsoDate] = None
    verified_on: Optional[IsoDate] = None
    notes: Optional[list[str]] = None
    rows: list[RuleRow]


class Output(Strict):
    """法令データ: every rule table with its dated rows and citations."""

    schema_version: Literal["2"]
    command: Literal["rules"]
    tables: list[Table]
    warnings: list[str]
