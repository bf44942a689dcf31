"""`saiken jikou`: CLI contract — errors (exit 2, one line naming the flag), JSON schema,
human output, lazy imports, the batch record protocol."""

import json
import subprocess
import sys
from datetime import date

import jsonschema
import pytest

from saiken_cli.schemas.jikou import Output


def one_line_error(r, flag):
    assert r.exit_code == 2, (r.exit_code, r.stdout, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert flag in lines[0], lines[0]
    assert "Traceback" not in r.stderr
    return lines[0]


@pytest.mark.parametrize(
    "args, flag",
    [
        (["--last-payment", "2019-02-30"], "--last-payment"),
        (["--due-date", "H31.5.1"], "--due-date"),  # 平成31年5月1日 does not exist (令和元年)
        (["--last-payment", "2019-05-01", "--event", "2019-13-01:shounin"], "--event"),
        (["--last-payment", "2019-05-01", "--event", "2020-01-01"], "--event"),
        (["--last-payment", "2019-05-01", "--event", "2019-04-30:shounin"], "--event"),  # before the start
        (["--last-payment", "2019-05-01", "--event", "2030-01-01:shounin"], "--event"),  # after --as-of
        (["--last-payment", "2019-05-01", "--event", "2021-01-01:kyogi:13m"], "--event"),
        (["--last-payment", "2019-05-01", "--event", "2021-01-01:kyogi:12m"], "--event"),  # must be < 1 year
        (["--last-payment", "2019-05-01", "--event", "2021-01-01:saikoku:6m"], "--event"),
        (["--last-payment", "2019-05-01", "--creditor", "bank-of-mars"], "--creditor"),
        (["--last-payment", "2019-05-01", "--claim-type", "wages"], "--claim-type"),
        (["--last-payment", "2019-05-01", "--as-of", "yesterday"], "--as-of"),
        (["--last-payment", "2030-05-01"], "--last-payment"),  # after --as-of
        (["--last-payment", "2019-05-01", "--contract-date", "2019-06-01"], "--contract-date"),
        (["--due-date", "2019-05-01", "--contract-date", "2020-04-01"], "--contract-date"),
        (["--contract-date", "2019-05-01"], "--last-payment"),  # no starting fact: names the flags to give
        (["--last-payment", "2019-05-01", "--event", "2021-01-01:torisage"], "--event"),  # nothing pending
        (["--last-payment", "2019-05-01", "--lang", "fr"], "--lang"),
    ],
)
def test_bad_input_is_one_line_exit_2(cli, args, flag):
    one_line_error(cli("jikou", *args, "--as-of", "2025-01-01") if "--as-of" not in args else cli("jikou", *args), flag)


def test_unknown_event_kind_lists_the_accepted_kinds(cli):
    line = one_line_error(cli("jikou", "--last-payment", "2019-05-01", "--event", "2020-01-01:jikou", "--as-of", "2025-01-01"), "--event")
    for kind in ("shounin/承認", "saikoku/催告", "kyogi/協議合意", "teiso/訴え提起", "tokusoku/支払督促", "hanketsu/判決確定",
                 "torisage/取下げ", "sashiosae/強制執行", "karisashiosae/仮差押え"):
        assert kind in line


def test_contradiction_message_names_both_facts(cli):
    line = one_line_error(cli("jikou", "--last-payment", "2019-05-01", "--contract-date", "2019-06-01", "--as-of", "2025-01-01"), "--contract-date")
    assert "--last-payment" in line and "2019-05-01" in line


def test_wareki_and_fullwidth_input(cli):
    r = cli("jikou", "--last-payment", "令和元年5月1日", "--event", "Ｒ２．６．１：承認", "--as-of", "R7.1.1", "--json")
    assert r.exit_code == 0, r.stderr
    out = r.json()
    assert out["starting_point"]["date"] == "2019-05-01"
    assert out["completion_date"] == "2025-06-01"  # 承認 2020-06-01 (new-law event) on an old-law claim: still 5 years


def test_json_validates_against_the_published_schema(cli):
    schema = Output.model_json_schema()
    cases = [
        ["--last-payment", "2019-05-01"],
        ["--due-date", "2020-04-01", "--creditor", "shinkin"],
        ["--due-date", "2019-06-01", "--event", "2024-09-01:shounin", "--apply-142"],
        ["--due-date", "2021-05-01", "--contract-date", "2021-01-01", "--event", "2024-04-01:teiso"],
    ]
    for args in cases:
        r = cli("jikou", *args, "--as-of", "2025-01-01", "--json")
        assert r.exit_code == 0, r.stderr
        jsonschema.validate(r.json(), schema)
        Output.model_validate(r.json())


def test_json_mode_prints_only_json_and_warnings_go_to_stderr(cli):
    r = cli("jikou", "--due-date", "2020-04-01", "--creditor", "shinkin", "--as-of", "2025-01-01", "--json")
    json.loads(r.stdout)
    assert r.stderr.startswith("saiken: warning: ")
    assert len(r.stderr.strip().splitlines()) == len(r.json()["warnings"])


def test_as_of_defaults_to_today_in_the_cli_only(cli):
    r = cli("jikou", "--last-payment", "2019-05-01", "--json")
    assert r.exit_code == 0
    from saiken_cli import today

    assert r.json()["as_of"] == today.today().isoformat()  # today in Japan (tests/test_today.py)


def test_human_output_ja_and_en(cli):
    r = cli("jikou", "--due-date", "2019-06-01", "--event", "2024-09-01:承認", "--as-of", "2025-01-01")
    assert r.exit_code == 0, r.stderr
    for text in ("時効完成日", "2029-09-01 (令和11年9月1日)", "援用できる日", "旧法", "事由と効果", "最大判昭和41年4月20日"):
        assert text in r.stdout
    r = cli("jikou", "--due-date", "2020-04-01", "--creditor", "shinkin", "--as-of", "2025-01-01", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    for text in ("Completion (end of day)", "Invocable from", "Other reading", "old law", "2030-04-01"):
        assert text in r.stdout
    assert "give the contract date (--contract-date)" in r.stderr


def test_record_matches_the_json_output(cli):
    from saiken_cli.commands.jikou import SPEC, record

    args = {"due-date": "2021-05-01", "contract_date": "2021-01-01", "event": "2026-03-01:saikoku; 2026-08-01:催告",
            "as-of": "2030-01-01", "creditor": "shinkin", "apply-142": "no"}
    from saiken_cli.catalogue import localize

    payload = localize(record(args), "ja")
    r = cli("jikou", "--due-date", "2021-05-01", "--contract-date", "2021-01-01", "--event", "2026-03-01:saikoku",
            "--event", "2026-08-01:催告", "--as-of", "2030-01-01", "--creditor", "shinkin", "--json")
    assert payload == r.json()
    assert set(SPEC.names) >= {"last-payment", "event", "as-of", "contract-date"}


def test_command_module_imports_no_calc_rich_pydantic_or_holiday_library():
    code = (
        "import sys, saiken_cli.app\n"
        "bad = [m for m in ('saiken_cli.calc.jikou', 'saiken_cli.calc.calendar', 'jpholiday', 'holidays', 'rich', 'pydantic') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_calc_reads_no_clock():
    import inspect

    from saiken_cli.calc import calendar, jikou

    for module in (jikou, calendar):
        src = inspect.getsource(module)
        assert "date.today" not in src and "datetime.now" not in src
        assert "typer" not in src and "import rich" not in src


@pytest.mark.parametrize(
    "args",
    [
        ["--last-payment", "2019-05-03", "--creditor", "hoshou-kyokai"],
        ["--due-date", "2020-04-01", "--creditor", "shinkin", "--claim-type", "shohin"],
        ["--due-date", "2019-06-01", "--event", "2024-09-01:shounin", "--apply-142", "--judgment-date", "2015-01-01"],
        ["--last-payment", "2015-06-01", "--event", "2019-12-01:teiso", "--event", "2020-02-01:torisage",
         "--event", "2020-04-01:kyogi", "--event", "2020-05-01:kyozetsu", "--event", "2024-01-01:saikoku",
         "--event", "2024-02-01:saikoku", "--event", "2024-03-01:karisashiosae"],
        ["--subrogation-date", "2020-06-15", "--contract-date", "2018-01-10", "--creditor", "guarantor"],
    ],
)
def test_every_message_has_a_japanese_and_an_english_text(cli, args):
    """Each message item of a payload reads in Japanese with --lang ja and in English with --lang en
    (Japanese terms in brackets allowed), the same codes in both."""
    import re

    ja = cli("jikou", *args, "--as-of", "2025-01-01", "--json").json()
    en = cli("jikou", *args, "--as-of", "2025-01-01", "--json", "--lang", "en").json()

    def items(out):
        found = out["assumptions"] + out["notes"] + out["warnings"] + [e["effect"] for e in out["events"]]
        return found + [out["reason"], out["period_basis"]] + [r["reason"] for r in out["readings"]]

    for m_ja, m_en in zip(items(ja), items(en), strict=True):
        assert m_ja["code"] == m_en["code"] and m_ja["params"] == m_en["params"]
        assert m_ja["text"] != m_en["text"], m_ja
        assert " / " not in m_ja["text"], m_ja
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", m_ja["text"]), m_ja
        outside = re.sub(r"\[[^\]]*\]|\([^)]*\)", "", m_en["text"])  # bracketed Japanese terms are welcome
        assert sum(ch.isascii() for ch in outside) >= 0.8 * len(outside), m_en
