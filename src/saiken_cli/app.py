"""The root Typer app: registers one module per command and turns every failure into one line.

Exit statuses: 0 ok (warnings included), 2 bad input, 3 law not known for the date,
4 broken rule data, 70 internal error (a bug: never a traceback unless SAIKEN_DEBUG=1).
"""

from __future__ import annotations

import os
import sys
from typing import Any, Optional

import typer
from typer.core import TyperGroup

from saiken_cli import __version__
from saiken_cli.guard import run_guarded  # Typer-free, shared with the start-up fast path (entry.py)


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


APP_SETTINGS: dict[str, Any] = dict(
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


def root(
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version_callback, is_eager=True, help="Print the version and the rules-data date."
    ),
) -> None:
    """saiken — 債務の法的状況の計算 under Japanese law."""


def build_app(modules: "tuple[str, ...] | None" = None) -> typer.Typer:
    """The root app with the commands of ``modules`` (default: every module in COMMANDS)."""
    from saiken_cli.commands import COMMANDS, register

    new = typer.Typer(**APP_SETTINGS)
    new.callback()(root)
    register(new, COMMANDS if modules is None else modules)
    return new


_FULL_APP: "typer.Typer | None" = None


def full_app() -> typer.Typer:
    global _FULL_APP
    if _FULL_APP is None:
        _FULL_APP = build_app()
    return _FULL_APP


def __getattr__(name: str) -> Any:
    # `from saiken_cli.app import app`: the app with every command, built on first use
    if name == "app":
        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def app_for(argv: list[str]) -> typer.Typer:
    """The app to run ``argv`` with: for ``saiken COMMAND …`` only that command's module is
    imported and converted (start-up: shell scripts call saiken thousands of times); root
    options, help, completion and anything unexpected get the full app."""
    from saiken_cli.commands import module_for

    if not argv or any(k.startswith("_SAIKEN_COMPLETE") for k in os.environ):
        return full_app()
    module = module_for(argv[0])
    if module is None:
        return full_app()
    one = build_app((module,))
    names = {c.name for c in one.registered_commands} | {g.name for g in one.registered_groups}
    return one if argv[0] in names else full_app()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = typer.main.get_command(app_for(args))
    return command.main(args=args, prog_name="saiken", standalone_mode=False)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
