"""The 時効 rule tables agree with the code and with the 2020-04-01 cutover (reform_2020)."""

from datetime import timedelta

import pytest

from saiken_cli import rules
from saiken_cli.calc import calendar as cal
from saiken_cli.calc.jikou import CLAIM_TYPES, CREDITORS, KINDS
from saiken_cli.calc.rates import reform_effective_date
from saiken_cli.errors import RuleNotInForce

CUT = reform_effective_date()


def test_old_rows_end_the_day_before_the_reform_and_new_rows_start_on_it():
    for table_id in ("prescription_periods", "prescription_events", "creditor_types"):
        for row in rules.load(table_id).rows:
            assert row.citations and row.status
            if row.effective_until is not None:
                assert row.effective_until == CUT - timedelta(days=1), (table_id, row.key)
            elif row.key not in ("torisage", "shuryo"):
                assert row.effective_from == CUT, (table_id, row.key)


def test_every_kind_creditor_and_claim_type_has_its_rows():
    events = rules.load("prescription_events")
    for kind in KINDS:
        events.row_on(CUT - timedelta(days=1), kind)
        events.row_on(CUT, kind)
    creditors = rules.load("creditor_types")
    for c in CREDITORS:
        creditors.row_on(CUT - timedelta(days=1), c)
        with pytest.raises(RuleNotInForce):  # the 商事/民事 split is old law only
            creditors.row_on(CUT, c)
    periods = rules.load("prescription_periods")
    for key in filter(None, CLAIM_TYPES.values()):
        assert periods.row_on(CUT - timedelta(days=1), key).value in (1, 2, 3, 5)
        with pytest.raises(RuleNotInForce):
            periods.row_on(CUT, key)


def test_numbers_from_the_reference():
    periods = rules.load("prescription_periods")
    before = CUT - timedelta(days=1)
    assert periods.row_on(CUT, "new_subjective").value == 5
    assert periods.row_on(CUT, "new_objective").value == 10
    assert periods.row_on(CUT, "new_judgment").value == 10
    assert periods.row_on(before, "old_civil").value == 10
    assert periods.row_on(before, "old_commercial").value == 5
    assert periods.row_on(before, "old_judgment").value == 10
    events = rules.load("prescription_events")
    assert events.row_on(CUT, "saikoku")["months"] == 6
    assert events.row_on(before, "saikoku")["effect"] == "conditional"
    assert events.row_on(before, "kyogi")["effect"] == "none"
    kyogi = events.row_on(CUT, "kyogi")
    assert (kyogi["years"], kyogi["cap_years"]) == (1, 5)
    assert events.row_on(CUT, "kyozetsu")["months"] == 6
    assert events.row_on(CUT, "karisashiosae")["on_end"] == "suspend_after"


@pytest.mark.parametrize(
    "day, closed",
    [
        ("2024-05-01", None),  # Wednesday
        ("2024-05-03", "憲法記念日"),
        ("2024-05-06", "振替休日"),
        ("2024-05-04", "みどりの日"),  # a Saturday, but the holiday name is given first
        ("2024-05-11", "Saturday"),
        ("2031-06-01", "Sunday"),
        ("2025-02-24", "振替休日"),
    ],
)
def test_calendar_closed_days(day, closed):
    from datetime import date

    got = cal.is_closed_day(date.fromisoformat(day))
    if closed is None:
        assert got is None
    else:
        from saiken_cli.catalogue import text

        assert got and closed in text(got, "en")  # Saturday, Sunday; a holiday by its Japanese name
