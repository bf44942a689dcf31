"""Option types shared by every command (Typer ``Annotated`` aliases)."""

from __future__ import annotations

from typing import Annotated

import typer

from saiken_cli.errors import InputError

JsonOpt = Annotated[bool, typer.Option("--json", help="Print only JSON on stdout (stable contract with schema_version).")]
LangOpt = Annotated[str, typer.Option("--lang", help="Language of the human output: ja (default) or en.", metavar="ja|en")]

LANGS = ("ja", "en")


def check_lang(lang: str) -> str:
    value = (lang or "").strip().lower()
    if value not in LANGS:
        raise InputError("--lang", lang, "ja or en")
    return value
