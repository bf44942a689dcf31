"""Running a command with one-line errors: every failure becomes one stderr line and an exit status.

Shared by the start-up fast path (entry.py) and the Typer app (app.py), so neither imports
the other for it. Imports neither typer nor rich (Typer's exceptions are looked up only
when Typer is already loaded).

Exit statuses: 0 ok (warnings included), 2 bad input, 3 law not known for the date,
4 broken rule data, 70 internal error (a bug: never a traceback unless SAIKEN_DEBUG=1).
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
