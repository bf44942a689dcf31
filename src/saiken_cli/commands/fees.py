"""`saiken fees` — 裁判所手数料 (収入印紙) and which court / 少額訴訟 / 認定司法書士 for a 訴額."""

from __future__ import annotations

from typing import Any, Optional

from saiken_cli.commands.spec import Command, Flag
from saiken_cli.parsing import parse_date, parse_yen

# calc.fees is imported inside the functions that need it, to keep it off `saiken --help`
# and shell completion, which register every command (importing every calculator adds
# ≈40 ms there, issue 16); each such import costs ≈10,000 instructions a batch row.

HELP = """裁判所手数料 (court fees in 収入印紙) for a 訴額, and which court: 民訴費用法 別表第一.

訴え (1項), 支払督促 (10項, ½), 民事調停 (14項), 控訴 (2項, 1.5×), 上告 (3項, 2×);
簡易裁判所 (≤ 140万円) or 地方裁判所; 少額訴訟 (≤ 60万円); 認定司法書士 (≤ 140万円 per claim).
The 訴額 is the principal only: interest and damages are not added (民訴法9条2項).

Example:
  saiken fees --amount 100万                → 訴え 10,000円 / 支払督促 5,000円 / 調停 5,000円
  saiken fees --amount 1,400,000 --json    → 12,000円, 簡易裁判所
  saiken fees --unassessable               → 160万円とみなす: 13,000円
"""


def build_input(*, amount: Optional[str] = None, unassessable: bool = False, filed_on: Optional[str] = None):
    """Flags (strings, as typed) → FeesInput. Shared by the command and `saiken batch`."""
    from saiken_cli.calc.fees import FeesInput
    from saiken_cli.errors import ConflictError

    if unassessable and amount not in (None, ""):
        raise ConflictError(
            "--unassessable and --amount cannot be combined: 訴額算定不能 means there is no amount "
            "(saiken then uses the 160万円 of 民訴費用法4条2項)"
        )
    return FeesInput(
        amount_yen=parse_yen(amount, "--amount") if amount not in (None, "") else None,
        unassessable=unassessable,
        filed_on=parse_date(filed_on, "--filed-on") if filed_on not in (None, "") else None,
    )


def view(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, TableView, View, day, standard_sections, yen

    yes, no = L(lang, "可", "yes"), L(lang, "不可", "no")
    amount = yen(payload["amount_yen"], lang)
    if payload["unassessable"]:
        amount += L(lang, " (訴額算定不能・みなし)", " (unassessable, deemed)")
    court = L(lang, payload["court_ja"], "summary court (簡易裁判所)" if payload["court"] == "summary" else "district court (地方裁判所)")
    summary = [
        (L(lang, "訴額", "Value of claim"), amount),
        (L(lang, "訴え提起 (1項)", "Action (item 1)"), yen(payload["filing_fee_yen"], lang)),
        (L(lang, "支払督促 (10項)", "Payment order (item 10)"), yen(payload["payment_order_fee_yen"], lang)),
        (L(lang, "民事調停 (14項)", "Civil mediation (item 14)"), yen(payload["mediation_fee_yen"], lang)),
        (L(lang, "控訴 (2項)", "Appeal (item 2)"), yen(payload["appeal_fee_yen"], lang)),
        (L(lang, "上告・上告受理 (3項)", "Final appeal (item 3)"), yen(payload["final_appeal_fee_yen"], lang)),
        (L(lang, "第一審の裁判所", "Court of first instance"), court),
        (L(lang, "少額訴訟", "Small-claims action"), yes if payload["small_claims_eligible"] else no),
        (L(lang, "認定司法書士の代理", "Certified judicial scrivener"), yes if payload["shihoshoshi_eligible"] else no),
        (L(lang, "手数料表", "Fee table"), L(lang, "施行 ", "in force from ") + day(payload["table_effective_from"], lang)),
    ]
    tables = []
    for key, title_ja, title_en in (
        ("filing", "訴え提起手数料の内訳 (別表第一 1項)", "Action fee by tier (item 1)"),
        ("mediation", "民事調停手数料の内訳 (別表第一 14項)", "Mediation fee by tier (item 14)"),
    ):
        rows = []
        for part in payload["breakdown"][key]:
            top = f"{part['up_to_yen']:,}" if part["up_to_yen"] is not None else "—"
            rows.append(
                [
                    f"{part['over_yen']:,} 〜 {top}",
                    f"{part['portion_yen']:,}",
                    f"{part['fee_per_unit_yen']:,} / {part['per_yen']:,}",
                    f"{part['units']:,}",
                    yen(part["amount_yen"], lang),
                    part["status"],
                ]
            )
        tables.append(
            TableView(
                L(lang, title_ja, title_en),
                [
                    L(lang, "段階 (超〜以下)", "Tier (over … up to)"),
                    L(lang, "該当部分", "Part"),
                    L(lang, "単価 / 単位", "Fee / unit"),
                    L(lang, "単位数 (切上げ)", "Units (ceil)"),
                    L(lang, "手数料", "Fee"),
                    L(lang, "確認", "Status"),
                ],
                rows,
                numeric={1, 3, 4},
            )
        )
    title = L(lang, "裁判所手数料 (収入印紙) と管轄", "Court fees (収入印紙) and court")
    return View(title, summary, tables, standard_sections(payload, lang))


def payload(values: dict[str, Any]) -> dict[str, Any]:
    """The inputs (``SPEC.read`` or the Typer options) → the ``--json`` payload."""
    from saiken_cli.calc.fees import compute

    return compute(build_input(**values)).to_dict()


SPEC = Command("fees", HELP, (
    Flag("amount", "yen", "訴額 (元本のみ): 1000000, 1,000,000, 100万, 100万円", "訴額 (principal only): 1000000, 1,000,000, 100万, 100万円.",
         aliases=("訴額",), doc="訴額 in yen: `1000000`, `1,000,000`, `100万`, `100万円`. Positive whole yen; the principal only "
                               "(interest and damages are not added, 民訴法9条2項)."),
    Flag("unassessable", "switch", "訴額算定不能: 160万円とみなす (民訴費用法4条2項・7項)。--amount とは併用不可",
         "訴額算定不能: deemed 160万円 (民訴費用法4条2項・7項). Not with --amount.", aliases=("算定不能", "訴額算定不能"),
         doc="訴額算定不能 (value cannot be assessed): deemed 1,600,000円 (民訴費用法4条2項; 調停 4条7項); for jurisdiction deemed "
             "above 140万 (民訴法8条2項) → 地裁. **Cannot be combined with `--amount`** (exit 2)."),
    Flag("filed-on", "date", "申立日: 適用する手数料表を決める (既定: 現行の表)", "Filing date that selects the table (default: the current table).",
         aliases=("申立日", "提訴日"),
         doc="Filing date (ISO or 和暦) that selects the table. Default: the current table. Before 2004-01-01 (fees) / "
             "2004-04-01 (thresholds) saiken refuses (exit 3); after the table's `verified_through` it warns."),
))


def register(app) -> None:
    SPEC.register(app, payload=payload, view=view)


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    return payload(SPEC.read(fields))
