"""Golden cases for 遅延損害金, exact to the yen, each naming its source.

Source: ../shared/docs/rules-reference.md §1.7, §2.5, §10 (item numbers in the ids).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from saiken_cli.calc.damages import DamagesInput, Payment, compute
from saiken_cli.errors import ConflictError, InputError, RuleNotInForce

D = date
R = Decimal


@pytest.mark.parametrize(
    "principal, rate, days, expected",
    [
        pytest.param(500_000, "0.2", 90, 24_657, id="1-1 design card 500,000×20%×90/365 = 24,657.53"),
        pytest.param(500_000, "0.2", 10, 2_739, id="1-2 cardloan-reporters.com 2,739"),
        pytest.param(500_000, "0.2", 30, 8_219, id="1-3 cardloan-reporters.com 8,219"),
    ],
)
def test_simple365_days(principal, rate, days, expected):
    assert compute(DamagesInput(principal, R(rate), days=days)).total_yen == expected


COURT_CASES = [
    # id, principal, rate, from, to, court (sum then floor), court-each (floor each part)
    ("1-4 岡山地裁 2年+14日 36,690", 100_000, "0.18", D(2005, 8, 2), D(2007, 8, 15), 36_690, 36_690),
    ("1-5 岡山地裁 1年+152/365+46/366 27,757 each / 27,758 sum", 100_000, "0.18", D(2006, 8, 2), D(2008, 2, 15), 27_758, 27_757),
    ("1-8 bengoshi-mie.com 2年+67/365 109,178", 1_000_000, "0.05", D(2009, 10, 5), D(2011, 12, 10), 109_178, 109_178),
    ("1-9 bengoshi-mie.com 1年+212/365+62/366 87,510 each / 87,511 sum", 1_000_000, "0.05", D(2010, 6, 3), D(2012, 3, 2), 87_511, 87_510),
    ("2-5 COMPUTED 3% 1 whole year 30,000", 1_000_000, "0.03", D(2023, 1, 1), D(2023, 12, 31), 30_000, 30_000),
]


@pytest.mark.parametrize("case", COURT_CASES, ids=[c[0] for c in COURT_CASES])
def test_court_methods(case):
    _, principal, rate, first, last, court, court_each = case
    assert compute(DamagesInput(principal, R(rate), method="court", first_on=first, last_on=last)).total_yen == court
    assert compute(DamagesInput(principal, R(rate), method="court-each", first_on=first, last_on=last)).total_yen == court_each


def test_okayama_parts_are_the_published_parts():
    """1-5: 1 yr 18,000 + 2007: 152/365 = 7,495.89 + 2008: 46/366 = 2,262.30 (岡山地裁)."""
    r = compute(DamagesInput(100_000, R("0.18"), method="court-each", first_on=D(2006, 8, 2), last_on=D(2008, 2, 15)))
    parts = r.segments[0].parts
    assert [(p.kind, p.count, p.denominator, p.amount_yen) for p in parts] == [
        ("years", 1, None, 18_000),
        ("days", 152, 365, 7_495),
        ("days", 46, 366, 2_262),
    ]
    assert parts[0].last_on == D(2007, 8, 1)  # the 起算日 starts the first year (岡山: 2005-08-02 … 2006-08-01)


def test_due_date_starts_damages_the_next_day():
    """民法412条1項; Q&A example: due 2004-10-31 → from 2004-11-01 → to 2005-02-28 = 120 days (両端)."""
    r = compute(DamagesInput(100_000, R("0.05"), due_on=D(2004, 10, 31), last_on=D(2005, 2, 28)))
    assert r.first_on == D(2004, 11, 1)
    assert r.days == 120


# --- 法定利率 by the date default began (§2.4/§2.5, 附則17条3項) -------------------------


@pytest.mark.parametrize(
    "delay_started_on, commercial, expected",
    [
        pytest.param(D(2019, 12, 1), False, "0.05", id="2-1 civil, default 2019-12-01 → 5%"),
        pytest.param(D(2019, 12, 1), True, "0.06", id="2-2 commercial, default 2019-12-01 → 6% (UNVERIFIED basis)"),
        pytest.param(D(2020, 3, 31), False, "0.05", id="boundary: default began 2020-03-31 → 5%"),
        pytest.param(D(2020, 4, 1), False, "0.03", id="boundary: default began 2020-04-01 → 3%"),
        pytest.param(D(2020, 3, 31), True, "0.06", id="boundary: commercial 2020-03-31 → 6%"),
        pytest.param(D(2020, 4, 1), True, "0.03", id="boundary: commercial 2020-04-01 → 3% (6% abolished)"),
        pytest.param(D(2020, 6, 2), False, "0.03", id="2-3 contract 2019-06-01, default 2020-06-02 → 3% (not 5%)"),
        pytest.param(D(2026, 4, 15), False, "0.03", id="2-4 default 2026-04-15 → 3% (第3期)"),
        pytest.param(D(2029, 3, 31), False, "0.03", id="last known day 2029-03-31 → 3%"),
    ],
)
def test_legal_rate_follows_the_date_default_began(delay_started_on, commercial, expected):
    r = compute(
        DamagesInput(1_000_000, None, commercial=commercial, first_on=delay_started_on, last_on=delay_started_on)
    )
    assert r.rate == R(expected)
    assert r.rate_basis.startswith("legal")


def test_due_2020_03_31_defaults_from_2020_04_01_and_takes_3_percent():
    """§2.4 INTERPRETATION of the boundary: due 03-31 → default 04-01 → 3%; due 03-30 → 5%."""
    assert compute(DamagesInput(1_000_000, None, due_on=D(2020, 3, 31), last_on=D(2020, 5, 1))).rate == R("0.03")
    assert compute(DamagesInput(1_000_000, None, due_on=D(2020, 3, 30), last_on=D(2020, 5, 1))).rate == R("0.05")


def test_legal_rate_from_2029_04_01_is_refused():
    """2-4/2-5 (§10): 第4期 is 未確定 → refuse, exit 3."""
    with pytest.raises(RuleNotInForce, match="未確定"):
        compute(DamagesInput(1_000_000, None, first_on=D(2029, 4, 1), last_on=D(2029, 5, 1)))


def test_legal_rate_stays_fixed_across_a_later_rate_period():
    """419条1項: the rate when default began stays; a 2019 default runs at 5% through 2023."""
    r = compute(DamagesInput(1_000_000, None, method="court", first_on=D(2019, 12, 1), last_on=D(2023, 11, 30)))
    assert r.rate == R("0.05")
    assert r.total_yen == 200_000  # 4 whole years at 5%


# --- leap years (§1.5) ---------------------------------------------------------------


def test_a_day_in_a_leap_year_is_one_366th_in_the_court_method():
    r = compute(DamagesInput(366_000, R("0.1"), method="court", first_on=D(2024, 3, 1), last_on=D(2024, 3, 1)))
    assert r.total_yen == 100  # 366,000 × 10% × 1/366
    r = compute(DamagesInput(365_000, R("0.1"), method="court", first_on=D(2023, 3, 1), last_on=D(2023, 3, 1)))
    assert r.total_yen == 100


def test_a_whole_year_containing_feb_29_is_one_year():
    """Whole years count as full years whether or not they contain 29 Feb (§1.5)."""
    r = compute(DamagesInput(1_000_000, R("0.05"), method="court", first_on=D(2023, 6, 1), last_on=D(2024, 5, 31)))
    assert r.total_yen == 50_000
    assert r.segments[0].parts[0].kind == "years"


def test_a_whole_year_from_feb_29_ends_feb_28():
    """§1.6: a whole year from 2020-02-29 ends 2021-02-28 (民法143条2項ただし書)."""
    r = compute(DamagesInput(1_000_000, R("0.05"), method="court", first_on=D(2020, 2, 29), last_on=D(2021, 3, 1)))
    years, rest = r.segments[0].parts
    assert years.last_on == D(2021, 2, 28)
    assert (rest.first_on, rest.count, rest.denominator) == (D(2021, 3, 1), 1, 365)


def test_kyotaku_uses_366_when_the_coming_year_contains_feb_29():
    """抽象的2月29日説: a fraction starting 2023-06-01 (the year to 2024-05-31 contains 02-29) → /366."""
    r = compute(DamagesInput(366_000, R("0.1"), method="kyotaku", first_on=D(2023, 6, 1), last_on=D(2023, 6, 10)))
    assert r.segments[0].parts[0].denominator == 366
    assert r.total_yen == 1_000
    r = compute(DamagesInput(365_000, R("0.1"), method="kyotaku", first_on=D(2021, 6, 1), last_on=D(2021, 6, 10)))
    assert r.segments[0].parts[0].denominator == 365


def test_actual_counts_every_day_over_its_own_year_without_whole_years():
    r = compute(DamagesInput(1_000_000, R("0.05"), method="actual", first_on=D(2023, 6, 1), last_on=D(2024, 5, 31)))
    assert [p.kind for p in r.segments[0].parts] == ["days", "days"]
    # 214/365 + 152/366 of 50,000 = 29,315.06 + 20,765.02 = 50,080.08
    assert r.total_yen == 50_080


# --- partial payments (民法489条) ---------------------------------------------------


def test_a_payment_goes_to_damages_then_principal_and_the_next_segment_starts_the_next_day():
    r = compute(
        DamagesInput(
            1_000_000, R("0.05"), method="court", first_on=D(2021, 1, 1), last_on=D(2021, 12, 31),
            payments=(Payment(D(2021, 6, 30), 300_000),),
        )
    )
    first, second = r.segments
    # 1,000,000 × 5% × 181/365 = 24,794.52 → 24,794
    assert (first.first_on, first.last_on, first.days, first.amount_yen) == (D(2021, 1, 1), D(2021, 6, 30), 181, 24_794)
    assert first.payment.to_damages_yen == 24_794
    assert first.payment.to_principal_yen == 275_206
    # 724,794 × 5% × 184/365 = 18,268.86 → 18,268
    assert (second.first_on, second.days, second.principal_yen, second.amount_yen) == (D(2021, 7, 1), 184, 724_794, 18_268)
    assert r.total_yen == 24_794 + 18_268
    assert r.remaining_principal_yen == 724_794
    assert r.unpaid_damages_yen == 18_268


def test_a_small_payment_only_reduces_unpaid_damages():
    r = compute(
        DamagesInput(1_000_000, R("0.05"), first_on=D(2021, 1, 1), last_on=D(2021, 3, 31), payments=(Payment(D(2021, 1, 31), 1_000),))
    )
    # 31 days: 4,246.57 → 4,246; the 1,000 goes to damages; principal untouched
    assert r.segments[0].payment.to_principal_yen == 0
    assert r.remaining_principal_yen == 1_000_000
    assert r.unpaid_damages_yen == 4_246 - 1_000 + r.segments[1].amount_yen


def test_an_overpayment_is_reported():
    r = compute(
        DamagesInput(10_000, R("0.05"), first_on=D(2021, 1, 1), last_on=D(2021, 3, 31), payments=(Payment(D(2021, 1, 10), 20_000),))
    )
    assert r.remaining_principal_yen == 0
    assert r.segments[0].payment.excess_yen == 20_000 - 10_000 - r.segments[0].amount_yen
    (w,) = r.warnings
    assert w.code == "damages.payment_exceeds_debt"
    assert w.params == {"paid_on": D(2021, 1, 10), "amount_yen": 20_000, "excess_yen": r.segments[0].payment.excess_yen}


@pytest.mark.parametrize(
    "kwargs, error",
    [
        (dict(days=10, first_on=D(2020, 1, 1)), ConflictError),
        (dict(days=10, last_on=D(2020, 1, 1)), ConflictError),
        (dict(first_on=D(2020, 1, 2), last_on=D(2020, 1, 1)), InputError),
        (dict(first_on=D(2020, 1, 1)), ConflictError),
        (dict(), ConflictError),
        (dict(days=10, method="court"), ConflictError),
        (dict(days=0), InputError),
        (dict(first_on=D(2020, 1, 1), last_on=D(2020, 2, 1), payments=(Payment(D(2019, 12, 31), 1),)), InputError),
        (dict(first_on=D(2020, 1, 1), last_on=D(2020, 2, 1), payments=(Payment(D(2020, 2, 2), 1),)), InputError),
    ],
)
def test_bad_spans_are_refused(kwargs, error):
    with pytest.raises(error):
        compute(DamagesInput(100_000, R("0.05"), **kwargs))


# --- 利息制限法 damages caps (rules-reference §3.1, §10 items 3-2/3-3) ----------------


@pytest.mark.parametrize(
    "principal, rate, expect",
    [
        pytest.param(500_000, "0.2", None, id="20% = the 貸金業者 cap (7条): no warning"),
        pytest.param(500_000, "0.2001", "business", id="just above 20%: above the 貸金業者 cap only"),
        pytest.param(500_000, "0.2628", "business", id="26.28% = the 4条 cap for 10万–100万: business cap only"),
        pytest.param(500_000, "0.2629", "both", id="above 1.46 × 18%"),
        pytest.param(99_999, "0.292", "business", id="99,999: 4条 cap 29.2%"),
        pytest.param(1_000_000, "0.2191", "both", id="100万: 4条 cap 21.9%"),
    ],
)
def test_a_rate_above_the_interest_restriction_damages_cap_warns(principal, rate, expect):
    r = compute(DamagesInput(principal, R(rate), days=30))
    codes = {"business": "damages.rate_above_business_damages_cap", "both": "damages.rate_above_damages_caps"}
    cap_warnings = [w for w in r.warnings if w.code in codes.values()]
    if expect is None:
        assert cap_warnings == []
    else:
        assert [w.code for w in cap_warnings] == [codes[expect]]
        params = cap_warnings[0].params
        assert params["business_article"].label() == "利息制限法7条1項" and params["other_article"].label() == "利息制限法4条"
        assert params["business_cap_rate"] == R("0.2")


# --- issue 11 §1 items 4 and 6 -------------------------------------------------------------


def test_tokyo_21bu_example_i_leap_fraction_71141():
    """東京地裁民事第21部 【案内】利息・損害金の計算について, example イ (as quoted in the Risokkey ReadMe,
    http://www5d.biglobe.ne.jp/Jusl/Soft/Risokkey/ReadMe.html): 100,000円 18%, 起算日 R3.8.2, 申立日 R7.7.15:
    3 years 54,000.0 + 152/366 7,475.4 + 196/365 9,665.7, added, floored → 71,141."""
    r = compute(DamagesInput(100_000, R("0.18"), method="court", first_on=D(2021, 8, 2), last_on=D(2025, 7, 15)))
    assert r.total_yen == 71_141
    parts = r.segments[0].parts
    assert [(p.kind, p.count, p.denominator) for p in parts] == [("years", 3, None), ("days", 152, 366), ("days", 196, 365)]


COURT_365_CASES = [
    # id, principal, rate, from, to, court-365, court
    ("民事利息電卓③ COMPUTED: 1 year + 60 days of 2024 (incl. 02-29) ÷365", 500_000, "0.2", D(2023, 2, 1), D(2024, 3, 31), 116_438, 116_393),
    ("民事利息電卓③ COMPUTED: whole year containing 02-29 is one year", 500_000, "0.2", D(2024, 1, 1), D(2024, 12, 31), 100_000, 100_000),
    ("民事利息電卓③ COMPUTED: 14 days of leap-year August ÷365", 100_000, "0.18", D(2023, 8, 2), D(2024, 8, 15), 18_690, 18_688),
    ("岡山地裁 1-4 (no leap fraction): same as court 36,690", 100_000, "0.18", D(2005, 8, 2), D(2007, 8, 15), 36_690, 36_690),
]


@pytest.mark.parametrize("case", COURT_365_CASES, ids=[c[0] for c in COURT_365_CASES])
def test_minji_risoku_dentaku_method_3_court_365(case):
    """issue 11 §1 item 6: 「1年に満たない期間につき,年365日の日割計算による」計算 (民事利息電卓 計算方法③,
    minji-risoku-dentaku.yasuho.jp; Risokkey): whole years at the annual rate, the rest ÷365 even in a leap year."""
    _, principal, rate, first, last, court_365, court = case
    r = compute(DamagesInput(principal, R(rate), method="court-365", first_on=first, last_on=last))
    assert r.total_yen == court_365
    assert all(p.denominator in (None, 365) for p in r.segments[0].parts)
    assert compute(DamagesInput(principal, R(rate), method="court", first_on=first, last_on=last)).total_yen == court


def _leap_warning(r):
    """The 岡山地裁 ※1 warning, phrased in Japanese."""
    from saiken_cli.catalogue import text

    return [text(w, "ja") for w in r.warnings if w.code == "damages.leap_day_365_clause_over_cap"]


@pytest.mark.parametrize(
    "principal, rate, first, last, method, caps_named, court_yen",
    [
        # 7条1項: 20% for business lending, any principal
        (500_000, "0.2", D(2024, 1, 1), D(2024, 12, 31), "simple365", ["7条1項"], 100_000),
        # under 10万: 1条 20% and 7条 20% both
        (99_999, "0.2", D(2024, 2, 29), D(2024, 3, 10), "simple365", ["利息制限法1条", "7条1項"], None),
        # 100万以上: 4条 1.46 × 15% = 21.9%
        (1_000_000, "0.219", D(2024, 2, 1), D(2024, 3, 1), "simple365", ["利息制限法4条"], None),
        # court-365: the leap day among the days after the whole years
        (500_000, "0.2", D(2023, 2, 1), D(2024, 3, 31), "court-365", ["7条1項"], 116_393),
    ],
)
def test_okayama_note_1_365_day_clause_at_the_cap_over_29_february_warns(principal, rate, first, last, method, caps_named, court_yen):
    """issue 11 §1 item 4; 岡山地裁 「利息・損害金の計算について」 ※1: 「利息制限法及び消費者契約法の上限利率の契約については、
    閏年に関する特約を適用した場合には、閏年において上限利率を超えるため、特約は認めていません。」"""
    r = compute(DamagesInput(principal, R(rate), method=method, first_on=first, last_on=last))
    (w,) = _leap_warning(r)
    for name in caps_named:
        assert name in w
    court = compute(DamagesInput(principal, R(rate), method="court", first_on=first, last_on=last)).total_yen
    assert court < r.total_yen and f"{court:,}円" in w
    assert any(c.document == "利息・損害金の計算について ※1" for c in r.citations)
    if court_yen is not None:
        assert court == court_yen


@pytest.mark.parametrize(
    "principal, rate, first, last, method",
    [
        (500_000, "0.199", D(2024, 1, 1), D(2024, 12, 31), "simple365"),  # 19.9 × 366/365 = 19.95% < 20%
        (500_000, "0.2", D(2023, 1, 1), D(2023, 12, 31), "simple365"),  # no leap year
        (500_000, "0.2", D(2024, 3, 1), D(2024, 3, 31), "simple365"),  # leap year, but no 29 February
        (500_000, "0.2", D(2024, 1, 1), D(2024, 2, 28), "simple365"),  # the day before 29 February
        (500_000, "0.2", D(2024, 1, 1), D(2024, 12, 31), "court"),  # the court method is within the cap
        (500_000, "0.2", D(2024, 1, 1), D(2024, 12, 31), "court-365"),  # the leap day is inside the whole year
        (100_000, "0.18", D(2023, 8, 2), D(2024, 8, 15), "court-365"),  # the ÷365 days have no 29 February
        (1_000_000, "0.18", D(2024, 1, 1), D(2024, 12, 31), "simple365"),  # 18% is below every cap for 100万 (15% is 1条, 21.9% 4条, 20% 7条)
    ],
)
def test_okayama_note_1_no_warning_on_the_other_side(principal, rate, first, last, method):
    r = compute(DamagesInput(principal, R(rate), method=method, first_on=first, last_on=last))
    assert _leap_warning(r) == []
