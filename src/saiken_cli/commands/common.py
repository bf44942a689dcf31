"""Option types shared by every command (Typer ``Annotated`` aliases) and the batch record
protocol.

This module does not import typer at import time: ``JsonOpt`` and ``LangOpt`` are built
on first use (module ``__getattr__``), so that the record functions and the start-up fast
path (entry.py) run without Typer.
"""

from __future__ import annotations

from typing import Any

from saiken_cli.errors import InputError


def __getattr__(name: str) -> Any:
    if name in ("JsonOpt", "LangOpt"):
        _build_option_types()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _build_option_types() -> None:
    from typing import Annotated

    import typer

    globals()["JsonOpt"] = Annotated[
        bool, typer.Option("--json", help="Print only JSON on stdout (stable contract with schema_version).")
    ]
    globals()["LangOpt"] = Annotated[
        str, typer.Option("--lang", help="Language of the human output: ja (default) or en.", metavar="ja|en")
    ]


# bind_typer and Imports: for the commands not yet declared through commands/spec.py (issue 16)
def bind_typer(namespace: dict[str, Any]) -> None:
    """Give a command module the names its (string) annotations use — ``typer``, ``JsonOpt``,
    ``LangOpt`` — at registration, for modules that do not import typer at import time
    (see commands/damages.py and entry.py: ``saiken damages … --json`` starts without Typer)."""
    import typer

    namespace.setdefault("typer", typer)
    namespace.setdefault("JsonOpt", __getattr__("JsonOpt"))
    namespace.setdefault("LangOpt", __getattr__("LangOpt"))

class Imports:
    """``parsing`` and one calc module for a command, imported on first use and then held.

    Not at import time: `saiken --help` registers every command without loading its calc.
    Not inside each call either: a function-level ``from … import …`` in a batch record
    costs about as much as parsing a field (issue 5: batch speed). ``Imports("damages")``
    gives ``.p`` (saiken_cli.parsing) and ``.calc`` (saiken_cli.calc.damages)."""

    def __init__(self, calc: str):
        self._calc_name = calc

    def __getattr__(self, name: str) -> Any:  # reached only until both are loaded
        if name not in ("p", "calc"):
            raise AttributeError(name)
        import importlib

        from saiken_cli import parsing

        self.p = parsing
        self.calc = importlib.import_module(f"saiken_cli.calc.{self._calc_name}")
        return getattr(self, name)


LANGS = ("ja", "en")


def check_lang(lang: str) -> str:
    value = (lang or "").strip().lower()
    if value not in LANGS:
        raise InputError("--lang", lang, "ja or en")
    return value


# --- The batch/record protocol -------------------------------------------------------
# Every calculator command module exposes
#
#     def record(fields: Mapping[str, str | list[str]]) -> dict:   # the --json payload
#
# which takes one batch record whose keys are the command's long flag names (without
# "--"; "-" and "_" are interchangeable) and returns what `--json` would print before its
# message items are phrased (`--json` prints ``catalogue.localize(record(fields), lang)``,
# which adds each item's "text"), raising SaikenError with the same message the single
# command would print.
# Keys that are not flags of the command are identifiers (case_id …) that the batch
# runner carries through untouched.

from saiken_cli.commands.spec import FALSE_WORDS, TRUE_WORDS, NormFields, norm_key  # noqa: E402,F401


def take(fields, name: str):
    """The value of flag ``name`` in a batch record (or None)."""
    if type(fields) is NormFields:
        return fields.get(name)
    for key, value in fields.items():
        if norm_key(key) == name:
            return value
    return None


def take_str(fields, name: str) -> str | None:
    value = fields.get(name) if type(fields) is NormFields else take(fields, name)
    if type(value) is str:  # a CSV cell: the common case
        return value if value.strip() else None
    if value is None:
        return None
    if isinstance(value, list):
        raise InputError(f"--{name}", value, "a single value")
    text = str(value)
    return None if text.strip() == "" else text


def take_bool(fields, name: str) -> bool:
    value = fields.get(name) if type(fields) is NormFields else take(fields, name)
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise InputError(f"--{name}", value, "true or false (1/0, yes/no)")


def take_list(fields, name: str) -> list[str]:
    """A repeatable flag: a JSON list, or a CSV cell with values separated by ';'."""
    value = fields.get(name) if type(fields) is NormFields else take(fields, name)
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [part.strip() for part in str(value).split(";") if part.strip()]
