"""Issue 15 §6: hostile files and leaks — tracebacks only with SAIKEN_DEBUG=1, …

Every fault here was reproduced on the code before the fix ("before:").
"""

from __future__ import annotations

import pytest

ARGS = ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json"]


@pytest.mark.parametrize("value, traceback", [("0", False), ("", False), ("no", False), ("false", False), ("1", True)])
def test_only_saiken_debug_1_turns_tracebacks_on(monkeypatch, capsys, value, traceback):
    # before: any non-empty value (SAIKEN_DEBUG=0!) re-raised the internal error with its traceback
    import saiken_cli.calc.damages as calc
    from saiken_cli.entry import main

    def boom(inp):
        raise RuntimeError("boom")

    monkeypatch.setattr(calc, "compute", boom)
    monkeypatch.setenv("SAIKEN_DEBUG", value)
    if traceback:
        with pytest.raises(RuntimeError):
            main(ARGS)
    else:
        assert main(ARGS) == 70
        assert "internal error (RuntimeError)" in capsys.readouterr().err


# --- paths inside case files and batch files -------------------------------------------------

import json  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from conftest import invoke  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "examples" / "kabarai" / "ref-8-1.csv"
SECRET = "root:x:0:0:SECRET-LINE:/root:/bin/bash"


@pytest.fixture
def office(tmp_path):
    """A case folder with a history file, and a secret file outside it."""
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(HISTORY, cases / "history.csv")
    (tmp_path / "passwd").write_text(SECRET + "\n", encoding="utf-8")
    return tmp_path


def case_file(folder: Path, path: str) -> Path:
    case = folder / "c.toml"
    case.write_text(f'[case]\nid = "x"\n[kabarai]\nfile = "{path}"\nas-of = 2008-01-16\n', encoding="utf-8")
    return case


@pytest.mark.parametrize("path", ["{outside}", "../passwd"])
def test_a_case_file_cannot_make_saiken_read_and_echo_a_file_outside_its_folder(office, path):
    # before: [kabarai] file = "/etc/passwd" was read and its first line echoed in the error
    case = case_file(office / "cases", path.format(outside=office / "passwd"))
    r = invoke("report", str(case))
    assert r.exit_code == 2
    assert "SECRET" not in r.stderr + r.stdout and "root:x" not in r.stderr
    assert "--allow-outside-paths" in r.stderr and "[kabarai]" in r.stderr


def test_paths_in_a_case_file_are_relative_to_its_folder(office, monkeypatch):
    # before: relative to wherever saiken was started
    case = case_file(office / "cases", "history.csv")
    monkeypatch.chdir(office)  # not the case folder
    r = invoke("report", str(case), "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["sections"][0]["result"]["claim_total_yen"] == 29363


def test_allow_outside_paths_lets_the_case_file_name_other_files(office):
    shutil.copy(HISTORY, office / "outside.csv")
    case = case_file(office / "cases", "../outside.csv")
    assert invoke("report", str(case)).exit_code == 2
    r = invoke("report", str(case), "--allow-outside-paths", "--format", "json")
    assert r.exit_code == 0, r.stderr


def test_a_batch_file_column_stays_inside_the_batch_files_folder(office):
    batch = office / "cases" / "b.jsonl"
    rows = [{"id": 1, "file": "history.csv", "as-of": "2008-01-16"}, {"id": 2, "file": str(office / "passwd")},
            {"id": 3, "file": "../passwd"}]
    batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    r = invoke("batch", "kabarai", str(batch))
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.exit_code == 1 and out[0]["result"]["claim_total_yen"] == 29363
    assert all("--allow-outside-paths" in o["error"] for o in out[1:])
    assert "SECRET" not in r.stdout + r.stderr
    r = invoke("batch", "kabarai", str(batch), "--allow-outside-paths")
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert "SECRET" not in r.stdout + r.stderr  # read, but its content is not echoed


def test_a_file_named_on_the_command_line_is_the_users_choice(office):
    r = invoke("kabarai", str(office / "cases" / "history.csv"), "--as-of", "2008-01-16", "--json")
    assert r.exit_code == 0


# --- error messages quote at most a short excerpt; headerless CSVs ------------------------------


def test_a_headerless_kabarai_csv_names_the_missing_columns_not_the_first_row(tmp_path):
    # before: "… '2001-01-15,山田太郎,090-1234-5678' is not accepted: known columns …"
    f = tmp_path / "h.csv"
    f.write_text("山田太郎,090-1234-5678,500000\n2001-01-15,500000,\n", encoding="utf-8")
    r = invoke("kabarai", str(f))
    assert r.exit_code == 2
    assert "山田" not in r.stderr and "090" not in r.stderr
    assert "date" in r.stderr and "borrow" in r.stderr and "repay" in r.stderr


def test_a_headerless_batch_csv_names_the_flags_not_the_first_row(tmp_path):
    # before: "(header: 山田太郎, 090-1234-5678, …)"
    f = tmp_path / "b.csv"
    f.write_text("山田太郎,090-1234-5678,500000\n", encoding="utf-8")
    r = invoke("batch", "damages", str(f))
    assert r.exit_code == 2
    assert "山田" not in r.stderr and "090" not in r.stderr and "principal" in r.stderr


def test_a_kabarai_line_is_quoted_only_as_a_short_excerpt(tmp_path):
    f = tmp_path / "h.jsonl"
    secret = "SECRET-" + "x" * 80
    f.write_text('{"date": "2001-01-15", "borrow": 500000}\n' + secret + "\n", encoding="utf-8")
    r = invoke("kabarai", str(f))
    assert r.exit_code == 2 and "line 2" in r.stderr and "SECRET" not in r.stderr


# --- encodings that are not encodings ------------------------------------------------------------


@pytest.mark.parametrize("name", ["rot13", "base64", "zlib", "hex", "klingon"])
def test_unknown_or_non_text_encodings_are_exit_2(tmp_path, name):
    # before: rot13/base64 passed codecs.lookup and ended in exit 70
    f = tmp_path / "c.csv"
    f.write_text("principal,rate,days\n1,0.1,1\n", encoding="utf-8")
    r = invoke("batch", "damages", str(f), "--encoding", name)
    assert r.exit_code == 2 and r.stderr.startswith("saiken: error: --encoding:")
    assert len(r.stderr.strip().splitlines()) == 1


# --- Markdown / HTML / terminal: case fields render as the text they are -----------------------

HOSTILE = {
    "title": "<script>alert(1)</script> **太字** [x](javascript:alert(1))",
    "debtor": "山田太郎\n# 偽の見出し\n- 偽の項目",
    "creditor": "株式会社\x1b[2J\x1b]0;pwned\x07A",
}


def hostile_case(folder: Path) -> Path:
    case = folder / "h.toml"
    fields = "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in HOSTILE.items())
    case.write_text(f'[case]\nid = "x"\nas_of = 2025-01-01\n{fields}[jikou]\nlast-payment = 2019-05-01\n', encoding="utf-8")
    return case


def test_the_markdown_report_escapes_case_fields(tmp_path):
    # before: <script> passed through, "\n# " started a heading, ESC sequences reached the terminal
    r = invoke("report", str(hostile_case(tmp_path)))
    assert r.exit_code == 0, r.stderr
    md = r.stdout
    assert "<script>" not in md and "\\<script\\>" in md
    assert "**太字**" not in md and "[x](javascript" not in md
    assert not any(line.startswith(("# 偽", "- 偽")) for line in md.splitlines())
    assert "\x1b" not in md and "\x07" not in md
    assert "山田太郎" in md and "偽の見出し" in md  # the text itself is kept


def test_the_html_report_escapes_case_fields_and_strips_controls(tmp_path):
    r = invoke("report", str(hostile_case(tmp_path)), "--format", "html")
    assert r.exit_code == 0, r.stderr
    assert "<script>" not in r.stdout and "&lt;script&gt;" in r.stdout
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout


def test_the_terminal_renderer_strips_control_characters():
    import io

    from rich.console import Console

    from saiken_cli.render import TableView, View, draw

    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None, markup=False, highlight=False)
    v = View("題\x1b[2J", [("債務者", "山田\x1b]0;x\x07")], [TableView("t", ["a"], [["\x1b[31m赤"]])], [("注", ["\x00x"])])
    draw(v, "ja", console=console)
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue() and "\x00" not in out.getvalue()
    assert "山田" in out.getvalue() and "赤" in out.getvalue()
