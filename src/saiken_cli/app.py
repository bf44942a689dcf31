"""The root Typer app: registers one module per command and turns every failure into one line.

Exit statuses: 0 ok (warnings included), 2 bad input, 3 law not known for the date,
4 broken rule data, 70 internal error (a bug: never a traceback unless SAIKEN_DEBUG=1).
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Optional

import typer
from typer.core import TyperGroup

from saiken_cli import __version__
from saiken_cli.errors import SaikenError

INTERNAL_ERROR = 70


def _click():
    # Typer 0.28 vendors click as typer._click; fall back to click for other versions.
    try:
        from typer import _click as click  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover
        import click  # type: ignore[no-redef]
    return click


def run_guarded(call: Callable[[], Any]) -> int:
    """Run ``call``; map every failure to one stderr line and an exit status."""
    click = _click()
    try:
        rv = call()
        return rv if isinstance(rv, int) else 0
    except SaikenError as exc:
        sys.stderr.write(f"saiken: error: {exc.message}\n")
        return exc.exit_code
    except click.exceptions.UsageError as exc:
        message = " ".join(exc.format_message().split())
        cmd = exc.ctx.command_path if exc.ctx is not None else "saiken"
        sys.stderr.write(f"saiken: error: {message} (see '{cmd} --help')\n")
        return 2
    except click.exceptions.ClickException as exc:
        sys.stderr.write(f"saiken: error: {' '.join(exc.format_message().split())}\n")
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        sys.stderr.write("saiken: aborted\n")
        return 130
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except SystemExit as exc:
        if isinstance(exc.__context__, BrokenPipeError):  # rich turns a closed pipe into SystemExit(1)
            _silence_stdout()
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback, no locals
        if os.environ.get("SAIKEN_DEBUG"):
            raise
        sys.stderr.write(
            f"saiken: internal error ({type(exc).__name__}); this is a bug in saiken, not in your input. "
            "Set SAIKEN_DEBUG=1 to see details.\n"
        )
        return INTERNAL_ERROR


def _silence_stdout() -> None:
    """The reader went away (`saiken … | head -1`): drop what is left, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (CliRunner)
        pass


class SaikenGroup(TyperGroup):
    """Same behaviour for the console script and Typer's CliRunner: one-line errors."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[override]
        parent = super()
        code = run_guarded(
            lambda: parent.main(
                args=args, prog_name=prog_name or "saiken", complete_var=complete_var, standalone_mode=False, **extra
            )
        )
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    name="saiken",
    cls=SaikenGroup,
    help=(
        "saiken — 債務の法的状況の計算 (遅延損害金・消滅時効・給与差押え …) under Japanese law. "
        "Not legal advice: verify every figure before filing."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,  # locals can hold a debtor's data
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        from saiken_cli import rules

        typer.echo(f"saiken {__version__} (rules data {rules.data_date()})")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version_callback, is_eager=True, help="Print the version and the rules-data date."
    ),
) -> None:
    """saiken — 債務の法的状況の計算 under Japanese law."""


from saiken_cli.commands import register  # noqa: E402  (after app exists)

register(app)


def main(argv: list[str] | None = None) -> int:
    command = typer.main.get_command(app)
    return command.main(args=argv, prog_name="saiken", standalone_mode=False)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
