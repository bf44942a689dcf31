"""One module per command. Each module exposes ``register(app)`` and imports calc lazily
(inside the command function) so that start-up stays light.

To add a command: create ``commands/<name>.py`` with ``register(app)`` and add its name to
COMMANDS below.
"""

from __future__ import annotations

import importlib

COMMANDS = (
    "damages",
    "rules_cmd",
    "batch",
    "schema_cmd",
)


def register(app) -> None:
    for name in COMMANDS:
        importlib.import_module(f"saiken_cli.commands.{name}").register(app)
