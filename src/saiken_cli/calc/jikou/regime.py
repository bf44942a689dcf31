"""消滅時効: which law (附則10条) and which period — the regime and period selection.

:func:`select_regime` says old or new law and why (both readings where the facts do not
decide); :func:`old_law_period` (商事5年 / 民事10年 / 旧170–174条 short periods / 判決10年) and
:func:`new_law_period` (166条1項, 169条) give the period with its rule rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from saiken_cli import rules
from saiken_cli.calc.messages import Message, msg
from saiken_cli.rules import Row

#: --creditor values (rules/data/creditor_types.toml keys) and their aliases.
CREDITORS = ("company", "guarantor", "shinkin", "shinkumi", "cooperative", "hoshou_kyokai", "jhf", "jasso", "individual")
CREDITOR_ALIASES: dict[str, str] = {
    **{c: c for c in CREDITORS},
    "hoshou-kyokai": "hoshou_kyokai",
    "kaisha": "company", "bank": "company", "株式会社": "company", "銀行": "company", "消費者金融": "company",
    "カード会社": "company", "サービサー": "company",
    "保証会社": "guarantor",
    "信用金庫": "shinkin", "信用組合": "shinkumi",
    "農協": "cooperative", "労働金庫": "cooperative", "商工中金": "cooperative",
    "信用保証協会": "hoshou_kyokai",
    "住宅金融支援機構": "jhf", "住宅金融公庫": "jhf",
    "日本学生支援機構": "jasso", "奨学金": "jasso", "日本育英会": "jasso", "学生支援機構": "jasso",
    "個人": "individual",
}

#: --claim-type value of a tort claim (不法行為: calc/jikou/tort.py, imported only for it)
TORT = "tort"

#: --claim-type values → old-law short-period keys of prescription_periods (None: ordinary).
CLAIM_TYPES: dict[str, str | None] = {
    "loan": None,
    "teiki": "old_169",
    "ishi": "old_170_1",
    "koji": "old_170_2",
    "bengoshi": "old_172",
    "shohin": "old_173_1",
    "seisaku": "old_173_2",
    "kyoiku": "old_173_3",
    "roryoku": "old_174_2",
    "unchin": "old_174_3",
    "inshoku": "old_174_4",
    "sonryo": "old_174_5",
}



@dataclass(frozen=True)
class PeriodChoice:
    years: int
    key: str
    rows: tuple[Row, ...]
    reason: Message
    notes: tuple[Message, ...] = ()
    warnings: tuple[Message, ...] = ()


@dataclass(frozen=True)
class RegimeChoice:
    regime: str  # "old" | "new"
    reason: Message
    anchor_on: date
    alternative: str | None = None  # the other reading, when the facts do not decide
    alternative_reason: Message | None = None
    prefer_later: bool = False  # facts undecided: report the reading that completes later
    assumptions: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()
    warnings: tuple[Message, ...] = ()



# --------------------------------------------------------------------------------------
# Period: old law and new law (sibling functions)


def old_law_period(
    anchor_on: date,
    *,
    creditor: str,
    debtor_merchant: bool,
    claim_type: str | None,
    judgment: bool,
) -> PeriodChoice:
    """The old-law period (附則10条4項): 判決10年, a short period (旧169–174), 商事5年 or 民事10年."""
    periods = rules.load("prescription_periods")
    if judgment:
        row = periods.row_on(anchor_on, "old_judgment")
        return PeriodChoice(row.value, "old_judgment", (row,), msg("jikou.period_old_judgment", period_label=row.label, period_years=row.value))
    short_key = CLAIM_TYPES.get(claim_type or "loan")
    if short_key:
        row = periods.row_on(anchor_on, short_key)
        return PeriodChoice(
            row.value,
            short_key,
            (row,),
            msg("jikou.period_old_short", period_label=row.label, period_years=row.value),
            notes=(msg("jikou.short_period_starting_point"),),
            warnings=(msg("jikou.short_period_check_the_text", period_label=row.label, status=row.status),),
        )
    ctype = rules.load("creditor_types").row_on(anchor_on, creditor)
    commercial = ctype["commercial"] == "yes" or (debtor_merchant and ctype["merchant_borrower"] == "yes")
    key = "old_commercial" if commercial else "old_civil"
    row = periods.row_on(anchor_on, key)
    about = dict(period_label=row.label, period_years=row.value, creditor_label=ctype.label)
    if ctype["commercial"] == "yes":
        reason = msg("jikou.period_old_lender_commercial", **about)
    elif commercial:
        reason = msg("jikou.period_old_borrower_merchant", **about)
    else:
        reason = msg("jikou.period_old_civil", **about)
    warnings: list[Message] = []
    if ctype.status in ("UNVERIFIED", "INTERPRETATION"):
        warnings.append(msg("jikou.creditor_type_not_verified", creditor_label=ctype.label, status=ctype.status, note=ctype.note or ""))
    notes: tuple[Message, ...] = ()
    if key == "old_commercial":
        notes = (msg("jikou.old_commercial_transitional_unverified"),)
    return PeriodChoice(row.value, key, (row, ctype), reason, notes=notes, warnings=tuple(warnings))


def new_law_period(anchor_on: date, *, claim_type: str | None, judgment: bool, knew_given: bool = False) -> PeriodChoice:
    """The new-law period: 169条 (judgment) 10 years, else 166条1項 (5 from knowledge / 10 from exercisability).

    ``knew_given``: the creditor's knowledge date was given (--knew-on), so the two limbs run
    from their own dates (see :func:`new_law_objective_period`) instead of being assumed to coincide."""
    periods = rules.load("prescription_periods")
    if judgment:
        row = periods.row_on(anchor_on, "new_judgment")
        return PeriodChoice(row.value, "new_judgment", (row,), msg("jikou.period_new_judgment", period_label=row.label, period_years=row.value))
    subj = periods.row_on(anchor_on, "new_subjective")
    obj = periods.row_on(anchor_on, "new_objective")
    if knew_given:
        notes = [msg("jikou.new_law_knowledge_given", subjective_years=subj.value, objective_years=obj.value)]
    else:
        notes = [msg("jikou.new_law_two_starting_points", subjective_years=subj.value, objective_years=obj.value)]
    if claim_type and CLAIM_TYPES.get(claim_type):
        notes.append(msg("jikou.short_periods_abolished"))
    return PeriodChoice(
        subj.value,
        "new_subjective",
        (subj, obj),
        msg("jikou.period_new_subjective", period_label=subj.label, period_years=subj.value),
        notes=tuple(notes),
    )


def new_law_objective_period(anchor_on: date) -> PeriodChoice:
    """166条1項2号: 10 years from when the right could be exercised (the limb that governs when
    the creditor learnt of its right more than 5 years after it became exercisable)."""
    periods = rules.load("prescription_periods")
    subj = periods.row_on(anchor_on, "new_subjective")
    obj = periods.row_on(anchor_on, "new_objective")
    return PeriodChoice(
        obj.value,
        "new_objective",
        (subj, obj),
        msg("jikou.period_new_objective", period_label=obj.label, period_years=obj.value),
    )


# --------------------------------------------------------------------------------------
# Regime: 附則10条


def select_regime(
    *, contract_on: date | None, earliest_fact: tuple[date, Message], subrogation: bool, cutover: date
) -> RegimeChoice:
    """Old or new law under 附則10条1項・4項, with the reason; both readings when undecided.

    ``earliest_fact``: the earliest dated fact and what it is (a term such as 期限, for the reason)."""
    first_on, fact = earliest_fact
    if contract_on is not None:
        if contract_on < cutover:
            reason = msg("jikou.regime_old_contract_before_reform", contract_on=contract_on, reform_on=cutover)
            if subrogation and first_on >= cutover:
                return RegimeChoice(
                    "old", reason, contract_on,
                    alternative="new",
                    alternative_reason=msg("jikou.regime_new_if_guarantee_contract_not_the_cause", reform_on=cutover),
                    warnings=(msg("jikou.reimbursement_old_law_interpretation", reform_on=cutover),),
                )
            notes: tuple[Message, ...] = ()
            if first_on >= cutover:
                notes = (msg("jikou.revolving_draws_after_reform_unverified", reform_on=cutover),)
            return RegimeChoice("old", reason, contract_on, notes=notes)
        return RegimeChoice(
            "new",
            msg("jikou.regime_new_contract_after_reform", contract_on=contract_on, reform_on=cutover),
            max(first_on, cutover),
        )
    if first_on < cutover:
        return RegimeChoice(
            "old",
            msg("jikou.regime_old_fact_before_reform", fact_msg=fact, fact_on=first_on, reform_on=cutover),
            first_on,
            assumptions=(msg("jikou.claim_arose_before_reform_assumed", fact_msg=fact, fact_on=first_on, reform_on=cutover),),
        )
    return RegimeChoice(
        "new",
        msg("jikou.regime_new_facts_after_reform", reform_on=cutover),
        first_on,
        alternative="old",
        alternative_reason=msg("jikou.regime_old_if_contract_before_reform", reform_on=cutover),
        prefer_later=True,
        assumptions=(msg("jikou.regime_undecided_later_reading_shown"),),
    )
