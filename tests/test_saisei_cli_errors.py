"""`saiken saisei`: error paths (one stderr line naming the flag, exit 2) and the JSON Schema."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize(
    "args, flag",
    [
        (["--debt", "abc"], "--debt"),
        (["--debt", "-1"], "--debt"),
        (["--debt", "0"], "--debt"),
        (["--debt", "5000万1"], "--debt"),
        (["--debt", "1億"], "--debt"),
        (["--debt", "100万", "--liquidation-value", "-1"], "--liquidation-value"),
        (["--debt", "100万", "--disposable-income", "x"], "--disposable-income"),
        (["--debt", "100万", "--rounding", "10"], "--rounding"),
        (["--debt", "100万", "--nin-i", "0"], "--nin-i"),
        (["--debt", "100万", "--nin-i", "abc"], "--nin-i"),
        (["--debt", "100万", "--nin-i", "121"], "--nin-i"),
        (["--debt", "100万", "--nin-i-balance", "50万"], "--nin-i-balance"),
        (["--debt", "100万", "--nin-i", "36", "--nin-i-balance", "0"], "--nin-i-balance"),
        ([], "--debt"),
    ],
)
def test_bad_input_one_line_exit_2(cli, args, flag):
    r = cli("saisei", *args)
    assert r.exit_code == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and flag in lines[0] and "Traceback" not in r.stderr


def test_json_output_validates_against_schema(cli):
    import jsonschema

    from saiken_cli.schemas.saisei import Output

    schema = Output.model_json_schema()
    for args in (
        ["--debt", "800000"],
        ["--debt", "300万", "--liquidation-value", "150万", "--disposable-income", "120万", "--rounding", "1000"],
        ["--debt", "60万", "--nin-i", "60"],
        ["--debt", "37", "--rounding", "1000"],
    ):
        r = cli("saisei", *args, "--json")
        assert r.exit_code == 0, r.stderr
        payload = json.loads(r.stdout)
        jsonschema.validate(payload, schema)
        Output.model_validate(payload)
    payload["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, schema)
