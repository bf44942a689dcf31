"""Option types shared by the commands not declared through commands/spec.py (Typer
``Annotated`` aliases), --lang, and the batch record protocol.

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


LANGS = ("ja", "en")


def check_lang(lang: str) -> str:
    value = (lang or "").strip().lower()
    if value not in LANGS:
        raise InputError("--lang", lang, "ja or en")
    return value


# --- The batch/record protocol -------------------------------------------------------
# Every calculator command module declares its inputs once (``SPEC``, commands/spec.py) and
# exposes
#
#     def record(fields: Mapping[str, str | list[str]]) -> dict:   # the --json payload
#         return payload(SPEC.read(fields))
#
# which takes one batch record whose keys are the command's long flag names (without
# "--"; "-" and "_" are interchangeable) and returns what `--json` would print before its
# message items are phrased (`--json` prints ``catalogue.localize(record(fields), lang)``,
# which adds each item's "text"), raising SaikenError with the same message the single
# command would print.
# Keys that are not flags of the command are identifiers (case_id …) that the batch
# runner carries through untouched.

from saiken_cli.commands.spec import FALSE_WORDS, TRUE_WORDS, NormFields, norm_key  # noqa: E402,F401
