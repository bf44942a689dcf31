"""`saiken schema COMMAND` — the published JSON Schema of a command's ``--json`` output.

Generic: any module ``saiken_cli/schemas/<name>.py`` defining a pydantic model ``Output``
is a schema; ``<name>`` is the command with spaces and hyphens written as ``_``
(``damages``, ``rules``, ``rules_rate`` for ``saiken rules rate``). pydantic is imported
only when a schema is asked for.
"""

from __future__ import annotations

import sys
from typing import Any

from saiken_cli.commands.spec import Command, Flag

HELP = """Print the JSON Schema (draft 2020-12) of a command's --json output.

Without COMMAND, print the names of the commands that publish a schema. The schema of
`saiken batch` JSON Lines records is that of the command's payload under "result".
With --input, print the schema of the command's input instead: one record of a
`saiken batch` file or one table of a case file (keys, kinds, aliases, help ja/en).

Example:
  saiken schema damages
  saiken schema damages --input
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


def input_schema(command: str) -> dict[str, Any] | None:
    """The JSON Schema of one input record of ``command`` (from its declaration, SPEC)."""
    import importlib

    from saiken_cli.commands import module_for

    module = module_for(command.strip().lower())
    if module is None:
        return None
    spec = getattr(importlib.import_module(f"saiken_cli.commands.{module}"), "SPEC", None)
    if spec is None or spec.name != command.strip().lower():
        return None
    return {"$schema": DIALECT, **spec.input_schema()}


def input_names() -> list[str]:
    """The commands whose inputs are declared (``saiken schema COMMAND --input``)."""
    import importlib

    from saiken_cli.commands import COMMANDS

    out = []
    for name in COMMANDS:
        spec = getattr(importlib.import_module(f"saiken_cli.commands.{name}"), "SPEC", None)
        if spec is not None:
            out.append(spec.name)
    return out


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


#: The argument and option of `saiken schema`, declared once (commands/spec.py).
OPTIONS = Command("schema", HELP, (
    Flag("command", "text", "スキーマを公開しているコマンド (damages, rules, rules-rate …; 省略: その一覧)",
         "A command with a published schema (damages, rules, rules-rate …).", role="argument", metavar="[COMMAND]",
         doc="A command with a published schema (damages, rules, rules-rate …); without it, the list of those commands."),
    Flag("input", "switch", "出力ではなく入力 (batch の1行・事件ファイルの表) のスキーマ",
         "The schema of the command's input (a batch record or case-file table), not of its output.", role="option"),
), json=False, lang=False, record=False)


def _run(values: dict[str, Any]) -> None:
    schema(values["command"], inputs=values["input"])


def schema(command: str | None = None, *, inputs: bool = False) -> None:
    import json

    from saiken_cli.errors import InputError
    from saiken_cli.render import write_utf8

    if inputs:
        if command is None:
            sys.stdout.write(json.dumps(input_names(), ensure_ascii=False) + "\n")
            return
        doc = input_schema(command)
        if doc is None:
            raise InputError("COMMAND", command, "a command with declared inputs: " + ", ".join(input_names()))
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    if command is None:
        write_utf8(json.dumps(schema_names(), ensure_ascii=False) + "\n")
        return
    doc = json_schema(command)
    if doc is None:
        raise InputError("COMMAND", command, "a command with a published schema: " + ", ".join(schema_names()))
    write_utf8(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def register(app) -> None:
    OPTIONS.register(app, run=_run)
