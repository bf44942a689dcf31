"""calc/rounding.py: the one floor to the yen, and the display strings of exact values."""

from decimal import Decimal
from fractions import Fraction

import pytest

from saiken_cli.calc.rounding import decimal_text, floor_yen, percent_text


@pytest.mark.parametrize(
    "value, places, text",
    [
        (Fraction(27757534246, 1_000_000), 6, "27757.534246"),
        (Fraction(18000), 6, "18000.000000"),
        (Fraction(8219, 1) + Fraction(178, 1000), 2, "8219.17"),
        (Fraction(-20738), 6, "-20738.000000"),
        (Fraction(-1, 3), 6, "-0.333333"),  # truncated toward zero, sign kept
        (Fraction(5, 2), 0, "2"),
    ],
)
def test_decimal_text_truncates(value, places, text):
    assert decimal_text(value, places) == text


@pytest.mark.parametrize("rate, text", [(Decimal("0.18"), "18"), (Decimal("1.095"), "109.5"), (Decimal("0.2628"), "26.28"), (Decimal("0.03"), "3")])
def test_percent_text(rate, text):
    assert percent_text(rate) == text


def test_floor_yen():
    assert floor_yen(Fraction(2465753, 100)) == 24657
    with pytest.raises(ValueError):
        floor_yen(Fraction(-1))
