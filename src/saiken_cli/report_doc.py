"""The report as a document: one model, rendered as Markdown or as an HTML page for print.

A :class:`Doc` is a title, a header (事件番号, 債務者, 基準日, 作成日, versions) and sections of
blocks (key–value lists, tables with right-aligned numeric columns, lists of warnings,
assumptions and notes). ``saiken report`` builds one from a matter payload
(:func:`matter_doc`) or from the views of a one-debt case file (:func:`views_doc`), and
writes it with :func:`to_markdown` or :func:`to_html`. Every section's warnings,
assumptions and readings are blocks of that section, next to the figure they qualify.

Every message (the matter's own, calc/matter.py, and the commands') is data
(``{"code", "params"}``) phrased by the one catalogue (:func:`saiken_cli.catalogue.text`).
"""

from __future__ import annotations

import html
from typing import Any, NamedTuple, Sequence

from saiken_cli.calc.matter import STATUS_TERMS
from saiken_cli.catalogue import text
from saiken_cli.render import DISCLAIMER, L, View, day, plain, yen


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
    s = text(STATUS_TERMS[j["status"]], lang)
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
