"""`saiken kabarai FILE` — 過払い金 引き直し計算 (recalculation at the 利息制限法 cap)."""

from __future__ import annotations

from typing import Any, Optional

from saiken_cli.commands.spec import Command, Flag

HELP = """過払い金 引き直し計算: recompute a lending history (CSV or JSON Lines: date,borrow,repay or
日付,借入,返済) at the 利息制限法 cap; the overpayment (過払金), 過払利息 to --as-of (default: today in
Japan; `--as-of last` for the last transaction), the claim total and whether it is time-barred on
that date (10 years from the end of the series; 5 years from knowledge for overpayments arising
from 2020-04-01). Defaults follow 名古屋式 (§8.3); each disputed choice is an option.

Example:
  saiken kabarai examples/kabarai/ref-8-1.csv --as-of 2008-01-16    → 過払金 22,230 + 過払利息 7,133
  saiken kabarai history.csv --format md > 計算書.md
  saiken kabarai history.csv --overpay-interest 5 --split-at 2015-03-31 --json
  saiken kabarai history.csv --format xlsx --output 引き直し計算書.xlsx
"""

OVERPAY = {"5": "5", "5%": "5", "3": "3", "3%": "3", "split": "split", "分割": "split"}
FIRST_DAY = {"one-end": "one-end", "片端": "one-end", "both-ends": "both-ends", "両端": "both-ends", "初日算入": "both-ends"}
LEAP = {"calendar": "calendar", "暦年": "calendar", "366": "calendar", "365": "365", "court": "court", "裁判所": "court"}
FORMATS = {"table": "table", "md": "md", "markdown": "md", "csv": "csv", "json": "json", "pdf": "pdf", "xlsx": "xlsx"}
#: --as-of words for "the last transaction" (the 基準日 before issue 11 made today the default)
LAST = ("last", "最終取引", "最終取引日")


def build_input(
    *,
    file: str,
    as_of: Optional[str] = None,
    overpay_interest: str = "split",
    first_day: str = "one-end",
    leap: str = "calendar",
    split_at: list[str] | None = None,
    knew_on: Optional[str] = None,
):
    """Flags (strings, as typed) → (KabaraiInput, whether --as-of defaulted to today).
    Shared by the command and `saiken batch`.

    --as-of: a date; ``last`` (最終取引) for the last transaction; absent: today in Japan
    (saiken_cli.today), said in the output. A blank --as-of is refused, not read as today."""
    from saiken_cli import parsing as p
    from saiken_cli.calc.kabarai import KabaraiInput, KabaraiOptions
    from saiken_cli.kabarai_input import read_history

    options = KabaraiOptions(
        overpay_interest=p.parse_choice(overpay_interest, "--overpay-interest", OVERPAY),
        first_day=p.parse_choice(first_day, "--first-day", FIRST_DAY),
        leap=p.parse_choice(leap, "--leap", LEAP),
        split_at=tuple(sorted(p.parse_date(s, "--split-at") for s in (split_at or []))),
    )
    from saiken_cli import today

    defaulted = as_of is None
    if defaulted:
        as_of_on = today.today()
    elif today.require_not_blank(as_of, "--as-of").strip().lower() in LAST:
        as_of_on = None
    else:
        as_of_on = p.parse_date(as_of, "--as-of")
    knew = p.parse_date(today.require_not_blank(knew_on, "--knew-on"), "--knew-on") if knew_on is not None else None
    txs = read_history(file)
    from pathlib import Path

    name = Path(file).name
    if defaulted and txs and as_of_on < txs[-1].on:
        from saiken_cli.errors import InputError

        raise InputError(
            "--as-of",
            f"(not given: today in Japan {as_of_on.isoformat()})",
            f"a date on or after the last transaction {txs[-1].on.isoformat()} of {name}, or --as-of last",
        )
    return KabaraiInput(transactions=txs, as_of=as_of_on, options=options, source=name, knew_on=knew), defaulted


def payload_of(inp, defaulted: bool) -> dict[str, Any]:
    """compute → the --json payload; says when --as-of defaulted to today in Japan."""
    from saiken_cli.calc.kabarai import compute

    payload = compute(inp).to_dict()
    if defaulted:
        from saiken_cli import today

        payload["assumptions"].insert(0, today.assumption_item("--as-of"))
        payload["today"] = today.meta()
    return payload


# --- renderings -------------------------------------------------------------------------

def _columns(lang: str) -> list[str]:
    from saiken_cli.render import L

    return [
        L(lang, "取引", "Series"),
        L(lang, "日付", "Date"),
        L(lang, "借入", "Borrowed"),
        L(lang, "返済", "Repaid"),
        L(lang, "日数", "Days"),
        L(lang, "利率(%)", "Rate (%)"),
        L(lang, "利息", "Interest"),
        L(lang, "未払利息", "Unpaid interest"),
        L(lang, "残元金", "Balance"),
        L(lang, "過払利息", "Overpay interest"),
        L(lang, "過払利息累計", "Overpay interest total"),
    ]


def _ledger_rows(payload: dict[str, Any], lang: str, *, wareki: bool) -> list[list[str]]:
    from saiken_cli.parsing import to_wareki

    from datetime import date

    rows = []
    for r in payload["ledger"]:
        d = r["date"]
        if wareki:
            d = f"{d} ({to_wareki(date.fromisoformat(d), style='letter')})"
        if r["kind"] == "as_of":
            d += " *"
        rate = r["rate_percent"] or ("/".join(x["rate_percent"] for x in r["overpay_rates"]) if r["overpay_rates"] else "")
        rows.append(
            [
                str(r["series"]),
                d,
                f"{r['borrow_yen']:,}" if r["borrow_yen"] else "",
                f"{r['repay_yen']:,}" if r["repay_yen"] else "",
                str(r["days"]),
                rate,
                f"{r['interest_yen']:,}" if r["interest_yen"] else ("0" if r["rate_percent"] else ""),
                f"{r['unpaid_interest_yen']:,}" if r["unpaid_interest_yen"] else "",
                f"{r['balance_yen']:,}",
                f"{r['overpayment_interest_yen']:,}" if r["overpayment_interest_yen"] else "",
                f"{r['overpayment_interest_total_yen']:,}" if r["overpayment_interest_total_yen"] else "",
            ]
        )
    return rows


def _summary(payload: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    from saiken_cli.render import L, day, yen

    from saiken_cli.render import text

    o = payload["options"]
    out = [
        (L(lang, "時効", "Prescription"), text(payload["headline"], lang)),
        (
            L(lang, "計算基準日", "Base date"),
            day(payload["as_of"], lang) + (L(lang, " (本日・日本時間)", " (today in Japan)") if payload.get("today") else ""),
        ),
        (L(lang, "過払金", "Overpayment (過払金)"), yen(payload["overpayment_yen"], lang)),
        (L(lang, f"過払利息 ({payload['as_of']}まで)", f"過払利息 to {payload['as_of']}"), yen(payload["overpayment_interest_yen"], lang)),
        (L(lang, "請求額合計", "Claim total"), yen(payload["claim_total_yen"], lang)),
        (L(lang, "残元金 (なお残る債務)", "Principal still owed"), yen(payload["balance_yen"], lang)),
    ]
    if payload["unpaid_interest_yen"]:
        out.append((L(lang, "未払利息", "Unpaid interest"), yen(payload["unpaid_interest_yen"], lang)))
    out += [
        (L(lang, "取引期間", "Transactions"), f"{day(payload['first_date'], lang)} 〜 {day(payload['last_transaction_date'], lang)}"),
        (L(lang, "時効完成日 (取引終了から10年)", "Prescription date (10 years)"), day(payload["prescription_date"], lang)),
    ]
    for s in payload["series"]:
        if s["subjective_prescription_date"]:
            out.append(
                (
                    L(lang, f"時効完成日 (取引{s['index']}: 2020-04-01以後の過払金 {s['new_law_overpayment_yen']:,}円, 知った時から5年)",
                      f"Prescription date (series {s['index']}: the {s['new_law_overpayment_yen']:,} yen arising from 2020-04-01, 5 years from knowledge)"),
                    day(s["subjective_prescription_date"], lang),
                )
            )
    out += [
        (
            L(lang, "計算の選択", "Options"),
            f"--overpay-interest {o['overpay_interest']} --first-day {o['first_day']} --leap {o['leap']}"
            + (f" --split-at {','.join(o['split_at'])}" if o["split_at"] else L(lang, " (一連計算)", " (one series)")),
        ),
    ]
    return out


def view(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, TableView, View, standard_sections

    tables = [TableView(L(lang, "引き直し計算表", "Recalculation ledger"), _columns(lang), _ledger_rows(payload, lang, wareki=True), numeric=set(range(2, 11)))]
    if len(payload["series"]) > 1:
        tables.append(
            TableView(
                L(lang, "取引ごとの結果 (分断)", "Per series (split)"),
                [L(lang, "取引", "Series"), L(lang, "最終取引", "Last"), L(lang, "過払金", "Overpaid"), L(lang, "過払利息", "Interest"),
                 L(lang, "残元金", "Owed"), L(lang, "時効完成日", "Prescription")],
                [[str(s["index"]), s["last_transaction_date"], f"{s['overpayment_yen']:,}", f"{s['overpayment_interest_yen']:,}",
                  f"{s['balance_yen']:,}", s["prescription_date"]] for s in payload["series"]],
                numeric={2, 3, 4},
            )
        )
    sections = standard_sections(payload, lang)
    sections.insert(0, (L(lang, "表の見方", "Reading the table"), [L(lang, "残元金がマイナス = 過払い。* は計算基準日 (--as-of)。",
                                                                   "A negative balance is an overpayment. * marks the --as-of date.")]))
    return View(L(lang, "過払い金 引き直し計算", "Overpayment recalculation (過払い金 引き直し計算)"), _summary(payload, lang), tables, sections)


def to_csv(payload: dict[str, Any], lang: str) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(_columns(lang))
    for r in payload["ledger"]:
        w.writerow(
            [
                r["series"], r["date"], r["borrow_yen"], r["repay_yen"], r["days"],
                r["rate_percent"] or "/".join(x["rate_percent"] for x in r["overpay_rates"]),
                r["interest_yen"], r["unpaid_interest_yen"], r["balance_yen"], r["overpayment_interest_yen"],
                r["overpayment_interest_total_yen"],
            ]
        )
    return buf.getvalue()


def to_markdown(payload: dict[str, Any], lang: str) -> str:
    from saiken_cli.render import DISCLAIMER, L, citation_sections, text

    lines = [f"# {L(lang, '過払い金 引き直し計算書', 'Overpayment recalculation statement')}", ""]
    lines.append(f"{L(lang, '取引履歴', 'History')}: `{payload['source']}`")
    lines.append("")
    for label, value in _summary(payload, lang):
        lines.append(f"- **{label}**: {value}")
    lines += ["", f"## {L(lang, '計算表', 'Ledger')}", ""]
    cols = _columns(lang)
    lines.append("| " + " | ".join(cols) + " |")
    lines.append("|" + "|".join(["---"] * 2 + ["---:"] * (len(cols) - 2)) + "|")
    for row in _ledger_rows(payload, lang, wareki=True):
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    lines.append(L(lang, "残元金がマイナス = 過払い。* は計算基準日。", "A negative balance is an overpayment. * marks the --as-of date."))
    for heading, key in ((L(lang, "前提", "Assumptions"), "assumptions"), (L(lang, "注記", "Notes"), "notes"), (L(lang, "警告", "Warnings"), "warnings")):
        if payload[key]:
            lines += ["", f"## {heading}", ""] + [f"- {text(x, lang)}" for x in payload[key]]
    for heading, items in citation_sections(payload["citations"], lang):
        lines += ["", f"## {heading}", ""] + [f"- {c}" for c in items]
    lines += ["", DISCLAIMER[lang], ""]
    return "\n".join(lines)


def run(values: dict[str, Any], *, format: str = "table", output: Optional[str] = None, json_out: bool = False,
        lang: str = "ja") -> None:
    """The command: the ledger as a table, Markdown, CSV, JSON, or a 引き直し計算書 file (pdf, xlsx)."""
    import sys

    from saiken_cli import parsing as p
    from saiken_cli.commands.common import check_lang
    from saiken_cli.errors import ConflictError
    from saiken_cli.render import emit, warn

    lang = check_lang(lang)
    form = p.parse_choice(format, "--format", FORMATS)
    from saiken_cli.commands.damages import check_output

    check_output(form, output)
    if json_out and form not in ("table", "json", "pdf", "xlsx"):
        raise ConflictError(f"--json and --format {form} cannot be combined (--json is --format json)")
    if json_out and form in ("table", "json"):
        form = "json"
    file = values["file"]
    payload = payload_of(*build_input(**values))
    if form in ("pdf", "xlsx"):
        from saiken_cli import documents, today
        from saiken_cli.documents.statements import kabarai_statement

        size = documents.write_statements(form, output, [kabarai_statement(payload)], made_on=today.today(), inputs=(file,))
        if output != "-":
            sys.stderr.write(f"saiken: wrote {output} ({form}, {size:,} bytes)\n")
        if json_out:
            emit(payload, None, json_mode=True, lang=lang)
        else:
            warn(payload["warnings"], lang)
    elif form == "csv":
        sys.stdout.write(to_csv(payload, lang))
        warn(payload["warnings"], lang)
    elif form == "md":
        sys.stdout.write(to_markdown(payload, lang))
        warn(payload["warnings"], lang)
    else:
        emit(payload, None if form == "json" else view(payload, lang), json_mode=form == "json", lang=lang)


SPEC = Command("kabarai", HELP, (
    Flag("file", "path", "取引履歴 (CSV または JSON Lines: date,borrow,repay / 日付,借入,返済)",
         "the transaction history: CSV or JSON Lines (date,borrow,repay / 日付,借入,返済)", required=True, role="argument",
         aliases=("取引履歴",)),
    Flag("as-of", "date", "計算基準日: 過払利息と時効の判断の日 (既定: 日本の今日; last = 最終取引)",
         "計算基準日: 過払利息・時効の判断の日 (default: today in Japan; 'last' = the last transaction).", aliases=("基準日",),
         doc="The 基準日: 過払利息 (and interest on a balance still owed) to D, and the time bar on D; `last` (最終取引) = the "
             "last transaction. Default: today in Japan (said in `assumptions` and `today`)."),
    Flag("overpay-interest", "choice", "過払利息の利率: 5 | 3 | split (2020-04-01 前は5%、以後3%; 附則15条)",
         "過払利息: 5 | 3 | split (5% before 2020-04-01, 3% after; 附則15条).", default="split", choices=("split", "5", "3"),
         doc="`split`: 5% / 3% by the day each overpayment arose (two pools: **INTERPRETATION**, §8.1, §8.4-6); `5`: all 5% "
             "(warns if some arose from 2020-04-01); `3`: all 3% (warns for pre-2020 parts: §9 item 9(d))."),
    Flag("first-day", "choice", "初日の扱い: 片端 (名古屋式) または両端 (借入日を算入)", "one-end (片端, 名古屋式) | both-ends (借入日を算入).",
         default="one-end", choices=("one-end", "both-ends"),
         doc="`one-end` (片端, 名古屋式); `both-ends`: the day of each borrowing also counts (初日算入, 民法589条2項) — every day "
             "once, at the balance in force that day: the borrowing day opens the interval at the new balance, and the "
             "interval that ends on a borrowing day ends the day before. saiken's definition, **INTERPRETATION**."),
    Flag("leap", "choice", "閏年の扱い: 暦どおり (366日) | 365 | court (1年以上の区間は年単位＋暦年日割)",
         "calendar (閏年366日) | 365 | court (1年以上の区間は年単位+暦年日割).", default="calendar", choices=("calendar", "365", "court"),
         doc="`calendar` (366 in leap years); `365` (warns: 過払い practice always uses 366, §1.5); `court`: an interval of a "
             "year or more counts its whole years at the annual rate (民法143条 anniversaries), the rest by calendar year "
             "÷365/÷366 — the court method of `saiken damages --method court`. Each row's `whole_years` says how many whole "
             "years it counted."),
    Flag("split-at", "date", "分断: この日より後の取引を別の取引とする (繰返し可)",
         "分断: transactions after DATE form a separate series (repeatable).", repeatable=True, aliases=("分断", "分断日"),
         doc="分断: rows after D form a separate series with its own balance, cap and prescription date (repeatable). Whether "
             "a split applies is decided on the 最判平成20年1月18日 factors. Default: none (一連計算)."),
    Flag("knew-on", "date", "過払金返還請求権を行使できると知った日 (民法166条1項1号; 既定: 取引の終了)",
         "過払金返還請求権を行使できると知った日 (民法166条1項1号; default: the end of the series).",
         doc="The day the claimant knew the claim could be exercised (民法166条1項1号), for overpayments arising from "
             "2020-04-01. Default: the end of the series."),
    Flag("format", "choice", "出力形式 (表・Markdown 計算書・CSV・JSON、または --output への計算書ファイル)",
         "How to print: the table, md (計算書 Markdown), csv (ledger only), json (= --json), or a 引き直し計算書 file "
         "(pdf, xlsx) written to --output.", default="table", choices=("table", "md", "csv", "json", "pdf", "xlsx"),
         role="output"),
    Flag("output", "path", "--format pdf|xlsx のファイル (原子的に書込み)", "The file for --format pdf|xlsx (written atomically).",
         role="output"),
))


def register(app) -> None:
    SPEC.register(app, run=run)


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    return payload_of(*build_input(**SPEC.read(fields)))
