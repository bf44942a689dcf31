"""The CLI contract for the foundation: exit codes, JSON on stdout, one-line errors on stderr."""

import pytest


def test_design_card_example_prints_24657(cli):
    r = cli("damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["total_yen"] == 24657
    assert r.json()["schema_version"] == "3"
    assert r.stderr == ""


@pytest.mark.parametrize(
    "args, flag",
    [
        (["--principal", "abc", "--rate", "0.2", "--days", "9"], "--principal"),
        (["--principal", "500000", "--rate", "20", "--days", "9"], "--rate"),
        (["--principal", "0", "--rate", "0.2", "--days", "9"], "--principal"),
        (["--principal", "500000", "--rate", "0.2", "--from", "2024-02-30", "--to", "2024-03-01"], "--from"),
    ],
)
def test_bad_value_is_one_line_naming_the_flag_exit_2(cli, args, flag):
    r = cli("damages", *args)
    assert r.exit_code == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and flag in lines[0] and "Traceback" not in r.stderr


def test_unknown_flag_is_one_line_exit_2(cli):
    r = cli("damages", "--principal", "1", "--rate", "0.1", "--days", "1", "--bogus")
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "--bogus" in r.stderr
