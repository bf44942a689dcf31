"""Legal periods (期間の計算), 民法138–143条 — the only module that adds months or years to dates.

- 140条: the first day is not counted (初日不算入), unless the period starts at 午前零時.
- 141条: the period ends at the end of its last day.
- 143条: weeks, months and years run by the calendar; the period ends the day before the
  応当日 (the day with the same number) of the 起算日; when the last month has no 応当日,
  it ends on the last day of that month.

Examples (rules-reference §4.7, §4.8):
  period_end(2019-05-01, years=5)          → 2024-05-01
  period_end(2020-02-28, years=5)          → 2025-02-28   (起算日 02-29, no 2025-02-29)
  period_end(2019-02-28, years=5)          → 2024-02-29   (起算日 03-01, 応当日 2024-03-01)
  period_end(2020-02-29, years=1, starts_at_midnight=True) → 2021-02-28
"""

from __future__ import annotations

from datetime import date, timedelta

from saiken_cli.calc.daycount import isleap

ONE_DAY = timedelta(days=1)
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February of a common year


def shift_months(d: date, months: int) -> tuple[date, bool]:
    """The same day-of-month ``months`` later, and whether that day exists.

    When it does not exist (31 → a 30-day month, 29 Feb → a common year), the last day of
    the target month is returned with ``False``.
    """
    total = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(total, 12)
    if d.day <= 28:  # every month has a 28th: no need to look up the month's length
        return date(year, month0 + 1, d.day), True
    last = 29 if month0 == 1 and isleap(year) else _MONTH_DAYS[month0]
    if d.day <= last:
        return date(year, month0 + 1, d.day), True
    return date(year, month0 + 1, last), False


def period_end(
    event_on: date,
    *,
    years: int = 0,
    months: int = 0,
    days: int = 0,
    starts_at_midnight: bool = False,
) -> date:
    """The last day of a period of ``years``/``months``/``days`` counted from ``event_on``.

    ``event_on`` is the day of the event (e.g. the last payment). Unless
    ``starts_at_midnight``, the 起算日 is the next day (140条). The period ends at the end of
    the returned day (141条).
    """
    if years < 0 or months < 0 or days < 0:
        raise ValueError("a period is not negative")
    kisan = event_on if starts_at_midnight else event_on + ONE_DAY
    if days and (years or months):
        raise ValueError("count a period in days or in months/years, not both")
    if days:
        return kisan + timedelta(days=days - 1)
    if not (years or months):
        raise ValueError("a period has a length")
    target, exists = shift_months(kisan, 12 * years + months)
    if not exists:
        return target  # 143条2項ただし書: last day of the month
    return target - ONE_DAY  # 143条2項: the day before the 応当日


def whole_years_within(start_on: date, end_on: date) -> tuple[int, date]:
    """Whole years counted from ``start_on`` (inclusive, 初日算入) that fit by ``end_on``.

    Returns ``(n, last_day_of_the_n_years)``; with ``n == 0`` the second value is the day
    before ``start_on``. Used for the court's 「年に満つる期間は年利」 step.
    """
    # n years from start_on end on period_end(start_on, years=n, starts_at_midnight=True):
    # the day before the 応当日, or the last day of the month when it has none (143条2項);
    # written out here because batch runs call this for every row. The first guess: one
    # year more than the years between can fit only when the 応当日 is 1 January (the
    # years then end on 31 December of end_on's year).
    n = end_on.year - start_on.year + (1 if start_on.month == 1 and start_on.day == 1 else 0)
    while n > 0:
        target, exists = shift_months(start_on, 12 * n)
        last = target - ONE_DAY if exists else target
        if last <= end_on:
            return n, last
        n -= 1
    return 0, start_on - ONE_DAY
