"""Closed days (休日) for 民法142条 — the one interface to the Japanese holiday calendar.

saiken uses ``jpholiday`` (a maintained, pure-Python, Japan-only implementation of
国民の祝日に関する法律, including 振替休日 and 国民の休日) and imports it lazily, here only.
Future holidays are projected by formula (春分・秋分 are fixed by the 国立天文台 only about a
year ahead, and one-off holidays are added by statute), so :func:`is_projected` tells the
caller when an answer depends on such a projection.

No clock is read here: the caller passes ``as_of``.
"""

from __future__ import annotations

from datetime import date, timedelta

#: Bilingual day names (``"日本語 / English"``) for the weekend.
_WEEKEND = {5: "土曜日 / Saturday", 6: "日曜日 / Sunday"}


def holiday_name(on: date) -> str | None:
    """The name of the 国民の祝日 or 休日 on ``on`` (振替休日, 国民の休日 included), or None."""
    import jpholiday  # lazy: only for 時効 completion dates

    return jpholiday.is_holiday_name(on)


def is_closed_day(on: date) -> str | None:
    """Why ``on`` is a day without transactions (Saturday, Sunday or a holiday), else None.

    Returns a bilingual label such as ``"日曜日 / Sunday"`` or ``"祝日 こどもの日 / public holiday"``.
    """
    name = holiday_name(on)
    if name:
        return f"祝日・休日 {name} / public holiday ({name})"
    return _WEEKEND.get(on.weekday())


def next_open_day(on: date) -> date:
    """The first day on or after ``on`` that is not a closed day (民法142条 extension)."""
    d = on
    while is_closed_day(d):
        d += timedelta(days=1)
    return d


def is_projected(on: date, as_of: date) -> bool:
    """True when the holiday calendar for ``on`` is a projection (a year after ``as_of`` or later)."""
    return on.year > as_of.year
