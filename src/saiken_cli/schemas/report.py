"""JSON Schema of `saiken report CASE.toml --format json`.

Two shapes, by the kind of case file:

- a **matter** (``"kind": "matter"``: ``[case]``, ``[income]``, ``[[debt]]``): the debts (each
  with the ``damages``, ``jikou`` and ``kabarai`` payloads it rests on, validated by those
  commands' own schemas), ``totals``, ``deadlines``, ``options`` and ``garnishment``;
- a **one-debt** case file: ``sections``, each ``result`` exactly the ``--json`` payload of
  the command it names.

The matter's own messages are ``{"code", "params", "text"}`` (``text`` in the ``--lang``
language); the commands' payloads keep their own message form.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import Field, RootModel

from saiken_cli.schemas import damages, fees, jikou, kabarai, saisei, sashiosae, seigen
from saiken_cli.schemas._common import IsoDate, Message, Strict, Today, Yen

SectionResult = Annotated[
    Union[damages.Output, jikou.Output, sashiosae.Output, seigen.Output, kabarai.Output, fees.Output, saisei.Output],
    Field(discriminator="command"),
]


class Meta(Strict):
    created_on: IsoDate = Field(description="作成日: the date in Japan when the report was made.")
    saiken_version: str
    rules_data: str = Field(description="Identifier of the rule data used (sha256 over the rule files).")


class Section(Strict):
    command: Literal["damages", "jikou", "sashiosae", "seigen", "kabarai", "fees", "saisei"]
    input: dict[str, Union[str, list[str]]] = Field(description="The flags the section ran with (as in the case file).")
    result: SectionResult


class OneDebtOutput(Strict):
    """One-debt case: every section computed by its command, in the order damages → jikou → sashiosae → the rest."""

    schema_version: Literal["3"]
    command: Literal["report"]
    case: dict[str, Union[str, int]] = Field(description="The [case] table, with as_of (the report date).")
    sections: list[Section]
    warnings: list[Union[Message, str]] = Field(
        description="Every section's warnings: report.section_warning items (params: section, warning_msg), "
        "or, for a calculator whose messages are not yet items, a line prefixed with [section]."
    )
    today: Optional[Today] = Field(None, description="Only when a date defaulted to today (in Japan): that date and its source.")
    meta: Meta


class Overpayment(Strict):
    overpayment_yen: Yen
    interest_yen: Yen
    claim_total_yen: Yen
    prescription_date: IsoDate
    status: Literal["running", "partly_completed", "completed"] = Field(
        description="kabarai's time_bar on the 基準日: completed (barred), partly_completed (the part arising from 2020-04-01), running."
    )
    days_remaining: Optional[int]


class Debt(Strict):
    index: int = Field(description="1-based position of the [[debt]] table in the file.")
    table: str
    creditor: str
    creditor_address: Optional[str]
    original_creditor: Optional[str]
    account_number: Optional[str]
    note: Optional[str]
    facts: dict[str, Union[str, bool, list[str]]] = Field(description="The checked keys of the [[debt]] table.")
    inputs: dict[str, dict[str, Union[str, bool, list[str]]]] = Field(
        description="The flags each single command ran with for this debt (damages, jikou, kabarai)."
    )
    basis: Literal["claimed", "recalculated"] = Field(description="recalculated: the 引き直し balance replaced the claimed one.")
    claimed_principal_yen: Optional[Yen]
    claimed_interest_yen: Yen
    principal_yen: Yen
    interest_yen: Yen
    damages_yen: Yen
    payments_yen: Yen
    total_owed_yen: Yen = Field(description="残元本 + 未払利息 + 遅延損害金 on the 基準日.")
    time_barred: bool = Field(description="Prescription has completed and may be invoked (and something is owed).")
    overpayment: Optional[Overpayment]
    damages: Optional[damages.Output]
    jikou: Optional[jikou.Output]
    kabarai: Optional[kabarai.Output]
    flags: list[Message] = Field(description="Points that need a lawyer's eye.")
    assumptions: list[Message]
    notes: list[Message]
    warnings: list[Message]


class Totals(Strict):
    creditors: int
    principal_yen: Yen
    interest_yen: Yen
    damages_yen: Yen
    total_owed_yen: Yen
    time_barred_yen: Yen = Field(description="Owed on debts whose prescription has completed and may be invoked.")
    not_time_barred_yen: Yen
    overpayment_yen: Yen
    overpayment_interest_yen: Yen
    overpayment_claim_yen: Yen = Field(description="過払金 + 過払利息 of claims not yet prescribed.")


class Deadline(Strict):
    date: IsoDate
    days_remaining: int
    debt: int
    creditor: str
    kind: Literal["jikou_completion", "suspension_end", "reading_completion", "overpayment_prescription",
                  "overpayment_prescription_known"]
    message: Message


class NinICreditor(Strict):
    debt: int
    creditor: str
    balance_yen: Yen
    schedules: dict[Literal["36", "60"], saisei.Schedule]


class NinI(Strict):
    base: Literal["total", "principal"]
    creditors: list[NinICreditor]
    balance_yen: Yen
    monthly_total_yen: dict[Literal["36", "60"], Yen]
    assumptions: list[Message]
    warnings: list[Message]


class Saisei(Strict):
    debt_yen: Yen = Field(description="基準債権: the debts included (time-barred ones only with include-barred).")
    available: bool
    minimum_repayment_yen: Optional[Yen]
    plan_total_yen: Optional[Yen]
    monthly_36_yen: Optional[Yen]
    monthly_60_yen: Optional[Yen]
    result: Optional[saisei.Output]
    assumptions: list[Message]
    notes: list[Message]


class Options(Strict):
    nin_i: NinI
    saisei: Saisei


class Garnishment(Strict):
    garnishable_yen: Yen
    protected_yen: Yen
    net_yen: Yen
    period: str
    payments_to_cover: Optional[int]
    result: sashiosae.Output
    notes: list[Message]


class MatterOutput(Strict):
    """A matter: one debtor, every creditor."""

    schema_version: Literal["3"]
    command: Literal["report"]
    kind: Literal["matter"]
    case: dict[str, Union[str, bool]] = Field(description="The [case] table (keys with _), as_of and as_of_source.")
    include_barred: bool
    debts: list[Debt]
    totals: Totals
    deadlines: list[Deadline] = Field(description="Dates on or after the 基準日, soonest first.")
    options: Options
    garnishment: Optional[Garnishment]
    warnings: list[Message]
    today: Optional[Today] = Field(None, description="Only when the 基準日 defaulted to today (in Japan): that date and its source.")
    meta: Meta


class Output(RootModel[Union[MatterOutput, OneDebtOutput]]):
    """`saiken report --format json`: a matter, or a one-debt case file."""
