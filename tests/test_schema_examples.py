"""`saiken schema COMMAND` publishes a JSON Schema per command, and every example output
validates against it (issue 5 §4). Generic: every module in saiken_cli/schemas is checked
against every example that runs its command — the command's help `Example:` lines, the
`run …` lines of examples/demo.d, JSON/JSONL files under examples/, and the batch example
files — and each schema must meet at least one example."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import _cli_tree
from conftest import invoke

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def schema_names() -> list[str]:
    r = invoke("schema")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


NAMES = schema_names()
PATHS = {c.path for c in _cli_tree.commands()}


def validator(name: str) -> jsonschema.Draft202012Validator:
    r = invoke("schema", name)
    assert r.exit_code == 0, r.stderr
    schema = json.loads(r.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def name_of(command_field: str) -> str:
    return command_field.replace(" ", "-")


def command_path(argv: list[str]) -> tuple[str, ...] | None:
    for n in range(len(argv), 0, -1):
        if tuple(argv[:n]) in PATHS:
            return tuple(argv[:n])
    return None


def demo_argvs() -> list[list[str]]:
    out = []
    for step in sorted((EXAMPLES / "demo.d").glob("*.sh")):
        text = step.read_text(encoding="utf-8").replace("\\\n", " ")
        for line in text.splitlines():
            line = line.strip()
            if not line.startswith("run ") or any(ch in line for ch in "$|<>`;"):
                continue
            out.append(shlex.split(line)[1:])
    return out


def example_payloads() -> list[tuple[str, str, dict]]:
    """(source, schema name, payload) for every example output we can produce or find."""
    found: list[tuple[str, str, dict]] = []
    argvs = [("help", a) for c in _cli_tree.commands() for a in _cli_tree.help_examples(c.path)]
    argvs += [("demo.d", a) for a in demo_argvs()]
    for source, argv in argvs:
        path = command_path(argv)
        if path is None or "-".join(path) not in NAMES:
            continue
        r = invoke(*argv, *([] if "--json" in argv else ["--json"]))
        if r.exit_code == 0:
            found.append((f"{source}: saiken {' '.join(argv)}", "-".join(path), r.json()))
    for f in sorted(EXAMPLES.rglob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(doc, dict) and "command" in doc:
            found.append((str(f.relative_to(ROOT)), name_of(doc["command"]), doc))
    for f in sorted(EXAMPLES.rglob("*.jsonl")):
        for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            try:
                rec = json.loads(line) if line.strip() else None
            except json.JSONDecodeError:  # an input file (e.g. a kabarai history), not output
                break
            if isinstance(rec, dict) and isinstance(rec.get("result"), dict):
                found.append((f"{f.relative_to(ROOT)}:{i}", name_of(rec["result"]["command"]), rec["result"]))
    for f in sorted((EXAMPLES / "batch").glob("*.csv")):
        r = invoke("batch", f.stem, str(f))
        for i, line in enumerate(r.stdout.splitlines(), 1):
            rec = json.loads(line)
            if "result" in rec:
                found.append((f"saiken batch {f.stem} {f.name} record {i}", name_of(rec["result"]["command"]), rec["result"]))
    return found


PAYLOADS = example_payloads()


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_json_schema_and_met_by_an_example(name):
    v = validator(name)
    mine = [(src, p) for src, n, p in PAYLOADS if n == name]
    assert mine, f"no example output of {name!r} found (help Example:, demo.d, examples/)"
    for src, payload in mine:
        errors = sorted(v.iter_errors(payload), key=str)
        assert not errors, f"{src}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_every_example_with_a_command_has_a_schema():
    # an example of a command that publishes no schema would silently go unchecked
    for src, name, _ in PAYLOADS:
        assert name in NAMES, f"{src}: no schemas/{name.replace('-', '_')}.py"


def test_the_schema_rejects_what_it_should():
    v = validator("damages")
    good = invoke("damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json").json()
    assert not list(v.iter_errors(good))
    for broken in (
        {k: val for k, val in good.items() if k != "total_yen"},  # a required key missing
        {**good, "extra": 1},  # an unknown key (extra="forbid")
        {**good, "total_yen": "24657"},  # yen as a string
        {**good, "to": "2024/01/01"},  # not an ISO date
        {**good, "rate": 0.2},  # a float rate
    ):
        assert list(v.iter_errors(broken)), broken


def test_unknown_schema_exits_2_with_one_line():
    r = invoke("schema", "nope")
    assert r.exit_code == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "damages" in r.stderr


def test_schema_names_cover_the_commands_built_so_far():
    assert {"damages", "rules", "rules-rate"} <= set(NAMES)


dates = st.dates(min_value=__import__("datetime").date(2000, 1, 1), max_value=__import__("datetime").date(2028, 12, 31))


@settings(max_examples=60, deadline=None)
@given(
    principal=st.integers(1, 10**9),
    rate=st.sampled_from(["0.146", "20%", "legal", "0.03", "1割"]),
    first=dates,
    span=st.integers(0, 4000),
    method=st.sampled_from(["simple365", "court", "court-each", "court-365", "kyotaku", "actual"]),
    compare=st.booleans(),
    pay=st.one_of(st.none(), st.tuples(st.integers(0, 4000), st.integers(1, 10**9))),
)
def test_generated_damages_outputs_validate(principal, rate, first, span, method, compare, pay):
    import datetime as dt

    last = min(first + dt.timedelta(days=span), dt.date(2028, 12, 31))
    argv = ["damages", "--principal", str(principal), "--rate", rate, "--from", first.isoformat(), "--to", last.isoformat(),
            "--method", method, "--json"]
    if compare:
        argv.append("--compare")
    if pay is not None:
        argv += ["--payment", f"{(first + dt.timedelta(days=min(pay[0], (last - first).days))).isoformat()}:{pay[1]}"]
    r = invoke(*argv)
    assert r.exit_code in (0, 3), r.stderr
    if r.exit_code == 0:
        errors = list(_DAMAGES.iter_errors(r.json()))
        assert not errors, errors[0].message


_DAMAGES = validator("damages")
