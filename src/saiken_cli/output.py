"""The one way saiken writes an output file: atomically, never over its own input (house rule 8).

Use it for every file a command writes (batch, report, documents …)::

    from saiken_cli import output

    output.write_text(path, text, inputs=[case_file])            # a whole document at once

    with output.open_output(path, inputs=[file]) as out:         # streamed (text; out.buffer for bytes)
        for rec in records:
            out.write(...)
    # complete: renamed into place. An exception inside the block: the temporary file is
    # removed and the previous file at ``path`` (if any) is untouched.

What it guarantees:

- ``-`` is standard output; ``/dev/stdout``, ``/dev/stderr``, ``/dev/null``, FIFOs and other
  special files are written directly (there is nothing to rename).
- A regular file is written to a temporary file in the same folder, flushed, ``fsync``-ed
  and renamed over ``path`` only when complete: a full disk, ``/dev/full``, an interrupt or a
  crash never leaves a half record at ``path``. A symlink is followed (its target is
  replaced, the link stays).
- A new file is created ``0600`` (outputs hold a debtor's data); an existing file keeps its
  mode.
- Refused (:class:`~saiken_cli.errors.OutputError`, exit 2, one line naming ``flag``): a
  blank name, a name with control characters, a folder, an output that is the same file
  as any of ``inputs`` — ``"-"`` in ``inputs`` means standard input and is compared by
  ``os.fstat`` (``saiken batch damages - -o s.csv < s.csv``), and standard output is
  compared with the inputs too (``>> s.csv < s.csv`` would never end).
- A file that cannot be created or written (no such folder, no permission, read-only file
  system, disk full) is :class:`OutputError` too, never exit 70.
- :meth:`AtomicOutput.keep_partial` renames what was written so far to ``path + ".partial"``
  (an interrupted batch keeps its work under a name that says it is incomplete).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from typing import IO, Any, Iterable

from saiken_cli.errors import OutputError

#: errors of writing a stream that was opened (rather than of a bug): OutputError, exit 2
WRITE_ERRNOS = frozenset(
    e for e in (getattr(errno, n, None) for n in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EROFS")) if e is not None
)

PARTIAL_SUFFIX = ".partial"
_SPECIAL_PREFIXES = ("/dev/", "/proc/")


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _shown(path: str) -> str:
    from saiken_cli.errors import _shorten

    return repr(_shorten(path, 120))


def is_write_error(exc: BaseException) -> bool:
    """Whether ``exc`` is a failure to write (disk full, no permission …), not a bug."""
    return isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) and exc.errno in WRITE_ERRNOS


def check_name(path: str, flag: str = "--output") -> None:
    """Refuse a blank output name or one with control characters (exit 2)."""
    if path is None or not str(path).strip():
        raise OutputError(f"{flag}: {path!r} is not accepted: a file name (or - for standard output)")
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in path):
        shown = path.encode("unicode_escape").decode()[:120]
        raise OutputError(f"{flag}: {shown!r} is not accepted: a file name without control characters")


def _input_stats(inputs: Iterable[str | int | None]) -> list[tuple[str, os.stat_result]]:
    found = []
    for item in inputs:
        if item is None:
            continue
        try:
            if item == "-" or isinstance(item, int):
                fd = sys.stdin.fileno() if item == "-" else item
                found.append(("standard input" if item == "-" else f"fd {fd}", os.fstat(fd)))
            else:
                found.append((str(item), os.stat(item)))
        except (OSError, ValueError, AttributeError):
            continue  # an input that cannot be stat-ed cannot be the output either
    return found


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino) and stat.S_ISREG(a.st_mode)


def check_not_input(target_stat: os.stat_result | None, inputs: Iterable[str | int | None], flag: str, shown: str) -> None:
    if target_stat is None:
        return
    for name, st in _input_stats(inputs):
        if _same(target_stat, st):
            what = "standard input" if name == "standard input" else f"the input {_shown(name)}"
            raise OutputError(f"{flag}: {shown} is the same file as {what}; it would be destroyed: write elsewhere")


class AtomicOutput:
    """A context manager: the open output (text, with ``.buffer``), committed on success.

    ``binary=True`` yields the binary stream instead."""

    def __init__(self, path: str, *, inputs: Iterable[str | int | None] = (), flag: str = "--output",
                 binary: bool = False, encoding: str = "utf-8", newline: str | None = ""):
        self.path = path
        self.flag = flag
        self.binary = binary
        self.encoding = encoding
        self.newline = newline
        self.inputs = list(inputs)
        self.stream: IO[Any] | None = None
        self.tmp: str | None = None  # the temporary file (None: written directly)
        self.target = path
        self.direct = False  # stdout or a special file
        self.done = False

    # -- opening -------------------------------------------------------------------
    def open(self) -> IO[Any]:
        path, flag = self.path, self.flag
        if path == "-":
            check_name(path, flag)
            self.direct = True
            try:
                st = os.fstat(sys.stdout.fileno())
            except (OSError, ValueError, AttributeError):
                st = None
            check_not_input(st, self.inputs, flag, "standard output")
            self.stream = sys.stdout.buffer if self.binary and hasattr(sys.stdout, "buffer") else sys.stdout
            return self.stream
        check_name(path, flag)
        shown = _shown(path)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise OutputError(f"{flag}: {shown} cannot be written ({_reason(exc)})") from None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{flag}: {shown} is a folder, not a file")
        check_not_input(st, self.inputs, flag, shown)
        special = (st is not None and not stat.S_ISREG(st.st_mode)) or path.startswith(_SPECIAL_PREFIXES)
        if special:
            self.direct = True
            try:
                self.stream = open(path, "wb" if self.binary else "w",  # noqa: SIM115 - closed in commit/discard
                                   **({} if self.binary else {"encoding": self.encoding, "newline": self.newline}))
            except OSError as exc:
                raise OutputError(f"{flag}: {shown} cannot be written ({_reason(exc)})") from None
            return self.stream
        import tempfile

        self.target = os.path.realpath(path) if os.path.islink(path) else path
        folder = os.path.dirname(os.path.abspath(self.target))
        if not os.path.isdir(folder):
            raise OutputError(f"{flag}: {shown} cannot be written (the folder {_shown(folder)} does not exist)")
        try:
            fd, self.tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(self.target) + ".", suffix=".tmp")
        except OSError as exc:
            raise OutputError(f"{flag}: {shown} cannot be written ({_reason(exc)})") from None
        try:
            if st is not None:
                os.chmod(self.tmp, stat.S_IMODE(st.st_mode))  # an existing file keeps its mode
            # (mkstemp creates 0600: a new output holding a debtor's data is private)
            self.stream = os.fdopen(fd, "wb") if self.binary else os.fdopen(fd, "w", encoding=self.encoding, newline=self.newline)
        except OSError as exc:
            os.close(fd)
            self._remove_tmp()
            raise OutputError(f"{flag}: {shown} cannot be written ({_reason(exc)})") from None
        return self.stream

    # -- closing -------------------------------------------------------------------
    def commit(self) -> None:
        """Flush, fsync and rename into place (or just flush a direct stream)."""
        if self.done or self.stream is None:
            return
        self.done = True
        stream = self.stream
        try:
            stream.flush()
            if self.tmp is not None:
                os.fsync(stream.fileno())
                stream.close()
                os.replace(self.tmp, self.target)
                self.tmp = None
                _fsync_folder(os.path.dirname(os.path.abspath(self.target)))
            elif stream not in (sys.stdout, getattr(sys.stdout, "buffer", None)):
                stream.close()
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            self._close_quietly()
            self._remove_tmp()
            raise self.error(exc) from None

    def discard(self) -> None:
        """Drop the temporary file; the previous file at the path stays as it was."""
        if self.done:
            return
        self.done = True
        self._close_quietly()
        self._remove_tmp()

    def keep_partial(self) -> str | None:
        """Keep what was written so far as ``path.partial`` (never at the final path); its name, or None."""
        if self.done:
            return None
        self.done = True
        if self.tmp is None:  # a direct stream: what was written is already there
            try:
                if self.stream is not None:
                    self.stream.flush()
            except (OSError, ValueError):
                pass
            return None
        partial = self.target + PARTIAL_SUFFIX
        try:
            self.stream.flush()  # type: ignore[union-attr]
        except (OSError, ValueError):
            pass
        self._close_quietly()
        try:
            os.replace(self.tmp, partial)
        except OSError:
            self._remove_tmp()
            return None
        self.tmp = None
        return partial

    def error(self, exc: OSError) -> OutputError:
        where = "standard output" if self.path == "-" else _shown(self.path)
        tail = "" if self.direct else "; nothing was written there (a previous file is unchanged)"
        return OutputError(f"{self.flag}: {where} cannot be written ({_reason(exc)}){tail}")

    def _close_quietly(self) -> None:
        stream = self.stream
        if stream is None or stream in (sys.stdout, getattr(sys.stdout, "buffer", None)):
            return
        try:
            stream.close()
        except (OSError, ValueError):
            # the unwritten buffer (e.g. disk full) cannot be flushed: drop it with the file
            try:
                os.close(stream.fileno())
            except (OSError, ValueError):
                pass

    def _remove_tmp(self) -> None:
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None

    def __enter__(self) -> IO[Any]:
        return self.open()

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            self.commit()
            return False
        if not self.done:
            self.discard()
        if exc is not None and is_write_error(exc):
            raise self.error(exc) from None
        return False


def open_output(path: str, *, inputs: Iterable[str | int | None] = (), flag: str = "--output",
                binary: bool = False, encoding: str = "utf-8", newline: str | None = "") -> AtomicOutput:
    """An :class:`AtomicOutput` for ``path`` (use it in a ``with`` statement)."""
    return AtomicOutput(path, inputs=inputs, flag=flag, binary=binary, encoding=encoding, newline=newline)


def write_text(path: str, text: str, *, inputs: Iterable[str | int | None] = (), flag: str = "--output",
               encoding: str = "utf-8") -> None:
    """Write a whole text (a report, a document) atomically to ``path`` (``-``: stdout)."""
    with open_output(path, inputs=inputs, flag=flag, encoding=encoding) as out:
        out.write(text)


def write_bytes(path: str, data: bytes, *, inputs: Iterable[str | int | None] = (), flag: str = "--output") -> None:
    """Write bytes (a PDF, a DOCX …) atomically to ``path`` (``-``: stdout)."""
    with open_output(path, inputs=inputs, flag=flag, binary=True) as out:
        out.write(data)


def _fsync_folder(folder: str) -> None:
    """Make the rename durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
