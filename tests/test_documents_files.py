"""計算書 as PDF and Excel (documents/pdf.py, documents/xlsx.py) and the --format pdf|xlsx
--output options of `saiken damages` and `saiken kabarai`.

The PDF's text layer is read back with poppler's pdftotext (skipped, with the reason, where
it is not installed); the workbook is read back with openpyxl: numbers are numbers, dates are
dates. Figures: damages 650,000 × 18% × 3,390/365 = 1,086,657.53 → 1,086,657 (2017-08-21 …
2026-12-01 inclusive); kabarai ref-8-1 (rules-reference §8.1: 過払金 22,230, 過払利息 7,133).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from saiken_cli.documents import enyou, pdf, statements, xlsx

ROOT = Path(__file__).resolve().parent.parent
KABARAI = str(ROOT / "examples" / "kabarai" / "ref-8-1.csv")
PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed: the PDF text layer cannot be read back")

DAMAGES = ["damages", "--principal", "65万", "--rate", "18%", "--from", "2017-08-21", "--to", "2026-12-01"]


def pdf_text(path: Path) -> str:
    out = subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return unicodedata.normalize("NFKC", out)


def sheet_values(path: Path, sheet: str | None = None) -> list[list]:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb[sheet] if sheet else wb.active
    return [[v for v in row] for row in ws.iter_rows(values_only=True)]


def summary_value(rows: list[list], label: str):
    for row in rows:
        if row and row[0] == label:
            return row[1]
    raise KeyError(label)


@needs_pdftotext
def test_damages_pdf_holds_the_figures(cli, tmp_path):
    out = tmp_path / "計算書.pdf"
    r = cli(*DAMAGES, "--format", "pdf", "--output", str(out))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert out.read_bytes().startswith(b"%PDF")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    text = pdf_text(out)
    for figure in ("遅延損害金計算書", "650,000円", "1,086,657円", "平成29年8月21日", "令和8年12月1日", "3,390", "民法419条1項"):
        assert figure in text, figure
    assert "UNVERIFIED" not in text and "--" not in text.replace("－", "")


def test_damages_xlsx_numbers_and_dates(cli, tmp_path):
    out = tmp_path / "d.xlsx"
    r = cli(*DAMAGES, "--payment", "2019-09-30:5万", "--format", "xlsx", "--output", str(out))
    assert r.exit_code == 0, r.stderr
    rows = sheet_values(out, "遅延損害金")
    assert summary_value(rows, "元本") == 650000
    assert summary_value(rows, "遅延損害金") == 1086657
    assert summary_value(rows, "残債務合計") == 1686657
    assert summary_value(rows, "起算日") == datetime(2017, 8, 21)
    segments = [row for row in rows if isinstance(row[0], datetime) and isinstance(row[2], int)]
    assert [(s[0].date(), s[1].date(), s[2], s[6]) for s in segments] == [
        (date(2017, 8, 21), date(2019, 9, 30), 771, 247142),
        (date(2019, 10, 1), date(2026, 12, 1), 2619, 839515),
    ]


def test_kabarai_xlsx_one_row_per_transaction(cli, tmp_path):
    out = tmp_path / "k.xlsx"
    r = cli("kabarai", KABARAI, "--as-of", "2008-01-16", "--format", "xlsx", "--output", str(out), "--json")
    assert r.exit_code == 0, r.stderr
    payload = r.json()  # --json still prints the payload
    rows = sheet_values(out)
    assert summary_value(rows, "過払金") == 22230
    assert summary_value(rows, "過払利息") == 7133
    ledger = [row for row in rows if isinstance(row[0], int) and isinstance(row[1], datetime)]
    assert len(ledger) == len(payload["ledger"])
    assert [row[8] for row in ledger] == [x["balance_yen"] for x in payload["ledger"]]
    assert all(isinstance(row[8], int) for row in ledger)


@needs_pdftotext
def test_kabarai_pdf_text_layer(cli, tmp_path):
    out = tmp_path / "k.pdf"
    assert cli("kabarai", KABARAI, "--as-of", "2008-01-16", "--format", "pdf", "--output", str(out)).exit_code == 0
    text = pdf_text(out)
    for figure in ("利息制限法に基づく引き直し計算書", "22,230円", "7,133円", "-22,230", "2001/01/15", "500,000"):
        assert figure in text, figure


def test_format_pdf_needs_output_and_nothing_is_written(cli, tmp_path):
    r = cli(*DAMAGES, "--format", "pdf")
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "--output" in r.stderr
    r = cli(*DAMAGES, "--output", str(tmp_path / "x.pdf"))
    assert r.exit_code == 2 and not (tmp_path / "x.pdf").exists()
    r = cli(*DAMAGES, "--format", "docx", "--output", str(tmp_path / "x.docx"))
    assert r.exit_code == 2 and "--format" in r.stderr and not list(tmp_path.iterdir())


def test_output_over_the_input_is_refused(cli, tmp_path):
    history = tmp_path / "h.csv"
    shutil.copy(KABARAI, history)
    before = history.read_bytes()
    r = cli("kabarai", str(history), "--format", "pdf", "--output", str(history))
    assert r.exit_code == 2 and "input" in r.stderr
    assert history.read_bytes() == before


def test_output_to_a_missing_folder_is_one_line_exit_2(cli, tmp_path):
    r = cli(*DAMAGES, "--format", "xlsx", "--output", str(tmp_path / "no" / "such" / "d.xlsx"))
    assert r.exit_code == 2 and r.stderr.count("\n") == 1
    assert not (tmp_path / "no").exists()


def test_a_failed_render_leaves_the_previous_file(tmp_path, monkeypatch):
    from saiken_cli import output

    target = tmp_path / "d.pdf"
    target.write_bytes(b"previous")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    from saiken_cli.errors import OutputError

    with pytest.raises(OutputError, match="No space left"):
        output.write_bytes(str(target), b"%PDF-new")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["d.pdf"]  # no temporary file left behind


@needs_pdftotext
@pytest.mark.parametrize("key", ["yoko-26x20", "tate-20x26"])
def test_letter_pdf_text_layer(tmp_path, key):
    from test_documents_letter import FACTS, LAYOUTS

    layout = LAYOUTS[key]
    letter = enyou.compose(FACTS, layout)
    out = tmp_path / "letter.pdf"
    out.write_bytes(pdf.letter_pdf(letter.pages, width=layout.width, height=layout.height, direction=layout.direction, title="消滅時効援用通知書"))
    text = "".join(pdf_text(out).split())
    assert "消滅時効援用通知書" in text
    assert ("佐藤一郎" in text) and ("株式会社" in text)
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout if shutil.which("pdfinfo") else ""
    if pages:
        assert f"Pages:           {len(letter.pages)}" in pages


def test_statements_from_payloads_are_typed():
    import json

    from saiken_cli.commands.damages import record

    payload = record({"principal": "65万", "rate": "18%", "from": "2017-08-21", "to": "2026-12-01"})
    st = statements.damages_statement(json.loads(json.dumps(payload)))
    kinds = {label: kind for label, _, kind in st.summary}
    assert kinds["元本"] == "yen" and kinds["起算日"] == "date"
    data = xlsx.statements_xlsx([st], made_on=date(2026, 12, 1))
    assert data[:2] == b"PK"
    assert os.environ.get("SAIKEN_DEBUG") is None or True


def test_text_from_the_office_never_becomes_a_formula(tmp_path):
    st = statements.Statement(title="債権者一覧表", sheet="一覧", summary=[("債権者", '=HYPERLINK("http://x","y")', "text")],
                              tables=[statements.Table("t", [statements.Col("名称")], [["+1+2"], ["@SUM(A1)"]])])
    out = tmp_path / "x.xlsx"
    out.write_bytes(xlsx.statements_xlsx([st], made_on=date(2026, 12, 1)))
    import openpyxl

    ws = openpyxl.load_workbook(out).active
    cells = {c.value: c.data_type for row in ws.iter_rows() for c in row if c.value is not None}
    assert cells['=HYPERLINK("http://x","y")'] == "s"
    assert cells["+1+2"] == "s" and cells["@SUM(A1)"] == "s"
