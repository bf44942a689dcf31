"""`saiken schema COMMAND` — the published JSON Schema of a command's ``--json`` output.

Generic: any module ``saiken_cli/schemas/<name>.py`` defining a pydantic model ``Output``
is a schema; ``<name>`` is the command with spaces and hyphens written as ``_``
(``damages``, ``rules``, ``rules_rate`` for ``saiken rules rate``). pydantic is imported
only when a schema is asked for.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, Optional

import typer

HELP = """Print the JSON Schema (draft 2020-12) of a command's --json output.

Without COMMAND, print the names of the commands that publish a schema. The schema of
`saiken batch` JSON Lines records is that of the command's payload under "result".

Example:
  saiken schema damages
  saiken schema rules-rate
  saiken schema
"""

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_key(command: str) -> str:
    return "_".join(command.strip().lower().replace("-", " ").replace("_", " ").split())


def schema_names() -> list[str]:
    """Every module under saiken_cli/schemas (one per command), as ``saiken schema`` names."""
    import pkgutil

    import saiken_cli.schemas as pkg

    return sorted(m.name.replace("_", "-") for m in pkgutil.iter_modules(pkg.__path__) if not m.name.startswith("_"))


def load_output_model(command: str):
    """The pydantic ``Output`` model of a command, or None when it publishes none."""
    import importlib

    key = schema_key(command)
    if key.replace("-", "_") not in {n.replace("-", "_") for n in schema_names()}:
        return None
    mod = importlib.import_module(f"saiken_cli.schemas.{key}")
    return getattr(mod, "Output", None)


def json_schema(command: str) -> dict[str, Any] | None:
    model = load_output_model(command)
    if model is None:
        return None
    schema = model.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": DIALECT, **schema}


def scalar_fields(model) -> list[str]:
    """Top-level fields of ``model`` whose values are scalars (str, int, bool, null), by alias."""
    import types
    import typing

    scalars = (str, int, bool, float, type(None))

    def is_scalar(tp) -> bool:
        origin = typing.get_origin(tp)
        if origin is typing.Literal:
            return True
        if origin is typing.Union or origin is types.UnionType:
            return all(is_scalar(a) for a in typing.get_args(tp))
        if origin is typing.Annotated:
            return is_scalar(typing.get_args(tp)[0])
        return tp in scalars

    out = []
    for name, info in model.model_fields.items():
        if is_scalar(info.annotation):
            out.append(info.alias or name)
    return out


def schema(
    command: Annotated[Optional[str], typer.Argument(help="A command with a published schema (damages, rules, rules-rate …).", show_default=False, metavar="[COMMAND]")] = None,
) -> None:
    import json

    from saiken_cli.errors import InputError
    from saiken_cli.render import write_utf8

    if command is None:
        write_utf8(json.dumps(schema_names(), ensure_ascii=False) + "\n")
        return
    doc = json_schema(command)
    if doc is None:
        raise InputError("COMMAND", command, "a command with a published schema: " + ", ".join(schema_names()))
    write_utf8(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:
    app.command("schema", help=HELP)(schema)
