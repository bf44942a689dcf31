"""Hypothesis properties of the 時効 timeline (issue 3):

- the completion date never precedes the start;
- adding a 承認 never makes completion earlier;
- a second 催告 inside a 催告's 猶予 never changes the result (150条2項).
"""

from datetime import date, timedelta

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from saiken_cli.calc.jikou import Event, JikouInput, compute
from saiken_cli.calc.periods import period_end

AS_OF = date(2045, 12, 31)
SETTINGS = settings(max_examples=int(__import__("os").environ.get("JIKOU_EXAMPLES", "120")), deadline=None)

KINDS = ("shounin", "saikoku", "kyogi", "kyozetsu", "teiso", "torisage", "hanketsu", "sashiosae", "shuryo", "karisashiosae")

starts = st.dates(min_value=date(2012, 1, 1), max_value=date(2028, 12, 31))
creditors = st.sampled_from(("company", "shinkin", "individual"))


@st.composite
def scenario(draw, kinds=KINDS):
    start = draw(starts)
    contract = draw(st.one_of(st.none(), st.just(start)))
    offsets = draw(st.lists(st.integers(min_value=0, max_value=12 * 366), max_size=5))
    evs = []
    pending: list[str] = []  # mirror the engine: hanketsu ends lawsuits, torisage/shuryo the latest proceeding
    for off in sorted(offsets):
        kind = draw(st.sampled_from(kinds))
        if kind in ("torisage", "shuryo"):
            if not pending:
                kind = "saikoku"
            else:
                pending.pop()
        elif kind in ("teiso", "sashiosae", "karisashiosae"):
            pending.append(kind)
        elif kind == "hanketsu":
            pending = [k for k in pending if k != "teiso"]
        evs.append(Event(start + timedelta(days=off), kind))
    return JikouInput(
        as_of=AS_OF, due_on=start, contract_on=contract, creditor=draw(creditors), events=tuple(evs),
        apply_142=draw(st.booleans()),
    )


def completion(inp):
    return compute(inp).primary.timeline.completion_on


@SETTINGS
@given(scenario())
def test_completion_never_precedes_the_start(inp):
    c = completion(inp)
    assume(c is not None)
    assert c > inp.due_on
    # and never precedes the shortest period from the start
    assert c >= period_end(inp.due_on, years=5)


@SETTINGS
@given(scenario(), st.integers(min_value=0, max_value=15 * 366))
def test_adding_an_acknowledgment_never_makes_completion_earlier(inp, offset):
    ack_on = inp.due_on + timedelta(days=offset)
    assume(ack_on <= AS_OF)
    before = completion(inp)
    after = completion(JikouInput(**{**inp.__dict__, "events": inp.events + (Event(ack_on, "shounin"),)}))
    # None = a proceeding is pending: completion lies beyond every date
    if before is None:  # a pending proceeding stays pending
        assert after is None
    else:
        assert after is None or after >= before


@SETTINGS
@given(
    st.dates(min_value=date(2020, 4, 1), max_value=date(2028, 12, 31)),
    st.lists(st.tuples(st.integers(0, 12 * 366), st.sampled_from(("shounin", "saikoku", "kyogi", "kyozetsu"))), max_size=4),
    st.integers(0, 12 * 366),
    st.integers(0, 200),
)
@example(date(2021, 3, 31), [], 1675, 30)  # issue 11: a demand 2025-11-01, a second 2025-12-01 (before 2026-03-31)
def test_second_demand_inside_a_suspension_changes_nothing(start, others, first_off, gap):
    """150条2項, read literally (--suspension-reading literal): from the first 催告 on, a second one is void."""
    first = start + timedelta(days=first_off)
    base_events = tuple(Event(start + timedelta(days=o), k) for o, k in others) + (Event(first, "saikoku"),)
    inp = JikouInput(as_of=AS_OF, due_on=start, contract_on=start, events=base_events, suspension_reading="literal")
    res = compute(inp)
    eff = [e for e in res.primary.timeline.effects if e.on == first and e.kind == "saikoku"][-1]
    assume(eff.effect.code == "jikou.effect_demand_suspends")  # the first demand did suspend
    window_end = period_end(first, months=6)
    second = first + timedelta(days=gap)
    assume(second <= window_end)
    # nothing else happens between the two demands
    assume(not any(first <= e.on <= second for e in base_events[:-1]))
    again = compute(JikouInput(**{**inp.__dict__, "events": base_events + (Event(second, "saikoku"),)}))
    assert again.primary.timeline.completion_on == res.primary.timeline.completion_on
    assert again.to_dict()["status"] == res.to_dict()["status"]


@SETTINGS
@given(
    st.dates(min_value=date(2020, 4, 1), max_value=date(2028, 12, 31)),
    st.integers(0, 180),
    st.integers(0, 10_000),
    st.sampled_from(("saikoku", "kyogi")),
)
def test_drafters_second_event_after_the_would_be_completion_changes_nothing(start, back, after, kind):
    """150条2項・151条3項 as the drafters read them (一問一答 Q25 注; the default): a second 催告 or an agreement
    made once the period would have completed without the first 催告 — while only that 催告 keeps it open —
    changes nothing; made on or before that day, it keeps its own effect."""
    inp = JikouInput(as_of=AS_OF, due_on=start, contract_on=start)
    without = compute(inp).primary.timeline.completion_on
    first = without - timedelta(days=back)
    until = period_end(first, months=6)
    one = compute(JikouInput(**{**inp.__dict__, "events": (Event(first, "saikoku"),)}))
    assert one.primary.timeline.completion_on == until
    second = without + timedelta(days=1 + after % (until - without).days)
    two = compute(JikouInput(**{**inp.__dict__, "events": (Event(first, "saikoku"), Event(second, kind))}))
    assert two.primary.timeline.completion_on == until
    # on the would-be completion day itself, a second event is not "during" the suspension
    on_day = compute(JikouInput(**{**inp.__dict__, "events": (Event(first, "saikoku"), Event(without, kind))}))
    assert on_day.primary.timeline.completion_on > until or kind == "saikoku" and period_end(without, months=6) == until
