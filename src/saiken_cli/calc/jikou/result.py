"""消滅時効: the whole analysis and its result — starting point, readings, result-level messages.

:func:`compute` finds the starting point (起算点), asks :mod:`.regime` for the law and period
of each reading, runs :mod:`.timeline` over the events, and builds the :class:`JikouResult`
(``to_dict`` is the `saiken jikou --json` payload).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from saiken_cli import rules
from saiken_cli.calc import calendar as cal
from saiken_cli.calc.jikou.regime import CLAIM_TYPES, CREDITORS, PeriodChoice, RegimeChoice, new_law_period, old_law_period, select_regime
from saiken_cli.calc.jikou.timeline import Event, Timeline, run_timeline
from saiken_cli.calc.rates import reform_effective_date
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, dedupe_citations

SCHEMA_VERSION = "2"
ONE_DAY = timedelta(days=1)

# Starting facts: (field, flag, Japanese label)
FACT_FLAGS = {
    "due": ("--due-date", "期限 (弁済期)"),
    "acceleration": ("--acceleration-date", "期限の利益喪失日"),
    "subrogation": ("--subrogation-date", "代位弁済日 (求償権)"),
    "judgment": ("--judgment-date", "判決確定日"),
    "last_payment": ("--last-payment", "最終返済日"),
}

ART_145 = Citation(law="民法", law_no="明治29年法律第89号", article="145", amended_by="平成29年法律第44号",
                   en="prescription must be invoked (援用) by the debtor, guarantor or other interested party")
ART_140 = Citation(law="民法", law_no="明治29年法律第89号", article="140", en="the first day is not counted")
ART_143 = Citation(law="民法", law_no="明治29年法律第89号", article="143", paragraph="2",
                   en="years end the day before the anniversary of the first counted day; month end if none")
ART_142 = Citation(law="民法", law_no="明治29年法律第89号", article="142",
                   en="a last day on a Sunday or holiday moves to the next day only where there is a custom of not transacting")
FUSOKU_10 = Citation(law="民法の一部を改正する法律", law_no="平成29年法律第44号", article="附則10条",
                     en="transition: claims that arose (or whose cause was made) before 2020-04-01 keep the old prescription law")
CASE_S41 = Citation(case="最大判昭和41年4月20日", reporter="民集20巻4号702頁",
                    en="an acknowledgment after completion bars invoking it, even without knowing (good faith)")
CASE_S45 = Citation(case="最判昭和45年5月21日", en="after such an acknowledgment a new period runs from it")
CASE_S42 = Citation(case="最判昭和42年6月23日",
                    en="acceleration on request: the whole balance runs only from the declaration")



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



@dataclass(frozen=True)
class Analysis:
    regime: str
    period: PeriodChoice
    timeline: Timeline

    def basis(self) -> str:
        if self.timeline.period_years == self.period.years:
            return self.period.reason
        ja, _, en = self.period.reason.partition(" / ")
        n = self.timeline.period_years
        return f"{ja} → 判決確定等により{n}年 / {en} → {n} years after a final judgment"

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
    closed_day: str | None
    citations: tuple[Citation, ...]
    assumptions: tuple[str, ...]
    notes: tuple[str, ...]
    warnings: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        inp, a = self.input, self.primary
        completion = a.timeline.completion_on
        status, remaining = a.status(inp.as_of)
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "command": "jikou",
            "completion_date": _iso(completion),
            "invocable_from": _iso(completion + ONE_DAY if completion else None),
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
            "reason": self.regime.reason if a.regime == self.regime.regime else (self.regime.alternative_reason or ""),
            "period_basis": a.basis(),
            "creditor": inp.creditor,
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
                "completion_day_closed": self.closed_day,
                "unextended_completion_date": _iso(a.timeline.unextended_on),
            },
            "readings": [],
        }
        if self.alternative is not None:
            alt = self.alternative
            alt_completion = alt.timeline.completion_on
            alt_status, alt_remaining = alt.status(inp.as_of)
            reason = (
                self.regime.alternative_reason if alt.regime == self.regime.alternative else self.regime.reason
            )
            out["readings"].append(
                {
                    "regime": alt.regime,
                    "period_years": alt.timeline.period_years,
                    "completion_date": _iso(alt_completion),
                    "invocable_from": _iso(alt_completion + ONE_DAY if alt_completion else None),
                    "status": alt_status,
                    "days_remaining": alt_remaining,
                    "reason": reason or "",
                    "period_basis": alt.basis(),
                }
            )
        out["citations"] = [c.to_dict() for c in self.citations]
        out["assumptions"] = list(self.assumptions)
        out["notes"] = list(self.notes)
        out["warnings"] = list(self.warnings)
        return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None



# --------------------------------------------------------------------------------------
# The whole analysis


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
    cutover = reform_effective_date()
    facts = _facts(inp)
    if not facts:
        raise ConflictError(
            "give a starting fact: --last-payment, --due-date, --acceleration-date, --subrogation-date or --judgment-date"
        )
    if inp.creditor not in CREDITORS:
        raise InputError("--creditor", inp.creditor, "one of " + ", ".join(CREDITORS))
    if inp.claim_type is not None and inp.claim_type not in CLAIM_TYPES:
        raise InputError("--claim-type", inp.claim_type, "one of " + ", ".join(CLAIM_TYPES))
    for name, on in facts.items():
        if on > inp.as_of:
            flag = FACT_FLAGS[name][0]
            raise InputError(flag, on.isoformat(), f"a date on or before --as-of {inp.as_of.isoformat()}")
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

    assumptions: list[str] = []
    notes: list[str] = []
    warnings: list[str] = []

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
                assumptions.append(
                    f"最終返済日 {lp.isoformat()} は起算点後の一部弁済 = 承認として扱う (152条) / the last payment after the "
                    f"starting point is treated as an acknowledgment"
                )
            else:
                notes.append(
                    f"最終返済日 {lp.isoformat()} は起算点 {start_on.isoformat()} 以前のため計算に影響しない / the last "
                    f"payment precedes the starting point and does not affect it"
                )
    else:
        start_name, start_on = "last_payment", facts["last_payment"]
        notes.append(
            "最終返済日からの計算は実務上の目安: 厳密な起算点は最終返済後の次の弁済期、または期限の利益喪失日 (請求喪失型では"
            "喪失の意思表示の日、最判昭和42年6月23日)。最終返済日から数えると最も早い満了日になる (--due-date・"
            "--acceleration-date で厳密に) / counting from the last payment is the practitioners' shortcut and gives the "
            "earliest possible date; the strict starting point is the next due date or the acceleration date"
        )
    start_flag = FACT_FLAGS[start_name][0]
    judgment = "judgment" in base and start_name == "judgment"
    if "judgment" in base and not judgment:
        notes.append(
            f"{start_flag} が判決確定日より後: 確定時に弁済期の到来していない債権には判決の10年は適用されない "
            "(169条2項・旧174条の2第2項) / a debt not yet due when the judgment became final keeps its ordinary period"
        )
    for ev in events:
        if ev.on < start_on:
            raise InputError(
                ev.flag, ev.given or ev.label(),
                f"an event on or after the starting point {start_flag} {start_on.isoformat()}",
            )
    if start_name == "subrogation" and inp.creditor not in ("guarantor", "hoshou_kyokai", "company"):
        notes.append(
            "求償権の債権者は保証人: 保証会社なら --creditor guarantor、信用保証協会なら --creditor hoshou-kyokai / "
            "the right of reimbursement belongs to the guarantor"
        )

    # 2. Regime
    dated = [(on, FACT_FLAGS[k][0]) for k, on in facts.items()] + [(e.on, e.flag) for e in events]
    earliest = min(dated, key=lambda t: t[0])
    choice = select_regime(
        contract_on=inp.contract_on,
        earliest_fact=earliest,
        subrogation="subrogation" in facts,
        cutover=cutover,
    )

    # 3–4. Period and timeline, for each reading
    def analyse(regime: str) -> Analysis:
        if regime == "old":
            anchor = choice.anchor_on if choice.anchor_on < cutover else cutover - ONE_DAY
            period = old_law_period(
                anchor, creditor=inp.creditor, debtor_merchant=inp.debtor_merchant,
                claim_type=inp.claim_type, judgment=judgment,
            )
            jrow = rules.load("prescription_periods").row_on(anchor, "old_judgment")
        else:
            anchor = max(choice.anchor_on, cutover)
            period = new_law_period(anchor, claim_type=inp.claim_type, judgment=judgment)
            jrow = rules.load("prescription_periods").row_on(anchor, "new_judgment")
        period = replace(period, rows=period.rows + (jrow,)) if any(e.kind == "hanketsu" for e in events) else period
        tl = run_timeline(
            start_on=start_on, years=period.years, judgment_years=jrow.value,
            events=tuple(events), apply_142=inp.apply_142,
        )
        return Analysis(regime, period, tl)

    primary = analyse(choice.regime)
    alternative = analyse(choice.alternative) if choice.alternative else None
    if alternative is not None and choice.prefer_later:
        # None (a proceeding pending) is later than every date
        p_c, a_c = primary.timeline.completion_on or date.max, alternative.timeline.completion_on or date.max
        if a_c > p_c:
            primary, alternative = alternative, primary
    assumptions.extend(choice.assumptions)
    notes.extend(choice.notes)
    warnings.extend(choice.warnings)
    if alternative is not None:
        p_c, a_c = primary.timeline.completion_on, alternative.timeline.completion_on
        if p_c != a_c or primary.timeline.period_years != alternative.timeline.period_years:
            warnings.append(
                f"新旧いずれの法かで結果が異なる: {primary.regime} → {_iso(p_c)}、{alternative.regime} → {_iso(a_c)}。"
                f"--contract-date で確定を / the readings differ ({primary.regime}: {_iso(p_c)}, {alternative.regime}: "
                f"{_iso(a_c)}): give --contract-date"
            )
        else:
            notes.append(
                f"新旧いずれの読みでも満了日は同じ ({_iso(p_c)}) / both readings give the same completion date"
            )

    notes.extend(primary.period.notes)
    warnings.extend(primary.period.warnings)
    notes.extend(primary.timeline.notes)
    warnings.extend(primary.timeline.warnings)

    # 5. Result-level messages
    tl = primary.timeline
    for completed_on, ack_on in tl.barred:
        warnings.append(
            f"時効完成 ({completed_on.isoformat()}) 後の {ack_on.isoformat()} の承認: その完成した時効の援用は信義則上許されない "
            f"(最大判昭和41年4月20日)。新たな時効は承認から進行し (最判昭和45年5月21日) completion_date はその満了日 / "
            f"acknowledgment on {ack_on.isoformat()} after completion on {completed_on.isoformat()}: invoking that completion is "
            f"barred; completion_date reports the new period from the acknowledgment"
        )
    if tl.pending:
        warnings.append(
            "手続が係属中のため時効は完成しない: 終了 (判決確定 hanketsu・取下げ torisage・手続終了 shuryo) を --event で入力 / "
            "a proceeding is pending, so prescription cannot complete: enter its end as an --event"
        )
    closed_day: str | None = None
    if tl.unextended_on is not None:
        closed_day = cal.is_closed_day(tl.unextended_on)
        if inp.apply_142:
            if tl.completion_on != tl.unextended_on:
                warnings.append(
                    f"民法142条を適用 (--apply-142): 末日 {tl.unextended_on.isoformat()} は{closed_day}のため "
                    f"{_iso(tl.completion_on)} まで延長。時効への142条の適用は争いがあり通説・実務は否定 (UNVERIFIED) / "
                    f"art. 142 applied on request: extended to {_iso(tl.completion_on)}; contested for prescription (UNVERIFIED)"
                )
            else:
                notes.append("民法142条を適用 (--apply-142): 末日は休日でないため延長なし / art. 142 requested: no extension needed")
        else:
            notes.append(
                "民法142条 (末日が日曜・祝日等の場合の延長) は時効に適用しない (争いあり、実務は否定: UNVERIFIED)。"
                "--apply-142 で延長した日を表示 / art. 142 holiday extension not applied (contested; UNVERIFIED); "
                "--apply-142 shows the extended date"
            )
            if closed_day:
                extended = cal.next_open_day(tl.unextended_on)
                warnings.append(
                    f"満了日 {tl.unextended_on.isoformat()} は{closed_day.split(' / ')[0]}: 142条を適用する見解では "
                    f"{extended.isoformat()} まで延長され、援用は {(extended + ONE_DAY).isoformat()} から。安全側では延長後の日を"
                    f"基準に / the completion date is a {closed_day.split(' / ')[-1]}: if art. 142 applied it would move to "
                    f"{extended.isoformat()}"
                )
        if cal.is_projected(tl.unextended_on, inp.as_of):
            notes.append(
                f"{tl.unextended_on.year}年の祝日は推定 (春分・秋分の日は前年に官報で公表、臨時の祝日は法律で追加) / holidays "
                f"of {tl.unextended_on.year} are projected"
            )
    notes.append(
        "時効の効果は援用 (145条) により生じる: 内容証明郵便 (配達証明付) で援用の意思表示をするのが通例。裁判所は援用なしに"
        "時効を適用しない / prescription takes effect only when invoked (art. 145), usually by 内容証明 mail"
    )
    notes.append(
        f"時効は満了日の終了 (24時) に完成し、援用はその翌日から (140条・141条・143条) / completes at the end of the "
        f"completion date; 援用 from the next day"
    )

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
    return JikouResult(
        input=inp,
        start_on=start_on,
        start_flag=start_flag,
        regime=choice,
        primary=primary,
        alternative=alternative,
        closed_day=closed_day,
        citations=tuple(dedupe_citations(citations)),
        assumptions=tuple(assumptions),
        notes=tuple(notes),
        warnings=tuple(warnings),
    )
