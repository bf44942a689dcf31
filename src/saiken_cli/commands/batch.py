"""`saiken batch COMMAND FILE` — run one calculator over a CSV or JSON Lines file of cases.

Generic over every calculator: any module in ``commands.COMMANDS`` that exposes
``record(fields)`` and ``SPEC`` (its inputs declared once, commands/spec.py; the record
protocol in commands/common.py) can be run in
batch, under its command name (``NAME`` if the module defines one, else the module name
without a ``_cmd`` suffix).

Contract (docs/commands/batch.md):
- one output record per input record, in input order; columns/keys that are not flags of
  the command are id columns, carried through untouched;
- a bad record gets ``error`` (the message the single command prints after
  ``saiken: error:``) and ``exit_code`` (what the single command would exit with); the run
  goes on;
- exit 0 when every record succeeded, 1 when some records have errors (the output is
  still complete), 2 when the command is unknown or the file itself cannot be read.
- streaming: one record is read, computed and written at a time (flat memory).
"""

from __future__ import annotations

import sys
from typing import Any, Iterator, Optional

from saiken_cli import pool
from saiken_cli.commands.common import NormFields, norm_key
from saiken_cli.commands.spec import Command, Flag, closest_key

HELP = """Run one calculator over a file of cases (CSV, JSON Lines or an Excel .xlsx sheet), one output record per input record.

The input's columns (CSV or sheet header) or keys (JSON Lines) are the command's long flag
names without "--" (principal, rate, days, from, to, due-date, method, payment …) or their
Japanese column names (below); any other column (案件番号, case_id …) is an id column,
carried through (the unknown ones are listed once on stderr). A repeatable flag (payment)
takes several values separated by ";" in a cell, or a JSON list. Blank rows are skipped and
counted. --rate-unit percent reads a bare 18 in a rate column as 18%.

Output: JSON Lines (default), or CSV / xlsx with the input's columns, the result columns,
error and exit_code; a bad record keeps its input cells (JSON Lines: an "input" object).

Exit: 0 every record ok · 1 some records have an error field (output still complete) ·
2 unknown command or unreadable file.

Example:
  saiken batch damages examples/batch/damages.csv
  saiken batch damages 案件一覧.xlsx --rate-unit percent --output 結果.xlsx
  saiken batch damages cases.csv --output out.csv --encoding utf-8-sig
  saiken batch damages cases.csv --jobs 0 > out.jsonl
  cat cases.csv | saiken batch damages - --input-format csv --format csv
"""

#: Keys the runner adds to every output record; an id column may not use them.
RESERVED = ("result", "error", "exit_code")
FORMATS = ("jsonl", "csv", "xlsx")
INPUT_FORMATS = ("csv", "jsonl", "xlsx")
_ENCODING_HINT = "for a Shift_JIS file from Excel pass --encoding cp932"
MAX_XLSX_BYTES = 256 << 20  # a workbook read from standard input is held in memory: at most 256 MB
FLUSH_EVERY_S = 0.2  # flush the output at least this often (and at the end)
PENDING_BYTES = 1 << 18  # JSON Lines are written to the output in blocks of about this size


# --- discovery -------------------------------------------------------------------------


def calculators() -> dict[str, Any]:
    """Every batch-capable command: name → module (modules with ``record`` and ``SPEC``)."""
    import importlib

    from saiken_cli.commands import COMMANDS

    found: dict[str, Any] = {}
    for modname in COMMANDS:
        mod = importlib.import_module(f"saiken_cli.commands.{modname}")
        spec = getattr(mod, "SPEC", None)
        if callable(getattr(mod, "record", None)) and spec is not None:
            found[spec.name] = mod
    return found


def csv_columns(name: str, mod: Any) -> tuple[str, ...]:
    """The result columns of CSV output for a command (stable, known before the first row).

    ``CSV_COLUMNS`` on the command module if it declares them; otherwise the scalar
    top-level fields of its published schema (schemas/<name>.py), in schema order.
    """
    declared = getattr(mod, "CSV_COLUMNS", None)
    if declared:
        return tuple(declared)
    from saiken_cli.commands.schema_cmd import load_output_model, scalar_fields

    model = load_output_model(name)
    if model is None:
        return ()
    columns = [k for k in scalar_fields(model) if k not in ("schema_version", "command")]
    if "warnings" in model.model_fields:
        columns.append("warnings")  # every warning of the record, joined with " | "
    return tuple(columns)


# --- reading ---------------------------------------------------------------------------


class FileError(Exception):
    """The file itself cannot be read (exit 2)."""


def _open_input(path: str):
    """The binary stream of FILE (``-``: standard input), decoded a line at a time by the
    runner (limits.text_lines). A stdin without a binary buffer (a test's fake) is text."""
    if path == "-":
        return getattr(sys.stdin, "buffer", None) or sys.stdin
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller
    except FileNotFoundError:
        raise FileError(f"FILE: {path!r} does not exist") from None
    except IsADirectoryError:
        raise FileError(f"FILE: {path!r} is a directory, not a file") from None
    except OSError as exc:
        raise FileError(f"FILE: {path!r} cannot be read ({exc.strerror or type(exc).__name__})") from None


def _detect_input_format(path: str, given: Optional[str], first_line: str) -> str:
    if given:
        return given
    lower = path.lower()
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lower.endswith((".csv", ".txt")):
        return "csv"
    return "jsonl" if first_line.lstrip("\ufeff \t").startswith("{") else "csv"


def _is_xlsx(path: str, given: Optional[str]) -> bool:
    return given == "xlsx" or (given is None and path.lower().endswith((".xlsx", ".xlsm")))


_norm_flag = norm_key

#: Column names of a case's id, and of other columns every office has: carried through
#: like any id column, and not listed on stderr as unknown.
CASE_ID_NAMES = ("案件番号", "事件番号", "case_id", "id")
ID_NAMES = frozenset({*CASE_ID_NAMES, "case-id", "債務者", "債務者名", "debtor", "備考", "note"})


def flags_of(mod: Any) -> tuple[str, ...]:
    """The command's input names (from its declaration, ``SPEC``)."""
    return mod.SPEC.names


def aliases_of(mod: Any) -> dict[str, str]:
    """The command's other column names (the ``aliases`` of each input in its ``SPEC``): name → flag."""
    return {alias: f.name for f in mod.SPEC.inputs for alias in f.aliases}


def rate_flags(flags) -> frozenset[str]:
    """The flags of a command that hold a yearly rate (``--rate-unit percent`` applies to them)."""
    return frozenset(f for f in flags if f == "rate" or f.endswith("-rate"))


class Header:
    """How the columns of the input map to flags and ids."""

    def __init__(self, flags: tuple[str, ...], aliases: dict[str, str] | None = None):
        import unicodedata

        self.flags = frozenset(flags)
        self.aliases = {unicodedata.normalize("NFKC", k).strip(): v for k, v in (aliases or {}).items()}

    def flag_of(self, key: str) -> str | None:
        """The flag a column (or JSON key) names, by its flag name or a Japanese alias."""
        norm = _norm_flag(key)
        if norm in self.flags:
            return norm
        if key.isascii():
            return None
        import unicodedata

        return self.aliases.get(unicodedata.normalize("NFKC", key).strip())

    def split(self, keys: list[str]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """(flag columns (index, normalised flag), id columns (index, name as given))."""
        flag_cols, id_cols = [], []
        seen: dict[str, str] = {}
        for i, key in enumerate(keys):
            norm = self.flag_of(key)
            if norm is not None:
                if norm in seen:
                    raise ValueError(f"columns {seen[norm]!r} and {key!r} are both the flag --{norm}")
                seen[norm] = key
                flag_cols.append((i, norm))
            else:
                id_cols.append((i, key))
        return flag_cols, id_cols

    def unknown(self, names: list[str], warn) -> None:
        """One warning listing the id columns that are not known ids (typos show up here)."""
        listed = []
        for name in names:
            if name in ID_NAMES or not name:
                continue
            close = closest_key(name, [*sorted(self.flags), *self.aliases])
            listed.append(f"{name!r} (did you mean {close!r}?)" if close else repr(name))
        if listed:
            warn("not flags of this command, carried through as ids: " + ", ".join(listed))


# (ids, flag fields or None, error or None, the record's input cells: a list in column
# order (CSV, xlsx) or the JSON object's flag keys)
Record = tuple[dict[str, Any], "dict[str, Any] | None", "str | None", Any]


class Counts:
    """What the readers skipped (blank rows), for the summary line."""

    def __init__(self) -> None:
        self.blank = 0


class Table:
    """What a reader found: every column name (CSV/xlsx: in input order; JSON Lines: none
    known before the records), the id names, and the records — or, for rows of cells, the
    rows and the ``mapper`` that makes each a record."""

    def __init__(self, columns: list[str], id_names: list[str], records: Iterator[Any], mapper: "RowMapper | None" = None):
        self.columns = columns
        self.id_names = id_names
        self.rows = records if mapper is not None else None
        self.mapper = mapper
        self.records = map(mapper.build, records) if mapper is not None else records
        self.line_chunks = None  # CSV: size → LineChunks of the records' lines (read_csv)


def _header_of(columns: list[str], header: Header, warn, what: str):
    if columns and columns[0].startswith("\ufeff"):
        columns[0] = columns[0][1:]
    columns = [c.strip() for c in columns]
    if not any(columns):
        raise FileError(f"FILE: the {what} header line is empty (it needs the flag names as column names)")
    if len(set(columns)) != len(columns):
        dup = next(c for c in columns if columns.count(c) > 1)
        raise FileError(f"FILE: the {what} header names the column {dup!r} twice")
    try:
        flag_cols, id_cols = header.split(columns)
    except ValueError as exc:
        raise FileError(f"FILE: {exc}") from None
    if not flag_cols:
        # not the header's cells: a file without a header has a debtor's data on its first line
        raise FileError(
            f"FILE: no column of the {what} header ({len(columns)} columns) names a flag of this command; "
            f"it needs a header line naming the flags: {', '.join(sorted(header.flags))}"
        )
    for _, name in id_cols:
        if name in RESERVED:
            raise FileError(f"FILE: the column {name!r} is reserved for the output; rename it")
    header.unknown([name for _, name in id_cols], warn)
    return columns, flag_cols, id_cols


class RowMapper:
    """One row of cells → a Record (ids, flag fields, error, input cells). Picklable: with
    --jobs the runner hands out the rows and each worker builds the records (less for the
    runner to do and to send)."""

    def __init__(self, columns, flag_cols, id_cols, *, pad: bool, where: str):
        self.args = (len(columns), [flag for _, flag in flag_cols], tuple(i for i, _ in flag_cols), list(id_cols), pad, where)
        self.build = _row_builder(*self.args)

    def __getstate__(self):
        return self.args

    def __setstate__(self, args):
        self.args = args
        self.build = _row_builder(*args)

    def __call__(self, item) -> Record:
        return self.build(item)


def _row_builder(ncols: int, flag_names: list[str], flag_idx: tuple[int, ...], id_cols, pad: bool, where: str):
    """The function behind RowMapper (its names bound once: it runs for every row)."""
    import operator

    # a tuple of the flag cells, whatever their number (itemgetter of one index returns the cell)
    _pick = operator.itemgetter(*flag_idx)
    pick_flags = _pick if len(flag_idx) > 1 else (lambda row: (_pick(row),))

    def build(item) -> Record:
        line, row = item
        if type(row) is str:  # the row could not be read
            return {}, None, f"{where} {line}: {row}", []
        if pad and len(row) < ncols:
            row = row.with_cells(row + [""] * (ncols - len(row)))
        ids = {name: (row[i] if i < len(row) else "") for i, name in id_cols}
        if len(row) != ncols:
            if pad and not any(cell.strip() for cell in row[ncols:]):
                row = row.with_cells(row[:ncols])
            else:
                return ids, None, f"{where} {line}: the row has {len(row)} fields; the header has {ncols}", row
        return ids, NormFields(zip(flag_names, pick_flags(row))), None, row

    return build


def _non_blank(rows: Iterator[tuple[int, list[str] | str]], counts: Counts):
    """The rows that are records: a blank row (or one of empty cells) is skipped and counted."""
    for item in rows:
        row = item[1]
        if type(row) is not str and (not row or (not row[0].strip() and not "".join(row).strip())):
            counts.blank += 1
            continue
        yield item


def _csv_rows(reader, ncols: int, offset: int = 0) -> Iterator[tuple[int, list[str] | str]]:
    """(first line, cells) for each CSV record, and (line, problem) for one that cannot be read
    (``offset``: the lines of the file before those the reader reads).

    A quote that is opened and not closed makes the csv module read the lines after it as
    one cell, to the next quote or to the end of the file; such a record is reported at the
    line where the quote opened, not read as data."""
    import csv

    last = offset + reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a 128 KiB field: this record only
            yield last + 1, f"the CSV row cannot be read ({exc})"
            last = offset + reader.line_num
            continue
        first, last = last + 1, offset + reader.line_num
        if last > first and _swallowed(row, ncols):
            yield first, (
                f"a quote (\") opened on line {first} is not closed where the cell ends: lines {first}–{last} "
                "were read as one record; close the quote or remove it"
            )
            continue
        yield first, row


def _swallowed(row: list[str], ncols: int) -> bool:
    """Whether a record that spans lines holds lines of other records (an unclosed quote)."""
    for i, cell in enumerate(row):
        if "\n" not in cell and "\r" not in cell:
            continue
        if len(row) != ncols:
            return True  # a short or long row whose cell ran over a line end
        if any(part.count(",") >= ncols - 1 for part in cell.splitlines()[1:]):
            return True  # a line inside the cell looks like a whole row
    return False


class LineChunk:
    """Lines of a CSV file that hold whole records, after the file's first ``start`` lines:
    what the runner hands a worker with ``--jobs N``. The worker reads the cells (the csv
    module, as ``--jobs 1`` does, line numbers and all); the runner only finds where records
    end, and a string per line pickles and unpickles in a fraction of the time of a list of
    cells per row (60,000 damages rows: 130 ms of unpickling in the workers → 9 ms).
    Iterating it reads its rows (blank ones skipped and counted in ``counts``)."""

    __slots__ = ("start", "lines", "ncols", "counts")

    def __init__(self, start: int, lines: list[str], ncols: int, counts: Counts | None = None):
        self.start, self.lines, self.ncols, self.counts = start, lines, ncols, counts or Counts()

    def __len__(self) -> int:
        return len(self.lines)

    def __reduce__(self):
        return (LineChunk, (self.start, self.lines, self.ncols))

    def __iter__(self):
        import csv

        return _non_blank(_csv_rows(csv.reader(self.lines), self.ncols, self.start), self.counts)


def _line_chunks(lines: Iterator[str], start: int, ncols: int, counts: Counts, size: int) -> Iterator[LineChunk]:
    """The lines after the header (``start`` lines) in chunks of whole records of about
    ``size`` lines. A line without a quote (") that begins a record is the whole record (the
    csv module reads it so, or refuses that line alone); a record whose first line has a
    quote is read here by the csv module, and the lines it took go into the chunk with it
    (a quoted line break, or an unclosed quote to the end of the file: the same lines as
    ``--jobs 1`` reads as that record)."""
    import csv

    taken: list[str] = []
    first: list[str] = []

    def tap():
        while True:
            line = first.pop() if first else next(lines, None)
            if line is None:
                return
            taken.append(line)
            yield line

    reader = csv.reader(tap())
    chunk: list[str] = []
    for line in lines:
        if '"' in line:
            first.append(line)
            taken.clear()
            try:
                next(reader)
            except (csv.Error, StopIteration):  # the worker reads the same lines, and says so
                pass
            chunk.extend(taken)
        else:
            chunk.append(line)
        if len(chunk) >= size:
            yield LineChunk(start, chunk, ncols, counts)
            start += len(chunk)
            chunk = []
    if chunk:
        yield LineChunk(start, chunk, ncols, counts)


def read_csv(stream, header: Header, warn, counts: Counts | None = None) -> Table:
    import csv

    stream = iter(stream)  # one iterator of lines: the reader's, then line_chunks'
    reader = csv.reader(stream)
    try:
        columns = next(reader)
    except StopIteration:
        raise FileError("FILE: the CSV file is empty (it needs a header line naming the flags)") from None
    except csv.Error as exc:
        raise FileError(f"FILE: the CSV header cannot be read ({exc})") from None
    columns, flag_cols, id_cols = _header_of(columns, header, warn, "CSV")
    rows = _csv_rows(reader, len(columns))
    mapper = RowMapper(columns, flag_cols, id_cols, pad=False, where="line")
    counts = counts or Counts()
    table = Table(columns, [name for _, name in id_cols], _non_blank(rows, counts), mapper)
    # or, for worker processes, the lines themselves (the reader has taken the header's only)
    table.line_chunks = lambda size: _line_chunks(iter(stream), reader.line_num, len(columns), counts, size)
    return table


def read_xlsx(source, sheet: Optional[str], header: Header, warn, counts: Counts | None = None) -> Table:
    """The first sheet (or ``sheet``) of a workbook: its first non-blank row is the header."""
    from saiken_cli import sheets

    try:
        rows = sheets.xlsx_rows(source, sheet)
        for _, first in rows:
            if any(cell.strip() for cell in first):
                break
        else:
            raise FileError("FILE: the sheet is empty (it needs a header row naming the flags)")
    except sheets.SheetError as exc:
        message = str(exc)
        raise FileError(message if message.startswith("--sheet") else f"FILE: {message}") from None
    from openpyxl.utils import get_column_letter

    # a header cell left empty names its column by its letter, as Excel shows it: "(H)"
    named = [c if c.strip() else f"({get_column_letter(i + 1)})" for i, c in enumerate(first)]
    columns, flag_cols, id_cols = _header_of(named, header, warn, "sheet")
    mapper = RowMapper(columns, flag_cols, id_cols, pad=True, where="row")
    return Table(columns, [name for _, name in id_cols], _non_blank(_sheet_errors(rows), counts or Counts()), mapper)


def _sheet_errors(rows):
    from saiken_cli import sheets

    try:
        yield from rows
    except sheets.SheetError as exc:  # pragma: no cover - a workbook broken half-way
        raise FileError(f"FILE: {exc}") from None


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _has_lone_surrogate(obj: Any) -> bool:
    """Whether a parsed JSON value holds a lone surrogate (\\ud800 …), which no UTF-8 output can carry."""
    if isinstance(obj, str):
        try:
            obj.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(obj, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in obj.items())
    if isinstance(obj, list):
        return any(_has_lone_surrogate(v) for v in obj)
    return False


def read_jsonl(stream, header: Header, warn, counts: Counts | None = None) -> Table:
    import json

    counts = counts or Counts()
    warned: set[str] = set()
    unknown: list[str] = []

    def records() -> Iterator[Record]:
        for line_no, line in enumerate(stream, start=1):
            if not line.strip():
                counts.blank += 1
                continue
            if line_no == 1 and line.startswith("\ufeff"):
                line = line[1:]
            try:
                obj = json.loads(line, parse_constant=_no_constant)
            except json.JSONDecodeError as exc:
                yield {}, None, f"line {line_no}: not valid JSON ({exc.msg} at column {exc.colno})", {}
                continue
            except ValueError as exc:  # NaN / Infinity, which JSON does not have
                yield {}, None, f"line {line_no}: not valid JSON ({exc})", {}
                continue
            except RecursionError:  # [[[[…]]]] thousands deep: this record's error, not the run's
                yield {}, None, f"line {line_no}: the JSON is nested too deeply to be a record", {}
                continue
            if "\\u" in line and _has_lone_surrogate(obj):
                yield {}, None, f"line {line_no}: a \\u escape names half a character (a lone surrogate)", {}
                continue
            if not isinstance(obj, dict):
                yield {}, None, f"line {line_no}: a JSON Lines record is an object {{\"flag\": value, …}}, not {type(obj).__name__}", {}
                continue
            ids: dict[str, Any] = {}
            inputs: dict[str, Any] = {}
            fields = NormFields()
            error = None
            fresh = []
            for key, value in obj.items():
                norm = header.flag_of(str(key))
                if norm is not None:
                    if norm in fields:
                        error = f"line {line_no}: the keys name the flag --{norm} twice"
                    if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value)):
                        error = error or f"line {line_no}: --{norm}: a value is a string, number, true/false or a list of those"
                    fields[norm] = "" if value is None else value
                    inputs[key] = value
                elif key in RESERVED:
                    error = error or f"line {line_no}: the key {key!r} is reserved for the output; rename it"
                else:
                    ids[key] = value
                    if key not in warned:
                        warned.add(key)
                        fresh.append(key)
            if fresh:
                header.unknown(fresh, warn)
            yield ids, (None if error else fields), error, inputs

    return Table([], [], records())


# --- writing ---------------------------------------------------------------------------
# A writer turns each record into an item (``ok``/``error`` → (is_error, item)), the same
# in a worker process as in the runner (--jobs), and ``put``s items into the output in
# order. JSON Lines and CSV items are bytes; xlsx items are rows of cells.


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " | ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        if "code" in value and "text" in value:  # a message item: its text
            return value["text"]
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


class _Bytes:
    """Items of bytes gathered into blocks of PENDING_BYTES, written to the binary stream
    (or, for a text-only stream, decoded and written as text)."""

    def __init__(self, out, text_encoding: str = "utf-8"):
        self.out = out
        # write bytes straight to the binary stream when there is one (no text re-encoding),
        # gathered into blocks of PENDING_BYTES: one write of a block costs less than many
        # small ones through an 8 KiB buffer (≈1.9 → 0.4 µs a row measured; issue 5 speed)
        self.binary = getattr(out, "buffer", None) if out is not None else None
        self.text_encoding = text_encoding
        self.pending = bytearray()

    def put(self, data: bytes) -> None:
        if self.binary is None:
            self.out.write(str(data, self.text_encoding))  # bytes, or a Block's memoryview (--jobs N)
            return
        if len(data) >= PENDING_BYTES:  # a worker's Block (--jobs N): written as it is, not copied
            self.write_pending()
            self.binary.write(data)
            return
        self.pending += data
        if len(self.pending) >= PENDING_BYTES:
            self.write_pending()

    def write_pending(self) -> None:
        if self.pending:
            self.binary.write(self.pending)
            self.pending.clear()

    def flush(self) -> None:
        self.write_pending()
        self.out.flush()

    def close(self) -> None:
        self.write_pending()


class JsonlWriter(_Bytes):
    """One JSON object per line: the id fields, then ``result`` (the payload), or ``input``
    (the record's flag cells as given), ``error`` and ``exit_code``.

    The bytes are those of ``json.dumps(record, ensure_ascii=False, separators=(",", ":"))``
    in UTF-8. They are produced by orjson when it is installed (the same bytes, about 15×
    faster: JSON encoding was a third of a batch row's time) and by json otherwise, or for
    a record orjson cannot encode (an integer beyond 64 bits).
    """

    def __init__(self, out, *, use_orjson: bool = True, input_names: list[str] | None = None):
        import json

        super().__init__(out)
        self.input_names = input_names  # the column name of each input cell (CSV, xlsx)
        self.text_dumps = json.JSONEncoder(
            ensure_ascii=False, separators=(",", ":"), check_circular=False, allow_nan=False
        ).encode
        self.orjson = None
        if use_orjson:
            try:
                import orjson
            except ImportError:  # pragma: no cover - orjson is a dependency; json is the fallback
                orjson = None
            self.orjson = orjson

    def header(self) -> None:
        pass

    def _bytes(self, rec: dict[str, Any]) -> bytes:
        if self.orjson is not None:
            try:
                return self.orjson.dumps(rec, option=self.orjson.OPT_APPEND_NEWLINE)
            except TypeError:  # orjson.JSONEncodeError: e.g. an int beyond 64 bits
                pass
        return (self.text_dumps(rec) + "\n").encode("utf-8")

    def encode_ok(self, ids: dict[str, Any], payload: dict[str, Any], inputs: Any = None) -> tuple[bool, bytes]:
        rec = dict(ids)
        rec["result"] = payload
        return False, self._bytes(rec)

    def encode_error(self, ids: dict[str, Any], message: str, exit_code: int, inputs: Any = None) -> tuple[bool, bytes]:
        rec = dict(ids)
        given = self._inputs(ids, inputs)
        if given:
            rec["input"] = given
        rec["error"] = message
        rec["exit_code"] = exit_code
        return True, self._bytes(rec)

    def _inputs(self, ids: dict[str, Any], inputs: Any) -> dict[str, Any]:
        if isinstance(inputs, dict):
            return inputs
        if not inputs or self.input_names is None:
            return {}
        names = self.input_names
        return {names[i]: cell for i, cell in enumerate(inputs) if i < len(names) and names[i] not in ids}

    def ok(self, ids: dict[str, Any], payload: dict[str, Any]) -> None:
        self.put(self.encode_ok(ids, payload)[1])

    def error(self, ids: dict[str, Any], message: str, exit_code: int, inputs: Any = None) -> None:
        self.put(self.encode_error(ids, message, exit_code, inputs)[1])


#: Output encodings of CSV: the codec of the rows and whether a BOM starts the file.
CSV_ENCODINGS = {"utf-8": ("utf-8", False), "utf-8-sig": ("utf-8", True), "cp932": ("cp932", False)}
#: Characters of saiken's own text (results, messages) that Shift_JIS (cp932) has not, and
#: the cp932 character written for each. Input cells are never changed: one that cp932
#: cannot hold makes its record an error naming the character.
CP932_SUBSTITUTES = str.maketrans({
    "—": "―", "–": "－", "≤": "≦", "≥": "≧", "¥": "￥", "½": "1/2", "·": "・", "•": "・", "≈": "≒",
    "µ": "μ", "◀": "←", "〜": "～",
})


def _csv_field(text: str) -> str:
    """One CSV field: quoted when it holds a comma, a quote, LF or CR (a lone CR too: the
    csv module leaves that unquoted when lines end in LF, and Excel then splits the row)."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


_NUMBER_TEXT = None  # compiled on first use: a decimal number saiken wrote as text ("-0.5")


def _result_text(text: str) -> str:
    """A result cell: saiken's own numbers as they are (``-5``, ``-0.146``), other text neutralised."""
    global _NUMBER_TEXT
    from saiken_cli.sheets import neutralise

    if text[:1] != "-":
        return neutralise(text)
    if _NUMBER_TEXT is None:
        import re

        _NUMBER_TEXT = re.compile(r"^-[0-9]+(?:\.[0-9]+)?$")
    return text if _NUMBER_TEXT.match(text) else neutralise(text)


def _input_headings(columns: list[str], result_columns: tuple[str, ...]) -> list[str]:
    """The input columns' names in the output; one named like a result column gets "(input)"."""
    taken = set(result_columns) | {"error", "exit_code"}
    return [f"{c} (input)" if c in taken else c for c in columns]


class CsvWriter(_Bytes):
    """The input's columns (every cell as given) + the command's result columns + error +
    exit_code. Cells from the input, and text, are neutralised against formula injection;
    the numbers saiken computed are written as they are."""

    def __init__(
        self, out, columns: list[str], result_columns: tuple[str, ...], *, encoding: str = "utf-8",
        flag_names: tuple[str, ...] = (), flag_of=None,
    ):
        codec, self.bom = CSV_ENCODINGS[encoding]
        self.flag_of = flag_of or _norm_flag
        super().__init__(out, codec)
        self.encoding = encoding
        self.codec = codec
        # JSON Lines input names no columns before its records: its flag cells, by flag
        self.by_flag = not columns
        self.columns = list(columns) if columns else list(flag_names)
        self.result_columns = result_columns
        self.headings = _input_headings(self.columns, result_columns)

    def header(self) -> None:
        line = self._line([*self.headings, *self.result_columns, "error", "exit_code"])
        if self.bom:
            if self.binary is None:
                self.out.write("\ufeff")
            else:
                self.pending += b"\xef\xbb\xbf"
        try:
            self.put(line.encode(self.codec))
        except UnicodeEncodeError as exc:
            raise FileError(f"--output-encoding {self.encoding}: the header holds {exc.object[exc.start]!r}, which it cannot write; use utf-8-sig") from None

    @staticmethod
    def _line(cells: list[str]) -> str:
        return ",".join(map(_csv_field, cells)) + "\n"

    def _input_cells(self, inputs: Any) -> list[str]:
        from saiken_cli.sheets import neutralise

        n = len(self.columns)
        if isinstance(inputs, dict):  # JSON Lines: by flag
            by_flag = {self.flag_of(str(k)): v for k, v in inputs.items()}
            cells = [_cell(by_flag.get(c)) for c in self.columns]
        else:
            cells = [_cell(v) for v in (inputs or ())][:n]
            cells += [""] * (n - len(cells))
        return [neutralise(c) for c in cells]

    def _encode(self, line: str, ids, inputs, is_error: bool) -> tuple[bool, bytes]:
        try:
            return is_error, line.encode(self.codec)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start]
            message = (
                f"--output-encoding {self.encoding}: a cell holds {bad!r} (U+{ord(bad):04X}), which {self.encoding} "
                "cannot write; use --output-encoding utf-8-sig"
            )
            line = self._line([*self._input_cells(inputs), *("" for _ in self.result_columns), message, "2"])
            return True, line.encode(self.codec, errors="replace")

    def encode_ok(self, ids: dict[str, Any], payload: dict[str, Any], inputs: Any = None) -> tuple[bool, bytes]:
        from saiken_cli.sheets import neutralise

        results = []
        for c in self.result_columns:
            value = payload.get(c)
            results.append(str(value) if type(value) is int else _result_text(self._own(_cell(value))))
        return self._encode(self._line([*self._input_cells(inputs), *results, "", "0"]), ids, inputs, False)

    def encode_error(self, ids: dict[str, Any], message: str, exit_code: int, inputs: Any = None) -> tuple[bool, bytes]:
        from saiken_cli.sheets import neutralise

        cells = [*self._input_cells(inputs), *("" for _ in self.result_columns), neutralise(self._own(message)), str(exit_code)]
        return self._encode(self._line(cells), ids, inputs, True)

    def _own(self, text: str) -> str:
        """saiken's own text in the output encoding (cp932 lacks a few of its characters)."""
        return text.translate(CP932_SUBSTITUTES) if self.codec == "cp932" else text


class XlsxWriter:
    """The same columns as CSV, in one sheet of a new workbook (written when the run ends).
    Yen and day counts are number cells; text is neutralised and stored as text."""

    def __init__(self, out, columns: list[str], result_columns: tuple[str, ...], *, flag_names: tuple[str, ...] = (), flag_of=None):
        self.out = out
        self.csv = CsvWriter(None, columns, result_columns, flag_names=flag_names, flag_of=flag_of)
        self.book = None

    def header(self) -> None:
        from saiken_cli.sheets import XlsxOut

        if self.out is not None:
            self.book = XlsxOut(getattr(self.out, "buffer", self.out))
            self.book.append([*self.csv.headings, *self.csv.result_columns, "error", "exit_code"])

    def encode_ok(self, ids: dict[str, Any], payload: dict[str, Any], inputs: Any = None) -> tuple[bool, list]:
        from saiken_cli.sheets import neutralise

        results = []
        for c in self.csv.result_columns:
            value = payload.get(c)
            results.append(value if type(value) is int else _result_text(_cell(value)))
        return False, [*self._input_cells(inputs), *results, "", 0]

    def encode_error(self, ids: dict[str, Any], message: str, exit_code: int, inputs: Any = None) -> tuple[bool, list]:
        from saiken_cli.sheets import neutralise

        return True, [*self._input_cells(inputs), *("" for _ in self.csv.result_columns), neutralise(message), exit_code]

    def _input_cells(self, inputs: Any) -> list[Any]:
        """The input cells as text (neutralised), and those Excel typed as they were."""
        cells: list[Any] = self.csv._input_cells(inputs)
        for i, typed in (getattr(inputs, "typed", None) or {}).items():
            if i < len(cells):
                cells[i] = typed
        return cells

    def put(self, item: list) -> None:
        from saiken_cli.sheets import XLSX_MAX_ROWS

        if self.book.rows >= XLSX_MAX_ROWS:
            raise FileError(f"--format xlsx: more than {XLSX_MAX_ROWS - 1:,} records do not fit in one Excel sheet; use --format csv")
        self.book.append(item)

    def write_pending(self) -> None:
        pass

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self.book is not None:
            self.book.close()
            self.out.flush()
            self.book = None


# --- progress --------------------------------------------------------------------------


def _stderr_is_tty() -> bool:
    return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, done: int, errors: int, position: int | None) -> None:
        pass


class _RichProgress:
    """A rich progress bar on stderr (only when stderr is a terminal; rich imported here)."""

    def __init__(self, label: str, total_bytes: int | None):
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[rows]:,} rows · {task.fields[errors]:,} errors"),
            TimeElapsedColumn(),
            console=Console(file=sys.stderr, force_terminal=True),  # only built when stderr is a terminal
            transient=True,
        )
        self.task = self.progress.add_task(label, total=total_bytes, rows=0, errors=0)

    def __enter__(self):
        self.progress.__enter__()
        return self

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)

    def update(self, done: int, errors: int, position: int | None) -> None:
        self.progress.update(self.task, rows=done, errors=errors, completed=position)


# --- the runner ------------------------------------------------------------------------

RATE_UNITS = ("fraction", "percent")
_BARE_NUMBER = None  # compiled on first use: a rate cell that is a plain number


def _percent(value: Any, flag: str) -> Any:
    """A bare number in a rate column read as percent (``18`` → ``18%``); the rest as given.

    A bare number below 1 (``0.18``) is refused: in a column of percents it may be a
    fraction typed by someone else (0.18 = 18%), and reading it as 0.18% would understate
    the claim a hundredfold. ``0.5%`` written with its sign is read as it says."""
    global _BARE_NUMBER
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        return value
    if _BARE_NUMBER is None:
        import re

        _BARE_NUMBER = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)$")
    from saiken_cli.parsing import fold

    text = fold(value)
    if not _BARE_NUMBER.match(text):
        return value
    from decimal import Decimal

    number = Decimal(text)
    if number < 1:
        from saiken_cli.errors import InputError

        as_percent = format((number * 100).normalize(), "f")
        raise InputError(
            f"--{flag}", value,
            f"ambiguous with --rate-unit percent (a bare number is percent): {as_percent}% or {text}%? "
            f"Write {as_percent} or {text}%",
        )
    return text + "%"


def _rate_hint(message: str, exc, rates: frozenset[str]) -> str:
    """The batch's own hint for a bare rate of 1 or more (18: 18% or 0.18?)."""
    from saiken_cli import parsing

    if getattr(exc, "flag", "")[2:] in rates and str(getattr(exc, "accepted", "")).startswith(parsing.AMBIGUOUS_RATE):
        return message + "; or pass --rate-unit percent to read bare numbers in rate columns as percent"
    return message


Block = pool.Block  # a worker's chunk of records as one piece of output (--jobs N; saiken_cli.pool)


def make_work(name: str, spec: dict[str, Any], mapper: "RowMapper | None" = None, *, blocks: bool = False):
    """``work(chunk) -> [(is_error, item), …]`` for ``saiken batch NAME``: the same function
    in-process (--jobs 1) and in each worker process (--jobs N), so the bytes are the same.
    ``blocks``: ``work`` returns ``[Block]`` instead (a byte output's chunk as one piece)."""
    from saiken_cli.catalogue import localize
    from saiken_cli.errors import SaikenError
    from saiken_cli.rules import is_stale_warning

    mod = calculators()[name]
    writer = _make_writer(None, spec)
    record = mod.record
    encode_ok, encode_error = writer.encode_ok, writer.encode_error
    rates = rate_flags(flags_of(mod))
    percent = spec["rate_unit"] == "percent"
    plain_keys = getattr(mod, "PLAIN_KEYS", None)  # the payload's keys without message items (not walked)

    def one(rec: Record):
        ids, fields, problem, inputs = rec
        if problem is not None:
            return encode_error(ids, problem, 2, inputs)
        try:
            if percent:
                for flag in rates:
                    if flag in fields:
                        fields[flag] = _percent(fields[flag], flag)
            payload = record(fields)
        except SaikenError as exc:
            return encode_error(ids, _rate_hint(exc.message, exc, rates) if not percent else exc.message, exc.exit_code, inputs)
        except RecursionError:
            return encode_error(ids, "a value nested too deeply to be read", 2, inputs)
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the run
            return encode_error(
                ids, f"internal error ({type(exc).__name__}); this is a bug in saiken, not in your input", 70, inputs
            )
        encoded = encode_ok(ids, localize(payload, "ja", plain_keys), inputs)  # message texts in Japanese, as --json's default
        # "verified only through …" warnings travel with the record (a third element) so that
        # the run can say each one once on stderr, whichever process computed it
        # (each as its Japanese text, phrased by localize above: a string, said once)
        warnings = payload.get("warnings") if type(payload) is dict else None
        stale = (
            tuple(w["text"] for w in warnings if is_stale_warning(w))
            if warnings  # most rows have none: no generator made
            else ()
        )
        return (*encoded, stale) if stale else encoded

    def work(chunk) -> list:
        blank = 0
        if type(chunk) is LineChunk:  # lines of a CSV file: their rows read here (in the worker)
            chunk.counts = Counts()
            results = [one(mapper(item)) for item in chunk]
            blank = chunk.counts.blank
        elif mapper is not None:  # rows of cells, made records here (in the worker)
            results = [one(mapper(item)) for item in chunk]
        else:
            results = [one(rec) for rec in chunk]
        if not blocks:
            return results
        stale = tuple(dict.fromkeys(w for r in results if len(r) > 2 for w in r[2]))
        # the records' bytes as a list: a forked worker writes them to its pipe as they are
        return [Block(len(results), sum(1 for r in results if r[0]), [r[1] for r in results], stale, blank)]

    work.one = one  # type: ignore[attr-defined]
    return work


def _make_writer(out, spec: dict[str, Any]):
    fmt = spec["format"]
    if fmt == "jsonl":
        return JsonlWriter(out, use_orjson=spec.get("use_orjson", True), input_names=spec["columns"])
    if fmt == "csv":
        return CsvWriter(
            out, spec["columns"], spec["result_columns"], encoding=spec["encoding"], flag_names=spec["flags"],
            flag_of=spec.get("flag_of"),
        )
    return XlsxWriter(out, spec["columns"], spec["result_columns"], flag_names=spec["flags"], flag_of=spec.get("flag_of"))


def _pin_today(value) -> None:
    """In a worker process: the runner's reading of today (one date per run, issue 15 §3)."""
    if value is None:
        return
    try:
        from saiken_cli import today
    except ImportError:  # pragma: no cover - until saiken_cli/today.py exists
        return
    today._clock = value  # noqa: SLF001 - the one reading of the clock, taken by the runner


def _read_today():
    """Japan's today for this run, read before the workers start (they all use it)."""
    try:
        from saiken_cli import today
    except ImportError:  # pragma: no cover - until saiken_cli/today.py exists
        return None
    from saiken_cli.errors import SaikenError

    try:
        today.today()
    except SaikenError:
        return None
    return getattr(today, "_clock", None)


def _pin_run(today_value, record_paths) -> None:
    """In a worker process: the runner's today and its rule for paths in records."""
    _pin_today(today_value)
    if record_paths is not None:
        from saiken_cli import paths

        paths.pin(record_paths)


def _dead_worker(spec: dict[str, Any], mapper: "RowMapper | None", item):
    """The output of a record whose worker process died on it twice."""
    writer = _make_writer(None, spec)
    ids, _, _, inputs = mapper(item) if mapper is not None else item
    return writer.encode_error(
        ids, "internal error (the worker process computing this record stopped); this is a bug in saiken, not in your input", 70, inputs
    )


def _results(table: Table, name: str, spec: dict[str, Any], jobs: int) -> Iterator[tuple[bool, Any]]:
    """(is_error, item) for each record, in order: in-process, or by ``jobs`` worker processes
    (which are handed rows of cells where the reader has them, and make the records)."""
    import functools

    from saiken_cli import paths

    if jobs <= 1:
        one = make_work(name, spec).one
        for rec in table.records:  # one at a time: each record is written before the next is read
            yield one(rec)
        return
    mapper = table.mapper
    blocks = spec["format"] in ("jsonl", "csv")
    if blocks and table.line_chunks is not None:  # a CSV file: workers read the cells of their lines
        chunks = table.line_chunks(pool.CHUNK)
    else:
        chunks = pool.chunks(table.rows if mapper is not None else table.records)
    first = next(chunks, None)
    if first is None:
        return
    if len(first) < pool.CHUNK:  # a file too small to share out
        yield from make_work(name, spec, mapper)(list(first))  # (a LineChunk's rows: read here)
        return
    import itertools

    for chunk in pool.run_ordered(
        itertools.chain([first], chunks),
        functools.partial(make_work, name, spec, mapper, blocks=blocks),
        jobs,
        setup=functools.partial(_pin_run, _read_today(), paths.current()),
        on_dead=functools.partial(_dead_worker, spec, mapper),
    ):
        yield from chunk


def run_batch(
    command: str,
    file: str,
    *,
    output: str = "-",
    out_format: Optional[str] = None,
    input_format: Optional[str] = None,
    encoding: str = "utf-8",
    output_encoding: Optional[str] = None,
    sheet: Optional[str] = None,
    rate_unit: str = "fraction",
    jobs: int = 1,
    allow_outside_paths: bool = False,
) -> int:
    """Run ``command`` over ``file``; return the exit status (0, 1 or 2; 130/143 interrupted).

    A path in a record (kabarai's ``file``) is relative to FILE's folder (standard input:
    the current folder) and must stay inside it unless ``allow_outside_paths``."""
    import os
    import time

    from saiken_cli import limits, paths
    from saiken_cli.errors import InputError

    def warn(message: str) -> None:
        sys.stderr.write(f"saiken: warning: {message}\n")

    calcs = calculators()
    name = command.strip().lower().replace("_", "-")
    if name not in calcs:
        raise InputError("COMMAND", command, "a calculator: " + ", ".join(sorted(calcs)))
    mod = calcs[name]
    limits.check_encoding(encoding, "--encoding")  # rot13 and base64 are codecs, not encodings of a file
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig") else encoding
    out_flag = "--output-encoding" if output_encoding is not None else "--encoding"
    out_given = output_encoding if output_encoding is not None else encoding
    out_enc = out_given.strip().lower().replace("_", "-").replace("utf8", "utf-8")
    out_enc = {"shift-jis": "cp932", "sjis": "cp932", "windows-31j": "cp932"}.get(out_enc, out_enc)
    if out_enc not in CSV_ENCODINGS and output_encoding is not None:
        raise InputError("--output-encoding", output_encoding, "utf-8-sig (UTF-8 with a BOM: Excel), cp932 (Shift_JIS) or utf-8")
    rate_unit = OPTIONS.choice("rate-unit", rate_unit or "")
    if jobs < 0 or jobs > 512:
        raise InputError("--jobs", jobs, "a number of worker processes from 1, or 0 for every core")
    jobs = jobs or pool.cores()
    if out_format is not None:
        out_format = OPTIONS.choice("format", out_format)
    elif output != "-" and output.lower().endswith(".csv"):
        out_format = "csv"
    elif output != "-" and output.lower().endswith(".xlsx"):
        out_format = "xlsx"
    else:
        out_format = "jsonl"
    if out_format == "csv" and out_enc not in CSV_ENCODINGS:  # an input encoding CSV output does not take
        raise InputError(
            out_flag, out_given, "for CSV output utf-8-sig (UTF-8 with a BOM: Excel), cp932 (Shift_JIS) or utf-8; "
            "pass --output-encoding to read one encoding and write another"
        )
    input_format = OPTIONS.choice("input-format", input_format)
    if out_format == "xlsx" and output == "-" and hasattr(sys.stdout, "isatty") and sys.stdout.isatty():
        raise InputError("--output", "-", "a file for --format xlsx (a workbook is not text for a terminal), e.g. --output out.xlsx")
    xlsx_in = _is_xlsx(file, input_format)
    if input_format is None and file.lower().endswith((".xls", ".ods", ".numbers")):
        raise FileError(
            f"FILE: {file!r} is a {file.rsplit('.', 1)[-1]} spreadsheet, which saiken does not read; "
            "save it from Excel as .xlsx or as CSV"
        )
    if sheet is not None and not xlsx_in:
        raise InputError("--sheet", sheet, "a sheet name, for an .xlsx FILE only")
    from saiken_cli.output import open_output

    # the output is checked (name, not the input — stdin included —, writable folder) and
    # its temporary file created before anything is read (saiken_cli.output)
    sink = open_output(output, inputs=[file], flag="--output")
    out = sink.open()
    header = Header(flags_of(mod), aliases_of(mod))
    counts = Counts()
    stream = writer = None
    done = errors = 0
    outcome = "failed"  # "complete", "partial" (a file error part-way) or "interrupted"
    previous_term = _catch_sigterm()
    folder = os.path.abspath(os.path.dirname(file) or ".") if file != "-" else os.path.abspath(".")
    where = "the batch file" if file != "-" else "the current folder"
    record_paths = paths.inside(folder, allow_outside=allow_outside_paths, what=where)
    record_paths.__enter__()
    try:
        if xlsx_in:
            source = file
            if file == "-":
                import io

                source = io.BytesIO(limits.read_bounded(sys.stdin.buffer, MAX_XLSX_BYTES, "FILE", "-"))
            elif not os.path.exists(file):
                raise FileError(f"FILE: {file!r} does not exist")
            elif os.path.isdir(file):
                raise FileError(f"FILE: {file!r} is a directory, not a file")
            table = read_xlsx(source, sheet, header, warn, counts)
        else:
            stream = _open_input(file)
            # decoded a line at a time, each at most limits.MAX_LINE bytes (/dev/zero is exit 2,
            # not all memory); a byte that is not in the encoding names its real line
            is_text = stream is sys.stdin and not hasattr(stream, "buffer")
            text = stream if is_text else limits.text_lines(stream, enc, hint=_ENCODING_HINT, shown=encoding)
            first = next(text, "")
            fmt = _detect_input_format(file, input_format, first)
            import itertools

            lines = itertools.chain([first], text)
            reader = read_csv if fmt == "csv" else read_jsonl
            table = reader(lines, header, warn, counts)

        result_columns: tuple[str, ...] = ()
        if out_format in ("csv", "xlsx"):
            result_columns = csv_columns(name, mod)
            if not result_columns:
                raise FileError(f"--format {out_format}: {name} declares no CSV columns (CSV_COLUMNS or a schema); use --format jsonl")
        spec = {
            "format": out_format, "columns": table.columns, "result_columns": result_columns, "encoding": out_enc,
            "flags": flags_of(mod), "rate_unit": rate_unit, "flag_of": header.flag_of,
        }
        writer = _make_writer(out, spec)
        writer.header()

        total_bytes = None
        position = None
        buffer = None if stream is None or is_text else stream
        if file != "-" and buffer is not None:
            try:
                total_bytes = os.fstat(buffer.fileno()).st_size
            except (OSError, ValueError):
                total_bytes = None
        progress = _RichProgress(f"saiken batch {name}", total_bytes) if _stderr_is_tty() else _NoProgress()

        from saiken_cli.render import pick

        stale_said: set[str] = set()
        last_flush = time.monotonic()
        put = writer.put
        outcome = "partial"  # from here on, records may have been written
        with progress:
            results = _results(table, name, spec, jobs)
            while True:
                try:
                    result = next(results)
                except StopIteration:
                    break
                if type(result) is Block:  # a worker's chunk of records, as one piece (--jobs N)
                    put(result.data)
                    errors += result.errors
                    counts.blank += result.blank
                    stale, count = result.stale, result.count
                else:
                    if result[0]:
                        errors += 1
                    put(result[1])
                    stale, count = (result[2] if len(result) > 2 else ()), 1
                for w in stale:
                    if w not in stale_said:  # once per run, not per record, in the output's language
                        stale_said.add(w)
                        warn(pick(w, "ja"))
                before, done = done, done + count  # counted once written (the interrupt message says how many)
                if done // 256 != before // 256:
                    now = time.monotonic()
                    if now - last_flush >= FLUSH_EVERY_S:
                        writer.flush()
                        last_flush = now
                        if buffer is not None and total_bytes:
                            try:
                                position = buffer.tell()
                            except (OSError, ValueError):
                                position = None
                        progress.update(done, errors, position)
            progress.update(done, errors, total_bytes)
        writer.close()
        writer.flush()
        sink.commit()
        outcome = "complete"
    except (KeyboardInterrupt, _Terminated) as exc:
        outcome = "interrupted"
        code = 143 if isinstance(exc, _Terminated) else 130
        kept = _keep_partial(sink, writer, done)
        where = f"kept as {kept!r}" if kept else ("on standard output" if output == "-" else f"in {output!r}")
        sys.stderr.write(
            f"saiken: batch {name}: interrupted after {done:,} records; the output is incomplete ({done:,} records {where})\n"
        )
        return code
    except OSError as exc:
        from saiken_cli.output import is_write_error

        if is_write_error(exc):  # the disk filled up part-way: nothing is left at the output path
            raise sink.error(exc) from None
        raise
    except (FileError, limits.UnreadableLine) as exc:
        message = f"FILE: {exc.message}" if isinstance(exc, limits.UnreadableLine) else str(exc)
        if outcome == "partial" and writer is not None:  # e.g. a byte that is not UTF-8 further on
            kept = _keep_partial(sink, writer, done)
            if kept:
                message += f"; the output is incomplete: the {done:,} records before it are kept as {kept!r}"
            else:
                message += f"; the output is incomplete: {done:,} records were written before it"
        raise FileError(message) from None
    finally:
        record_paths.__exit__(None, None, None)
        _restore_sigterm(previous_term)
        if outcome != "complete":
            sink.discard()  # a no-op once committed or kept
        if stream is not None and file != "-":
            stream.close()
    override = sys.modules["saiken_cli.rules"].override_warning() if "saiken_cli.rules" in sys.modules else None
    if override:
        from saiken_cli.catalogue import text

        warn(text(override, "ja"))  # rule data from SAIKEN_RULES_DIR: said once for the run (in Japanese, as the records' texts)
    blank = f"; {counts.blank:,} blank row{'s' if counts.blank != 1 else ''} skipped" if counts.blank else ""
    if errors:
        sys.stderr.write(f"saiken: batch {name}: {errors:,} of {done:,} records have an error (see the error field){blank}\n")
        return 1
    if blank:
        sys.stderr.write(f"saiken: batch {name}: {done:,} records{blank}\n")
    return 0



class _Terminated(Exception):
    """SIGTERM during a batch (exit 143)."""


def _catch_sigterm():
    """SIGTERM raises _Terminated in the main thread while a batch runs (then restored)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        raise _Terminated()

    try:
        return signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError):  # pragma: no cover - not in the main thread / no SIGTERM
        return None


def _restore_sigterm(previous) -> None:
    if previous is None:
        return
    import signal

    try:
        signal.signal(signal.SIGTERM, previous)
    except (ValueError, OSError):  # pragma: no cover
        pass


def _keep_partial(sink, writer, done: int) -> str | None:
    """Write what is pending and keep it under ``OUTPUT.partial`` (None for stdout/special files)."""
    import signal

    # a second Ctrl-C while the partial file is renamed must not lose it
    try:
        old_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):
        old_int = None
    try:
        if writer is not None:
            try:
                writer.close()  # what is pending; an xlsx workbook is written whole
                writer.flush()
            except (OSError, ValueError):
                pass
        return sink.keep_partial()
    finally:
        if old_int is not None:
            signal.signal(signal.SIGINT, old_int)


#: The arguments and options of `saiken batch`, declared once (commands/spec.py): --help, the
#: flag table of docs/commands/batch.md and the checks of the choice flags come from here.
OPTIONS = Command("batch", HELP, (
    Flag("command", "text", "実行する計算 (damages など)", "The calculator to run (damages, …).", required=True, role="argument",
         metavar="COMMAND",
         doc="The calculator: any command whose module exposes `record(fields)` and `SPEC` (damages, jikou, sashiosae, "
             "seigen, kabarai, fees, saisei)."),
    Flag("file", "path", "案件のファイル (CSV・JSON Lines・.xlsx; - は標準入力)", "CSV, JSON Lines or .xlsx file of cases; - for stdin.",
         required=True, role="argument", metavar="FILE",
         doc="CSV with a header line, JSON Lines, or an Excel workbook (`.xlsx`); `-` = standard input."),
    Flag("output", "path", "書込み先 (- は標準出力)", "Where to write; - for stdout.", default="-", short="-o", role="option",
         metavar="PATH",
         doc="Where to write; `-` (default) = standard output. Never the input file, nor the file standard input comes "
             "from (refused). Written to a temporary file in the same folder and renamed into place when complete (a new "
             "file is created `0600`; an existing one keeps its mode); `/dev/stdout` and other special files are written "
             "directly. A blank name or one with control characters is refused."),
    Flag("format", "choice", "出力形式 (既定 jsonl; --output の拡張子 .csv・.xlsx でも選ばれる)",
         "jsonl (default), csv or xlsx (chosen by --output's .csv/.xlsx too).", choices=FORMATS, role="option",
         metavar="jsonl|csv|xlsx",
         doc="`jsonl` (default), `csv` or `xlsx`; `csv`/`xlsx` are also chosen when `--output` ends in `.csv`/`.xlsx`."),
    Flag("input-format", "choice", "入力形式 (既定: FILE の拡張子、標準入力では最初の行で判定)",
         "csv, jsonl or xlsx (default: by FILE's extension, or by its first line).", choices=INPUT_FORMATS, role="option",
         metavar="csv|jsonl|xlsx",
         doc="`csv`, `jsonl` or `xlsx`; default: by `FILE`'s extension (`.csv`/`.txt` → CSV, `.jsonl`/`.ndjson`/`.json` "
             "→ JSON Lines, `.xlsx`/`.xlsm` → workbook), for `-` by the first line (`{` → JSON Lines)."),
    Flag("sheet", "text", "読むシート (.xlsx; 既定: 最初のシート)", "The sheet of an .xlsx FILE (default: the first).", role="option",
         metavar="NAME", doc="The sheet of a workbook (default: the first); an unknown name is refused with the sheets it has."),
    Flag("encoding", "text", "CSV の文字コード (入力と CSV 出力): utf-8 (既定)・utf-8-sig (Excel 用 BOM 付)・cp932 (Shift_JIS)",
         "Text encoding of a CSV FILE, and of CSV output: utf-8 (default; a BOM is accepted), utf-8-sig (CSV output with a BOM, "
         "for Excel) or cp932 (Shift_JIS).", default="utf-8", role="option", metavar="utf-8|utf-8-sig|cp932",
         doc="Text encoding of a CSV `FILE` and of CSV output: `utf-8` (default; a BOM from Excel is accepted on input), "
             "`utf-8-sig` (output with a BOM, which Excel needs to read UTF-8), or `cp932` (Shift_JIS, as Excel saves CSV in "
             "Japan); a name that is not a text encoding (`rot13`, `base64`) is refused. A byte that is not in the encoding "
             "is exit 2 naming its line; the records before it are kept as `OUTPUT.partial`."),
    Flag("output-encoding", "text", "CSV 出力の文字コード (--encoding と異なるとき)",
         "Encoding of CSV output when it differs from --encoding: utf-8-sig, cp932 or utf-8.", role="option",
         metavar="utf-8-sig|cp932|utf-8",
         doc="The CSV output's encoding when it differs from `--encoding` (`utf-8-sig`, `cp932`, `utf-8`). In `cp932`, "
             "saiken's own text uses cp932's nearest characters (― for —, ≦ for ≤ …); an input cell cp932 cannot hold "
             "makes its record an error naming the character."),
    Flag("rate-unit", "choice", "利率の列の単位のない数: percent は百分率 (18 → 18%)、fraction (既定) は 0.18 (18 はエラー)",
         "percent: a bare number in a rate column is percent (18 → 18%); fraction (default): 0.18, and a bare 18 is an error.",
         default="fraction", choices=RATE_UNITS, role="option", metavar="fraction|percent",
         doc="`percent`: a bare number in a rate column is percent (`18` → 18%); a bare number below 1 (`0.18`) is then an "
             "error, since it may be a fraction (18%) and reading it as 0.18% would understate the claim a hundredfold "
             "(write `0.18%` if that is meant); `fraction` (default): `0.18`, and a bare `18` is an error that names this flag."),
    Flag("jobs", "int", "ワーカープロセス数 (0 = 全コア); 出力は同じ・入力の順", "Worker processes (0 = every core); the output is "
         "the same, in input order.", default="1", short="-j", role="option",
         doc="Worker processes (`0` = every core; default 1). The output is byte for byte that of `--jobs 1`, in input "
             "order; at most 4 chunks of about 256 records per worker are in flight (memory stays bounded); a record that fails, "
             "or even kills its worker, becomes that record's error."),
    Flag("allow-outside-paths", "switch", "記録が FILE のフォルダの外のファイル (kabarai の file) を指すことを許す",
         "Let records name files (kabarai's file) outside FILE's folder.", role="option",
         doc="Let records name files (kabarai's `file`) outside `FILE`'s folder; by default such a path is relative to that "
             "folder (standard input: the current folder) and must stay inside it."),
), json=False, lang=False, record=False)


def _run(values: dict[str, Any]) -> int:
    import typer

    from saiken_cli.parsing import parse_int

    jobs = parse_int(values["jobs"], "--jobs", maximum=512, what="a number of worker processes (0 = every core)")
    try:
        code = run_batch(
            values["command"], values["file"], output=values["output"], out_format=values["format"],
            input_format=values["input_format"], encoding=values["encoding"], output_encoding=values["output_encoding"],
            sheet=values["sheet"], rate_unit=values["rate_unit"], jobs=jobs, allow_outside_paths=values["allow_outside_paths"],
        )
    except FileError as exc:
        sys.stderr.write(f"saiken: error: {exc}\n")
        code = 2
    if code:
        raise typer.Exit(code)
    return code


def alias_table() -> list[tuple[str, str, str]]:
    """(command, flag, Japanese column names) for every batch calculator with ALIASES."""
    rows = []
    for cname, mod in sorted(calculators().items()):
        by_flag: dict[str, list[str]] = {}
        for alias, flag in aliases_of(mod).items():
            by_flag.setdefault(flag, []).append(alias)
        for flag in flags_of(mod):
            if flag in by_flag:
                rows.append((cname, flag, "/".join(by_flag[flag])))
    return rows


def help_text() -> str:
    """HELP with the Japanese column names of every calculator (one table: each command's ALIASES)."""
    lines = ["Japanese column names (CSV and xlsx headers, JSON Lines keys):"]
    current = None
    for cname, flag, names in alias_table():
        if cname != current:
            lines.append(f"  {cname}:")
            current = cname
        lines.append(f"    {names} → {flag}")
    lines.append("  every command: " + "/".join(CASE_ID_NAMES) + " → the case id; 債務者/債務者名/備考: ids too (carried through)")
    return HELP + "\n" + "\n".join(lines) + "\n"


def register(app) -> None:
    OPTIONS.register(app, help=help_text(), run=_run)
