"""`saiken saisei` — 個人再生 最低弁済額 and installments; 任意整理 installments (--nin-i)."""

from __future__ import annotations

from typing import Annotated, Any, Optional


from saiken_cli.commands.common import check_lang

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
    from saiken_cli import parsing as p
    from saiken_cli.calc.saisei import SaiseiInput

    def opt_yen(text, flag, allow_zero=True):
        return p.parse_yen(text, flag, allow_zero=allow_zero) if text not in (None, "") else None

    return SaiseiInput(
        debt_yen=p.parse_yen(debt, "--debt"),
        liquidation_value_yen=opt_yen(liquidation_value, "--liquidation-value"),
        disposable_income_yen=opt_yen(disposable_income, "--disposable-income"),
        rounding=p.parse_choice(rounding, "--rounding", ROUNDING_CHOICES),
        nin_i_months=p.parse_int(nin_i, "--nin-i", minimum=1, maximum=120, what="a number of monthly installments")
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


def saisei(
    debt: Annotated[str, typer.Option("--debt", help="基準債権の総額 (housing loan and secured parts excluded): 800万, 8,000,000.", show_default=False)],
    liquidation_value: Annotated[Optional[str], typer.Option("--liquidation-value", help="清算価値 (liquidation value of the assets).")] = None,
    disposable_income: Annotated[Optional[str], typer.Option("--disposable-income", help="給与所得者等再生: 2 years of 可処分所得 (as computed on the court's sheet).")] = None,
    rounding: Annotated[str, typer.Option("--rounding", help="Installment rounding: yen (default) | 100 | 1000 (round up, last installment adjusted).")] = "yen",
    nin_i: Annotated[Optional[str], typer.Option("--nin-i", help="任意整理: number of monthly installments N (future interest cut).")] = None,
    nin_i_balance: Annotated[Optional[str], typer.Option("--nin-i-balance", help="任意整理 balance (default: --debt), e.g. the principal after 引き直し.")] = None,
    json_out: JsonOpt = False,
    lang: LangOpt = "ja",
) -> None:
    from saiken_cli.calc.saisei import compute
    from saiken_cli.render import emit

    lang = check_lang(lang)
    inp = build_input(
        debt=debt, liquidation_value=liquidation_value, disposable_income=disposable_income,
        rounding=rounding, nin_i=nin_i, nin_i_balance=nin_i_balance,
    )
    payload = compute(inp).to_dict()
    emit(payload, None if json_out else view(payload, lang), json_mode=json_out, lang=lang)


def register(app: typer.Typer) -> None:
    from saiken_cli.commands.common import bind_typer

    bind_typer(globals())  # typer is bound here, not imported at module load (start-up fast path, entry.py)
    app.command("saisei", help=HELP)(saisei)


FLAGS = ("debt", "liquidation-value", "disposable-income", "rounding", "nin-i", "nin-i-balance")


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    from saiken_cli.calc.saisei import compute
    from saiken_cli.commands.common import take_str
    from saiken_cli.errors import ConflictError

    debt = take_str(fields, "debt")
    if debt is None:
        raise ConflictError("missing --debt")
    inp = build_input(
        debt=debt,
        liquidation_value=take_str(fields, "liquidation-value"),
        disposable_income=take_str(fields, "disposable-income"),
        rounding=take_str(fields, "rounding") or "yen",
        nin_i=take_str(fields, "nin-i"),
        nin_i_balance=take_str(fields, "nin-i-balance"),
    )
    return compute(inp).to_dict()

# For the start-up fast path (entry.py): flags without a value, repeatable, required.
SWITCHES = ()
REPEATABLE = ()
REQUIRED = ('debt',)
