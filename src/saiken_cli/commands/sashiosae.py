"""`saiken sashiosae` — 給与差押え: how much of one payment may be garnished."""

from __future__ import annotations

from typing import Annotated, Any, Optional

from saiken_cli.commands.common import Imports, check_lang, take_bool, take_str
from saiken_cli.errors import InputError

_m = Imports("garnishment")  # parsing and calc.garnishment, imported on first use (see commands/common.py)

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
ROUNDING_CHOICES = {"floor": "floor", "ceil": "ceil", "切捨て": "floor", "切上げ": "ceil"}


def parse_period(text: str, flag: str = "--period"):
    """monthly … retirement, days:N (1–366), months:N (1–12); Japanese aliases accepted."""
    p, Period = _m.p, _m.calc.Period
    raw = p.fold(text)
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
    p, GarnishmentInput, Period = _m.p, _m.calc.GarnishmentInput, _m.calc.Period

    def yen(value, flag, allow_zero=False):
        return p.parse_yen(value, flag, allow_zero=allow_zero) if value not in (None, "") else None

    if paid_on is not None:
        from saiken_cli.today import require_not_blank

        paid = p.parse_date(require_not_blank(paid_on, "--paid-on"), "--paid-on")
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
            p.parse_int(dependents, "--dependents", minimum=0, maximum=99, what="a number of people")
            if dependents not in (None, "")
            else None
        ),
        rounding=p.parse_choice(rounding, "--rounding", ROUNDING_CHOICES) if rounding not in (None, "") else "floor",
    )


def exact_text(text: str | None) -> str:
    """'375000.000000' → '375,000'; '36666.500000' → '36,666.5' (display only)."""
    if not text:
        return ""
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    return f"{int(whole):,}" + (f".{frac}" if frac else "")


def view(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, TableView, View, day, pick, standard_sections, yen

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
        (L(lang, "支払期", "Pay period"), pick(payload["period_detail"]["label"], lang)
         + ("" if pick(payload["period_detail"]["label"], lang) == payload["period"] else f" [{payload['period']}]")),
        (L(lang, "請求の種類", "Claim"), claim),
        (L(lang, "適用", "Rule applied"), which),
    ]
    if rule["cap_yen"] is not None:
        cap_label = L(lang, f"上限 ({pct}%部分)", f"Cap ({pct}% slice)") if payload["claim"] == "tax" else L(lang, "差押禁止額の上限", "Cap on the protected amount")
        summary.append((cap_label, yen(rule["cap_yen"], lang) + f"  ({pick(rule['cap_basis'], lang)})"))
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
            pick(s["label"], lang),
            yen(s["yen"], lang) if s["yen"] is not None else "",
            exact_text(s["exact"]),
            pick(s["basis"], lang) if s["basis"] else "",
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


def sashiosae(
    net: Annotated[Optional[str], typer.Option("--net", help="手取り額: 給料 less 所得税・住民税・社会保険料, without 通勤手当 (300000, 30万).")] = None,
    gross: Annotated[Optional[str], typer.Option("--gross", help="総支給額 including 通勤手当; the net is built from the deductions below.")] = None,
    income_tax: Annotated[Optional[str], typer.Option("--income-tax", help="所得税 (with --gross).")] = None,
    resident_tax: Annotated[Optional[str], typer.Option("--resident-tax", help="住民税 (with --gross).")] = None,
    social_insurance: Annotated[Optional[str], typer.Option("--social-insurance", help="社会保険料 (with --gross).")] = None,
    commute: Annotated[Optional[str], typer.Option("--commute", help="通勤手当 in --gross (excluded from the base).")] = None,
    period: Annotated[str, typer.Option("--period", help="支払期: monthly | semimonthly | dekad | weekly | daily | days:N | months:N | bonus | retirement.")] = "monthly",
    support: Annotated[bool, typer.Option("--support", help="扶養義務等の請求 (養育費・婚姻費用): the smaller protected fraction of 152条3項.")] = False,
    tax: Annotated[bool, typer.Option("--tax", help="国税の滞納処分: 国税徴収法76条 (monthly or months:N only).")] = False,
    dependents: Annotated[Optional[str], typer.Option("--dependents", help="With --tax: 生計を一にする親族の人数 (+45,000円/月 each).")] = None,
    rounding: Annotated[str, typer.Option("--rounding", help="Fractions of a yen: floor (default: floor the garnishable amount) | ceil (floor the protected amount).")] = "floor",
    paid_on: Annotated[Optional[str], typer.Option("--paid-on", help="支払日 of this pay: selects the rules in force (default: today).")] = None,
    json_out: JsonOpt = False,
    lang: LangOpt = "ja",
) -> None:
    from saiken_cli.calc.garnishment import compute
    from saiken_cli.render import emit

    lang = check_lang(lang)
    inp = build_input(
        net=net, gross=gross, income_tax=income_tax, resident_tax=resident_tax, social_insurance=social_insurance,
        commute=commute, period=period, support=support, tax=tax, dependents=dependents, rounding=rounding,
        paid_on=paid_on,
    )
    payload = _with_today(compute(inp).to_dict(), inp)
    emit(payload, None if json_out else view(payload, lang), json_mode=json_out, lang=lang)


def register(app: typer.Typer) -> None:
    from saiken_cli.commands.common import bind_typer

    bind_typer(globals())  # typer is bound here, not imported at module load (start-up fast path, entry.py)
    app.command("sashiosae", help=HELP)(sashiosae)


FLAGS = (
    "net", "gross", "income-tax", "resident-tax", "social-insurance", "commute", "period", "support", "tax",
    "dependents", "rounding", "paid-on",
)
# Japanese column names for batch files (saiken batch --help, README "From Excel")
ALIASES = {
    "手取り": "net", "手取額": "net", "手取り額": "net", "総支給額": "gross", "所得税": "income-tax",
    "住民税": "resident-tax", "社会保険料": "social-insurance", "通勤手当": "commute", "支払期": "period",
    "支払日": "paid-on",
}


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    inp = build_input(
        net=take_str(fields, "net"),
        gross=take_str(fields, "gross"),
        income_tax=take_str(fields, "income-tax"),
        resident_tax=take_str(fields, "resident-tax"),
        social_insurance=take_str(fields, "social-insurance"),
        commute=take_str(fields, "commute"),
        period=take_str(fields, "period"),
        support=take_bool(fields, "support"),
        tax=take_bool(fields, "tax"),
        dependents=take_str(fields, "dependents"),
        rounding=take_str(fields, "rounding"),
        paid_on=take_str(fields, "paid-on"),
    )
    return _with_today(_m.calc.compute(inp).to_dict(), inp)


def _with_today(payload: dict[str, Any], inp) -> dict[str, Any]:
    """--json says when --paid-on defaulted to today in Japan (the assumption line is calc's)."""
    if inp.paid_on_assumed:
        from saiken_cli import today

        payload["today"] = today.meta()
    return payload

# For the start-up fast path (entry.py): flags without a value, repeatable, required.
SWITCHES = ('support', 'tax')
REPEATABLE = ()
REQUIRED = ()
