"""`saiken damages` — 遅延損害金 (late-payment damages).

Its inputs are declared once, in ``SPEC`` (commands/spec.py): the Typer options, the batch
record reader, the start-up fast path of entry.py (``saiken damages … --json`` is answered
through ``record`` without loading Typer), ``saiken schema damages --input`` and the flag
table of docs/commands/damages.md all come from it.

calc.damages is imported at module level (≈3 ms on `saiken --help`, which registers every
command): a function-level import would cost ≈10,000 instructions (≈0.5 µs) a batch row
each (issue 16, measured with valgrind).
"""

from __future__ import annotations

from typing import Any, Optional

from saiken_cli.calc import damages as calc
from saiken_cli.calc.damages import METHODS, DamagesInput, Payment
from saiken_cli.commands.spec import Command, Flag
from saiken_cli.parsing import parse_choice, parse_date, parse_date_amount, parse_int, parse_rate, parse_yen

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
    payment: list[str] | None = None,
    compare: bool = False,
    allow_high_rate: bool = False,
):
    """Flags (strings, as typed) → DamagesInput. Shared by the command and `saiken batch`."""
    pays = []
    for raw in payment or ():
        paid_on, amount = parse_date_amount(raw, "--payment")
        pays.append(Payment(paid_on, amount))
    return DamagesInput(  # positional, in the fields' order (keywords bind slower: batch speed)
        parse_yen(principal, "--principal"),  # principal_yen
        parse_rate(rate, "--rate", allow_legal=True, allow_high=allow_high_rate),  # rate
        parse_choice(method, "--method", METHODS),  # method
        parse_int(days, "--days", minimum=1, maximum=365 * 200, what="a number of days") if days not in (None, "") else None,
        parse_date(from_, "--from") if from_ not in (None, "") else None,  # first_on
        parse_date(to, "--to") if to not in (None, "") else None,  # last_on
        parse_date(due_date, "--due-date") if due_date not in (None, "") else None,  # due_on
        commercial,
        tuple(pays),  # payments
        compare,
    )


def payload(values: dict[str, Any]) -> dict[str, Any]:
    """The inputs (``SPEC.read`` or the Typer options) → the ``--json`` payload."""
    return calc.compute(build_input(**values)).to_dict()


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


def run(values: dict[str, Any], *, format: str = "table", output: Optional[str] = None, json_out: bool = False,
        lang: str = "ja") -> None:
    """The command: the table on the terminal, --json, or a 遅延損害金計算書 file (--format pdf|xlsx)."""
    from saiken_cli.commands.common import check_lang
    from saiken_cli.render import emit

    lang = check_lang(lang)
    form = parse_choice(format, "--format", FORMATS)
    check_output(form, output)
    data = payload(values)
    if form != "table":
        write_statement(form, output, data)
        if json_out:
            emit(data, None, json_mode=True, lang=lang)
        else:
            from saiken_cli.render import warn

            warn(data.get("warnings", []), lang)
        return
    emit(data, None if json_out else view(data, lang), json_mode=json_out, lang=lang)


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


SPEC = Command("damages", HELP, (
    Flag("principal", "yen", "元本 (500000, 500,000, 50万, 50万円)", "元本: 500000, 500,000, 50万, 50万円.",
         required=True, aliases=("元本", "元金")),
    Flag("rate", "rate", "年利 (0.2, 20%, 1割8分)、または legal (遅延が始まった日の法定利率)",
         "年利: 0.2, 20%, 1割8分, or legal (法定利率 on the day default began).",
         required=True, aliases=("利率", "年利", "損害金利率")),
    Flag("days", "int", "日数 (simple365 のみ)", "Number of days (simple365 only).", aliases=("日数",)),
    Flag("from", "date", "損害金が生じる最初の日 (両端含む)", "First day damages accrue (inclusive): ISO or 和暦.",
         aliases=("起算日", "遅延開始日")),
    Flag("to", "date", "最終日 (両端含む): 支払日または申立日", "Last day (inclusive): the payment or filing date.",
         aliases=("終期", "計算終了日")),
    Flag("due-date", "date", "期限: その翌日から損害金が生じる (民法412条1項)", "期限: damages start the day after (民法412条1項).",
         aliases=("弁済期", "期限")),
    Flag("method", "choice", "計算方式 (期間の数え方と端数処理)", "How time is counted and rounded (the methods table of the README).",
         default="simple365", choices=("simple365", "court", "court-each", "court-365", "kyotaku", "actual"),
         aliases=("計算方式",)),
    Flag("commercial", "switch", "--rate legal で、2020-04-01 前の遅延に商事法定利率 6%",
         "With --rate legal: 商事法定利率 6% for defaults before 2020-04-01.", aliases=("商事",)),
    Flag("payment", "date:amount", "一部弁済 日付:金額 (繰返し可・民法489条)", "Partial payment DATE:AMOUNT (repeatable); 民法489条.",
         repeatable=True, aliases=("弁済",)),
    Flag("compare", "switch", "全方式を並べて表示", "Show every method side by side."),
    Flag("allow-high-rate", "switch", "年100%以上の利率を受け付ける", "Accept rates of 100% a year or more."),
    Flag("format", "choice", "出力形式: 画面の表、または遅延損害金計算書のファイル (--output へ)",
         "How to print: the table, or a 遅延損害金計算書 file (pdf, xlsx) written to --output.", default="table",
         choices=("table", "pdf", "xlsx"), role="output"),
    Flag("output", "path", "--format pdf|xlsx のファイル (原子的に書込み)", "The file for --format pdf|xlsx (written atomically).",
         role="output"),
))


def register(app) -> None:
    SPEC.register(app, run=run)


#: The payload's top-level keys that hold no message items: ``saiken batch`` does not walk them
#: when it phrases the record (catalogue.localize; checked by tests/test_localize_keys.py).
PLAIN_KEYS = frozenset(("segments", "rounding", "rate_rows", "citations"))


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    return payload(SPEC.read(fields))
