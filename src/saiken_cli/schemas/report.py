"""JSON Schema of `saiken report CASE.toml --format json`.

Each section's ``result`` is exactly the ``--json`` payload of the command it names, so it
is validated by that command's own schema (a union discriminated by ``command``).
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from saiken_cli.schemas import damages, fees, jikou, kabarai, saisei, sashiosae, seigen
from saiken_cli.schemas._common import Strict, Today

SectionResult = Annotated[
    Union[damages.Output, jikou.Output, sashiosae.Output, seigen.Output, kabarai.Output, fees.Output, saisei.Output],
    Field(discriminator="command"),
]


class Section(Strict):
    command: Literal["damages", "jikou", "sashiosae", "seigen", "kabarai", "fees", "saisei"]
    input: dict[str, Union[str, list[str]]] = Field(description="The flags the section ran with (as in the case file).")
    result: SectionResult


class Output(Strict):
    """One case: every section computed by its command, in the order damages → jikou → sashiosae → the rest."""

    schema_version: Literal["1"]
    command: Literal["report"]
    case: dict[str, Union[str, int]] = Field(description="The [case] table, with as_of (the report date).")
    sections: list[Section]
    warnings: list[str] = Field(description="Every section's warnings, prefixed with [section].")
    today: Optional[Today] = Field(None, description="Only when a date defaulted to today (in Japan): that date and its source.")
