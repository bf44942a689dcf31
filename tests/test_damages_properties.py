"""Hypothesis properties of the damages arithmetic (issue 2 §4)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from saiken_cli.calc.damages import METHODS, DamagesInput, Payment, compute

principals = st.integers(min_value=1, max_value=10**11)
rates = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("0.9999"), places=4)
starts = st.dates(min_value=date(2000, 1, 1), max_value=date(2028, 12, 31))
lengths = st.integers(min_value=0, max_value=3 * 366)
dated_methods = st.sampled_from(METHODS)

SETTINGS = settings(max_examples=150, deadline=None)


@SETTINGS
@given(principals, rates, st.integers(min_value=1, max_value=20_000))
def test_simple365_for_n_days_equals_the_formula_exactly(principal, rate, days):
    expected = (principal * rate.as_integer_ratio()[0] * days) // (rate.as_integer_ratio()[1] * 365)
    assert compute(DamagesInput(principal, rate, days=days)).total_yen == expected


@SETTINGS
@given(principals, principals, rates, starts, lengths, dated_methods)
@example(100_000, 100_001, Decimal("0.18"), date(2006, 8, 2), 562, "court-each")
def test_never_decreases_as_principal_grows(p1, p2, rate, start, length, method):
    lo, hi = sorted((p1, p2))
    end = start + timedelta(days=length)
    a = compute(DamagesInput(lo, rate, method=method, first_on=start, last_on=end)).total_yen
    b = compute(DamagesInput(hi, rate, method=method, first_on=start, last_on=end)).total_yen
    assert a <= b


@SETTINGS
@given(principals, rates, starts, lengths, lengths, dated_methods)
@example(1_000_000, Decimal("0.05"), date(2019, 3, 1), 364, 365, "court")  # across a whole year
@example(1_000_000, Decimal("0.05"), date(2020, 2, 29), 364, 365, "kyotaku")
def test_never_decreases_as_days_grow(principal, rate, start, l1, l2, method):
    lo, hi = sorted((l1, l2))
    a = compute(DamagesInput(principal, rate, method=method, first_on=start, last_on=start + timedelta(days=lo))).total_yen
    b = compute(DamagesInput(principal, rate, method=method, first_on=start, last_on=start + timedelta(days=hi))).total_yen
    assert a <= b


@SETTINGS
@given(principals, rates, starts, lengths)
def test_court_and_court_each_differ_by_at_most_parts_minus_one(principal, rate, start, length):
    end = start + timedelta(days=length)
    whole = compute(DamagesInput(principal, rate, method="court", first_on=start, last_on=end))
    each = compute(DamagesInput(principal, rate, method="court-each", first_on=start, last_on=end))
    parts = len(whole.segments[0].parts)
    assert 0 <= whole.total_yen - each.total_yen <= parts - 1


@SETTINGS
@given(principals, rates, starts, lengths, dated_methods)
def test_parts_sum_to_the_whole_before_rounding(principal, rate, start, length, method):
    """The total is the floor of the exact sum (or the sum of floors), never anything else."""
    end = start + timedelta(days=length)
    r = compute(DamagesInput(principal, rate, method=method, first_on=start, last_on=end))
    parts = r.segments[0].parts
    exact = sum((p.exact for p in parts), Fraction(0))
    if method == "court-each":
        assert r.total_yen == sum(int(p.exact) for p in parts)
    else:
        assert r.total_yen == int(exact)
    if method in ("simple365", "actual"):
        # day methods are additive: every day's share is rate/365 (simple365) or rate/len(year)
        days = sum(p.count for p in parts)
        assert days == (end - start).days + 1


@SETTINGS
@given(
    principals,
    rates,
    starts,
    lengths,
    st.integers(min_value=0, max_value=3 * 366),
    st.integers(min_value=1, max_value=10**11),
    st.sampled_from(["simple365", "actual"]),
)
def test_a_payment_never_increases_the_total_owed(principal, rate, start, length, offset, amount, method):
    """For the day-additive methods: principal + unpaid damages never grow because of a payment.

    (court/kyotaku restart their whole-year count after each payment — that is how the
    segments are defined — so the split itself can move a few yen either way; see README.)
    """
    end = start + timedelta(days=length)
    paid_on = start + timedelta(days=min(offset, length))
    without = compute(DamagesInput(principal, rate, method=method, first_on=start, last_on=end))
    with_pay = compute(
        DamagesInput(principal, rate, method=method, first_on=start, last_on=end, payments=(Payment(paid_on, amount),))
    )
    assert with_pay.total_owed_yen <= without.total_owed_yen
    assume(amount <= without.total_owed_yen)
    assert with_pay.total_owed_yen <= without.total_owed_yen - amount + 1


@SETTINGS
@given(principals, rates, starts, lengths)
def test_simple365_with_dates_equals_simple365_with_the_same_number_of_days(principal, rate, start, length):
    end = start + timedelta(days=length)
    dated = compute(DamagesInput(principal, rate, first_on=start, last_on=end))
    undated = compute(DamagesInput(principal, rate, days=length + 1))
    assert dated.total_yen == undated.total_yen
