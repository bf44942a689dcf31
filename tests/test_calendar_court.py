"""The court calendar of 民法142条 (issue 11 §1 item 3): 内閣府 holidays, weekends, 12/29–1/3.

Oracle: the 内閣府 list 「昭和30年（1955年）から令和9年（2027年）国民の祝日等」 (syukujitsu.csv,
https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html), transcribed in
tests/data/naikakufu_syukujitsu_1955_2027.txt; 裁判所の休日に関する法律1条1項.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from saiken_cli import rules
from saiken_cli.calc import calendar as cal

ORACLE = Path(__file__).resolve().parent / "data" / "naikakufu_syukujitsu_1955_2027.txt"


def naikakufu() -> dict[int, set[date]]:
    years: dict[int, set[date]] = {}
    for line in ORACLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        year, rest = line.split(":")
        y = int(year)
        years[y] = {date(y, int(m), int(d)) for m, d in (md.split("/") for md in rest.split())}
    return years


LIST = naikakufu()


def test_the_oracle_covers_1955_to_2027():
    assert sorted(LIST) == list(range(1955, 2028))
    assert sum(len(v) for v in LIST.values()) == 1067


@pytest.mark.parametrize("year", range(1955, 2028))
def test_naikakufu_list_every_year_saiken_holidays(year):
    """Every day of every year the 内閣府 list covers: saiken's holiday calendar is the list."""
    got = set()
    d = date(year, 1, 1)
    while d.year == year:
        if cal.holiday_name(d):
            got.add(d)
        d += timedelta(days=1)
    assert got == LIST[year]


@pytest.mark.parametrize("year", range(1955, 2028))
def test_naikakufu_list_every_year_projection_library_agrees(year):
    """The projection used after the list (python-holidays) agrees with the 内閣府 list for every year it
    covers: what makes it fit to project 2028 onward."""
    assert set(cal._projected(year)) == LIST[year]


@pytest.mark.parametrize(
    "day",
    # the 27 days jpholiday 1.0.3 lists (measured 2026-12-01): 05-04 in 1955–1985 unless a Sunday or a
    # 振替休日 (1981-05-04, 1975/1980: Sundays…), and 1973-02-12
    [date(y, 5, 4) for y in (1955, 1956, 1957, 1959, 1960, 1961, 1962, 1963, 1964, 1965, 1966, 1967, 1968, 1970,
                             1971, 1972, 1973, 1974, 1976, 1977, 1978, 1979, 1982, 1983, 1984, 1985)] + [date(1973, 2, 12)],
)
def test_naikakufu_list_the_days_jpholiday_got_wrong_are_not_holidays(day):
    """jpholiday lists 05-04 of 1955–1985 (国民の休日 exists only from 1985-12-27) and 1973-02-12
    (振替休日 only from 1973-04-12): the 内閣府 list does not."""
    assert cal.holiday_name(day) is None


def test_naikakufu_list_first_kokumin_no_kyujitsu_and_furikae():
    assert cal.holiday_name(date(1988, 5, 4)) == "国民の休日"
    assert cal.holiday_name(date(1973, 4, 30)) == "振替休日"
    assert cal.holiday_name(date(2019, 5, 1)) == "天皇の即位の日"


@pytest.mark.parametrize(
    "day, closed",
    [
        (date(2025, 12, 26), None),  # Friday
        (date(2025, 12, 28), "Sunday"),
        (date(2026, 12, 28), None),  # Monday: the day before the year end
        (date(2026, 12, 29), "12月29日"),  # Tuesday: 1条1項3号
        (date(2025, 12, 31), "12月29日"),
        (date(2026, 1, 1), "元日"),  # a 祝日 is named as such
        (date(2026, 1, 2), "12月29日"),  # Friday
        (date(2025, 1, 3), "12月29日"),  # Friday: the last day of the year end
        (date(2025, 1, 6), None),  # Monday after
        (date(2027, 1, 4), None),  # Monday: the first day after 1月3日
    ],
)
def test_saibansho_kyujitsu_ho_1_1_year_end(day, closed):
    """裁判所の休日に関する法律1条1項3号: 「十二月二十九日から翌年の一月三日までの日」, both sides."""
    got = cal.is_closed_day(day)
    if closed is None:
        assert got is None
    else:
        from saiken_cli.catalogue import text

        assert got and (closed in text(got, "ja") or closed in text(got, "en"))


def test_next_open_day_crosses_the_year_end():
    assert cal.next_open_day(date(2025, 12, 29)) == date(2026, 1, 5)  # 1/3 Sat, 1/4 Sun
    assert cal.next_open_day(date(2026, 12, 29)) == date(2027, 1, 4)
    assert cal.next_open_day(date(2026, 12, 28)) == date(2026, 12, 28)


def test_years_after_the_list_are_projected():
    last = rules.holidays_jp()[2]
    assert last == 2027
    assert cal.is_projected(date(2028, 3, 20), as_of=date(2028, 1, 1))  # past the 内閣府 list
    assert not cal.is_projected(date(2027, 3, 21), as_of=date(2027, 1, 1))
    assert cal.holiday_name(date(2028, 1, 1)) == "元日"


def test_court_rule_is_cited_data():
    row = cal.court_rule(date(2026, 12, 29))
    assert row["year_end_first"] == "12-29" and row["year_start_last"] == "01-03"
    assert row.citations[0].law == "裁判所の休日に関する法律"
    assert cal.court_rule(date(1980, 1, 1)) is row  # earlier dates: the same row (see its note)


def test_minpo_142_apply_moves_a_12_29_completion_past_the_year_end(cli):
    """issue 11 §1 item 3 (民法142条; 裁判所の休日に関する法律1条1項3号): a completion date on Monday
    2025-12-29 is a court holiday; with --apply-142 it moves to Monday 2026-01-05."""
    base = ["jikou", "--last-payment", "2020-12-29", "--as-of", "2026-06-01", "--json"]
    plain = cli(*base).json()
    assert plain["completion_date"] == "2025-12-29"
    assert plain["holiday"]["completion_day_closed"]["code"] == "calendar.year_end"
    assert "12月29日" in plain["holiday"]["completion_day_closed"]["text"]
    assert any("2026-01-05" in w for w in (m["text"] for m in plain["warnings"]))
    applied = cli(*base, "--apply-142").json()
    assert applied["completion_date"] == "2026-01-05"
    # the other side: a completion on Friday 2025-12-26 is an open day
    other = cli("jikou", "--last-payment", "2020-12-26", "--as-of", "2026-06-01", "--apply-142", "--json").json()
    assert other["completion_date"] == "2025-12-26" and other["holiday"]["completion_day_closed"] is None
