"""民法140–143条 period arithmetic (calc/periods.py), rules-reference §4.7–§4.8."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

from saiken_cli.calc.periods import period_end, whole_years_within

D = date


@pytest.mark.parametrize(
    "event_on, kwargs, expected",
    [
        pytest.param(D(2019, 5, 1), dict(years=5), D(2024, 5, 1), id="4-1 last payment 2019-05-01 + 5y → end of 2024-05-01"),
        pytest.param(D(2019, 5, 1), dict(years=10), D(2029, 5, 1), id="4-2 + 10y → 2029-05-01"),
        pytest.param(D(2019, 6, 1), dict(years=5), D(2024, 6, 1), id="4-3 installment 2019-06-01 + 5y"),
        pytest.param(D(2020, 2, 28), dict(years=5), D(2025, 2, 28), id="4-5/4-8 起算日 02-29, no 2025-02-29 → 02-28"),
        pytest.param(D(2020, 2, 29), dict(years=5), D(2025, 2, 28), id="4-7/4-10 起算日 03-01 → 2025-02-28"),
        pytest.param(D(2019, 2, 28), dict(years=5), D(2024, 2, 29), id="issue 3: 2019-02-28 + 5y → 2024-02-29"),
        pytest.param(D(2022, 10, 20), dict(years=5), D(2027, 10, 20), id="4-11/4-14 承認 2022-10-20 → 2027-10-20"),
        pytest.param(D(2023, 7, 6), dict(months=2), D(2023, 9, 6), id="4-18 mc-law.jp 2 months from 2023-07-06"),
        pytest.param(D(2020, 4, 1), dict(years=5), D(2025, 4, 1), id="§9.2 off-by-one: 2020-04-01 + 5y ends 2025-04-01"),
        pytest.param(D(2021, 1, 30), dict(months=1), D(2021, 2, 28), id="起算日 01-31, no 02-31 → month end"),
        pytest.param(D(2020, 3, 31), dict(days=1), D(2020, 4, 1), id="days: first day not counted"),
    ],
)
def test_period_end_vectors(event_on, kwargs, expected):
    assert period_end(event_on, **kwargs) == expected


def test_a_period_starting_at_midnight_counts_its_first_day():
    """140条ただし書: the damages year from 起算日 2005-08-02 ends 2006-08-01 (岡山地裁)."""
    assert period_end(D(2005, 8, 2), years=1, starts_at_midnight=True) == D(2006, 8, 1)
    assert period_end(D(2020, 2, 29), years=1, starts_at_midnight=True) == D(2021, 2, 28)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)), st.integers(0, 30), st.integers(0, 11))
@example(D(2020, 2, 28), 5, 0)
@example(D(2019, 1, 30), 0, 1)
def test_period_end_agrees_with_dateutil_as_an_independent_oracle(event_on, years, months):
    """dateutil's relativedelta clamps to the month end exactly as 143条2項ただし書 does."""
    if years == 0 and months == 0:
        return
    kisan = event_on + timedelta(days=1)
    shifted = kisan + relativedelta(years=years, months=months)
    expected = shifted if shifted.day != kisan.day else shifted - timedelta(days=1)
    assert period_end(event_on, years=years, months=months) == expected
    assert period_end(event_on, years=years, months=months) >= event_on


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 1, 1)), st.integers(0, 4000))
def test_whole_years_fit_inside_the_span(start, length):
    end = start + timedelta(days=length)
    n, last = whole_years_within(start, end)
    assert last <= end
    if n:
        assert last == period_end(start, years=n, starts_at_midnight=True)
    assert period_end(start, years=n + 1, starts_at_midnight=True) > end


@settings(max_examples=300)
@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 1, 1)), st.integers(0, 4000))
@example(D(2019, 12, 31), 0)
@example(D(2019, 12, 31), 1)
@example(D(2020, 1, 1), 365)
def test_calendar_year_pieces_cover_the_span_exactly(start, length):
    """split_by_calendar_year (the court method's 暦年日割): contiguous pieces, each inside one
    calendar year, with that year's length, covering the inclusive span and nothing more."""
    from calendar import isleap

    from saiken_cli.calc.daycount import split_by_calendar_year

    end = start + timedelta(days=length)
    pieces = split_by_calendar_year(start, end)
    assert pieces[0][0] == start and pieces[-1][1] == end
    for (a, b, year_len), nxt in zip(pieces, pieces[1:] + [None]):
        assert a.year == b.year and a <= b
        assert year_len == (366 if isleap(a.year) else 365)
        if nxt is not None:
            assert b == D(a.year, 12, 31) and nxt[0] == b + timedelta(days=1)
    assert sum((b - a).days + 1 for a, b, _ in pieces) == length + 1
    assert split_by_calendar_year(end + timedelta(days=1), end) == []


@settings(max_examples=500)
@given(st.dates(min_value=D(1873, 1, 1), max_value=D(2900, 12, 31)), st.integers(0, 12 * 60))
@example(D(2020, 1, 31), 1)  # → 2020-02-29 (leap), no 31 Feb
@example(D(2019, 1, 31), 1)  # → 2019-02-28
@example(D(2096, 2, 29), 48)  # 2100 is not a leap year
@example(D(1996, 2, 29), 48)  # 2000 is
def test_shift_months_against_the_calendar_module(day, months):
    """shift_months keeps its own month lengths (no calendar import per call): checked here
    against calendar.monthrange."""
    import calendar

    from saiken_cli.calc.periods import shift_months

    total = day.year * 12 + day.month - 1 + months
    year, month = total // 12, total % 12 + 1
    last = calendar.monthrange(year, month)[1]
    assert shift_months(day, months) == (D(year, month, min(day.day, last)), day.day <= last)


@pytest.mark.parametrize(
    "start, end, n, last",
    [
        (D(2019, 1, 1), D(2021, 12, 31), 3, D(2021, 12, 31)),  # 応当日 1 January: n = years between + 1
        (D(2020, 1, 1), D(2020, 12, 31), 1, D(2020, 12, 31)),
        (D(2020, 1, 1), D(2020, 12, 30), 0, D(2019, 12, 31)),
        (D(2019, 1, 2), D(2021, 12, 31), 2, D(2021, 1, 1)),
        (D(2020, 2, 29), D(2021, 2, 27), 0, D(2020, 2, 28)),
        (D(2020, 2, 29), D(2021, 2, 28), 1, D(2021, 2, 28)),  # no 29 Feb 2021: the month's last day
        (D(2019, 6, 1), D(2021, 3, 31), 1, D(2020, 5, 31)),
    ],
)
def test_whole_years_examples(start, end, n, last):
    assert whole_years_within(start, end) == (n, last)
