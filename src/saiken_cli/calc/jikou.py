"""消滅時効 (extinctive prescription): completion date, regime, period and event timeline.

Spec: rules-reference.md §4 and §9. Pure: no clock (``as_of`` is given), no I/O.

1. The starting point (起算点): the latest of ``--due-date`` / ``--acceleration-date`` /
   ``--subrogation-date`` / ``--judgment-date``; ``--last-payment`` after it is an
   acknowledgment (承認) in the timeline; ``--last-payment`` alone is the practitioners'
   shortcut (the earliest possible date, §4.6).
2. The regime (附則10条): :func:`select_regime` says old or new law and why; where it cannot
   be inferred both readings are computed (``readings``).
3. The period: :func:`old_law_period` (商事5年 / 民事10年 / 旧170–174 short periods / 判決10年)
   or :func:`new_law_period` (166条1項: 5 years from knowledge, 10 from exercisability; 169条).
4. The timeline: each event, by its own date, renews (更新/中断) or suspends (完成猶予/停止)
   per rules/data/prescription_events.toml (附則10条2項・3項).
5. Periods are counted by :func:`saiken_cli.calc.periods.period_end` only (民法140–143条).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from saiken_cli import rules
from saiken_cli.calc import calendar as cal
from saiken_cli.calc.periods import period_end
from saiken_cli.calc.rates import reform_effective_date
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Citation, Row, dedupe_citations

SCHEMA_VERSION = "1"
ONE_DAY = timedelta(days=1)

#: Event kinds: canonical romaji → (Japanese, English).
KINDS: dict[str, tuple[str, str]] = {
    "shounin": ("承認", "acknowledgment (any payment, request to defer or reduce, signed acknowledgment)"),
    "saikoku": ("催告", "demand (e.g. 内容証明郵便)"),
    "kyogi": ("協議合意", "written agreement to negotiate"),
    "kyozetsu": ("協議拒絶", "written refusal to continue negotiating"),
    "teiso": ("訴え提起", "lawsuit filed"),
    "tokusoku": ("支払督促", "payment order applied for"),
    "hanketsu": ("判決確定", "final judgment or equivalent (和解, 調停, 仮執行宣言付支払督促)"),
    "torisage": ("取下げ", "withdrawal / dismissal: a proceeding ends without fixing the right"),
    "sashiosae": ("強制執行", "compulsory execution (差押え)"),
    "karisashiosae": ("仮差押え", "provisional attachment / disposition (仮差押え・仮処分)"),
    "shuryo": ("手続終了", "end of a pending execution or provisional attachment"),
}

#: What users may type for each kind (romaji, Japanese, common synonyms).
KIND_ALIASES: dict[str, str] = {
    **{k: k for k in KINDS},
    **{ja: k for k, (ja, _) in KINDS.items()},
    "shonin": "shounin", "一部弁済": "shounin", "弁済": "shounin", "債務承認": "shounin",
    "内容証明": "saikoku",
    "kyougi": "kyogi", "協議": "kyogi", "協議の合意": "kyogi",
    "kyouzetsu": "kyozetsu", "協議続行拒絶": "kyozetsu",
    "訴訟": "teiso", "提訴": "teiso", "訴え": "teiso",
    "督促": "tokusoku",
    "判決": "hanketsu", "和解": "hanketsu",
    "取り下げ": "torisage", "却下": "torisage", "取消し": "torisage",
    "差押え": "sashiosae", "差押": "sashiosae",
    "仮差押": "karisashiosae", "仮処分": "karisashiosae",
    "終了": "shuryo", "shuuryou": "shuryo",
}

#: --creditor values (rules/data/creditor_types.toml keys) and their aliases.
CREDITORS = ("company", "guarantor", "shinkin", "shinkumi", "cooperative", "hoshou_kyokai", "jhf", "individual")
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
    "個人": "individual",
}

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
CASE_S41 = Citation(case="最大判昭和41年4月20日",
                    en="an acknowledgment after completion bars invoking it, even without knowing (good faith)")
CASE_S45 = Citation(case="最判昭和45年5月21日", en="after such an acknowledgment a new period runs from it")
CASE_S42 = Citation(case="最判昭和42年6月23日",
                    en="acceleration on request: the whole balance runs only from the declaration")


# --------------------------------------------------------------------------------------
# Input and result


@dataclass(frozen=True)
class Event:
    on: date
    kind: str
    agreed_months: int | None = None  # 協議合意: an agreed period shorter than 1 year
    agreed_days: int | None = None
    target: str | None = None  # 取下げ/手続終了: which pending proceeding ends
    flag: str = "--event"
    given: str = ""

    def label(self) -> str:
        return f"{self.on.isoformat()}:{self.kind}"


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
class PeriodChoice:
    years: int
    key: str
    rows: tuple[Row, ...]
    reason: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegimeChoice:
    regime: str  # "old" | "new"
    reason: str
    anchor_on: date
    alternative: str | None = None  # the other reading, when the facts do not decide
    alternative_reason: str | None = None
    prefer_later: bool = False  # facts undecided: report the reading that completes later
    assumptions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventEffect:
    on: date
    kind: str
    effect: str
    completion_after: date | None
    rows: tuple[Row, ...] = ()
    source: str = "--event"

    def to_dict(self) -> dict[str, Any]:
        ja, en = KINDS[self.kind]
        return {
            "date": self.on.isoformat(),
            "kind": self.kind,
            "kind_ja": ja,
            "effect": self.effect,
            "completion_after": self.completion_after.isoformat() if self.completion_after else None,
            "source": self.source,
        }


@dataclass(frozen=True)
class Timeline:
    completion_on: date | None  # None while a proceeding is pending
    unextended_on: date | None
    period_years: int
    effects: tuple[EventEffect, ...]
    barred: tuple[tuple[date, date], ...]  # (completed_on, acknowledged_on)
    pending: tuple[str, ...]
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()


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
        return PeriodChoice(row.value, "old_judgment", (row,), f"{row.label} / right fixed by judgment: {row.value} years (old art. 174-2)")
    short_key = CLAIM_TYPES.get(claim_type or "loan")
    if short_key:
        row = periods.row_on(anchor_on, short_key)
        return PeriodChoice(
            row.value,
            short_key,
            (row,),
            f"{row.label} / old short period: {row.value} years",
            notes=(
                "短期消滅時効の起算点は各号の定める時 (例: 工事終了時・事件終了時): その日を --due-date に / "
                "the short period runs from the point its article names: give that day as --due-date",
            ),
            warnings=(
                f"旧法の短期消滅時効 ({row.label}) を適用 — status {row.status}: 条文の原文で確認を / "
                f"old short period applied (status {row.status}): confirm against the original text",
            ),
        )
    ctype = rules.load("creditor_types").row_on(anchor_on, creditor)
    commercial = ctype["commercial"] == "yes" or (debtor_merchant and ctype["merchant_borrower"] == "yes")
    key = "old_commercial" if commercial else "old_civil"
    row = periods.row_on(anchor_on, key)
    if ctype["commercial"] == "yes":
        why_ja, why_en = f"債権者 {ctype.label} の貸付は商行為", "the lender's loan is a commercial act"
    elif commercial:
        why_ja, why_en = f"借主が商人 (商法3条1項) — 債権者 {ctype.label} は商人でないが商事", "the borrower is a merchant"
    else:
        why_ja, why_en = f"債権者 {ctype.label} は商人でなく借主も商人でない", "neither lender nor borrower is a merchant"
    warnings: list[str] = []
    if ctype.status in ("UNVERIFIED", "INTERPRETATION"):
        warnings.append(
            f"債権者の種別 {ctype.label}: {ctype.status} — {ctype.note or ''} / creditor classification is {ctype.status}"
        )
    notes: tuple[str, ...] = ()
    if key == "old_commercial":
        notes = (
            "旧商法522条 (商事5年) を施行日前の債権に引き続き適用する整備法 (平成29年法律第45号) の経過措置は原文未確認 "
            "(reference §11-1: open item, UNVERIFIED) / the 整備法 transitional rule keeping old Commercial Code art. 522 "
            "was not read (UNVERIFIED)",
        )
    return PeriodChoice(
        row.value,
        key,
        (row, ctype),
        f"{row.label}: {why_ja} / {'commercial' if commercial else 'civil'} claim, {row.value} years: {why_en}",
        notes=notes,
        warnings=tuple(warnings),
    )


def new_law_period(anchor_on: date, *, claim_type: str | None, judgment: bool) -> PeriodChoice:
    """The new-law period: 169条 (judgment) 10 years, else 166条1項 (5 from knowledge / 10 from exercisability)."""
    periods = rules.load("prescription_periods")
    if judgment:
        row = periods.row_on(anchor_on, "new_judgment")
        return PeriodChoice(row.value, "new_judgment", (row,), f"{row.label} (169条1項) / {row.value} years")
    subj = periods.row_on(anchor_on, "new_subjective")
    obj = periods.row_on(anchor_on, "new_objective")
    notes = [
        f"166条1項: 主観的起算点から{subj.value}年 / 客観的起算点から{obj.value}年のいずれか早い方。貸金では債権者は弁済期を"
        f"知っているので両起算点は一致し{subj.value}年が先に満了する / loans: both starting points coincide, so the "
        f"{subj.value}-year limb ends first",
    ]
    if claim_type and CLAIM_TYPES.get(claim_type):
        notes.append(
            "新法では短期消滅時効 (旧170–174条) は廃止: --claim-type は新法の債権には適用されない / "
            "the old short periods were abolished: --claim-type does not apply to a new-law claim"
        )
    return PeriodChoice(
        subj.value,
        "new_subjective",
        (subj, obj),
        f"{subj.label} (166条1項1号) / {subj.value} years from knowledge",
        notes=tuple(notes),
    )


# --------------------------------------------------------------------------------------
# Regime: 附則10条


def select_regime(
    *, contract_on: date | None, earliest_fact: tuple[date, str], subrogation: bool, cutover: date
) -> RegimeChoice:
    """Old or new law under 附則10条1項・4項, with the reason; both readings when undecided."""
    first_on, first_flag = earliest_fact
    cut = cutover.isoformat()
    if contract_on is not None:
        if contract_on < cutover:
            reason = (
                f"契約日 (原因である法律行為) {contract_on.isoformat()} が施行日 {cut} より前 → 旧法 (附則10条1項括弧書・4項) / "
                f"the contract predates {cut}: old law"
            )
            if subrogation and first_on >= cutover:
                return RegimeChoice(
                    "old", reason, contract_on,
                    alternative="new",
                    alternative_reason=(
                        f"代位弁済 (求償権の発生) は施行日以後: 保証委託契約を原因行為と見なければ新法 / "
                        f"the right of reimbursement arose after {cut}: new law if the guarantee contract is not its cause"
                    ),
                    warnings=(
                        "求償権: 施行日前の保証委託契約を附則10条1項の「原因である法律行為」とみて旧法を適用 (INTERPRETATION, "
                        "reference §4.4-2)。新法による読みを readings に表示 / the pre-2020 guarantee contract is read as the "
                        "cause of the right of reimbursement (INTERPRETATION); the new-law reading is shown in readings",
                    ),
                )
            notes: tuple[str, ...] = ()
            if first_on >= cutover:
                notes = (
                    "リボ・カードローン等で施行日前の基本契約に基づき施行日以後に借入れた部分は、個々の借入れが「原因である法律行為」"
                    "として新法になるとの見解がある (UNVERIFIED, reference §4.4-1) / revolving draws after 2020-04-01 under an "
                    "older framework contract may fall under the new law (UNVERIFIED)",
                )
            return RegimeChoice("old", reason, contract_on, notes=notes)
        return RegimeChoice(
            "new",
            f"契約日 {contract_on.isoformat()} が施行日 {cut} 以後 → 債権も施行日以後に発生: 新法 / the contract is on or after {cut}: new law",
            max(first_on, cutover),
        )
    if first_on < cutover:
        return RegimeChoice(
            "old",
            f"{first_flag} {first_on.isoformat()} が施行日 {cut} より前 → 債権は施行日前に発生: 旧法 (附則10条1項・4項) / "
            f"{first_flag} predates {cut}, so the claim arose before it: old law",
            first_on,
            assumptions=(
                f"契約日不明: {first_flag} {first_on.isoformat()} から債権が施行日前に生じていたと推定 / contract date not "
                f"given: the claim existed on {first_on.isoformat()}, before {cut}",
            ),
        )
    return RegimeChoice(
        "new",
        f"すべての事実が施行日 {cut} 以後で契約日不明: 契約も施行日以後なら新法 / every fact is on or after {cut} and the "
        f"contract date is unknown: new law if the contract is too",
        first_on,
        alternative="old",
        alternative_reason=(
            f"契約 (原因である法律行為) が施行日 {cut} より前なら旧法 (附則10条1項括弧書) / old law if the contract predates {cut}"
        ),
        prefer_later=True,
        assumptions=(
            "契約日不明のため新旧いずれの法が適用されるか推定できない: 満了の遅い読みを表示し、他方を readings に表示 / "
            "the contract date decides the regime and is unknown: the later-completing reading is shown, the other in readings",
        ),
    )


# --------------------------------------------------------------------------------------
# Timeline: 更新・完成猶予 (中断・停止)


@dataclass
class _Proceeding:
    kind: str
    started_on: date
    row: Row
    moot: bool = False  # started after completion: it cannot revive the claim


@dataclass
class _State:
    start_on: date
    years: int
    windows: list[tuple[str, date, date]] = field(default_factory=list)
    saikoku: tuple[date, date] | None = None  # the 6 months of an effective 催告 (150条)
    kyogi: tuple[date, date, date] | None = None  # (from, until, cap) of a 協議 suspension (151条)
    pending: list[_Proceeding] = field(default_factory=list)

    def base_end(self) -> date:
        return period_end(self.start_on, years=self.years)

    def completion(self, *, without: str | None = None) -> date:
        ends = [self.base_end()] + [u for k, _, u in self.windows if k != without]
        return max(ends)

    def renew(self, on: date, years: int | None = None) -> None:
        self.start_on = on
        if years is not None:
            self.years = years
        self.windows.clear()
        self.saikoku = None
        self.kyogi = None

    def active_pending(self) -> list[_Proceeding]:
        return [p for p in self.pending if not p.moot]


def _months(row: Row) -> int:
    return row["months"]


def run_timeline(
    *,
    start_on: date,
    years: int,
    judgment_years: int,
    events: tuple[Event, ...],
    apply_142: bool,
) -> Timeline:
    """Apply the events in date order (ties in the order given) to a period from ``start_on``."""
    table = rules.load("prescription_events")
    st = _State(start_on, years)
    effects: list[EventEffect] = []
    barred: list[tuple[date, date]] = []
    notes: list[str] = []
    warnings: list[str] = []
    used: list[Row] = []
    ordered = sorted(enumerate(events), key=lambda ie: (ie[1].on, ie[0]))
    evs = [e for _, e in ordered]

    def done(on: date) -> date | None:
        """The completion date so far if the period has completed before ``on``."""
        if st.active_pending():
            return None
        c = _extend(st.completion(), apply_142)
        return c if on > c else None

    for i, ev in enumerate(evs):
        row = table.row_on(ev.on, ev.kind)
        used.append(row)
        eff = row["effect"]
        old = row.effective_until is not None and eff != "withdrawal"
        completed = done(ev.on)
        text: str

        if eff == "judgment":
            if completed is not None:
                notes.append(
                    f"{ev.on.isoformat()} の判決確定前に時効は {completed.isoformat()} に完成していた: 援用は訴訟内で主張すべきで、"
                    f"確定後は既判力により主張できない / prescription had completed on {completed.isoformat()}; it had to be "
                    f"invoked in the proceeding"
                )
            st.renew(ev.on, judgment_years)
            st.pending = [p for p in st.pending if p.kind not in ("teiso", "tokusoku")]
            text = (
                f"{'中断→' if old else ''}更新: 判決確定から新たに{judgment_years}年 / renewal: a new {judgment_years}-year period "
                f"from the final judgment"
            )
        elif eff in ("withdrawal", "end"):
            proc = _take_pending(st, ev)
            prow = proc.row
            action = prow["on_withdrawal"] if eff == "withdrawal" else prow["on_end"]
            if proc.moot:
                text = "効力なし: 時効完成後に開始された手続 / no effect: the proceeding began after completion"
            elif action == "renew":
                st.renew(ev.on)
                text = (
                    f"{KINDS[proc.kind][0]}の終了 → {'中断後の' if prow.effective_until else ''}新たな期間が進行 (更新) / "
                    f"end of {proc.kind}: a new period runs"
                )
            elif action == "suspend_after":
                until = period_end(ev.on, months=_months(prow))
                st.windows.append((proc.kind, proc.started_on, until))
                text = (
                    f"{KINDS[proc.kind][0]}の終了から{_months(prow)}か月 {until.isoformat()} まで完成猶予 / suspended until "
                    f"{until.isoformat()}, {_months(prow)} months after the end"
                )
            else:  # "void": the old law's interruption never happened
                text = (
                    f"中断の効力なし ({prow.citation.label()}): 手続がなかったものとして時効は進行 / no interruption: prescription "
                    f"ran as if the proceeding had not been started"
                )
                if proc.kind in ("teiso", "tokusoku"):
                    warnings.append(
                        f"{ev.on.isoformat()} 旧法の{KINDS[proc.kind][0]}の取下げ等: 判例上の「裁判上の催告」として終了後6か月内に"
                        f"他の中断事由があれば中断が認められる余地があるが、計算には反映していない (UNVERIFIED) / a withdrawn "
                        f"old-law claim may still act as a judicial demand (case law); not modelled (UNVERIFIED)"
                    )
            used.append(prow)
        elif completed is not None:
            if eff == "renew":  # 承認 after completion
                barred.append((completed, ev.on))
                st.renew(ev.on)
                text = (
                    f"時効完成 ({completed.isoformat()}) 後の承認: その時効の援用は信義則上許されない (最大判昭和41年4月20日)。"
                    f"新たな時効がこの承認から進行 (最判昭和45年5月21日) / acknowledgment after completion: invoking that "
                    f"completion is barred; a new period runs from it"
                )
            elif eff == "pending":
                st.pending.append(_Proceeding(ev.kind, ev.on, row, moot=True))
                text = (
                    f"効力なし: 時効は {completed.isoformat()} に完成済み — 手続内で援用を主張 / no effect: prescription "
                    f"completed on {completed.isoformat()}; invoke it in the proceeding"
                )
            else:
                text = (
                    f"効力なし: 時効は {completed.isoformat()} に完成済み / no effect: prescription completed on "
                    f"{completed.isoformat()}"
                )
        elif eff == "renew":
            st.renew(ev.on)
            text = (
                f"{'中断 (旧法)' if old else '更新'}: この日から新たに{st.years}年 / "
                f"{'interruption (old law)' if old else 'renewal'}: a new {st.years}-year period from this day"
            )
        elif eff == "suspend":
            if st.saikoku and st.saikoku[0] <= ev.on <= st.saikoku[1]:
                text = (
                    f"効力なし: 催告による猶予中 ({st.saikoku[1].isoformat()} まで) の再度の催告 (150条2項) / no effect: a "
                    f"second demand during a demand's suspension"
                )
            elif st.kyogi and st.kyogi[0] <= ev.on <= st.kyogi[1]:
                text = (
                    "効力なし: 協議の合意による猶予中の催告 (151条3項) / no effect: a demand during an agreement's suspension"
                )
            else:
                until = period_end(ev.on, months=_months(row))
                st.saikoku = (ev.on, until)
                st.windows.append(("saikoku", ev.on, until))
                text = f"完成猶予: {until.isoformat()} まで (催告から{_months(row)}か月) / suspended until {until.isoformat()}"
        elif eff == "conditional":
            limit = period_end(ev.on, months=_months(row))
            follow = next(
                (
                    f
                    for f in evs[i + 1 :]
                    if ev.on < f.on <= limit and table.row_on(f.on, f.kind)["effect"] == "pending"
                ),
                None,
            )
            if follow is None:
                text = (
                    f"効力なし: {limit.isoformat()} までに裁判上の請求等がない (旧153条) / no effect: no lawsuit etc. "
                    f"within 6 months"
                )
            else:
                st.windows.append(("saikoku", ev.on, follow.on))
                text = (
                    f"中断 (旧153条): {follow.on.isoformat()} の{KINDS[follow.kind][0]}が6か月以内 / interruption: "
                    f"followed by {follow.kind} on {follow.on.isoformat()}"
                )
        elif eff == "agreement":
            if st.saikoku and st.saikoku[0] <= ev.on <= st.saikoku[1]:
                text = "効力なし: 催告による猶予中の協議の合意 (151条3項) / no effect: agreement during a demand's suspension"
            else:
                renewal = st.kyogi is not None and st.kyogi[0] <= ev.on <= st.kyogi[1]
                cap = st.kyogi[2] if renewal and st.kyogi else period_end(
                    st.completion(without="kyogi"), years=row["cap_years"]
                )
                until = period_end(ev.on, years=row["years"])
                if ev.agreed_months or ev.agreed_days:
                    agreed = period_end(ev.on, months=ev.agreed_months or 0) if ev.agreed_months else period_end(
                        ev.on, days=ev.agreed_days or 0
                    )
                    if agreed >= until:
                        raise InputError(ev.flag, ev.given, "an agreed period shorter than 1 year (151条1項2号), e.g. :6m or :90d")
                    until = agreed
                capped = until > cap
                until = min(until, cap)
                st.kyogi = (ev.on, until, cap)
                st.windows = [w for w in st.windows if w[0] != "kyogi"] + [("kyogi", ev.on, until)]
                text = (
                    f"完成猶予: {until.isoformat()} まで{' (通算5年の上限, 151条2項)' if capped else ''} / suspended until "
                    f"{until.isoformat()}{' (5-year cap)' if capped else ''}"
                )
        elif eff == "refusal":
            if st.kyogi and st.kyogi[0] <= ev.on <= st.kyogi[1]:
                until = min(st.kyogi[1], period_end(ev.on, months=_months(row)))
                st.kyogi = (st.kyogi[0], until, st.kyogi[2])
                st.windows = [w for w in st.windows if w[0] != "kyogi"] + [("kyogi", st.kyogi[0], until)]
                text = f"協議による猶予は {until.isoformat()} まで (151条1項3号) / the agreement's suspension ends {until.isoformat()}"
            else:
                text = "効力なし: 協議の合意による猶予中ではない / no effect: no agreement's suspension is running"
        elif eff == "pending":
            st.pending.append(_Proceeding(ev.kind, ev.on, row))
            text = (
                "中断 (旧法): 手続の終了まで / interruption (old law) until the proceeding ends"
                if old
                else "完成猶予: 手続の係属中 / suspended while the proceeding is pending"
            )
        else:  # "none"
            text = f"効力なし ({row.citation.label()}) / no effect"

        completion_now = None if st.active_pending() else _extend(st.completion(), apply_142)
        effects.append(EventEffect(ev.on, ev.kind, text, completion_now, (row,), ev.flag))

    pending = tuple(p.kind for p in st.active_pending())
    unextended = None if pending else st.completion()
    completion = _extend(unextended, apply_142) if unextended else None
    return Timeline(
        completion_on=completion,
        unextended_on=unextended,
        period_years=st.years,
        effects=tuple(effects),
        barred=tuple(barred),
        pending=pending,
        notes=tuple(notes),
        warnings=tuple(warnings),
        rows=tuple(used),
    )


def _take_pending(st: _State, ev: Event) -> _Proceeding:
    candidates = [p for p in st.pending if ev.target is None or p.kind == ev.target]
    if not candidates:
        what = KINDS[ev.target][0] if ev.target else "訴え提起・支払督促・強制執行・仮差押え"
        raise ConflictError(
            f"--event {ev.label()}: no pending {what} before it to end "
            "(enter the DATE:teiso / tokusoku / sashiosae / karisashiosae event first)"
        )
    proc = candidates[-1]
    st.pending.remove(proc)
    return proc


def _extend(d: date | None, apply_142: bool) -> date | None:
    if d is None or not apply_142:
        return d
    return cal.next_open_day(d)


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
