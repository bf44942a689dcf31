"""Issue 15 §5: rule data you can trust.

- every malformed rule file is exit 4 naming the file and the key, never exit 70
  (invalid UTF-8, a folder in place of a file, wrong value types …);
- an edited installed rule file is exit 4 (SHA-256 manifest, checked at load);
- SAIKEN_RULES_DIR is a deliberate local override, said in every output;
- rates are at most 1 a year unless the table declares rate_max.

The manifest is regenerated with ``python scripts/update_rules_manifest.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from saiken_cli import rules
from saiken_cli.errors import RuleDataError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "saiken_cli" / "rules" / "data"
DAMAGES = ["damages", "--principal", "500000", "--rate", "legal", "--from", "2021-01-01", "--to", "2021-12-31", "--json"]


def test_the_manifest_is_current():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_rules_manifest.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, (
        "rules/data/MANIFEST.sha256 does not match the rule files: after editing a rule file run\n"
        "    .venv/bin/python scripts/update_rules_manifest.py"
    )


def test_every_rule_file_is_in_the_manifest_and_loads():
    names = {p.name for p in DATA.iterdir() if p.suffix in (".toml", ".csv")}
    names |= {f"{rules.PARSED_DIR}/{p.stem}.json" for p in DATA.iterdir() if p.suffix == ".toml"}
    assert names == set(rules.manifest())
    for table in rules.all_tables():
        assert table.rows
    rules.holidays_jp()


# --- an installed rule file edited, broken, replaced ------------------------------------------


@pytest.fixture
def installed_copy(tmp_path, monkeypatch):
    """A copy of the installed data folder that the loader reads (with the shipped manifest)."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setattr(rules, "_DATA_DIR", str(copy))
    monkeypatch.delenv(rules.OVERRIDE_ENV, raising=False)
    for fn in (rules.load, rules.manifest, rules.holidays_jp):
        fn.cache_clear()
    rules._OVERRIDDEN.clear()
    yield copy
    for fn in (rules.load, rules.manifest, rules.holidays_jp):
        fn.cache_clear()
    rules._OVERRIDDEN.clear()


def test_the_2020_statutory_rate_changed_to_30_percent_is_exit_4(installed_copy):
    # before: accepted silently (a plausible edit)
    f = installed_copy / "statutory_rate.toml"
    f.write_text(f.read_text(encoding="utf-8").replace('value = "0.03"', 'value = "0.30"', 1), encoding="utf-8")
    with pytest.raises(RuleDataError, match="statutory_rate.toml: differs from its SHA-256"):
        rules.load("statutory_rate")


def test_an_edited_file_is_refused_even_when_it_still_parses(installed_copy):
    f = installed_copy / "eras.toml"
    f.write_bytes(f.read_bytes() + b"\n# an innocent comment\n")
    with pytest.raises(RuleDataError, match="eras.toml"):
        rules.load("eras")


# --- the parsed JSON twins (data/parsed/<table>.json, issue 16 start-up) ----------------------


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.toml")))
def test_each_json_twin_holds_exactly_what_tomllib_reads_from_its_toml(name):
    data = (DATA / name).read_bytes()
    twin = json.loads((DATA / rules.PARSED_DIR / f"{name[:-5]}.json").read_text(encoding="utf-8"),
                      object_hook=rules._untag)
    assert twin["source"] == name
    assert twin["source_sha256"] == rules.manifest()[name]
    assert twin["doc"] == tomllib.loads(data.decode("utf-8"))


def test_a_load_uses_the_twin_and_does_not_import_tomllib():
    r = subprocess.run([sys.executable, "-c", "import sys; from saiken_cli import rules; "
                        "[rules.load(t) for t in rules.table_ids()]; print('tomllib' in sys.modules)"],
                       capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False"


def test_a_twin_made_from_other_bytes_is_not_used(installed_copy):
    # the twin says 30 %, but it names bytes that are not the TOML's: the TOML is parsed
    twin = installed_copy / rules.PARSED_DIR / "statutory_rate.json"
    text = twin.read_text(encoding="utf-8").replace('"0.03"', '"0.30"', 1)
    sha = rules.manifest()["statutory_rate.toml"]
    twin.write_text(text.replace(sha, "0" * 64), encoding="utf-8")
    manifest = installed_copy / rules.MANIFEST
    import hashlib
    lines = [ln if not ln.endswith("  parsed/statutory_rate.json") else
             f"{hashlib.sha256(twin.read_bytes()).hexdigest()}  parsed/statutory_rate.json"
             for ln in manifest.read_text(encoding="utf-8").splitlines()]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rules.manifest.cache_clear()
    values = [str(row.value) for row in rules.load("statutory_rate").rows]
    assert "0.03" in values and "0.30" not in values


def test_an_edited_twin_is_exit_4(installed_copy):
    twin = installed_copy / rules.PARSED_DIR / "statutory_rate.json"
    twin.write_text(twin.read_text(encoding="utf-8").replace('"0.03"', '"0.30"', 1), encoding="utf-8")
    with pytest.raises(RuleDataError, match="parsed/statutory_rate.json: differs from its SHA-256"):
        rules.load("statutory_rate")


@pytest.mark.parametrize(
    "corrupt, needle",
    [
        (lambda p: p.write_bytes(b"\xff\xfe not utf-8"), "SHA-256"),
        (lambda p: (p.unlink(), p.mkdir()), "a folder, not a rule file"),
        (lambda p: p.unlink(), "not found"),
    ],
)
def test_a_broken_installed_file_is_exit_4_naming_it(installed_copy, corrupt, needle):
    # before: invalid UTF-8 and a folder in place of the file were exit 70
    corrupt(installed_copy / "interest_caps.toml")
    with pytest.raises(RuleDataError, match=needle) as info:
        rules.load("interest_caps")
    assert "interest_caps.toml" in str(info.value)


def test_a_broken_file_through_the_cli_is_exit_4_with_one_line(tmp_path):
    override = tmp_path / "rules"
    override.mkdir()
    (override / "statutory_rate.toml").write_bytes(b"id = \"statutory_rate\"\n\xff\xfe")
    env = {**{k: v for k, v in os.environ.items() if k != "SAIKEN_DEBUG"}, rules.OVERRIDE_ENV: str(override)}
    r = subprocess.run([sys.executable, "-m", "saiken_cli", *DAMAGES], capture_output=True, text=True, env=env)
    assert r.returncode == 4, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "statutory_rate.toml" in lines[0] and "UTF-8" in lines[0]


# --- every malformed value: exit 4 with file and key, never another exception -----------------


def _paths(obj, prefix=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield prefix + (k,)
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield prefix + (i,)
            yield from _paths(v, prefix + (i,))


def _replaced(doc, path, value):
    import copy

    out = copy.deepcopy(doc)
    node = out
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value
    return out


WRONG = [1, True, 1.5, [], {}, [1], {"x": 1}, dt.date(2020, 1, 1), "", "x"]


@pytest.mark.parametrize("table_id", sorted(p.stem for p in DATA.glob("*.toml")))
def test_wrong_value_types_anywhere_are_rule_data_errors(table_id):
    # before: 66 of 195 corruptions ended in exit 70 (TypeError, AttributeError, ValueError …)
    doc = tomllib.loads((DATA / f"{table_id}.toml").read_text(encoding="utf-8"))
    paths = list(_paths(doc))
    # every top-level key and every key of the first two rows (the rest repeat their shapes)
    chosen = [p for p in paths if len(p) == 1 or (p[0] == "rows" and p[1] in (0, 1))]
    for path in chosen:
        for value in WRONG:
            try:
                rules.parse_table(_replaced(doc, path, value), f"{table_id}.toml", expected_id=table_id)
            except RuleDataError as exc:
                assert str(exc).startswith(f"{table_id}.toml"), str(exc)
            except Exception as exc:  # noqa: BLE001
                pytest.fail(f"{table_id}.toml {path} = {value!r}: {type(exc).__name__}: {exc}")


def test_an_unknown_key_names_the_closest_one():
    doc = tomllib.loads((DATA / "eras.toml").read_text(encoding="utf-8"))
    doc["rows"][0]["efective_from"] = doc["rows"][0].pop("effective_from")
    with pytest.raises(RuleDataError, match="did you mean 'effective_from'"):
        rules.parse_table(doc, "eras.toml")


# --- tighter ranges ---------------------------------------------------------------------------


def test_a_rate_above_1_a_year_is_refused_unless_the_table_allows_it():
    # before: any rate up to 100 (10,000%) a year passed
    doc = tomllib.loads((DATA / "overpayment_interest.toml").read_text(encoding="utf-8"))
    rate_row = next(r for r in doc["rows"] if r.get("key") == "rate")
    rate_row["values"]["rate"] = "0.3"  # 30%: above this table's rate_max 0.1
    with pytest.raises(RuleDataError, match="outside 0…0.1"):
        rules.parse_table(doc, "overpayment_interest.toml")
    doc.pop("rate_max")
    rate_row["values"]["rate"] = "1.5"
    with pytest.raises(RuleDataError, match="outside 0…1 "):
        rules.parse_table(doc, "overpayment_interest.toml")
    caps = rules.load("interest_caps")  # 出資法 109.5% (1.095): its table declares rate_max
    assert max(r["rate"] for r in caps.rows if "rate" in r.values) > 1


# --- SAIKEN_RULES_DIR: a deliberate local override, said in every output ------------------------


def test_a_local_override_is_used_and_said_in_the_output(tmp_path):
    override = tmp_path / "rules"
    override.mkdir()
    text = (DATA / "statutory_rate.toml").read_text(encoding="utf-8")
    (override / "statutory_rate.toml").write_text(text.replace('value = "0.03"', 'value = "0.04"', 1), encoding="utf-8")
    env = {**{k: v for k, v in os.environ.items() if k != "SAIKEN_DEBUG"}, rules.OVERRIDE_ENV: str(override)}
    r = subprocess.run([sys.executable, "-m", "saiken_cli", *DAMAGES], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["rate"] == "0.04"
    # a message item like every other warning: its code for scripts, its text in --lang (ja)
    item = next(w for w in out["warnings"] if w["code"] == "rules.local_override")
    assert item["params"]["files"] == "statutory_rate.toml" and item["params"]["env"] == rules.OVERRIDE_ENV
    assert item["text"].startswith("法令データの一部をローカルの上書き") and " / " not in item["text"]
    assert rules.OVERRIDE_ENV in r.stderr
    human = subprocess.run([sys.executable, "-m", "saiken_cli", *DAMAGES[:-1]], capture_output=True, text=True, env=env)
    assert rules.OVERRIDE_ENV in human.stderr and "overridden" not in human.stderr
    english = subprocess.run([sys.executable, "-m", "saiken_cli", *DAMAGES[:-1], "--lang", "en"], capture_output=True, text=True, env=env)
    assert "rule data overridden locally" in english.stderr and "ローカル" not in english.stderr


def test_an_override_folder_that_does_not_exist_is_exit_4(tmp_path):
    env = {**{k: v for k, v in os.environ.items() if k != "SAIKEN_DEBUG"}, rules.OVERRIDE_ENV: str(tmp_path / "nope")}
    r = subprocess.run([sys.executable, "-m", "saiken_cli", *DAMAGES], capture_output=True, text=True, env=env)
    assert r.returncode == 4 and rules.OVERRIDE_ENV in r.stderr
