"""`saiken draft enyou|seikyu CASE.toml --debt N` — documents drafted from a matter's facts.

- ``enyou``: 消滅時効援用通知書 on a 内容証明 grid (``--layout``), as text (pages separated by a
  form feed) or PDF. Refused (exit 2, one line) when the debt's own 時効 analysis, as of the
  letter's date, says prescription has not completed or a judgment renewed it. Doubts (an
  acknowledgement after completion, a pending proceeding, readings that disagree) become
  notes for the lawyer: on stderr (``saiken: note: …``) and in ``--json``, never in the letter.
- ``seikyu``: 請求の趣旨 from the debt's damages (documents/seikyu.py).

The matter file is read by saiken_cli.matter (the same loader and analysis as `saiken
report`), so a document and the report can never disagree about a debt.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

from saiken_cli.commands.spec import Command, Flag
from saiken_cli.errors import ConflictError, InputError

HELP = """Documents from a matter file: 消滅時効援用通知書 (enyou) and 請求の趣旨 (seikyu)."""

ENYOU_HELP = """消滅時効援用通知書 for one debt of a matter, on a 内容証明 grid (日本郵便の字数・行数の制限).

Layouts: yoko-26x20 (default; 横書き 1行26字・20行), yoko-20x26, yoko-13x40, tate-20x26 (縦書き).
Refused while prescription is running on the letter's date or after a judgment renewed it.

Example:
  saiken draft enyou examples/cases/matter-sato.toml --debt 1 --date 2026-12-01
"""

SEIKYU_HELP = """請求の趣旨 for one debt of a matter, from its damages (遅延損害金) calculation.

With payments after default, the damages accrued and unpaid up to the last payment become a
fixed sum (「金○円及びうち金○円に対する…」); --fixed-to DATE fixes them up to DATE instead.

Example:
  saiken draft seikyu examples/cases/matter-sato.toml --debt 1
"""


def _case_file() -> Flag:
    return Flag("case-file", "path", "事件ファイル (TOML、[[debt]] の表を持つもの)", "The matter file (TOML with [[debt]] tables).",
                required=True, role="argument", metavar="CASE.toml")


def _debt_flag() -> Flag:
    return Flag("debt", "int", "どの [[debt]] か (1 = ファイルの最初)", "Which [[debt]] (1 = the first in the file).", required=True,
                role="option")


def _outside() -> Flag:
    return Flag("allow-outside-paths", "switch", "事件ファイルのフォルダの外のファイル (取引履歴) を読むことを許す",
                "Let the case file name files (transactions) outside its own folder.", role="option")


#: The arguments and options of `saiken draft enyou` and `saiken draft seikyu`, declared once
#: (commands/spec.py): --help, the flag tables of docs/commands/draft.md and the check of
#: --format come from here.
ENYOU_OPTIONS = Command("enyou", ENYOU_HELP, (
    _case_file(),
    _debt_flag(),
    Flag("layout", "choice", "内容証明の用紙 (字数・行数)", "yoko-26x20 | yoko-20x26 | yoko-13x40 | tate-20x26.", default="yoko-26x20",
         choices=("yoko-26x20", "yoko-20x26", "yoko-13x40", "tate-20x26"), role="option", metavar="LAYOUT",
         doc="The 内容証明 grid (the layouts above): `yoko-26x20` (default), `yoko-20x26`, `yoko-13x40`, `tate-20x26`."),
    Flag("date", "date", "通知書の日付 (既定: 日本時間の本日)", "The letter's date (default: today in Japan).", role="option"),
    Flag("format", "choice", "出力形式: text (既定) または pdf (A4・明朝・升目)", "text (default) | pdf (A4, 明朝, the grid).",
         default="text", choices=("text", "pdf"), role="option", metavar="text|pdf"),
    Flag("output", "path", "書込み先 (原子的に書込み); pdf では必須", "Write the letter to this file (atomically). Needed for pdf.",
         role="option"),
    Flag("json", "switch", "JSON を出力: 通知書の行とページ、注記、根拠", "Print JSON: the letter's lines and pages, the notes, the citations.",
         role="option"),
    _outside(),
), json=False, lang=False, record=False)

SEIKYU_OPTIONS = Command("seikyu", SEIKYU_HELP, (
    _case_file(),
    _debt_flag(),
    Flag("fixed-to", "date", "この日までの遅延損害金を確定額とする (例: 提訴日)",
         "Fix the damages accrued up to this date as a sum (e.g. the filing date).", role="option"),
    Flag("date", "date", "書面の日付 (既定: [case] の as_of、なければ日本時間の本日)",
         "The document's date (default: [case] as_of, else today in Japan).", role="option"),
    Flag("output", "path", "書込み先 (原子的に書込み)", "Write the text to this file (atomically).", role="option"),
    Flag("json", "switch", "JSON を出力: 行、金額、注記、根拠", "Print JSON: the lines, the figures, the notes, the citations.",
         role="option"),
    _outside(),
), json=False, lang=False, record=False)


def _debt(matter, number: str):
    from saiken_cli import parsing

    count = len(matter.debts)
    try:
        n = parsing.parse_int(number, "--debt", minimum=1, maximum=10**6, what="a debt number")
    except InputError:
        raise InputError("--debt", number, f"the number of a [[debt]] table of the matter: 1 … {count}") from None
    if n > count:
        raise InputError("--debt", number, f"the number of a [[debt]] table of the matter: 1 … {count}")
    return matter.debts[n - 1]


def _need(value: Any, table: str, key: str, what: str) -> str:
    if value in (None, ""):
        raise ConflictError(f"{table}: {key} is missing: add {key} = \"…\" ({what})")
    return str(value)


def _load(case_file: str, allow_outside: bool):
    """The matter, read as `saiken report` reads it (paths relative to the case file's folder
    and inside it unless --allow-outside-paths)."""
    from saiken_cli.matter import load_matter

    with _inside(case_file, allow_outside):
        return load_matter(case_file)


def _inside(case_file: str, allow_outside: bool):
    import os

    from saiken_cli import paths

    return paths.inside(os.path.dirname(case_file) or ".", allow_outside=allow_outside, what="the case file")


def _analysis(matter, on: date, case_file: str, allow_outside: bool) -> dict[str, Any]:
    from saiken_cli.matter import analyse

    with _inside(case_file, allow_outside):
        return analyse(matter, on)


def _notes_out(notes: list[str]) -> None:
    for note in notes:
        sys.stderr.write(f"saiken: note: {note}\n")


def _text_of(item: Any) -> str:
    """A message item (code + params) or a calc string, in Japanese for the lawyer's notes."""
    from saiken_cli.documents.wording import plain

    return plain(item)


def enyou_cmd(values: dict[str, Any]) -> None:
    import json

    case_file, debt, layout, date_, fmt, output, json_out, allow_outside_paths = (
        values[k] for k in ("case_file", "debt", "layout", "date", "format", "output", "json", "allow_outside_paths"))

    from saiken_cli import parsing, today
    from saiken_cli.documents import enyou

    form = ENYOU_OPTIONS.choice("format", fmt, {"txt": "text"})
    if form == "pdf" and not output:
        raise ConflictError("--format pdf needs --output FILE (or --output - for stdout)")
    if date_ is not None:
        today.require_not_blank(date_, "--date")
    on = parsing.parse_date(date_, "--date") if date_ else today.today()
    grids = enyou.layouts(on)
    key = parsing.parse_choice(layout, "--layout", tuple(grids))
    matter = _load(case_file, allow_outside_paths)
    d = _debt(matter, debt)
    # first whether a letter may be written at all: the debt's own analysis as of the letter's date (the same as `saiken report` gives)
    payload = _analysis(matter._replace(as_of=on), on, case_file, allow_outside_paths)
    row = payload["debts"][d.index - 1]
    jikou = row.get("jikou")
    if jikou is None:
        raise ConflictError(
            f"{d.table}: no 時効 analysis for this debt: add last-payment, acceleration-date, due-date or judgment-date"
        )
    notes = enyou.check(jikou, on)
    facts = d.facts
    case = matter.case
    letter_facts = enyou.LetterFacts(
        letter_date=on,
        debtor=_need(case.get("debtor"), "[case]", "debtor", "the debtor's name: the letter's sender"),
        debtor_address=_need(case.get("debtor-address"), "[case]", "debtor-address", "the debtor's address: the letter's sender"),
        creditor=_need(facts.get("creditor"), d.table, "creditor", "the creditor's name: the letter's addressee"),
        creditor_address=_need(facts.get("creditor-address"), d.table, "creditor-address", "the creditor's address: the letter's addressee"),
        original_creditor=facts.get("original-creditor"),
        contract_date=parsing.parse_date(facts["contract-date"], "contract-date") if facts.get("contract-date") else None,
        account_number=facts.get("account-number"),
        principal_yen=parsing.parse_yen(facts["principal"], "principal") if facts.get("principal") else None,
    )
    letter = enyou.compose(letter_facts, grids[key])
    if form == "pdf":
        from saiken_cli.documents.pdf import letter_pdf
        from saiken_cli.output import write_bytes

        data = letter_pdf(letter.pages, width=letter.layout.width, height=letter.layout.height,
                          direction=letter.layout.direction, title="消滅時効援用通知書")
        write_bytes(output, data, inputs=(case_file,))
    elif output:
        from saiken_cli.output import write_text

        write_text(output, letter.text, inputs=(case_file,))
    if json_out:
        out = {
            "schema_version": "1",
            "command": "draft enyou",
            "debt": d.index,
            "creditor": letter_facts.creditor,
            "date": on.isoformat(),
            "date_source": "given" if date_ else today.source(),
            "layout": {"key": key, "direction": letter.layout.direction, "chars_per_line": letter.layout.width,
                       "lines_per_page": letter.layout.height},
            "pages": letter.pages,
            "text": letter.text,
            "output": output,
            "jikou": {k: jikou.get(k) for k in ("status", "completion_date", "invocable_from", "regime", "period_years")},
            "notes": notes,
            "citations": letter.citations,
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    elif not output:
        sys.stdout.write(letter.text)
    _notes_out(notes)
    if output and output != "-":
        sys.stderr.write(f"saiken: wrote {output} ({form}, {len(letter.pages)} page(s), {key})\n")


def seikyu_cmd(values: dict[str, Any]) -> None:
    import json

    case_file, debt, fixed_to, date_, output, json_out, allow_outside_paths = (
        values[k] for k in ("case_file", "debt", "fixed_to", "date", "output", "json", "allow_outside_paths"))

    from saiken_cli import parsing, today
    from saiken_cli.commands.damages import SPEC as DAMAGES_SPEC
    from saiken_cli.calc.damages import delay_starts_on
    from saiken_cli.commands.damages import build_input
    from saiken_cli.documents import seikyu

    if date_ is not None:
        today.require_not_blank(date_, "--date")
    if fixed_to is not None:
        today.require_not_blank(fixed_to, "--fixed-to")
    matter = _load(case_file, allow_outside_paths)
    d = _debt(matter, debt)
    on = parsing.parse_date(date_, "--date") if date_ else (matter.as_of or today.today())
    fixed_on = parsing.parse_date(fixed_to, "--fixed-to") if fixed_to else None
    payload = _analysis(matter, on, case_file, allow_outside_paths)
    row = payload["debts"][d.index - 1]
    flags = row.get("inputs", {}).get("damages")
    if not flags:
        if row.get("total_owed_yen", 0) <= 0:
            raise ConflictError(f"{d.table}: nothing is owed on this debt (after recalculation): no claim to state")
        raise ConflictError(f"{d.table}: no damages for this debt: add acceleration-date, due-date or damages-from (and principal)")

    # the debt's damages exactly as `saiken damages` reads them (one declaration of its inputs)
    inp = build_input(**DAMAGES_SPEC.read(flags))
    first_on = delay_starts_on(inp)  # the day after the due date (412条1項), as `saiken damages` counts it
    claim = seikyu.claim(
        principal_yen=inp.principal_yen, rate=inp.rate, first_on=first_on, payments=inp.payments, method=inp.method,
        commercial=inp.commercial, fixed_to=fixed_on, on=on,
    )
    notes = list(claim.notes)
    notes += [_text_of(x) for x in row.get("flags", [])]
    if output:
        from saiken_cli.output import write_text

        write_text(output, claim.text, inputs=(case_file,))
    if json_out:
        out = {
            "schema_version": "1",
            "command": "draft seikyu",
            "debt": d.index,
            "creditor": row.get("creditor"),
            "date": on.isoformat(),
            "lines": claim.lines,
            "text": claim.text,
            "amount_yen": claim.amount_yen,
            "running_principal_yen": claim.principal_yen,
            "fixed_damages_yen": claim.fixed_damages_yen,
            "damages_from": claim.damages_from.isoformat(),
            "fixed_to": claim.fixed_to.isoformat() if claim.fixed_to else None,
            "rate_percent": claim.rate_percent,
            "output": output,
            "notes": notes,
            "citations": claim.citations,
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    elif not output:
        sys.stdout.write(claim.text)
    _notes_out(notes)


def register(app) -> None:
    import typer

    draft_app = typer.Typer(name="draft", help=HELP, no_args_is_help=True)
    ENYOU_OPTIONS.register(draft_app, run=enyou_cmd)
    SEIKYU_OPTIONS.register(draft_app, run=seikyu_cmd)
    app.add_typer(draft_app, name="draft")
