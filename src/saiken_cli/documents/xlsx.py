"""Excel writer (openpyxl): one sheet per statement, numbers as numbers, dates as dates.

Yen are integers with the format ``#,##0``; dates are Excel dates shown ``yyyy/mm/dd``;
rates are numbers of percent (18 = 18%) from Decimal (never float: openpyxl writes a
Decimal's own digits). Text stays text. openpyxl is imported only when a workbook is asked
for (never on the --json path).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any, Sequence

from saiken_cli.documents.statements import Statement

_FORMATS = {"yen": "#,##0", "int": "#,##0", "date": "yyyy/mm/dd", "percent": "0.###", "decimal": "0.######"}


def _put(ws, row: int, col: int, value: Any):
    """One cell: numbers and dates as themselves; text always as text (never a formula, even
    when it starts with 「=」: a name or a file name from the office's data), control
    characters a workbook cannot hold escaped (the same rule as saiken batch's xlsx)."""
    from saiken_cli.sheets import _ILLEGAL, _escape

    cell = ws.cell(row, col)
    if isinstance(value, str):
        cell._value = _ILLEGAL.sub(_escape, value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _sheet_name(name: str, used: set[str]) -> str:
    bad = set('[]:*?/\\')
    base = "".join("_" if ch in bad else ch for ch in name)[:31] or "Sheet"
    out, n = base, 2
    while out in used:
        suffix = f" ({n})"
        out, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(out)
    return out


def statements_xlsx(statements: Sequence[Statement], *, made_on: date, front: Statement | None = None) -> bytes:
    """A workbook: ``front`` (e.g. the 債権者一覧表) first when given, then one sheet per statement."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="E6E6E6")
    font = Font(name="ＭＳ 明朝")
    bold = Font(name="ＭＳ 明朝", bold=True)

    for st in ([front] if front else []) + list(statements):
        ws = wb.create_sheet(_sheet_name(st.sheet, used))
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToHeight = 0
        r = 1
        _put(ws, r, 1, st.title).font = Font(name="ＭＳ 明朝", bold=True, size=14)
        r += 1
        _put(ws, r, 1, "作成日").font = font
        c = _put(ws, r, 2, made_on)
        c.number_format = _FORMATS["date"]
        r += 1
        if st.subtitle:
            _put(ws, r, 1, st.subtitle).font = font
            r += 1
        r += 1
        for label, value, kind in st.summary:
            a = _put(ws, r, 1, label)
            a.font, a.fill, a.border = bold, head_fill, border
            b = _put(ws, r, 2, value)
            b.font, b.border = font, border
            if kind in _FORMATS and not isinstance(value, str):
                b.number_format = _FORMATS[kind]
            r += 1
        widths: dict[int, int] = {1: 24, 2: 16}
        for table in st.tables:
            r += 1
            _put(ws, r, 1, table.title).font = bold
            r += 1
            for j, col in enumerate(table.columns, start=1):
                h = _put(ws, r, j, col.title)
                h.font, h.fill, h.border = bold, head_fill, border
                h.alignment = Alignment(horizontal="center", wrap_text=True)
                widths[j] = max(widths.get(j, 8), min(28, 2 * len(col.title) + 4))
            r += 1
            for row in [*table.rows, *([table.totals] if table.totals else [])]:
                for j, (value, col) in enumerate(zip(row, table.columns), start=1):
                    cell = _put(ws, r, j, value)
                    cell.font, cell.border = font, border
                    if isinstance(value, date):
                        cell.number_format = _FORMATS["date"]
                    elif col.kind in _FORMATS and value is not None and not isinstance(value, str):
                        cell.number_format = _FORMATS[col.kind]
                    if isinstance(value, str):
                        widths[j] = max(widths.get(j, 8), min(40, 2 * len(value) + 2))
                r += 1
        for heading, items in (("前提・注記", st.notes), ("確認事項", st.review), ("根拠", st.basis)):
            if items:
                r += 1
                _put(ws, r, 1, heading).font = bold
                r += 1
                for item in items:
                    _put(ws, r, 1, item).font = font
                    r += 1
        for j, w in widths.items():
            ws.column_dimensions[get_column_letter(j)].width = w
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
