"""`saiken batch COMMAND FILE`: one output record per input record, in order, ids carried,
bad records marked (never dropped, never stopping the run), exit 0/1/2, CSV and JSONL both
ways, stdin/stdout, streaming (issue 5 §1)."""

from __future__ import annotations

import csv
import io
import re
import json
import sys
from pathlib import Path

import pytest

import _cli_tree
from conftest import invoke

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "batch" / "damages.csv"


def rows_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def single_argv(command: str, fields: dict[str, str]) -> list[str]:
    """The single-command argv equivalent to one batch record (flag kinds from the Typer app)."""
    params = {p.opts[0][2:]: p for p in _cli_tree.command((command,)).options}
    argv = [command]
    for key, value in fields.items():
        p = params.get(key)
        if p is None or value in ("", None):
            continue
        if p.is_flag:
            if str(value).lower() in ("1", "true", "yes", "y", "on"):
                argv.append(f"--{key}")
        elif p.multiple:
            for part in str(value).split(";"):
                argv += [f"--{key}", part.strip()]
        else:
            argv += [f"--{key}", str(value)]
    return [*argv, "--json"]


# --- the example file: the contract end to end ---------------------------------------------


def test_example_file_one_record_per_row_in_order_with_the_bad_row_marked():
    r = invoke("batch", "damages", str(EXAMPLE))
    assert r.exit_code == 1  # one bad row: output complete, status says so
    out = rows_of(r.stdout)
    with EXAMPLE.open(encoding="utf-8") as fh:
        src = list(csv.DictReader(fh))
    assert [o["case_id"] for o in out] == [s["case_id"] for s in src]
    assert [o["debtor"] for o in out] == [s["debtor"] for s in src]
    bad = [o for o in out if "error" in o]
    assert [o["case_id"] for o in bad] == ["K-2024-007"]
    assert bad[0]["exit_code"] == 2 and "--rate" in bad[0]["error"] and "result" not in bad[0]
    assert all("result" in o and "error" not in o for o in out if o["case_id"] != "K-2024-007")
    assert r.stderr.strip().splitlines()[-1].startswith("saiken: batch damages: 1 of 8 records")


def test_each_batch_record_equals_the_single_command_output():
    """The same payload as `saiken damages … --json`, and the same error message."""
    r = invoke("batch", "damages", str(EXAMPLE))
    with EXAMPLE.open(encoding="utf-8") as fh:
        src = list(csv.DictReader(fh))
    for s, o in zip(src, rows_of(r.stdout), strict=True):
        one = invoke(*single_argv("damages", s))
        if "error" in o:
            assert one.exit_code == o["exit_code"]
            # batch adds its own way out of an ambiguous bare rate (issue 14: --rate-unit percent)
            hint = "; or pass --rate-unit percent to read bare numbers in rate columns as percent"
            assert one.stderr.strip() == f"saiken: error: {o['error'].removesuffix(hint)}"
        else:
            assert one.exit_code == 0, one.stderr
            assert o["result"] == one.json(), s["case_id"]


def test_reference_figures_come_through_batch():
    out = {o["case_id"]: o for o in rows_of(invoke("batch", "damages", str(EXAMPLE)).stdout)}
    # ref 1-4 (Okayama court page, published 36,690): 10万, 18%, H17.8.2 … 2007-08-15, court-each
    assert out["K-2024-003"]["result"]["total_yen"] == 36690
    assert out["K-2024-003"]["result"]["from"] == "2005-08-02"  # 和暦 H17.8.2 read in a CSV cell
    assert out["K-2024-005"]["result"]["total_yen"] == 12328  # 250000 × 0.2 × 90/365 = 12328.76…
    assert out["K-2024-002"]["result"]["total_yen"] == 30000  # 100万 × 3% (legal from 2020-04-01) × 1 year
    assert out["K-2024-002"]["result"]["rate_basis"] == "legal-civil"


# --- order, count, garbage mixed in ---------------------------------------------------------


def test_many_rows_with_bad_ones_mixed_in_keep_count_and_order(tmp_path):
    rows = []
    for i in range(60):
        if i % 7 == 3:
            rows.append([f"id{i}", "abc", "0.2", "90"])  # bad principal
        elif i % 11 == 5:
            rows.append([f"id{i}", "500000", "0.2", ""])  # no span: a conflict error
        else:
            rows.append([f"id{i}", str(100000 + i), "0.2", str(1 + i)])
    path = write_csv(tmp_path / "c.csv", ["case_id", "principal", "rate", "days"], rows)
    r = invoke("batch", "damages", str(path))
    out = rows_of(r.stdout)
    assert r.exit_code == 1
    assert [o["case_id"] for o in out] == [f"id{i}" for i in range(60)]
    for i, o in enumerate(out):
        if i % 7 == 3:
            assert o["error"].startswith("--principal: 'abc' is not accepted") and o["exit_code"] == 2
        elif i % 11 == 5:
            assert "give the span" in o["error"] and o["exit_code"] == 2
        else:
            assert o["result"]["days"] == 1 + i and o["result"]["principal_yen"] == 100000 + i


def test_all_good_rows_exit_0_and_stderr_silent(tmp_path):
    path = write_csv(tmp_path / "c.csv", ["principal", "rate", "days"], [["500000", "0.2", "90"], ["1", "0.1", "1"]])
    r = invoke("batch", "damages", str(path))
    assert r.exit_code == 0 and r.stderr == ""
    assert [o["result"]["total_yen"] for o in rows_of(r.stdout)] == [24657, 0]


def test_a_rule_not_in_force_is_a_record_with_exit_code_3(tmp_path):
    path = write_csv(tmp_path / "c.csv", ["principal", "rate", "from", "to"], [["500000", "legal", "2029-04-01", "2029-05-01"]])
    (o,) = rows_of(invoke("batch", "damages", str(path)).stdout)
    assert o["exit_code"] == 3 and "法定利率" in o["error"]


def test_short_and_long_csv_rows_are_error_records_not_dropped(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("case_id,principal,rate,days\na,500000,0.2,90\nb,500000\nc,500000,0.2,90,extra\n\nd,1,0.1,1\n", encoding="utf-8")
    out = rows_of(invoke("batch", "damages", str(path)).stdout)
    assert [o["case_id"] for o in out] == ["a", "b", "c", "d"]  # the blank line is not a record
    assert "the row has 2 fields; the header has 4" in out[1]["error"] and "line 3" in out[1]["error"]
    assert "the row has 5 fields" in out[2]["error"]
    assert "result" in out[0] and "result" in out[3]


# --- formats ------------------------------------------------------------------------------


def test_jsonl_input_gives_the_same_results_as_csv(tmp_path):
    with EXAMPLE.open(encoding="utf-8") as fh:
        src = list(csv.DictReader(fh))
    jsonl = tmp_path / "cases.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for s in src:
            rec = {k: v for k, v in s.items() if v != ""}
            if "payment" in rec:
                rec["payment"] = rec["payment"].split(";")  # a repeatable flag as a JSON list
            if rec.get("commercial") == "yes":
                rec["commercial"] = True
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from_csv = rows_of(invoke("batch", "damages", str(EXAMPLE)).stdout)
    from_jsonl = rows_of(invoke("batch", "damages", str(jsonl)).stdout)
    assert [o.get("result") for o in from_jsonl] == [o.get("result") for o in from_csv]
    assert [o.get("error") for o in from_jsonl] == [o.get("error") for o in from_csv]


def test_csv_output_round_trips_to_the_jsonl_figures(tmp_path):
    out_csv = tmp_path / "out.csv"
    r = invoke("batch", "damages", str(EXAMPLE), "--output", str(out_csv))  # .csv → CSV
    assert r.exit_code == 1 and r.stdout == ""
    with out_csv.open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    jsonl = rows_of(invoke("batch", "damages", str(EXAMPLE)).stdout)
    assert len(table) == len(jsonl) == 8
    for row, rec in zip(table, jsonl, strict=True):
        assert row["case_id"] == rec["case_id"] and row["debtor"] == rec["debtor"]
        if "error" in rec:
            assert row["error"] == "'" + rec["error"] and row["exit_code"] == "2" and row["total_yen"] == ""
        else:
            res = rec["result"]
            assert row["error"] == "" and row["exit_code"] == "0"
            assert int(row["total_yen"]) == res["total_yen"] and row["rate"] == res["rate"]
            assert row["from"] == (res["from"] or "") and row["method"] == res["method"]
            assert row["warnings"] == " | ".join(w["text"] for w in res["warnings"])


def test_csv_header_is_stable_even_when_the_first_row_is_bad(tmp_path):
    bad_first = write_csv(tmp_path / "a.csv", ["case_id", "principal", "rate", "days"], [["x", "abc", "0.2", "9"], ["y", "1", "0.1", "9"]])
    good_first = write_csv(tmp_path / "b.csv", ["case_id", "principal", "rate", "days"], [["y", "1", "0.1", "9"]])
    h1 = invoke("batch", "damages", str(bad_first), "--format", "csv").stdout.splitlines()[0]
    h2 = invoke("batch", "damages", str(good_first), "--format", "csv").stdout.splitlines()[0]
    assert h1 == h2
    assert h1 == (
        "case_id,principal,rate (input),days (input),principal_yen,rate,rate_percent,rate_basis,method,from,to,days,total_yen,payments_yen,"
        "remaining_principal_yen,unpaid_damages_yen,total_owed_yen,warnings,error,exit_code"
    )  # docs/commands/batch.md documents this column set


def test_stdin_to_stdout_csv_and_jsonl_detected(tmp_path):
    text = "principal,rate,days\n500000,0.2,90\n"
    r = invoke("batch", "damages", "-", input=text)
    assert r.exit_code == 0 and rows_of(r.stdout)[0]["result"]["total_yen"] == 24657
    r = invoke("batch", "damages", "-", "--format", "csv", input=text)
    assert list(csv.DictReader(io.StringIO(r.stdout)))[0]["total_yen"] == "24657"
    r = invoke("batch", "damages", "-", "-o", "-", input='{"principal": "500000", "rate": "0.2", "days": 90}\n')
    assert rows_of(r.stdout)[0]["result"]["total_yen"] == 24657
    r = invoke("batch", "damages", "-", "--input-format", "jsonl", input='{"principal": 500000, "rate": "20%", "days": "90"}\n')
    assert rows_of(r.stdout)[0]["result"]["total_yen"] == 24657


def test_bad_jsonl_lines_are_error_records_and_the_run_goes_on(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"case_id": 1, "principal": "1", "rate": "0.1", "days": "1"}\n'
        "not json\n"
        "[1, 2]\n"
        '{"case_id": 4, "principal": {"x": 1}, "rate": "0.1", "days": "1"}\n'
        '{"case_id": 5, "error": "mine", "principal": "1", "rate": "0.1", "days": "1"}\n'
        "\n"
        '{"case_id": 6, "principal": "1", "rate": "0.1", "days": "1"}\n',
        encoding="utf-8",
    )
    r = invoke("batch", "damages", str(path))
    out = rows_of(r.stdout)
    assert r.exit_code == 1 and len(out) == 6
    assert out[0]["case_id"] == 1 and "result" in out[0]
    assert out[1]["error"].startswith("line 2: not valid JSON")
    assert out[2]["error"].startswith("line 3: a JSON Lines record is an object")
    assert out[3]["case_id"] == 4 and "--principal" in out[3]["error"]
    assert "reserved" in out[4]["error"]
    assert out[5]["case_id"] == 6 and "result" in out[5]


def test_cp932_file_needs_encoding_and_then_reads(tmp_path):
    path = tmp_path / "sjis.csv"
    path.write_bytes("事件番号,principal,rate,days\n甲-1,50万円,2割,90\n".encode("cp932"))
    r = invoke("batch", "damages", str(path))
    assert r.exit_code == 2 and "--encoding cp932" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = invoke("batch", "damages", str(path), "--encoding", "cp932")
    (o,) = rows_of(r.stdout)
    assert r.exit_code == 0 and o["事件番号"] == "甲-1" and o["result"]["total_yen"] == 24657


def test_utf8_bom_from_excel_is_read(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffcase_id,principal,rate,days\nA,500000,0.2,90\n".encode("utf-8"))
    (o,) = rows_of(invoke("batch", "damages", str(path)).stdout)
    assert o["case_id"] == "A" and o["result"]["total_yen"] == 24657


def test_a_near_miss_column_name_is_warned_about_and_carried(tmp_path):
    path = write_csv(tmp_path / "c.csv", ["principal", "rate", "days", "metod"], [["500000", "0.2", "90", "court"]])
    r = invoke("batch", "damages", str(path))
    assert "'metod'" in r.stderr and "did you mean 'method'" in r.stderr
    assert rows_of(r.stdout)[0]["metod"] == "court"


# --- the file itself cannot be read: exit 2, one line, no partial surprises -------------------


@pytest.mark.parametrize(
    "setup, args, needle",
    [
        (None, ["damages", "nope.csv"], "does not exist"),
        (None, ["nosuch", "x.csv"], "COMMAND"),
        (None, ["rules", "x.csv"], "COMMAND"),
        ("", ["damages", "{f}"], "empty"),
        ("a,b\n1,2\n", ["damages", "{f}"], "no column"),
        ("principal,rate,error\n1,0.1,x\n", ["damages", "{f}"], "reserved"),
        ("principal,principal,rate\n", ["damages", "{f}"], "twice"),
        ("principal,rate,days\n1,0.1,1\n", ["damages", "{f}", "--format", "xml"], "--format"),
        ("principal,rate,days\n1,0.1,1\n", ["damages", "{f}", "--encoding", "klingon"], "--encoding"),
        ("principal,rate,days\n1,0.1,1\n", ["damages", "{d}"], "directory"),
    ],
)
def test_unreadable_input_or_unknown_command_exits_2_with_one_line(tmp_path, monkeypatch, setup, args, needle):
    monkeypatch.chdir(tmp_path)
    f = tmp_path / "in.csv"
    if setup is not None:
        f.write_text(setup, encoding="utf-8")
    r = invoke("batch", *[a.format(f=f, d=tmp_path) for a in args])
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_output_path_equal_to_input_is_refused_and_input_kept(tmp_path):
    f = write_csv(tmp_path / "c.csv", ["principal", "rate", "days"], [["1", "0.1", "1"]])
    before = f.read_bytes()
    r = invoke("batch", "damages", str(f), "--output", str(f))
    assert r.exit_code == 2 and "--output" in r.stderr
    assert f.read_bytes() == before


# --- streaming and progress -----------------------------------------------------------------


class _TrickleStdin:
    """stdin that checks, as each line is read, that earlier records were already written."""

    def __init__(self, lines: list[str], out: io.StringIO):
        self.lines, self.out, self.served = lines, out, 0

    def readline(self) -> str:
        return self.__next__() if self.served < len(self.lines) else ""

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.served >= len(self.lines):
            raise StopIteration
        written = self.out.getvalue().count("\n")
        # header + n records served → at least n-1 records already out (one may be in flight)
        assert written >= max(0, self.served - 2), f"read {self.served} lines but only {written} records written"
        self.served += 1
        return self.lines[self.served - 1]


def test_records_are_written_as_they_are_read(monkeypatch):
    from saiken_cli.commands.batch import run_batch

    out = io.StringIO()
    lines = ["principal,rate,days\n"] + [f"{1000 + i},0.1,{1 + i}\n" for i in range(300)]
    monkeypatch.setattr(sys, "stdin", _TrickleStdin(lines, out))
    monkeypatch.setattr(sys, "stdout", out)
    assert run_batch("damages", "-", input_format="csv") == 0
    assert out.getvalue().count("\n") == 300


def test_progress_bar_on_a_terminal_only(tmp_path, monkeypatch):
    from saiken_cli.commands import batch as batch_mod

    f = write_csv(tmp_path / "c.csv", ["principal", "rate", "days"], [["1", "0.1", str(i + 1)] for i in range(50)])
    quiet = invoke("batch", "damages", str(f))
    assert quiet.stderr == ""  # not a terminal: silent
    monkeypatch.setattr(batch_mod, "_stderr_is_tty", lambda: True)
    loud = invoke("batch", "damages", str(f))
    assert loud.exit_code == 0 and loud.stdout == quiet.stdout  # the bar never touches the output
    assert "rows" in loud.stderr  # rich drew the bar on stderr


def test_batch_without_a_terminal_does_not_import_rich(tmp_path):
    import subprocess

    f = write_csv(tmp_path / "c.csv", ["principal", "rate", "days"], [["1", "0.1", "1"]])
    code = (
        "import sys; from saiken_cli.commands.batch import run_batch; "
        f"run_batch('damages', {str(f)!r}, output={str(tmp_path / 'o.jsonl')!r}); "
        "print('rich' in sys.modules)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False"


# --- generic over calculators -----------------------------------------------------------------


def test_any_module_with_record_and_spec_is_a_batch_calculator(tmp_path, monkeypatch):
    """A future calculator plugs in by the protocol alone (record + SPEC, optional CSV_COLUMNS)."""
    import types

    import saiken_cli.commands as commands
    from saiken_cli.commands.spec import Command, Flag
    from saiken_cli.errors import InputError

    fake = types.ModuleType("saiken_cli.commands.twice")
    spec = Command("twice", "", (Flag("n", "int", "数", "A number."),))

    def record(fields):
        n = spec.read(fields)["n"]
        if n is None or not n.isdigit():
            raise InputError("--n", n, "a whole number")
        return {"schema_version": "1", "command": "twice", "value": 2 * int(n), "warnings": []}

    fake.record, fake.SPEC, fake.CSV_COLUMNS = record, spec, ("value",)
    fake.register = lambda app: None
    monkeypatch.setitem(sys.modules, "saiken_cli.commands.twice", fake)
    monkeypatch.setattr(commands, "COMMANDS", (*commands.COMMANDS, "twice"))
    from saiken_cli.commands.batch import calculators, run_batch

    assert "twice" in calculators() and "damages" in calculators() and "batch" not in calculators()
    f = write_csv(tmp_path / "t.csv", ["id", "n"], [["a", "2"], ["b", "x"], ["c", "5"]])
    out = tmp_path / "t.out.csv"
    assert run_batch("twice", str(f), output=str(out)) == 1
    assert out.read_text(encoding="utf-8").splitlines() == [
        "id,n,value,error,exit_code",  # the input's columns, then the results (issue 14)
        "a,2,4,,0",
        "b,x,,'--n: 'x' is not accepted: a whole number,2",  # ' : a cell starting with - is neutralised
        "c,5,10,,0",
    ]


# --- the JSON Lines bytes ---------------------------------------------------------------------


def test_jsonl_bytes_are_json_dumps_compact_whichever_encoder(tmp_path, monkeypatch):
    import saiken_cli.commands.batch as B

    fast, slow = tmp_path / "fast.jsonl", tmp_path / "slow.jsonl"
    assert B.run_batch("damages", str(EXAMPLE), output=str(fast)) == 1
    real = B.JsonlWriter.__init__
    monkeypatch.setattr(B.JsonlWriter, "__init__", lambda self, out, **kw: real(self, out, **{**kw, "use_orjson": False}))
    assert B.run_batch("damages", str(EXAMPLE), output=str(slow)) == 1
    assert fast.read_bytes() == slow.read_bytes()
    for line in fast.read_text(encoding="utf-8").splitlines():
        assert line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":"))


def test_an_integer_beyond_64_bits_is_still_written(tmp_path):
    from saiken_cli.commands.batch import JsonlWriter

    buf = io.BytesIO()
    w = JsonlWriter(io.TextIOWrapper(buf, encoding="utf-8"))
    w.ok({"id": "x"}, {"total_yen": 2**70})
    w.ok({"id": "y"}, {"total_yen": 1})
    w.flush()  # the writer gathers lines into blocks: its flush writes them out
    assert buf.getvalue().decode().splitlines() == ['{"id":"x","result":{"total_yen":1180591620717411303424}}', '{"id":"y","result":{"total_yen":1}}']


def test_nan_and_lone_surrogates_in_jsonl_are_error_records(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"case_id": NaN, "principal": "1", "rate": "0.1", "days": "1"}\n'
        '{"case_id": "\\ud800", "principal": "1", "rate": "0.1", "days": "1"}\n'
        '{"case_id": "ok", "principal": "1", "rate": "0.1", "days": "1"}\n',
        encoding="utf-8",
    )
    r = invoke("batch", "damages", str(path))
    out = rows_of(r.stdout)
    assert r.exit_code == 1 and len(out) == 3
    assert "NaN" in out[0]["error"] and "surrogate" in out[1]["error"] and out[2]["case_id"] == "ok"


def test_a_bad_byte_further_on_keeps_the_records_before_it(tmp_path):
    """The JSONL writer gathers lines into blocks (batch speed); a FileError part-way
    through (here a byte that is not UTF-8 after 3,000 good rows) must still keep every
    record read before it, name the real line (the text is decoded a line at a time), and
    exit 2. The output is incomplete, so those records are kept as out.jsonl.partial, never
    at the output path (issue 15)."""
    path = tmp_path / "c.csv"
    good = "".join(f"K{i},100000,0.1,{i % 900 + 1}\n" for i in range(3000))
    path.write_bytes(("case_id,principal,rate,days\n" + good).encode() + b"K-bad,\xff\xfe,0.1,1\n" + good.encode() * 20)
    out = tmp_path / "out.jsonl"
    r = invoke("batch", "damages", str(path), "--output", str(out))
    assert r.exit_code == 2 and "utf-8" in r.stderr
    assert "line 3002 is not utf-8 text" in r.stderr  # the real line (issue 15 §4)
    done = int(re.search(r"the ([0-9,]+) records before it", r.stderr).group(1).replace(",", ""))
    assert not out.exists() and "out.jsonl.partial" in r.stderr
    written = rows_of((tmp_path / "out.jsonl.partial").read_text(encoding="utf-8"))
    assert done == 3000 and len(written) == done
    assert [w["case_id"] for w in written] == [f"K{i}" for i in range(done)]
    assert all("result" in w for w in written)
