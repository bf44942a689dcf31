"""`saiken sashiosae` — 給与差押え: how much of one payment may be garnished."""

from __future__ import annotations

from typing import Any, Optional

from saiken_cli.commands.spec import Command, Flag
from saiken_cli.errors import InputError
from saiken_cli.parsing import fold, parse_choice, parse_date, parse_int, parse_yen

# calc.garnishment is imported inside the functions that need it, to keep it off `saiken
# --help` and shell completion, which register every command (importing every calculator
# adds ≈40 ms there, issue 16); each such import costs ≈10,000 instructions a batch row.

HELP = """給与差押え (wage garnishment): how much of one payment may be seized, and how much the
debtor keeps. 民事執行法152条・施行令2条; with --tax, 国税徴収法76条・施行令34条.

The base is take-home pay (手取り): 給料 less 所得税・住民税・社会保険料, without 通勤手当.
Give it with --net, or build it with --gross and the deductions.

Example:
  saiken sashiosae --net 300000                          → 75,000円
  saiken sashiosae --net 50万 --paid-on 2026-10-25       → 170,000円 (上限 33万円)
  saiken sashiosae --net 300000 --support                → 150,000円 (養育費等 152条3項)
  saiken sashiosae --gross 400000 --income-tax 10000 --resident-tax 20000 \\
      --social-insurance 60000 --commute 10000 --period semimonthly
  saiken sashiosae --net 300000 --tax --dependents 2 --json
"""

PERIOD_ALIASES = {
    "monthly": "monthly", "month": "monthly", "毎月": "monthly", "月給": "monthly", "月": "monthly",
    "semimonthly": "semimonthly", "semi-monthly": "semimonthly", "half-month": "semimonthly",
    "毎半月": "semimonthly", "半月": "semimonthly",
    "dekad": "dekad", "毎旬": "dekad", "旬": "dekad",
    "weekly": "weekly", "week": "weekly", "毎週": "weekly", "週給": "weekly",
    "daily": "daily", "day": "daily", "毎日": "daily", "日給": "daily",
    "bonus": "bonus", "賞与": "bonus", "ボーナス": "bonus",
    "retirement": "retirement", "退職手当": "retirement", "退職金": "retirement",
}
PERIODS_ACCEPTED = (
    "monthly, semimonthly, dekad, weekly, daily, days:N (any other period of N days), "
    "months:N (every N months), bonus, retirement"
)
ROUNDING_CHOICES = {"floor": "floor", "ceil": "ceil", "切捨て": "floor", "切上げ": "ceil", "tax-1000": "tax-1000", "千円単位": "tax-1000"}


def parse_period(text: str, flag: str = "--period"):
    """monthly … retirement, days:N (1–366), months:N (1–12); Japanese aliases accepted."""
    from saiken_cli.calc.garnishment import Period

    raw = fold(text)
    key = raw.lower() if raw.isascii() else raw
    for kind, maximum in (("days", 366), ("months", 12)):
        if key.startswith(kind + ":"):
            rest = key[len(kind) + 1 :].strip()
            if not rest.isdigit() or not (1 <= int(rest) <= maximum):
                raise InputError(flag, raw, f"{kind}:N with N a whole number from 1 to {maximum}")
            return Period(kind, int(rest))
    if key in PERIOD_ALIASES:
        return Period(PERIOD_ALIASES[key])
    raise InputError(flag, raw, "one of " + PERIODS_ACCEPTED)


def build_input(
    *,
    net: Optional[str] = None,
    gross: Optional[str] = None,
    income_tax: Optional[str] = None,
    resident_tax: Optional[str] = None,
    social_insurance: Optional[str] = None,
    commute: Optional[str] = None,
    period: Optional[str] = None,
    support: bool = False,
    tax: bool = False,
    dependents: Optional[str] = None,
    rounding: Optional[str] = None,
    paid_on: Optional[str] = None,
):
    """Flags (strings, as typed) → GarnishmentInput. Shared by the command and `saiken batch`."""
    from saiken_cli.calc.garnishment import GarnishmentInput, Period

    def yen(value, flag, allow_zero=False):
        return parse_yen(value, flag, allow_zero=allow_zero) if value not in (None, "") else None

    if paid_on is not None:
        from saiken_cli.today import require_not_blank

        paid = parse_date(require_not_blank(paid_on, "--paid-on"), "--paid-on")
        assumed = False
    else:
        from saiken_cli import today

        paid = today.today()  # today in Japan, read once per run; calc never reads a clock
        assumed = True
    return GarnishmentInput(
        paid_on=paid,
        paid_on_assumed=assumed,
        net_yen=yen(net, "--net"),
        gross_yen=yen(gross, "--gross"),
        income_tax_yen=yen(income_tax, "--income-tax", True),
        resident_tax_yen=yen(resident_tax, "--resident-tax", True),
        social_insurance_yen=yen(social_insurance, "--social-insurance", True),
        commute_yen=yen(commute, "--commute", True),
        period=parse_period(period) if period not in (None, "") else Period("monthly"),
        support=support,
        tax=tax,
        dependents=(
            parse_int(dependents, "--dependents", minimum=0, maximum=99, what="a number of people")
            if dependents not in (None, "")
            else None
        ),
        rounding=parse_choice(rounding, "--rounding", ROUNDING_CHOICES) if rounding not in (None, "") else "floor",
    )


def exact_text(text: str | None) -> str:
    """'375000.000000' → '375,000'; '36666.500000' → '36,666.5' (display only)."""
    if not text:
        return ""
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    return f"{int(whole):,}" + (f".{frac}" if frac else "")


def view(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, TableView, View, day, standard_sections, text, yen

    rule = payload["rule"]
    claim = {
        "ordinary": L(lang, "通常の金銭債権 (152条1項)", "ordinary money claim (art. 152(1))"),
        "support": L(lang, "扶養義務等 (152条3項: 養育費・婚姻費用等)", "support claim (art. 152(3))"),
        "tax": L(lang, "国税の滞納処分 (国税徴収法76条)", "tax collection (National Tax Collection Act art. 76)"),
    }[payload["claim"]]
    pct = mult = ""
    if payload["claim"] == "tax":  # the tax slice: its rate and cap as the payload states them (国税徴収法76条1項5号)
        from fractions import Fraction

        pct = format(Fraction(rule["fraction"]) * 100, "")
        if rule["cap_yen"] is not None and rule.get("base_yen"):
            mult = format(Fraction(rule["cap_yen"], rule["base_yen"]), "")
    which = {
        "fraction": L(lang, f"割合 ({rule['fraction']} 差押禁止)", f"fraction ({rule['fraction']} protected)"),
        "fraction_no_cap": L(lang, f"割合 ({rule['fraction']} 差押禁止, 上限なし)", f"fraction ({rule['fraction']} protected, no cap)"),
        "cap": L(lang, "上限額 (施行令2条)", "cap (Cabinet Order art. 2)"),
        "base_only": L(lang, "基礎額以下 (差押可能額なし)", "at or below the base (nothing seizable)"),
        "slice": L(lang, f"基礎額 + 残額の{pct}%", f"base + {pct}% of the rest"),
        "slice_cap": L(lang, f"基礎額 + {pct}%部分の上限 (基礎額の{mult}倍)", f"base + capped {pct}% slice ({mult} × base)"),
    }[rule["which"]]
    summary = [
        (L(lang, "差押可能額", "Garnishable"), yen(payload["garnishable_yen"], lang)),
        (L(lang, "差押禁止額 (手元に残る額)", "Protected (the debtor keeps)"), yen(payload["protected_yen"], lang)),
        (L(lang, "手取り額 (基準額)", "Net pay (the base)"), yen(payload["net_yen"], lang)),
        (L(lang, "支払期", "Pay period"), text(payload["period_detail"]["label"], lang)
         + ("" if text(payload["period_detail"]["label"], lang) == payload["period"] else f" [{payload['period']}]")),
        (L(lang, "請求の種類", "Claim"), claim),
        (L(lang, "適用", "Rule applied"), which),
    ]
    if rule["cap_yen"] is not None:
        cap_label = L(lang, f"上限 ({pct}%部分)", f"Cap ({pct}% slice)") if payload["claim"] == "tax" else L(lang, "差押禁止額の上限", "Cap on the protected amount")
        summary.append((cap_label, yen(rule["cap_yen"], lang) + f"  ({text(rule['cap_basis'], lang)})"))
    if rule["threshold_yen"] is not None:
        summary.append((
            L(lang, "上限が効き始める手取り", "Cap applies above net of"),
            yen(rule["threshold_yen"], lang)
            if rule["threshold_exact"].endswith(".000000")
            else exact_text(rule["threshold_exact"]) + L(lang, "円", " yen"),
        ))
    summary.append((L(lang, "支払日 (法令の基準日)", "Pay date (rules as of)"), day(payload["paid_on"], lang)))
    rows = []
    for s in payload["steps"]:
        rows.append([
            text(s["label"], lang),
            yen(s["yen"], lang) if s["yen"] is not None else "",
            exact_text(s["exact"]),
            text(s["basis"], lang) if s["basis"] else "",
        ])
    tables = [
        TableView(
            L(lang, "計算明細", "Calculation"),
            [L(lang, "項目", "Step"), L(lang, "金額", "Yen"), L(lang, "端数処理前", "Exact"), L(lang, "根拠", "Basis")],
            rows,
            numeric={1, 2},
        )
    ]
    title = L(lang, "給与差押えの計算 (差押可能額)", "Wage garnishment (給与差押え)")
    return View(title, summary, tables, standard_sections(payload, lang))


def payload(values: dict[str, Any]) -> dict[str, Any]:
    """The inputs (``SPEC.read`` or the Typer options) → the ``--json`` payload."""
    from saiken_cli.calc.garnishment import compute

    inp = build_input(**values)
    return _with_today(compute(inp).to_dict(), inp)


SPEC = Command("sashiosae", HELP, (
    Flag("net", "yen", "手取り額: 給料から所得税・住民税・社会保険料を引いた額 (通勤手当を除く)",
         "手取り額: 給料 less 所得税・住民税・社会保険料, without 通勤手当 (300000, 30万).", aliases=("手取り", "手取額", "手取り額")),
    Flag("gross", "yen", "総支給額 (通勤手当を含む): 以下の控除から手取り額を算出",
         "総支給額 including 通勤手当; the net is built from the deductions below.", aliases=("総支給額",),
         doc="総支給額 **including** 通勤手当; the base is built from the deduction flags and shown step by step. "
             "Conflicts with `--net`."),
    Flag("income-tax", "yen", "所得税 (--gross と共に)", "所得税 (with --gross).", aliases=("所得税",),
         doc="所得税 (with `--gross` only). A missing deduction is taken as 0 with a warning."),
    Flag("resident-tax", "yen", "住民税 (--gross と共に)", "住民税 (with --gross).", aliases=("住民税",)),
    Flag("social-insurance", "yen", "社会保険料 (--gross と共に)", "社会保険料 (with --gross).", aliases=("社会保険料",)),
    Flag("commute", "yen", "総支給額に含まれる通勤手当 (基準額から除く)", "通勤手当 in --gross (excluded from the base).",
         aliases=("通勤手当",)),
    Flag("period", "period", "支払期", "支払期: monthly | semimonthly | dekad | weekly | daily | days:N | months:N | bonus | retirement.",
         default="monthly", aliases=("支払期",),
         doc="`monthly` (default), `semimonthly`, `dekad`, `weekly`, `daily`, `days:N` (1–366), `months:N` (1–12), "
             "`bonus`, `retirement`; Japanese names accepted (毎月, 半月, 賞与, 退職金 …)."),
    Flag("support", "switch", "扶養義務等の請求 (養育費・婚姻費用): 152条3項の差押禁止割合",
         "扶養義務等の請求 (養育費・婚姻費用): the smaller protected fraction of 152条3項.",
         doc="The creditor claims 扶養義務等 (養育費, 婚姻費用, 扶養料: 151条の2第1項): 1/2 protected (152条3項)."),
    Flag("tax", "switch", "国税の滞納処分 (国税徴収法76条; 月給または months:N のみ)",
         "国税の滞納処分: 国税徴収法76条 (monthly or months:N only).",
         doc="Garnishment by the tax authority (国税徴収法76条; monthly or months:N only). Not with `--support`."),
    Flag("dependents", "int", "--tax のとき: 生計を一にする親族の人数 (1人につき月4万5千円)",
         "With --tax: 生計を一にする親族の人数 (+45,000円/月 each)."),
    Flag("rounding", "choice", "円未満の端数処理 (tax-1000: --tax のとき徴収実務の千円単位)",
         "Fractions of a yen: floor (default: floor the garnishable amount) | ceil (floor the protected amount) | "
         "tax-1000 (with --tax: the tax offices' 1,000-yen practice).", default="floor", choices=("floor", "ceil", "tax-1000"),
         doc="Fractions of a yen. `floor` (default): floor the garnishable amount. `ceil`: floor the protected amount. "
         "`tax-1000` (with `--tax`): the tax offices' 1,000円 practice — 中野市「給与等の差押に係る取立て事務について」: "
         "① the pay floored to 1,000円, 76条1項1〜5号 each rounded up to 1,000円 (5号: (① − 1〜4号) × 20%, up, at most "
         "2 × 4号); with `--net` only the net is floored (said)."),
    Flag("paid-on", "date", "この給与の支払日: 適用する法令を決める (既定: 日本の今日)",
         "支払日 of this pay: selects the rules in force (default: today).", aliases=("支払日",),
         doc="支払日 of this pay; selects the rules in force (ISO or 和暦). Default: today in Japan, said in the assumptions."),
))


def register(app) -> None:
    SPEC.register(app, payload=payload, view=view)


#: The payload's top-level keys that hold no message items: ``saiken batch`` does not walk them
#: when it phrases the record (catalogue.localize; checked by tests/test_localize_keys.py).
PLAIN_KEYS = frozenset(("rule_rows", "citations"))


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    return payload(SPEC.read(fields))


def _with_today(payload: dict[str, Any], inp) -> dict[str, Any]:
    """--json says when --paid-on defaulted to today in Japan (the assumption line is calc's)."""
    if inp.paid_on_assumed:
        from saiken_cli import today

        payload["today"] = today.meta()
    return payload
