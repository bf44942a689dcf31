"""Writing a document file: atomically (a temporary file in the same folder, renamed into
place when complete), never over one of the command's own inputs, new files 0600 (they hold
a debtor's data). Errors are one line, exit 2.

Used for every document saiken writes (PDF, xlsx, letters). When the shared atomic writer of
the reliability work is on main, this module delegates to it.
"""

from __future__ import annotations

import os
import sys
from typing import Iterable

from saiken_cli.errors import InputError


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_bytes(path: str, data: bytes, *, flag: str = "--output", inputs: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path`` (``-`` is stdout) atomically."""
    if path == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if not path.strip() or any(ord(ch) < 32 for ch in path):
        raise InputError(flag, path, "a file name without control characters")
    for source in inputs:
        if source and source != "-" and _same_file(path, source):
            raise InputError(flag, path, f"a file other than the input {source} (it would be overwritten)")
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise InputError(flag, path, "a file name (this is a folder)")
    try:
        mode = os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        mode = 0o600
    except OSError as exc:
        raise InputError(flag, path, f"a writable path ({exc.strerror})") from None
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=".saiken-", suffix=".part", dir=folder)
    except OSError as exc:
        raise InputError(flag, path, f"a path in a writable folder ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(flag, path, f"a writable path ({exc.strerror})") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
