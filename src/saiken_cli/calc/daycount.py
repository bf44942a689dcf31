"""Day counting for interest and damages (rules-reference §1.3, §1.5).

Spans are inclusive at both ends (両端入れ): the first accrual day and the last day (the
payment or filing date) both count, as in the court examples (Okayama: 「19年8月2日から
19年8月15日までの14日間」).
"""

from __future__ import annotations

from datetime import date


def isleap(year: int) -> bool:
    """Gregorian leap year (= calendar.isleap; the calendar module costs start-up time)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_inclusive(first_on: date, last_on: date) -> int:
    return (last_on - first_on).days + 1


def year_length(year: int) -> int:
    return 366 if isleap(year) else 365


def split_by_calendar_year(first_on: date, last_on: date) -> list[tuple[date, date, int]]:
    """Pieces ``(first, last, year_length)`` of an inclusive span, cut at every 31 December."""
    pieces: list[tuple[date, date, int]] = []
    cursor = first_on
    year = first_on.year
    while cursor <= last_on:
        year_end = date(year, 12, 31)
        length = year_length(year)
        if last_on <= year_end:
            pieces.append((cursor, last_on, length))
            break
        pieces.append((cursor, year_end, length))
        year += 1
        cursor = date(year, 1, 1)
    return pieces


def contains_feb29(first_on: date, last_on: date) -> bool:
    """Whether the inclusive span contains a 29 February."""
    for year in range(first_on.year, last_on.year + 1):
        if isleap(year) and first_on <= date(year, 2, 29) <= last_on:
            return True
    return False
