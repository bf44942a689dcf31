"""One module per command. Each module exposes ``register(app)``; a calculator declares its
inputs once (``SPEC``, commands/spec.py) and exposes ``record(fields)``. Modules import
parsing and spec at module level; a calculator's calc module is imported inside the
functions that use it, except calc.damages (see each module's note: `saiken --help`
registers every command, and importing every calculator there costs ≈40 ms).

To add a command: create ``commands/<name>.py`` with ``register(app)`` and add its name to
COMMANDS below. Name the module after the command (``<command>.py`` or ``<command>_cmd.py``,
``-`` written ``_``): ``saiken <command> …`` then imports only that module (app.app_for);
a command registered by a module with another name still works, through the full app.
"""

from __future__ import annotations

import importlib

COMMANDS = (
    "damages",
    "jikou",
    "sashiosae",
    "seigen",
    "kabarai",
    "fees",
    "saisei",
    "rules_cmd",
    "report",
    "draft",
    "batch",
    "schema_cmd",
)


def register(app, modules: tuple[str, ...] = COMMANDS) -> None:
    for name in modules:
        importlib.import_module(f"saiken_cli.commands.{name}").register(app)


def module_for(command: str) -> str | None:
    """The module that (by the naming convention) registers ``command``: ``damages`` →
    ``damages``, ``rules`` → ``rules_cmd``. None when no module is named after it (the
    caller then loads every command)."""
    key = command.replace("-", "_")
    for name in COMMANDS:
        if name == key or name == key + "_cmd":
            return name
    return None
