"""`saiken fees`: every error path is one stderr line naming the flag, exit 2 (3 for law not known)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--amount", "abc"], "--amount"),
        (["--amount", "-5"], "--amount"),
        (["--amount", "-5万"], "--amount"),
        (["--amount", "0"], "--amount"),
        (["--amount", "1.5"], "--amount"),
        (["--amount", "100万", "--unassessable"], "--unassessable"),
        ([], "--amount"),
        (["--amount", "1", "--filed-on", "2024-02-30"], "--filed-on"),
        (["--amount", "1", "--lang", "fr"], "--lang"),
    ],
)
def test_bad_input_one_line_exit_2(cli, args, needle):
    r = cli("fees", *args)
    assert r.exit_code == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in r.stderr


def test_command_module_import_is_light():
    code = (
        "import sys, saiken_cli.commands.fees, saiken_cli.commands.saisei;"
        "bad=[m for m in ('saiken_cli.calc.fees','saiken_cli.calc.saisei','rich','pydantic') if m in sys.modules];"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_json_output_validates_against_schema(cli):
    import jsonschema

    from saiken_cli.schemas.fees import Output

    schema = Output.model_json_schema()
    for args in (["--amount", "100000"], ["--unassessable"], ["--amount", "60億"], ["--amount", "1", "--filed-on", "2024-01-01"]):
        r = cli("fees", *args, "--json")
        assert r.exit_code == 0
        payload = json.loads(r.stdout)
        jsonschema.validate(payload, schema)
        Output.model_validate(payload)
    # the schema really is strict: an extra key fails
    payload["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, schema)
