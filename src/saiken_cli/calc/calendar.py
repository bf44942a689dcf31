"""Closed days (休日) for 民法142条 — the one interface to the court calendar.

The calendar for 142条 is the courts' (rules-reference §13): a suit to stop prescription
cannot be filed on a court holiday. 裁判所の休日に関する法律1条1項 (rules/data/court_holidays.toml):
Saturdays and Sundays, the holidays of 国民の祝日に関する法律 (祝日, 振替休日, 国民の休日), and
12月29日〜1月3日.

The holidays are the 内閣府 list (rules/data/holidays_jp.csv, 1955–2027, every date checked).
Years after the list are projected by formula with the ``holidays`` library (python-holidays,
imported lazily and only for those years): 春分・秋分 are fixed by the 国立天文台 only about a
year ahead and one-off holidays are added by statute, so :func:`is_projected` tells the caller
when an answer depends on such a projection. (``jpholiday`` was replaced: it lists 27 days
before 1986 that were not holidays — 05-04 in 1955–1985 and 1973-02-12.)

No clock is read here: the caller passes ``as_of``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from saiken_cli import rules
from saiken_cli.calc.messages import Message, msg
from saiken_cli.errors import RuleNotInForce
from saiken_cli.rules import Row

#: The weekend days, by ISO weekday, as message items.
_WEEKEND = {6: msg("calendar.saturday"), 7: msg("calendar.sunday")}
TABLE = "court_holidays"


def holiday_name(on: date) -> str | None:
    """The name of the 国民の祝日 or 休日 on ``on`` (振替休日, 国民の休日 included), or None."""
    days, first, last = rules.holidays_jp()
    if first <= on.year <= last:
        return days.get(on)
    return _projected(on.year).get(on)


@cache
def _projected(year: int) -> dict[date, str]:
    """Holidays of a year outside the 内閣府 list, by the 祝日法 formulas (python-holidays)."""
    from holidays.countries.japan import Japan  # lazy: only for years the list does not cover

    return dict(Japan(years=year, language="ja"))


def court_rule(on: date) -> Row:
    """The 裁判所の休日 row for ``on`` (the earliest row for earlier dates: see its note)."""
    table = rules.load(TABLE)
    try:
        return table.row_on(on, "closed")
    except RuleNotInForce:
        return table.by_key["closed"][0]


def _year_end(on: date, row: Row) -> bool:
    """12月29日〜1月3日 (1条1項3号)."""
    md = f"{on.month:02d}-{on.day:02d}"
    return md >= row["year_end_first"] or md <= row["year_start_last"]


def is_closed_day(on: date) -> Message | None:
    """Why ``on`` is a court holiday (裁判所の休日), as a message (``calendar.sunday``,
    ``calendar.public_holiday`` with its name, ``calendar.year_end``), else None.
    A 祝日法 holiday is named first, then the year end, then the weekend.
    """
    name = holiday_name(on)
    if name:
        return msg("calendar.public_holiday", holiday_name=name)
    row = court_rule(on)
    if _year_end(on, row):
        return msg("calendar.year_end")
    weekday = on.isoweekday()
    if str(weekday) in row["weekdays_closed"].split(","):
        return _WEEKEND[weekday]
    return None


def next_open_day(on: date) -> date:
    """The first day on or after ``on`` that is not a court holiday (民法142条 extension)."""
    d = on
    while is_closed_day(d):
        d += timedelta(days=1)
    return d


def is_projected(on: date, as_of: date) -> bool:
    """True when the holiday calendar for ``on`` is a projection: a year after ``as_of``, or
    after the 内閣府 list."""
    return on.year > as_of.year or on.year > rules.holidays_jp()[2]
