"""消滅時効: the whole analysis — starting point, regime and period of each reading, timeline, messages.

:func:`compute` finds the starting point (起算点), asks :mod:`.regime` for the law and period
of each reading, runs :mod:`.timeline` over the events, and builds the
:class:`~saiken_cli.calc.jikou.result.JikouResult` (:mod:`.result`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from saiken_cli import rules
from saiken_cli.calc.jikou.events import KIND_TERMS, Event, Timeline
from saiken_cli.calc.jikou.regime import (
    CLAIM_TYPES, CREDITORS, TORT, PeriodChoice, new_law_objective_period, new_law_period, old_law_period, select_regime,
)
from saiken_cli.calc.jikou.finish import (
    ART_140, ART_142, ART_143, ART_145, CASE_S41, CASE_S42, CASE_S45, FUSOKU_10, closing, other_reading,
)
from saiken_cli.calc.jikou.result import FACT_FLAGS, FACT_TERMS, ONE_DAY, OTHER_READING, Analysis, JikouInput, JikouResult, Limb
from saiken_cli.calc.jikou.timeline import run_timeline
from saiken_cli.calc.messages import Message, msg
from saiken_cli.calc.rates import reform_effective_date
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, dedupe_citations



#: The limbs of 166条1項 as terms of a message.
LIMB_MSGS = {
    "subjective": lambda **p: msg("jikou.limb_subjective", **p),
    "objective": lambda **p: msg("jikou.limb_objective", **p),
}



# --------------------------------------------------------------------------------------
# The whole analysis


#: The two laws as terms of a message.
REGIME_TERMS = {"old": msg("jikou.regime_old"), "new": msg("jikou.regime_new")}


def _event_term(ev: Event) -> Message:
    """What an event is, as a term: the last payment (as an acknowledgment), or the event's kind."""
    if ev.flag == "--last-payment":
        return FACT_TERMS["last_payment"]
    return msg("jikou.fact_event", kind_msg=KIND_TERMS[ev.kind])


def _facts(inp: JikouInput) -> dict[str, date]:
    return {
        name: value
        for name, value in (
            ("due", inp.due_on),
            ("acceleration", inp.acceleration_on),
            ("subrogation", inp.subrogation_on),
            ("judgment", inp.judgment_on),
            ("last_payment", inp.last_payment_on),
        )
        if value is not None
    }


def compute(inp: JikouInput) -> JikouResult:
    if inp.claim_type == TORT:
        # imported here: the tort path's module (≈3 ms of dataclass creation) stays off every other run
        from saiken_cli.calc.jikou.tort import compute_tort

        return compute_tort(inp)
    for flag, given in (("--tort-date", inp.tort_on), ("--knew-damage-on", inp.knew_damage_on)):
        if given is not None:
            raise InputError(flag, given.isoformat(), "no value unless --claim-type tort (不法行為)")
    if inp.life_body:
        raise InputError("--life-body", "true", "only with --claim-type tort (不法行為)")
    cutover = reform_effective_date()
    facts = _facts(inp)
    if not facts:
        raise ConflictError(
            "give a starting fact: --last-payment, --due-date, --acceleration-date, --subrogation-date or --judgment-date"
        )
    if inp.creditor not in CREDITORS:
        raise InputError("--creditor", inp.creditor, "one of " + ", ".join(CREDITORS))
    if inp.suspension_reading not in OTHER_READING:
        raise InputError("--suspension-reading", inp.suspension_reading, "drafters or literal")
    if inp.claim_type is not None and inp.claim_type not in CLAIM_TYPES:
        raise InputError("--claim-type", inp.claim_type, "one of " + ", ".join((*CLAIM_TYPES, TORT)))
    for name, on in facts.items():
        if on > inp.as_of:
            flag = FACT_FLAGS[name][0]
            raise InputError(flag, on.isoformat(), f"a date on or before --as-of {inp.as_of.isoformat()}")
    if inp.knew_on is not None and inp.knew_on > inp.as_of:
        raise InputError("--knew-on", inp.knew_on.isoformat(), f"a date on or before --as-of {inp.as_of.isoformat()}")
    for ev in inp.events:
        if ev.on > inp.as_of:
            raise InputError(ev.flag, ev.given or ev.label(), f"an event on or before --as-of {inp.as_of.isoformat()}")
    if inp.contract_on is not None:
        for name, on in facts.items():
            if on < inp.contract_on:
                flag, ja = FACT_FLAGS[name]
                raise ConflictError(
                    f"--contract-date {inp.contract_on.isoformat()} is after {flag} {on.isoformat()}: "
                    f"the {ja} cannot precede the contract"
                )

    assumptions: list[Message] = []
    notes: list[Message] = []
    warnings: list[Message] = []

    # 1. Starting point
    base = {k: v for k, v in facts.items() if k != "last_payment"}
    events = list(inp.events)
    if base:
        start_name = max(base, key=lambda k: (base[k], k == "judgment"))
        start_on = base[start_name]
        lp = inp.last_payment_on
        if lp is not None:
            if lp > start_on:
                events.insert(0, Event(lp, "shounin", flag="--last-payment", given=lp.isoformat()))
                assumptions.append(msg("jikou.last_payment_is_acknowledgment", last_payment_on=lp))
            else:
                notes.append(msg("jikou.last_payment_before_starting_point", last_payment_on=lp, start_on=start_on))
    else:
        start_name, start_on = "last_payment", facts["last_payment"]
        notes.append(msg("jikou.last_payment_shortcut", case_article=CASE_S42))
    start_flag = FACT_FLAGS[start_name][0]
    judgment = "judgment" in base and start_name == "judgment"
    if "judgment" in base and not judgment:
        notes.append(msg("jikou.debt_not_due_at_judgment", fact_msg=FACT_TERMS[start_name]))
    for ev in events:
        if ev.on < start_on:
            raise InputError(
                ev.flag, ev.given or ev.label(),
                f"an event on or after the starting point {start_flag} {start_on.isoformat()}",
            )
    if inp.knew_on is not None:
        if inp.knew_on < start_on:
            raise InputError(
                "--knew-on", inp.knew_on.isoformat(),
                f"a date on or after the starting point {start_flag} {start_on.isoformat()} "
                "(the creditor cannot know of a right before it can be exercised)",
            )
        for ev in events:
            if ev.on < inp.knew_on:
                raise InputError(ev.flag, ev.given or ev.label(), f"an event on or after --knew-on {inp.knew_on.isoformat()}")
    if inp.creditor == "jasso":
        notes.append(msg("jikou.jasso_each_installment"))
    if start_name == "subrogation" and inp.creditor not in ("guarantor", "hoshou_kyokai", "company"):
        notes.append(msg("jikou.reimbursement_belongs_to_guarantor"))

    # 2. Regime
    dated = [(on, FACT_TERMS[k]) for k, on in facts.items()] + [(e.on, _event_term(e)) for e in events]
    earliest = min(dated, key=lambda t: t[0])
    choice = select_regime(
        contract_on=inp.contract_on,
        earliest_fact=earliest,
        subrogation="subrogation" in facts,
        cutover=cutover,
    )

    # 3–4. Period and timeline, for each reading
    def analyse(regime: str, reading: str = inp.suspension_reading) -> Analysis:
        if regime == "old":
            anchor = choice.anchor_on if choice.anchor_on < cutover else cutover - ONE_DAY
            period = old_law_period(
                anchor, creditor=inp.creditor, debtor_merchant=inp.debtor_merchant,
                claim_type=inp.claim_type, judgment=judgment,
            )
            jrow = rules.load("prescription_periods").row_on(anchor, "old_judgment")
        else:
            anchor = max(choice.anchor_on, cutover)
            knew = inp.knew_on is not None and not judgment
            period = new_law_period(anchor, claim_type=inp.claim_type, judgment=judgment, knew_given=knew)
            jrow = rules.load("prescription_periods").row_on(anchor, "new_judgment")
        hanketsu = any(e.kind == "hanketsu" for e in events)

        def timeline(p: PeriodChoice, on: date) -> tuple[PeriodChoice, Timeline]:
            p = replace(p, rows=p.rows + (jrow,)) if hanketsu else p
            return p, run_timeline(
                start_on=on, years=p.years, judgment_years=jrow.value,
                events=tuple(events), apply_142=inp.apply_142, reading=reading,
            )

        if regime == "new" and inp.knew_on is not None and not judgment:
            # 166条1項: 5 years from knowledge (1号) or 10 years from exercisability (2号), whichever ends first
            sp, stl = timeline(period, inp.knew_on)
            op, otl = timeline(replace(new_law_objective_period(anchor), notes=period.notes), start_on)
            subj, obj = Limb("subjective", inp.knew_on, sp, stl), Limb("objective", start_on, op, otl)
            s_c, o_c = stl.completion_on or date.max, otl.completion_on or date.max
            governing, other = (obj, subj) if o_c < s_c else (subj, obj)
            return Analysis(regime, governing.period, governing.timeline, limbs=(governing, other))
        period, tl = timeline(period, start_on)
        return Analysis(regime, period, tl)

    primary = analyse(choice.regime)
    alternative = analyse(choice.alternative) if choice.alternative else None
    if alternative is not None and choice.prefer_later:
        # None (a proceeding pending) is later than every date
        p_c, a_c = primary.timeline.completion_on or date.max, alternative.timeline.completion_on or date.max
        if a_c > p_c:
            primary, alternative = alternative, primary
    assumptions.extend(choice.assumptions)
    reading_alternative, reading_rows, reading_warnings = other_reading(
        inp, events, primary, lambda reading: analyse(primary.regime, reading)
    )
    warnings.extend(reading_warnings)
    notes.extend(choice.notes)
    warnings.extend(choice.warnings)
    if alternative is not None:
        p_c, a_c = primary.timeline.completion_on, alternative.timeline.completion_on
        if p_c != a_c or primary.timeline.period_years != alternative.timeline.period_years:
            warnings.append(
                msg(
                    "jikou.readings_differ",
                    shown_msg=REGIME_TERMS[primary.regime], shown_completion_on=p_c,
                    other_msg=REGIME_TERMS[alternative.regime], other_completion_on=a_c,
                )
            )
        else:
            notes.append(msg("jikou.readings_agree", completion_on=p_c))

    if inp.knew_on is not None:
        if primary.limbs is None and primary.regime == "old":
            notes.append(msg("jikou.knew_on_no_effect_old_law", knew_on=inp.knew_on))
        elif primary.limbs is None:
            notes.append(msg("jikou.knew_on_no_effect_judgment", knew_on=inp.knew_on, period_years=primary.period.years))
        elif all(limb.timeline.completion_on for limb in primary.limbs):
            governing, other = primary.limbs
            notes.append(
                msg(
                    "jikou.knowledge_limbs",
                    knew_on=inp.knew_on,
                    subjective_on=(governing if governing.name == "subjective" else other).timeline.completion_on,
                    objective_on=(governing if governing.name == "objective" else other).timeline.completion_on,
                    governing_msg=LIMB_MSGS[governing.name](period_years=governing.timeline.period_years),
                )
            )
    notes.extend(primary.period.notes)
    warnings.extend(primary.period.warnings)
    notes.extend(primary.timeline.notes)
    warnings.extend(primary.timeline.warnings)

    # 5. Result-level messages
    tl = primary.timeline
    closed_day = closing(inp, tl, notes, warnings)

    citations: list[Citation] = [ART_145, ART_140, ART_143, FUSOKU_10]
    for a in (primary, alternative):
        if a is None:
            continue
        for row in a.period.rows + a.timeline.rows:
            citations.extend(row.citations)
    if tl.barred:
        citations += [CASE_S41, CASE_S45]
    if start_name == "last_payment":
        citations.append(CASE_S42)
    citations.append(ART_142)
    for row in reading_rows:
        citations.extend(row.citations)
    return JikouResult(
        input=inp,
        start_on=start_on,
        start_flag=start_flag,
        regime=choice,
        primary=primary,
        alternative=alternative,
        closed_day=closed_day,
        reading_alternative=reading_alternative,
        citations=tuple(dedupe_citations(citations)),
        assumptions=tuple(assumptions),
        notes=tuple(notes),
        warnings=tuple(warnings),
    )
