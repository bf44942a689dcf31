"""`saiken saisei` — 個人再生 最低弁済額 and installments; 任意整理 installments (--nin-i)."""

from __future__ import annotations

from typing import Any, Optional

from saiken_cli.commands.spec import Command, Flag
from saiken_cli.parsing import parse_choice, parse_int, parse_yen

# calc.saisei is imported inside the functions that need it, to keep it off `saiken --help`
# and shell completion, which register every command (importing every calculator adds
# ≈40 ms there, issue 16); each such import costs ≈10,000 instructions a batch row.

HELP = """個人再生の最低弁済額 (民事再生法231条2項3号・4号) as a formula, the plan total and installments.

The plan total is the largest of: the 231条 minimum, the 清算価値 (--liquidation-value) and,
for 給与所得者等再生, 2 years of 可処分所得 (--disposable-income). Monthly installments over
36 months and 60 months (229条2項). --nin-i N: 任意整理, the balance over N months with
future interest cut. Above 5,000万円 of 基準債権 個人再生 is not available (221条1項): exit 2.

Example:
  saiken saisei --debt 800万                              → 最低弁済額 1,600,000円
  saiken saisei --debt 300万 --liquidation-value 150万    → 計画弁済総額 1,500,000円 (清算価値)
  saiken saisei --debt 60万 --nin-i 60 --json             → 任意整理 10,000円 × 60回
"""

ROUNDING_CHOICES = {"yen": "yen", "1": "yen", "円": "yen", "100": "100", "1000": "1000", "1,000": "1000"}


def build_input(
    *,
    debt: str,
    liquidation_value: Optional[str] = None,
    disposable_income: Optional[str] = None,
    rounding: str = "yen",
    nin_i: Optional[str] = None,
    nin_i_balance: Optional[str] = None,
):
    """Flags (strings, as typed) → SaiseiInput. Shared by the command and `saiken batch`."""
    from saiken_cli.calc.saisei import SaiseiInput

    def opt_yen(text, flag, allow_zero=True):
        return parse_yen(text, flag, allow_zero=allow_zero) if text not in (None, "") else None

    return SaiseiInput(
        debt_yen=parse_yen(debt, "--debt"),
        liquidation_value_yen=opt_yen(liquidation_value, "--liquidation-value"),
        disposable_income_yen=opt_yen(disposable_income, "--disposable-income"),
        rounding=parse_choice(rounding, "--rounding", ROUNDING_CHOICES),
        nin_i_months=parse_int(nin_i, "--nin-i", minimum=1, maximum=120, what="a number of monthly installments")
        if nin_i not in (None, "")
        else None,
        nin_i_balance_yen=opt_yen(nin_i_balance, "--nin-i-balance", allow_zero=False),
    )


TEST_LABELS = {
    "minimum_repayment": ("最低弁済額 (231条2項)", "statutory minimum (art. 231(2))"),
    "liquidation_value": ("清算価値", "liquidation value"),
    "disposable_income": ("可処分所得2年分", "2 years' disposable income"),
}
PROCEDURES = {"shokibo": ("小規模個人再生", "small-scale rehabilitation (小規模個人再生)"),
              "kyuyo": ("給与所得者等再生", "wage-earner rehabilitation (給与所得者等再生)")}


def view(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, TableView, View, standard_sections, yen

    binding = TEST_LABELS[payload["binding_test"]]
    summary = [
        (L(lang, "基準債権", "Base claims (基準債権)"), yen(payload["debt_yen"], lang)),
        (L(lang, "手続", "Procedure"), L(lang, *PROCEDURES[payload["procedure"]])),
        (L(lang, "最低弁済額", "Minimum repayment"), yen(payload["minimum_repayment_yen"], lang)),
        (L(lang, "算式", "Formula"), payload["minimum_formula"]),
        (L(lang, "計画弁済総額 (下限)", "Plan total (at least)"), yen(payload["plan_total_yen"], lang)),
        (L(lang, "基準となった要件", "Binding test"), L(lang, *binding)),
        (L(lang, "36回 (3年) 月額", "Monthly over 36"), f"{yen(payload['monthly_36_yen'], lang)}"
         + L(lang, f" (最終回 {payload['last_36_yen']:,}円)", f" (last ¥{payload['last_36_yen']:,})")),
        (L(lang, "60回 (5年) 月額", "Monthly over 60"), f"{yen(payload['monthly_60_yen'], lang)}"
         + L(lang, f" (最終回 {payload['last_60_yen']:,}円)", f" (last ¥{payload['last_60_yen']:,})")),
    ]
    if payload["nin_i"]:
        ni = payload["nin_i"]
        summary.append(
            (
                L(lang, f"任意整理 {ni['months']}回", f"Voluntary restructuring, {ni['months']} months"),
                f"{yen(ni['monthly_yen'], lang)}"
                + L(lang, f" (残高 {ni['balance_yen']:,}円, 最終回 {ni['last_yen']:,}円)",
                    f" (balance ¥{ni['balance_yen']:,}, last ¥{ni['last_yen']:,})"),
            )
        )
    tests = TableView(
        L(lang, "計画弁済総額の各要件 (最大のものが下限)", "Tests (the largest sets the plan total)"),
        [L(lang, "要件", "Test"), L(lang, "額", "Amount"), L(lang, "根拠", "Basis"), ""],
        [
            [L(lang, *TEST_LABELS[t["test"]]), yen(t["amount_yen"], lang), t["basis"],
             "◀" if t["test"] == payload["binding_test"] else ""]
            for t in payload["tests"]
        ],
        numeric={1},
    )
    sched_rows = [
        [f"{s['months']}", yen(s["total_yen"], lang), f"{yen(s['regular_yen'], lang)} × {s['regular_count']}",
         yen(s["last_yen"], lang), f"{s['rounding_unit_yen']:,}" + L(lang, "円", " yen") + f" ({s['method']})"]
        for s in payload["installments"]["schedules"]
    ]
    if payload["nin_i"]:
        s = payload["nin_i"]["schedule"]
        sched_rows.append(
            [f"{s['months']} " + L(lang, "(任意整理)", "(voluntary)"), yen(s["total_yen"], lang),
             f"{yen(s['regular_yen'], lang)} × {s['regular_count']}", yen(s["last_yen"], lang),
             f"{s['rounding_unit_yen']:,}" + L(lang, "円", " yen") + f" ({s['method']})"]
        )
    schedules = TableView(
        L(lang, "分割弁済", "Installments"),
        [L(lang, "回数", "Months"), L(lang, "総額", "Total"), L(lang, "毎回", "Regular"),
         L(lang, "最終回", "Last"), L(lang, "端数処理", "Rounding")],
        sched_rows,
        numeric={1, 2, 3},
    )
    title = L(lang, "個人再生の最低弁済額と分割弁済", "Individual rehabilitation (個人再生): minimum repayment")
    return View(title, summary, [tests, schedules], standard_sections(payload, lang))


def payload(values: dict[str, Any]) -> dict[str, Any]:
    """The inputs (``SPEC.read`` or the Typer options) → the ``--json`` payload."""
    from saiken_cli.calc.saisei import compute

    return compute(build_input(**values)).to_dict()


SPEC = Command("saisei", HELP, (
    Flag("debt", "yen", "基準債権の総額 (住宅ローン・担保部分を除く): 800万, 8,000,000",
         "基準債権の総額 (housing loan and secured parts excluded): 800万, 8,000,000.", required=True,
         aliases=("基準債権", "基準債権総額", "基準債権の総額"),
         doc="基準債権の総額 (housing loan and secured parts excluded): `8000000`, `8,000,000`, `800万`. Also used for the "
             "221条 5,000万 limit."),
    Flag("liquidation-value", "yen", "清算価値 (0 可)", "清算価値 (liquidation value of the assets; 0 allowed).",
         aliases=("清算価値",)),
    Flag("disposable-income", "yen", "給与所得者等再生: 可処分所得の2年分 (裁判所の書式で算出; 0 可)",
         "給与所得者等再生: 2 years of 可処分所得 (as computed on the court's sheet).", aliases=("可処分所得2年分", "可処分所得の2年分"),
         doc="可処分所得の2年分, as computed on the court's sheet (0 allowed). Its presence means 給与所得者等再生 "
             "(`procedure: \"kyuyo\"`); otherwise 小規模個人再生 (`\"shokibo\"`)."),
    Flag("rounding", "choice", "分割弁済の端数処理単位 (切上げ、最終回で調整)",
         "Installment rounding: yen (default) | 100 | 1000 (round up, last installment adjusted).", default="yen",
         choices=("yen", "100", "1000"),
         doc="Installment rounding unit (default `yen`; 100円・1,000円 are office practice): round up, the last installment "
             "adjusted."),
    Flag("nin-i", "int", "任意整理: 月々の分割回数 N (将来利息カット)", "任意整理: number of monthly installments N (future interest cut).",
         aliases=("任意整理回数",), doc="任意整理 over N monthly installments (1–120), future interest cut."),
    Flag("nin-i-balance", "yen", "任意整理の残高 (既定: --debt)。例: 引き直し後の元本",
         "任意整理 balance (default: --debt), e.g. the principal after 引き直し.", aliases=("任意整理残高",)),
))


def register(app) -> None:
    SPEC.register(app, payload=payload, view=view)


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    return payload(SPEC.read(fields))
