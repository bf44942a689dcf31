"""`saiken damages` and `saiken rules` through Typer's CliRunner: exit codes, JSON, stderr."""

from __future__ import annotations

import pytest

BASE = ["damages", "--principal", "500000", "--rate", "0.2"]
CONTRACT_KEYS = {"total_yen", "days", "method", "rate", "segments", "citations", "warnings", "schema_version"}


def test_json_contract_keys(cli):
    r = cli(*BASE, "--days", "90", "--json")
    d = r.json()
    assert CONTRACT_KEYS <= set(d)
    assert d["total_yen"] == 24657 and d["days"] == 90 and d["method"] == "simple365" and d["rate"] == "0.2"
    seg = d["segments"][0]
    assert {"from", "to", "days", "rate", "amount_yen"} <= set(seg)


@pytest.mark.parametrize(
    "principal", ["500000", "500,000", "50万", "50万円", "５０万円"],
)
def test_principal_forms_from_the_guide(cli, principal):
    r = cli("damages", "--principal", principal, "--rate", "20%", "--days", "90", "--json")
    assert r.exit_code == 0 and r.json()["total_yen"] == 24657


def test_okayama_court_each_and_court_through_the_cli(cli):
    args = ["damages", "--principal", "100000", "--rate", "18%", "--from", "H18.8.2", "--to", "H20.2.15", "--json"]
    assert cli(*args, "--method", "court-each").json()["total_yen"] == 27757
    assert cli(*args, "--method", "court").json()["total_yen"] == 27758


def test_payments_report_remaining_principal_and_unpaid_damages(cli):
    r = cli(
        "damages", "--principal", "1000000", "--rate", "5%", "--from", "2021-01-01", "--to", "2021-12-31",
        "--method", "court", "--payment", "2021-06-30:300000", "--json",
    )
    d = r.json()
    assert d["remaining_principal_yen"] == 724_794 and d["unpaid_damages_yen"] == 18_268
    assert d["total_yen"] == 24_794 + 18_268
    assert d["segments"][0]["payment"]["to_principal_yen"] == 275_206


def test_compare_prints_every_method_with_the_difference(cli):
    d = cli(*BASE[:2], "100000", "--rate", "18%", "--from", "2006-08-02", "--to", "2008-02-15", "--method", "court", "--compare", "--json").json()
    methods = {c["method"]: c for c in d["comparison"]}
    assert set(methods) == {"simple365", "court", "court-each", "court-365", "kyotaku", "actual"}
    assert methods["court"]["difference_yen"] == 0
    assert methods["court-each"]["difference_yen"] == -1


def test_default_method_with_dates_notes_the_court_figure(cli):
    d = cli(*BASE, "--from", "2023-06-01", "--to", "2024-05-31", "--json").json()
    (note,) = d["notes"]
    assert note["code"] == "damages.court_method_differs"
    assert note["text"].startswith("裁判所方式") and f"{note['params']['court_total_yen']:,}円" in note["text"]


def test_rate_legal_both_sides_of_2020_04_01(cli):
    before = cli("damages", "--principal", "1000000", "--rate", "legal", "--from", "2020-03-31", "--to", "2020-12-31", "--json").json()
    after = cli("damages", "--principal", "1000000", "--rate", "legal", "--from", "2020-04-01", "--to", "2020-12-31", "--json").json()
    assert (before["rate"], after["rate"]) == ("0.05", "0.03")
    assert before["rate_basis"] == "legal-civil"
    assert any("附則17条3項" in c["label"] for c in after["citations"])


def test_commercial_rate_warns_on_stderr_but_stdout_stays_json(cli):
    r = cli("damages", "--principal", "1000000", "--rate", "legal", "--commercial", "--from", "2019-12-01", "--to", "2020-12-31", "--json")
    assert r.exit_code == 0
    assert r.json()["rate"] == "0.06"
    assert "UNVERIFIED" in r.stderr and r.stderr.startswith("saiken: warning: ")


def test_rate_legal_from_2029_04_01_is_refused_with_exit_3(cli):
    r = cli("damages", "--principal", "1000000", "--rate", "legal", "--from", "2029-04-01", "--to", "2029-12-31", "--json")
    assert r.exit_code == 3
    assert r.stdout == ""
    assert "未確定" in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args, flag",
    [
        (["--principal", "abc", "--rate", "0.2", "--days", "9"], "--principal"),
        (["--principal", "-5", "--rate", "0.2", "--days", "9"], "--principal"),
        (["--principal", "0", "--rate", "0.2", "--days", "9"], "--principal"),
        (["--principal", "500000", "--rate", "abc", "--days", "9"], "--rate"),
        (["--principal", "500000", "--rate", "20", "--days", "9"], "--rate"),
        (["--principal", "500000", "--rate", "120%", "--days", "9"], "--rate"),
        (["--principal", "500000", "--rate", "0.2", "--days", "0"], "--days"),
        (["--principal", "500000", "--rate", "0.2", "--days", "x"], "--days"),
        (["--principal", "500000", "--rate", "0.2", "--from", "2024-03-02", "--to", "2024-03-01"], "--to"),
        (["--principal", "500000", "--rate", "0.2", "--from", "2024-02-30", "--to", "2024-03-01"], "--from"),
        (["--principal", "500000", "--rate", "0.2", "--from", "2024-01-01", "--to", "2024-13-01"], "--to"),
        (["--principal", "500000", "--rate", "0.2", "--days", "9", "--from", "2024-01-01"], "--days"),
        (["--principal", "500000", "--rate", "0.2", "--from", "2024-01-01"], "--to"),
        (["--principal", "500000", "--rate", "0.2", "--due-date", "2024-01-01", "--from", "2024-01-01", "--to", "2024-02-01"], "--due-date"),
        (["--principal", "500000", "--rate", "0.2", "--days", "9", "--method", "court"], "--method"),
        (["--principal", "500000", "--rate", "0.2", "--days", "9", "--method", "tokyo"], "--method"),
        (["--principal", "500000", "--rate", "legal", "--days", "9"], "--rate"),
        (["--principal", "500000", "--rate", "0.2", "--commercial", "--days", "9"], "--commercial"),
        (["--principal", "500000", "--rate", "0.2", "--from", "2024-01-01", "--to", "2024-02-01", "--payment", "2023-12-31:100"], "--payment"),
        (["--principal", "500000", "--rate", "0.2", "--from", "2024-01-01", "--to", "2024-02-01", "--payment", "100"], "--payment"),
        (["--principal", "500000", "--rate", "0.2", "--days", "9", "--lang", "fr"], "--lang"),
        (["--principal", "500000", "--rate", "0.2"], "--days"),
        (["--rate", "0.2", "--days", "9"], "--principal"),
        (["--principal", "500000", "--rate", "0.2", "--days", "9", "--bogus"], "--bogus"),
    ],
)
def test_every_error_path_is_one_line_naming_the_flag_exit_2(cli, args, flag):
    r = cli("damages", *args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert flag in lines[0]
    assert lines[0].startswith("saiken: error: ")
    assert "Traceback" not in r.stderr


def test_allow_high_rate_accepts_150_percent(cli):
    r = cli(*BASE[:3], "--rate", "150%", "--allow-high-rate", "--days", "10", "--json")
    assert r.exit_code == 0 and r.json()["total_yen"] == 20547  # 500,000 × 1.5 × 10/365 = 20,547.9


def test_human_output_japanese_and_english(cli):
    ja = cli(*BASE, "--days", "90")
    assert ja.exit_code == 0 and "24,657円" in ja.stdout and "遅延損害金" in ja.stdout and "法的助言ではありません" in ja.stdout
    en = cli(*BASE, "--days", "90", "--lang", "en")
    assert "¥24,657" in en.stdout and "Damages" in en.stdout and "Not legal advice" in en.stdout


def test_human_output_shows_wareki_next_to_dates(cli):
    r = cli("damages", "--principal", "100000", "--rate", "18%", "--from", "2019-05-01", "--to", "2019-05-31")
    assert "令和元年5月1日" in r.stdout


def test_rules_lists_every_table_with_citations(cli):
    d = cli("rules", "--json").json()
    ids = {t["id"] for t in d["tables"]}
    assert {"statutory_rate", "damages_methods"} <= ids
    rate = next(t for t in d["tables"] if t["id"] == "statutory_rate")
    assert rate["verified_through"] == "2029-03-31"
    assert all(r["citations"] for r in rate["rows"])
    assert cli("rules").exit_code == 0


@pytest.mark.parametrize(
    "on, commercial, rate",
    [("2020-03-31", False, "0.05"), ("2020-04-01", False, "0.03"), ("2020-03-31", True, "0.06"), ("R8.4.1", False, "0.03")],
)
def test_rules_rate_on_a_date(cli, on, commercial, rate):
    args = ["rules", "rate", "--on", on, "--json"] + (["--commercial"] if commercial else [])
    assert cli(*args).json()["rate"] == rate


def test_rules_rate_refuses_2029_04_01(cli):
    r = cli("rules", "rate", "--on", "2029-04-01")
    assert r.exit_code == 3 and "未確定" in r.stderr


def test_python_dash_m_works():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "saiken_cli", "damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json"],
        capture_output=True, text=True, check=True,
    )
    assert '"total_yen": 24657' in out.stdout


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_a_closed_pipe_is_not_a_traceback(extra):
    """`saiken … | head -1` must end quietly (found by the sashiosae work)."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "saiken_cli", "damages", "--principal", "10万", "--rate", "18%", "--from", "H18.8.2",
         "--to", "2008-02-15", "--compare", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=30)
    assert "Traceback" not in err and "Exception ignored" not in err, err
