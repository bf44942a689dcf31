"""Meta-tests over rules/data: every table loads, every row is cited, boundaries come from the data.

Spec: issue 2 §2 — load once, validate strictly (sorted, no overlaps, every row cited,
units fit values, no floats for money or rates); a broken rule file is a clear error.
"""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest

from saiken_cli import rules
from saiken_cli.errors import RuleDataError, RuleNotInForce

TABLES = rules.table_ids()
ONE = timedelta(days=1)


def test_there_are_rule_tables():
    assert {"statutory_rate", "damages_methods", "eras", "reform_2020"} <= set(TABLES)


@pytest.mark.parametrize("table_id", TABLES)
def test_every_table_loads_and_every_row_is_cited(table_id):
    table = rules.load(table_id)
    assert table.rows
    for row in table.rows:
        assert row.citation.label(), f"{table_id}: row {row.effective_from} has an empty citation"
        assert row.status in rules.STATUSES


@pytest.mark.parametrize("table_id", TABLES)
def test_no_float_or_int_in_values(table_id):
    """Numbers in rule files are strings: no float (or bare int) ever enters."""
    doc = tomllib.loads((rules.DATA_DIR / f"{table_id}.toml").read_text(encoding="utf-8"))

    def walk(obj, where):
        if isinstance(obj, bool):
            return
        assert not isinstance(obj, (float, int)), f"{table_id}: {where} is a bare number"
        if isinstance(obj, dict):
            for k, v in obj.items():
                walk(v, f"{where}.{k}")
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                walk(v, f"{where}[{i}]")

    for i, row in enumerate(doc["rows"]):
        for key in ("value", "values", "tiers"):
            if key in row:
                walk(row[key], f"rows[{i}].{key}")


def _dated_boundaries():
    """(table, key, effective_from) for every row that follows another row of its key."""
    out = []
    for table in rules.all_tables():
        for key in table.keys():
            rows = [r for r in table.rows if r.key == key]
            for prev, row in zip(rows, rows[1:]):
                out.append(pytest.param(table.id, key, prev, row, id=f"{table.id}:{key}:{row.effective_from}"))
    return out


@pytest.mark.parametrize("table_id, key, prev, row", _dated_boundaries())
def test_both_sides_of_every_dated_boundary(table_id, key, prev, row):
    table = rules.load(table_id)
    assert table.row_on(row.effective_from - ONE, key) == prev
    assert table.row_on(row.effective_from, key) == row
    assert table.row_on(row.effective_from + ONE, key) == row


@pytest.mark.parametrize("table_id", TABLES)
def test_before_the_first_row_refuses(table_id):
    table = rules.load(table_id)
    for key in table.keys():
        first = next(r for r in table.rows if r.key == key)
        with pytest.raises(RuleNotInForce):
            table.row_on(first.effective_from - ONE, key)


def test_statutory_rate_refuses_from_2029_04_01_and_knows_2029_03_31():
    """rules-reference §2.1: 第3期 ends 2029-03-31; 第4期 未確定 (moj.go.jp minji07_00366)."""
    table = rules.load("statutory_rate")
    assert str(table.row_on(date(2029, 3, 31), "civil").value) == "0.03"
    with pytest.raises(RuleNotInForce, match="未確定"):
        table.row_on(date(2029, 4, 1), "civil")


def test_beyond_verified_warns():
    from saiken_cli.calc.messages import beyond_verified
    from saiken_cli.catalogue import text

    table = rules.load("statutory_rate")
    assert beyond_verified(table, date(2029, 3, 31)) is None
    warning = beyond_verified(table, date(2029, 4, 1))
    assert warning.code == "rules.beyond_verified" and warning.params["verified_through_on"] == date(2029, 3, 31)
    assert "verified through 2029-03-31" in text(warning, "en") and "2029-03-31 まで確認済み" in text(warning, "ja")


GOOD = """
id = "t"
title_ja = "t"
title_en = "t"
unit = "rate_per_year"
keyed_on = "x"
[[rows]]
effective_from = 2020-01-01
effective_until = 2020-12-31
value = "0.03"
status = "COMPUTED"
citation = { law = "民法", article = "404" }
[[rows]]
effective_from = 2021-01-01
value = "0.04"
status = "COMPUTED"
citation = { law = "民法", article = "404" }
"""


def _parse(text):
    return rules.parse_table(tomllib.loads(text), "t.toml", expected_id="t")


def test_the_good_synthetic_table_loads():
    t = _parse(GOOD)
    assert t.row_on(date(2021, 6, 1)).value == rules.Decimal("0.04")


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda s: s.replace('value = "0.03"', "value = 0.03"), "must be a string"),
        (lambda s: s.replace('value = "0.03"', 'value = "3%"'), "not a decimal"),
        (lambda s: s.replace("effective_until = 2020-12-31", "effective_until = 2021-01-01"), "overlap"),
        (lambda s: s.replace("effective_until = 2020-12-31\n", ""), "overlap"),
        (lambda s: s.replace("effective_from = 2021-01-01", "effective_from = 2019-01-01"), "not sorted"),
        (lambda s: s.replace('citation = { law = "民法", article = "404" }\n[[rows]]', "[[rows]]", 1), "cited"),
        (lambda s: s.replace('status = "COMPUTED"', 'status = "PROBABLY"', 1), "status"),
        (lambda s: s.replace('{ law = "民法", article = "404" }', '{ law = "民法" }', 1), "article"),
        (lambda s: s.replace('unit = "rate_per_year"', 'unit = "percentish"'), "unknown unit"),
        (lambda s: s.replace('id = "t"', 'id = "u"'), "does not match"),
        (lambda s: "surprise = \"1\"\n" + s, "unknown top-level"),
        (lambda s: s + "\nsurprise = \"1\"\n", "unknown key"),
    ],
)
def test_a_broken_rule_file_is_a_clear_error(mutate, message):
    with pytest.raises(RuleDataError, match=message):
        _parse(mutate(GOOD))


def test_duplicate_keys_are_a_toml_error():
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(GOOD.replace('id = "t"', 'id = "t"\nid = "t"'))


def test_rate_row_values_are_decimals_not_floats():
    for row in rules.load("statutory_rate").rows:
        assert isinstance(row.value, rules.Decimal)


@pytest.mark.parametrize(
    "fields, label",
    [
        (dict(law="民法", article="404", paragraph="2"), "民法404条2項"),
        (dict(law="出資法", article="5の4", paragraph="1"), "出資法5条の4第1項"),
        (dict(law="民事執行法", article="151条の2第1項"), "民事執行法151条の2第1項"),
        (dict(law="施行令", article="2", paragraph="1", item="1"), "施行令2条1項1号"),
        (dict(law="法", article="5の4", item="2"), "法5条の4第2号"),
        (dict(case="最判平成22年4月20日"), "最判平成22年4月20日"),
        (dict(authority="岡山地方裁判所", document="利息・損害金の計算について"), "岡山地方裁判所「利息・損害金の計算について」"),
    ],
)
def test_citation_labels(fields, label):
    assert rules.Citation(**fields).label() == label
