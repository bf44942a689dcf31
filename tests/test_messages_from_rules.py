"""Message texts that quote a legal figure take it from the rule data (house rule: no legal
constant in calc/ or the CLI, message strings included). Each expected text is built from
the rule row, so a change in rules/data/*.toml shows up in the messages too."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from saiken_cli import catalogue, rules
from saiken_cli.calc import garnishment, seigen
from saiken_cli.calc.caps import exact_percent, percent_str
from saiken_cli.calc.garnishment import GarnishmentInput, Period

PAID = date(2026, 10, 1)
CONTRACT = date(2024, 4, 1)


def ja(m) -> str:
    return catalogue.text(m, "ja")


def en(m) -> str:
    return catalogue.text(m, "en")


def _caps(key):
    return rules.load("interest_caps").row_on(CONTRACT, key)


def _garn(key):
    return rules.load("garnishment").row_on(PAID, key)


def _tax(key):
    return rules.load("garnishment_tax").row_on(PAID, key)


def _titles(result):
    """Each verdict's (title, consequence), phrased in Japanese, and the English title."""
    return {v.id: (ja(v.title), ja(v.consequence), en(v.title), en(v.consequence)) for v in result.verdicts}


def test_seigen_titles_and_consequences_quote_the_rows():
    biz = exact_percent(_caps("shusshi_business")["rate"])
    anyone = _caps("shusshi_anyone")
    void = exact_percent(_caps("kashikin_void")["rate"])
    r = seigen.compute(seigen.SeigenInput(principal_yen=500_000, rate=Decimal("0.3"), contract_date=CONTRACT, damages_rate=Decimal("0.3")))
    t = _titles(r)
    assert t["shusshi_5_2"][0].endswith(f"年{biz}%") and t["shusshi_5_2"][2].endswith(f", {biz}%")
    assert f"(業として年{biz}%超)" in t["shusshi_5_2"][1]
    a, d = exact_percent(anyone["rate"]), exact_percent(anyone["per_day"])
    assert t["shusshi_5_1"][0].endswith(f"年{a}% (日{d}%) 何人も")
    assert (t["shusshi_5_1"][1], t["shusshi_5_1"][3]) == (f"年{a}% (日{d}%) 以下", f"not above {a}% ({d}% a day)")
    assert f"年{void}%超の契約" in t["kashikin_42"][0]
    assert t["risoku_7"][0].endswith(f"損害金 年{exact_percent(_caps('damages_business')['rate'])}%")


def test_seigen_individual_damages_title_and_note_quote_the_multiplier():
    mult = _caps("damages_multiplier")["multiplier"]
    r = seigen.compute(seigen.SeigenInput(principal_yen=500_000, rate=Decimal("0.15"), lender="individual", contract_date=CONTRACT, damages_rate=Decimal("0.3")))
    t = _titles(r)["risoku_4"]
    assert (t[0], t[2]) == (f"利息制限法4条 損害金 (1条の率×{mult})", f"art. 4: damages, {mult} × the cap")
    r = seigen.compute(seigen.SeigenInput(principal_yen=500_000, rate=Decimal("0.15"), lender="individual", contract_date=CONTRACT))
    assert any(f"利息制限法4条: 1条の率×{mult})" in ja(n) for n in r.notes)


def test_seigen_notes_and_warnings_quote_the_rows():
    min_days = _caps("shusshi_min_days")["min_days"]
    r = seigen.compute(seigen.SeigenInput(principal_yen=100_000, per_days=10, per_percent=Decimal(10), contract_date=CONTRACT))
    assert any(f"({min_days}日未満は{min_days}日)" in ja(n) and f"the {min_days}-day minimum" in en(n) for n in r.notes)
    assert any(f"年{exact_percent(_caps('damages_business')['rate'])}%)" in ja(n) for n in r.notes)
    leap = exact_percent(_caps("shusshi_anyone")["leap_rate"])
    r = seigen.compute(seigen.SeigenInput(principal_yen=100_000, rate=Decimal("1.096"), lender="individual", contract_date=CONTRACT))
    assert any(f"the ceiling is {leap}%" in en(w) and f"上限が年{leap}%" in ja(w) for w in r.warnings)


def test_seigen_verdict_labels_quote_the_rows():
    labels = seigen.verdict_labels(CONTRACT)
    biz = exact_percent(_caps("shusshi_business")["rate"])
    anyone = exact_percent(_caps("shusshi_anyone")["rate"])
    assert labels["criminal_business"] == (f"出資法5条2項違反 (業として年{biz}%超)", f"Investment Act art. 5(2): a business lender above {biz}%")
    assert labels["criminal"] == (f"出資法5条1項違反 (年{anyone}%超, 何人も)", f"Investment Act art. 5(1): above {anyone}%, a crime for anyone")
    assert labels["void_contract"][1].startswith(f"above {anyone}%:")
    assert seigen.verdict_labels() == labels  # the current law, the same rows


def test_sashiosae_weekly_and_retirement_notes_quote_the_caps():
    per_day = _garn("cap.days")["cap_per_day_yen"]
    r = garnishment.compute(GarnishmentInput(paid_on=PAID, net_yen=300_000, period=Period("weekly")))
    assert any(f"{per_day:,}円 × 7日 = {per_day * 7:,}円" in ja(n) and f"¥{per_day:,} x 7 days" in en(n) for n in r.notes)
    monthly = _garn("cap.monthly")["cap_yen"]
    r = garnishment.compute(GarnishmentInput(paid_on=PAID, net_yen=1_000_000, period=Period("retirement")))
    assert any(ja(n).startswith(f"退職手当には施行令2条の上限 ({monthly:,}円等) はない") for n in r.notes)
    # before saiken's first cap row there is no amount to quote: the note says so without one
    r = garnishment.compute(GarnishmentInput(paid_on=date(2000, 1, 1), net_yen=1_000_000, period=Period("retirement")))
    assert any(ja(n).startswith("退職手当には施行令2条の上限はない") for n in r.notes)


def test_sashiosae_support_note_quotes_the_fraction():
    f = _garn("fraction.support")["protected_fraction"]
    r = garnishment.compute(GarnishmentInput(paid_on=PAID, net_yen=600_000, support=True))
    assert any(f"差押禁止 {f.denominator}分の{f.numerator} (152条3項)" in ja(n) and f"{f.numerator}/{f.denominator} protected" in en(n) for n in r.notes)


def test_sashiosae_tax_texts_quote_the_rows():
    pct = percent_str(_tax("slice_rate")["rate"]).rstrip("0").rstrip(".")
    mult = _tax("slice_cap_multiple")["multiple"]
    per_dep = _tax("per_dependent_per_month")["amount_yen"]
    r = garnishment.compute(GarnishmentInput(paid_on=PAID, net_yen=600_000, tax=True))
    labels = {s.key: s.label for s in r.steps}
    assert (ja(labels["slice"]), en(labels["slice"])) == (f"残額 × {pct}% (上限: 基礎額の{mult}倍)", f"rest x {pct}% (capped at {mult} x base)")
    assert ja(labels["protected_exact"]) == f"差押禁止額 = 基礎額 + {pct}%部分"
    assert ja(r.notes[0]).startswith(f"{pct}%部分は差押禁止額の一部") and f"the {pct}% slice" in en(r.notes[0])
    assert any(f"1人につき月{per_dep:,}円" in ja(w) and f"each adds ¥{per_dep:,}" in en(w) for w in r.warnings)
