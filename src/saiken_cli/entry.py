"""The console script: ``saiken …`` starts here (pyproject ``[project.scripts]``).

Start-up is a feature: shell scripts call saiken thousands of times. Importing Typer (and
its vendored click) costs several times the start of Python itself, so the commonest
scripted call — a calculator in ``--json`` mode with plain ``--flag value`` arguments —
is answered here through the command's batch ``record`` function (the record protocol of
commands/common.py: ``record(fields)`` returns exactly what ``--json`` prints), without
importing Typer. Everything else (help, completion, human output, anything this parser
is not certain about) goes to the Typer app, which stays the reference behaviour;
tests/test_startup.py checks that both paths print the same bytes and exit alike.

A calculator module takes part when it declares, besides ``FLAGS``:
``SWITCHES`` (flags without a value), ``REPEATABLE`` and ``REQUIRED`` (tuples of long
flag names). tests/test_startup.py checks those declarations against the Typer command.

This module imports neither typer nor rich.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable

INTERNAL_ERROR = 70


def _loaded_click():
    """click's exceptions, if Typer is loaded (otherwise no click exception can occur)."""
    if "typer" not in sys.modules:
        return None
    try:
        from typer import _click as click  # type: ignore[attr-defined]  # Typer 0.28 vendors click
    except ImportError:  # pragma: no cover
        import click  # type: ignore[no-redef]
    return click


def _quiet_stdout() -> None:
    """After a broken pipe (``saiken … | head -1``): send what is left to /dev/null, so that
    Python's final flush does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def run_guarded(call: Callable[[], Any]) -> int:
    """Run ``call``; map every failure to one stderr line and an exit status."""
    from saiken_cli.errors import SaikenError

    try:
        rv = call()
        sys.stdout.flush()  # a full disk or /dev/full shows here, inside the guard
        return rv if isinstance(rv, int) else 0
    except SaikenError as exc:
        sys.stderr.write(f"saiken: error: {exc.message}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except RecursionError:  # an input nested thousands deep (JSON, TOML): the input, not a bug
        sys.stderr.write("saiken: error: the input is nested too deeply to be read (at most 32 levels)\n")
        return 2
    except BrokenPipeError:
        _quiet_stdout()
        return 1
    except SystemExit as exc:
        if isinstance(exc.__context__, BrokenPipeError):  # rich turns a closed pipe into SystemExit(1)
            _quiet_stdout()
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback, no locals
        click = _loaded_click()
        if click is not None:
            if isinstance(exc, click.exceptions.UsageError):
                message = " ".join(exc.format_message().split())
                cmd = exc.ctx.command_path if exc.ctx is not None else "saiken"
                sys.stderr.write(f"saiken: error: {message} (see '{cmd} --help')\n")
                return 2
            if isinstance(exc, click.exceptions.ClickException):
                sys.stderr.write(f"saiken: error: {' '.join(exc.format_message().split())}\n")
                return exc.exit_code
            # Typer 0.28 defines Exit and Abort in typer.exceptions (not in its vendored click)
            typer_exc = sys.modules.get("typer.exceptions")
            exits = tuple(c for c in (getattr(click.exceptions, "Exit", None), getattr(typer_exc, "Exit", None)) if c)
            aborts = tuple(c for c in (getattr(click.exceptions, "Abort", None), getattr(typer_exc, "Abort", None)) if c)
            if exits and isinstance(exc, exits):
                return getattr(exc, "exit_code", 0)
            if aborts and isinstance(exc, aborts):
                sys.stderr.write("saiken: aborted\n")
                return 130
        if isinstance(exc, OSError):
            from saiken_cli.output import is_write_error

            if is_write_error(exc):  # e.g. stdout on a full disk: the user's environment, not a bug
                _quiet_stdout()
                sys.stderr.write(f"saiken: error: the output cannot be written ({exc.strerror or type(exc).__name__})\n")
                return 2
        if os.environ.get("SAIKEN_DEBUG") == "1":  # only 1: SAIKEN_DEBUG=0 means off
            raise
        sys.stderr.write(
            f"saiken: internal error ({type(exc).__name__}); this is a bug in saiken, not in your input. "
            "Set SAIKEN_DEBUG=1 to see details.\n"
        )
        return INTERNAL_ERROR


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
    record = getattr(mod, "record", None)
    flags = getattr(mod, "FLAGS", None)
    switches = getattr(mod, "SWITCHES", None)
    repeatable = getattr(mod, "REPEATABLE", None)
    required = getattr(mod, "REQUIRED", None)
    if not callable(record) or not all(isinstance(t, tuple) for t in (flags, switches, repeatable, required)):
        return None
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
        if name != "lang" and name not in flags:
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
    from saiken_cli.commands.common import NormFields

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
