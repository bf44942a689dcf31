"""請求の趣旨 (documents/seikyu.py, rules/templates/seikyu.toml).

Golden texts: the form of 主文例からみた請求の趣旨記載例集 (加除出版) 第1章第1 — 「被告は、原告に
対し、○○円及びこれに対する…から支払済みまで年○%の割合による金員を支払え。」「訴訟費用は
被告の負担とする。」 — with the issue's example 「金65万円及びこれに対する平成29年8月21日から
支払済みまで年18パーセントの割合による金員を支払え。」. Figures by hand:
650,000 × 18% × 771/365 = 247,142.47 → 247,142; less the 50,000 paid on 2019-09-30 (all to
damages, 民法489条) = 197,142 unpaid; 650,000 + 197,142 = 847,142 (金84万7142円).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from saiken_cli.calc.damages import Payment
from saiken_cli.documents import jtext, seikyu
from saiken_cli.errors import ConflictError

ON = date(2026, 12, 1)


def test_without_payments():
    c = seikyu.claim(principal_yen=650000, rate=Decimal("0.18"), first_on=date(2017, 8, 21), on=ON)
    assert c.lines == [
        "１　被告は、原告に対し、金65万円及びこれに対する平成29年8月21日から支払済みまで年18パーセントの割合による金員を支払え。",
        "２　訴訟費用は被告の負担とする。",
        "との判決並びに仮執行の宣言を求める。",
    ]
    assert c.fixed_damages_yen == 0 and c.notes == []


def test_after_a_partial_payment_the_unpaid_damages_are_a_fixed_sum():
    c = seikyu.claim(principal_yen=650000, rate=Decimal("0.18"), first_on=date(2017, 8, 21),
                     payments=(Payment(date(2019, 9, 30), 50000),), on=ON)
    assert c.lines[0] == (
        "１　被告は、原告に対し、金84万7142円及びうち金65万円に対する令和元年10月1日から支払済みまで"
        "年18パーセントの割合による金員を支払え。"
    )
    assert (c.amount_yen, c.principal_yen, c.fixed_damages_yen) == (847142, 650000, 197142)
    assert "19万7142円" in c.notes[0]


def test_a_payment_that_reaches_the_principal_leaves_a_plain_claim():
    # 650,000 × 18% × 41/365 = 13,142.46 → 13,142 to damages, 286,858 to principal → 363,142
    c = seikyu.claim(principal_yen=650000, rate=Decimal("0.18"), first_on=date(2017, 8, 21),
                     payments=(Payment(date(2017, 9, 30), 300000),), on=ON)
    assert c.lines[0].startswith("１　被告は、原告に対し、金36万3142円及びこれに対する平成29年10月1日から")


def test_damages_fixed_to_a_date_with_the_legal_rate():
    # legal rate on 2020-08-21 = 3%; 650,000 × 3% × 2,294/365 = 122,556.16 → 122,556
    c = seikyu.claim(principal_yen=650000, rate=None, first_on=date(2020, 8, 21), fixed_to=ON, on=ON)
    assert c.lines[0] == (
        "１　被告は、原告に対し、金77万2556円及びうち金65万円に対する令和8年12月2日から支払済みまで"
        "年3パーセントの割合による金員を支払え。"
    )


def test_fixed_date_before_the_last_payment_is_refused():
    with pytest.raises(ConflictError):
        seikyu.claim(principal_yen=650000, rate=Decimal("0.18"), first_on=date(2017, 8, 21),
                     payments=(Payment(date(2019, 9, 30), 50000),), fixed_to=date(2019, 1, 1), on=ON)


@pytest.mark.parametrize(
    "yen, text",
    [(650000, "65万円"), (1686657, "168万6657円"), (500, "500円"), (120000000, "1億2000万円"), (100010000, "1億1万円"), (10000, "1万円")],
)
def test_amounts_in_man_notation(yen, text):
    assert jtext.man_yen(yen) == text


def test_wareki_as_courts_write_it():
    assert jtext.wareki(date(2019, 5, 1)) == "令和元年5月1日"
    assert jtext.wareki(date(2019, 4, 30)) == "平成31年4月30日"
