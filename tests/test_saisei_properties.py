"""`saiken saisei`: Hypothesis properties of the minimum-repayment formula and the installments."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from saiken_cli import rules
from saiken_cli.calc.saisei import ROUNDINGS, SaiseiInput, compute, installments, minimum_repayment

ROW = rules.load("saisei").only("minimum_repayment")
LIMIT = ROW["limit_yen"]
DEBTS = st.integers(min_value=1, max_value=LIMIT)
BOUNDARIES = [1_000_000, 5_000_000, 15_000_000, 30_000_000, 50_000_000]


def minimum(b):
    return minimum_repayment(b, ROW, "ceil").amount_yen


@settings(max_examples=200, deadline=None)
@given(DEBTS, st.integers(min_value=0, max_value=LIMIT))
@example(999_999, 1)
@example(5_000_000, 1)
@example(15_000_000, 1)
@example(30_000_000, 1)
def test_minimum_never_decreases_as_the_debt_grows(b, more):
    c = min(b + more, LIMIT)
    assert minimum(b) <= minimum(c)


@settings(max_examples=200, deadline=None)
@given(DEBTS)
def test_minimum_is_within_its_statutory_bounds(b):
    m = minimum(b)
    assert m <= b
    assert m >= min(b, 1_000_000)
    if b <= 30_000_000:
        assert m <= 3_000_000
        assert m * 5 >= b or m == 3_000_000
    else:
        assert b <= m * 10 < b + 10  # ceil of b/10


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(BOUNDARIES))
def test_formula_is_continuous_at_every_boundary(edge):
    """rules-reference §7.1: 以下/未満 wording does not matter — one yen moves the minimum by ≤ 1."""
    lo, hi = minimum(edge), minimum(edge + 1) if edge < LIMIT else minimum(edge)
    assert 0 <= hi - lo <= 1


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=1, max_value=120),
    st.sampled_from(sorted(ROUNDINGS.values())),
)
@example(1_000_000, 36, 1)
@example(37, 36, 1000)
@example(10_000, 36, 1000)
@example(0, 36, 1)
def test_installments_add_up_and_are_positive(total, months, unit):
    s, _ = installments(total, months, unit)
    assert s.regular_yen * (months - 1) + s.last_yen == total
    assert s.last_yen >= 0 and s.regular_yen >= 0
    if s.method == "ceil":
        assert s.regular_yen % unit == 0
        assert 0 < s.last_yen <= s.regular_yen or total == 0
        assert s.regular_yen - total / months < unit  # rounding moves by less than one unit
    else:
        assert s.last_yen >= s.regular_yen


@settings(max_examples=100, deadline=None)
@given(DEBTS, st.one_of(st.none(), st.integers(0, 10**8)), st.one_of(st.none(), st.integers(0, 10**8)))
def test_plan_total_is_the_largest_test_capped_at_the_debt(b, liq, di):
    r = compute(SaiseiInput(debt_yen=b, liquidation_value_yen=liq, disposable_income_yen=di))
    largest = max(t["amount_yen"] for t in r.tests)
    assert r.plan_total_yen == min(largest, b)
    assert next(t for t in r.tests if t["test"] == r.binding_test)["amount_yen"] == largest
    assert r.minimum.amount_yen == minimum(b)
