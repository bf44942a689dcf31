"""Test helper: every command of the Typer app, discovered (nothing hard-coded), so that
the robustness, schema and start-up tests cover commands added later automatically."""

from __future__ import annotations

from dataclasses import dataclass

import typer


@dataclass(frozen=True)
class Param:
    opts: tuple[str, ...]  # ("--principal",) for options; () for arguments
    is_flag: bool
    multiple: bool
    required: bool
    name: str = ""  # the parameter's name (for arguments, e.g. kabarai's FILE → "file")


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]  # ("damages",), ("rules", "rate"), ("rules",) for a group's own callback
    params: tuple[Param, ...]

    @property
    def options(self) -> list[Param]:
        return [p for p in self.params if p.opts]

    @property
    def arguments(self) -> list[Param]:
        return [p for p in self.params if not p.opts]


def _params(cmd) -> tuple[Param, ...]:
    out = []
    for p in cmd.params:
        if getattr(p, "param_type_name", "") == "argument" or type(p).__name__.endswith("Argument"):
            out.append(Param((), False, bool(p.multiple), bool(p.required), p.name or ""))
        else:
            out.append(Param(tuple(p.opts), bool(getattr(p, "is_flag", False)), bool(p.multiple), bool(p.required), p.name or ""))
    return tuple(out)


def commands() -> list[Command]:
    """Every leaf command and every group (with the group's own options), root excluded."""
    from saiken_cli.app import app

    root = typer.main.get_command(app)
    found: list[Command] = []

    def walk(cmd, path: tuple[str, ...]) -> None:
        subs = getattr(cmd, "commands", None)
        if path:
            found.append(Command(path, _params(cmd)))
        if subs:
            for name, sub in sorted(subs.items()):
                walk(sub, (*path, name))

    walk(root, ())
    return found


def command(path: tuple[str, ...]) -> Command:
    return next(c for c in commands() if c.path == path)


def help_examples(path: tuple[str, ...]) -> list[list[str]]:
    """The ``saiken …`` lines of a command's ``Example:`` help block, as argv lists (without
    ``saiken``), for lines that run this very command. ``→ …`` annotations are dropped."""
    import shlex

    from saiken_cli.app import app

    cmd = typer.main.get_command(app)
    for name in path:
        cmd = cmd.commands[name]
    text = cmd.help or ""
    if "Example:" not in text:
        return []
    out = []
    for line in text.split("Example:", 1)[1].splitlines():
        line = line.strip()
        if not line.startswith("saiken "):
            continue
        line = line.split("→")[0].split(" | ")[0].split(" < ")[0].strip()
        try:
            argv = shlex.split(line)[1:]
        except ValueError:
            continue
        if tuple(argv[: len(path)]) != path:
            continue
        # a group's example line that names a subcommand belongs to the subcommand
        if len(argv) > len(path) and argv[len(path)] in (getattr(cmd, "commands", None) or {}):
            continue
        out.append(argv)
    return out
