"""`saiken sashiosae`: the CLI contract — errors, JSON schema, notes, dates, rules data, batch record."""

from __future__ import annotations

import subprocess
import sys

import pytest

PAID = "2026-10-01"


def one_line_error(r, flag: str | None, code: int = 2) -> str:
    assert r.exit_code == code, (r.exit_code, r.stdout, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    if flag:
        assert flag in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "args, flag",
    [
        (["--net", "abc"], "--net"),
        (["--net", "-300000"], "--net"),
        (["--net", "0"], "--net"),
        (["--net", "三十万"], "--net"),
        (["--gross", "-1"], "--gross"),
        (["--gross", "400000", "--income-tax", "abc"], "--income-tax"),
        (["--gross", "400000", "--commute", "-5"], "--commute"),
        (["--net", "300000", "--period", "yearly"], "--period"),
        (["--net", "300000", "--period", "days:0"], "--period"),
        (["--net", "300000", "--period", "days:x"], "--period"),
        (["--net", "300000", "--period", "months:13"], "--period"),
        (["--net", "300000", "--tax", "--dependents", "-1"], "--dependents"),
        (["--net", "300000", "--tax", "--dependents", "two"], "--dependents"),
        (["--net", "300000", "--rounding", "half-up"], "--rounding"),
        (["--net", "300000", "--paid-on", "2026-02-30"], "--paid-on"),
        (["--net", "300000", "--lang", "fr"], "--lang"),
    ],
)
def test_bad_value_is_one_line_naming_the_flag(cli, args, flag):
    one_line_error(cli("sashiosae", *args), flag)


def test_unknown_period_lists_the_accepted_ones(cli):
    line = one_line_error(cli("sashiosae", "--net", "300000", "--period", "fortnightly"), "--period")
    for name in ("monthly", "semimonthly", "dekad", "weekly", "daily", "days:N", "months:N", "bonus", "retirement"):
        assert name in line


@pytest.mark.parametrize(
    "args, words",
    [
        (["--net", "300000", "--dependents", "2"], ["--dependents", "--tax"]),
        (["--net", "300000", "--support", "--tax"], ["--support", "--tax"]),
        (["--net", "300000", "--tax", "--period", "bonus"], ["--tax", "bonus", "76条3項"]),
        (["--net", "300000", "--tax", "--period", "retirement"], ["--tax", "retirement", "76条4項"]),
        (["--net", "300000", "--tax", "--period", "semimonthly"], ["--tax", "semimonthly", "施行令34条"]),
        (["--net", "300000", "--tax", "--period", "days:7"], ["--tax", "days:7"]),
        (["--net", "300000", "--gross", "400000"], ["--net", "--gross"]),
        (["--net", "300000", "--income-tax", "5000"], ["--income-tax", "--gross"]),
        ([], ["--net", "--gross"]),
        (["--gross", "100000", "--income-tax", "60000", "--social-insurance", "40000"], ["--gross"]),
    ],
)
def test_conflicts_are_one_line_exit_2(cli, args, words):
    line = one_line_error(cli("sashiosae", *args), None)
    for w in words:
        assert w in line, (w, line)


def test_pay_before_known_caps_is_refused_exit_3(cli):
    one_line_error(cli("sashiosae", "--net", "300000", "--paid-on", "2004-03-31"), "2004-04-01", code=3)
    r = cli("sashiosae", "--net", "300000", "--paid-on", "2004-04-01", "--json")
    assert r.exit_code == 0 and r.json()["garnishable_yen"] == 75_000


def test_support_before_152_3_is_refused_but_retirement_is_known(cli):
    one_line_error(cli("sashiosae", "--net", "300000", "--support", "--period", "retirement", "--paid-on", "2004-03-31"), None, code=3)
    r = cli("sashiosae", "--net", "300000", "--period", "retirement", "--paid-on", "2004-03-31", "--json")
    assert r.exit_code == 0 and r.json()["garnishable_yen"] == 75_000


def test_tax_before_checked_text_is_refused_exit_3(cli):
    one_line_error(cli("sashiosae", "--net", "300000", "--tax", "--dependents", "0", "--paid-on", "2022-09-01"), None, code=3)


def test_beyond_verified_through_warns_on_both_sides(cli):
    inside = cli("sashiosae", "--net", "300000", "--paid-on", "2026-11-01", "--json")
    assert inside.exit_code == 0 and inside.stderr == ""
    assert inside.json()["warnings"] == []
    beyond = cli("sashiosae", "--net", "300000", "--paid-on", "2026-11-02", "--json")
    assert beyond.exit_code == 0
    assert "2026-11-01 まで確認済み" in beyond.stderr and "verified through" not in beyond.stderr  # in the output's language
    assert [w["code"] for w in beyond.json()["warnings"]] == ["rules.beyond_verified"]
    assert beyond.json()["warnings"][0]["params"]["verified_through_on"] == "2026-11-01"


def test_default_paid_on_is_today_and_said(cli):
    from saiken_cli import today

    r = cli("sashiosae", "--net", "300000", "--json")
    assert r.exit_code == 0
    out = r.json()
    assert out["paid_on"] == today.today().isoformat()  # today in Japan (tests/test_today.py)
    assert any(a["code"] == "garnishment.paid_on_defaulted" and a["params"]["paid_on"] == out["paid_on"] for a in out["assumptions"])


def test_json_contract_keys_and_schema(cli):
    import jsonschema

    from saiken_cli.schemas.sashiosae import Output

    schema = Output.model_json_schema()
    cases = [
        ["--net", "300000"],
        ["--net", "500000", "--support", "--period", "bonus"],
        ["--net", "1000000", "--period", "retirement"],
        ["--gross", "400000", "--income-tax", "1", "--resident-tax", "2", "--social-insurance", "3", "--commute", "4",
         "--period", "days:14"],
        ["--net", "300000", "--tax", "--dependents", "2"],
        ["--net", "5000000", "--tax", "--dependents", "0", "--period", "months:3", "--rounding", "ceil"],
    ]
    for args in cases:
        r = cli("sashiosae", *args, "--paid-on", PAID, "--json")
        assert r.exit_code == 0, r.stderr
        out = r.json()
        jsonschema.validate(out, schema)
        for key in ("garnishable_yen", "protected_yen", "net_yen", "period", "rule", "citations", "warnings",
                    "schema_version", "assumptions", "notes"):
            assert key in out
        for key in ("fraction", "cap_yen", "threshold_yen", "which"):
            assert key in out["rule"]
        assert out["schema_version"] == "3" and out["command"] == "sashiosae"
        assert out["garnishable_yen"] + out["protected_yen"] == out["net_yen"]


def test_every_output_carries_the_practitioner_notes(cli):
    for args in (["--net", "300000"], ["--net", "300000", "--tax", "--dependents", "1"]):
        notes = " ".join(n["text"] for n in cli("sashiosae", *args, "--paid-on", PAID, "--json").json()["notes"])
        assert "153条" in notes
        assert "通勤手当" in notes
        assert "年金" in notes
        assert "預金" in notes
        assert "組合費" in notes and "INTERPRETATION" in notes
        assert "UNVERIFIED" in notes  # the rounding choice


def test_citations_name_the_articles(cli):
    labels = [c["label"] for c in cli("sashiosae", "--net", "500000", "--paid-on", PAID, "--json").json()["citations"]]
    assert "民事執行法152条1項" in labels and "民事執行法施行令2条1項1号" in labels and "民事執行法153条" in labels
    labels = [c["label"] for c in cli("sashiosae", "--net", "300000", "--support", "--period", "weekly", "--paid-on", PAID, "--json").json()["citations"]]
    assert "民事執行法152条3項" in labels and "民事執行法施行令2条1項6号" in labels
    labels = [c["label"] for c in cli("sashiosae", "--net", "300000", "--tax", "--paid-on", PAID, "--json").json()["citations"]]
    assert "国税徴収法施行令34条" in labels and "国税徴収法76条1項5号" in labels


def test_bonus_cap_rests_on_the_statute_text(cli):
    # 施行令2条2項 read in full (e-Gov text, 2026-12-01): 「三十三万円とする」; no status caveat left
    out = cli("sashiosae", "--net", "600000", "--period", "bonus", "--paid-on", PAID, "--json").json()
    assert out["garnishable_yen"] == 270000
    assert not any("VERIFIED-SECONDARY" in n["text"] for n in out["notes"])
    assert "民事執行法施行令2条2項" in [c["label"] for c in out["citations"]]


def test_period_aliases(cli):
    for alias, period in (("毎半月", "semimonthly"), ("half-month", "semimonthly"), ("賞与", "bonus"),
                          ("退職金", "retirement"), ("ＤＡＹＳ：７", "days:7"), ("months:2", "months:2")):
        r = cli("sashiosae", "--net", "300000", "--period", alias, "--paid-on", PAID, "--json")
        assert r.exit_code == 0, r.stderr
        assert r.json()["period"] == period


def test_human_output_ja_and_en(cli):
    r = cli("sashiosae", "--net", "500000", "--paid-on", PAID)
    assert r.exit_code == 0
    assert "170,000円" in r.stdout and "差押可能額" in r.stdout and "民事執行法153条" in r.stdout
    r = cli("sashiosae", "--net", "300000", "--tax", "--dependents", "2", "--paid-on", PAID, "--lang", "en")
    assert r.exit_code == 0
    assert "¥88,000" in r.stdout and "Garnishable" in r.stdout
    r = cli("sashiosae", "--gross", "400000", "--income-tax", "10000", "--resident-tax", "20000",
            "--social-insurance", "60000", "--commute", "10000", "--paid-on", PAID)
    assert "総支給額" in r.stdout and "通勤手当" in r.stdout and "300,000円" in r.stdout


def test_help_has_example(cli):
    r = cli("sashiosae", "--help")
    assert r.exit_code == 0 and "Example:" in r.stdout


def test_record_matches_json(cli):
    from saiken_cli.catalogue import localize
    from saiken_cli.commands import sashiosae

    fields = {"case_id": "A-1", "net": "300,000", "tax": "yes", "dependents": "2", "paid_on": PAID}
    assert localize(sashiosae.record(fields), "ja") == cli(
        "sashiosae", "--net", "300000", "--tax", "--dependents", "2", "--paid-on", PAID, "--json"
    ).json()
    assert "paid-on" in sashiosae.SPEC.names and "net" in sashiosae.SPEC.names


def test_command_module_imports_no_calc_or_rich():
    code = (
        "import sys, saiken_cli.app\n"
        "bad = [m for m in ('saiken_cli.calc.garnishment', 'rich', 'pydantic') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_rules_data_rows_are_cited_and_dated():
    from saiken_cli import rules

    g = rules.load("garnishment")
    t = rules.load("garnishment_tax")
    assert g.verified_through is not None and t.verified_through is not None
    for table in (g, t):
        for row in table.rows:
            assert row.citation.label() and row.status in rules.STATUSES
    # both read in full on the e-Gov text on 2026-12-01 (issue 11 §1 item 10)
    assert t.only("slice_cap_multiple").status == "VERIFIED-STATUTE"
    assert g.only("cap.bonus").status == "VERIFIED-STATUTE"
    # 施行令34条 as in force: 100,000 + 45,000 per dependant (a claim of 107,000 + 48,000 found no support)
    assert t.only("base_per_month")["amount_yen"] == 100000
    assert t.only("per_dependent_per_month")["amount_yen"] == 45000
    assert g.only("cap.retirement")["cap"] == "none"
    assert str(g.only("fraction.support")["protected_fraction"]) == "1/2"


def test_rules_listing_includes_the_tables(cli):
    r = cli("rules", "--json")
    assert r.exit_code == 0
    ids = {t["id"] for t in r.json()["tables"]}
    assert {"garnishment", "garnishment_tax"} <= ids
