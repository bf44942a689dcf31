"""`saiken report MATTER.toml --format pdf|xlsx --output F`: the 債権者一覧表 and each debt's 計算書
(a sheet per debt), with the same figures as `--format json` (the same payload)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MATTER = str(ROOT / "examples" / "cases" / "matter-sato.toml")


def _rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _value(rows, label):
    for r in rows:
        if r and r[0] == label:
            return r[1]
    raise KeyError(label)


def test_xlsx_a_sheet_per_debt_with_the_report_figures(cli, tmp_path):
    import openpyxl

    payload = cli("report", MATTER, "--format", "json").json()
    out = tmp_path / "sato.xlsx"
    r = cli("report", MATTER, "--format", "xlsx", "--output", str(out))
    assert r.exit_code == 0, r.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["債権者一覧表"] + [f"{d['index']} {d['creditor']}" for d in payload["debts"]]
    front = _rows(wb["債権者一覧表"])
    assert _value(front, "残債務合計") == payload["totals"]["total_owed_yen"]
    assert _value(front, "うち時効完成 (援用可能)") == payload["totals"]["time_barred_yen"]
    assert _value(front, "基準日") == datetime(2026, 12, 1)
    listed = [r for r in front if isinstance(r[0], int) and isinstance(r[1], str) and r[1] != "合計"]
    assert [(r[1], r[7]) for r in listed] == [(d["creditor"], d["total_owed_yen"]) for d in payload["debts"]]
    for d in payload["debts"]:
        rows = _rows(wb[f"{d['index']} {d['creditor']}"])
        assert _value(rows, "合計") == d["total_owed_yen"]
        assert isinstance(_value(rows, "残元本"), int)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed: the PDF text layer cannot be read back")
def test_pdf_text_layer(cli, tmp_path):
    out = tmp_path / "sato.pdf"
    r = cli("report", MATTER, "--format", "pdf", "--output", str(out))
    assert r.exit_code == 0, r.stderr
    text = unicodedata.normalize("NFKC", subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout)
    for figure in ("債権者一覧表", "計算書 (株式会社Aサービサー)", "1,686,657", "1,036,657", "2024/11/21", "佐藤一郎"):
        assert figure in text, figure
    assert "--" not in text and "UNVERIFIED" not in text
    import re

    # no flag values in words a client would not use (the method keys are named in Japanese)
    assert not re.search(r"(?<![A-Za-z/.])(simple365|court-each|kyotaku|one-end|both-ends)(?![A-Za-z])", text)


def test_pdf_needs_output(cli, tmp_path):
    r = cli("report", MATTER, "--format", "pdf")
    assert r.exit_code == 2 and "--output" in r.stderr and r.stderr.count("\n") == 1


def test_never_over_the_case_file(cli, tmp_path):
    case = tmp_path / "m.toml"
    shutil.copy(MATTER, case)
    shutil.copytree(ROOT / "examples" / "cases" / "histories", tmp_path / "histories")
    before = case.read_bytes()
    r = cli("report", str(case), "--format", "xlsx", "--output", str(case))
    assert r.exit_code == 2 and case.read_bytes() == before
