"""`saiken rules` — list the dated legal data, and `saiken rules rate --on D` for the 法定利率."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from saiken_cli.commands.common import JsonOpt, LangOpt, check_lang

rules_app = typer.Typer(
    help="法令データ: every table with its rows, citations and verified_through.\n\nExample:\n  saiken rules\n  saiken rules rate --on 2020-03-31 --commercial",
    invoke_without_command=True,
    no_args_is_help=False,
)


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


@rules_app.callback()
def rules_list(
    ctx: typer.Context,
    json_out: JsonOpt = False,
    lang: LangOpt = "ja",
) -> None:
    """List every rule table (when no subcommand is given)."""
    if ctx.invoked_subcommand is not None:
        return
    from saiken_cli import rules
    from saiken_cli.render import emit

    lang = check_lang(lang)
    payload = {"schema_version": "2", "command": "rules", "tables": [t.to_dict() for t in rules.all_tables()], "warnings": []}
    emit(payload, None if json_out else _list_view(payload, lang), json_mode=json_out, lang=lang)


@rules_app.command("rate", help="法定利率 on a date (the date default began, 民法419条1項).\n\nExample:\n  saiken rules rate --on 2020-03-31 --commercial")
def rules_rate(
    on: Annotated[str, typer.Option("--on", help="The date default began (or interest first accrued): ISO or 和暦.", show_default=False)],
    commercial: Annotated[bool, typer.Option("--commercial", help="Debt from a 商行為 (6% before 2020-04-01).")] = False,
    json_out: JsonOpt = False,
    lang: LangOpt = "ja",
) -> None:
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


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")
