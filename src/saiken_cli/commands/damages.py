"""`saiken damages` — 遅延損害金 (late-payment damages).

Typer is not imported at import time (the annotations below are strings, resolved when
``register`` binds ``typer``/``JsonOpt``/``LangOpt``): ``saiken damages … --json`` is
answered by entry.py through ``record`` without loading Typer.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

from saiken_cli.commands.common import Imports, check_lang, take_bool, take_list, take_str

_m = Imports("damages")  # parsing and calc.damages, imported on first use (see commands/common.py)

HELP = """遅延損害金 (late-payment damages): principal × rate × time, 民法419条1項.

Example:
  saiken damages --principal 500000 --rate 0.2 --days 90            → 24,657円
  saiken damages --principal 10万 --rate 18% --from 2005-08-02 --to 2007-08-15 --method court
  saiken damages --principal 100万 --rate legal --due-date R1.9.30 --to 2021-03-31 --json
"""

#: how to print: the table on the terminal, or a 遅延損害金計算書 file (--output)
FORMATS = {"table": "table", "pdf": "pdf", "xlsx": "xlsx"}


def build_input(
    *,
    principal: str,
    rate: str,
    days: Optional[str] = None,
    from_: Optional[str] = None,
    to: Optional[str] = None,
    due_date: Optional[str] = None,
    method: str = "simple365",
    commercial: bool = False,
    payments: list[str] | None = None,
    compare: bool = False,
    allow_high_rate: bool = False,
):
    """Flags (strings, as typed) → DamagesInput. Shared by the command and `saiken batch`."""
    p, calc = _m.p, _m.calc
    pays = []
    for raw in payments or ():
        paid_on, amount = p.parse_date_amount(raw, "--payment")
        pays.append(calc.Payment(paid_on, amount))
    return calc.DamagesInput(
        principal_yen=p.parse_yen(principal, "--principal"),
        rate=p.parse_rate(rate, "--rate", allow_legal=True, allow_high=allow_high_rate),
        method=p.parse_choice(method, "--method", calc.METHODS),
        days=p.parse_int(days, "--days", minimum=1, maximum=365 * 200, what="a number of days") if days not in (None, "") else None,
        first_on=p.parse_date(from_, "--from") if from_ not in (None, "") else None,
        last_on=p.parse_date(to, "--to") if to not in (None, "") else None,
        due_on=p.parse_date(due_date, "--due-date") if due_date not in (None, "") else None,
        commercial=commercial,
        payments=tuple(pays),
        compare=compare,
    )


def view(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, TableView, View, day, standard_sections, yen

    rate = f"{payload['rate_percent']}%"
    if payload["rate_basis"] != "given":
        rate += L(lang, " (法定利率)", " (statutory)")
    span = (
        f"{day(payload['from'], lang)} 〜 {day(payload['to'], lang)}"
        if payload["from"]
        else L(lang, "日数指定", "days given")
    )
    summary = [
        (L(lang, "遅延損害金", "Damages"), yen(payload["total_yen"], lang)),
        (L(lang, "元本", "Principal"), yen(payload["principal_yen"], lang)),
        (L(lang, "利率 (年)", "Rate (per year)"), rate),
        (L(lang, "期間 (両端含む)", "Span (inclusive)"), span),
        (L(lang, "日数", "Days"), f"{payload['days']:,}"),
        (L(lang, "計算方式", "Method"), payload["method"]),
    ]
    if "remaining_principal_yen" in payload:
        summary += [
            (L(lang, "弁済額合計", "Paid"), yen(payload["payments_yen"], lang)),
            (L(lang, "残元本", "Remaining principal"), yen(payload["remaining_principal_yen"], lang)),
            (L(lang, "未払損害金", "Unpaid damages"), yen(payload["unpaid_damages_yen"], lang)),
            (L(lang, "残債務合計", "Total still owed"), yen(payload["total_owed_yen"], lang)),
        ]
    rows = []
    for seg in payload["segments"]:
        calc = []
        for part in seg["parts"]:
            if part["kind"] == "years":
                calc.append(L(lang, f"{part['years']}年", f"{part['years']} yr") + f" = {part['exact_yen']}")
            else:
                calc.append(f"{part['days']}/{part['denominator']} = {part['exact_yen']}")
        pay = seg.get("payment")
        rows.append(
            [
                f"{seg['from'] or ''} 〜 {seg['to'] or ''}" if seg["from"] else "—",
                f"{seg['days']:,}",
                yen(seg["principal_yen"], lang),
                "\n".join(calc),
                yen(seg["amount_yen"], lang),
                yen(pay["amount_yen"], lang) if pay else "",
                f"{pay['to_damages_yen']:,} / {pay['to_principal_yen']:,}" if pay else "",
            ]
        )
    tables = [
        TableView(
            L(lang, "計算明細", "Calculation"),
            [
                L(lang, "期間", "Span"),
                L(lang, "日数", "Days"),
                L(lang, "元本", "Principal"),
                L(lang, "計算 (円未満切捨て前)", "Terms (before rounding)"),
                L(lang, "損害金", "Damages"),
                L(lang, "弁済", "Payment"),
                L(lang, "充当 損害金/元本", "Applied damages/principal"),
            ],
            rows,
            numeric={1, 2, 4, 5, 6},
        )
    ]
    if payload.get("comparison"):
        tables.append(
            TableView(
                L(lang, "方式の比較", "Methods compared"),
                [L(lang, "方式", "Method"), L(lang, "損害金", "Damages"), L(lang, "差額", "Difference")],
                [[c["method"], yen(c["total_yen"], lang), f"{c['difference_yen']:+,}"] for c in payload["comparison"]],
                numeric={1, 2},
            )
        )
    title = L(lang, "遅延損害金の計算", "Late-payment damages (遅延損害金)")
    return View(title, summary, tables, standard_sections(payload, lang))


def damages(
    principal: Annotated[str, typer.Option("--principal", help="元本: 500000, 500,000, 50万, 50万円.", show_default=False)],
    rate: Annotated[str, typer.Option("--rate", help="年利: 0.2, 20%, 1割8分, or legal (法定利率 on the day default began).", show_default=False)],
    days: Annotated[Optional[str], typer.Option("--days", help="Number of days (simple365 only).")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", help="First day damages accrue (inclusive): ISO or 和暦.")] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="Last day (inclusive): the payment or filing date.")] = None,
    due_date: Annotated[Optional[str], typer.Option("--due-date", help="期限: damages start the day after (民法412条1項).")] = None,
    method: Annotated[str, typer.Option("--method", help="simple365 | court | court-each | court-365 | kyotaku | actual.")] = "simple365",
    commercial: Annotated[bool, typer.Option("--commercial", help="With --rate legal: 商事法定利率 6% for defaults before 2020-04-01.")] = False,
    payment: Annotated[Optional[list[str]], typer.Option("--payment", help="Partial payment DATE:AMOUNT (repeatable); 民法489条.")] = None,
    compare: Annotated[bool, typer.Option("--compare", help="Show every method side by side.")] = False,
    allow_high_rate: Annotated[bool, typer.Option("--allow-high-rate", help="Accept rates of 100% a year or more.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table (default) | pdf | xlsx: a 遅延損害金計算書 file, written to --output.")] = "table",
    output: Annotated[Optional[str], typer.Option("--output", help="The file for --format pdf|xlsx (written atomically).")] = None,
    json_out: JsonOpt = False,
    lang: LangOpt = "ja",
) -> None:
    from saiken_cli.calc.damages import compute
    from saiken_cli.render import emit

    lang = check_lang(lang)
    form = _m.p.parse_choice(fmt, "--format", FORMATS)
    check_output(form, output)
    inp = build_input(
        principal=principal, rate=rate, days=days, from_=from_, to=to, due_date=due_date, method=method,
        commercial=commercial, payments=payment, compare=compare, allow_high_rate=allow_high_rate,
    )
    payload = compute(inp).to_dict()
    if form != "table":
        write_statement(form, output, payload)
        if json_out:
            emit(payload, None, json_mode=True, lang=lang)
        else:
            from saiken_cli.render import warn

            warn(payload.get("warnings", []), lang)
        return
    emit(payload, None if json_out else view(payload, lang), json_mode=json_out, lang=lang)


def check_output(form: str, output: Optional[str]) -> None:
    """--format pdf|xlsx needs --output (a binary file is not for the terminal); --output alone is refused."""
    from saiken_cli.errors import ConflictError

    if form in ("pdf", "xlsx") and not output:
        raise ConflictError(f"--format {form} needs --output FILE (or --output - for stdout)")
    if output and form not in ("pdf", "xlsx"):
        raise ConflictError("--output is for --format pdf or xlsx")


def write_statement(form: str, output: str, payload: dict[str, Any]) -> None:
    import sys

    from saiken_cli import documents, today
    from saiken_cli.documents.statements import damages_statement

    size = documents.write_statements(form, output, [damages_statement(payload)], made_on=today.today())
    if output != "-":
        sys.stderr.write(f"saiken: wrote {output} ({form}, {size:,} bytes)\n")


def register(app: typer.Typer) -> None:
    from saiken_cli.commands.common import bind_typer

    bind_typer(globals())
    app.command("damages", help=HELP)(damages)


FLAGS = ("principal", "rate", "days", "from", "to", "due-date", "method", "commercial", "payment", "compare", "allow-high-rate")
# Japanese column names for batch files (saiken batch --help, README "From Excel")
ALIASES = {
    "元本": "principal", "元金": "principal", "利率": "rate", "年利": "rate", "損害金利率": "rate",
    "日数": "days", "起算日": "from", "遅延開始日": "from", "終期": "to", "計算終了日": "to",
    "弁済期": "due-date", "期限": "due-date", "計算方式": "method", "商事": "commercial", "弁済": "payment",
}
# for the start-up fast path (entry.py); checked against the Typer command by tests/test_startup.py
SWITCHES = ("commercial", "compare", "allow-high-rate")
REPEATABLE = ("payment",)
REQUIRED = ("principal", "rate")


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    principal, rate = take_str(fields, "principal"), take_str(fields, "rate")
    if principal is None or rate is None:
        from saiken_cli.errors import ConflictError

        raise ConflictError("missing --principal" if principal is None else "missing --rate")
    inp = build_input(
        principal=principal,
        rate=rate,
        days=take_str(fields, "days"),
        from_=take_str(fields, "from"),
        to=take_str(fields, "to"),
        due_date=take_str(fields, "due-date"),
        method=take_str(fields, "method") or "simple365",
        commercial=take_bool(fields, "commercial"),
        payments=take_list(fields, "payment"),
        compare=take_bool(fields, "compare"),
        allow_high_rate=take_bool(fields, "allow-high-rate"),
    )
    return _m.calc.compute(inp).to_dict()
