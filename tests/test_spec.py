"""Each command's inputs, declared once (issue 16 §1): the declaration (commands/spec.py) and
what is derived from it — the record reader, key validation (case files, batch headers),
the input schema and the docs flag tables. The Typer options and the fast path are checked
against it in tests/test_startup.py."""

from __future__ import annotations

import importlib
import json

import pytest

from saiken_cli.commands.spec import Command, Flag, NormFields, UnknownKeyError, validate_keys
from saiken_cli.errors import ConflictError, InputError


def declared():
    from saiken_cli.commands import COMMANDS

    out = []
    for name in COMMANDS:
        spec = getattr(importlib.import_module(f"saiken_cli.commands.{name}"), "SPEC", None)
        if spec is not None:
            out.append(spec)
    return out


SPECS = declared()
DAMAGES = importlib.import_module("saiken_cli.commands.damages").SPEC


def test_validate_keys_reports_every_unknown_key_with_the_closest_accepted_key():
    with pytest.raises(UnknownKeyError) as info:
        validate_keys({"principle": "50万", "rate": "5%", "dew_date": "2020-01-01", "zzz": "1"}, DAMAGES, where="[[debt]] #2")
    err = info.value
    assert err.exit_code == 2 and isinstance(err, InputError)
    assert err.keys == ["principle", "dew_date", "zzz"]
    assert err.suggestions == {"principle": "principal", "dew_date": "due-date", "zzz": None}
    assert err.message.startswith("[[debt]] #2: unknown keys 'principle' (did you mean 'principal'?), 'dew_date' (did you mean 'due-date'?), 'zzz';")
    assert "accepted keys: principal, rate," in err.message
    assert "\n" not in err.message


def test_validate_keys_normalises_spelling_case_full_width_and_aliases():
    got = validate_keys({"Principal": "50万", "利率": "5%", "DUE_DATE": "2020-01-01", "ｄａｙｓ": "10"}, DAMAGES, where="t")
    assert type(got) is NormFields
    assert got == {"principal": "50万", "rate": "5%", "due-date": "2020-01-01", "days": "10"}
    # an alias suggestion keeps the alias spelling
    with pytest.raises(UnknownKeyError) as info:
        validate_keys({"元本x": "1"}, DAMAGES, where="t")
    assert info.value.suggestions == {"元本x": None} or info.value.suggestions["元本x"] == "元本"


def test_validate_keys_refuses_two_spellings_of_one_flag():
    with pytest.raises(ConflictError, match="'元本' and 'principal' both name --principal"):
        validate_keys({"元本": "1", "principal": "2"}, DAMAGES, where="t")


def test_read_gives_build_input_its_keyword_arguments():
    values = DAMAGES.read({"principal": "1", "rate": "5%", "payment": "2020-01-01:1; 2020-02-01:2", "compare": "yes"})
    assert values["principal"] == "1" and values["from_"] is None
    assert values["method"] == "simple365"  # the declared default
    assert values["payment"] == ["2020-01-01:1", "2020-02-01:2"]
    assert values["compare"] is True and values["commercial"] is False
    with pytest.raises(ConflictError, match="^missing --rate$"):
        DAMAGES.read({"principal": "1", "rate": "  "})
    with pytest.raises(InputError, match="--compare"):
        DAMAGES.read({"principal": "1", "rate": "1%", "compare": "perhaps"})


def test_a_declaration_refuses_an_alias_that_names_two_flags():
    with pytest.raises(ValueError, match="names both"):
        Command("x", "", (Flag("a", "text", "", "", aliases=("k",)), Flag("b", "text", "", "", aliases=("K",))))


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_every_input_has_help_in_both_languages_and_a_valid_input_schema(spec):
    jsonschema = pytest.importorskip("jsonschema")
    for f in spec.flags:
        assert f.ja.strip() and f.en.strip(), f.name
    from saiken_cli.commands.schema_cmd import input_schema

    schema = input_schema(spec.name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == set(spec.names)
    assert schema["required"] == [f.name for f in spec.inputs if f.required]


def test_the_input_schema_accepts_a_batch_record_and_refuses_a_wrong_type():
    jsonschema = pytest.importorskip("jsonschema")
    from saiken_cli.commands.schema_cmd import input_schema

    validator = jsonschema.Draft202012Validator(input_schema("damages"))
    assert validator.is_valid({"principal": 500000, "rate": "20%", "days": "90", "payment": ["2020-01-01:1"], "compare": True})
    assert not validator.is_valid({"principal": {"x": 1}, "rate": "20%"})
    assert not validator.is_valid({"rate": "20%"})


def test_schema_input_cli(cli):
    r = cli("schema", "damages", "--input")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["properties"]["principal"]["x-saiken-aliases"][0] == "元本"
    r = cli("schema", "nosuch", "--input")
    assert r.exit_code == 2 and r.stderr.startswith("saiken: error: COMMAND: 'nosuch'")


def test_damages_method_choices_are_the_calculators():
    from saiken_cli.calc.damages import METHODS

    assert DAMAGES.flag("method").choices == tuple(METHODS)


def test_a_batch_header_may_use_the_japanese_aliases(tmp_path, cli):
    cases = tmp_path / "cases.csv"
    cases.write_text("案件番号,元本,年利,日数\nA-1,500000,20%,90\n", encoding="utf-8")
    r = cli("batch", "damages", str(cases))
    assert r.exit_code == 0, r.stderr
    rec = json.loads(r.stdout)
    assert rec["案件番号"] == "A-1" and rec["result"]["total_yen"] == 24657


def test_a_case_file_with_an_unknown_key_is_refused_naming_the_closest_key(cli, tmp_path):
    # fault: before issue 16 an unknown key of a [damages] table was silently ignored
    case = tmp_path / "case.toml"
    case.write_text('[case]\nas_of = 2021-03-31\n[damages]\nprincipal = "50万"\nrate = "5%"\nfrom = 2020-04-01\npayments = ["2020-09-30:1万"]\n',
                    encoding="utf-8")
    r = cli("report", str(case), "--format", "json")
    assert r.exit_code == 2
    assert "payments: unknown key; did you mean 'payment'?" in r.stderr
    # and an alias is a known key there too
    case.write_text('[case]\nas_of = 2021-03-31\n[damages]\n"元本" = "50万"\n"年利" = "5%"\n"起算日" = 2020-04-01\n', encoding="utf-8")
    r = cli("report", str(case), "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["sections"][0]["result"]["principal_yen"] == 500000


# --- commands without records: report, batch, schema, rules (OPTIONS) ------------------

def _options():
    from saiken_cli.commands import batch, draft, report, rules_cmd, schema_cmd

    return [(("report",), report.OPTIONS), (("batch",), batch.OPTIONS), (("schema",), schema_cmd.OPTIONS),
            (("rules",), rules_cmd.OPTIONS), (("rules", "rate"), rules_cmd.RATE_OPTIONS),
            (("draft", "enyou"), draft.ENYOU_OPTIONS), (("draft", "seikyu"), draft.SEIKYU_OPTIONS)]


@pytest.mark.parametrize("path, decl", _options(), ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_the_options_of_a_command_without_records_are_its_declaration(path, decl):
    import _cli_tree

    assert not decl.record and decl.inputs == () and decl.names == ()
    cmd = _cli_tree.command(path)
    extra = ({"--json"} if decl.json else set()) | ({"--lang"} if decl.lang else set())
    options = {p.opts[0]: p for p in cmd.options if p.opts[0] not in extra}
    assert set(options) == {f"--{f.name}" for f in decl.flags if f.role == "option"}, "every Typer option comes from OPTIONS"
    assert {p.name for p in cmd.arguments} == {f.param for f in decl.flags if f.role == "argument"}
    assert extra <= {p.opts[0] for p in cmd.options}
    for f in decl.flags:
        assert f.ja.strip() and f.en.strip(), f.name
        if f.role == "option":
            p = options[f"--{f.name}"]
            assert (p.is_flag, p.required) == (f.switch, f.required), f.name
            if f.short:
                assert f.short in p.opts


def test_a_choice_flag_is_checked_against_its_declared_choices(cli, tmp_path):
    from saiken_cli.commands import batch, report

    assert batch.OPTIONS.choice("format", " CSV ") == "csv" and batch.OPTIONS.choice("input-format", None) is None
    with pytest.raises(InputError, match="^--rate-unit: 'per' is not accepted: one of fraction, percent$"):
        batch.OPTIONS.choice("rate-unit", "per")
    assert report.OPTIONS.flag("format").choices == report.FORMATS
    r = cli("batch", "damages", "examples/batch/damages.csv", "--input-format", "tsv")
    assert r.exit_code == 2 and r.stderr == "saiken: error: --input-format: 'tsv' is not accepted: one of csv, jsonl, xlsx\n"
    # --jobs is read by saiken (one line naming the flag), not by Typer's int type (a usage box)
    r = cli("batch", "damages", "examples/batch/damages.csv", "--jobs", "two")
    assert r.exit_code == 2 and r.stderr.startswith("saiken: error: --jobs: 'two' is not accepted:") and r.stderr.count("\n") == 1


def test_help_shows_toml_tables_as_written(cli):
    # fault: Typer read help as rich markup, and "[case] as_of", "[[debt]]" vanished from `saiken report --help`
    r = cli("report", "--help")
    assert r.exit_code == 0
    text = " ".join(r.stdout.split())
    assert "([case], [income], one [[debt]] per creditor)" in text and "[case] as_of" in text


# --- aliases ----------------------------------------------------------------------------

def _spellings(flags):
    """(flag name, folded spelling, as written) for every long name and alias."""
    from saiken_cli.commands.spec import fold_key

    return [(name, fold_key(s), s) for name, aliases in flags for s in (name, *aliases)]


def _tables():
    from saiken_cli import matter

    out = [(spec.name, [(f.name, f.aliases) for f in spec.inputs]) for spec in SPECS]
    out += [("matter [case]", [(k, v.aliases) for k, v in matter.CASE_KEYS.items()]),
            ("matter [[debt]]", [(k, v.aliases) for k, v in matter.DEBT_KEYS.items()])]
    return out


@pytest.mark.parametrize("where, flags", _tables(), ids=[w for w, _ in _tables()])
def test_aliases_are_unique_per_command_and_never_another_flags_name(where, flags):
    names = {n for n, _ in flags}
    seen: dict[str, tuple[str, str]] = {}
    for name, folded, written in _spellings(flags):
        assert folded not in seen, f"{where}: {written!r} (--{name}) is spelt like {seen[folded][1]!r} (--{seen[folded][0]})"
        seen[folded] = (name, written)
        if written != name:
            assert folded not in names, f"{where}: the alias {written!r} of --{name} is the name of another flag"


def test_an_alias_means_what_its_flag_means(cli):
    # fault: 債務総額 (every debt, housing loans and secured parts included) was read as --debt,
    # the 基準債権の総額 (231条: without them), and 可処分所得 (a yearly figure on the court's
    # sheet) as --disposable-income, its 2 years (241条2項7号): both understate or overstate the
    # minimum repayment. They are refused now, naming the accepted key.
    saisei = importlib.import_module("saiken_cli.commands.saisei").SPEC
    assert saisei.key("債務総額") is None and saisei.key("可処分所得") is None
    assert saisei.key("基準債権の総額") == "debt" and saisei.key("可処分所得の2年分") == "disposable-income"
    with pytest.raises(UnknownKeyError, match="did you mean '可処分所得"):
        validate_keys({"基準債権": "800万", "可処分所得": "200万"}, saisei, where="t")
    seigen = importlib.import_module("saiken_cli.commands.seigen").SPEC
    assert seigen.key("貸主") is None and seigen.key("貸主の種別") == "lender"  # 貸主 is the lender's name in a sheet
