"""Keep the documented examples real: re-run every ```console block of README.md and
docs/commands/*.md and write its output.

A block looks like:

    ```console
    $ saiken damages --principal 500000 --rate 0.2 --days 90
    <output>
    ```

`python scripts/update_readme.py` rewrites the outputs in place; `--check` exits 1 and
names the first block whose recorded output differs (tests/test_readme.py runs it).

It also writes each flag table, generated from the command's one declaration of its inputs
(``SPEC``, or ``OPTIONS`` for a command without records; commands/spec.py), between the lines

    <!-- flags: COMMAND (generated from SPEC by scripts/update_readme.py) -->
    <!-- /flags -->
Commands run in-process through Typer's CliRunner (not a terminal: width 120, no colour), with
SAIKEN_TODAY fixed (TODAY below) so that dates defaulting to today do not age the examples.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-12-01"
BLOCK = re.compile(r"```console\n(\$ saiken [^\n]*)\n(.*?)```", re.S)
FLAGS = re.compile(r"(<!-- flags: ([a-z0-9_-]+)[^\n]*-->\n)(.*?)(<!-- /flags -->)", re.S)
ALIASES = re.compile(r"(<!-- aliases[^\n]*-->\n)(.*?)(<!-- /aliases -->)", re.S)


def alias_table() -> str:
    """The README's table of the Japanese column names, from each command's SPEC."""
    from saiken_cli.commands.batch import alias_table as rows

    by_command: dict[str, list[str]] = {}
    for command, flag, names in rows():
        by_command.setdefault(command, []).append(f"{names.replace('/', '・')} → `{flag}`")
    lines = ["| command | Japanese column names (header cells) → flag |", "|---|---|"]
    lines += [f"| `{c}` | {', '.join(v)} |" for c, v in by_command.items()]
    lines.append("| every command | 案件番号・事件番号 → the case's id; 債務者・債務者名・備考: ids as well (carried through, not listed as unknown) |")
    return "\n".join(lines) + "\n"


def flag_table(command: str) -> str:
    """The flag table of ``command``: a calculator's SPEC, the OPTIONS of a command without
    records (report, batch, schema), or, for a subcommand ``group-sub`` (draft-enyou,
    rules-rate), the group module's ``SUB_OPTIONS``."""
    import importlib

    from saiken_cli.commands import module_for

    group, _, sub = command.partition("-")
    module = module_for(command) or (module_for(group) if sub else None)
    if module is None:
        raise SystemExit(f"<!-- flags: {command} -->: no such command")
    mod = importlib.import_module(f"saiken_cli.commands.{module}")
    if module_for(command) is None:
        return getattr(mod, f"{sub.upper().replace('-', '_')}_OPTIONS").markdown_table()
    return (getattr(mod, "SPEC", None) or mod.OPTIONS).markdown_table()


def run(command_line: str) -> str:
    from typer.testing import CliRunner

    from saiken_cli.app import app

    args = shlex.split(command_line[len("$ saiken ") :])
    # a fixed "today" (作成日 of reports, defaults of --as-of): the recorded output does not age
    result = CliRunner().invoke(app, args, env={"SAIKEN_TODAY": TODAY})
    out = result.stdout + result.stderr
    if result.exit_code not in (0, 1, 2, 3):
        raise SystemExit(f"{command_line}: exit {result.exit_code}")
    return "\n".join(line.rstrip() for line in out.rstrip().splitlines()) + "\n"


RULES_ID = re.compile(r"sha256:[0-9a-f]{12}")


def _stable(text: str) -> str:
    """Output as compared: the rule-data identifier of a report header (it changes with every
    edit of a rule file, not with the figures) is not what makes an example stale."""
    return RULES_ID.sub("sha256:…", text)


def process(text: str, check: bool) -> tuple[str, list[str]]:
    stale: list[str] = []

    def replace(m: re.Match) -> str:
        command, recorded = m.group(1), m.group(2)
        actual = run(command)
        if _stable("\n".join(l.rstrip() for l in recorded.splitlines()).strip()) != _stable(actual.strip()):
            stale.append(command)
        return f"```console\n{command}\n{actual}```"

    def replace_flags(m: re.Match) -> str:
        table = flag_table(m.group(2))
        if m.group(3) != table:
            stale.append(f"flag table of {m.group(2)}")
        return m.group(1) + table + m.group(4)

    def replace_aliases(m: re.Match) -> str:
        table = alias_table()
        if m.group(2) != table:
            stale.append("table of Japanese column names")
        return m.group(1) + table + m.group(3)

    text = BLOCK.sub(replace, text)
    text = ALIASES.sub(replace_aliases, text)
    return FLAGS.sub(replace_flags, text), stale


def documents() -> list[Path]:
    """The README and the per-command references under docs/commands/."""
    return [ROOT / "README.md", *sorted((ROOT / "docs" / "commands").glob("*.md"))]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    all_stale: list[str] = []
    for doc in documents():
        new, stale = process(doc.read_text(encoding="utf-8"), check)
        all_stale += [f"{doc.relative_to(ROOT)}: {c}" for c in stale]
        if not check:
            doc.write_text(new, encoding="utf-8")
    if check:
        if all_stale:
            print("recorded output is stale for:\n  " + "\n  ".join(all_stale) + "\nrun: python scripts/update_readme.py")
            return 1
        return 0
    print(f"updated {len(documents())} documents" + (f"; changed blocks: {len(all_stale)}" if all_stale else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
