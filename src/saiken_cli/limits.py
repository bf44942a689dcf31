"""Limits checked before (or while) reading, never after: bounded reads of input files.

For every reader of a user's file (issue 15 §2):

- :func:`read_bounded` reads a whole file in chunks and stops at ``limit`` bytes
  (``saiken kabarai /dev/zero`` is exit 2 after 20 MB, not 3 GB of memory and exit 70);
- :func:`text_lines` yields the decoded lines of a binary stream, each at most
  ``max_line`` bytes, and names the real line of a byte that is not in the encoding;
- :func:`check_encoding` accepts only text encodings (``rot13`` and ``base64`` are codecs
  but not encodings of a file: exit 2);
- :func:`check_toml` refuses a TOML text whose keys or values nest deeper than
  ``MAX_DEPTH`` before ``tomllib`` sees it (a 40 KB file of dotted keys cost ``tomllib``
  1.5 GB and 12 s); case files use it (saiken_cli.matter.read_toml, after a bounded read).
"""

from __future__ import annotations

import re
from typing import IO, Iterator

from saiken_cli.errors import InputError

CHUNK = 1 << 16
MAX_LINE = 1 << 20  # a line of a batch or history file: 1 MiB (a row of cases is a few hundred bytes)
MAX_DEPTH = 32  # keys a.b.c… and nested [ { in a TOML file


class UnreadableLine(Exception):
    """A line that cannot be read: too long, or not in the encoding. ``line`` is its number."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def read_bounded(stream: IO[bytes], limit: int, flag: str, shown: str) -> bytes:
    """All of ``stream``, read in chunks; InputError (exit 2) once it passes ``limit`` bytes."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > limit:
            raise InputError(flag, shown, f"a file of at most {_size(limit)} (saiken stopped reading there)")
        parts.append(chunk)


def _size(n: int) -> str:
    return f"{n // (1 << 20)} MB" if n >= 1 << 20 else f"{n // 1024} KB"


def check_encoding(name: str, flag: str = "--encoding") -> str:
    """``name`` if it is a text encoding Python knows; InputError (exit 2) otherwise."""
    import codecs

    accepted = "a text encoding such as utf-8 or cp932 (Shift_JIS from Excel)"
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise InputError(flag, name, accepted) from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64, zlib, hex …
        raise InputError(flag, name, accepted + f"; {info.name} transforms data, it is not the encoding of a file")
    return name


def text_lines(stream: IO[bytes], encoding: str, *, max_line: int = MAX_LINE, hint: str = "",
               shown: str | None = None) -> Iterator[str]:
    """The lines of a binary stream decoded one at a time (line endings kept, like
    ``newline=""``; ``shown`` is the encoding's name in messages). A line longer than ``max_line`` bytes, or a byte that is not
    ``encoding``, raises :class:`UnreadableLine` naming that line."""
    import codecs

    decode = codecs.getincrementaldecoder(encoding)(errors="strict").decode
    # UTF-8 (with or without a BOM): after the first line, a line read up to b"\n" holds whole
    # characters (no byte of a multi-byte sequence is 0x0A), so bytes.decode reads it without
    # the incremental decoder's Python-level call (a batch reads a line per record)
    whole_lines = codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    readline = stream.readline
    number = 0
    while True:
        raw = readline(max_line + 1)
        if not raw:
            try:
                tail = decode(b"", final=True)
            except UnicodeDecodeError:
                raise UnreadableLine(number, f"line {number} ends in the middle of a character; {hint}".rstrip("; ")) from None
            if tail:
                yield tail
            return
        number += 1
        if len(raw) > max_line:
            raise UnreadableLine(number, f"line {number} is longer than {_size(max_line)}: not a file of text records")
        try:
            if whole_lines and number > 1 and raw[-1:] == b"\n":
                yield raw.decode("utf-8")
            else:
                yield decode(raw)
        except UnicodeDecodeError as exc:
            raise UnreadableLine(
                number, f"line {number} is not {shown or encoding} text (byte {exc.start + 1} of the line){'; ' + hint if hint else ''}"
            ) from None


# --- TOML -------------------------------------------------------------------------------

# strings and comments (skipped whole), or one structural character
_TOML_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^']|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}=,.\n]",
    re.S,
)


def check_toml(text: str, flag: str, *, max_depth: int = MAX_DEPTH) -> None:
    """Refuse (exit 2) TOML whose dotted keys or nested arrays/tables go deeper than ``max_depth``."""
    depth = dots = 0
    for m in _TOML_TOKENS.finditer(text):
        tok = m.group()
        if len(tok) != 1:
            continue  # a string or a comment
        if tok == ".":
            dots += 1
            if dots >= max_depth:
                line = text.count("\n", 0, m.start()) + 1
                raise InputError(flag, f"line {line}", f"keys nested at most {max_depth} deep (a.b.c…)")
            continue
        dots = 0
        if tok in "[{":
            depth += 1
            if depth > max_depth:
                line = text.count("\n", 0, m.start()) + 1
                raise InputError(flag, f"line {line}", f"arrays and tables nested at most {max_depth} deep")
        elif tok in "]}":
            depth = max(0, depth - 1)
