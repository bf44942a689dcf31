"""消滅時効: the event timeline — 更新・完成猶予 (中断・停止) applied in date order.

Each event, by its own date, renews or suspends per rules/data/prescription_events.toml
(附則10条2項・3項: the law in force on the event's date). :func:`run_timeline` applies them to
a period; periods are counted by :func:`saiken_cli.calc.periods.period_end` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from saiken_cli import rules
from saiken_cli.calc import calendar as cal
from saiken_cli.calc.periods import period_end
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Row

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



@dataclass
class _Proceeding:
    kind: str
    started_on: date
    row: Row
    moot: bool = False  # started after completion: it cannot revive the claim


@dataclass
class _State:
    """The running period. Each question an event asks of it is answered in constant time
    (issue 15: 40,000 events took 15.6 s when every event rescanned every window and every
    pending proceeding): the suspension windows are kept as the latest end among them (the
    協議 window, replaced rather than added, apart), the pending proceedings with a count
    of those that are not moot."""

    start_on: date
    years: int
    saikoku: tuple[date, date] | None = None  # the 6 months of an effective 催告 (150条)
    kyogi: tuple[date, date, date] | None = None  # (from, until, cap) of a 協議 suspension (151条)
    pending: list[_Proceeding] = field(default_factory=list)
    window_end: date | None = None  # the latest end of a suspension window other than 協議
    kyogi_end: date | None = None  # the end of the 協議 window (at most one)
    active: int = 0  # pending proceedings that are not moot
    _base: tuple[date, int, date] | None = None  # (start_on, years, period end), computed once

    def base_end(self) -> date:
        if self._base is None or self._base[:2] != (self.start_on, self.years):
            self._base = (self.start_on, self.years, period_end(self.start_on, years=self.years))
        return self._base[2]

    def completion(self, *, without: str | None = None) -> date:
        ends = [self.base_end()]
        if self.window_end is not None:
            ends.append(self.window_end)
        if self.kyogi_end is not None and without != "kyogi":
            ends.append(self.kyogi_end)
        return max(ends)

    def add_window(self, kind: str, until: date) -> None:
        """A suspension until ``until`` (催告, the months after a proceeding ends); 協議: set_kyogi_window."""
        if self.window_end is None or until > self.window_end:
            self.window_end = until

    def set_kyogi_window(self, until: date) -> None:
        self.kyogi_end = until

    def renew(self, on: date, years: int | None = None) -> None:
        self.start_on = on
        if years is not None:
            self.years = years
        self.window_end = self.kyogi_end = None
        self.saikoku = None
        self.kyogi = None

    def add_pending(self, proc: _Proceeding) -> None:
        self.pending.append(proc)
        if not proc.moot:
            self.active += 1

    def drop_pending(self, keep) -> None:
        self.pending = [p for p in self.pending if keep(p)]
        self.active = sum(1 for p in self.pending if not p.moot)

    def has_active_pending(self) -> bool:
        return self.active > 0

    def active_pending(self) -> list[_Proceeding]:
        return [p for p in self.pending if not p.moot]


def _months(row: Row) -> int:
    return row["months"]


@dataclass
class _Run:
    """One timeline being built: the period's state, the events in date order and what they said."""

    st: _State
    table: Any  # rules.Table of prescription_events
    evs: list[Event]
    judgment_years: int
    apply_142: bool
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    barred: list[tuple[date, date]] = field(default_factory=list)  # (completed_on, acknowledged_on)
    used: list[Row] = field(default_factory=list)

    def completed_before(self, on: date) -> date | None:
        """The completion date so far if the period has completed before ``on``."""
        if self.st.has_active_pending():
            return None
        c = _extend(self.st.completion(), self.apply_142)
        return c if on > c else None


def run_timeline(
    *,
    start_on: date,
    years: int,
    judgment_years: int,
    events: tuple[Event, ...],
    apply_142: bool,
) -> Timeline:
    """Apply the events in date order (ties in the order given) to a period from ``start_on``."""
    ordered = sorted(enumerate(events), key=lambda ie: (ie[1].on, ie[0]))
    run = _Run(_State(start_on, years), rules.load("prescription_events"), [e for _, e in ordered], judgment_years, apply_142)
    st = run.st
    effects: list[EventEffect] = []
    for i, ev in enumerate(run.evs):
        row = run.table.row_on(ev.on, ev.kind)
        run.used.append(row)
        eff = row["effect"]
        old = row.effective_until is not None and eff != "withdrawal"
        completed = run.completed_before(ev.on)
        if eff == "judgment":
            text = _judgment(run, ev, old, completed)
        elif eff in ("withdrawal", "end"):
            text = _proceeding_ends(run, ev, eff)
        elif completed is not None:
            text = _after_completion(run, ev, row, eff, completed)
        else:
            text = _IN_COURSE.get(eff, _no_effect)(run, i, ev, row, old)
        completion_now = None if st.has_active_pending() else _extend(st.completion(), apply_142)
        effects.append(EventEffect(ev.on, ev.kind, text, completion_now, (row,), ev.flag))

    pending = tuple(p.kind for p in st.active_pending())
    unextended = None if pending else st.completion()
    completion = _extend(unextended, apply_142) if unextended else None
    return Timeline(
        completion_on=completion,
        unextended_on=unextended,
        period_years=st.years,
        effects=tuple(effects),
        barred=tuple(run.barred),
        pending=pending,
        notes=tuple(run.notes),
        warnings=tuple(run.warnings),
        rows=tuple(run.used),
    )


# --- what each kind of event does -----------------------------------------------------
# Each handler applies one event to ``run.st`` and returns what it did (the effect text).


def _judgment(run: _Run, ev: Event, old: bool, completed: date | None) -> str:
    """判決確定 (147条2項, 169条; 旧157条2項): a new period of the judgment's length."""
    st, judgment_years = run.st, run.judgment_years
    if completed is not None:
        run.notes.append(
            f"{ev.on.isoformat()} の判決確定前に時効は {completed.isoformat()} に完成していた: 援用は訴訟内で主張すべきで、"
            f"確定後は既判力により主張できない / prescription had completed on {completed.isoformat()}; it had to be "
            f"invoked in the proceeding"
        )
    st.renew(ev.on, judgment_years)
    st.drop_pending(lambda p: p.kind not in ("teiso", "tokusoku"))
    return (
        f"{'中断→' if old else ''}更新: 判決確定から新たに{judgment_years}年 / renewal: a new {judgment_years}-year period "
        f"from the final judgment"
    )


def _proceeding_ends(run: _Run, ev: Event, eff: str) -> str:
    """取下げ・手続終了: the pending proceeding ends (renew, suspend for months, or void)."""
    st = run.st
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
        st.add_window(proc.kind, until)
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
            run.warnings.append(
                f"{ev.on.isoformat()} 旧法の{KINDS[proc.kind][0]}の取下げ等: 判例上の「裁判上の催告」として終了後6か月内に"
                f"他の中断事由があれば中断が認められる余地があるが、計算には反映していない (UNVERIFIED) / a withdrawn "
                f"old-law claim may still act as a judicial demand (case law); not modelled (UNVERIFIED)"
            )
    run.used.append(prow)
    return text


def _after_completion(run: _Run, ev: Event, row: Row, eff: str, completed: date) -> str:
    """An event after the period completed: 承認 bars invoking it (信義則); others have no effect."""
    st = run.st
    if eff == "renew":  # 承認 after completion
        run.barred.append((completed, ev.on))
        st.renew(ev.on)
        return (
            f"時効完成 ({completed.isoformat()}) 後の承認: その時効の援用は信義則上許されない (最大判昭和41年4月20日)。"
            f"新たな時効がこの承認から進行 (最判昭和45年5月21日) / acknowledgment after completion: invoking that "
            f"completion is barred; a new period runs from it"
        )
    if eff == "pending":
        st.add_pending(_Proceeding(ev.kind, ev.on, row, moot=True))
        return (
            f"効力なし: 時効は {completed.isoformat()} に完成済み — 手続内で援用を主張 / no effect: prescription "
            f"completed on {completed.isoformat()}; invoke it in the proceeding"
        )
    return (
        f"効力なし: 時効は {completed.isoformat()} に完成済み / no effect: prescription completed on "
        f"{completed.isoformat()}"
    )


def _renew(run: _Run, i: int, ev: Event, row: Row, old: bool) -> str:
    """承認 (152条; 旧147条3号): a new period from this day."""
    st = run.st
    st.renew(ev.on)
    return (
        f"{'中断 (旧法)' if old else '更新'}: この日から新たに{st.years}年 / "
        f"{'interruption (old law)' if old else 'renewal'}: a new {st.years}-year period from this day"
    )


def _demand(run: _Run, i: int, ev: Event, row: Row, old: bool) -> str:
    """催告 (150条): suspended for months, once; not during another demand's or an agreement's suspension."""
    st = run.st
    if st.saikoku and st.saikoku[0] <= ev.on <= st.saikoku[1]:
        return (
            f"効力なし: 催告による猶予中 ({st.saikoku[1].isoformat()} まで) の再度の催告 (150条2項) / no effect: a "
            f"second demand during a demand's suspension"
        )
    if st.kyogi and st.kyogi[0] <= ev.on <= st.kyogi[1]:
        return "効力なし: 協議の合意による猶予中の催告 (151条3項) / no effect: a demand during an agreement's suspension"
    until = period_end(ev.on, months=_months(row))
    st.saikoku = (ev.on, until)
    st.add_window("saikoku", until)
    return f"完成猶予: {until.isoformat()} まで (催告から{_months(row)}か月) / suspended until {until.isoformat()}"


def _old_demand(run: _Run, i: int, ev: Event, row: Row, old: bool) -> str:
    """催告 under the old law (旧153条): an interruption only if a lawsuit etc. follows within the months."""
    st, table = run.st, run.table
    limit = period_end(ev.on, months=_months(row))
    follow = None
    for j in range(i + 1, len(run.evs)):  # only the events up to the limit (they are in date order)
        f = run.evs[j]
        if f.on > limit:
            break
        if ev.on < f.on and table.row_on(f.on, f.kind)["effect"] == "pending":
            follow = f
            break
    if follow is None:
        return f"効力なし: {limit.isoformat()} までに裁判上の請求等がない (旧153条) / no effect: no lawsuit etc. within 6 months"
    st.add_window("saikoku", follow.on)
    return (
        f"中断 (旧153条): {follow.on.isoformat()} の{KINDS[follow.kind][0]}が6か月以内 / interruption: "
        f"followed by {follow.kind} on {follow.on.isoformat()}"
    )


def _agreement(run: _Run, i: int, ev: Event, row: Row, old: bool) -> str:
    """協議を行う旨の合意 (151条): suspended for a year (or the agreed shorter period), 5 years at most."""
    st = run.st
    if st.saikoku and st.saikoku[0] <= ev.on <= st.saikoku[1]:
        return "効力なし: 催告による猶予中の協議の合意 (151条3項) / no effect: agreement during a demand's suspension"
    renewal = st.kyogi is not None and st.kyogi[0] <= ev.on <= st.kyogi[1]
    cap = st.kyogi[2] if renewal and st.kyogi else period_end(st.completion(without="kyogi"), years=row["cap_years"])
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
    st.set_kyogi_window(until)
    return (
        f"完成猶予: {until.isoformat()} まで{' (通算5年の上限, 151条2項)' if capped else ''} / suspended until "
        f"{until.isoformat()}{' (5-year cap)' if capped else ''}"
    )


def _refusal(run: _Run, i: int, ev: Event, row: Row, old: bool) -> str:
    """協議の続行を拒絶する通知 (151条1項3号): the agreement's suspension ends months after it."""
    st = run.st
    if st.kyogi and st.kyogi[0] <= ev.on <= st.kyogi[1]:
        until = min(st.kyogi[1], period_end(ev.on, months=_months(row)))
        st.kyogi = (st.kyogi[0], until, st.kyogi[2])
        st.set_kyogi_window(until)
        return f"協議による猶予は {until.isoformat()} まで (151条1項3号) / the agreement's suspension ends {until.isoformat()}"
    return "効力なし: 協議の合意による猶予中ではない / no effect: no agreement's suspension is running"


def _pending(run: _Run, i: int, ev: Event, row: Row, old: bool) -> str:
    """裁判上の請求・強制執行・仮差押え等: suspended (interrupted, old law) while pending."""
    run.st.add_pending(_Proceeding(ev.kind, ev.on, row))
    if old:
        return "中断 (旧法): 手続の終了まで / interruption (old law) until the proceeding ends"
    return "完成猶予: 手続の係属中 / suspended while the proceeding is pending"


def _no_effect(run: _Run, i: int, ev: Event, row: Row, old: bool) -> str:
    return f"効力なし ({row.citation.label()}) / no effect"


#: The rule row's ``effect`` → its handler, for an event while the period runs.
_IN_COURSE = {
    "renew": _renew,
    "suspend": _demand,
    "conditional": _old_demand,
    "agreement": _agreement,
    "refusal": _refusal,
    "pending": _pending,
    "none": _no_effect,
}


def _take_pending(st: _State, ev: Event) -> _Proceeding:
    """The latest pending proceeding the event ends (searched from the end: usually the last)."""
    found = None
    for idx in range(len(st.pending) - 1, -1, -1):
        if ev.target is None or st.pending[idx].kind == ev.target:
            found = idx
            break
    if found is None:
        what = KINDS[ev.target][0] if ev.target else "訴え提起・支払督促・強制執行・仮差押え"
        raise ConflictError(
            f"--event {ev.label()}: no pending {what} before it to end "
            "(enter the DATE:teiso / tokusoku / sashiosae / karisashiosae event first)"
        )
    proc = st.pending.pop(found)
    if not proc.moot:
        st.active -= 1
    return proc


def _extend(d: date | None, apply_142: bool) -> date | None:
    if d is None or not apply_142:
        return d
    return cal.next_open_day(d)
