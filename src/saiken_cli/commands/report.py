"""`saiken report CASE.toml` — one case, one report: 遅延損害金, 時効, 差押え together.

A case file is TOML. ``[case]`` describes the matter; every other section is named after a
command and holds that command's flags (the same names as on the command line and in
`saiken batch`), so a section means exactly what the command means::

    [case]
    id = "2026-0142"
    title = "株式会社A カードローン"
    debtor = "山田太郎"
    as_of = 2026-11-22          # the report date (default: today)

    [damages]                   # saiken damages flags; `to` defaults to as_of
    principal = "50万"
    rate = "14.6%"
    due-date = 2019-05-31
    method = "court"
    payment = ["2019-09-30:5万"]

    [jikou]                     # saiken jikou flags; `as-of` defaults to as_of
    creditor = "company"
    last-payment = 2019-09-30

    [sashiosae]                 # saiken sashiosae flags
    net = "28万"

Sections run in the order damages → jikou → sashiosae → the rest; each is computed by the
command's own ``record()``, so the report and the single commands can never disagree.
"""

from __future__ import annotations

import importlib
import tomllib
from datetime import date
from typing import Annotated, Any, Optional

import typer

from saiken_cli.commands.common import LangOpt, check_lang

ORDER = ("damages", "jikou", "sashiosae")
FORMATS = ("md", "html", "json")
#: which flag receives the report date when the section does not give it
AS_OF_FLAG = {"damages": "to", "jikou": "as-of", "sashiosae": "paid-on"}

HELP = """One case file → one report (遅延損害金 + 消滅時効 + 給与差押え) with the legal basis of each.

Example:
  saiken report examples/cases/card-loan.toml
  saiken report examples/cases/card-loan.toml --format html --output card-loan.html
"""


def _commands() -> dict[str, Any]:
    from saiken_cli.commands import COMMANDS

    out = {}
    for name in COMMANDS:
        module = importlib.import_module(f"saiken_cli.commands.{name}")
        if hasattr(module, "record") and hasattr(module, "view"):
            out[name] = module
    return out


def _plain(value: Any) -> Any:
    """TOML values → the strings the commands parse (dates → ISO, lists kept)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [str(_plain(v)) for v in value]
    return str(value)


def load_case(path: str) -> dict[str, Any]:
    from saiken_cli.errors import ConflictError, InputError

    try:
        with open(path, "rb") as fh:
            doc = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError("CASE", path, "a readable case file (TOML)") from None
    except (OSError, IsADirectoryError) as exc:
        raise InputError("CASE", path, f"a readable case file (TOML): {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConflictError(f"CASE {path}: not valid TOML: {exc}") from None
    if not isinstance(doc.get("case", {}), dict):
        raise ConflictError(f"CASE {path}: [case] must be a table")
    return doc


def build(doc: dict[str, Any], *, as_of: date, path: str = "") -> dict[str, Any]:
    """Compute every section of a case document; the report payload (pure apart from imports)."""
    from saiken_cli.errors import ConflictError, SaikenError

    commands = _commands()
    unknown = [k for k in doc if k != "case" and k not in commands]
    if unknown:
        raise ConflictError(
            f"CASE {path}: unknown section(s) [{'], ['.join(unknown)}]; sections are: [case], "
            + ", ".join(f"[{c}]" for c in commands)
        )
    case = {k: _plain(v) if not isinstance(v, (str, int)) else v for k, v in doc.get("case", {}).items()}
    case["as_of"] = as_of.isoformat()
    order = [c for c in ORDER if c in doc] + [c for c in doc if c not in ORDER and c != "case"]
    sections: list[dict[str, Any]] = []
    warnings: list[str] = []
    for name in order:
        raw = doc[name]
        if not isinstance(raw, dict):
            raise ConflictError(f"CASE {path}: [{name}] must be a table of flags")
        fields = {k: _plain(v) for k, v in raw.items()}
        flag = AS_OF_FLAG.get(name)
        if flag and not any(k.replace("_", "-") == flag for k in fields):
            fields[flag] = as_of.isoformat()
        try:
            payload = commands[name].record(fields)
        except SaikenError as exc:
            exc.message = f"[{name}] {exc.message}"
            raise
        sections.append({"command": name, "input": fields, "result": payload})
        warnings.extend(f"[{name}] {w}" for w in payload.get("warnings", []))
    return {
        "schema_version": "1",
        "command": "report",
        "case": case,
        "sections": sections,
        "warnings": warnings,
    }


def headline(section: dict[str, Any], lang: str) -> tuple[str, str]:
    """The one figure of each section for the summary at the top."""
    from saiken_cli.render import L, day, pick, yen

    name, r = section["command"], section["result"]
    if name == "damages":
        text = yen(r["total_yen"], lang) + L(lang, f" ({r['to']}まで)", f" (to {r['to']})") if r.get("to") else yen(r["total_yen"], lang)
        if "total_owed_yen" in r:
            text += L(lang, f"; 残債務合計 {yen(r['total_owed_yen'], lang)}", f"; total still owed {yen(r['total_owed_yen'], lang)}")
        return L(lang, "遅延損害金", "Late-payment damages"), text
    if name == "jikou":
        status = {
            "completed": L(lang, "時効完成 (援用可能)", "completed (may be invoked)"),
            "running": L(lang, f"進行中 (残り{r.get('days_remaining')}日)", f"running ({r.get('days_remaining')} days left)"),
            "suspended": L(lang, "手続係属中 (完成猶予)", "suspended (proceeding pending)"),
        }.get(r["status"], r["status"])
        if r.get("invocation_barred"):
            status += L(lang, " ※完成後の承認あり: 援用は信義則上制限", " — acknowledged after completion: invocation barred")
        when = day(r["completion_date"], lang) if r.get("completion_date") else "—"
        return L(lang, "消滅時効", "Prescription"), f"{when} {status}"
    if name == "sashiosae":
        return L(lang, "給与差押え", "Wage garnishment"), L(
            lang,
            f"差押可能額 {yen(r['garnishable_yen'], lang)} / 手取り {yen(r['net_yen'], lang)} ({r['period']})",
            f"garnishable {yen(r['garnishable_yen'], lang)} of {yen(r['net_yen'], lang)} ({r['period']})",
        )
    return name, ""


def views(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, View

    commands = _commands()
    case = payload["case"]
    title = L(lang, "事件報告書", "Case report")
    if case.get("title"):
        title += f": {case['title']}"
    # a report date that defaulted to today in Japan says so
    today_note = L(lang, " (日本時間の本日)", " (today in Japan)") if payload.get("today") else ""
    summary = [(L(lang, k_ja, k_en), str(case[key]) + (today_note if key == "as_of" else "")) for key, k_ja, k_en in (
        ("id", "事件番号", "Case"), ("debtor", "債務者", "Debtor"), ("creditor", "債権者", "Creditor"),
        ("as_of", "基準日", "As of"),
    ) if case.get(key)]
    summary += [headline(s, lang) for s in payload["sections"]]
    out = [View(title, summary, [], [])]
    for section in payload["sections"]:
        out.append(commands[section["command"]].view(section["result"], lang))
    return out


def to_markdown(vs, lang: str) -> str:
    from saiken_cli.render import DISCLAIMER

    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", "<br>")

    lines: list[str] = []
    for i, v in enumerate(vs):
        lines.append(("# " if i == 0 else "## ") + v.title)
        lines.append("")
        if v.summary:
            lines += ["| | |", "|---|---|"] + [f"| {cell(k)} | {cell(val)} |" for k, val in v.summary] + [""]
        for t in v.tables:
            lines += [f"**{t.title}**", ""]
            lines.append("| " + " | ".join(cell(c) for c in t.columns) + " |")
            lines.append("|" + "|".join("---:" if j in t.numeric else "---" for j in range(len(t.columns))) + "|")
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in t.rows]
            lines.append("")
        for heading, items in v.sections:
            if items:
                lines += [f"**{heading}**", ""] + [f"- {item}" for item in items] + [""]
    lines.append(f"_{DISCLAIMER[lang]}_")
    return "\n".join(lines) + "\n"


def to_html(vs, lang: str) -> str:
    import io

    from rich.console import Console

    from saiken_cli import render

    console = Console(record=True, file=io.StringIO(), width=120, color_system=None, highlight=False, markup=False)
    for v in vs:
        render.draw(v, lang, console=console, disclaimer=(v is vs[-1]))
    return console.export_html(inline_styles=True, code_format=_HTML_PAGE.replace("{lang}", lang))


_HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="UTF-8">
<title>saiken report</title>
<style>
{stylesheet}
body {{ color: {foreground}; background-color: {background}; }}
</style>
</head>
<body>
<pre style="font-family: 'Noto Sans Mono CJK JP', 'MS Gothic', Menlo, monospace"><code>{code}</code></pre>
</body>
</html>
"""


def report(
    case_file: Annotated[str, typer.Argument(metavar="CASE.toml", help="The case file (TOML).", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", help="md | html | json.")] = "md",
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this path (default: stdout).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Report date (default: [case] as_of, else today).")] = None,
    lang: LangOpt = "ja",
) -> None:
    import json

    from saiken_cli import parsing
    from saiken_cli.render import warn

    lang = check_lang(lang)
    fmt = parsing.parse_choice(fmt, "--format", FORMATS)
    doc = load_case(case_file)
    from saiken_cli import today

    defaulted = False
    if as_of is not None:
        report_date = parsing.parse_date(today.require_not_blank(as_of, "--as-of"), "--as-of")
    elif "as_of" in doc.get("case", {}):
        raw = doc["case"]["as_of"]
        report_date = raw if isinstance(raw, date) else parsing.parse_date(str(raw), "[case] as_of")
    else:
        report_date = today.today()  # today in Japan, read once per run (saiken_cli.today)
        defaulted = True
    payload = build(doc, as_of=report_date, path=case_file)
    if defaulted:
        payload["today"] = today.meta()
    if fmt == "json":
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        text = to_markdown(views(payload, lang), lang)
    else:
        text = to_html(views(payload, lang), lang)
    if output is not None and output != "-":
        from saiken_cli.output import write_text

        write_text(output, text, inputs=[case_file])  # atomic; never over the case file (saiken_cli.output)
    else:
        typer.echo(text, nl=False)
    warn(payload["warnings"], lang)


def register(app: typer.Typer) -> None:
    app.command("report", help=HELP)(report)
