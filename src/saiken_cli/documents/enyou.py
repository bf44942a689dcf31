"""消滅時効援用通知書: the letter's facts, the checks before it may be written, and its text
on a 内容証明 grid. Pure: no I/O, no clock (the letter's date is given)."""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping, NamedTuple

from saiken_cli.documents import grid, jtext, templates
from saiken_cli.errors import ConflictError

FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


class LetterFacts(NamedTuple):
    letter_date: date
    debtor: str
    debtor_address: str
    creditor: str
    creditor_address: str
    original_creditor: str | None = None
    contract_date: date | None = None
    account_number: str | None = None
    principal_yen: int | None = None


class Layout(NamedTuple):
    key: str
    direction: str  # yoko | tate
    width: int  # characters per line (column for tate)
    height: int  # lines (columns) per sheet
    label: str
    citations: tuple


class Letter(NamedTuple):
    layout: Layout
    pages: list[list[str]]
    text: str
    citations: list[dict[str, str]]


def layouts(on: date) -> dict[str, Layout]:
    """The grids in force on ``on`` (rules/data/naiyo_shomei_layouts.toml)."""
    from saiken_cli import rules

    table = rules.load("naiyo_shomei_layouts")
    out = {}
    for key in table.keys():
        row = table.row_on(on, key)
        out[key] = Layout(key, row["direction"], row["chars_per_line"], row["lines_per_page"], row.label or key, row.citations)
    return out


def check(jikou: Mapping[str, Any], letter_date: date) -> list[str]:
    """Refuse (ConflictError, exit 2) when the analysis says 援用 is not yet possible on the
    letter's date; otherwise the notes for the lawyer (Japanese sentences, never in the letter).

    ``jikou`` is the `saiken jikou --json` payload for the debt, computed as of the letter's
    date. When the readings disagree (old/new law, the 142条 holiday extension), the later
    date decides."""
    notes: list[str] = []
    judgments = [e["date"] for e in jikou.get("events", []) if e.get("kind") == "hanketsu"]
    start = jikou.get("starting_point") or {}
    if "judgment" in str(start.get("fact", "")):  # the period runs from a judgment (判決確定日)
        judgments.insert(0, start["date"])
    candidates: list[tuple[str, str]] = []
    if jikou.get("invocable_from"):
        candidates.append((jikou["invocable_from"], "本件の読み"))
    for r in jikou.get("readings", []):
        if r.get("invocable_from"):
            candidates.append((r["invocable_from"], "別の読み"))
    holiday = jikou.get("holiday") or {}
    if holiday.get("completion_day_closed") and not holiday.get("apply_142") and jikou.get("completion_date"):
        # the completion day is a holiday: on the reading that 142条 applies, the period ends on
        # the next business day; the safe side waits for it (calc gives that date in warnings)
        pass
    if not candidates:
        raise ConflictError(
            f"消滅時効は {letter_date.isoformat()} の時点で完成していない (status {jikou.get('status')}): 援用通知書は作成しない"
        )
    latest = max(c[0] for c in candidates)
    status = jikou.get("status")
    if status != "completed" or letter_date.isoformat() < latest:
        if judgments and status != "completed":
            raise ConflictError(
                f"判決確定 ({judgments[-1]}) により時効期間は10年: 完成は {jikou.get('completion_date')}、"
                f"援用は {jikou.get('invocable_from')} から — 援用通知書は作成しない"
            )
        raise ConflictError(
            f"消滅時効は書面の日付 {letter_date.isoformat()} の時点で完成していない: 援用は {latest} から"
            + (" (読みが分かれるため遅い日を採用)" if len({c[0] for c in candidates}) > 1 else "")
            + " — 援用通知書は作成しない"
        )
    if len({c[0] for c in candidates}) > 1:
        notes.append(
            f"時効完成日の読みが分かれています (援用可能日: {', '.join(sorted({c[0] for c in candidates}))})。"
            f"遅い日 ({latest}) を基準に、書面の日付でいずれの読みでも完成していることを確認しました。"
        )
    if jikou.get("invocation_barred"):
        for b in jikou.get("barred_completions", []):
            notes.append(
                f"時効完成 ({b['completed_on']}) の後に承認 ({b['acknowledged_on']}) があります。"
                "時効完成後の承認は、完成を知らなかった場合でも援用を信義則上許さないとされています"
                "(最判昭和41年4月20日)。援用の可否をご確認ください。"
            )
    if jikou.get("pending_proceedings"):
        notes.append(
            "係属中の手続 (訴え・支払督促・強制執行等) があります。援用の時期と方法 (答弁書での援用等) をご確認ください。"
        )
    if judgments:
        notes.append(f"判決確定 ({judgments[-1]}) からの10年の時効期間で完成を判断しています。")
    if holiday.get("completion_day_closed"):
        notes.append("時効期間の末日が休日に当たります。民法142条による延長を考慮した日以後の日付であることをご確認ください。")
    return notes


def _values(facts: LetterFacts, title: str, direction: str) -> dict[str, str | None]:
    values: dict[str, str | None] = {
        "title": title,
        "letter_date": jtext.wareki(facts.letter_date),
        "creditor": facts.creditor,
        "creditor_address": facts.creditor_address,
        "debtor": facts.debtor,
        "debtor_address": facts.debtor_address,
        "original_creditor": facts.original_creditor or None,
        "contract_date": jtext.wareki(facts.contract_date) if facts.contract_date else None,
        "account_number": facts.account_number or None,
        "principal": ("金" + jtext.man_yen(facts.principal_yen)) if facts.principal_yen else None,
    }
    if direction == "tate" and values["account_number"]:
        values["account_number"] = jtext.digits_kanji(values["account_number"])  # a code, digit by digit
    return values


def blocks(facts: LetterFacts, direction: str = "yoko") -> tuple[list[grid.Block], templates.Version]:
    """The letter's paragraphs (grid blocks) from the template in force on its date."""
    tpl = templates.load("enyou")
    version = tpl.on(facts.letter_date)
    values = _values(facts, tpl.title_ja, direction)
    out: list[grid.Block] = []
    for b in version.blocks:
        if b.get("when") and not values.get(b["when"]):
            continue
        if b.get("items") == "yes":
            n = 0
            for item in version.items:
                if item.get("when") and not values.get(item["when"]):
                    continue
                n += 1
                number = str(n).translate(FULLWIDTH_DIGITS) if direction == "yoko" else jtext.vertical(str(n))
                label = item["label"]
                text = f"{label}　{templates.fill(item['text'], values)}"
                out.append(
                    grid.Block(
                        jtext.vertical(text) if direction == "tate" else text,
                        first=f"{number}　",
                        rest="　" * (len(number) + 1),
                    )
                )
            continue
        text = templates.fill(b.get("text", ""), values)
        if direction == "tate":
            text = jtext.vertical(text)
        out.append(grid.Block(text, first=b.get("first", ""), rest=b.get("rest", ""), align=b.get("align", "left")))
    return out, version


def compose(facts: LetterFacts, layout: Layout) -> Letter:
    """The letter laid out on ``layout``: pages of lines, and the text (pages split by \\f)."""
    bs, version = blocks(facts, layout.direction)
    pages = grid.layout(bs, layout.width, layout.height)
    cites = [c.to_dict() for c in (*version.citations, *layout.citations)]
    return Letter(layout, pages, grid.to_text(pages), cites)
