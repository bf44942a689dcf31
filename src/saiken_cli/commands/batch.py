"""`saiken batch COMMAND FILE` — run one calculator over a CSV or JSON Lines file of cases.

Generic over every calculator: any module in ``commands.COMMANDS`` that exposes
``record(fields)`` and ``FLAGS`` (the record protocol in commands/common.py) can be run in
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
from typing import Annotated, Any, Iterator, Optional

import typer

from saiken_cli.commands.common import NormFields, norm_key

HELP = """Run one calculator over a file of cases (CSV or JSON Lines), one output record per input record.

The input's columns (CSV header) or keys (JSON Lines) are the command's long flag names
without "--" (principal, rate, days, from, to, due-date, method, payment …); any other
column (case_id …) is an id column, carried through. A repeatable flag (payment) takes
several values separated by ";" in a CSV cell, or a JSON list.

Exit: 0 every record ok · 1 some records have an error field (output still complete) ·
2 unknown command or unreadable file.

Example:
  saiken batch damages examples/batch/damages.csv
  saiken batch damages cases.csv --output out.csv
  saiken batch damages cases.jsonl --output - --format jsonl < /dev/null
  cat cases.csv | saiken batch damages - --input-format csv --format csv
"""

#: Keys the runner adds to every output record; an id column may not use them.
RESERVED = ("result", "error", "exit_code")
FORMATS = ("jsonl", "csv")
FLUSH_EVERY_S = 0.2  # flush the output at least this often (and at the end)
PENDING_BYTES = 1 << 18  # JSON Lines are written to the output in blocks of about this size


# --- discovery -------------------------------------------------------------------------


def calculators() -> dict[str, Any]:
    """Every batch-capable command: name → module (modules with ``record`` and ``FLAGS``)."""
    import importlib

    from saiken_cli.commands import COMMANDS

    found: dict[str, Any] = {}
    for modname in COMMANDS:
        mod = importlib.import_module(f"saiken_cli.commands.{modname}")
        if callable(getattr(mod, "record", None)) and isinstance(getattr(mod, "FLAGS", None), tuple):
            found[getattr(mod, "NAME", modname.removesuffix("_cmd"))] = mod
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


def _open_input(path: str, encoding: str):
    import io

    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding=encoding, newline="") if hasattr(sys.stdin, "buffer") else sys.stdin
    try:
        return open(path, encoding=encoding, newline="")  # noqa: SIM115 - closed by the caller
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


_norm_flag = norm_key


class Header:
    """How the columns of the input map to flags and ids."""

    def __init__(self, flags: tuple[str, ...]):
        self.flags = frozenset(flags)

    def split(self, keys: list[str]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """(flag columns (index, normalised flag), id columns (index, name as given))."""
        flag_cols, id_cols = [], []
        seen: dict[str, str] = {}
        for i, key in enumerate(keys):
            norm = _norm_flag(key)
            if norm in self.flags:
                if norm in seen:
                    raise ValueError(f"columns {seen[norm]!r} and {key!r} are both the flag --{norm}")
                seen[norm] = key
                flag_cols.append((i, norm))
            else:
                id_cols.append((i, key))
        return flag_cols, id_cols


def _close_flag(name: str, flags) -> str | None:
    import difflib

    match = difflib.get_close_matches(_norm_flag(name), sorted(flags), n=1, cutoff=0.75)
    return match[0] if match else None


Record = tuple[dict[str, Any], "dict[str, Any] | None", "str | None"]  # (ids, flag fields, error)


def read_csv(stream, header: Header, warn) -> tuple[list[str], Iterator[Record]]:
    import csv

    reader = csv.reader(stream)
    try:
        columns = next(reader)
    except StopIteration:
        raise FileError("FILE: the CSV file is empty (it needs a header line naming the flags)") from None
    except csv.Error as exc:
        raise FileError(f"FILE: the CSV header cannot be read ({exc})") from None
    if columns and columns[0].startswith("\ufeff"):
        columns[0] = columns[0][1:]
    columns = [c.strip() for c in columns]
    if not any(columns):
        raise FileError("FILE: the CSV header line is empty (it needs the flag names as column names)")
    if len(set(columns)) != len(columns):
        dup = next(c for c in columns if columns.count(c) > 1)
        raise FileError(f"FILE: the CSV header names the column {dup!r} twice")
    try:
        flag_cols, id_cols = header.split(columns)
    except ValueError as exc:
        raise FileError(f"FILE: {exc}") from None
    if not flag_cols:
        raise FileError(
            "FILE: no column of the CSV header is a flag of this command "
            f"(header: {', '.join(columns)[:120]}; flags: {', '.join(sorted(header.flags))})"
        )
    for _, name in id_cols:
        if name in RESERVED:
            raise FileError(f"FILE: the column {name!r} is reserved for the output; rename it")
        close = _close_flag(name, header.flags)
        if close:
            warn(f"column {name!r} is not a flag of this command and is carried through as an id (did you mean {close!r}?)")
    id_names = [name for _, name in id_cols]
    ncols = len(columns)
    import operator

    flag_names = [flag for _, flag in flag_cols]
    # a tuple of the flag cells, whatever their number (itemgetter of one index returns the cell)
    _pick = operator.itemgetter(*(i for i, _ in flag_cols))
    pick_flags = _pick if len(flag_cols) > 1 else (lambda row: (_pick(row),))

    def records() -> Iterator[Record]:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # e.g. a NUL byte or a 128 KiB field: this record only
                yield {}, None, f"line {reader.line_num}: the CSV row cannot be read ({exc})"
                continue
            line = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # a blank line is not a record
            ids = {name: (row[i] if i < len(row) else "") for i, name in id_cols}
            if len(row) != ncols:
                yield ids, None, f"line {line}: the row has {len(row)} fields; the header has {ncols}"
                continue
            yield ids, NormFields(zip(flag_names, pick_flags(row))), None

    return id_names, records()


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


def read_jsonl(stream, header: Header, warn) -> tuple[list[str], Iterator[Record]]:
    import json

    warned: set[str] = set()

    def records() -> Iterator[Record]:
        for line_no, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            if line_no == 1 and line.startswith("\ufeff"):
                line = line[1:]
            try:
                obj = json.loads(line, parse_constant=_no_constant)
            except json.JSONDecodeError as exc:
                yield {}, None, f"line {line_no}: not valid JSON ({exc.msg} at column {exc.colno})"
                continue
            except ValueError as exc:  # NaN / Infinity, which JSON does not have
                yield {}, None, f"line {line_no}: not valid JSON ({exc})"
                continue
            except RecursionError:  # [[[[…]]]] thousands deep: this record's error, not the run's
                yield {}, None, f"line {line_no}: the JSON is nested too deeply to be a record"
                continue
            if "\\u" in line and _has_lone_surrogate(obj):
                yield {}, None, f"line {line_no}: a \\u escape names half a character (a lone surrogate)"
                continue
            if not isinstance(obj, dict):
                yield {}, None, f"line {line_no}: a JSON Lines record is an object {{\"flag\": value, …}}, not {type(obj).__name__}"
                continue
            ids: dict[str, Any] = {}
            fields = NormFields()
            error = None
            for key, value in obj.items():
                norm = _norm_flag(str(key))
                if norm in header.flags:
                    if norm in fields:
                        error = f"line {line_no}: the keys name the flag --{norm} twice"
                    if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value)):
                        error = error or f"line {line_no}: --{norm}: a value is a string, number, true/false or a list of those"
                    fields[norm] = "" if value is None else value
                elif key in RESERVED:
                    error = error or f"line {line_no}: the key {key!r} is reserved for the output; rename it"
                else:
                    ids[key] = value
                    if key not in warned:
                        warned.add(key)
                        close = _close_flag(key, header.flags)
                        if close:
                            warn(f"key {key!r} is not a flag of this command and is carried through as an id (did you mean {close!r}?)")
            yield ids, (None if error else fields), error

    return [], records()


# --- writing ---------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " | ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


class JsonlWriter:
    """One JSON object per line: the id fields, then ``result`` (the payload) or ``error``
    and ``exit_code``.

    The bytes are those of ``json.dumps(record, ensure_ascii=False, separators=(",", ":"))``
    in UTF-8. They are produced by orjson when it is installed (the same bytes, about 15×
    faster: JSON encoding was a third of a batch row's time) and by json otherwise, or for
    a record orjson cannot encode (an integer beyond 64 bits).
    """

    def __init__(self, out, *, use_orjson: bool = True):
        import json

        self.out = out
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
        # write bytes straight to the binary stream when there is one (no text re-encoding),
        # gathered into blocks of PENDING_BYTES: one write of a block costs less than many
        # small ones through an 8 KiB buffer (≈1.9 → 0.4 µs a row measured; issue 5 speed)
        self.binary = getattr(out, "buffer", None)
        self.pending = bytearray()

    def header(self) -> None:
        pass

    def _write(self, rec: dict[str, Any]) -> None:
        data = None
        if self.orjson is not None:
            try:
                data = self.orjson.dumps(rec, option=self.orjson.OPT_APPEND_NEWLINE)
            except TypeError:  # orjson.JSONEncodeError: e.g. an int beyond 64 bits
                data = None
        if self.binary is None:
            self.out.write(data.decode("utf-8") if data is not None else self.text_dumps(rec) + "\n")
            return
        self.pending += data if data is not None else (self.text_dumps(rec) + "\n").encode("utf-8")
        if len(self.pending) >= PENDING_BYTES:
            self.write_pending()

    def write_pending(self) -> None:
        if self.pending:
            self.binary.write(self.pending)
            self.pending.clear()

    def flush(self) -> None:
        self.write_pending()
        self.out.flush()

    def ok(self, ids: dict[str, Any], payload: dict[str, Any]) -> None:
        rec = dict(ids)
        rec["result"] = payload
        self._write(rec)

    def error(self, ids: dict[str, Any], message: str, exit_code: int) -> None:
        rec = dict(ids)
        rec["error"] = message
        rec["exit_code"] = exit_code
        self._write(rec)


class CsvWriter:
    """ids (as in the input header) + the command's result columns + error + exit_code."""

    def __init__(self, out, id_names: list[str], result_columns: tuple[str, ...]):
        import csv

        self.out = out
        self.writer = csv.writer(out, lineterminator="\n")
        self.id_names = list(id_names)
        self.result_columns = result_columns
        self.ids_from_first_record = not id_names

    def header(self) -> None:
        clash = [c for c in self.id_names if c in self.result_columns]
        if clash:
            raise FileError(f"FILE: the id column {clash[0]!r} has the name of an output column; rename it")
        self.writer.writerow([*self.id_names, *self.result_columns, "error", "exit_code"])

    def write_pending(self) -> None:
        pass

    def flush(self) -> None:
        self.out.flush()

    def _ids(self, ids: dict[str, Any]) -> list[str]:
        return [_cell(ids.get(name)) for name in self.id_names]

    def ok(self, ids: dict[str, Any], payload: dict[str, Any]) -> None:
        self.writer.writerow([*self._ids(ids), *(_cell(payload.get(c)) for c in self.result_columns), "", "0"])

    def error(self, ids: dict[str, Any], message: str, exit_code: int) -> None:
        self.writer.writerow([*self._ids(ids), *("" for _ in self.result_columns), message, str(exit_code)])


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


def run_batch(
    command: str,
    file: str,
    *,
    output: str = "-",
    out_format: Optional[str] = None,
    input_format: Optional[str] = None,
    encoding: str = "utf-8",
) -> int:
    """Run ``command`` over ``file``; return the exit status (0, 1 or 2)."""
    import codecs
    import os
    import time

    from saiken_cli.errors import InputError, SaikenError

    def warn(message: str) -> None:
        sys.stderr.write(f"saiken: warning: {message}\n")

    calcs = calculators()
    name = command.strip().lower().replace("_", "-")
    if name not in calcs:
        raise InputError("COMMAND", command, "a calculator: " + ", ".join(sorted(calcs)))
    mod = calcs[name]
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError("--encoding", encoding, "an encoding such as utf-8 or cp932 (Shift_JIS from Excel)") from None
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    if out_format is not None:
        out_format = out_format.strip().lower()
        if out_format not in FORMATS:
            raise InputError("--format", out_format, "jsonl or csv")
    elif output != "-" and output.lower().endswith(".csv"):
        out_format = "csv"
    else:
        out_format = "jsonl"
    if input_format is not None:
        input_format = input_format.strip().lower()
        if input_format not in FORMATS:
            raise InputError("--input-format", input_format, "csv or jsonl")
    from saiken_cli.output import open_output

    # the output is checked (name, not the input — stdin included —, writable folder) and
    # its temporary file created before anything is read (saiken_cli.output)
    sink = open_output(output, inputs=[file], flag="--output")
    out = sink.open()
    stream = writer = None
    done = errors = 0
    outcome = "failed"  # "complete", "partial" (a file error part-way) or "interrupted"
    previous_term = _catch_sigterm()
    try:
        stream = _open_input(file, enc)
        try:
            first = stream.readline()
        except UnicodeDecodeError as exc:
            raise FileError(
                f"FILE: not {encoding} text (byte {exc.start} of the first line); "
                "for a Shift_JIS file from Excel pass --encoding cp932"
            ) from None
        fmt = _detect_input_format(file, input_format, first)
        import itertools

        lines = itertools.chain([first], stream)
        header = Header(mod.FLAGS)
        reader = read_csv if fmt == "csv" else read_jsonl
        id_names, records = reader(lines, header, warn)

        if out_format == "csv":
            result_columns = csv_columns(name, mod)
            if not result_columns:
                raise FileError(f"--format csv: {name} declares no CSV columns (CSV_COLUMNS or a schema); use --format jsonl")
        writer = JsonlWriter(out) if out_format == "jsonl" else CsvWriter(out, id_names, result_columns)
        writer.header()

        total_bytes = None
        position = None
        buffer = getattr(stream, "buffer", None)
        if file != "-" and buffer is not None:
            try:
                total_bytes = os.fstat(buffer.fileno()).st_size
            except (OSError, ValueError):
                total_bytes = None
        progress = _RichProgress(f"saiken batch {name}", total_bytes) if _stderr_is_tty() else _NoProgress()

        record = mod.record
        last_flush = time.monotonic()
        outcome = "partial"  # from here on, records may have been written
        with progress:
            while True:
                try:
                    ids, fields, problem = next(records)
                except StopIteration:
                    break
                except UnicodeDecodeError as exc:
                    raise FileError(
                        f"FILE: not {encoding} text after record {done} (byte {exc.start} of a read block); "
                        "for a Shift_JIS file from Excel pass --encoding cp932"
                    ) from None
                if problem is not None:
                    errors += 1
                    writer.error(ids, problem, 2)
                else:
                    try:
                        payload = record(fields)
                    except SaikenError as exc:
                        errors += 1
                        writer.error(ids, exc.message, exc.exit_code)
                    except RecursionError:
                        errors += 1
                        writer.error(ids, "a value nested too deeply to be read", 2)
                    except Exception as exc:  # noqa: BLE001 - a bug must not stop the run
                        errors += 1
                        writer.error(
                            ids,
                            f"internal error ({type(exc).__name__}); this is a bug in saiken, not in your input",
                            70,
                        )
                    else:
                        writer.ok(ids, payload)
                done += 1  # counted once written (the interrupt message says how many)
                if done % 256 == 0:
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
    except FileError as exc:
        if outcome == "partial" and writer is not None:  # e.g. a byte that is not UTF-8 further on
            kept = _keep_partial(sink, writer, done)
            if kept:
                raise FileError(f"{exc}; the output is incomplete: the {done:,} records before it are kept as {kept!r}") from None
        raise
    finally:
        _restore_sigterm(previous_term)
        if outcome != "complete":
            sink.discard()  # a no-op once committed or kept
        if stream is not None and file != "-":
            stream.close()
    if errors:
        sys.stderr.write(f"saiken: batch {name}: {errors:,} of {done:,} records have an error (see the error field)\n")
        return 1
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
                writer.flush()
            except (OSError, ValueError):
                pass
        return sink.keep_partial()
    finally:
        if old_int is not None:
            signal.signal(signal.SIGINT, old_int)


def batch(
    command: Annotated[str, typer.Argument(help="The calculator to run (damages, …).", show_default=False, metavar="COMMAND")],
    file: Annotated[str, typer.Argument(help="CSV or JSON Lines file of cases; - for stdin.", show_default=False, metavar="FILE")],
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write; - for stdout.")] = "-",
    out_format: Annotated[Optional[str], typer.Option("--format", help="jsonl (default; csv when --output ends in .csv) or csv.", metavar="jsonl|csv")] = None,
    input_format: Annotated[Optional[str], typer.Option("--input-format", help="csv or jsonl (default: by FILE's extension, or by its first line).", metavar="csv|jsonl")] = None,
    encoding: Annotated[str, typer.Option("--encoding", help="Text encoding of FILE: utf-8 (default, BOM allowed) or cp932 (Shift_JIS).")] = "utf-8",
) -> int:
    try:
        code = run_batch(command, file, output=output, out_format=out_format, input_format=input_format, encoding=encoding)
    except FileError as exc:
        sys.stderr.write(f"saiken: error: {exc}\n")
        code = 2
    if code:
        raise typer.Exit(code)
    return code


def register(app: typer.Typer) -> None:
    app.command("batch", help=HELP)(batch)
