"""A command's ``PLAIN_KEYS`` (the payload's top-level keys that ``saiken batch`` does not walk
for message items: catalogue.localize) hold no message item: on generated batch rows
(benchmarks/bench_batch.py's generators) and on a few rows that reach the rarer messages,
the walk that skips them phrases exactly what the whole walk phrases."""

from __future__ import annotations

import copy
import csv
import io
import os
import random
import sys

import pytest

from saiken_cli.catalogue import localize
from saiken_cli.commands.batch import Header, aliases_of, calculators, flags_of
from saiken_cli.commands.spec import NormFields
from saiken_cli.errors import SaikenError

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks"))
from bench_batch import GENERATORS  # noqa: E402

EXTRA_ROWS = {
    "damages": [
        {"principal": "100万", "rate": "legal", "due-date": "R1.9.30", "to": "2021-03-31", "payment": "2020-06-30:2000000"},
        {"principal": "50万", "rate": "30%", "from": "2019-10-01", "to": "2021-03-31"},
        {"principal": "99999", "rate": "20%", "from": "2024-02-29", "to": "2024-03-10"},
    ],
    "jikou": [
        {"last-payment": "2020-12-26", "apply-142": "true", "as-of": "2030-01-01"},
        {"due-date": "2015-06-01", "event": "2017-01-10:saikoku;2017-03-10:teiso;2018-03-10:torisage", "as-of": "2030-01-01"},
        {"due-date": "2020-06-01", "event": "2024-01-10:kyogi;2024-03-10:saikoku;2024-04-10:kyozetsu", "as-of": "2030-01-01"},
        {"subrogation-date": "2021-03-31", "contract-date": "2019-01-10", "creditor": "guarantor", "as-of": "2030-01-01"},
        {"judgment-date": "2012-03-31", "due-date": "2013-01-01", "as-of": "2030-01-01"},
        {"last-payment": "2024-04-28"},  # --as-of defaulted to today
        {"due-date": "2020-06-01", "knew-on": "2021-01-01", "as-of": "2030-01-01"},
        {"due-date": "2020-06-01", "knew-on": "2025-01-01", "event": "2025-06-01:saikoku", "as-of": "2030-01-01"},
    ],
    "sashiosae": [
        {"gross": "400000", "income-tax": "10000", "resident-tax": "15000", "social-insurance": "50000", "commute": "10000",
         "period": "monthly", "paid-on": "2026-10-25"},
        {"net": "300000", "tax": "true", "rounding": "tax-1000", "paid-on": "2026-10-25"},
        {"gross": "500000", "commute": "12000", "tax": "true", "rounding": "tax-1000", "dependents": "2", "paid-on": "2026-10-25"},
        {"net": "300000", "tax": "true", "paid-on": "2026-10-25"},  # dependents not given
        {"net": "900000", "period": "months:3", "paid-on": "2026-10-25"},
        {"net": "5000000", "period": "retirement", "paid-on": "2026-10-25"},
        {"net": "300000", "support": "true", "paid-on": "2026-10-25"},
        {"net": "300000"},  # --paid-on defaulted to today
    ],
}

DECLARED = sorted(name for name, mod in calculators().items() if getattr(mod, "PLAIN_KEYS", None) is not None)


def _payloads(name: str):
    mod = calculators()[name]
    header = Header(flags_of(mod), aliases_of(mod))
    rng = random.Random(16)
    rows = [GENERATORS[name](rng, i) for i in range(400)] if name in GENERATORS else []
    rows += EXTRA_ROWS.get(name, [])
    for row in rows:
        fields = NormFields((header.flag_of(k), v) for k, v in row.items() if header.flag_of(k) and v != "")
        try:
            yield mod.record(fields)
        except SaikenError:
            continue


def _items_under(value, keys, path=""):
    """Paths of message items under the skipped top-level keys."""
    if type(value) is dict:
        if "code" in value and "params" in value:
            return [path] if path.split(".")[1].split("[")[0] in keys else []
        return [p for k, v in value.items() for p in _items_under(v, keys, f"{path}.{k}")]
    if type(value) is list:
        return [p for v in value for p in _items_under(v, keys, path + "[]")]
    return []


def test_some_commands_declare_their_plain_keys():
    assert {"damages", "jikou", "sashiosae"} <= set(DECLARED)


@pytest.mark.parametrize("name", DECLARED)
def test_plain_keys_hold_no_item(name):
    keys = calculators()[name].PLAIN_KEYS
    seen = 0
    for payload in _payloads(name):
        assert _items_under(payload, keys) == [], f"{name}: message items under PLAIN_KEYS"
        for lang in ("ja", "en"):
            whole = localize(copy.deepcopy(payload), lang)
            assert localize(copy.deepcopy(payload), lang, keys) == whole
        seen += 1
    assert seen > 100
