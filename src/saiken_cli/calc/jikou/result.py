"""消滅時効: the result — the input, each reading's analysis, and the `saiken jikou --json` payload.

:class:`JikouInput` is what :func:`saiken_cli.calc.jikou.analysis.compute` takes; it returns a
:class:`JikouResult`, whose ``to_dict`` is the `saiken jikou --json` payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from saiken_cli.calc.jikou.events import Event, Timeline
from saiken_cli.calc.jikou.regime import PeriodChoice, RegimeChoice
from saiken_cli.calc.messages import Message, msg, to_dicts
from saiken_cli.rules import Citation, citations_json
from saiken_cli.calc.periods import ONE_DAY

SCHEMA_VERSION = "5"  # 5: tort (724条, --claim-type tort), creditor null for a tort, invocable_from null for a 除斥期間; 4: knowledge (166条1項1号・2号 with --knew-on); 3: reason, period_basis, events[].effect, holiday.completion_day_closed and the notes are message items; 2: citations carry kind (and reporter)

# Starting facts: (field, flag, Japanese label)
FACT_FLAGS = {
    "due": ("--due-date", "期限 (弁済期)"),
    "acceleration": ("--acceleration-date", "期限の利益喪失日"),
    "subrogation": ("--subrogation-date", "代位弁済日 (求償権)"),
    "judgment": ("--judgment-date", "判決確定日"),
    "last_payment": ("--last-payment", "最終返済日"),
    "tort": ("--tort-date", "不法行為の時"),
    "knew_damage": ("--knew-damage-on", "損害及び加害者を知った時"),
}
#: Each starting fact as a term of a message (``fact_msg``).
FACT_TERMS: dict[str, Message] = {
    "due": msg("jikou.fact_due"),
    "acceleration": msg("jikou.fact_acceleration"),
    "subrogation": msg("jikou.fact_subrogation"),
    "judgment": msg("jikou.fact_judgment"),
    "last_payment": msg("jikou.fact_last_payment"),
    "tort": msg("jikou.fact_tort"),
    "knew_damage": msg("jikou.fact_knew_damage"),
}




@dataclass(frozen=True)
class JikouInput:
    as_of: date
    last_payment_on: date | None = None
    due_on: date | None = None
    acceleration_on: date | None = None
    subrogation_on: date | None = None
    judgment_on: date | None = None
    contract_on: date | None = None
    creditor: str = "company"
    debtor_merchant: bool = False
    claim_type: str | None = None
    events: tuple[Event, ...] = ()
    apply_142: bool = False
    suspension_reading: str = "drafters"  # 150条2項・151条3項: drafters | literal (rules/data/suspension_reading.toml)
    knew_on: date | None = None  # 166条1項1号: the day the creditor knew it could exercise the right (new law only)
    tort_on: date | None = None  # 724条2号: 不法行為の時 (--claim-type tort)
    knew_damage_on: date | None = None  # 724条1号: the victim knew of the damage and the tortfeasor
    life_body: bool = False  # 724条の2: damage to life or body



@dataclass(frozen=True)
class Limb:
    """One limb of 166条1項 when the knowledge date is given: its start, period and timeline."""

    name: str  # "subjective" (1号) | "objective" (2号)
    start_on: date
    period: PeriodChoice
    timeline: Timeline

    def to_dict(self) -> dict[str, Any]:
        c = self.timeline.completion_on
        return {
            "starting_date": self.start_on.isoformat(),
            "first_counted_day": (self.start_on + ONE_DAY).isoformat(),
            "period_years": self.timeline.period_years,
            "completion_date": _iso(c),
            "period_basis": self.period.reason.to_dict(),
        }


@dataclass(frozen=True)
class Analysis:
    regime: str
    period: PeriodChoice
    timeline: Timeline
    limbs: tuple[Limb, Limb] | None = None  # (governing, other) when --knew-on applies (new law)
    exclusion: bool = False  # the period is the old 724条後段's 除斥期間: no 援用 (calc/jikou/tort.py)

    def basis(self) -> Message:
        if self.timeline.period_years == self.period.years:
            return self.period.reason
        return msg("jikou.period_after_judgment", basis_msg=self.period.reason, period_years=self.timeline.period_years)

    def status(self, as_of: date) -> tuple[str, int | None]:
        c = self.timeline.completion_on
        if c is None:
            return "suspended", None
        if as_of > c:
            return "completed", None
        return "running", (c - as_of).days


@dataclass(frozen=True)
class JikouResult:
    input: JikouInput
    start_on: date
    start_flag: str
    regime: RegimeChoice
    primary: Analysis
    alternative: Analysis | None
    closed_day: Message | None
    reading_alternative: Analysis | None  # the other reading of 150条2項・151条3項, when it differs
    citations: tuple[Citation, ...]
    assumptions: tuple[Message, ...]
    notes: tuple[Message, ...]
    warnings: tuple[Message, ...]
    tort: Any = None  # calc.jikou.tort.TortInfo for --claim-type tort

    def to_dict(self) -> dict[str, Any]:
        inp, a = self.input, self.primary
        completion = a.timeline.completion_on
        status, remaining = a.status(inp.as_of)
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "command": "jikou",
            "completion_date": _iso(completion),
            "invocable_from": _iso(completion + ONE_DAY if completion and not a.exclusion else None),
            "regime": a.regime,
            "period_years": a.timeline.period_years,
            "status": status,
            "as_of": inp.as_of.isoformat(),
            "days_remaining": remaining,
            "starting_point": {
                "date": self.start_on.isoformat(),
                "fact": self.start_flag,
                "first_counted_day": (self.start_on + ONE_DAY).isoformat(),
            },
            "reason": _item(self.regime.reason if a.regime == self.regime.regime else self.regime.alternative_reason),
            "period_basis": a.basis().to_dict(),
            "creditor": None if self.tort is not None else inp.creditor,
            "debtor_merchant": inp.debtor_merchant,
            "claim_type": inp.claim_type or "loan",
            "events": [e.to_dict() for e in a.timeline.effects],
            "pending_proceedings": list(a.timeline.pending),
            "barred_completions": [
                {"completed_on": c.isoformat(), "acknowledged_on": k.isoformat()} for c, k in a.timeline.barred
            ],
            "invocation_barred": bool(a.timeline.barred),
            "holiday": {
                "apply_142": inp.apply_142,
                "completion_day_closed": _item(self.closed_day),
                "unextended_completion_date": _iso(a.timeline.unextended_on),
            },
            "suspension_reading": inp.suspension_reading,
            "knowledge": _knowledge(inp, a),
            "tort": self.tort.to_dict() if self.tort is not None else None,
            "readings": [],
        }
        if self.alternative is not None:
            alt = self.alternative
            reason = (
                self.regime.alternative_reason if alt.regime == self.regime.alternative else self.regime.reason
            )
            out["readings"].append(_reading(alt, inp.as_of, _item(reason), inp.suspension_reading))
        if self.reading_alternative is not None:
            other = OTHER_READING[inp.suspension_reading]
            out["readings"].append(_reading(self.reading_alternative, inp.as_of, READING_MSGS[other].to_dict(), other))
        out["citations"] = citations_json(self.citations)
        out["assumptions"] = to_dicts(self.assumptions)
        out["notes"] = to_dicts(self.notes)
        out["warnings"] = to_dicts(self.warnings)
        return out


#: the other reading of 150条2項・151条3項 (rules/data/suspension_reading.toml keys)
OTHER_READING = {"drafters": "literal", "literal": "drafters"}
READING_MSGS = {"drafters": msg("jikou.suspension_reading_drafters"), "literal": msg("jikou.suspension_reading_literal")}


def _knowledge(inp: JikouInput, a: Analysis) -> dict[str, Any] | None:
    """166条1項1号・2号 with the creditor's knowledge date: both limbs and which one governs.
    None without --knew-on; under the old law ``applies`` is false (no subjective period)."""
    if inp.knew_on is None:
        return None
    out: dict[str, Any] = {"knew_on": inp.knew_on.isoformat(), "applies": a.limbs is not None}
    if a.limbs is not None:
        governing, other = a.limbs
        by_name = {governing.name: governing, other.name: other}
        out["subjective"] = by_name["subjective"].to_dict()
        out["objective"] = by_name["objective"].to_dict()
        out["governing"] = governing.name
    return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _item(m: Message | None) -> dict[str, Any] | None:
    return m.to_dict() if m is not None else None


def _reading(alt, as_of, reason: dict, suspension_reading: str) -> dict:
    """One entry of ``readings``: the other law (附則10条) or the other reading of 150条2項."""
    completion = alt.timeline.completion_on
    status, remaining = alt.status(as_of)
    return {
        "regime": alt.regime,
        "period_years": alt.timeline.period_years,
        "completion_date": _iso(completion),
        "invocable_from": _iso(completion + ONE_DAY if completion else None),
        "status": status,
        "days_remaining": remaining,
        "reason": reason,
        "period_basis": alt.basis().to_dict(),
        "suspension_reading": suspension_reading,
    }
