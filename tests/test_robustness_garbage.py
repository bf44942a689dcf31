"""Nothing breaks: generated garbage to every registered command (issue 5 §4).

Commands are discovered from the Typer app (tests/_cli_tree.py), so commands added later
are covered without editing this file. Each argv runs twice: through the Typer app
(CliRunner) and through the console-script entry point (entry.main, which may answer on
its start-up fast path). Whatever the input: exit 0, 2 or 3; no traceback; on a non-zero
exit exactly one line on stderr.
"""

from __future__ import annotations

import contextlib
import io
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import _cli_tree
from conftest import invoke

COMMANDS = _cli_tree.commands()
ALLOWED_EXITS = {0, 2, 3}

#: Hand-picked garbage: the classes issue 5 names, plus Japanese-input near misses.
GARBAGE = [
    "", " ", "\t", "nan", "NaN", "inf", "-inf", "Infinity", "1e309", "-1", "0", "-0", "0.0",
    "9" * 300, "1" + "0" * 4400, "x" * 5000, "５" * 5000, "１２３", "５０万円", "１割８分", "２０２０－０１－０１",
    "R99.99.99", "令和元年13月1日", "H31.5.1", "2024-02-30", "0001-01-01", "9999-12-31", "99999-01-01",
    "--", "-", "--json", "None", "null", "[]", "{}", "1/0", "¥", "万", "兆兆", "1e5", "0x10", "1_000",
    "\x1b[31mred", "a\x7fb", "a\u200bb", "\u202e2020-01-01", "𠮷", "\ud7ff", "1;2;3", "2020-01-01:",
    ":100", "2020-01-01:-5", "2020-01-01:1:2", "legal;legal",
]

values = st.one_of(
    st.sampled_from(GARBAGE),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


def _baseline(cmd: _cli_tree.Command) -> list[str]:
    examples = _cli_tree.help_examples(cmd.path)
    return examples[0] if examples else list(cmd.path)


@st.composite
def argvs(draw) -> list[str]:
    cmd = draw(st.sampled_from(COMMANDS))
    argv = list(cmd.path) if draw(st.booleans()) else _baseline(cmd)
    options = [p for p in cmd.options if p.opts[0] not in ("--help", "-h")]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["option", "option", "flag", "unknown", "positional"]))
        if kind == "option" and options:
            param = draw(st.sampled_from(options))
            argv.append(param.opts[0])
            if not param.is_flag:
                argv.append(draw(values))
        elif kind == "flag" and options:
            argv.append(draw(st.sampled_from(options)).opts[0])
        elif kind == "unknown":
            argv.append("--" + draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_", min_size=1, max_size=12)))
        else:
            argv.append(draw(values))
    if draw(st.booleans()):
        argv.append("--json")
    return argv


def _check(argv: list[str], code: int, out: str, err: str) -> None:
    shown = repr(argv)[:300]
    assert code in ALLOWED_EXITS, f"{shown}: exit {code}; stderr: {err[:500]}"
    assert "Traceback" not in out and "Traceback" not in err, f"{shown}: traceback\n{err[:2000]}"
    if code != 0:
        lines = err.strip("\n").split("\n")
        assert len(lines) == 1 and lines[0].strip(), f"{shown}: {len(lines)} stderr lines:\n{err[:1000]}"


def _run_entry(argv: list[str]) -> tuple[int, str, str]:
    from saiken_cli.entry import main

    out, err = io.StringIO(), io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        sys.stdin = stdin
    return code, out.getvalue(), err.getvalue()


def _both(argv: list[str]) -> None:
    r = invoke(*argv, input="")
    _check(argv, r.exit_code, r.stdout, r.stderr)
    code, out, err = _run_entry(argv)
    _check(argv, code, out, err)


@pytest.fixture(autouse=True)
def _empty_cwd(tmp_path, monkeypatch):
    # garbage may name files: let it find none, and write nowhere that matters
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SAIKEN_DEBUG", raising=False)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=argvs())
def test_generated_garbage_never_breaks_any_command(argv):
    _both(argv)


VALUE_OPTIONS = [
    (cmd.path, p.opts[0]) for cmd in COMMANDS for p in cmd.options if not p.is_flag and p.opts[0] not in ("--help", "-h")
]


@pytest.mark.parametrize("path, option", VALUE_OPTIONS, ids=[f"{' '.join(p)} {o}" for p, o in VALUE_OPTIONS])
def test_every_garbage_class_in_every_option(path, option):
    """Systematic: each hand-picked garbage value in each option, on top of a valid example
    call (so that the command's own parsers, not a missing required flag, see it)."""
    cmd = next(c for c in COMMANDS if c.path == path)
    bases = _cli_tree.help_examples(cmd.path) or [list(cmd.path)]
    for i, value in enumerate(GARBAGE):
        base = bases[i % len(bases)]  # every example call meets every option, in rotation
        argv = [*base, option, value, "--json"] if "--json" not in base else [*base, option, value]
        _both(argv)


def test_the_commands_found_include_the_calculators():
    # a test that cannot fail is a defect: make sure discovery really found commands
    paths = {c.path for c in COMMANDS}
    assert ("damages",) in paths and ("batch",) in paths and ("schema",) in paths and ("rules", "rate") in paths
