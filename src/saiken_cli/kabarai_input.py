"""Reading a lending history for ``saiken kabarai``: CSV or JSON Lines.

CSV: a header row, then one transaction per line::

    date,borrow,repay            (or 日付,借入,返済; also 取引日, 借入額, 返済額, 弁済, 弁済額)
    2001-01-15,500000,
    H13.1.29,,5万

JSON Lines: one object per line with the same names: ``{"date": "2001-01-15", "borrow": 500000}``.

Dates and amounts are read by :mod:`saiken_cli.parsing` (ISO, 2001/1/15, 和暦 H13.1.15,
平成13年1月15日; 500000, 500,000, 50万, 50万円). An empty amount is 0. Lines that are blank or
start with ``#`` are skipped. A ``note`` / ``備考`` / ``memo`` column is allowed and ignored.
Rows stay in file order; dates must not go backwards.

Every error names the file and the line (exit 2). UTF-8 (with or without BOM) is read first,
then Shift_JIS (cp932, Excel's Japanese CSV).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

from saiken_cli import parsing
from saiken_cli.errors import InputError

COLUMNS = {
    "date": "date", "日付": "date", "取引日": "date", "年月日": "date",
    "borrow": "borrow", "借入": "borrow", "借入額": "borrow", "借入金額": "borrow", "貸付": "borrow", "貸付額": "borrow",
    "repay": "repay", "返済": "repay", "返済額": "repay", "弁済": "repay", "弁済額": "repay", "返済金額": "repay",
    "note": "note", "memo": "note", "備考": "note", "メモ": "note",
}
ACCEPTED_COLUMNS = "date,borrow,repay (or 日付,借入,返済; optional note/備考)"
MAX_BYTES = 20 * 1024 * 1024


def _name(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lower()


def read_history(path: str, flag: str | None = None):
    """Read and parse a history file (``-`` is not supported: give a file).

    A path named inside a case or batch file is resolved by saiken_cli.paths (relative to
    that file's folder, and inside it); the file is read in chunks up to MAX_BYTES."""
    from saiken_cli import limits, paths

    path = paths.resolve(path, flag or "FILE")
    p = Path(path)
    flag = f"FILE ({p.name})"
    try:
        if p.is_dir():
            raise InputError(flag, path, "a CSV or JSON Lines file, not a directory")
        with p.open("rb") as fh:
            data = limits.read_bounded(fh, MAX_BYTES, flag, path)  # /dev/zero stops at the limit
    except InputError:
        raise
    except OSError as exc:
        raise InputError(flag, path, f"a readable file ({exc.strerror or type(exc).__name__})") from None
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(flag, path, "a text file in UTF-8 or Shift_JIS (cp932)")
    return parse_history(text, p.name)


def parse_history(text: str, source: str = "input"):
    """Text of a CSV or JSON Lines history → a tuple of Transaction (file order)."""
    if "\x00" in text:
        raise InputError(source, "(binary data)", "a CSV or JSON Lines text file")
    first = next((ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")), "")
    if not first:
        raise InputError(source, "(empty)", "a history with a header row and at least one transaction")
    if first.startswith("{"):
        return _parse_jsonl(text, source)
    return _parse_csv(text, source)


def _parse_csv(text: str, source: str):
    lines = text.splitlines()
    header: dict[int, str] | None = None
    out = []
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            cells = next(csv.reader(io.StringIO(raw)))
        except (csv.Error, StopIteration):
            raise InputError(f"{source} line {lineno}", excerpt(raw), "a CSV row") from None
        if header is None:
            header = _header(cells, f"{source} line {lineno}")
            continue
        if len(cells) > max(header) + 1 and any(c.strip() for c in cells[max(header) + 1 :]):
            raise InputError(f"{source} line {lineno}", f"{len(cells)} cells", f"at most {len(header)} cells ({ACCEPTED_COLUMNS})")
        row = {key: (cells[i] if i < len(cells) else "") for i, key in header.items()}
        out.append(_transaction(row, f"{source} line {lineno}", lineno))
    if header is None:
        raise InputError(source, "(no header)", f"a header row: {ACCEPTED_COLUMNS}")
    if not out:
        raise InputError(source, "(header only)", "at least one transaction row")
    return tuple(out)


def _header(cells: list[str], where: str) -> dict[int, str]:
    """The header row → {cell index: column}. A row that names no column at all is data
    (a file without a header): the message says which columns are missing and does not
    repeat the row (it holds a debtor's data)."""
    keys = [COLUMNS.get(_name(cell)) for cell in cells]
    if not any(keys):
        raise InputError(where, f"a row of {len(cells)} cells that names no column",
                         f"a header row first, naming the columns date, borrow, repay: {ACCEPTED_COLUMNS}")
    header: dict[int, str] = {}
    for i, (cell, key) in enumerate(zip(cells, keys)):
        if key is None:
            if not cell.strip() and i == len(cells) - 1:
                continue  # a trailing comma
            raise InputError(where, excerpt(cell), f"known columns: {ACCEPTED_COLUMNS}")
        if key in header.values():
            raise InputError(where, excerpt(cell), f"each column once: {ACCEPTED_COLUMNS}")
        header[i] = key
    missing = [k for k in ("date", "borrow", "repay") if k not in header.values()]
    if missing:
        raise InputError(where, "the header has no " + ", ".join(missing), f"a header with {', '.join(missing)}: {ACCEPTED_COLUMNS}")
    return header


def excerpt(text: str, limit: int = 24) -> str:
    """At most ``limit`` characters of a file's content for an error message (a whole line
    can hold a debtor's name and phone number, or a line of a file named by a case file)."""
    text = str(text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse_jsonl(text: str, source: str):
    out = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        where = f"{source} line {lineno}"
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not JSON ({exc.msg} at column {exc.colno})",
                             'a JSON object such as {"date": "2001-01-15", "borrow": 500000}') from None
        except RecursionError:
            raise InputError(where, "JSON nested too deeply", 'a JSON object such as {"date": "2001-01-15", "borrow": 500000}') from None
        if not isinstance(obj, dict):
            raise InputError(where, f"a JSON {type(obj).__name__}", 'a JSON object such as {"date": "2001-01-15", "borrow": 500000}')
        row: dict[str, str] = {}
        for key, value in obj.items():
            name = COLUMNS.get(_name(key))
            if name is None:
                raise InputError(where, excerpt(key), f"known keys: {ACCEPTED_COLUMNS}")
            if isinstance(value, bool) or isinstance(value, (dict, list)) or isinstance(value, float):
                raise InputError(where, f"{excerpt(key)}: a JSON {type(value).__name__}", "a string or a whole number of yen")
            row[name] = "" if value is None else str(value)
        if "date" not in row:
            raise InputError(where, "no date key", 'a "date" key')
        out.append(_transaction(row, where, lineno))
    if not out:  # pragma: no cover - parse_history checked there is a line
        raise InputError(source, "(empty)", "at least one transaction")
    return tuple(out)


def _amount(text: str, where: str, column: str) -> int:
    s = unicodedata.normalize("NFKC", text or "").strip()
    if s in ("", "-", "－"):
        return 0
    if s.startswith("-") or s.startswith("−") or s.startswith("▲") or s.startswith("△"):
        raise InputError(f"{where} ({column})", s, "an amount that is not negative (write borrowings and repayments in their own columns)")
    return parsing.parse_yen(s, f"{where} ({column})", allow_zero=True)


_Transaction = None


def _load_transaction():
    global _Transaction
    from saiken_cli.calc.kabarai import Transaction

    _Transaction = Transaction
    return Transaction


def _transaction(row: dict[str, str], where: str, lineno: int):
    Transaction = _Transaction or _load_transaction()  # not a per-row import (20 µs each)
    date_text = (row.get("date") or "").strip()
    if not date_text:
        raise InputError(f"{where} (date)", "", parsing.DATE_ACCEPTED)
    on = parsing.parse_date(date_text, f"{where} (date)")
    return Transaction(on, _amount(row.get("borrow", ""), where, "borrow"), _amount(row.get("repay", ""), where, "repay"), lineno)
