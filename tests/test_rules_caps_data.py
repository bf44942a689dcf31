"""The rule tables of issue 6: every row cited with a status; the values the calculations read."""

from datetime import date
from decimal import Decimal

import pytest

from saiken_cli import rules
from saiken_cli.calc.caps import interest_cap
from saiken_cli.errors import RuleNotInForce


@pytest.mark.parametrize("table_id", ["interest_caps", "overpayment_interest"])
def test_every_row_is_cited_with_a_status(table_id):
    table = rules.load(table_id)
    for row in table.rows:
        assert row.citation.label()
        assert row.status in rules.STATUSES


def test_interest_cap_rows_and_edges():
    assert interest_cap(99_999, date(2001, 1, 1)).rate == Decimal("0.20")
    assert interest_cap(100_000, date(2001, 1, 1)).rate == Decimal("0.18")
    assert interest_cap(999_999).rate == Decimal("0.18")
    assert interest_cap(1_000_000).rate == Decimal("0.15")
    with pytest.raises(RuleNotInForce):
        interest_cap(100_000, date(1954, 6, 14))


def test_overpayment_rate_rows_split_at_2020_04_01():
    t = rules.load("overpayment_interest")
    assert t.row_on(date(2020, 3, 31), "rate")["rate"] == Decimal("0.05")
    assert t.row_on(date(2020, 4, 1), "rate")["rate"] == Decimal("0.03")
    assert t.row_on(date(2020, 4, 1), "rate").status == "INTERPRETATION"
    with pytest.raises(RuleNotInForce):
        t.row_on(date(2029, 4, 1), "rate")
    assert t.row_on(date(2001, 9, 30), "prescription")["years"] == 10


def test_multiplier_gives_the_published_damages_caps():
    m = rules.load("interest_caps").only("damages_multiplier")["multiplier"]
    assert [r * m for r in (Decimal("0.20"), Decimal("0.18"), Decimal("0.15"))] == [
        Decimal("0.292"), Decimal("0.2628"), Decimal("0.219"),
    ]
