"""The office's spreadsheets for `saiken batch`: .xlsx in and out, and cells made safe for Excel.

- :func:`xlsx_rows` reads the first sheet (or one named) of a workbook in openpyxl's
  read-only streaming mode (memory stays flat whatever the number of rows) and gives each
  row as text cells, as a person would have typed them: a number Excel typed is written
  in digits (``500000``, ``0.146``), a percent-formatted cell as a percent (``14.6%``), a
  date cell as ISO (``2020-03-04``).
- :class:`XlsxOut` writes rows to a workbook (openpyxl write-only mode); an input cell
  Excel typed goes back as it was (:class:`Typed`: the number or date and its format).
- :func:`neutralise` guards a cell against formula injection in CSV and xlsx output.

openpyxl is imported here only, and only when a workbook is read or written: never on the
``saiken CALC … --json`` start-up path.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Iterator, NamedTuple

#: What a spreadsheet program would take for a formula or a command at the start of a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

XLSX_MAX_ROWS = 1_048_576  # rows of one Excel sheet (header included)


class SheetError(Exception):
    """The workbook itself cannot be read (the batch runner reports it as a file error)."""


def neutralise(text: str) -> str:
    """``'`` before a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR).

    Spreadsheet programs run such a cell (``=HYPERLINK(…)``, ``@SUM(…)``) when the file is
    opened (OWASP: CSV injection). Numbers saiken computed itself are not passed here."""
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def _decimal_text(value: float) -> str:
    """A float cell as the number Excel shows: 15 significant digits, no exponent."""
    d = Decimal(format(value, ".15g"))
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def cell_text(value: Any, number_format: str | None = None) -> str:
    """One cell, typed by Excel, as the text saiken reads (the text a person would type)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if number_format and "%" in number_format:
            d = Decimal(_decimal_text(value)) * 100
            text = format(d.normalize(), "f")
            return text + "%"
        if isinstance(value, int):
            return str(value)
        return _decimal_text(value)
    if isinstance(value, time):
        return value.isoformat()
    return str(value)  # pragma: no cover - openpyxl gives only the types above


def _load(source, sheet: str | None):
    import zipfile

    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise SheetError("reading .xlsx needs openpyxl (pip install openpyxl)") from None
    try:
        wb = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SheetError(f"not an .xlsx workbook ({type(exc).__name__}: {str(exc)[:80]})") from None
    except Exception as exc:  # noqa: BLE001 - a broken workbook is the file's fault, not a crash
        raise SheetError(f"the workbook cannot be read ({type(exc).__name__})") from None
    if sheet is None:
        if not wb.sheetnames:
            raise SheetError("the workbook has no sheet")
        return wb, wb[wb.sheetnames[0]]
    if sheet not in wb.sheetnames:
        import difflib

        close = difflib.get_close_matches(sheet, wb.sheetnames, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise SheetError(f"--sheet: {sheet!r} is not a sheet of the workbook{hint}; its sheets: {', '.join(wb.sheetnames)}")
    return wb, wb[sheet]


class Typed(NamedTuple):
    """A cell Excel typed (a number or a date) and its number format, to write back as it was."""

    value: Any
    number_format: str


class SheetRow(list):
    """A row's cells as text, and ``typed``: column index → :class:`Typed` for the cells
    Excel typed (so that an xlsx output shows the input's numbers and dates as it did)."""

    typed: dict[int, Typed]

    def with_cells(self, cells: list[str]) -> "SheetRow":
        row = SheetRow(cells)
        row.typed = {i: t for i, t in self.typed.items() if i < len(cells)}
        return row


def xlsx_rows(source, sheet: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """(Excel row number, cells as text) for every row of the sheet, blank ones included.

    ``source`` is a path or a seekable binary file. Trailing empty cells are dropped (Excel
    keeps formatted empty cells), so rows may be shorter than the header. Each row is a
    :class:`SheetRow`."""
    wb, ws = _load(source, sheet)
    try:
        ws.reset_dimensions()  # trust the rows, not the sheet's own (often stale) size record
        row_no = 0
        for row in ws.iter_rows():
            number = next((c.row for c in row if isinstance(getattr(c, "row", None), int)), None)
            row_no = number if number is not None else row_no + 1
            texts = SheetRow(cell_text(c.value, getattr(c, "number_format", None)) for c in row)
            while texts and texts[-1] == "":
                texts.pop()
            texts.typed = {
                i: Typed(c.value, getattr(c, "number_format", None) or "General")
                for i, c in enumerate(row[: len(texts)])
                if isinstance(c.value, (int, float, date)) and not isinstance(c.value, bool)
            }
            yield row_no, texts
    finally:
        wb.close()


def _escape(m) -> str:
    return m.group(0).encode("unicode_escape").decode("ascii")


class _Illegal:
    """openpyxl's pattern of the control characters a workbook cannot hold (loaded lazily)."""

    def sub(self, repl, text: str) -> str:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub(repl, text)


_ILLEGAL = _Illegal()


class XlsxOut:
    """Rows into one sheet of a new workbook (write-only mode; the file is written at close).

    Text cells are neutralised (see :func:`neutralise`) and stored as text, never as a
    formula; ``int`` cells (the yen and day counts saiken computed) are numbers."""

    def __init__(self, binary, sheet_title: str = "saiken"):
        import openpyxl

        self.binary = binary
        self.wb = openpyxl.Workbook(write_only=True)
        self.ws = self.wb.create_sheet(sheet_title)
        self.rows = 0

    def append(self, cells: list[Any]) -> None:
        from openpyxl.cell import WriteOnlyCell

        row = []
        for value in cells:
            if type(value) is int:
                row.append(value)
            elif type(value) is Typed:  # an input cell Excel typed: as it was, with its format
                cell = WriteOnlyCell(self.ws, value=value.value)
                cell.number_format = value.number_format
                row.append(cell)
            else:
                cell = WriteOnlyCell(self.ws)
                # set directly: openpyxl would take text that starts with "=" for a formula
                cell._value = _ILLEGAL.sub(_escape, str(value))
                cell.data_type = "s"
                row.append(cell)
        self.ws.append(row)
        self.rows += 1

    def close(self) -> None:
        self.wb.save(self.binary)
