"""Paths named inside an input file (a case file's ``[kabarai] file``, a batch ``file`` column).

A path the user types on the command line is theirs to choose. A path written *inside* a
file is resolved relative to that file's folder and must stay inside it, unless the user
passes ``--allow-outside-paths`` (issue 15 §6: ``[kabarai] file = "/etc/passwd"`` made
saiken read any local file and echo its first line)::

    from saiken_cli import paths

    with paths.inside(os.path.dirname(case_file), allow_outside=False, what="the case file"):
        ...  # every paths.resolve(p, flag) below is checked

Outside such a block :func:`resolve` returns the path unchanged.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from saiken_cli.errors import InputError

_stack: list[tuple[str, bool, str]] = []  # (folder, allow_outside, what)

ALLOW_FLAG = "--allow-outside-paths"


@contextmanager
def inside(folder: str, *, allow_outside: bool = False, what: str = "the input file") -> Iterator[None]:
    """Resolve the paths named by an input file relative to ``folder`` (and keep them inside it)."""
    _stack.append((folder or ".", allow_outside, what))
    try:
        yield
    finally:
        _stack.pop()


def current() -> tuple[str, bool, str] | None:
    """The rule in force (for a worker process of ``batch --jobs``: see :func:`pin`)."""
    return _stack[-1] if _stack else None


def pin(rule: tuple[str, bool, str]) -> None:
    """Put ``rule`` (from :func:`current` in the parent) in force for this whole process."""
    folder, allow_outside, what = rule
    _stack[:] = [(os.path.abspath(folder), allow_outside, what)]


def resolve(path: str, flag: str) -> str:
    """``path`` as saiken should open it: relative to the folder of the file that named it."""
    if not _stack:
        return path
    folder, allow_outside, what = _stack[-1]
    full = path if os.path.isabs(path) else os.path.join(folder, path)
    if allow_outside:
        return full
    root = os.path.realpath(folder)
    real = os.path.realpath(full)
    try:
        inside_root = os.path.commonpath([root, real]) == root
    except ValueError:  # different drives (Windows)
        inside_root = False
    if not inside_root:
        raise InputError(
            flag,
            path,
            f"a file inside the folder of {what} ({root}); pass {ALLOW_FLAG} to read files elsewhere",
        )
    return full
