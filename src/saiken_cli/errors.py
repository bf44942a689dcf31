"""The errors saiken reports to its user, each with its exit status.

| exit | class            | meaning                                             |
|------|------------------|-----------------------------------------------------|
| 2    | InputError       | a flag value (or a batch/case field) is not accepted |
| 2    | OutputError      | the output cannot be written (disk full, no permission, same file as an input) |
| 3    | RuleNotInForce   | the law for the requested date is not known          |
| 4    | RuleDataError    | a rule file under rules/data is broken               |

Every message is one line. Messages never include a traceback.
"""

from __future__ import annotations


class SaikenError(Exception):
    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(SaikenError):
    """A value given by the user is not accepted (exit 2).

    ``flag`` names the flag (``--principal``) or field; ``given`` is what was typed;
    ``accepted`` says what would be accepted.
    """

    exit_code = 2

    def __init__(self, flag: str, given: object, accepted: str):
        self.flag = flag
        self.given = given
        self.accepted = accepted
        shown = _shorten(str(given))
        super().__init__(f"{flag}: {shown!r} is not accepted: {accepted}")


class ConflictError(SaikenError):
    """Flags that cannot be combined, or a missing companion flag (exit 2)."""

    exit_code = 2


class OutputError(SaikenError):
    """The output cannot be written, or writing it would destroy an input (exit 2).

    Raised by saiken_cli.output; the message names the flag (``--output``) and the path."""

    exit_code = 2


class RuleNotInForce(SaikenError):
    """The rule data has no row for the requested date (exit 3): saiken refuses."""

    exit_code = 3


class RuleDataError(SaikenError):
    """A rule file is malformed (exit 4)."""

    exit_code = 4


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
