"""Start-up (issue 5 §3): what `saiken damages … --json` imports, the Typer-free fast path
(entry.py) and its equivalence with the Typer app, --version, shell completion.

Structural, not timed: benchmarks/bench_startup.py measures the time (`make bench`).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import _cli_tree
from conftest import invoke

ARGS = ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json"]
#: never on the `saiken damages … --json` path: human output, schemas, holiday data, dateutil
FORBIDDEN = ("rich", "pydantic", "jpholiday", "holidays", "dateutil", "reportlab", "openpyxl")  # the document writers load only for --format pdf|xlsx
#: nor, on the fast path (Typer itself imports them), dataclasses and inspect: importing them
#: cost ~10 ms of start-up; the records on the path (rules, render, calc.damages) are NamedTuples;
#: nor tomllib (~3 ms to import, ~2 ms to parse three tables): rules read data/parsed/*.json
FORBIDDEN_FAST = ("dataclasses", "inspect", "tomllib")


def imported_modules(*python_args: str) -> tuple[set[str], str]:
    env = {k: v for k, v in os.environ.items() if k != "SAIKEN_DEBUG"}
    r = subprocess.run([sys.executable, "-X", "importtime", *python_args], capture_output=True, text=True, env=env, check=True)
    names = set()
    for line in r.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+\d+ \|\s+(\S+)", line)
        if m:
            names.add(m.group(1))
    assert names, r.stderr[:500]
    return names, r.stdout


def _top(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


def allowed_calc_modules() -> set[str]:
    names, _ = imported_modules("-c", "import saiken_cli.calc.damages")
    # calc.caps: the shared 利息制限法 bracket lookup; damages loads it (lazily) to warn when a
    # given rate exceeds the damages caps of 4条/7条 for the principal
    return {n for n in names if n.startswith("saiken_cli.calc")} | {"saiken_cli.calc.caps"}


def test_damages_json_imports_no_rich_pydantic_holidays_dateutil_typer_or_other_calculators():
    names, out = imported_modules("-m", "saiken_cli", *ARGS)
    assert json.loads(out)["total_yen"] == 24657
    assert not (_top(names) & set(FORBIDDEN)), sorted(_top(names) & set(FORBIDDEN))
    # the fast path (entry.py) answers without Typer
    assert "typer" not in _top(names), "saiken damages … --json loaded Typer: the start-up fast path was not taken"
    assert not (_top(names) & set(FORBIDDEN_FAST)), sorted(_top(names) & set(FORBIDDEN_FAST))
    calc = {n for n in names if n.startswith("saiken_cli.calc.")}
    assert calc <= allowed_calc_modules(), f"calc modules of other commands imported: {sorted(calc - allowed_calc_modules())}"
    cmds = {n for n in names if n.startswith("saiken_cli.commands.")}
    assert cmds <= {"saiken_cli.commands.damages", "saiken_cli.commands.common", "saiken_cli.commands.spec"}, sorted(cmds)
    assert "saiken_cli.schemas" not in names
    assert "saiken_cli.app" not in names


def test_the_typer_path_also_stays_light():
    # a trailing `--` is outside the fast path: the Typer app answers
    names, out = imported_modules("-m", "saiken_cli", *ARGS, "--")
    assert json.loads(out)["total_yen"] == 24657
    assert "typer" in _top(names)
    assert not (_top(names) & set(FORBIDDEN)), sorted(_top(names) & set(FORBIDDEN))
    calc = {n for n in names if n.startswith("saiken_cli.calc.")}
    assert calc <= allowed_calc_modules()
    cmds = {n for n in names if n.startswith("saiken_cli.commands.")}
    assert cmds <= {"saiken_cli.commands.damages", "saiken_cli.commands.common", "saiken_cli.commands.spec"}, sorted(cmds)


def test_app_and_entry_do_not_import_each_other():
    # issue 16: the console script (entry.py) hands over to the Typer app; the app does not
    # import entry.py (run_guarded lives in guard.py, shared by both)
    names, _ = imported_modules("-c", "import saiken_cli.app")
    assert "saiken_cli.entry" not in names
    import pathlib

    src = pathlib.Path(importlib.import_module("saiken_cli.app").__file__).read_text(encoding="utf-8")
    assert "saiken_cli.entry" not in src


# --- the fast path: the one declaration (SPEC) gives the Typer command; both paths print the same


def fast_modules():
    from saiken_cli.commands import COMMANDS

    out = []
    for name in COMMANDS:
        mod = importlib.import_module(f"saiken_cli.commands.{name}")
        if callable(getattr(mod, "record", None)) and getattr(mod, "SPEC", None) is not None:
            out.append((name, mod))
    return out


CALCULATORS = fast_modules()


@pytest.mark.parametrize("name, mod", CALCULATORS, ids=[n for n, _ in CALCULATORS])
def test_the_typer_command_is_the_declaration(name, mod):
    spec = mod.SPEC
    cmd = _cli_tree.command((name,))
    options = {p.opts[0][2:]: p for p in cmd.options if p.opts[0] not in ("--json", "--lang")}
    arguments = {p.name for p in cmd.arguments}  # e.g. kabarai's FILE
    declared = {f.name for f in spec.flags if f.role != "argument"}
    assert set(options) == declared, "every Typer option comes from SPEC, and only from it"
    assert arguments == {f.param for f in spec.flags if f.role == "argument"}
    assert {"--json", "--lang"} <= {p.opts[0] for p in cmd.options}
    for f in spec.flags:
        if f.role == "argument":
            continue
        p = options[f.name]
        assert (p.is_flag, p.multiple, p.required) == (f.switch, f.repeatable, f.required), f.name
    # the fast path reads exactly the record inputs (not the options about how to print)
    switches, valued, repeatable, required = spec.fast
    assert switches | valued == {f.name for f in spec.flags if f.role == "input"}
    assert repeatable == {f.name for f in spec.flags if f.repeatable and f.role == "input"}
    assert set(required) == {f.name for f in spec.flags if f.required}


def run_entry(argv: list[str]) -> tuple[int, str, str]:
    from saiken_cli.entry import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def run_typer(argv: list[str]) -> tuple[int, str, str]:
    from saiken_cli.app import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


VALUES = {
    "principal": ["500000", "50万", "1,000,000", "abc", "0", " ", "５０万円"],
    "rate": ["0.2", "20%", "legal", "1割8分", "20", "nan", "150%"],
    "days": ["90", "0", "x", "73001"],
    "from": ["2019-05-01", "R1.5.1", "2020-02-30"],
    "to": ["2021-03-31", "2019-04-01", "9999-12-31"],
    "due-date": ["2020-03-31", "H31.4.30"],
    "method": ["court", "simple365", "kyotaku", "bogus", "COURT"],
    "payment": ["2020-06-30:300000", "2020-06-30", "2019-06-01:1"],
    "lang": ["ja", "en", "fr"],
}


@st.composite
def damages_argvs(draw):
    argv = ["damages"]
    for flag in draw(st.lists(st.sampled_from(sorted(VALUES) + ["commercial", "compare", "allow-high-rate", "json", "bogus"]), max_size=7)):
        if flag in ("commercial", "compare", "allow-high-rate", "json"):
            argv.append(f"--{flag}")
        elif flag == "bogus":
            argv.append("--bogus")
        else:
            value = draw(st.sampled_from(VALUES[flag]))
            argv += [f"--{flag}={value}"] if draw(st.booleans()) else [f"--{flag}", value]
    if draw(st.booleans()):
        argv += ["--principal", draw(st.sampled_from(VALUES["principal"])), "--rate", draw(st.sampled_from(VALUES["rate"]))]
    if draw(st.booleans()):
        argv.append("--json")
    return argv


@settings(max_examples=200, deadline=None)
@given(argv=damages_argvs())
def test_fast_path_and_typer_app_print_the_same(argv):
    assert run_entry(argv) == run_typer(argv), argv


def test_the_fast_path_is_taken_for_plain_json_calls_and_not_otherwise():
    from saiken_cli.entry import parse_fast

    assert parse_fast(ARGS) is not None
    assert parse_fast([*ARGS[:-1], "--json", "--lang", "en", "--compare"]) is not None
    assert parse_fast(["damages", "--principal=500000", "--rate=0.2", "--days=90", "--json"]) is not None
    for other in (
        ARGS[:-1],  # human output
        [*ARGS, "--help"],
        [*ARGS, "--"],
        [*ARGS, "--bogus"],
        ["damages", "--rate", "0.2", "--days", "90", "--json"],  # a required flag missing: click says so
        ["damages", "--principal", "-5", "--rate", "0.2", "--days", "90", "--json"],
        ["damages", "--principal", " ", "--rate", "0.2", "--days", "90", "--json"],
        ["damages", "--principal", "1", "--principal", "2", "--rate", "0.2", "--days", "90", "--json"],
        ["rules", "--json"],
        ["batch", "damages", "x.csv", "--json"],
    ):
        assert parse_fast(other) is None, other
    code, out, err = run_entry(ARGS)
    assert (code, json.loads(out)["total_yen"], err) == (0, 24657, "")


def test_fast_path_error_and_warning_lines_match_the_typer_app():
    for argv in (
        ["damages", "--principal", "abc", "--rate", "0.2", "--days", "90", "--json"],
        ["damages", "--principal", "1", "--rate", "legal", "--from", "2029-04-01", "--to", "2029-05-01", "--json"],
        ["damages", "--principal", "1000000", "--rate", "0.01", "--from", "2021-01-01", "--to", "2021-12-31", "--json"],
        ["damages", "--principal", "1", "--rate", "0.2", "--days", "9", "--json", "--lang", "fr"],
    ):
        fast, slow = run_entry(argv), run_typer(argv)
        assert fast == slow, argv
    assert run_entry(["damages", "--principal", "abc", "--rate", "0.2", "--days", "9", "--json"])[0] == 2


def test_an_internal_error_is_one_line_exit_70_on_both_paths(monkeypatch):
    import saiken_cli.calc.damages as calc

    def boom(inp):
        raise RuntimeError("boom")

    monkeypatch.setattr(calc, "compute", boom)
    monkeypatch.delenv("SAIKEN_DEBUG", raising=False)
    for run in (run_entry, run_typer):
        code, out, err = run(ARGS)
        assert code == 70 and out == "" and "Traceback" not in err
        assert err.strip().splitlines() == [
            "saiken: internal error (RuntimeError); this is a bug in saiken, not in your input. Set SAIKEN_DEBUG=1 to see details."
        ]
    r = invoke("damages", "--principal", "1", "--rate", "0.1", "--days", "1")  # human output, Typer path
    assert r.exit_code == 70 and "Traceback" not in r.stderr


def test_a_closed_pipe_is_quiet(tmp_path):
    # `saiken … | head -1`: exit without a second error from Python's final flush
    cases = tmp_path / "many.csv"
    cases.write_text("principal,rate,days\n" + "500000,0.2,90\n" * 3000)  # ~3 MB of output: the pipe breaks
    script = tmp_path / "pipe.sh"
    script.write_text(f'"{sys.executable}" -m saiken_cli batch damages "{cases}" | head -c 10 > /dev/null; echo "${{PIPESTATUS[0]}}"\n')
    r = subprocess.run(["bash", str(script)], capture_output=True, text=True)
    assert r.stdout.strip() == "1"
    assert r.stderr == "", r.stderr  # no traceback, no "Exception ignored … BrokenPipeError"


# --- --version and shell completion ---------------------------------------------------------


def test_version_prints_version_and_rules_data_date():
    from saiken_cli import __version__, rules

    r = invoke("--version")
    assert r.exit_code == 0
    assert r.stdout.strip() == f"saiken {__version__} (rules data {rules.data_date()})"
    assert re.fullmatch(r"saiken \d+\.\d+\.\d+ \(rules data \d{4}-\d{2}-\d{2}\)", r.stdout.strip())
    code, out, _ = run_entry(["--version"])
    assert code == 0 and out == r.stdout


def _isolated_env(home) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("_SAIKEN")}
    env.update(HOME=str(home), SHELL="/bin/bash", XDG_CONFIG_HOME=str(home / ".config"))
    # Typer detects the calling shell (under make it is sh); its own test switch makes
    # --show-completion/--install-completion take the shell name instead
    env["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"
    return env


def test_show_completion_prints_a_bash_script(tmp_path):
    r = subprocess.run([sys.executable, "-m", "saiken_cli", "--show-completion", "bash"], capture_output=True, text=True,
                       env=_isolated_env(tmp_path), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "_SAIKEN_COMPLETE" in r.stdout and "complete " in r.stdout
    assert list(tmp_path.iterdir()) == []  # showing writes nothing


def test_completion_completes_command_names_and_flags(tmp_path):
    def complete(words: str, cword: int) -> str:
        env = _isolated_env(tmp_path) | {"_SAIKEN_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
        r = subprocess.run([sys.executable, "-m", "saiken_cli"], capture_output=True, text=True, env=env, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        return r.stdout

    assert "damages" in complete("saiken da", 1).split()
    assert "batch" in complete("saiken ", 1).split()
    assert "--principal" in complete("saiken damages --pri", 2).split()


def test_install_completion_writes_only_under_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    r = subprocess.run([sys.executable, "-m", "saiken_cli", "--install-completion", "bash"], capture_output=True,
                       text=True, env=_isolated_env(home), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written and all(w.startswith("home/") for w in written), written
    assert "_SAIKEN_COMPLETE" in "".join((home / w[len("home/"):]).read_text() for w in written)


def _fast_cases():
    """Every declared calculator's help examples, with --json (and a bad value, a blank one,
    an unknown flag, --lang en): the fast path must answer exactly as the Typer app."""
    cases = []
    for name, mod in CALCULATORS:
        spec = mod.SPEC
        examples = [a for a in _cli_tree.help_examples((name,)) if not any(x.startswith("--format") or x == "--output" for x in a)]
        for argv in examples[:4]:
            argv = [a for a in argv if a != "--json"]
            cases.append([*argv, "--json"])
            cases.append([*argv, "--json", "--lang", "en"])
        first = next((f for f in spec.inputs if f.role == "input" and not f.switch), None)
        if first is not None:
            cases.append([name, f"--{first.name}", "nonsense-value", "--json"])
            cases.append([name, f"--{first.name}=", "--json"])
        cases.append([name, "--bogus", "1", "--json"])
    return cases


@pytest.mark.parametrize("argv", _fast_cases(), ids=lambda a: " ".join(a)[:60])
def test_every_declared_command_prints_the_same_on_the_fast_path(argv, monkeypatch):
    monkeypatch.setenv("SAIKEN_TODAY", "2026-12-01")
    assert run_entry(argv) == run_typer(argv), argv
