"""`saiken report`: every example case produces the expected report (golden files).

The golden files are made on a fixed 作成日 (CREATED, the date in Japan is patched) and with
the rule-data identifier written ``sha256:RULES`` (it changes with every rule file edit).
Regenerate after an intended change: SAIKEN_UPDATE_GOLDEN=1 pytest tests/test_report.py
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from saiken_cli import rules
from saiken_cli.commands import report as report_cmd

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "examples" / "cases").glob("*.toml"))
UPDATE = os.environ.get("SAIKEN_UPDATE_GOLDEN") == "1"
CREATED = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(report_cmd, "today_in_japan", lambda: CREATED)


def _golden(path: Path, actual: str):
    actual = actual.replace(rules.data_version(), "sha256:RULES")
    actual = actual.replace(str(ROOT), "ROOT")  # a golden file names no worktree (the paths are the case's own)
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path.name}: run with SAIKEN_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs from the report"


def test_there_are_example_cases():
    assert len(CASES) >= 2


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_markdown_report_matches_its_golden_file(cli, case):
    r = cli("report", str(case))
    assert r.exit_code == 0, r.stderr
    _golden(case.with_suffix(".expected.md"), r.stdout)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_json_report_matches_its_golden_file_and_the_single_commands(cli, case):
    r = cli("report", str(case), "--format", "json")
    assert r.exit_code == 0, r.stderr
    _golden(case.with_suffix(".expected.json"), r.stdout)
    payload = json.loads(r.stdout)
    assert payload["schema_version"] == "3" and payload["command"] == "report"
    if payload.get("kind") == "matter":
        return  # tests/test_matter.py checks each debt against the single commands
    # a section is exactly what the single command prints for the same flags
    for section in payload["sections"]:
        args = [section["command"]]
        for key, value in section["input"].items():
            values = value if isinstance(value, list) else [value]
            for v in values:
                if v in ("true", "false"):
                    if v == "true":
                        args.append(f"--{key}")
                else:
                    args += [f"--{key}", v]
        single = cli(*args, "--json")
        assert single.exit_code == 0, single.stderr
        assert single.json() == section["result"]


def test_card_loan_report_headline_figures(cli):
    r = cli("report", str(ROOT / "examples/cases/card-loan.toml"), "--format", "json")
    sections = {s["command"]: s["result"] for s in r.json()["sections"]}
    assert sections["damages"]["to"] == "2026-11-22"  # the report date fills --to
    assert sections["sashiosae"]["garnishable_yen"] == 70_000  # 280,000 / 4


def test_html_report_is_a_page_with_the_figures(cli, tmp_path):
    out = tmp_path / "r.html"
    r = cli("report", str(ROOT / "examples/cases/card-loan.toml"), "--format", "html", "--output", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "519,294円" in html and "法的助言ではありません" in html


def test_english_report(cli):
    r = cli("report", str(ROOT / "examples/cases/card-loan.toml"), "--lang", "en")
    assert "# Case report" in r.stdout and "¥519,294" in r.stdout


def test_as_of_overrides_the_case_date(cli):
    r = cli("report", str(ROOT / "examples/cases/card-loan.toml"), "--format", "json", "--as-of", "2025-05-31")
    assert r.json()["sections"][0]["result"]["to"] == "2025-05-31"


@pytest.mark.parametrize(
    "content, needle",
    [
        ("[case]\nid = 1\n[damage]\nprincipal = '1'\n", "unknown section; did you mean [damages]?"),
        ("[jikou]\nlast-payment = 2019-01-01\nevnt = ['2024-01-01:承認']\n", "[jikou] evnt: unknown key; did you mean 'event'?"),
        ("[case\n", "not valid TOML"),
        ("[damages]\nprincipal = 'abc'\nrate = '5%'\ndays = 3\n", "[damages] --principal"),
        ("[damages]\nprincipal = '1000'\nrate = '5%'\nfrom = 2020-01-01\nto = 2019-01-01\n", "[damages] --to"),
    ],
)
def test_bad_case_files_are_one_line_exit_2(cli, tmp_path, content, needle):
    case = tmp_path / "case.toml"
    case.write_text(content, encoding="utf-8")
    r = cli("report", str(case), "--as-of", "2026-01-01")
    assert r.exit_code == 2
    assert needle in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_missing_case_file_is_exit_2(cli, tmp_path):
    r = cli("report", str(tmp_path / "nope.toml"))
    assert r.exit_code == 2 and "CASE" in r.stderr
