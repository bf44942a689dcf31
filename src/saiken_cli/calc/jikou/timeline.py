"""消滅時効: the event timeline — 更新・完成猶予 (中断・停止) applied in date order.

Each event, by its own date, renews or suspends per rules/data/prescription_events.toml
(附則10条2項・3項: the law in force on the event's date). :func:`run_timeline` applies them to
a period; periods are counted by :func:`saiken_cli.calc.periods.period_end` only. The events
themselves (their kinds and types) are in :mod:`.events`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from saiken_cli import rules
from saiken_cli.calc import calendar as cal
from saiken_cli.calc.jikou.events import KIND_TERMS, KINDS, Event, EventEffect, Timeline
from saiken_cli.calc.messages import Message, msg
from saiken_cli.calc.periods import period_end
from saiken_cli.errors import ConflictError, InputError
from saiken_cli.rules import Row


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
    # 150条2項・151条3項 「時効の完成が猶予されている間」: its first day, per the reading
    # (rules/data/suspension_reading.toml): the day after the would-be completion (drafters), or
    # the day of the 催告 or agreement itself (literal)
    saikoku_during: date | None = None
    kyogi_during: date | None = None
    reading: str = "original_completion"
    window_end: date | None = None  # the latest end of a suspension window other than 協議
    kyogi_end: date | None = None  # the end of the 協議 window (at most one)
    active: int = 0  # pending proceedings that are not moot
    _base: tuple[date, int, date] | None = None  # (start_on, years, period end), computed once

    def during_from(self, event_on: date) -> date:
        """The first day "during" a suspension that an event on ``event_on`` starts now."""
        if self.reading == "event":
            return event_on
        # the drafters: only once 「時効が本来完成すべき時が到来している」 — after the day the period
        # would have completed without any suspension
        return self.base_end() + timedelta(days=1)

    def in_saikoku(self, on: date) -> bool:
        return self.saikoku is not None and self.saikoku_during is not None and self.saikoku_during <= on <= self.saikoku[1]

    def in_kyogi(self, on: date) -> bool:
        return self.kyogi is not None and self.kyogi_during is not None and self.kyogi_during <= on <= self.kyogi[1]

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
        self.saikoku_during = None
        self.kyogi_during = None

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
    notes: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
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
    reading: str = "drafters",
) -> Timeline:
    """Apply the events in date order (ties in the order given) to a period from ``start_on``.

    ``reading``: a key of rules/data/suspension_reading.toml — when completion is 「猶予されて
    いる間」 for 150条2項・151条3項 (``drafters``, the default, or ``literal``)."""
    ordered = sorted(enumerate(events), key=lambda ie: (ie[1].on, ie[0]))
    window_from = rules.load("suspension_reading").only(reading)["window_from"]
    run = _Run(
        _State(start_on, years, reading=window_from), rules.load("prescription_events"), [e for _, e in ordered],
        judgment_years, apply_142,
    )
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
# Each handler applies one event to ``run.st`` and returns what it did (the effect, a message).


def _judgment(run: _Run, ev: Event, old: bool, completed: date | None) -> Message:
    """判決確定 (147条2項, 169条; 旧157条2項): a new period of the judgment's length."""
    st, judgment_years = run.st, run.judgment_years
    if completed is not None:
        run.notes.append(msg("jikou.completed_before_judgment", judgment_on=ev.on, completed_on=completed))
    st.renew(ev.on, judgment_years)
    st.drop_pending(lambda p: p.kind not in ("teiso", "tokusoku"))
    if old:
        return msg("jikou.effect_judgment_interruption_renewal", period_years=judgment_years)
    return msg("jikou.effect_judgment_renewal", period_years=judgment_years)


def _proceeding_ends(run: _Run, ev: Event, eff: str) -> Message:
    """取下げ・手続終了: the pending proceeding ends (renew, suspend for months, or void)."""
    st = run.st
    proc = _take_pending(st, ev)
    prow = proc.row
    action = prow["on_withdrawal"] if eff == "withdrawal" else prow["on_end"]
    if proc.moot:
        text = msg("jikou.effect_proceeding_began_after_completion")
    elif action == "renew":
        st.renew(ev.on)
        if prow.effective_until:
            text = msg("jikou.effect_proceeding_end_new_period_old_law", kind_msg=KIND_TERMS[proc.kind])
        else:
            text = msg("jikou.effect_proceeding_end_new_period", kind_msg=KIND_TERMS[proc.kind])
    elif action == "suspend_after":
        until = period_end(ev.on, months=_months(prow))
        st.add_window(proc.kind, until)
        text = msg("jikou.effect_proceeding_end_suspends", kind_msg=KIND_TERMS[proc.kind], suspension_months=_months(prow), until_on=until)
    else:  # "void": the old law's interruption never happened
        text = msg("jikou.effect_interruption_void", article=prow.citation)
        if proc.kind in ("teiso", "tokusoku"):
            run.warnings.append(msg("jikou.withdrawn_claim_judicial_demand_unverified", withdrawn_on=ev.on, kind_msg=KIND_TERMS[proc.kind]))
    run.used.append(prow)
    return text


def _after_completion(run: _Run, ev: Event, row: Row, eff: str, completed: date) -> Message:
    """An event after the period completed: 承認 bars invoking it (信義則); others have no effect."""
    st = run.st
    if eff == "renew":  # 承認 after completion
        run.barred.append((completed, ev.on))
        st.renew(ev.on)
        return msg("jikou.effect_acknowledgment_after_completion", completed_on=completed)
    if eff == "pending":
        st.add_pending(_Proceeding(ev.kind, ev.on, row, moot=True))
        return msg("jikou.effect_completed_invoke_in_proceeding", completed_on=completed)
    return msg("jikou.effect_completed_no_effect", completed_on=completed)


def _renew(run: _Run, i: int, ev: Event, row: Row, old: bool) -> Message:
    """承認 (152条; 旧147条3号): a new period from this day."""
    st = run.st
    st.renew(ev.on)
    if old:
        return msg("jikou.effect_interruption_old_law", period_years=st.years)
    return msg("jikou.effect_renewal", period_years=st.years)


def _demand(run: _Run, i: int, ev: Event, row: Row, old: bool) -> Message:
    """催告 (150条): suspended for months, once; not during another demand's or an agreement's suspension."""
    st = run.st
    if st.in_saikoku(ev.on):
        return msg("jikou.saikoku_repeat_no_effect", suspended_until_on=st.saikoku[1])
    if st.in_kyogi(ev.on):
        return msg("jikou.saikoku_during_agreement_no_effect")
    until = period_end(ev.on, months=_months(row))
    during = st.during_from(ev.on)
    if st.saikoku is None or until > st.saikoku[1]:
        st.saikoku, st.saikoku_during = (ev.on, until), during
    st.add_window("saikoku", until)
    return msg("jikou.effect_demand_suspends", until_on=until, suspension_months=_months(row))


def _old_demand(run: _Run, i: int, ev: Event, row: Row, old: bool) -> Message:
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
        return msg("jikou.effect_old_demand_not_followed", limit_on=limit, suspension_months=_months(row))
    st.add_window("saikoku", follow.on)
    return msg("jikou.effect_old_demand_followed", followed_on=follow.on, kind_msg=KIND_TERMS[follow.kind], suspension_months=_months(row))


def _agreement(run: _Run, i: int, ev: Event, row: Row, old: bool) -> Message:
    """協議を行う旨の合意 (151条): suspended for a year (or the agreed shorter period), 5 years at most."""
    st = run.st
    if st.in_saikoku(ev.on):
        return msg("jikou.agreement_during_saikoku_no_effect")
    during = st.during_from(ev.on)
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
    st.kyogi_during = during
    st.set_kyogi_window(until)
    if capped:
        return msg("jikou.effect_agreement_suspends_capped", until_on=until, cap_years=row["cap_years"])
    return msg("jikou.effect_agreement_suspends", until_on=until)


def _refusal(run: _Run, i: int, ev: Event, row: Row, old: bool) -> Message:
    """協議の続行を拒絶する通知 (151条1項3号): the agreement's suspension ends months after it."""
    st = run.st
    if st.kyogi and st.kyogi[0] <= ev.on <= st.kyogi[1]:
        until = min(st.kyogi[1], period_end(ev.on, months=_months(row)))
        st.kyogi = (st.kyogi[0], until, st.kyogi[2])
        st.set_kyogi_window(until)
        return msg("jikou.effect_refusal_ends_suspension", until_on=until)
    return msg("jikou.refusal_without_agreement_no_effect")


def _pending(run: _Run, i: int, ev: Event, row: Row, old: bool) -> Message:
    """裁判上の請求・強制執行・仮差押え等: suspended (interrupted, old law) while pending."""
    run.st.add_pending(_Proceeding(ev.kind, ev.on, row))
    if old:
        return msg("jikou.effect_proceeding_interrupts_old_law")
    return msg("jikou.effect_proceeding_suspends")


def _no_effect(run: _Run, i: int, ev: Event, row: Row, old: bool) -> Message:
    return msg("jikou.effect_none", article=row.citation)


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
