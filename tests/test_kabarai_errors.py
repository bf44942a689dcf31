"""`saiken kabarai`: every bad input is one stderr line naming the file and line (or flag), exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "kabarai"


def one_line_error(r, *needles):
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.mark.parametrize(
    "text, needles",
    [
        ("date,borrow,interest\n2001-01-01,1,\n", ["line 1", "interest", "known columns"]),
        ("date,borrow\n2001-01-01,1\n", ["line 1", "repay"]),
        ("date,borrow,repay\n2001-02-01,100000,\n2001-01-31,,1000\n", ["line 3", "2001-01-31", "in order"]),
        ("date,borrow,repay\n2001-02-01,100000,\n2001-03-01,,-1000\n", ["line 3", "repay", "not negative"]),
        ("date,borrow,repay\n2001-02-01,-5,\n", ["line 2", "borrow", "not negative"]),
        ("date,borrow,repay\n2001-02-01,,1000\n2001-03-01,,1000\n", ["line 2", "starts with a borrowing"]),
        ("# only payments\n日付,借入,返済\nH13.2.1,,1万\n", ["line 3", "starts with a borrowing"]),
        ("date,borrow,repay\n2001-02-30,100000,\n", ["line 2", "date"]),
        ("date,borrow,repay\n2001-02-01,abc,\n", ["line 2", "borrow"]),
        ("date,borrow,repay\n2001-02-01,100000,\n2001-03-01,,\n", ["line 3", "--as-of"]),
        ("date,borrow,repay\n2001-02-01,100000,,extra\n", ["line 2", "cells"]),
        ("date,borrow,repay\n", ["header only"]),
        ("", ["empty"]),
        ('{"date": "2001-02-01", "borrow": 1000}\n{"date": "2001-03-01", "fee": 5}\n', ["line 2", "fee"]),
        ('{"date": "2001-02-01", "borrow": 1000}\nnot json\n', ["line 2"]),
        ('{"date": "2001-02-01", "borrow": -1000}\n', ["line 1", "not negative"]),
        ('{"date": "2001-02-01", "borrow": 10.5}\n', ["line 1"]),
    ],
)
def test_bad_history(cli, tmp_path, text, needles):
    p = tmp_path / "h.csv"
    p.write_text(text, encoding="utf-8")
    one_line_error(cli("kabarai", str(p)), *needles)


def test_unreadable_file(cli, tmp_path):
    one_line_error(cli("kabarai", str(tmp_path / "missing.csv")), "FILE", "missing.csv", "readable")
    one_line_error(cli("kabarai", str(tmp_path)), "FILE", "directory")
    p = tmp_path / "bin.csv"
    p.write_bytes(b"\x00\x01\x02\xff\xfe")
    one_line_error(cli("kabarai", str(p)))


@pytest.mark.parametrize(
    "args, flag",
    [
        (["--as-of", "2001-09-29"], "--as-of"),
        (["--as-of", "yesterday"], "--as-of"),
        (["--overpay-interest", "6"], "--overpay-interest"),
        (["--first-day", "none"], "--first-day"),
        (["--leap", "366days"], "--leap"),
        (["--split-at", "2001-09-30"], "--split-at"),
        (["--split-at", "2000-01-01"], "--split-at"),
        (["--format", "xlsx"], "--format"),
        (["--format", "csv", "--json"], "--json"),
        (["--lang", "fr"], "--lang"),
    ],
)
def test_bad_flags(cli, args, flag):
    one_line_error(cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), *args), flag)


def test_split_series_that_starts_with_a_repayment(cli):
    one_line_error(cli("kabarai", str(EXAMPLES / "ref-8-3.csv"), "--split-at", "2008-03-31"), "line 7", "series 2")


def test_overpayment_arising_after_2029_03_31_refuses_exit_3(cli, tmp_path):
    p = tmp_path / "late.csv"
    p.write_text("date,borrow,repay\n2029-04-01,100000,\n2029-04-01,,110000\n", encoding="utf-8")
    r = cli("kabarai", str(p), "--as-of", "last")
    assert r.exit_code == 3 and r.stdout == "" and len(r.stderr.strip().splitlines()) == 1


def test_default_as_of_today_before_the_last_transaction_is_exit_2(cli, tmp_path, monkeypatch):
    """issue 11 §1 item 8: --as-of defaults to today in Japan; a history that ends after today names --as-of."""
    monkeypatch.setenv("SAIKEN_TODAY", "2026-12-01")
    p = tmp_path / "late.csv"
    p.write_text("date,borrow,repay\n2026-01-10,100000,\n2027-01-10,,10000\n", encoding="utf-8")
    r = cli("kabarai", str(p))
    assert r.exit_code == 2 and r.stdout == ""
    (line,) = r.stderr.strip().splitlines()
    assert "--as-of" in line and "2026-12-01" in line and "2027-01-10" in line and "last" in line


def test_batch_record_protocol_matches_json(cli):
    from saiken_cli.catalogue import localize
    from saiken_cli.commands import kabarai, seigen

    path = str(EXAMPLES / "ref-8-1.csv")
    rec = localize(kabarai.record({"file": path, "as_of": "2008-01-16", "case_id": "A-1"}), "ja")
    assert rec == cli("kabarai", path, "--as-of", "2008-01-16", "--json").json()
    rec = localize(seigen.record({"principal": "100000", "repay": "130000", "days": "7"}), "ja")
    assert rec == cli("seigen", "--principal", "100000", "--repay", "130000", "--days", "7", "--json").json()
    assert set(seigen.SPEC.names) >= {"principal", "rate", "repay", "per-days", "percent", "lender"}
