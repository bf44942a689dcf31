"""--lang, shared by every command, and the batch record protocol.

Every command's options are declared once (commands/spec.py: a calculator's ``SPEC``, the
``OPTIONS`` of a command without records); this module imports neither typer nor rich (the
record functions and the start-up fast path, entry.py, use it).
"""

from __future__ import annotations

from saiken_cli.errors import InputError

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
