"""`saiken sashiosae`: Hypothesis properties of the arithmetic (calc layer, no CLI)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from saiken_cli.calc.garnishment import GarnishmentInput, Period, compute

PAID = date(2026, 10, 1)
FAST = settings(max_examples=200, deadline=None)

periods = st.one_of(
    st.sampled_from(["monthly", "semimonthly", "dekad", "weekly", "daily", "bonus", "retirement"]).map(Period),
    st.integers(1, 366).map(lambda n: Period("days", n)),
    st.integers(1, 12).map(lambda n: Period("months", n)),
)
tax_periods = st.one_of(st.just(Period("monthly")), st.integers(1, 12).map(lambda n: Period("months", n)))
nets = st.integers(1, 50_000_000)
roundings = st.sampled_from(["floor", "ceil"])


def g(net, period=Period("monthly"), **kw):
    return compute(GarnishmentInput(paid_on=PAID, net_yen=net, period=period, **kw))


@FAST
@given(net=nets, period=periods, support=st.booleans(), rounding=roundings)
def test_garnishable_plus_protected_is_net(net, period, support, rounding):
    r = g(net, period, support=support, rounding=rounding)
    assert r.garnishable_yen + r.protected_yen == net
    assert 0 <= r.garnishable_yen <= net


@FAST
@given(net=nets, period=tax_periods, dependents=st.integers(0, 10), rounding=roundings)
def test_tax_garnishable_plus_protected_is_net(net, period, dependents, rounding):
    r = g(net, period, tax=True, dependents=dependents, rounding=rounding)
    assert r.garnishable_yen + r.protected_yen == net
    assert 0 <= r.garnishable_yen <= net
    # the protected amount is never below the base (or the whole net, if smaller)
    assert r.protected_yen >= min(net, r.tax["base_yen"])


@FAST
@given(a=nets, b=nets, period=periods, support=st.booleans(), rounding=roundings)
def test_garnishable_never_decreases_as_net_grows(a, b, period, support, rounding):
    lo, hi = sorted((a, b))
    assert g(lo, period, support=support, rounding=rounding).garnishable_yen <= g(
        hi, period, support=support, rounding=rounding
    ).garnishable_yen


@FAST
@given(a=nets, b=nets, period=tax_periods, dependents=st.integers(0, 10))
def test_tax_garnishable_never_decreases_as_net_grows(a, b, period, dependents):
    lo, hi = sorted((a, b))
    kw = dict(tax=True, dependents=dependents)
    assert g(lo, period, **kw).garnishable_yen <= g(hi, period, **kw).garnishable_yen


@FAST
@given(net=nets, period=periods, rounding=roundings)
def test_support_never_garnishes_less_than_ordinary(net, period, rounding):
    assert g(net, period, support=True, rounding=rounding).garnishable_yen >= g(
        net, period, rounding=rounding
    ).garnishable_yen


@FAST
@given(net=nets, support=st.booleans())
def test_retirement_never_applies_a_cap(net, support):
    r = g(net, Period("retirement"), support=support)
    assert r.rule["cap_yen"] is None and r.rule["which"] == "fraction_no_cap"
    share = Fraction(1, 2) if support else Fraction(1, 4)
    assert r.garnishable_yen == (net * share.numerator) // share.denominator


@FAST
@given(net=nets, period=periods.filter(lambda p: p.kind != "retirement"), support=st.booleans())
def test_protected_never_exceeds_the_cap_or_the_fraction(net, period, support):
    r = g(net, period, support=support)
    f = Fraction(1, 2) if support else Fraction(3, 4)
    cap = r.rule["cap_yen"]
    # floor(garnishable) means protected is the exact protected amount rounded UP (≤ 1 yen)
    exact = min(net * f, cap)
    assert exact <= r.protected_yen < exact + 1
    assert r.rule["which"] == ("fraction" if net <= r.rule["threshold_yen"] else "cap")
