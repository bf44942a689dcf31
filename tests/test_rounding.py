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


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.integers(-(10**30), 10**30), st.integers(-(10**12), 10**12).filter(bool), st.sampled_from([0, 1, 2, 6, 8]))
def test_ratio_text_is_decimal_text_of_the_fraction(numerator, denominator, places):
    """ratio_text (the hot path: no Fraction) writes exactly what decimal_text writes, for
    any sign and any number of places; the worked check: truncation toward zero."""
    from saiken_cli.calc.rounding import ratio_text

    value = Fraction(numerator, denominator)
    text = ratio_text(numerator, denominator, places)
    assert text == decimal_text(value, places)
    scaled = abs(value) * 10**places
    assert Fraction(text.lstrip("-")) * 10**places == int(scaled)  # truncated, not rounded
