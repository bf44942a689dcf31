"""What Japanese users type (DEVELOPERS guide §6): amounts, rates, ISO and 和暦 dates."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from saiken_cli import parsing as p
from saiken_cli.errors import InputError


@pytest.mark.parametrize(
    "text, expected",
    [
        ("500000", 500_000), ("500,000", 500_000), ("50万", 500_000), ("50万円", 500_000),
        ("５０万円", 500_000), ("¥500,000", 500_000), ("500000円", 500_000), ("金50万円", 500_000),
        ("1億2000万", 120_000_000), ("5.5万", 55_000), ("1億", 100_000_000), ("12万3456", 123_456),
        (" 1,000 ", 1_000),
    ],
)
def test_yen_forms(text, expected):
    assert p.parse_yen(text, "--principal") == expected


@pytest.mark.parametrize(
    "text",
    ["", "abc", "-5", "0", "1.5", "5.55555万", "nan", "inf", "1e6", "50万12345", "10000000000000001", "1,2,3万x", "x" * 5000],
)
def test_bad_yen_names_the_flag(text):
    with pytest.raises(InputError) as exc:
        p.parse_yen(text, "--principal")
    assert exc.value.message.startswith("--principal: ")
    assert "\n" not in exc.value.message and len(exc.value.message) < 300


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0.2", Decimal("0.2")), ("20%", Decimal("0.2")), ("２０％", Decimal("0.2")), ("年20%", Decimal("0.2")),
        ("年利14.6%", Decimal("0.146")), ("1割8分", Decimal("0.18")), ("年5分", Decimal("0.05")),
        ("1割4分6厘", Decimal("0.146")), (".05", Decimal("0.05")), ("3%", Decimal("0.03")),
    ],
)
def test_rate_forms(text, expected):
    assert p.parse_rate(text, "--rate") == expected


def test_rate_legal_only_where_allowed():
    assert p.parse_rate("legal", "--rate", allow_legal=True) is None
    assert p.parse_rate("法定", "--rate", allow_legal=True) is None
    with pytest.raises(InputError):
        p.parse_rate("legal", "--rate")


@pytest.mark.parametrize("text", ["1", "1.0", "18", "20"])
def test_a_bare_number_of_one_or_more_is_ambiguous(text):
    with pytest.raises(InputError, match="ambiguous"):
        p.parse_rate(text, "--rate")


def test_an_ambiguous_rate_says_how_to_write_it():
    with pytest.raises(InputError) as exc:
        p.parse_rate("20", "--rate")
    assert "20%" in exc.value.message and "0.2" in exc.value.message


@pytest.mark.parametrize("text", ["100%", "150%", "10割"])
def test_rates_of_100_percent_or_more_need_allow_high(text):
    with pytest.raises(InputError, match="allow-high-rate"):
        p.parse_rate(text, "--rate")
    assert p.parse_rate("150%", "--rate", allow_high=True) == Decimal("1.5")


@pytest.mark.parametrize("text", ["", "0", "0%", "-5%", "nan", "inf", "abc", "20%%", "1割x"])
def test_bad_rates(text):
    with pytest.raises(InputError):
        p.parse_rate(text, "--rate")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2019-05-01", date(2019, 5, 1)), ("2019/5/1", date(2019, 5, 1)), ("2019年5月1日", date(2019, 5, 1)),
        ("20190501", date(2019, 5, 1)), ("R1.5.1", date(2019, 5, 1)), ("R01.05.01", date(2019, 5, 1)),
        ("r1.5.1", date(2019, 5, 1)), ("令和元年5月1日", date(2019, 5, 1)), ("令和1年5月1日", date(2019, 5, 1)),
        ("H31.4.30", date(2019, 4, 30)), ("平成31年4月30日", date(2019, 4, 30)), ("Ｒ１．５．１", date(2019, 5, 1)),
        ("S64.1.7", date(1989, 1, 7)), ("H1.1.8", date(1989, 1, 8)), ("H18.8.2", date(2006, 8, 2)),
    ],
)
def test_date_forms(text, expected):
    assert p.parse_date(text, "--from") == expected


@pytest.mark.parametrize(
    "text, hint",
    [
        ("2024-02-30", "exists"), ("2023-02-29", "exists"), ("H31.5.1", "令和元年5月1日"), ("R1.4.30", "平成31年4月30日"),
        ("S64.1.8", "平成"), ("yesterday", "R1.5.1"), ("", "2019-05-01"), ("2019-13-01", "exists"),
    ],
)
def test_bad_dates_say_what_is_accepted(text, hint):
    with pytest.raises(InputError) as exc:
        p.parse_date(text, "--from")
    assert exc.value.message.startswith("--from: ") and hint in exc.value.message


@pytest.mark.parametrize("d, kanji, letter", [
    (date(2019, 5, 1), "令和元年5月1日", "R1.5.1"),
    (date(2019, 4, 30), "平成31年4月30日", "H31.4.30"),
    (date(1989, 1, 7), "昭和64年1月7日", "S64.1.7"),
])
def test_wareki_round_trip(d, kanji, letter):
    assert p.to_wareki(d) == kanji and p.to_wareki(d, style="letter") == letter
    assert p.parse_date(kanji, "--x") == d and p.parse_date(letter, "--x") == d


def test_payment_date_amount():
    assert p.parse_date_amount("R2.6.30:30万", "--payment") == (date(2020, 6, 30), 300_000)
    assert p.parse_date_amount("2020-06-30：300,000", "--payment") == (date(2020, 6, 30), 300_000)
    with pytest.raises(InputError, match="DATE:AMOUNT"):
        p.parse_date_amount("2020-06-30", "--payment")


# --- the fast paths (batch speed) answer exactly as the full parsers ------------------

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from saiken_cli.errors import InputError  # noqa: E402


def _outcome(fn, text, flag):
    try:
        return ("ok", fn(text, flag))
    except InputError as exc:
        return ("error", exc.message)


@settings(max_examples=400)
@given(st.text(alphabet="0123456789,円 万.-¥", max_size=22) | st.integers(0, 10**17).map(lambda n: f"{n:,}"))
@example("500,000円")
@example("0")
@example("1,000,000,000,000,001")  # above MAX_YEN
@example("円")
@example(",,,")
def test_yen_fast_path_answers_as_the_full_parser(text):
    assert _outcome(p.parse_yen, text, "--principal") == _outcome(p._parse_yen, text, "--principal")


@settings(max_examples=400)
@given(st.dates(min_value=date(1, 1, 1)).map(lambda d: d.isoformat())
       | st.text(alphabet="0123456789-/", min_size=8, max_size=11))
@example("1899-12-31")
@example("1900-01-01")
@example("2999-12-31")
@example("3000-01-01")
@example("2023-02-29")
@example("2024-02-29")
@example("1873-01-01")
def test_date_fast_path_answers_as_the_full_parser(text):
    assert _outcome(p.parse_date, text, "--from") == _outcome(p._parse_date, text, "--from")


# --- what people type (issue 14 §2) ------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("80万5千円", 805_000), ("1千万円", 10_000_000), ("1万2千", 12_000), ("800千円", 800_000),
        ("８０万５千円", 805_000), ("3百万", 3_000_000), ("5千5百万", 55_000_000), ("1千050", 1_050),
        ("1億2千万", 120_000_000), ("2億3千4百万5千", 234_005_000), ("1.5千", 1_500), ("金80万5千円", 805_000),
    ],
)
def test_yen_with_thousands_and_hundreds(text, expected):
    assert p.parse_yen(text, "--principal") == expected
    assert p._parse_yen(text, "--principal") == expected  # the full parser, not only the entry point


@pytest.mark.parametrize(
    "text, hint",
    [
        ("1千2", "ambiguous"),  # 1,002 or 1,200?
        ("3百5", "ambiguous"),
        ("12千万", "one digit before 千"),
        ("800千万", "one digit before 千"),
        ("1万800千", "one digit before 千"),
        ("1万12000", "at most 9999"),
        ("万円", "a number before 万"),
        ("1億万", "a number before 万"),
        ("1千2.5", "decimal point"),
        ("千円", "80万5千円"),
        ("0千", "above zero"),
    ],
)
def test_ambiguous_or_broken_unit_amounts_stay_errors(text, hint):
    with pytest.raises(InputError) as exc:
        p.parse_yen(text, "--principal")
    assert exc.value.message.startswith("--principal: ") and hint in exc.value.message


def _kanji_units(n: int) -> str:
    """n (1..9999) as digits with 千/百 units and a plain rest: 5205 → 5千2百05."""
    k, rest = divmod(n, 1000)
    h, rest = divmod(rest, 100)
    out = (f"{k}千" if k else "") + (f"{h}百" if h else "")
    if rest:
        out += f"{rest:02d}" if h else (f"{rest:03d}" if k else str(rest))
    return out


@settings(max_examples=300)
@given(st.integers(0, 9999), st.integers(0, 9999), st.integers(0, 9999))
def test_unit_amounts_round_trip(oku, man, rest):
    """Any amount written group by group with 億/万 and 千/百 reads back as itself."""
    text = (f"{_kanji_units(oku)}億" if oku else "") + (f"{_kanji_units(man)}万" if man else "") + _kanji_units(rest)
    value = oku * 10**8 + man * 10**4 + rest
    if value == 0:
        return
    assert p.parse_yen(text + "円", "--principal") == value


@settings(max_examples=300)
@given(st.text(alphabet="0123456789,円 万千百億.", max_size=14))
def test_unit_amounts_fast_path_answers_as_the_full_parser(text):
    assert _outcome(p.parse_yen, text, "--principal") == _outcome(p._parse_yen, text, "--principal")


@pytest.mark.parametrize("text", ["14.6パーセント", "１４．６パーセント", "年14.6パーセント", "年利14.6%"])
def test_rate_in_percent_words(text):
    assert p.parse_rate(text, "--rate") == Decimal("0.146")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("令和二年三月四日", date(2020, 3, 4)), ("平成三十一年四月三十日", date(2019, 4, 30)),
        ("令和元年五月一日", date(2019, 5, 1)), ("昭和六十四年一月七日", date(1989, 1, 7)),
        ("令和二年十二月三十一日", date(2020, 12, 31)), ("二〇一九年五月一日", date(2019, 5, 1)),
        ("二千十九年五月一日", date(2019, 5, 1)), ("令和2年三月4日", date(2020, 3, 4)),
    ],
)
def test_kanji_numeral_dates(text, expected):
    assert p.parse_date(text, "--from") == expected == p._parse_date(text, "--from")


@pytest.mark.parametrize(
    "text, hint",
    [
        ("平成三十一年五月一日", "令和元年5月1日"),  # the era had ended
        ("令和二年十三月一日", "exists"),
        ("令和二十二十年三月四日", "2019-05-01"),  # not one number
        ("令和二年三月三十二日", "exists"),
        ("令和〇年一月一日", "2019-05-01"),
    ],
)
def test_bad_kanji_numeral_dates(text, hint):
    with pytest.raises(InputError) as exc:
        p.parse_date(text, "--from")
    assert exc.value.message.startswith("--from: ") and hint in exc.value.message


@settings(max_examples=200)
@given(st.dates(min_value=date(1989, 1, 8), max_value=date(2117, 12, 31)))  # to 令和99年
def test_kanji_numeral_wareki_round_trip(d):
    digits = "〇一二三四五六七八九"

    def kanji(n: int) -> str:
        hundreds, rest = divmod(n, 100)
        tens, ones = divmod(rest, 10)
        return (
            (("" if hundreds == 1 else digits[hundreds]) + "百" if hundreds else "")
            + (("" if tens == 1 else digits[tens]) + "十" if tens else "")
            + (digits[ones] if ones else "")
        )

    text = p.to_wareki(d)
    text = re.sub(r"[0-9]+", lambda m: kanji(int(m.group(0))), text)
    assert p.parse_date(text, "--on") == d


@pytest.mark.parametrize("word", ["today", "TODAY", "今日", "本日", "ｔｏｄａｙ"])
def test_today_words_are_the_given_day(word):
    assert p.parse_date(word, "--as-of", today=date(2026, 12, 1)) == date(2026, 12, 1)


def test_today_words_without_a_given_day_ask_the_edge(monkeypatch):
    monkeypatch.setattr(p, "_japan_today", lambda: date(2027, 1, 1))
    assert p.parse_date("本日", "--paid-on") == date(2027, 1, 1)
    with pytest.raises(InputError):
        p.parse_date("yesterday", "--paid-on")


def test_today_word_on_the_command_line_is_japans_today(monkeypatch):
    from conftest import invoke

    from saiken_cli import today

    monkeypatch.setenv("SAIKEN_TODAY", "2026-12-01")
    today._reset_for_tests()
    r = invoke("damages", "--principal", "365000", "--rate", "0.1", "--from", "今日", "--to", "2026-12-10", "--json")
    assert r.exit_code == 0 and r.json()["from"] == "2026-12-01" and r.json()["days"] == 10
    r = invoke("damages", "--principal", "365000", "--rate", "0.1", "--from", "2026-11-01", "--to", "本日", "--json")
    assert r.json()["to"] == "2026-12-01"
