"""`saiken seigen` — is this loan lawful? 利息制限法・出資法・貸金業法42条."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Optional

from saiken_cli import parsing as p
from saiken_cli.commands.spec import Command, Flag

# calc.seigen is imported inside the functions that need it, to keep it off `saiken --help`
# and shell completion, which register every command (importing every calculator adds
# ≈40 ms there, issue 16); each such import costs ≈10,000 instructions a batch row.

HELP = """利息制限法・出資法の判定 (is this loan lawful?): the annual rate, the 利息制限法 cap for the
principal (20/18/15%), the lawful interest, the 損害金 cap, and verdicts under 出資法5条 and 貸金業法42条.

Example:
  saiken seigen --principal 100000 --rate 18%                       → 利息制限法の範囲内
  saiken seigen --principal 100000 --repay 130000 --days 7          → 1,564.29% (出資法基準 730%)
  saiken seigen --principal 5万 --per-days 10 --percent 10 --lender individual   (トイチ → 365%)
  saiken seigen --principal 100万 --rate 15% --damages-rate 21.9% --json
"""

LENDERS = {
    "business": "business", "業者": "business", "貸金業者": "business", "業": "business",
    "individual": "individual", "個人": "individual", "private": "individual",
}

_PERCENT_RE = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)$")


def _parse_percent(text: str, flag: str):
    from decimal import Decimal

    from saiken_cli.errors import InputError
    from saiken_cli.parsing import fold

    raw = fold(text)
    s = raw.replace(" ", "").removesuffix("%")
    if not _PERCENT_RE.match(s) or len(s) > 20:
        raise InputError(flag, raw, "a percentage per period such as 10 or 10% (トイチ: --per-days 10 --percent 10)")
    value = Decimal(s)
    if value <= 0 or value > 1000:
        raise InputError(flag, raw, "a percentage above 0 and at most 1000")
    return value


def build_input(
    *,
    principal: str,
    rate: Optional[str] = None,
    repay: Optional[str] = None,
    days: Optional[str] = None,
    from_: Optional[str] = None,
    to: Optional[str] = None,
    per_days: Optional[str] = None,
    percent: Optional[str] = None,
    lender: str = "business",
    damages_rate: Optional[str] = None,
    existing_principal: Optional[str] = None,
    contract_date: Optional[str] = None,
):
    """Flags (strings, as typed) → SeigenInput. Shared by the command and `saiken batch`."""
    from saiken_cli.calc.seigen import SeigenInput

    def given(v: Optional[str]) -> bool:
        return v is not None and str(v).strip() != ""

    lent_on = p.parse_date(from_, "--from") if given(from_) else None
    contract_on = p.parse_date(contract_date, "--contract-date") if given(contract_date) else lent_on
    return SeigenInput(
        principal_yen=p.parse_yen(principal, "--principal"),
        rate=p.parse_rate(rate, "--rate", allow_high=True) if given(rate) else None,
        repay_yen=p.parse_yen(repay, "--repay") if given(repay) else None,
        per_days=p.parse_int(per_days, "--per-days", minimum=1, maximum=3650, what="a number of days") if given(per_days) else None,
        per_percent=_parse_percent(percent, "--percent") if given(percent) else None,
        days=p.parse_int(days, "--days", minimum=1, maximum=365 * 100, what="a number of days") if given(days) else None,
        lent_on=lent_on,
        repaid_on=p.parse_date(to, "--to") if given(to) else None,
        contract_date=contract_on,
        lender=p.parse_choice(lender, "--lender", LENDERS),
        damages_rate=p.parse_rate(damages_rate, "--damages-rate", allow_high=True) if given(damages_rate) else None,
        existing_principal_yen=p.parse_yen(existing_principal, "--existing-principal", allow_zero=True) if given(existing_principal) else 0,
    )


def view(payload: dict[str, Any], lang: str):
    from saiken_cli.calc.seigen import verdict_labels
    from saiken_cli.render import L, TableView, View, standard_sections, text, yen

    on = date.fromisoformat(payload["contract_date"]) if payload.get("contract_date") else None
    ja, en = verdict_labels(on)[payload["verdict"]]
    period = (
        L(lang, f"{payload['days']}日", f"{payload['days']} days") if payload["days"] is not None else L(lang, "指定なし", "not given")
    )
    bracket = payload["cap_bracket"]
    upper = f"{bracket['max_principal_yen']:,}" if bracket["max_principal_yen"] is not None else ""
    summary = [
        (L(lang, "判定", "Verdict"), L(lang, ja, en)),
        (L(lang, "元本", "Principal"), yen(payload["principal_yen"], lang)),
        (L(lang, "貸主", "Lender"), L(lang, "貸金業者 (業として)", "business lender") if payload["lender"] == "business" else L(lang, "個人", "individual")),
        (L(lang, "期間", "Period"), period),
        (L(lang, "利息", "Interest"), yen(payload["interest_yen"], lang) + L(lang, f" ({payload['interest_days']}日分)", f" (over {payload['interest_days']} days)")),
        (L(lang, "年利 (実日数)", "Annual rate (actual days)"), f"{payload['annual_rate_percent']}%"),
        (
            L(lang, "年利 (出資法基準)", "Annual rate (出資法 basis)"),
            f"{payload['shusshi_rate_percent']}%"
            + (L(lang, f" ({payload['shusshi_days']}日で計算)", f" (over {payload['shusshi_days']} days)") if payload["shusshi_days"] else ""),
        ),
        (
            L(lang, "利息制限法の上限", "Cap (利息制限法1条)"),
            f"{payload['cap_rate_percent']}%  ({L(lang, '元本', 'principal')} {bracket['min_principal_yen']:,}〜{upper})",
        ),
        (L(lang, "法定の上限利息", "Lawful interest"), yen(payload["lawful_interest_yen"], lang)),
        (L(lang, "超過利息", "Excess interest"), yen(payload["excess_interest_yen"], lang)),
        (L(lang, "損害金の上限", "Damages cap"), f"{payload['damages_cap_rate_percent']}%"),
    ]
    if payload["damages_rate_percent"] is not None:
        summary.append((L(lang, "約定損害金", "Agreed damages rate"), f"{payload['damages_rate_percent']}%"))
    rows = []
    for v in payload["verdicts"]:
        rows.append(
            [
                text(v["title"], lang),
                f"{v['limit_percent']}%",
                f"{v['compared_percent']}%",
                f"{v['max_lawful_interest_yen']:,}" if v["max_lawful_interest_yen"] is not None else "—",
                L(lang, "超過", "EXCEEDED") if v["exceeded"] else L(lang, "範囲内", "within"),
                text(v["consequence"], lang),
                v["status"],
            ]
        )
    tables = [
        TableView(
            L(lang, "判定", "Verdicts"),
            [
                L(lang, "規定", "Rule"),
                L(lang, "上限", "Limit"),
                L(lang, "比較値", "Compared"),
                L(lang, "上限額 (円)", "Limit (yen)"),
                L(lang, "結果", "Result"),
                L(lang, "効果", "Effect"),
                L(lang, "確認", "Status"),
            ],
            rows,
            numeric={1, 2, 3},
        )
    ]
    sections = standard_sections(payload, lang)
    sections.insert(0, (L(lang, "端数", "Rounding"), [text(payload["rounding"]["percent"], lang), payload["rounding"]["yen"]]))
    return View(L(lang, "利息制限法・出資法の判定", "Interest caps check (利息制限法・出資法)"), summary, tables, sections)


def payload(values: dict[str, Any]) -> dict[str, Any]:
    """The inputs (``SPEC.read`` or the Typer options) → the ``--json`` payload."""
    from saiken_cli.calc.seigen import compute

    return compute(build_input(**values)).to_dict()


SPEC = Command("seigen", HELP, (
    Flag("principal", "yen", "元本 (貸付額): 100000, 10万", "元本 (the amount lent): 100000, 10万.", required=True,
         aliases=("元本", "元金")),
    Flag("rate", "rate", "約定年利: 18%, 0.18, 1割8分 (100%以上も可)", "約定年利: 18%, 0.18, 1割8分.", aliases=("利率", "年利"),
         doc="約定年利: `18%`, `0.18`, `1割8分` (rates of 100% and more are accepted here)."),
    Flag("repay", "yen", "返済総額 (元本＋利息): 短期の貸付け; --days または --from/--to と共に",
         "返済総額 (principal + interest) for a short loan; needs --days or --from/--to.", aliases=("返済総額",),
         doc="Short loan: the total repaid; interest = repay − principal. Needs `--days N` or `--from D --to D`."),
    Flag("days", "int", "貸付期間 (日数)", "貸付期間 (days).", aliases=("日数",)),
    Flag("from", "date", "貸付日 (算入する)", "貸付日 (counted): ISO or 和暦.", aliases=("貸付日",),
         doc="貸付日 (counted). `--from` counts, `--to` does not: 2023-06-01 → 2023-06-08 is 7 days (貸金業法施行規則11条 別表)."),
    Flag("to", "date", "返済日 (算入しない)", "返済日 (not counted).", aliases=("返済日",)),
    Flag("per-days", "int", "闇金の表示: N日ごとの利息 (トイチ: 10)", "闇金 shorthand: interest every N days (トイチ: 10).",
         doc="闇金 shorthand: P% every N days (トイチ `--per-days 10 --percent 10`, トサン `--percent 30`). Without `--days` "
             "the 15-day minimum is not applied (a rate, not a loan period)."),
    Flag("percent", "percent", "… N日ごとに P% (トイチ: 10)", "… at P percent per N days (トイチ: 10)."),
    Flag("lender", "choice", "貸主: 貸金業者 (既定) または個人", "business (貸金業者, default) | individual (個人).", default="business",
         choices=("business", "individual"), aliases=("貸主の種別", "貸主区分"),
         doc="貸金業者 (default; 業者 / 貸金業者 accepted) or 個人. Individuals get only 利息制限法1条・4条 and 出資法5条1項."),
    Flag("damages-rate", "rate", "約定損害金の年率 (4条・7条と比較)", "約定損害金の年率 to check against 4条/7条.",
         aliases=("損害金利率",)),
    Flag("existing-principal", "yen", "同じ貸金業者の既存の残元本 (利息制限法5条)",
         "既存の残元本 with the same business lender (利息制限法5条).", aliases=("既存残元本", "既存の残元本")),
    Flag("contract-date", "date", "契約日: その日の法令を適用 (既定: --from、なければ現行法)",
         "契約日: the law in force that day (default: --from, else current law).", aliases=("契約日",),
         doc="Apply the law in force that day (default: `--from`, else the current law). saiken holds these rows from "
             "2010-06-18 (平成18年改正 完全施行) and refuses earlier dates (exit 3); the 1条 brackets go back to 1954 for `kabarai`."),
))


def register(app) -> None:
    SPEC.register(app, payload=payload, view=view)


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    return payload(SPEC.read(fields))
