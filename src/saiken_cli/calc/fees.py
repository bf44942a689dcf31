"""Court fees (裁判所手数料, 収入印紙) and the courts/representatives a 訴額 allows.

Pure: the tiers, multipliers and thresholds all come from ``rules/data/court_fees.toml``
(民事訴訟費用等に関する法律 別表第一 1項・2項・3項・10項・14項, 4条2項・7項; 裁判所法33条1項1号;
民訴法368条1項; 司法書士法3条1項6号・7号). Nothing here knows a yen amount of law.

- 訴え (1項) and 民事調停 (14項): each tier charges ``fee_yen`` per started ``per_yen`` of
  the part of the 訴額 inside the tier (「までごとに」 = ceil within the tier), tiers summed.
- 支払督促 (10項) ½, 控訴 (2項) 1.5×, 上告 (3項) 2× of the 1項 amount. With the current tiers
  (all multiples of 1,000円) these are whole yen; were a fraction ever to arise it is floored
  (row ``fraction_rounding``, INTERPRETATION) and a warning is given.
- 簡裁 ≤ 140万 (inclusive), 少額訴訟 ≤ 60万 (inclusive), 認定司法書士 ≤ 140万 per claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from saiken_cli import rules
from saiken_cli.calc.messages import Message, beyond_verified, msg, to_dicts
from saiken_cli.calc.rounding import floor_yen
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, Row, Table, dedupe_citations

SCHEMA_VERSION = "3"  # 3: assumptions, notes, warnings are message items (fees.*); 2: citations carry kind
TABLE_ID = "court_fees"

ART_9_2 = Citation(
    law="民事訴訟法",
    law_no="平成8年法律第109号",
    article="9",
    paragraph="2",
    en="interest, damages, penalties and costs claimed with the principal are not added to the value of the claim",
)
ART_8_2 = Citation(
    law="民事訴訟法",
    law_no="平成8年法律第109号",
    article="8",
    paragraph="2",
    en="a value that cannot be assessed is deemed to exceed 1.4 million yen (district court)",
)


@dataclass(frozen=True)
class FeesInput:
    """``amount_yen``: the 訴額 (principal only; 附帯請求 excluded, 民訴法9条2項).
    ``unassessable``: 訴額算定不能 (4条2項・7項) instead of an amount.
    ``filed_on``: the filing date that selects the table; None = the current table."""

    amount_yen: int | None = None
    unassessable: bool = False
    filed_on: date | None = None


@dataclass(frozen=True)
class TierPart:
    lower_yen: int  # exclusive
    upper_yen: int | None  # inclusive; None = no upper bound
    per_yen: int
    fee_per_unit_yen: int
    portion_yen: int
    units: int
    amount_yen: int
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "over_yen": self.lower_yen,
            "up_to_yen": self.upper_yen,
            "per_yen": self.per_yen,
            "fee_per_unit_yen": self.fee_per_unit_yen,
            "portion_yen": self.portion_yen,
            "units": self.units,
            "amount_yen": self.amount_yen,
            "status": self.status,
        }


@dataclass(frozen=True)
class FeesResult:
    input: FeesInput
    amount_yen: int
    filing_fee_yen: int
    payment_order_fee_yen: int
    mediation_fee_yen: int
    appeal_fee_yen: int
    final_appeal_fee_yen: int
    court: str  # "summary" | "district"
    small_claims_eligible: bool
    shihoshoshi_eligible: bool
    filing_parts: tuple[TierPart, ...]
    mediation_parts: tuple[TierPart, ...]
    multipliers: dict[str, str]
    thresholds: dict[str, int]
    table_effective_from: date
    citations: tuple[Citation, ...] = ()
    assumptions: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()
    warnings: tuple[Message, ...] = ()
    rows: tuple[Row, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "command": "fees",
            "amount_yen": self.amount_yen,
            "unassessable": self.input.unassessable,
            "filed_on": self.input.filed_on.isoformat() if self.input.filed_on else None,
            "table_effective_from": self.table_effective_from.isoformat(),
            "filing_fee_yen": self.filing_fee_yen,
            "payment_order_fee_yen": self.payment_order_fee_yen,
            "mediation_fee_yen": self.mediation_fee_yen,
            "appeal_fee_yen": self.appeal_fee_yen,
            "final_appeal_fee_yen": self.final_appeal_fee_yen,
            "court": self.court,
            "court_ja": "簡易裁判所" if self.court == "summary" else "地方裁判所",
            "small_claims_eligible": self.small_claims_eligible,
            "shihoshoshi_eligible": self.shihoshoshi_eligible,
            "thresholds": dict(self.thresholds),
            "multipliers": dict(self.multipliers),
            "breakdown": {
                "filing": [p.to_dict() for p in self.filing_parts],
                "mediation": [p.to_dict() for p in self.mediation_parts],
            },
            "rounding": {
                "tiers": "ceil: each started unit of a tier is charged in full (「までごとに」)",
                "multipliers": "none needed with the current table (every 1項 amount is a multiple of 1,000円); "
                "a fraction, if one ever arose, would be floored to the yen (INTERPRETATION)",
            },
            "citations": rules.citations_json(self.citations),
            "assumptions": to_dicts(self.assumptions),
            "notes": to_dicts(self.notes),
            "warnings": to_dicts(self.warnings),
        }


def _current(table: Table, key: str) -> Row:
    """The latest row for ``key`` (the law as it stands, when no filing date is given)."""
    rows = [r for r in table.rows if r.key == key]
    if not rows:  # pragma: no cover - the rule file is validated by tests
        raise rules.RuleDataError(f"rule table {table.id}: no rows for {key!r}")
    return rows[-1]


def _row(table: Table, key: str, filed_on: date | None) -> Row:
    return table.row_on(filed_on, key) if filed_on is not None else _current(table, key)


def tier_fee(amount_yen: int, tiers) -> tuple[int, tuple[TierPart, ...]]:
    """Sum over tiers of ceil(part ÷ per_yen) × fee_yen, for the part of the amount in each tier."""
    if amount_yen < 0:
        raise ValueError("amount is not negative")
    total = 0
    parts: list[TierPart] = []
    lower = 0
    for tier in tiers:
        upper = tier.get("up_to_yen")
        if amount_yen <= lower:
            break
        top = amount_yen if upper is None else min(amount_yen, upper)
        portion = top - lower
        units = -(-portion // tier["per_yen"])  # ceil: 「までごとに」
        amount = units * tier["fee_yen"]
        total += amount
        parts.append(
            TierPart(lower, upper, tier["per_yen"], tier["fee_yen"], portion, units, amount, tier["tier_status"])
        )
        if upper is None:
            break
        lower = upper
    return total, tuple(parts)


def _times(fee_yen: int, multiplier, rounding: str, warnings: list[Message], what: Message) -> int:
    """``fee_yen × multiplier``; a fraction of a yen (never with the current table) is floored."""
    if rounding != "floor":  # pragma: no cover - the rule file is validated by tests
        raise rules.RuleDataError(f"court_fees fraction_rounding: unknown rounding {rounding!r}")
    exact = fee_yen * Fraction(multiplier)
    if exact.denominator != 1:
        warnings.append(msg("fees.fraction_floored", what_msg=what, fee_yen=fee_yen, multiplier=str(multiplier)))
    return floor_yen(exact)


def compute(inp: FeesInput) -> FeesResult:
    if inp.unassessable and inp.amount_yen is not None:
        raise ConflictError(
            "--unassessable and --amount cannot be combined: 訴額算定不能 means there is no amount "
            "(saiken then uses the 160万円 of 民訴費用法4条2項)"
        )
    if not inp.unassessable and inp.amount_yen is None:
        raise ConflictError("give --amount A (the 訴額) or --unassessable (訴額算定不能)")
    if inp.amount_yen is not None and inp.amount_yen <= 0:
        raise InputError("--amount", inp.amount_yen, "a positive amount in yen")

    table = rules.load(TABLE_ID)
    d = inp.filed_on
    filing_row = _row(table, "filing", d)
    mediation_row = _row(table, "mediation", d)
    po_row = _row(table, "payment_order", d)
    appeal_row = _row(table, "appeal", d)
    final_row = _row(table, "final_appeal", d)
    round_row = _row(table, "fraction_rounding", d)
    summary_row = _row(table, "summary_court_limit", d)
    small_row = _row(table, "small_claims_limit", d)
    shiho_row = _row(table, "shihoshoshi_limit", d)

    warnings: list[Message] = []
    assumptions: list[Message] = []
    notes: list[Message] = []
    citations: list[Citation] = []

    if inp.unassessable:
        unassessable_row = _row(table, "unassessable", d)
        amount = unassessable_row["amount_yen"]
        assumptions.append(msg("fees.unassessable", amount_yen=amount))
        citations.extend(unassessable_row.citations)
        citations.append(ART_8_2)
    else:
        amount = inp.amount_yen
        unassessable_row = None

    filing, filing_parts = tier_fee(amount, filing_row.tiers)
    mediation, mediation_parts = tier_fee(amount, mediation_row.tiers)
    payment_order = _times(filing, po_row["multiplier"], round_row["rounding"], warnings, msg("fees.payment_order"))
    appeal = _times(filing, appeal_row["multiplier"], round_row["rounding"], warnings, msg("fees.appeal"))
    final_appeal = _times(filing, final_row["multiplier"], round_row["rounding"], warnings, msg("fees.final_appeal"))

    summary_limit = summary_row["amount_yen"]
    small_limit = small_row["amount_yen"]
    shiho_limit = shiho_row["amount_yen"]
    court = "summary" if (not inp.unassessable and amount <= summary_limit) else "district"
    small_claims = not inp.unassessable and amount <= small_limit
    shihoshoshi = not inp.unassessable and amount <= shiho_limit

    unverified = [p for p in (*filing_parts, *mediation_parts) if not p.status.startswith("VERIFIED")]
    if unverified:
        warnings.append(msg("fees.high_tiers_unverified"))
    if d is not None:
        beyond = beyond_verified(table, d)
        if beyond:
            warnings.append(beyond)
        assumptions.append(msg("fees.table_on_filing_date", filed_on=d, table_from_on=filing_row.effective_from))
    else:
        assumptions.append(
            msg("fees.current_table", table_from_on=filing_row.effective_from, verified_through_on=table.verified_through)
        )
    assumptions.append(msg("fees.principal_claim_only"))
    assumptions.append(msg("fees.whole_value_appealed"))
    notes.append(msg("fees.multiples_whole_yen"))
    if court == "summary":
        notes.append(msg("fees.summary_court", amount_yen=amount, limit_yen=summary_limit))
    else:
        notes.append(msg("fees.district_court", amount_yen=amount, limit_yen=summary_limit))
    if small_claims:
        notes.append(msg("fees.small_claims", limit_yen=small_limit))
    if shihoshoshi:
        notes.append(msg("fees.shihoshoshi_may_act", limit_yen=shiho_limit))
    else:
        notes.append(msg("fees.shihoshoshi_may_not_act", limit_yen=shiho_limit))
    notes.append(msg("fees.objection_top_up"))

    citations = [
        *filing_row.citations,
        *po_row.citations,
        *mediation_row.citations,
        *appeal_row.citations,
        *final_row.citations,
        *citations,
        ART_9_2,
        *summary_row.citations,
        *small_row.citations,
        *shiho_row.citations,
        *round_row.citations,
    ]
    rows_used = [filing_row, mediation_row, po_row, appeal_row, final_row, round_row, summary_row, small_row, shiho_row]
    if unassessable_row is not None:
        rows_used.append(unassessable_row)
    return FeesResult(
        input=inp,
        amount_yen=amount,
        filing_fee_yen=filing,
        payment_order_fee_yen=payment_order,
        mediation_fee_yen=mediation,
        appeal_fee_yen=appeal,
        final_appeal_fee_yen=final_appeal,
        court=court,
        small_claims_eligible=small_claims,
        shihoshoshi_eligible=shihoshoshi,
        filing_parts=filing_parts,
        mediation_parts=mediation_parts,
        multipliers={
            "payment_order": str(po_row["multiplier"]),
            "appeal": str(appeal_row["multiplier"]),
            "final_appeal": str(final_row["multiplier"]),
        },
        thresholds={
            "summary_court_limit_yen": summary_limit,
            "small_claims_limit_yen": small_limit,
            "shihoshoshi_limit_yen": shiho_limit,
        },
        table_effective_from=filing_row.effective_from,
        citations=tuple(dedupe_citations(citations)),
        assumptions=tuple(assumptions),
        notes=tuple(notes),
        warnings=tuple(warnings),
        rows=tuple(rows_used),
    )
