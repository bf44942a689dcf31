"""消滅時効: 不法行為による損害賠償請求権 (tort claims) — 724条・724条の2, old 724条, 附則35条.

Spec: docs/commands/jikou.md, "Tort claims". Two limbs, the earlier governs:

- the subjective limb: 3 years from when the victim knew of the damage and the tortfeasor
  (724条1号; old 724条前段), 5 years for damage to life or body (724条の2) unless the old
  3 years had already completed when the reform took effect (附則35条2項);
- the objective limb: 20 years from the tortious act — a prescription period under the new
  724条2号, but the old 724条後段's 除斥期間 (not interrupted or suspended, no 援用 needed:
  最判平成元年12月21日) where its 20 years had already elapsed on 2020-04-01 (附則35条1項).

「施行の際既に経過していた」 is read as: the period's last day was 2020-03-31 or earlier
(施行の際 = the start of 2020-04-01; a period ends at the end of its last day, 141条). A
period whose last day is 2020-04-01 had not elapsed (INTERPRETATION, said in the output).
Events (更新・完成猶予; 中断・停止 before 2020-04-01) run through :func:`.timeline.run_timeline`
for each prescription limb; an event before 2020-04-01 is not applied to the 20 years (then a
除斥期間, which 中断 did not touch: 附則10条2項; INTERPRETATION, said in the output).
Periods are counted by :func:`saiken_cli.calc.periods.period_end` only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from saiken_cli import rules
from saiken_cli.calc.jikou.events import Event, EventEffect, Timeline
from saiken_cli.calc.jikou.finish import ART_140, ART_142, ART_143, ART_145, CASE_S41, CASE_S45, closing, other_reading
from saiken_cli.calc.jikou.regime import TORT, PeriodChoice, RegimeChoice  # noqa: F401 - TORT: its --claim-type
from saiken_cli.calc.jikou.result import FACT_FLAGS, ONE_DAY, OTHER_READING, Analysis, JikouInput, JikouResult
from saiken_cli.calc.jikou.timeline import run_timeline
from saiken_cli.calc.messages import Message, msg
from saiken_cli.calc.periods import period_end
from saiken_cli.calc.rates import reform_effective_date
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, Row, dedupe_citations

#: Court proceedings: within an old-law 除斥期間 they exercise the right in time (not modelled).
COURT_KINDS = ("teiso", "tokusoku", "hanketsu", "sashiosae", "karisashiosae", "torisage", "shuryo")

#: The limbs as terms of a message.
TORT_LIMB_MSGS = {
    "subjective": lambda **p: msg("jikou.tort_limb_subjective", **p),
    "objective": lambda **p: msg("jikou.tort_limb_objective", **p),
}


@dataclass(frozen=True)
class TortLimb:
    """One limb of 724条: its law, its nature (prescription or the old 除斥期間), start and timeline."""

    name: str  # "subjective" (724条1号 / 724条の2; old 前段) | "objective" (724条2号; old 後段)
    regime: str  # "old" | "new"
    nature: str  # "prescription" | "exclusion" (除斥期間, old 724条後段)
    start_on: date
    period: PeriodChoice
    timeline: Timeline
    reason: Message  # why this law for this limb (附則35条, 附則10条4項)

    def to_dict(self) -> dict[str, Any]:
        c = self.timeline.completion_on
        return {
            "regime": self.regime,
            "nature": self.nature,
            "starting_date": self.start_on.isoformat(),
            "first_counted_day": (self.start_on + ONE_DAY).isoformat(),
            "period_years": self.timeline.period_years,
            "completion_date": c.isoformat() if c else None,
            "period_basis": self.period.reason.to_dict(),
            "reason": self.reason.to_dict(),
        }


@dataclass(frozen=True)
class TortInfo:
    tort_on: date
    knew_on: date | None
    life_body: bool
    subjective: TortLimb | None  # None when the knowledge date is not given
    objective: TortLimb
    governing: str  # "subjective" | "objective"

    def to_dict(self) -> dict[str, Any]:
        return {
            "tort_date": self.tort_on.isoformat(),
            "knew_damage_on": self.knew_on.isoformat() if self.knew_on else None,
            "life_body": self.life_body,
            "subjective": self.subjective.to_dict() if self.subjective else None,
            "objective": self.objective.to_dict(),
            "governing": self.governing,
        }


def _validate(inp: JikouInput) -> None:
    if inp.tort_on is None:
        raise ConflictError("--claim-type tort needs --tort-date (不法行為の時: the day of the tortious act)")
    for flag, given in (
        ("--last-payment", inp.last_payment_on), ("--due-date", inp.due_on), ("--acceleration-date", inp.acceleration_on),
        ("--subrogation-date", inp.subrogation_on), ("--judgment-date", inp.judgment_on),
        ("--contract-date", inp.contract_on), ("--knew-on", inp.knew_on),
    ):
        if given is not None:
            raise InputError(
                flag, given.isoformat(),
                "no value with --claim-type tort (the periods run from --tort-date and --knew-damage-on; "
                "a payment or judgment is an --event)",
            )
    if inp.suspension_reading not in OTHER_READING:
        raise InputError("--suspension-reading", inp.suspension_reading, "drafters or literal")
    for flag, on in (("--tort-date", inp.tort_on), ("--knew-damage-on", inp.knew_damage_on)):
        if on is not None and on > inp.as_of:
            raise InputError(flag, on.isoformat(), f"a date on or before --as-of {inp.as_of.isoformat()}")
    if inp.knew_damage_on is not None and inp.knew_damage_on < inp.tort_on:
        raise InputError(
            "--knew-damage-on", inp.knew_damage_on.isoformat(),
            f"a date on or after --tort-date {inp.tort_on.isoformat()} (the damage cannot be known before the act)",
        )
    first_on, first_flag = (
        (inp.knew_damage_on, "--knew-damage-on") if inp.knew_damage_on is not None else (inp.tort_on, "--tort-date")
    )
    for ev in inp.events:
        if ev.on > inp.as_of:
            raise InputError(ev.flag, ev.given or ev.label(), f"an event on or before --as-of {inp.as_of.isoformat()}")
        if ev.on < first_on:
            raise InputError(ev.flag, ev.given or ev.label(), f"an event on or after {first_flag} {first_on.isoformat()}")


@dataclass(frozen=True)
class _Ctx:
    inp: JikouInput
    cutover: date
    periods: Any  # rules.Table of prescription_periods
    events: tuple[Event, ...]

    def timeline(self, start_on: date, years: int, events: tuple[Event, ...], old: bool, reading: str) -> tuple[Timeline, Row]:
        """The existing event timeline over one limb (the judgment row: 旧174条の2 / 169条)."""
        anchor = self.cutover - ONE_DAY if old else max(start_on, self.cutover)
        jrow = self.periods.row_on(anchor, "old_judgment" if old else "new_judgment")
        tl = run_timeline(
            start_on=start_on, years=years, judgment_years=jrow.value, events=events,
            apply_142=self.inp.apply_142, reading=reading,
        )
        return tl, jrow


def _period(row: Row, extra: tuple[Row, ...] = ()) -> PeriodChoice:
    return PeriodChoice(row.value, row.key, (row, *extra), msg("jikou.period_tort", period_label=row.label, period_years=row.value))


def _objective(ctx: _Ctx, reading: str) -> tuple[TortLimb, list[Message], list[Message]]:
    """724条2号 (20 years, prescription) or old 724条後段 (除斥期間) by 附則35条1項."""
    inp, cutover = ctx.inp, ctx.cutover
    tort_on = inp.tort_on
    assert tort_on is not None
    notes: list[Message] = []
    warnings: list[Message] = []
    if tort_on < cutover:
        old_row = ctx.periods.row_on(tort_on, "old_tort_exclusion")
        end_on = period_end(tort_on, years=old_row.value)
        if end_on < cutover:  # 附則35条1項: elapsed at 施行 → the old 除斥期間
            tl, _ = ctx.timeline(tort_on, old_row.value, (), True, reading)
            effects = []
            for ev in ctx.events:
                if ev.kind in COURT_KINDS and ev.on <= end_on:
                    raise ConflictError(
                        f"--event {ev.label()}: a court proceeding within the old-law 20-year 除斥期間 (旧724条後段, "
                        f"ending {end_on.isoformat()}) exercised the right in time; saiken does not compute that case"
                    )
                effects.append(EventEffect(ev.on, ev.kind, msg("jikou.tort_exclusion_event_no_effect", end_on=end_on),
                                           tl.completion_on, (), ev.flag))
            tl = replace(tl, effects=tuple(effects))
            case, exception, abuse = old_row.also[1:4]
            warnings.append(msg("jikou.tort_exclusion", end_on=end_on, case_article=case, exception_article=exception,
                                abuse_article=abuse))
            reason = msg("jikou.tort_objective_old_exclusion", tort_on=tort_on, end_on=end_on, reform_on=cutover)
            return TortLimb("objective", "old", "exclusion", tort_on, _period(old_row), tl, reason), notes, warnings
        reason = msg("jikou.tort_objective_new_not_elapsed", tort_on=tort_on, end_on=end_on, reform_on=cutover)
    else:
        reason = msg("jikou.tort_objective_new", tort_on=tort_on, reform_on=cutover)
    row = ctx.periods.row_on(max(tort_on, cutover), "tort_objective")
    before = tuple(e for e in ctx.events if e.on < cutover)
    after = tuple(e for e in ctx.events if e.on >= cutover)
    tl, jrow = ctx.timeline(tort_on, row.value, after, False, reading)
    if before:
        base_on = period_end(tort_on, years=row.value)
        skipped = tuple(
            EventEffect(e.on, e.kind, msg("jikou.tort_event_before_reform_not_on_20_years", reform_on=cutover), base_on, (), e.flag)
            for e in before
        )
        tl = replace(tl, effects=skipped + tl.effects)
        warnings.append(msg("jikou.tort_events_before_reform_20_years", reform_on=cutover))
    extra = (jrow,) if any(e.kind == "hanketsu" for e in after) else ()
    return TortLimb("objective", "new", "prescription", tort_on, _period(row, extra), tl, reason), notes, warnings


def _subjective(ctx: _Ctx, reading: str) -> TortLimb | None:
    """724条1号 (3 years; old 724条前段) or 724条の2 (5 years, life or body; 附則35条2項)."""
    inp, cutover = ctx.inp, ctx.cutover
    tort_on, knew_on = inp.tort_on, inp.knew_damage_on
    assert tort_on is not None
    if knew_on is None:
        return None
    hanketsu = any(e.kind == "hanketsu" for e in ctx.events)

    def limb(row: Row, regime: str, reason: Message) -> TortLimb:
        tl, jrow = ctx.timeline(knew_on, row.value, ctx.events, regime == "old", reading)
        return TortLimb("subjective", regime, "prescription", knew_on, _period(row, (jrow,) if hanketsu else ()), tl, reason)

    if tort_on >= cutover:
        key = "tort_life_body" if inp.life_body else "tort_subjective"
        return limb(ctx.periods.row_on(tort_on, key), "new", msg("jikou.tort_subjective_new", tort_on=tort_on, reform_on=cutover))
    old_row = ctx.periods.row_on(tort_on, "old_tort_subjective")
    if not inp.life_body:
        return limb(old_row, "old", msg("jikou.tort_subjective_old", tort_on=tort_on, reform_on=cutover))
    old = limb(old_row, "old", msg("jikou.tort_subjective_old", tort_on=tort_on, reform_on=cutover))
    # 附則35条2項: completed at 施行 → no 5 years; also where it completed and a later 承認 (before or
    # after 施行) bars invoking that completion: the prescription 「既に完成していた」 all the same
    completions = [c for c, _ in old.timeline.barred] + [old.timeline.completion_on]
    completed_on = next((c for c in completions if c is not None and c < cutover), None)
    if completed_on is not None:
        return replace(old, reason=msg("jikou.tort_life_body_old_completed", completed_on=completed_on, reform_on=cutover))
    row = ctx.periods.row_on(cutover, "tort_life_body")
    return limb(row, "new", msg("jikou.tort_life_body_not_completed", reform_on=cutover))


def _analyse(ctx: _Ctx, reading: str) -> tuple[Analysis, TortInfo, list[Message], list[Message]]:
    inp = ctx.inp
    assert inp.tort_on is not None
    objective, notes, warnings = _objective(ctx, reading)
    subjective = _subjective(ctx, reading)
    governing = objective
    if subjective is not None:
        s_c = subjective.timeline.completion_on or date.max  # a pending proceeding: later than every date
        o_c = objective.timeline.completion_on or date.max
        governing = objective if o_c < s_c else subjective
    info = TortInfo(inp.tort_on, inp.knew_damage_on, inp.life_body, subjective, objective, governing.name)
    analysis = Analysis(governing.regime, governing.period, governing.timeline, exclusion=governing.nature == "exclusion")
    return analysis, info, notes, warnings


def compute_tort(inp: JikouInput) -> JikouResult:
    """The tort path of :func:`saiken_cli.calc.jikou.analysis.compute` (``--claim-type tort``)."""
    _validate(inp)
    assert inp.tort_on is not None
    cutover = reform_effective_date()
    ctx = _Ctx(inp, cutover, rules.load("prescription_periods"), tuple(sorted(inp.events, key=lambda e: e.on)))
    primary, info, notes, warnings = _analyse(ctx, inp.suspension_reading)
    gov = info.subjective if info.governing == "subjective" else info.objective
    assert gov is not None
    reading_alternative, reading_rows, reading_warnings = other_reading(
        inp, list(inp.events), primary, lambda reading: _analyse(ctx, reading)[0]
    )
    warnings.extend(reading_warnings)
    if inp.tort_on < cutover:
        notes.append(msg("jikou.tort_transition_reading", reform_on=cutover, last_day_on=cutover - ONE_DAY))
    if info.subjective is None:
        years = ctx.periods.row_on(max(inp.tort_on, cutover), "tort_life_body" if inp.life_body else "tort_subjective").value
        notes.append(msg("jikou.tort_subjective_unknown", subjective_years=years, objective_on=info.objective.timeline.completion_on))
    elif info.subjective.timeline.completion_on and info.objective.timeline.completion_on:
        notes.append(msg(
            "jikou.tort_limbs",
            knew_on=info.knew_on,
            subjective_on=info.subjective.timeline.completion_on,
            objective_on=info.objective.timeline.completion_on,
            governing_msg=TORT_LIMB_MSGS[gov.name](period_years=gov.timeline.period_years),
        ))
    if inp.life_body and info.subjective is None and inp.tort_on < cutover:
        notes.append(msg("jikou.tort_life_body_needs_knowledge", reform_on=cutover))
    notes.extend(gov.timeline.notes)
    warnings.extend(gov.timeline.warnings)
    closed_day = closing(inp, gov.timeline, notes, warnings, invocation=not primary.exclusion)

    citations: list[Citation] = [ART_140, ART_143]
    if not primary.exclusion:
        citations.insert(0, ART_145)
    for limb in (info.subjective, info.objective):
        if limb is not None:
            for row in limb.period.rows + limb.timeline.rows:
                citations.extend(row.citations)
    if gov.timeline.barred:
        citations += [CASE_S41, CASE_S45]
    citations.append(ART_142)
    for row in reading_rows:
        citations.extend(row.citations)
    start_flag = FACT_FLAGS["tort" if gov.name == "objective" else "knew_damage"][0]
    return JikouResult(
        input=inp,
        start_on=gov.start_on,
        start_flag=start_flag,
        regime=RegimeChoice(gov.regime, gov.reason, gov.start_on),
        primary=primary,
        alternative=None,
        closed_day=closed_day,
        reading_alternative=reading_alternative,
        citations=tuple(dedupe_citations(citations)),
        assumptions=(),
        notes=tuple(notes),
        warnings=tuple(warnings),
        tort=info,
    )
