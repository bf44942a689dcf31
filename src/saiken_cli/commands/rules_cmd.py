"""`saiken rules` — list the dated legal data, and `saiken rules rate --on D` for the 法定利率."""

from __future__ import annotations

from typing import Any

from saiken_cli.commands.common import check_lang
from saiken_cli.commands.spec import Command, Flag

LIST_HELP = ("法令データ: every table with its rows, citations and verified_through.\n\nExample:\n  saiken rules\n"
             "  saiken rules rate --on 2020-03-31 --commercial")
RATE_HELP = "法定利率 on a date (the date default began, 民法419条1項).\n\nExample:\n  saiken rules rate --on 2020-03-31 --commercial"

#: `saiken rules` (every table; its options are --json and --lang) and `saiken rules rate`,
#: declared once (commands/spec.py)
OPTIONS = Command("rules", LIST_HELP, (), record=False)
RATE_OPTIONS = Command("rate", RATE_HELP, (
    Flag("on", "date", "遅延が始まった日 (または利息が最初に生じた日): ISO または和暦",
         "The date default began (or interest first accrued): ISO or 和暦.", required=True, role="option"),
    Flag("commercial", "switch", "商行為による債務 (2020-04-01 前は 6%)", "Debt from a 商行為 (6% before 2020-04-01).", role="option"),
), record=False)


def _list_view(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, TableView, View, pick

    tables = []
    for t in payload["tables"]:
        rows = []
        for r in t["rows"]:
            val = r.get("value") or ", ".join(f"{k}={v}" for k, v in (r.get("values") or {}).items())
            if r.get("tiers"):
                val = (val + " " if val else "") + L(lang, f"{len(r['tiers'])}段階", f"{len(r['tiers'])} tiers")
            rows.append(
                [
                    r.get("key") or "",
                    r["effective_from"],
                    r.get("effective_until", "") or "",
                    str(val),
                    "; ".join(c["label"] for c in r["citations"]),
                    r["status"],
                ]
            )
        title = f"{t['title_ja'] if lang == 'ja' else t['title_en']} [{t['id']}]"
        if t.get("verified_through"):
            title += L(lang, f"  確認済み: {t['verified_through']}まで", f"  verified through {t['verified_through']}")
        tables.append(
            TableView(
                title,
                [L(lang, "区分", "Key"), L(lang, "施行", "From"), L(lang, "終期", "Until"), L(lang, "値", "Value"),
                 L(lang, "根拠", "Citation"), L(lang, "確認", "Status")],
                rows,
            )
        )
    return View(L(lang, "法令データ一覧", "Rule tables"), [], tables, [])


def rules_list(values: dict[str, Any], *, ctx, json_out: bool = False, lang: str = "ja") -> None:
    """List every rule table (when no subcommand is given)."""
    if ctx.invoked_subcommand is not None:
        return
    from saiken_cli import rules
    from saiken_cli.render import emit

    lang = check_lang(lang)
    payload = {"schema_version": "2", "command": "rules", "tables": [t.to_dict() for t in rules.all_tables()], "warnings": []}
    emit(payload, None if json_out else _list_view(payload, lang), json_mode=json_out, lang=lang)


def rules_rate(values: dict[str, Any], *, json_out: bool = False, lang: str = "ja") -> None:
    on, commercial = values["on"], values["commercial"]
    from saiken_cli.calc.messages import to_dicts
    from saiken_cli.calc.rates import legal_rate
    from saiken_cli.calc.rounding import percent_text
    from saiken_cli.parsing import parse_date
    from saiken_cli.render import L, View, day, emit, standard_sections

    lang = check_lang(lang)
    on_date = parse_date(on, "--on")
    choice = legal_rate(on_date, commercial=commercial)
    row = choice.rows[0]
    payload = {
        "schema_version": "3",  # 3: citations carry kind (and reporter); 2: notes and warnings are message items {"code", "params", "text"}
        "command": "rules rate",
        "on": on_date.isoformat(),
        "commercial": commercial,
        "rate": str(choice.rate),
        "rate_percent": percent_text(choice.rate),
        "basis": choice.basis,
        "row": row.to_dict(),
        "citations": [c.to_dict() for c in row.citations],
        "notes": to_dicts(choice.notes),
        "warnings": to_dicts(choice.warnings),
    }
    v = None
    if not json_out:
        v = View(
            L(lang, "法定利率", "Statutory interest rate"),
            [
                (L(lang, "基準日", "On"), day(on_date, lang)),
                (L(lang, "利率 (年)", "Rate (per year)"), payload["rate_percent"] + "%"),
                (L(lang, "区分", "Row"), f"{row.label} ({row.effective_from.isoformat()} 〜 {row.effective_until.isoformat() if row.effective_until else ''})"),
                (L(lang, "確認", "Status"), row.status),
            ],
            [],
            standard_sections(payload, lang),
        )
    emit(payload, v, json_mode=json_out, lang=lang)


def register(app) -> None:
    import typer

    rules_app = typer.Typer(help=LIST_HELP, invoke_without_command=True, no_args_is_help=False)
    rules_app.callback()(OPTIONS.typer_command(run=rules_list, context=True))
    RATE_OPTIONS.register(rules_app, run=rules_rate)
    app.add_typer(rules_app, name="rules")
