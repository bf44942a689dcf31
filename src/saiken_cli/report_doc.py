"""The report as a document: one model, rendered as Markdown or as an HTML page for print.

A :class:`Doc` is a title, a header (事件番号, 債務者, 基準日, 作成日, versions) and sections of
blocks (key–value lists, tables with right-aligned numeric columns, lists of warnings,
assumptions and notes). ``saiken report`` builds one from a matter payload
(:func:`matter_doc`) or from the views of a one-debt case file (:func:`views_doc`), and
writes it with :func:`to_markdown` or :func:`to_html`. Every section's warnings,
assumptions and readings are blocks of that section, next to the figure they qualify.

The matter's own messages are data (``{"code", "params"}``) phrased here by
:data:`MESSAGES`; the commands' messages are rendered with :func:`saiken_cli.render.pick`.
"""

from __future__ import annotations

import html
from typing import Any, NamedTuple, Sequence

from saiken_cli.render import DISCLAIMER, L, TableView, View, citation_lines, day, pick, plain, yen


# --------------------------------------------------------------------------------------
# Messages of calc/matter.py: code → (Japanese, English). Parameters are formatted by
# _params (yen with separators, dates as they are).

MESSAGES: dict[str, tuple[str, str]] = {
    "matter.recalculated_balance": (
        "取引履歴 {source} を利息制限法の上限利率で引き直し計算した残元金 {balance_yen} を、請求額 {claimed_yen} に代えて用いた",
        "the balance recalculated at the 利息制限法 cap from {source}, {balance_yen}, replaces the claimed {claimed_yen}",
    ),
    "matter.claimed_interest_replaced": (
        "請求の未払利息 {claimed_yen} に代えて引き直し計算による未払利息 {interest_yen} を用いた",
        "the claimed unpaid interest {claimed_yen} is replaced by the recalculated {interest_yen}",
    ),
    "matter.damages_rate_legal": (
        "遅延損害金の約定利率の記載がないため法定利率で計算 (民法419条1項)",
        "no contractual damages rate given: the statutory rate is used (民法419条1項)",
    ),
    "matter.payments_not_to_claimed_interest": (
        "期限の利益喪失後の弁済は遅延損害金→元本の順に充当し、請求の未払利息 {interest_yen} には充当していない"
        " (民法489条1項では利息にも充当されうる: 債権者の計算と照合すること)",
        "payments after default are applied to damages, then principal, not to the claimed interest {interest_yen}"
        " (民法489条1項 may apply them to interest too: compare with the creditor's statement)",
    ),
    "matter.damages_not_computed": (
        "期限の利益喪失日・弁済期・損害金の起算日がないため、遅延損害金は計算していない (残高は元本と利息のみ)",
        "no acceleration date, due date or damages start given: late-payment damages are not computed",
    ),
    "matter.acknowledged_after_completion": (
        "時効完成後の承認 ({dates}): 援用は信義則上許されない (最大判昭和41年4月20日)。承認の事情を確認すること",
        "acknowledged after completion ({dates}): invoking prescription is barred in good faith (最大判昭和41年4月20日)",
    ),
    "matter.proceeding_pending": (
        "係属中の手続があり時効の完成が猶予されている: 手続の帰趨を確認すること",
        "a proceeding is pending: completion of prescription is suspended",
    ),
    "matter.judgment": (
        "判決確定 {date}: 時効期間は{years}年 (民法169条1項)。判決正本・確定証明を確認すること",
        "final judgment of {date}: the period is {years} years (民法169条1項)",
    ),
    "matter.reading_in_dispute": (
        "別の読み ({regime}) では時効完成日 {completion_date} ({status}): 契約日・取引の経過で結論が変わる",
        "another reading ({regime}) completes on {completion_date} ({status}): the facts decide which applies",
    ),
    "matter.completion_on_closed_day": (
        "時効の満了日 {date} は裁判所の休日: 民法142条を適用する見解では延長される (争いあり)。安全側では延長後の日を基準にすること",
        "the completion date {date} is a court holiday: under the reading that applies 民法142条 it moves later (disputed)",
    ),
    "matter.may_invoke": (
        "時効完成: {invocable_from} から援用できる (民法145条)。援用は内容証明郵便 (配達証明付) で行うのが通例",
        "prescription has completed: it may be invoked from {invocable_from} (民法145条)",
    ),
    "matter.start_from_last_payment": (
        "期限の利益喪失日・弁済期がないため起算点を最終返済日とした: 厳密な起算点 (次の期限・期限の利益喪失日) からでは完成日は後になりうる",
        "no acceleration or due date: prescription counted from the last payment; the strict starting point may be later",
    ),
    "matter.nothing_owed_after_recalculation": (
        "引き直し計算の結果、残債務はない (時効の計算は不要)",
        "after recalculation nothing is owed (no prescription to compute)",
    ),
    "matter.jikou_not_computed": (
        "起算点となる日付がないため、消滅時効は計算していない",
        "no starting date given: prescription is not computed",
    ),
    "matter.payments_acknowledge": (
        "期限の利益喪失後の弁済は債務の承認 (民法152条1項) として時効の事由に加えた",
        "payments after default are acknowledgments (民法152条1項) and were added as prescription events",
    ),
    "matter.overpayment_prescribed": (
        "過払金返還請求権は {date} に時効完成の可能性 (取引終了から10年: 最判平成21年1月22日)。取引の一連性・中断事由を確認すること",
        "the overpayment claim may be time-barred since {date} (10 years from the end of the transactions)",
    ),
    "matter.duplicate_account": (
        "債権者{first}と債権者{second}の契約番号が同じ: 同じ債権の二重計上 (債権譲渡・委託) でないか確認すること",
        "debts #{first} and #{second} have the same account number: check that one claim is not counted twice",
    ),
    "matter.deadline.jikou_completion": (
        "消滅時効の完成 (援用は {invocable_from} から)",
        "prescription completes (may be invoked from {invocable_from})",
    ),
    "matter.deadline.suspension_end": (
        "{event}による完成猶予の終了: この日の経過で時効完成 (援用は翌日から)",
        "end of the suspension by {event}: prescription completes at the end of this day",
    ),
    "matter.deadline.reading_completion": (
        "別の読み ({regime}) による時効完成",
        "prescription completes under the other reading ({regime})",
    ),
    "matter.deadline.overpayment_prescription": (
        "過払金返還請求権 (取引{series}、過払金・過払利息 {claim_yen}) の時効完成: 請求はこの日まで",
        "the overpayment claim (series {series}, {claim_yen}) prescribes: claim before this day",
    ),
    "matter.deadline.overpayment_prescription_known": (
        "過払金返還請求権のうち2020年4月1日以後に生じた部分 (取引{series}、{part_yen}) の時効完成 (知った時から5年: 民法166条1項1号)",
        "the part of the overpayment claim arising from 2020-04-01 (series {series}, {part_yen}) prescribes (5 years from knowledge)",
    ),
    "matter.nin_i.future_interest_cut": (
        "将来利息 (和解後の利息) はカットされるものとして計算した (任意整理の和解条件; 債権者の同意による)",
        "future interest (after settlement) is assumed to be cut (a settlement term; the creditor must agree)",
    ),
    "matter.nin_i.base_total": (
        "分割の対象額は基準日時点の残高 (残元本 + 未払利息 + 遅延損害金)。経過利息・遅延損害金もカットできれば残元本のみ ([case] nin-i-base = \"principal\")",
        "the amount split is the balance on the reference date (principal + interest + damages); set nin-i-base = \"principal\" for principal only",
    ),
    "matter.nin_i.base_principal": (
        "分割の対象額は残元本のみ (経過利息・遅延損害金もカットされる前提)",
        "the amount split is the principal only (accrued interest and damages assumed to be cut)",
    ),
    "matter.nin_i.practice": (
        "36回・60回の分割は実務の目安で、法律上の基準ではない (UNVERIFIED)。毎回額は円未満切上げ、最終回で調整",
        "36 and 60 installments are a practice norm, not a legal rule (UNVERIFIED); installments rounded up, the last adjusted",
    ),
    "matter.barred_excluded": (
        "時効が完成した債務は援用するものとして除外した (含めるには [case] include-barred = true)",
        "time-barred debts are left out, assuming prescription is invoked (include-barred = true to include them)",
    ),
    "matter.barred_included": (
        "時効が完成した債務も含めた ([case] include-barred = true)",
        "time-barred debts are included (include-barred = true)",
    ),
    "matter.saisei.base": (
        "基準債権 = 各債務の基準日時点の残高の合計 (住宅資金貸付債権・別除権で回収される額・劣後債権は含まない前提、開始決定前の利息・損害金を含む)",
        "the base claims are the debts' balances on the reference date (housing loans, secured parts and subordinated claims assumed absent)",
    ),
    "matter.saisei.nothing_owed": (
        "対象となる債務がないため個人再生の最低弁済額は計算しない",
        "no debt to include: the minimum repayment is not computed",
    ),
    "matter.saisei.over_limit": (
        "基準債権 {debt_yen} が5,000万円を超えるため個人再生は利用できない (民事再生法221条1項)",
        "base claims of {debt_yen} exceed 50 million yen: individual rehabilitation is not available (民事再生法221条1項)",
    ),
    "matter.garnishment.cover": (
        "差押可能額のままなら、対象債務の合計 {owed_yen} に約{times}回の支払期を要する",
        "at this garnishable amount, the debts included ({owed_yen}) take about {times} pay periods",
    ),
}

REGIMES = {"old": ("旧法", "old law"), "new": ("新法", "new law")}
STATUS = {
    "completed": ("時効完成", "completed"),
    "running": ("進行中", "running"),
    "suspended": ("完成猶予中", "suspended"),
}


def _params(params: dict[str, Any], lang: str) -> dict[str, Any]:
    out = {}
    for k, v in params.items():
        if k.endswith("_yen") and isinstance(v, int):
            out[k] = yen(v, lang)
        elif k.endswith("_yen") and v is None:
            out[k] = L(lang, "なし", "none")
        elif k == "regime":
            out[k] = L(lang, *REGIMES.get(v, (v, v)))
        elif k == "status":
            out[k] = L(lang, *STATUS.get(v, (v, v)))
        elif isinstance(v, dict) and "code" in v:  # a calculator's message item
            from saiken_cli.catalogue import text as phrase

            out[k] = phrase(v, lang)
        elif isinstance(v, list):
            out[k] = "、".join(str(x) for x in v) if lang == "ja" else ", ".join(str(x) for x in v)
        elif v is None:
            out[k] = ""
        elif isinstance(v, str):
            out[k] = pick(v, lang)
        else:
            out[k] = v
    return out


def text(item: Any, lang: str) -> str:
    """One message in the chosen language: a catalogue item or a command's message string."""
    if isinstance(item, dict) and item["code"] not in MESSAGES:  # a calculator's message: the catalogue
        from saiken_cli.catalogue import text as phrase

        return phrase(item, lang)
    if isinstance(item, dict):
        ja, en = MESSAGES[item["code"]]
        return (en if lang == "en" else ja).format(**_params(item.get("params", {}), lang))
    return pick(str(item), lang)


def with_text(items: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Catalogue items for JSON: ``{"code", "params", "text"}`` (text in ``lang``)."""
    return [{**i, "text": text(i, lang)} for i in items]


# --------------------------------------------------------------------------------------
# The document model


class KV(NamedTuple):
    pairs: Sequence[tuple[str, str]]


class Table(NamedTuple):
    caption: str
    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    numeric: frozenset[int] = frozenset()
    foot: Sequence[str] | None = None  # a totals row
    nowrap: frozenset[int] = frozenset()  # columns kept on one line (dates)
    wide: frozenset[int] = frozenset()  # columns given room (names)


class Items(NamedTuple):
    heading: str
    items: Sequence[str]
    kind: str = "note"  # warning | assumption | note | flag | basis


class Para(NamedTuple):
    text: str


class SubHeading(NamedTuple):
    text: str
    level: int = 3
    page_break: bool = False


class Section(NamedTuple):
    heading: str
    blocks: Sequence[Any]
    level: int = 2
    page_break: bool = False


class Doc(NamedTuple):
    title: str
    header: Sequence[tuple[str, str]]
    sections: Sequence[Section]
    lang: str = "ja"


def header_pairs(meta: dict[str, Any], case: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    pairs = []
    for key, ja, en in (("id", "事件番号", "Case number"), ("title", "件名", "Matter"), ("debtor", "債務者", "Debtor"),
                        ("creditor", "債権者", "Creditor")):
        if case.get(key):
            pairs.append((L(lang, ja, en), str(case[key])))
    pairs.append((L(lang, "基準日", "Reference date"), day(case["as_of"], lang)
                  + ("" if case.get("as_of_source", "case") == "case" else L(lang, " (日本時間の本日)", " (today in Japan)"))))
    pairs.append((L(lang, "作成日", "Prepared on"), day(meta["created_on"], lang)))
    pairs.append((L(lang, "作成", "Prepared with"), f"saiken {meta['saiken_version']} / "
                  + L(lang, "法令データ ", "rules data ") + meta["rules_data"]))
    return pairs


def _items_blocks(payload: dict[str, Any], lang: str, *, own: dict[str, Any] | None = None) -> list[Items]:
    """Warnings, assumptions and notes of one result, as blocks (warnings first)."""
    out = []
    groups = (("warnings", "警告", "Warnings", "warning"), ("assumptions", "前提", "Assumptions", "assumption"),
              ("notes", "注記", "Notes", "note"))
    for key, ja, en, kind in groups:
        items = [text(x, lang) for x in (own or {}).get(key, [])] + [text(x, lang) for x in payload.get(key, [])]
        if items:
            out.append(Items(L(lang, ja, en), items, kind))
    return out


def view_blocks(view: View, payload: dict[str, Any], lang: str) -> list[Any]:
    """A command's view (summary, tables, assumptions/notes/basis) plus its warnings."""
    blocks: list[Any] = []
    if view.summary:
        blocks.append(KV(list(view.summary)))
    for t in view.tables:
        blocks.append(Table(t.title, t.columns, t.rows, frozenset(t.numeric)))
    warnings = [text(w, lang) for w in payload.get("warnings", [])]
    if warnings:
        blocks.append(Items(L(lang, "警告", "Warnings"), warnings, "warning"))
    for heading, items in view.sections:
        if items:
            kind = "basis" if heading in ("根拠", "Legal basis") else "assumption" if heading in ("前提", "Assumptions") else "note"
            blocks.append(Items(heading, items, kind))
    return blocks


# --------------------------------------------------------------------------------------
# Markdown


# Markdown: every text is escaped (a case field holding "<script>", "**", "[x](javascript:…)"
# or a newline followed by "# " renders as the text it is), with no control characters. An
# http(s) autolink <https://…> (the citations' URLs) stays a link.
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~"})
_AUTOLINK = None


def _md_inline(value: Any) -> str:
    global _AUTOLINK
    text = plain(value)
    if "<http" not in text:
        return text.translate(_MD_SPECIAL)
    if _AUTOLINK is None:
        import re

        _AUTOLINK = re.compile(r"<(https?://[^\s<>\\`]+)>")
    out, last = [], 0
    for m in _AUTOLINK.finditer(text):
        out.append(text[last : m.start()].translate(_MD_SPECIAL))
        out.append(m.group(0))  # a link to an http(s) address, as written
        last = m.end()
    out.append(text[last:].translate(_MD_SPECIAL))
    return "".join(out)


def _md_block(value: Any) -> str:
    """A paragraph or a list item: inline escapes, and no block marker at its start."""
    text = _md_inline(plain(value).replace("\n", " "))
    stripped = text.lstrip()
    first, second = stripped[:1], stripped[1:2]
    if (
        (first in "#-+" and first and second in ("", " "))  # a heading or a list marker
        or (first == "#" and stripped.lstrip("#")[:1] in ("", " "))  # ## heading
        or (first and set(stripped.replace(" ", "")) <= {"-"} or set(stripped.replace(" ", "")) <= {"="} and first)
    ):
        return "\\" + stripped
    if first.isdigit() and _ordered(stripped):  # 1. an ordered list: escape its "." or ")"
        i = len(stripped) - len(stripped.lstrip("0123456789"))
        return stripped[:i] + "\\" + stripped[i:]
    return text


def _ordered(text: str) -> bool:
    """Whether text starts like an ordered-list marker (1. or 1))."""
    i = 0
    while i < len(text) and text[i].isdigit():
        i += 1
    return i < len(text) and text[i] in ".)" and (i + 1 == len(text) or text[i + 1] == " ")


def _md_cell(value: str) -> str:
    return "<br>".join(_md_inline(part) for part in plain(value).split("\n"))


def _md_line(value: str) -> str:
    """A heading or a caption: one line, inline escapes."""
    return _md_inline(plain(value).replace("\n", " "))


def to_markdown(doc: Doc) -> str:
    lang = doc.lang
    lines = [f"# {_md_line(doc.title)}", ""]
    if doc.header:
        lines += ["| | |", "|---|---|"] + [f"| {_md_cell(k)} | {_md_cell(v)} |" for k, v in doc.header] + [""]
    for sec in doc.sections:
        lines += ["#" * sec.level + " " + _md_line(sec.heading), ""]
        for b in sec.blocks:
            if isinstance(b, KV):
                lines += ["| | |", "|---|---|"] + [f"| {_md_cell(k)} | {_md_cell(v)} |" for k, v in b.pairs] + [""]
            elif isinstance(b, Table):
                if b.caption:
                    lines += [f"**{_md_line(b.caption)}**", ""]
                lines.append("| " + " | ".join(_md_cell(c) for c in b.columns) + " |")
                lines.append("|" + "|".join("---:" if j in b.numeric else "---" for j in range(len(b.columns))) + "|")
                lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows]
                if b.foot:
                    lines.append("| " + " | ".join(f"**{_md_cell(c)}**" if c else "" for c in b.foot) + " |")
                lines.append("")
            elif isinstance(b, Items):
                mark = "⚠ " if b.kind == "warning" else ""
                lines += [f"**{mark}{_md_line(b.heading)}**", ""] + [f"- {_md_block(i)}" for i in b.items] + [""]
            elif isinstance(b, Para):
                lines += [_md_block(b.text), ""]
            elif isinstance(b, SubHeading):
                lines += ["#" * b.level + " " + _md_line(b.text), ""]
    lines.append(f"_{DISCLAIMER[lang]}_")
    return "\n".join(lines) + "\n"




# --------------------------------------------------------------------------------------
# HTML: a document for the screen and for print (A4), readable in black and white.

CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
html { font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
       font-size: 9.5pt; line-height: 1.55; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 4pt; padding-bottom: 3pt; border-bottom: 2.5pt double #000; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1pt solid #000; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; }
h4 { font-size: 10pt; margin: 10pt 0 3pt; padding-left: 4pt; border-left: 3pt solid #000; }
.items h4 { border-left: none; padding-left: 0; }
table { border-collapse: collapse; margin: 3pt 0 8pt; }
table.data { width: 100%; }
caption { text-align: left; font-weight: bold; padding: 2pt 0; caption-side: top; }
th, td { border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { font-weight: bold; background: #fff; }
thead th { border-bottom: 1.4pt solid #000; }
tfoot td { border-top: 1.4pt double #000; font-weight: bold; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.wide { min-width: 10em; }
table.data { font-size: 8.5pt; }
table.kv th { width: 34%; font-weight: bold; }
table.kv { min-width: 60%; }
table.header { width: 100%; margin-bottom: 10pt; }
table.header th { width: 18%; }
.items { margin: 2pt 0 8pt; }
.items h4 { margin: 4pt 0 2pt; }
.items ul { margin: 0; padding-left: 16pt; }
.items.warning { border: 1.2pt solid #000; padding: 2pt 6pt 4pt; }
.items.warning h4::before { content: "⚠ "; }
.items.basis { font-size: 8.5pt; }
.disclaimer { margin-top: 14pt; border-top: 0.6pt solid #000; padding-top: 4pt; font-size: 8.5pt; }
section.page, h3.page { break-before: page; page-break-before: always; }
tr, .items li { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
@media screen { body { padding: 12mm 10mm; } }
"""


def _e(value: Any) -> str:
    return html.escape(plain(value), quote=True).replace("\n", "<br>")


def _num(j: int, b: Table) -> str:
    cls = [c for c, cols in (("num", b.numeric), ("nowrap", b.nowrap), ("wide", b.wide)) if j in cols]
    return f' class="{" ".join(cls)}"' if cls else ""


def _html_table(b: Table) -> str:
    out = ['<table class="data">']
    if b.caption:
        out.append(f"<caption>{_e(b.caption)}</caption>")
    out.append("<thead><tr>" + "".join(
        f'<th scope="col"{_num(j, b)}>{_e(c)}</th>' for j, c in enumerate(b.columns)
    ) + "</tr></thead>")
    out.append("<tbody>")
    for row in b.rows:
        out.append("<tr>" + "".join(
            f'<td{_num(j, b)}>{_e(c)}</td>' for j, c in enumerate(row)
        ) + "</tr>")
    out.append("</tbody>")
    if b.foot:
        out.append("<tfoot><tr>" + "".join(
            f'<td{_num(j, b)}>{_e(c)}</td>' for j, c in enumerate(b.foot)
        ) + "</tr></tfoot>")
    out.append("</table>")
    return "\n".join(out)


def _html_kv(pairs: Sequence[tuple[str, str]], cls: str = "kv") -> str:
    rows = "".join(f'<tr><th scope="row">{_e(k)}</th><td>{_e(v)}</td></tr>' for k, v in pairs)
    return f'<table class="{cls}"><tbody>{rows}</tbody></table>'


def to_html(doc: Doc) -> str:
    lang = doc.lang
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="saiken">',
        f"<title>{_e(doc.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(doc.title)}</h1>",
        _html_kv(doc.header, "kv header"),
        "</header>",
        "<main>",
    ]
    for sec in doc.sections:
        parts.append("<section" + (' class="page"' if sec.page_break else "") + ">")
        parts.append(f"<h{sec.level}>{_e(sec.heading)}</h{sec.level}>")
        for b in sec.blocks:
            if isinstance(b, KV):
                parts.append(_html_kv(b.pairs))
            elif isinstance(b, Table):
                parts.append(_html_table(b))
            elif isinstance(b, Items):
                lis = "".join(f"<li>{_e(i)}</li>" for i in b.items)
                parts.append(f'<div class="items {b.kind}"><h4>{_e(b.heading)}</h4><ul>{lis}</ul></div>')
            elif isinstance(b, Para):
                parts.append(f"<p>{_e(b.text)}</p>")
            elif isinstance(b, SubHeading):
                cls = ' class="page"' if b.page_break else ""
                parts.append(f"<h{b.level}{cls}>{_e(b.text)}</h{b.level}>")
        parts.append("</section>")
    parts += ["</main>", f'<footer class="disclaimer"><p>{_e(DISCLAIMER[lang])}</p></footer>', "</body>", "</html>", ""]
    return "\n".join(parts)


# --------------------------------------------------------------------------------------
# One-debt case files: the commands' views, one section each


def views_doc(title: str, header: list[tuple[str, str]], summary: list[tuple[str, str]],
              sections: list[tuple[View, dict[str, Any]]], lang: str) -> Doc:
    secs = [Section(L(lang, "概要", "Summary"), [KV(summary)])]
    for view, payload in sections:
        secs.append(Section(view.title, view_blocks(view, payload, lang), page_break=True))
    return Doc(title, header, secs, lang)


# --------------------------------------------------------------------------------------
# The matter


def _status_text(j: dict[str, Any] | None, lang: str, d: dict[str, Any] | None = None) -> str:
    if j is None:
        if d is not None and d["total_owed_yen"] == 0 and d["overpayment"] is not None:
            return L(lang, "債務なし\n(過払い)", "nothing owed\n(overpaid)")
        return "—"
    s = L(lang, *STATUS[j["status"]])
    if j["status"] == "running" and j.get("days_remaining") is not None:
        s += L(lang, f"\n(残り{j['days_remaining']:,}日)", f"\n({j['days_remaining']:,} days left)")
    if j["invocation_barred"]:
        s += L(lang, "\n※完成後の承認", "\n*acknowledged after completion")
    return s


def _creditor_cell(d: dict[str, Any], lang: str) -> str:
    name = d["creditor"]
    if d.get("account_number"):
        name += L(lang, f"\n契約番号 {d['account_number']}", f"\naccount {d['account_number']}")
    if d.get("original_creditor"):
        name += L(lang, f"\n(原債権者 {d['original_creditor']})", f"\n(originally {d['original_creditor']})")
    return name


def _over_cell(d: dict[str, Any], lang: str) -> str:
    o = d["overpayment"]
    if o is None:
        return ""
    s = yen(o["overpayment_yen"] + o["interest_yen"], lang)
    if o["status"] != "running":
        s += L(lang, "\n(時効の可能性)", "\n(may be barred)")
    return s


def _debt_detail(d: dict[str, Any], lang: str) -> Section:
    from saiken_cli.commands import damages as damages_cmd
    from saiken_cli.commands import jikou as jikou_cmd
    from saiken_cli.commands import kabarai as kabarai_cmd

    f = d["facts"]
    pairs = [(L(lang, "債権者", "Creditor"), d["creditor"])]
    for key, ja, en in (("creditor-address", "債権者住所", "Creditor's address"), ("original-creditor", "原債権者", "Original creditor"),
                        ("account-number", "契約番号", "Account number")):
        if f.get(key):
            pairs.append((L(lang, ja, en), str(f[key])))
    for key, ja, en in (("contract-date", "契約日", "Contract date"), ("acceleration-date", "期限の利益喪失日", "Acceleration"),
                        ("due-date", "弁済期", "Due date"), ("damages-from", "遅延損害金の起算日", "Damages from"),
                        ("last-payment", "最終返済日", "Last payment"), ("judgment-date", "判決確定日", "Judgment final")):
        if f.get(key):
            pairs.append((L(lang, ja, en), day(f[key], lang)))
    if f.get("transactions"):
        pairs.append((L(lang, "取引履歴", "Transaction history"), f["transactions"]))
    basis = L(lang, "引き直し計算後", "recalculated") if d["basis"] == "recalculated" else L(lang, "請求額", "as claimed")
    pairs += [
        (L(lang, "残元本", "Principal"), f"{yen(d['principal_yen'], lang)} ({basis})"),
        (L(lang, "未払利息", "Unpaid interest"), yen(d["interest_yen"], lang)),
        (L(lang, "遅延損害金 (基準日まで)", "Damages to the reference date"), yen(d["damages_yen"], lang) if d["damages"] else "—"),
        (L(lang, "合計 (基準日時点)", "Total owed"), yen(d["total_owed_yen"], lang)),
        (L(lang, "時効", "Prescription"), (day(d["jikou"]["completion_date"], lang) + " " if d["jikou"] and d["jikou"]["completion_date"] else "")
         + _status_text(d["jikou"], lang)),
    ]
    if d["note"]:
        pairs.append((L(lang, "備考", "Note"), d["note"]))
    blocks: list[Any] = [KV(pairs)]
    if d["flags"]:
        blocks.append(Items(L(lang, "要確認", "For the lawyer's attention"), [text(x, lang) for x in d["flags"]], "warning"))
    blocks += _items_blocks({}, lang, own=d)
    for key, mod in (("kabarai", kabarai_cmd), ("damages", damages_cmd), ("jikou", jikou_cmd)):
        p = d[key]
        if p is not None:
            v = mod.view(p, lang)
            blocks.append(SubHeading(v.title, 4))
            blocks += view_blocks(v, p, lang)
    return Section(f"{d['index']}. {d['creditor']}", blocks, level=3)


def matter_doc(payload: dict[str, Any], meta: dict[str, Any], lang: str) -> Doc:
    case = payload["case"]
    title = L(lang, "債権者一覧表・債務の状況", "Creditors and the state of the debts")
    if case.get("title"):
        title += f": {case['title']}"
    debts = payload["debts"]
    t = payload["totals"]
    cols = [L(lang, "No.", "No."), L(lang, "債権者", "Creditor"), L(lang, "残元本", "Principal"),
            L(lang, "利息・損害金", "Interest + damages"), L(lang, "合計", "Total owed"), L(lang, "時効完成日", "Prescription"),
            L(lang, "状態", "Status"), L(lang, "援用可能日", "Invocable from"), L(lang, "過払い", "Overpayment"),
            L(lang, "要確認", "Check")]
    rows = []
    for d in debts:
        j = d["jikou"]
        rows.append([
            str(d["index"]), _creditor_cell(d, lang),
            yen(d["principal_yen"], lang), yen(d["interest_yen"] + d["damages_yen"], lang), yen(d["total_owed_yen"], lang),
            j["completion_date"] if j and j["completion_date"] else "—", _status_text(j, lang, d),
            j["invocable_from"] if j and j["status"] == "completed" and not j["invocation_barred"] else "",
            _over_cell(d, lang), L(lang, f"{len(d['flags'])}件", f"{len(d['flags'])}") if d["flags"] else "",
        ])
    foot = ["", L(lang, "合計", "Total"), yen(t["principal_yen"], lang), yen(t["interest_yen"] + t["damages_yen"], lang),
            yen(t["total_owed_yen"], lang), "", "", "", yen(t["overpayment_yen"] + t["overpayment_interest_yen"], lang), ""]
    list_blocks: list[Any] = [Table("", cols, rows, frozenset({0, 2, 3, 4, 8}), foot, nowrap=frozenset({5, 6, 7, 9}),
                                    wide=frozenset({1}))]
    list_blocks.append(Items(L(lang, "表の見方", "Reading the table"), [L(
        lang,
        "利息・損害金は基準日までの未払利息と遅延損害金。過払いは過払金と過払利息の合計。援用可能日は時効が完成し援用できる最初の日。"
        "要確認の内容は各債権者の明細に記載。",
        "Interest + damages are to the reference date. Overpayment is the overpaid amount plus its interest. "
        "The checks are listed in each creditor's detail.")], "note"))
    if payload["warnings"]:
        list_blocks.append(Items(L(lang, "警告", "Warnings"), [text(w, lang) for w in payload["warnings"]], "warning"))
    sections = [Section(L(lang, "債権者一覧表", "Creditors"), list_blocks)]

    totals_pairs = [
        (L(lang, "債権者数", "Creditors"), f"{t['creditors']}"),
        (L(lang, "残債務の合計 (基準日時点)", "Total owed"), yen(t["total_owed_yen"], lang)),
        (L(lang, "うち時効完成・援用可能", "of which time-barred (may be invoked)"), yen(t["time_barred_yen"], lang)),
        (L(lang, "時効完成分を除く残債務", "Owed, time-barred debts excluded"), yen(t["not_time_barred_yen"], lang)),
        (L(lang, "過払金", "Overpayments"), yen(t["overpayment_yen"], lang)),
        (L(lang, "過払利息", "Interest on overpayments"), yen(t["overpayment_interest_yen"], lang)),
        (L(lang, "請求できる過払い (時効未完成分)", "Overpayment claims not prescribed"), yen(t["overpayment_claim_yen"], lang)),
    ]
    sections.append(Section(L(lang, "合計", "Totals"), [KV(totals_pairs)]))

    dl_rows = []
    for x in payload["deadlines"]:
        dl_rows.append([day(x["date"], lang), f"{x['days_remaining']:,}", f"{x['debt']}. {x['creditor']}", text(x["message"], lang)])
    dl_blocks: list[Any] = []
    if dl_rows:
        dl_blocks.append(Table("", [L(lang, "期日", "Date"), L(lang, "残り日数", "Days left"), L(lang, "債権者", "Creditor"),
                                     L(lang, "内容", "What")], dl_rows, frozenset({1}), nowrap=frozenset({0}), wide=frozenset({2})))
    else:
        dl_blocks.append(Para(L(lang, "基準日以後に到来する期限はない。", "No deadline falls on or after the reference date.")))
    sections.append(Section(L(lang, "期限 (近い順)", "Deadlines (soonest first)"), dl_blocks))

    opt_blocks: list[Any] = []
    ni = payload["options"]["nin_i"]
    opt_blocks.append(SubHeading(L(lang, "任意整理 (36回・60回の分割)", "Voluntary restructuring (36 and 60 installments)")))
    ni_rows = [[f"{r['debt']}. {r['creditor']}", yen(r["balance_yen"], lang),
                yen(r["schedules"]["36"]["regular_yen"], lang), yen(r["schedules"]["36"]["last_yen"], lang),
                yen(r["schedules"]["60"]["regular_yen"], lang), yen(r["schedules"]["60"]["last_yen"], lang)] for r in ni["creditors"]]
    if ni_rows:
        opt_blocks.append(Table("", [L(lang, "債権者", "Creditor"), L(lang, "対象額", "Amount"), L(lang, "36回 月額", "36: monthly"),
                                     L(lang, "36回 最終回", "36: last"), L(lang, "60回 月額", "60: monthly"), L(lang, "60回 最終回", "60: last")],
                                ni_rows, frozenset({1, 2, 3, 4, 5}),
                                [L(lang, "月額の合計", "Monthly total"), yen(ni["balance_yen"], lang), yen(ni["monthly_total_yen"]["36"], lang), "",
                                 yen(ni["monthly_total_yen"]["60"], lang), ""]))
    else:
        opt_blocks.append(Para(L(lang, "対象となる債務はない。", "No debt to include.")))
    opt_blocks += _items_blocks(ni, lang)
    ss = payload["options"]["saisei"]
    opt_blocks.append(SubHeading(L(lang, "個人再生 (最低弁済額)", "Individual rehabilitation (minimum repayment)")))
    s_pairs = [(L(lang, "基準債権 (対象債務の合計)", "Base claims"), yen(ss["debt_yen"], lang))]
    if ss["available"]:
        from saiken_cli.commands.saisei import TEST_LABELS

        s_pairs += [(L(lang, "最低弁済額", "Minimum repayment"), yen(ss["minimum_repayment_yen"], lang)),
                    (L(lang, "算式", "Formula"), ss["result"]["minimum_formula"]),
                    (L(lang, "計画弁済総額 (下限)", "Plan total (at least)"), yen(ss["plan_total_yen"], lang)
                     + f" ({L(lang, *TEST_LABELS[ss['result']['binding_test']])})"),
                    (L(lang, "36回 (3年) 月額", "Monthly over 36"), yen(ss["monthly_36_yen"], lang)),
                    (L(lang, "60回 (5年) 月額", "Monthly over 60"), yen(ss["monthly_60_yen"], lang))]
    opt_blocks.append(KV(s_pairs))
    res = ss["result"] or {}
    opt_blocks += _items_blocks({"assumptions": ss["assumptions"] + res.get("assumptions", []),
                                 "notes": ss["notes"] + res.get("notes", []), "warnings": res.get("warnings", [])}, lang)
    g = payload["garnishment"]
    opt_blocks.append(SubHeading(L(lang, "給与差押えを受けた場合", "If wages are garnished")))
    if g is None:
        opt_blocks.append(Para(L(lang, "収入 ([income]) の記載がないため計算していない。", "No income given: not computed.")))
    else:
        r = g["result"]
        opt_blocks.append(KV([
            (L(lang, "差押可能額 (1回の支払)", "Garnishable per payment"), yen(g["garnishable_yen"], lang)),
            (L(lang, "手元に残る額", "The debtor keeps"), yen(g["protected_yen"], lang)),
            (L(lang, "手取り額", "Net pay"), yen(g["net_yen"], lang)),
            (L(lang, "支払期", "Pay period"), text(r["period_detail"]["label"], lang)),
        ]))
        opt_blocks += _items_blocks({"warnings": r.get("warnings", []), "assumptions": r.get("assumptions", []),
                                     "notes": g["notes"] + r.get("notes", [])}, lang)
    sections.append(Section(L(lang, "選択肢の目安", "Options"), opt_blocks, page_break=True))

    detail: list[Any] = []
    for d in debts:
        s = _debt_detail(d, lang)
        detail.append(SubHeading(s.heading, 3, page_break=d["index"] > 1))
        detail.extend(s.blocks)
    sections.append(Section(L(lang, "債権者ごとの明細", "Each creditor in detail"), detail, page_break=True))
    return Doc(title, header_pairs(meta, case, lang), sections, lang)
