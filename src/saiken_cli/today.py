"""Japan's "today": the one place saiken reads the clock (house rule 3).

The default of every "today" (``jikou --as-of``, ``sashiosae --paid-on``, the report date,
a letter's date …) is the calendar date in Japan (``Asia/Tokyo``), not the machine's local
date: at 00:30 JST on a UTC machine the machine still says yesterday, and a 時効 that
completed yesterday in Japan would read "running".

Use it like this (CLI layer only — calc/ never reads a clock)::

    from saiken_cli import today
    as_of = given_date or today.today()          # one date per process
    payload["assumptions"].append(today.assumption_item("--as-of"))  # say so in the output
    payload["today"] = today.meta()                               # ... and in --json

- Read **once per run**: the first call fixes the date for the process, so a batch started
  at 23:59:58 gives every row the same date.
- ``SAIKEN_TODAY=YYYY-MM-DD`` fixes "today" (tests, reproducible runs, re-running a
  report as of an earlier day). A malformed value is exit 2 naming ``SAIKEN_TODAY``.
- The zone comes from ``zoneinfo``; the ``tzdata`` dependency supplies it on machines
  without a system zone database (Windows, slim containers).
- An empty value typed for a date flag (``--as-of ""``) is an error, not "today": use
  :func:`require_not_blank` where a flag defaults to today.
"""

from __future__ import annotations

import os
from datetime import date

ZONE = "Asia/Tokyo"
ENV = "SAIKEN_TODAY"

_clock: date | None = None  # the clock, read once per process


def _from_clock() -> date:
    global _clock
    if _clock is None:
        import time
        from datetime import datetime
        from zoneinfo import ZoneInfo

        # time.time(), not datetime.now(): one clock that a test can replace
        _clock = datetime.fromtimestamp(time.time(), ZoneInfo(ZONE)).date()
    return _clock


def source() -> str:
    """Where today's date comes from: ``"SAIKEN_TODAY"`` or ``"clock"``."""
    return ENV if os.environ.get(ENV) is not None else "clock"


def today() -> date:
    """Today's date in Japan (Asia/Tokyo), fixed for the process, or ``SAIKEN_TODAY``."""
    raw = os.environ.get(ENV)
    if raw is None:
        return _from_clock()
    try:
        value = date.fromisoformat(raw.strip())
    except ValueError:
        value = None
    if value is None or len(raw.strip()) != 10:
        from saiken_cli.errors import InputError

        raise InputError(ENV, raw, "a date written YYYY-MM-DD (the environment variable that fixes saiken's today)")
    return value


def meta() -> dict[str, str]:
    """What ``--json`` says about a default "today": its date, zone and source."""
    return {"date": today().isoformat(), "zone": ZONE, "source": source()}


def assumption_item(flag: str) -> dict[str, object]:
    """The assumption, as a message item, of an output whose ``flag`` defaulted to today
    (phrased by catalogue/today.py)."""
    params = {"flag": flag, "today_on": today().isoformat()}
    if source() == ENV:
        return {"code": "today.defaulted_by_env", "params": params}
    return {"code": "today.defaulted", "params": params}


def require_not_blank(value: str | None, flag: str) -> str | None:
    """``value`` unchanged; a blank string is refused (``--as-of ""`` is not "today")."""
    if value is not None and not str(value).strip():
        from saiken_cli.errors import InputError

        raise InputError(flag, value, "a date such as 2019-05-01 or R1.5.1 (leave the flag out for today in Japan)")
    return value


def _reset_for_tests() -> None:
    """Forget the clock reading (tests that fake the clock)."""
    global _clock
    _clock = None
