"""The console script: ``saiken …`` starts here (pyproject ``[project.scripts]``).

Start-up is a feature: shell scripts call saiken thousands of times. Importing Typer (and
its vendored click) costs several times the start of Python itself, so the commonest
scripted call — a calculator in ``--json`` mode with plain ``--flag value`` arguments —
is answered here through the command's batch ``record`` function (the record protocol of
commands/common.py: ``record(fields)`` returns exactly what ``--json`` prints), without
importing Typer. Everything else (help, completion, human output, anything this parser
is not certain about) goes to the Typer app, which stays the reference behaviour;
tests/test_startup.py checks that both paths print the same bytes and exit alike.

A calculator module takes part when it declares its inputs (``SPEC``, a
commands/spec.py ``Command``) and ``record``: the long names, which of them are switches,
repeatable or required, all come from that one declaration, as do the Typer options.

This module imports neither typer nor rich; it imports the Typer app (app.py) only to hand
over a call the fast path does not answer (app.py does not import this module).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from saiken_cli.guard import run_guarded

# --- the fast path ---------------------------------------------------------------------

ROOT_WORDS = frozenset({"-h", "--help", "--version", "--install-completion", "--show-completion"})


def parse_fast(args: list[str]):
    """``(module, fields, lang)`` when ``args`` is a calculator call in ``--json`` mode
    that this parser reads with certainty; None otherwise (the Typer app decides)."""
    if len(args) < 2 or "--json" not in args or any(a in ROOT_WORDS for a in args):
        return None
    if any(k.startswith("_SAIKEN_COMPLETE") for k in os.environ):
        return None
    import importlib

    from saiken_cli.commands import COMMANDS

    name = args[0]
    if name not in COMMANDS:  # only modules named exactly after their command
        return None
    mod = importlib.import_module(f"saiken_cli.commands.{name}")
    spec = getattr(mod, "SPEC", None)
    if spec is None or not callable(getattr(mod, "record", None)):
        return None
    switches, valued, repeatable, required = spec.fast
    fields: dict[str, Any] = {}
    lang = None
    json_seen = False
    rest = args[1:]
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        if token == "--json":
            if json_seen:
                return None
            json_seen = True
            continue
        if not token.startswith("--") or token == "--":
            return None
        name, eq, value = token[2:].partition("=")
        if name in switches:
            if eq or name in fields:
                return None
            fields[name] = True
            continue
        if name != "lang" and name not in valued:
            return None
        if not eq:
            if i >= len(rest):
                return None
            value = rest[i]
            i += 1
        if not value.strip() or value.startswith("-"):
            return None  # blank or dash-led values: the Typer app decides what they mean
        if name == "lang":
            if lang is not None:
                return None
            lang = value
        elif name in repeatable:
            fields.setdefault(name, []).append(value)
        elif name in fields:
            return None
        else:
            fields[name] = value
    if any(flag not in fields for flag in required):
        return None
    from saiken_cli.commands.spec import NormFields

    return mod, NormFields(fields), lang


def run_fast(args: list[str]) -> int | None:
    """Answer ``args`` on the fast path; None when it does not apply."""
    parsed = parse_fast(args)
    if parsed is None:
        return None
    mod, fields, lang = parsed

    def call() -> None:
        from saiken_cli.commands.common import check_lang
        from saiken_cli.render import emit

        checked = check_lang(lang if lang is not None else "ja")
        payload = mod.record(fields)
        emit(payload, None, json_mode=True, lang=checked)

    return run_guarded(call)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if (getattr(sys.stdout, "encoding", "") or "utf-8").lower() not in ("utf-8", "utf8"):
        from saiken_cli.render import human_streams

        human_streams()  # cp932, EUC-JP, ASCII terminals: replace what they cannot hold, never crash
    code = run_fast(args)
    if code is not None:
        return code
    from saiken_cli.app import main as typer_main

    return typer_main(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
