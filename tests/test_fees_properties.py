"""`saiken fees`: Hypothesis properties of the tier arithmetic and the rule data."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from saiken_cli import rules
from saiken_cli.calc.fees import FeesInput, compute, tier_fee

AMOUNTS = st.integers(min_value=1, max_value=10**12)
TIER_EDGES = [10**6, 5 * 10**6, 10**7, 10**9, 5 * 10**9]


def fees(amount):
    return compute(FeesInput(amount_yen=amount))


@settings(max_examples=200, deadline=None)
@given(AMOUNTS, st.integers(min_value=0, max_value=10**10))
@example(10**6, 1)
@example(5 * 10**6, 1)
@example(10**7, 1)
@example(10**9, 1)
@example(5 * 10**9, 1)
def test_fees_never_decrease_as_the_amount_grows(amount, more):
    a, b = fees(amount), fees(amount + more)
    for key in ("filing_fee_yen", "payment_order_fee_yen", "mediation_fee_yen", "appeal_fee_yen", "final_appeal_fee_yen"):
        assert getattr(a, key) <= getattr(b, key)


@settings(max_examples=200, deadline=None)
@given(AMOUNTS)
@example(1)
@example(150_000)
@example(1_600_000)
def test_payment_order_is_exactly_half_and_appeals_exact(amount):
    """別表第一 10項: ½ of the 1項 amount. Every 1項 amount is a multiple of 1,000円, so the half,
    1.5× and 2× are whole yen (no rounding step: the floor of INTERPRETATION never bites)."""
    r = fees(amount)
    assert r.filing_fee_yen % 1000 == 0
    assert r.payment_order_fee_yen * 2 == r.filing_fee_yen
    assert r.appeal_fee_yen * 2 == r.filing_fee_yen * 3
    assert r.final_appeal_fee_yen == r.filing_fee_yen * 2
    assert not any("円未満" in w for w in r.warnings)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(TIER_EDGES), st.sampled_from(["filing", "mediation"]))
def test_one_yen_over_a_tier_boundary_starts_one_unit_of_the_next_tier(edge, key):
    row = rules.load("court_fees").only(key)
    below, _ = tier_fee(edge, row.tiers)
    above, parts = tier_fee(edge + 1, row.tiers)
    assert above - below == parts[-1].fee_per_unit_yen and parts[-1].units == 1


@settings(max_examples=200, deadline=None)
@given(AMOUNTS)
def test_thresholds_are_inclusive_and_consistent(amount):
    r = fees(amount)
    assert (r.court == "summary") == (amount <= 1_400_000)
    assert r.small_claims_eligible == (amount <= 600_000)
    assert r.shihoshoshi_eligible == (amount <= 1_400_000)
    assert sum(p.amount_yen for p in r.filing_parts) == r.filing_fee_yen
    assert sum(p.portion_yen for p in r.filing_parts) == amount


def test_rule_data_tiers_are_well_formed():
    table = rules.load("court_fees")
    for key in ("filing", "mediation"):
        for row in [r for r in table.rows if r.key == key]:
            tops = [t.get("up_to_yen") for t in row.tiers]
            assert tops[-1] is None and all(t is not None for t in tops[:-1])
            assert tops[:-1] == sorted(tops[:-1])
            above_1oku = [t for t in row.tiers if t.get("up_to_yen") is None or t["up_to_yen"] > 10**9]
            assert all(t["tier_status"] == "UNVERIFIED" for t in above_1oku)
    # the premise of "no rounding needed": every 1項 tier fee is a multiple of 1,000円
    assert all(t["fee_yen"] % 1000 == 0 for t in table.only("filing").tiers)
