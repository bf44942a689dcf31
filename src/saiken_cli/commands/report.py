"""`saiken report CASE.toml` — one case, one report.

Two kinds of case file:

- a **matter** (``[case]``, ``[income]``, one ``[[debt]]`` per creditor): the 債権者一覧表,
  totals, deadlines and options of one debtor (see saiken_cli/matter.py);
- a **one-debt** case file, below.

A one-debt case file is TOML. ``[case]`` describes the matter; every other section is named after a
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
import os
from datetime import date
from typing import Any

from saiken_cli.commands.common import check_lang
from saiken_cli.commands.spec import Command, Flag

ORDER = ("damages", "jikou", "sashiosae")
FORMATS = ("md", "html", "json", "pdf", "xlsx")
#: which flag receives the report date when the section does not give it
AS_OF_FLAG = {"damages": "to", "jikou": "as-of", "sashiosae": "paid-on"}

HELP = """One case file → one report. A matter file ([case], [income], one [[debt]] per creditor) gives the
債権者一覧表, totals, deadlines and options (任意整理, 個人再生, 給与差押え); a one-debt file
([damages], [jikou], [sashiosae]) gives those sections. Every key is checked (a typo is refused
with the closest key).

Example:
  saiken report examples/cases/matter-sato.toml
  saiken report examples/cases/matter-sato.toml --format html --output sato.html
  saiken report examples/cases/card-loan.toml --format json
"""


def _commands() -> dict[str, Any]:
    """The calculators a one-debt case file may have a section for (``record``, ``view``, ``SPEC``)."""
    from saiken_cli.commands import COMMANDS

    out = {}
    for name in COMMANDS:
        module = importlib.import_module(f"saiken_cli.commands.{name}")
        if hasattr(module, "record") and hasattr(module, "view") and hasattr(module, "SPEC"):
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
    from saiken_cli.errors import ConflictError
    from saiken_cli.matter import read_toml

    doc = read_toml(path)
    if not isinstance(doc.get("case", {}), dict):
        raise ConflictError(f"CASE {path}: [case] must be a table")
    return doc


#: [case] keys of a one-debt case file
LEGACY_CASE_KEYS = ("id", "title", "debtor", "creditor", "debtor-address", "as-of", "office", "note")


def check_legacy(doc: dict[str, Any], path: str) -> None:
    """Every section and key of a one-debt case file must be known (closest key named)."""
    from saiken_cli.matter import CaseFileError, closest, norm_key

    commands = _commands()
    problems: list[str] = []
    for section, table in doc.items():
        if section == "case":
            accepted = list(LEGACY_CASE_KEYS)
        elif section in commands:
            spec = commands[section].SPEC  # the command's declaration: long names and aliases (commands/spec.py)
            if isinstance(table, dict):
                problems += [f"{path}: [{section}] {key}: unknown key"
                             + (f"; did you mean '{spec.closest(key)}'?" if spec.closest(key) else "")
                             + f" (accepted: {', '.join(spec.names)})" for key in table if spec.key(str(key)) is None]
            continue
        else:
            near = closest(section, ["case", *commands])
            hint = f"; did you mean [{near}]?" if near else ""
            problems.append(f"{path}: [{section}]: unknown section{hint} (sections: [case], "
                            + ", ".join(f"[{c}]" for c in commands) + ")")
            continue
        if not isinstance(table, dict):
            continue
        for key in table:
            if norm_key(key) not in accepted:
                near = closest(key, accepted)
                hint = f"; did you mean '{near}'?" if near else ""
                problems.append(f"{path}: [{section}] {key}: unknown key{hint} (accepted: {', '.join(accepted)})")
    if problems:
        raise CaseFileError(problems)


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
    warnings: list[Any] = []
    for name in order:
        raw = doc[name]
        if not isinstance(raw, dict):
            raise ConflictError(f"CASE {path}: [{name}] must be a table of flags")
        fields = {k: _plain(v) for k, v in raw.items()}
        # every key must be an input of the command (its long name or a declared alias)
        checked = commands[name].SPEC.validate_keys(fields, where=f"CASE {path} [{name}]")
        flag = AS_OF_FLAG.get(name)
        if flag and flag not in checked and not any(k.replace("_", "-") == flag for k in fields):
            fields[flag] = as_of.isoformat()
            checked[flag] = fields[flag]
        try:
            payload = commands[name].record(checked)
        except SaikenError as exc:
            exc.message = f"[{name}] {exc.message}"
            raise
        sections.append({"command": name, "input": fields, "result": payload})
        for w in payload.get("warnings", []):
            if isinstance(w, str):  # a calculator whose messages are not yet data (catalogue/__init__.py)
                warnings.append(f"[{name}] {w}")
            else:
                warnings.append({"code": "report.section_warning", "params": {"section": name, "warning_msg": w}})
    return {
        "schema_version": "3",  # 3: citations carry kind (and reporter); 2: warnings are message items {"code", "params", "text"} (issue 16)
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
        from saiken_cli.commands.jikou import status_text

        status = status_text(r, lang)
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


def legacy_doc(payload: dict[str, Any], meta: dict[str, Any], lang: str):
    """A one-debt report as a document: the summary, then each command's view with its warnings."""
    from saiken_cli.render import L
    from saiken_cli.report_doc import header_pairs, views_doc

    commands = _commands()
    case = payload["case"]
    title = L(lang, "事件報告書", "Case report")
    if case.get("title"):
        title += f": {case['title']}"
    summary = [headline(s, lang) for s in payload["sections"]]
    sections = [(commands[s["command"]].view(s["result"], lang), s["result"]) for s in payload["sections"]]
    return views_doc(title, header_pairs(meta, case, lang), summary, sections, lang)


def today_in_japan() -> date:
    """The date in Japan, read once per run (saiken_cli.today; SAIKEN_TODAY fixes it)."""
    from saiken_cli import today

    return today.today()


def meta_for(created_on: date) -> dict[str, Any]:
    from saiken_cli import __version__, rules

    return {"created_on": created_on.isoformat(), "saiken_version": __version__, "rules_data": rules.data_version()}


def _add_texts(value: Any, lang: str) -> Any:
    """Give every message item ``{"code", "params"}`` its ``text`` (JSON output)."""
    from saiken_cli.catalogue import text

    if isinstance(value, dict):
        if set(value) == {"code", "params"}:
            return {**value, "text": text(value, lang)}
        return {k: _add_texts(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [_add_texts(v, lang) for v in value]
    return value


def warning_lines(payload: dict[str, Any], lang: str) -> list[str]:
    """Every warning of the report, for stderr (the documents carry them next to their figure)."""
    from saiken_cli.catalogue import text

    if payload.get("kind") != "matter":
        return [text(w, lang) for w in payload["warnings"]]
    out = [text(w, lang) for w in payload["warnings"]]
    for d in payload["debts"]:
        where = L_(lang, f"債権者{d['index']} ({d['creditor']})", f"debt #{d['index']} ({d['creditor']})")
        for w in d["warnings"]:
            out.append(f"{where}: {text(w, lang)}")
        for key in ("kabarai", "damages", "jikou"):
            if d[key]:
                out += [f"{where}: {text(w, lang)}" for w in d[key]["warnings"]]
    g = payload.get("garnishment")
    if g:
        out += [text(w, lang) for w in g["result"]["warnings"]]
    return out


def L_(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def render(payload: dict[str, Any], fmt: str, lang: str, meta: dict[str, Any]) -> str:
    import json

    from saiken_cli import report_doc

    if fmt == "json":
        return json.dumps({**_add_texts(payload, lang), "meta": meta}, ensure_ascii=False, indent=2) + "\n"
    doc = report_doc.matter_doc(payload, meta, lang) if payload.get("kind") == "matter" else legacy_doc(payload, meta, lang)
    return report_doc.to_markdown(doc) if fmt == "md" else report_doc.to_html(doc)


def input_files(payload: dict[str, Any], case_file: str) -> list[str]:
    """The files a report read besides the case file (transaction histories, as resolved)."""
    if payload.get("kind") != "matter":
        return []
    folder = os.path.dirname(case_file) or "."
    return [os.path.join(folder, d["inputs"]["kabarai"]["file"]) for d in payload["debts"] if "kabarai" in d["inputs"]]


def run(case_file: str, *, as_of: str | None, today: date) -> dict[str, Any]:
    """The report payload of a case file (either kind). ``today`` is the date in Japan."""
    from saiken_cli import matter, parsing
    from saiken_cli import today as today_mod

    doc = load_case(case_file)
    override = parsing.parse_date(today_mod.require_not_blank(as_of, "--as-of"), "--as-of") if as_of is not None else None
    if matter.is_matter(doc):
        payload = matter.load_and_analyse(case_file, today, doc=doc, as_of=override)
        if payload["case"]["as_of_source"] == "today":
            payload["today"] = today_mod.meta()
        return payload
    check_legacy(doc, case_file)
    if override is not None:
        report_date = override
    elif "as_of" in doc.get("case", {}):
        raw = doc["case"]["as_of"]
        report_date = raw if isinstance(raw, date) else parsing.parse_date(str(raw), "[case] as_of")
    else:
        report_date = today
    payload = build(doc, as_of=report_date, path=case_file)
    if not ("as_of" in doc.get("case", {}) or override):
        payload["case"]["as_of_source"] = "today"
        payload["today"] = today_mod.meta()
    return payload


def write_statements(payload: dict[str, Any], fmt: str, output: str, today: date, *, inputs: list[str]) -> None:
    """The report as PDF or Excel: the 債権者一覧表 first, then each debt's 計算書 (a sheet per
    debt in the workbook); a one-debt case file gives its damages and kabarai statements."""
    import sys

    from saiken_cli import documents
    from saiken_cli.documents import statements as st

    if payload.get("kind") == "matter":
        front = st.matter_front(payload)
        items = [st.debt_statement(d) for d in payload["debts"]]
    else:
        front = None
        items = []
        for section in payload["sections"]:
            if section["command"] == "damages":
                items.append(st.damages_statement(section["result"]))
            elif section["command"] == "kabarai":
                items.append(st.kabarai_statement(section["result"]))
        if not items:
            from saiken_cli.errors import ConflictError

            raise ConflictError("--format pdf|xlsx: this case file has no [damages] or [kabarai] section to put in a 計算書")
    size = documents.write_statements(fmt, output, items, made_on=today, inputs=inputs, front=front)
    if output != "-":
        sys.stderr.write(f"saiken: wrote {output} ({fmt}, {size:,} bytes)\n")


#: The arguments and options of `saiken report`, declared once (commands/spec.py): --help,
#: the flag table of docs/commands/report.md and the check of --format come from here.
OPTIONS = Command("report", HELP, (
    Flag("case-file", "path", "事件ファイル (TOML)", "The case file (TOML).", required=True, role="argument", metavar="CASE.toml"),
    Flag("format", "choice", "出力形式: md・html・json、または債権者一覧表と各債務の計算書 (pdf・xlsx: --output が必要)",
         "md | html | json | pdf | xlsx (債権者一覧表 and each debt's 計算書; needs --output).", default="md", choices=FORMATS,
         role="option", metavar="md|html|json|pdf|xlsx",
         doc="`md` (default: Markdown), `html` (an A4 print document), `json` (`saiken schema report`), or `pdf` / `xlsx`: "
             "the 債権者一覧表 and each debt's 計算書, which need `--output` (`-` for stdout)."),
    Flag("output", "path", "書込み先 (既定: 標準出力; 原子的に書込み、事件ファイル・取引履歴には書かない)",
         "Write the report to this path (default: stdout).", role="option", short="-o",
         doc="Write the report to this path (default: stdout), atomically; never over the case file or a transaction "
             "history it names."),
    Flag("as-of", "date", "基準日 (既定: [case] の as_of、なければ日本時間の本日)",
         "Report date (default: [case] as_of, else today in Japan).", role="option"),
    Flag("allow-outside-paths", "switch", "事件ファイルのフォルダの外のファイル (取引履歴・[kabarai] の file) を読むことを許す",
         "Let the case file name files (transactions, [kabarai] file) outside its own folder.", role="option"),
), json=False, record=False)


def _run(values: dict[str, Any], *, lang: str = "ja") -> None:
    report(values["case_file"], fmt=values["format"], output=values["output"], as_of=values["as_of"], lang=lang,
           allow_outside_paths=values["allow_outside_paths"])


def report(case_file: str, *, fmt: str = "md", output: str | None = None, as_of: str | None = None, lang: str = "ja",
           allow_outside_paths: bool = False) -> None:
    import os

    from saiken_cli import output as output_mod
    from saiken_cli import paths
    from saiken_cli.render import warn

    lang = check_lang(lang)
    fmt = OPTIONS.choice("format", fmt)
    if output is not None and output != "-":
        output_mod.check_name(output)
    if fmt in ("pdf", "xlsx") and not output:
        from saiken_cli.errors import ConflictError

        raise ConflictError(f"--format {fmt} needs --output FILE (or --output - for stdout)")
    today = today_in_japan()
    # paths in the case file are relative to its folder and stay inside it (saiken_cli.paths)
    with paths.inside(os.path.dirname(case_file) or ".", allow_outside=allow_outside_paths, what="the case file"):
        payload = run(case_file, as_of=as_of, today=today)
    if fmt in ("pdf", "xlsx"):
        write_statements(payload, fmt, output, today, inputs=[case_file, *input_files(payload, case_file)])
        warn(warning_lines(payload, lang), lang)
        return
    text = render(payload, fmt, lang, meta_for(today))
    if output is not None and output != "-":
        # atomic; never over the case file or a transaction history it names (saiken_cli.output)
        output_mod.write_text(output, text, inputs=[case_file, *input_files(payload, case_file)])
    else:
        from saiken_cli.render import write_utf8

        # a document (JSON; Markdown; HTML, which declares charset=UTF-8) is UTF-8 whatever
        # the terminal's encoding, as it is when written with --output
        write_utf8(text)
    warn(warning_lines(payload, lang), lang)
    from saiken_cli import rules

    if rules.override_warning():  # rule data from SAIKEN_RULES_DIR (meta.rules_data says local- too)
        warn([rules.override_warning()], lang)


def register(app) -> None:
    OPTIONS.register(app, run=_run)
