"""The speed-ups of the batch path change no figure (issue 5 §1, speed):

- accrue() keeps exact integer ratios instead of chained Fractions: checked here against a
  plain Fraction computation written out in the test;
- other methods' totals (the court note, --compare) come from the figures-only path;
- the parsers are memoised: an error is raised again on every call, never cached away.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken_cli.calc import damages as D
from saiken_cli.errors import InputError

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
rates = st.sampled_from(["0.146", "0.2", "0.18", "0.03", "0.05", "0.1095", "0.15", "0.000001", "2.5"]).map(Decimal)


def reference_total(principal: int, rate: Decimal, parts, floor_each: bool) -> int:
    """Fractions, the slow obvious way: principal × rate × years, or × days / denominator."""
    exact = []
    for p in parts:
        term = Fraction(principal) * Fraction(rate) * p.count
        if p.kind == "days":
            term /= p.denominator
        exact.append(term)
    if floor_each:
        return sum(int(t) for t in exact)
    return int(sum(exact, Fraction(0)))


@settings(max_examples=200, deadline=None)
@given(principal=st.integers(1, 10**13), rate=rates, first=dates, span=st.integers(0, 5000),
       method=st.sampled_from(D.METHODS))
def test_integer_accrual_equals_the_fraction_reference(principal, rate, first, span, method):
    last = first + timedelta(days=span)
    m = D.method(method)
    parts, total = D.accrue(principal, rate, m, first, last)
    assert total == reference_total(principal, rate, parts, m.floor_at == "part")
    for p in parts:  # each part's exact value is principal × rate × count (/ denominator)
        expected = Fraction(principal) * Fraction(rate) * p.count / (p.denominator or 1)
        assert p.exact == expected
        if m.floor_at == "part":
            assert p.amount_yen == int(expected)
    assert sum(p.count for p in parts if p.kind == "days") <= span + 1
    assert D.accrue(principal, rate, m, first, last, detail=False) == ((), total)


@settings(max_examples=100, deadline=None)
@given(principal=st.integers(1, 10**10), rate=rates, first=dates, span=st.integers(1, 3000),
       pays=st.lists(st.tuples(st.integers(0, 3000), st.integers(1, 10**10)), max_size=4))
def test_figures_only_path_gives_the_same_totals(principal, rate, first, span, pays):
    last = first + timedelta(days=span)
    payments = tuple(D.Payment(first + timedelta(days=min(d, span)), a) for d, a in pays)
    for key in D.METHODS:
        m = D.method(key)
        full = D._accrue_span(principal, rate, m, first, last, payments)
        quick = D._accrue_span(principal, rate, m, first, last, payments, detail=False)
        assert full[1:5] == quick[1:5]  # total, principal, unpaid, paid
        assert sum(s.amount_yen for s in full[0]) == full[1]


def test_the_court_note_figure_is_the_court_method_total():
    # ref 1.7-style case across a leap year: simple365 notes the court figure; it must be
    # exactly what --method court computes
    inp = D.DamagesInput(principal_yen=1_000_000, rate=Decimal("0.146"), first_on=date(2019, 6, 1), last_on=date(2021, 3, 31))
    court = D.compute(D.DamagesInput(principal_yen=1_000_000, rate=Decimal("0.146"), method="court",
                                     first_on=date(2019, 6, 1), last_on=date(2021, 3, 31))).total_yen
    simple = D.compute(inp)
    (note,) = simple.notes
    assert note.code == "damages.court_method_differs" and note.params["court_total_yen"] == court
    compared = dict(D.compute(inp._replace(compare=True)).comparison)
    assert compared["court"] == court and compared["simple365"] == simple.total_yen
    assert set(compared) == set(D.METHODS)


def test_design_card_figure_still_24657():
    r = D.compute(D.DamagesInput(principal_yen=500000, rate=Decimal("0.2"), days=90))
    assert r.total_yen == 24657  # 500000 × 0.2 × 90 / 365 = 24657.53…
    assert r.segments[0].parts[0].exact == Fraction(500000) * Fraction("0.2") * 90 / 365


def test_memoised_parsers_raise_every_time_and_return_equal_values():
    from saiken_cli import parsing as p

    for _ in range(3):
        with pytest.raises(InputError):
            p.parse_rate("20", "--rate")
        with pytest.raises(InputError):
            p.parse_date("2024-02-30", "--from")
        with pytest.raises(InputError):
            p.parse_yen("0", "--principal")
    assert p.parse_yen("0", "--x", allow_zero=True) == 0  # keyword arguments are part of the key
    assert p.parse_rate("legal", "--rate", allow_legal=True) is None
    with pytest.raises(InputError):
        p.parse_rate("legal", "--rate")
    assert p.parse_yen("５０万円", "--principal") == p.parse_yen("500000", "--principal") == 500000
    assert p.parse_yen("1,000,000", "--p") == 1_000_000 and p.parse_yen("１２３", "--p") == 123


@pytest.mark.parametrize("text", ["1873-01-01", "2999-12-31", "M6.1.1", "R981.12.31"])  # M6.1.1 = 1873-01-01
def test_date_bounds_inclusive(text):
    from saiken_cli import parsing as p

    if text == "R981.12.31":  # 令和 years have at most two digits in the letter form
        with pytest.raises(InputError):
            p.parse_date(text, "--on")
        return
    assert p.parse_date(text, "--on") in (date(1873, 1, 1), date(2999, 12, 31))


@pytest.mark.parametrize("text, needle", [("1872-12-31", "1873-01-01"), ("3000-01-01", "2999-12-31"), ("0001-01-01", "1873-01-01")])
def test_dates_outside_the_bounds_are_input_errors(text, needle):
    from saiken_cli import parsing as p

    with pytest.raises(InputError) as e:
        p.parse_date(text, "--to")
    assert needle in e.value.message and "--to" in e.value.message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("M6.1.1", date(1873, 1, 1)),  # 改暦: 明治6年1月1日 = 1873-01-01 (明治元年 = 1868)
        ("明治31年7月16日", date(1898, 7, 16)),  # 民法施行の日
        ("M45.7.29", date(1912, 7, 29)),  # 明治の最終日
        ("T1.7.30", date(1912, 7, 30)),
        ("S64.1.7", date(1989, 1, 7)),
        ("平成元年1月8日", date(1989, 1, 8)),
    ],
)
def test_meiji_years_count_from_1868(text, expected):
    """Found while testing the date bounds: 明治 years were counted from 1873 (the first day
    saiken reads) instead of 1868, so M6.1.1 read as 1878-01-01. Both directions fixed."""
    from saiken_cli import parsing as p

    assert p.parse_date(text, "--on") == expected
    assert p.parse_date(p.to_wareki(expected), "--on") == expected
    assert p.parse_date(p.to_wareki(expected, style="letter"), "--on") == expected


def test_payloads_share_no_mutable_part_with_each_other_or_the_caches():
    """The citation and rule-row dicts are built once and copied per payload (batch speed):
    changing one payload, however deep, must not change the next."""
    inp = D.DamagesInput(principal_yen=1_000_000, rate=None, first_on=date(2019, 6, 1), last_on=date(2021, 3, 31))
    import json

    first = D.compute(inp).to_dict()
    expected = json.dumps(D.compute(inp).to_dict(), ensure_ascii=False)  # a snapshot, not shared objects
    assert first["rate_rows"] and first["rate_rows"][0]["citations"]
    first["rate_rows"][0]["citations"][0]["label"] = "changed"
    first["rate_rows"][0]["label"] = "changed"
    first["citations"][0]["label"] = "changed"
    first["segments"][0]["parts"][0]["exact_yen"] = "changed"
    assert json.dumps(D.compute(inp).to_dict(), ensure_ascii=False) == expected
