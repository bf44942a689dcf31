"""JSON Schema of `saiken jikou --json` (schema_version "5")."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field
from saiken_cli.schemas._common import Citation, Message, Strict as _Strict, Today

Date = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class StartingPoint(_Strict):
    date: str = Date
    fact: Literal[
        "--last-payment", "--due-date", "--acceleration-date", "--subrogation-date", "--judgment-date",
        "--tort-date", "--knew-damage-on",
    ]
    first_counted_day: str = Date


Kind = Literal[
    "shounin", "saikoku", "kyogi", "kyozetsu", "teiso", "tokusoku", "hanketsu", "torisage", "sashiosae",
    "karisashiosae", "shuryo",
]


class EventOut(_Strict):
    date: str = Date
    kind: Kind
    kind_ja: str
    effect: Message = Field(description="What the event did: 更新 / 完成猶予 until … / no effect and why")
    completion_after: Optional[str] = Field(None, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                            description="completion date after this event; null while a proceeding is pending")
    source: str = Field(description="--event, or --last-payment when the last payment acts as an acknowledgment")


class BarredCompletion(_Strict):
    completed_on: str = Date
    acknowledged_on: str = Date


class Holiday(_Strict):
    apply_142: bool
    completion_day_closed: Optional[Message] = Field(description="Why the completion date is a court holiday (calendar.*), or null")
    unextended_completion_date: Optional[str]


class Reading(_Strict):
    regime: Literal["old", "new"]
    period_years: int
    completion_date: Optional[str]
    invocable_from: Optional[str]
    status: Literal["completed", "running", "suspended"]
    days_remaining: Optional[int]
    reason: Optional[Message]
    period_basis: Message
    suspension_reading: Literal["drafters", "literal"] = Field(description="The reading of 150条2項・151条3項 this figure uses.")


class Limb(_Strict):
    starting_date: str = Date
    first_counted_day: str = Date
    period_years: int
    completion_date: Optional[str] = Field(description="null while a proceeding is pending")
    period_basis: Message


class Knowledge(_Strict):
    knew_on: str = Date
    applies: bool = Field(description="false under the old law (no subjective period) or for a right fixed by judgment (169条)")
    subjective: Optional[Limb] = Field(None, description="166条1項1号: 5 years from the creditor's knowledge")
    objective: Optional[Limb] = Field(None, description="166条1項2号: 10 years from when the right could be exercised")
    governing: Optional[Literal["subjective", "objective"]] = Field(None, description="the limb that ends first (on a tie: subjective)")


class TortLimb(_Strict):
    regime: Literal["old", "new"]
    nature: Literal["prescription", "exclusion"] = Field(
        description="prescription (消滅時効), or exclusion: the old 724条後段's 除斥期間 (附則35条1項), which no event extends"
    )
    starting_date: str = Date
    first_counted_day: str = Date
    period_years: int
    completion_date: Optional[str] = Field(description="null while a proceeding is pending")
    period_basis: Message
    reason: Message = Field(description="Why this law for this limb (附則35条, 附則10条4項)")


class Tort(_Strict):
    tort_date: str = Date
    knew_damage_on: Optional[str] = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="損害及び加害者を知った日, or null")
    life_body: bool = Field(description="人の生命又は身体を害する不法行為 (724条の2: 5 years from knowledge)")
    subjective: Optional[TortLimb] = Field(description="724条1号 / 724条の2 / old 724条前段; null without the knowledge date")
    objective: TortLimb = Field(description="724条2号 (20 years, prescription) or old 724条後段 (除斥期間)")
    governing: Literal["subjective", "objective"] = Field(description="the limb that ends first (on a tie: subjective)")


class Output(_Strict):
    schema_version: Literal["5"]
    command: Literal["jikou"]
    completion_date: Optional[str] = Field(description="時効完成日 (completes at the end of this day); null while pending")
    invocable_from: Optional[str] = Field(
        description="the first day 援用 is possible (completion + 1 day); null while pending, or for a 除斥期間 (no 援用)"
    )
    regime: Literal["old", "new"]
    period_years: int
    status: Literal["completed", "running", "suspended"]
    as_of: str = Date
    days_remaining: Optional[int]
    starting_point: StartingPoint
    reason: Optional[Message] = Field(description="Why this regime (附則10条)")
    period_basis: Message
    creditor: Optional[str] = Field(description="the creditor type (--creditor); null for a tort claim")
    debtor_merchant: bool
    claim_type: str
    events: list[EventOut]
    pending_proceedings: list[Kind]
    barred_completions: list[BarredCompletion]
    invocation_barred: bool
    holiday: Holiday
    suspension_reading: Literal["drafters", "literal"] = Field(
        description="「時効の完成が猶予されている間」 (150条2項・151条3項): drafters (default; 一問一答 Q25 注: only after the would-be completion date) or literal (from the 催告 itself)."
    )
    knowledge: Optional[Knowledge] = Field(
        description="166条1項 with --knew-on: both limbs and the one that governs; null without --knew-on"
    )
    tort: Optional[Tort] = Field(
        description="不法行為 (--claim-type tort): both limbs of 724条 and the one that governs; null otherwise"
    )
    readings: list[Reading]
    citations: list[Citation]
    assumptions: list[Message]
    notes: list[Message]
    warnings: list[Message]
    today: Optional[Today] = Field(None, description="Only when a date defaulted to today (in Japan): that date and its source.")
