"""The office's own data (issue 14): Excel in and out, Japanese headers, percent cells, blank
rows, error rows that keep their inputs, CSV for Excel (BOM, cp932), formula injection,
broken quotes, and --jobs (order, bytes, a failing record or worker)."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import types
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from conftest import invoke


def rows_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def office_book(path: Path) -> Path:
    """An office's export: Japanese headers, a percent-formatted rate, a bare 18 in the rate
    column, Excel-typed numbers and dates, 和暦 and 漢数字 text, blank rows, one bad row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "案件一覧"
    ws.append(["案件番号", "債務者名", "元本", "利率", "起算日", "終期", "計算方式", "担当"])
    ws.append(["K-001", "山田 太郎", 500000, 0.146, date(2023, 4, 1), datetime(2024, 3, 31), "simple365", "=cmd|' /C calc'!A0"])
    ws["D2"].number_format = "0.0%"  # Excel shows 14.6%
    ws["H2"].data_type = "s"  # text, as Excel stores '=… typed with an apostrophe (not a formula)
    ws.append(["K-002", "佐藤 花子", "100万", 18, "令和二年四月一日", "R3.3.31", "court", "@田中"])
    ws.append([None, None, None, None, None, None, None, None])  # a blank row (cells present, empty)
    ws.append(["K-003", "鈴木 一郎", "10万", "18%", "H17.8.2", "2007-08-15", "court-each", "-"])
    ws.append([])  # a blank row (no cells)
    ws.append(["K-004", "不良 行", "abc", 20, date(2020, 1, 1), date(2020, 12, 31), None, "+81"])  # the bad row
    ws.append(["K-005", "高橋 次郎", "80万5千円", "14.6パーセント", "2022-02-01", "2024-02-29", "kyotaku", None])
    wb.create_sheet("メモ").append(["not", "cases"])
    wb.save(path)
    return path


GOOD = {"K-001": 73200, "K-002": 180000, "K-003": 36690, "K-005": 0}


def test_the_office_workbook_goes_through_to_xlsx_and_bom_csv(tmp_path):
    """Issue 14, done when: every good row computed, the bad row keeps its inputs, the output
    opens as xlsx and as BOM CSV."""
    book = office_book(tmp_path / "案件一覧.xlsx")
    out_xlsx, out_csv = tmp_path / "結果.xlsx", tmp_path / "結果.csv"
    r = invoke("batch", "damages", str(book), "--rate-unit", "percent", "--output", str(out_xlsx))
    assert r.exit_code == 1 and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert lines[-1] == "saiken: batch damages: 1 of 5 records have an error (see the error field); 2 blank rows skipped"
    assert lines[0] == "saiken: warning: not flags of this command, carried through as ids: '担当'"  # once, not per row

    wb = openpyxl.load_workbook(out_xlsx)  # opens as a workbook
    table = [list(row) for row in wb.active.iter_rows(values_only=True)]
    head = table[0]
    assert head[:8] == ["案件番号", "債務者名", "元本", "利率", "起算日", "終期", "計算方式", "担当"]
    assert head[-2:] == ["error", "exit_code"] and "total_yen" in head
    recs = [dict(zip(head, row)) for row in table[1:]]
    assert [x["案件番号"] for x in recs] == ["K-001", "K-002", "K-003", "K-004", "K-005"]  # blank rows skipped
    by_id = {x["案件番号"]: x for x in recs}
    assert by_id["K-001"]["rate"] == "0.146"  # the percent cell
    # the input cells Excel typed go back as they were: numbers, percents and dates
    typed = {c.column_letter: c for c in next(wb.active.iter_rows(min_row=2, max_row=2))}
    assert typed["C"].value == 500000 and typed["D"].value == 0.146 and typed["D"].number_format == "0.0%"
    assert typed["E"].value == datetime(2023, 4, 1) and typed["E"].is_date
    assert by_id["K-002"]["rate"] == "0.18" and by_id["K-002"]["from"] == "2020-04-01"  # 18 → 18%, 漢数字
    assert by_id["K-003"]["total_yen"] == 36690  # reference 1-4 (岡山地裁の計算例), a number cell
    assert by_id["K-005"]["principal_yen"] == 805000
    for case, total in GOOD.items():
        if total:
            assert by_id[case]["total_yen"] == total and by_id[case]["exit_code"] == 0 and not by_id[case]["error"]
    bad = by_id["K-004"]
    assert bad["元本"] == "abc" and bad["債務者名"] == "不良 行" and bad["起算日"] == datetime(2020, 1, 1)  # inputs kept
    assert bad["exit_code"] == 2 and "--principal" in bad["error"] and bad["total_yen"] in (None, "")
    # neutralised: text that a spreadsheet would run as a formula starts with '
    assert by_id["K-001"]["担当"] == "'=cmd|' /C calc'!A0" and by_id["K-002"]["担当"] == "'@田中"
    assert bad["担当"] == "'+81" and by_id["K-003"]["担当"] == "'-"
    assert all(cell.data_type != "f" for row in wb.active.iter_rows() for cell in row)  # never a formula

    r = invoke("batch", "damages", str(book), "--rate-unit", "percent", "--output", str(out_csv), "--encoding", "utf-8-sig")
    assert r.exit_code == 1
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [x["案件番号"] for x in rows] == ["K-001", "K-002", "K-003", "K-004", "K-005"]
    for x in rows:
        if x["案件番号"] in ("K-001", "K-002", "K-003"):
            assert int(x["total_yen"]) == GOOD[x["案件番号"]] and x["exit_code"] == "0"
    bad = rows[3]
    assert bad["元本"] == "abc" and bad["利率"] == "20" and bad["exit_code"] == "2" and bad["error"].startswith("'--principal")
    # the same records as the xlsx output, cell for cell (numbers and dates as text in CSV)
    from saiken_cli.sheets import cell_text

    for x, y in zip(rows, recs, strict=True):
        assert x == {k: cell_text(v, "0.0%" if (k, v) == ("利率", 0.146) else None) for k, v in y.items()}


def test_jsonl_error_records_keep_their_input(tmp_path):
    book = office_book(tmp_path / "b.xlsx")
    r = invoke("batch", "damages", str(book), "--rate-unit", "percent")
    out = rows_of(r.stdout)
    assert [o["案件番号"] for o in out] == ["K-001", "K-002", "K-003", "K-004", "K-005"]
    bad = out[3]
    assert bad["input"] == {"元本": "abc", "利率": "20", "起算日": "2020-01-01", "終期": "2020-12-31", "計算方式": ""}
    assert bad["債務者名"] == "不良 行" and bad["exit_code"] == 2 and "result" not in bad
    assert all("input" not in o for o in out if "result" in o)


def test_a_bare_rate_without_rate_unit_says_how_to_fix_it(tmp_path):
    book = office_book(tmp_path / "b.xlsx")
    out = {o["案件番号"]: o for o in rows_of(invoke("batch", "damages", str(book)).stdout)}
    msg = out["K-002"]["error"]
    assert "'18'" in msg and "18%" in msg and "--rate-unit percent" in msg and out["K-002"]["exit_code"] == 2
    assert out["K-001"]["result"]["rate"] == "0.146"  # a percent-formatted cell needs no flag
    assert "result" in out["K-003"] and out["K-003"]["result"]["total_yen"] == 36690


def test_sheet_by_name_and_an_unknown_sheet(tmp_path):
    book = office_book(tmp_path / "b.xlsx")
    r = invoke("batch", "damages", str(book), "--sheet", "メモ")
    assert r.exit_code == 2 and "no column" in r.stderr
    r = invoke("batch", "damages", str(book), "--sheet", "案件")
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "--sheet" in r.stderr and "did you mean '案件一覧'" in r.stderr
    assert invoke("batch", "damages", str(book), "--sheet", "案件一覧", "--rate-unit", "percent").exit_code == 1
    r = invoke("batch", "damages", str(tmp_path / "x.csv"), "--sheet", "案件一覧")
    assert r.exit_code == 2 and "--sheet" in r.stderr


def test_not_a_workbook_is_a_file_error(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    r = invoke("batch", "damages", str(bad))
    assert r.exit_code == 2 and "FILE:" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "value, fmt, text",
    [
        (500000, "General", "500000"), (500000.0, "General", "500000"), (0.146, "0.0%", "14.6%"),
        (0.18, "0%", "18%"), (0.146, "General", "0.146"), (0.1 + 0.2, "General", "0.3"),
        (date(2020, 3, 4), "yyyy/m/d", "2020-03-04"), (datetime(2020, 3, 4), "yyyy/m/d", "2020-03-04"),
        (True, "General", "true"), (None, "General", ""), ("R2.3.4", "@", "R2.3.4"), (1e15, "General", "1000000000000000"),
    ],
)
def test_excel_typed_cells_read_as_what_they_are(value, fmt, text):
    from saiken_cli.sheets import cell_text

    assert cell_text(value, fmt) == text


# --- CSV in and out --------------------------------------------------------------------------


def test_blank_rows_are_skipped_and_counted_not_errors(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("case_id,principal,rate,days\nA,500000,0.2,90\n,,,\n\n , , ,\nB,1,0.1,1\n", encoding="utf-8")
    r = invoke("batch", "damages", str(f))
    assert r.exit_code == 0 and [o["case_id"] for o in rows_of(r.stdout)] == ["A", "B"]
    assert r.stderr.strip() == "saiken: batch damages: 2 records; 3 blank rows skipped"


def test_japanese_headers_map_to_flags_and_unknown_ones_are_listed_once(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text(
        "事件番号,元本,年利,日数,メモ,metod\n甲-1,50万,20%,90,x,court\n甲-2,1万2千,18%,10,y,\n", encoding="utf-8"
    )
    r = invoke("batch", "damages", str(f))
    out = rows_of(r.stdout)
    assert r.exit_code == 0 and [o["result"]["principal_yen"] for o in out] == [500000, 12000]
    assert out[0]["事件番号"] == "甲-1" and out[0]["メモ"] == "x" and out[0]["result"]["total_yen"] == 24657
    assert r.stderr.splitlines() == [
        "saiken: warning: not flags of this command, carried through as ids: 'メモ', 'metod' (did you mean 'method'?)"
    ]


def test_two_headers_for_one_flag_are_refused(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("元本,principal,rate,days\n1,1,0.1,1\n", encoding="utf-8")
    r = invoke("batch", "damages", str(f))
    assert r.exit_code == 2 and "both the flag --principal" in r.stderr


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_start_like_a_formula_are_neutralised(tmp_path, lead):
    f = tmp_path / "c.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["case_id", "principal", "rate", "days"], [f"{lead}HYPERLINK(1)", "500000", "0.2", "90"]])
    r = invoke("batch", "damages", str(f), "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(r.stdout)))
    assert row["case_id"] == f"'{lead}HYPERLINK(1)"
    assert row["total_yen"] == "24657" and row["principal"] == "500000"


def test_numbers_saiken_wrote_are_not_neutralised_and_a_lone_cr_is_quoted():
    from saiken_cli.commands.batch import CsvWriter

    out = io.BytesIO()
    w = CsvWriter(io.TextIOWrapper(out, encoding="utf-8", newline=""), ["case_id", "n"], ("value", "note"))
    w.header()
    w.put(w.encode_ok({}, {"value": -5, "note": "-or not"}, ["a\rb", "-1"])[1])
    w.flush()
    lines = out.getvalue().decode()
    assert lines == 'case_id,n,value,note,error,exit_code\n"a\rb",\'-1,-5,\'-or not,,0\n'
    assert list(csv.reader(io.StringIO(lines, newline="")))[1] == ["a\rb", "'-1", "-5", "'-or not", "", "0"]


def test_cp932_output_for_excel_and_a_cell_it_cannot_hold(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("事件番号,principal,rate,days\n甲-1,500000,0.2,90\n𠮷野-2,500000,0.2,90\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    r = invoke("batch", "damages", str(f), "--output", str(out), "--output-encoding", "cp932")
    assert r.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("cp932"))))
    assert rows[0]["事件番号"] == "甲-1" and rows[0]["total_yen"] == "24657"
    assert "U+20BB7" in rows[1]["error"] and "utf-8-sig" in rows[1]["error"] and rows[1]["exit_code"] == "2"
    r = invoke("batch", "damages", str(f), "--output", str(out), "--output-encoding", "latin-1")
    assert r.exit_code == 2 and "--output-encoding" in r.stderr


def test_a_cp932_file_gives_cp932_csv_back(tmp_path):
    f = tmp_path / "sjis.csv"
    f.write_bytes("事件番号,元本,利率,日数\n甲-1,50万円,2割,90\n".encode("cp932"))
    out = tmp_path / "o.csv"
    assert invoke("batch", "damages", str(f), "--encoding", "cp932", "--output", str(out)).exit_code == 0
    (row,) = list(csv.DictReader(io.StringIO(out.read_bytes().decode("cp932"))))
    assert row["元本"] == "50万円" and row["total_yen"] == "24657"


def test_an_unterminated_quote_names_the_line_where_it_opened(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('case_id,principal,rate,days\nA,500000,0.2,90\nB,"500000,0.2,90\nC,1,0.1,1\nD,1,0.1,1\n', encoding="utf-8")
    r = invoke("batch", "damages", str(f))
    out = rows_of(r.stdout)
    assert r.exit_code == 1 and out[0]["case_id"] == "A" and "result" in out[0]
    assert out[1]["error"].startswith('line 3: a quote (") opened on line 3 is not closed')
    # a quote closed further on by a stray one: the lines between are reported, not read as data
    f.write_text('case_id,principal,rate,days\nB,"500000,0.2,90\nC,1,0.1,1\nD,"1",0.1,1\nE,1,0.1,1\n', encoding="utf-8")
    out = rows_of(invoke("batch", "damages", str(f)).stdout)
    assert out[0]["error"].startswith('line 2: a quote (") opened on line 2') and "lines 2–4" in out[0]["error"]
    assert out[-1]["case_id"] == "E" and "result" in out[-1]


def test_a_quoted_line_break_in_an_id_cell_is_still_data(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('case_id,note,principal,rate,days\nA,"東京都\n港区",500000,0.2,90\nB,x,1,0.1,1\n', encoding="utf-8")
    r = invoke("batch", "damages", str(f))
    out = rows_of(r.stdout)
    assert r.exit_code == 0 and out[0]["note"] == "東京都\n港区" and [o["case_id"] for o in out] == ["A", "B"]


# --- --jobs -------------------------------------------------------------------------------------


def _cases(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["case_id", "principal", "rate", "from", "to", "days"])
        for i in range(n):
            if i % 17 == 5:
                w.writerow([f"c{i}", "abc", "0.2", "", "", "9"])  # a bad record
            elif i % 3:
                w.writerow([f"c{i}", str(10_000 + 37 * i), "14.6%", "2020-01-01", f"2021-{1 + i % 12:02d}-01", ""])
            else:
                w.writerow([f"c{i}", f"{1 + i % 90}万", "0.2", "", "", str(1 + i)])
    return path


@pytest.mark.parametrize("fork", [True, False], ids=["forked-pipes", "futures"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "xlsx"])
def test_jobs_output_is_byte_identical_and_in_order(tmp_path, monkeypatch, fmt, fork):
    from saiken_cli import pool
    from saiken_cli.commands.batch import run_batch

    monkeypatch.setattr(pool, "FORK", fork)  # Linux's forked workers, and the concurrent.futures pool of other systems
    monkeypatch.setattr(pool, "CHUNK", 16)  # many small chunks: order across workers is exercised
    monkeypatch.setattr(pool, "WINDOW_PER_JOB", 2)
    f = _cases(tmp_path / "c.csv", 400)
    outs = {}
    for jobs in (1, 2, 3):
        out = tmp_path / f"o{jobs}.{fmt}"
        assert run_batch("damages", str(f), output=str(out), out_format=fmt, jobs=jobs) == 1
        outs[jobs] = out
    if fmt == "xlsx":  # a workbook's zip holds times: compare the cells
        def cells(p):
            return [row for row in openpyxl.load_workbook(p).active.iter_rows(values_only=True)]

        assert cells(outs[1]) == cells(outs[2]) == cells(outs[3])
        assert [row[0] for row in cells(outs[2])[1:]] == [f"c{i}" for i in range(400)]
    else:
        assert outs[1].read_bytes() == outs[2].read_bytes() == outs[3].read_bytes()
    if fmt == "jsonl":
        assert [o["case_id"] for o in rows_of(outs[2].read_text(encoding="utf-8"))] == [f"c{i}" for i in range(400)]


def _fake_calculator(monkeypatch):
    import saiken_cli.commands as commands
    from saiken_cli.commands.spec import Command, Flag
    from saiken_cli.errors import InputError

    fake = types.ModuleType("saiken_cli.commands.fragile")
    spec = Command("fragile", "", (Flag("n", "int", "数", "A number."),))

    def record(fields):
        n = spec.read(fields)["n"]
        if n == "boom":
            raise RuntimeError("a bug")
        if n == "die":
            os._exit(3)  # the worker process itself dies
        if n is None or not n.isdigit():
            raise InputError("--n", n, "a whole number")
        return {"schema_version": "1", "command": "fragile", "value": 2 * int(n), "warnings": []}

    fake.record, fake.SPEC, fake.CSV_COLUMNS = record, spec, ("value",)
    fake.register = lambda app: None
    monkeypatch.setitem(sys.modules, "saiken_cli.commands.fragile", fake)
    monkeypatch.setattr(commands, "COMMANDS", (*commands.COMMANDS, "fragile"))


@pytest.mark.parametrize("fork", [True, False], ids=["forked-pipes", "futures"])
def test_a_failing_record_or_a_dying_worker_does_not_stop_the_run(tmp_path, monkeypatch, fork):
    from saiken_cli import pool
    from saiken_cli.commands.batch import run_batch

    _fake_calculator(monkeypatch)
    monkeypatch.setattr(pool, "FORK", fork)
    monkeypatch.setattr(pool, "CHUNK", 8)
    values = [str(i) for i in range(100)]
    values[13], values[57], values[58] = "boom", "die", "x"
    f = tmp_path / "f.csv"
    f.write_text("id,n\n" + "".join(f"r{i},{v}\n" for i, v in enumerate(values)), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert run_batch("fragile", str(f), output=str(out), jobs=2) == 1
    recs = rows_of(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in recs] == [f"r{i}" for i in range(100)]
    assert recs[13]["exit_code"] == 70 and "bug in saiken" in recs[13]["error"]
    assert recs[57]["exit_code"] == 70 and "worker process" in recs[57]["error"]
    assert recs[58]["exit_code"] == 2 and recs[58]["input"] == {"n": "x"}
    assert all(r["result"]["value"] == 2 * i for i, r in enumerate(recs) if i not in (13, 57, 58))


def test_the_pool_reads_ahead_only_a_bounded_window():
    from saiken_cli import pool

    taken = []

    def tasks():
        for i in range(40):
            taken.append(i)
            yield [i]

    results = pool.run_ordered(tasks(), _make_double, 2, on_dead=lambda item: None)
    got = []
    for out in results:
        got.extend(out)
        assert len(taken) - len(got) <= pool.WINDOW_PER_JOB * 2 + 1  # never the whole input
    assert got == [2 * i for i in range(40)]


def _make_double():
    return lambda chunk: [2 * x for x in chunk]


def test_tasks_and_results_larger_than_a_pipe_still_come_back_whole_and_in_order(tmp_path, monkeypatch):
    """A pipe of 4 KiB (the least Linux gives) and chunks of 64 records: each task is more
    than the pipe holds (sent only to an idle worker) and each result is read in pieces."""
    from saiken_cli import pool
    from saiken_cli.commands.batch import run_batch

    f = _cases(tmp_path / "c.csv", 700)
    one = tmp_path / "o1.jsonl"
    assert run_batch("damages", str(f), output=str(one), jobs=1) == 1
    monkeypatch.setattr(pool, "PIPE_BYTES", 4096)
    monkeypatch.setattr(pool, "CHUNK", 64)
    for jobs in (2, 3):
        out = tmp_path / f"o{jobs}.jsonl"
        assert run_batch("damages", str(f), output=str(out), jobs=jobs) == 1
        assert out.read_bytes() == one.read_bytes()


def _make_fragile():
    def work(chunk):
        if "die" in chunk:
            os._exit(3)  # the worker process itself dies
        return [2 * x for x in chunk]

    return work


@pytest.mark.parametrize("fork", [True, False], ids=["forked-pipes", "futures"])
def test_a_worker_that_dies_before_the_next_task_is_handed_out(monkeypatch, fork):
    """The pool breaks while the runner is still reading: handing out the next task must not
    raise (concurrent.futures raised BrokenProcessPool from submit; a pipe, BrokenPipeError)."""
    import time

    from saiken_cli import pool

    monkeypatch.setattr(pool, "FORK", fork)

    def tasks():
        for i in range(10):
            yield [i, i]
            if i == 2:
                yield ["die"]
                time.sleep(0.5)  # the worker is dead before the next task is handed out

    got = [x for out in pool.run_ordered(tasks(), _make_fragile, 2, on_dead=lambda item: ("dead", item)) for x in out]
    assert got == [0, 0, 2, 2, 4, 4, ("dead", "die")] + [2 * i for i in range(3, 10) for _ in (0, 1)]


def _make_short_lived():
    import signal

    def work(chunk):
        if "bye" in chunk:  # dies a moment after sending this result, while waiting for a task
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.setitimer(signal.ITIMER_REAL, 0.05)
            return ["bye"]
        return [2 * x for x in chunk]

    return work


def test_workers_that_died_after_their_last_result_are_replaced(monkeypatch):
    """Both workers die idle, their last results still unread: those results are used, the
    next tasks find the task pipes closed, and new workers take them."""
    import time

    from saiken_cli import pool

    monkeypatch.setattr(pool, "FORK", True)

    def tasks():
        yield ["bye"]
        yield ["bye"]
        time.sleep(0.4)
        for i in range(20):
            yield [i]

    got = [x for out in pool.run_ordered(tasks(), _make_short_lived, 2, on_dead=lambda item: ("dead", item)) for x in out]
    assert got == ["bye", "bye"] + [2 * i for i in range(20)]


def _make_pid():
    return lambda chunk: [os.getpid() for _ in chunk]


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("finish", [True, False], ids=["to-the-end", "stopped-early"])
def test_forked_workers_are_ended_and_reaped_when_the_run_ends_or_stops(finish):
    """An interrupted run (Ctrl-C, a file error part-way) closes the results generator: no
    worker may be left running or as a zombie."""
    from saiken_cli import pool

    results = pool.run_ordered(([i] for i in range(50)), _make_pid, 2, on_dead=lambda item: None)
    pids = set()
    for n, out in enumerate(results):
        pids.update(out)
        if not finish and n == 3:
            results.close()
            break
    assert len(pids) >= 1 and os.getpid() not in pids
    assert all(_gone(pid) for pid in pids)


def test_jobs_0_is_every_core_and_a_negative_number_is_refused(tmp_path):
    f = _cases(tmp_path / "c.csv", 20)
    assert invoke("batch", "damages", str(f), "--jobs", "0").exit_code == 1
    r = invoke("batch", "damages", str(f), "--jobs", "-1")
    assert r.exit_code == 2 and "--jobs" in r.stderr


def test_the_progress_bar_counts_across_workers(tmp_path, monkeypatch):
    from saiken_cli import pool
    from saiken_cli.commands import batch as batch_mod

    monkeypatch.setattr(pool, "CHUNK", 16)
    monkeypatch.setattr(batch_mod, "_stderr_is_tty", lambda: True)
    f = _cases(tmp_path / "c.csv", 300)
    quiet = invoke("batch", "damages", str(f))
    loud = invoke("batch", "damages", str(f), "--jobs", "2")
    assert loud.stdout == quiet.stdout and "rows" in loud.stderr


def test_rate_unit_percent_refuses_a_bare_number_below_one(tmp_path):
    """With --rate-unit percent, 0.18 could be a fraction typed by someone else (18%):
    reading it as 0.18% would understate the claim a hundredfold, so it is an error."""
    f = tmp_path / "c.csv"
    f.write_text("case_id,元本,利率,日数\nA,500000,20,90\nB,500000,0.2,90\nC,500000,0.5%,90\nD,500000,1割8分,90\n", encoding="utf-8")
    out = rows_of(invoke("batch", "damages", str(f), "--rate-unit", "percent").stdout)
    assert out[0]["result"]["rate"] == "0.2" and out[0]["result"]["total_yen"] == 24657
    assert "20% or 0.2%?" in out[1]["error"] and out[1]["exit_code"] == 2 and out[1]["input"]["利率"] == "0.2"
    assert out[2]["result"]["rate"] == "0.005" and out[3]["result"]["rate"] == "0.18"
    r = invoke("batch", "damages", str(f), "--rate-unit", "permille")
    assert r.exit_code == 2 and "--rate-unit" in r.stderr


def test_empty_header_cells_of_a_sheet_are_named_by_their_column(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["案件番号", None, "元本", "利率", None, "日数"])
    ws.append(["A", "x", 500000, "20%", "y", 90])
    wb.save(tmp_path / "b.xlsx")
    r = invoke("batch", "damages", str(tmp_path / "b.xlsx"))
    (o,) = rows_of(r.stdout)
    assert r.exit_code == 0 and o["(B)"] == "x" and o["(E)"] == "y" and o["result"]["total_yen"] == 24657


def test_an_input_encoding_csv_output_does_not_take_needs_output_encoding(tmp_path):
    f = tmp_path / "e.csv"
    f.write_bytes("事件番号,principal,rate,days\n甲-1,1,0.1,1\n".encode("euc-jp"))
    r = invoke("batch", "damages", str(f), "--encoding", "euc-jp")  # JSON Lines: always UTF-8
    assert r.exit_code == 0 and rows_of(r.stdout)[0]["事件番号"] == "甲-1"
    r = invoke("batch", "damages", str(f), "--encoding", "euc-jp", "--format", "csv")
    assert r.exit_code == 2 and "--output-encoding" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = invoke("batch", "damages", str(f), "--encoding", "euc-jp", "--format", "csv", "--output-encoding", "utf-8-sig")
    assert r.exit_code == 0 and r.stdout.startswith("\ufeff事件番号,")


def test_a_line_break_inside_a_quoted_flag_cell_is_that_records_error_not_a_quote_error(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('case_id,principal,rate,days,payment\nA,500000,0.2,90,"2020-01-01:1\n2020-02-01:1"\nB,1,0.1,1,\n', encoding="utf-8")
    out = rows_of(invoke("batch", "damages", str(f)).stdout)
    assert [o["case_id"] for o in out] == ["A", "B"] and "quote" not in out[0].get("error", "")


def test_an_old_xls_workbook_is_refused_with_what_to_do(tmp_path):
    f = tmp_path / "案件.xls"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)  # the OLE2 header of an .xls
    r = invoke("batch", "damages", str(f))
    assert r.exit_code == 2 and ".xlsx" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_workbook_through_worker_processes_gives_the_same_workbook(tmp_path, monkeypatch):
    from saiken_cli import pool
    from saiken_cli.commands.batch import run_batch

    monkeypatch.setattr(pool, "CHUNK", 2)  # the typed cells of each row travel to the workers and back
    book = office_book(tmp_path / "b.xlsx")
    cells = []
    for jobs in (1, 2):
        out = tmp_path / f"o{jobs}.xlsx"
        assert run_batch("damages", str(book), output=str(out), rate_unit="percent", jobs=jobs) == 1
        ws = openpyxl.load_workbook(out).active
        cells.append([[(c.value, c.number_format) for c in row] for row in ws.iter_rows()])
    assert cells[0] == cells[1] and len(cells[0]) == 6


def test_the_readme_lists_every_japanese_column_name():
    from saiken_cli.commands.batch import alias_table

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    line = {c: next(x for x in readme.splitlines() if x.startswith(f"| `{c}` |")) for c, _, _ in alias_table()}
    for command, flag, names in alias_table():
        assert f"{names.replace('/', '・')} → `{flag}`" in line[command], (command, flag, names)


def test_negative_numbers_saiken_wrote_as_text_are_not_neutralised():
    from saiken_cli.commands.batch import CsvWriter

    out = io.BytesIO()
    w = CsvWriter(io.TextIOWrapper(out, encoding="utf-8", newline=""), ["n"], ("a", "b", "c"))
    w.put(w.encode_ok({}, {"a": "-0.146", "b": "-5", "c": "-x"}, ["-0.146"])[1])
    w.flush()
    assert out.getvalue().decode() == "'-0.146,-0.146,-5,'-x,,0\n"  # the input cell is the user's: neutralised


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300)
@given(st.lists(st.text(alphabet=st.sampled_from(list(',"\r\n\t =+-@aあ1')), max_size=8), min_size=1, max_size=4))
def test_csv_cells_read_back_as_written_and_never_start_like_a_formula(cells):
    from saiken_cli.commands.batch import CsvWriter
    from saiken_cli.sheets import neutralise

    out = io.BytesIO()
    w = CsvWriter(io.TextIOWrapper(out, encoding="utf-8", newline=""), [f"c{i}" for i in range(len(cells))], ())
    w.put(w.encode_error({}, "m", 2, cells)[1])
    w.flush()
    (row,) = list(csv.reader(io.StringIO(out.getvalue().decode(), newline="")))
    assert row[: len(cells)] == [neutralise(c) for c in cells]
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in row[: len(cells)])


def test_a_misspelt_japanese_header_gets_the_closest_japanese_column_name(tmp_path):
    # fault: batch had its own difflib match over the long names only, so a misspelt 計算方法
    # (for 計算方式) got no suggestion; it now uses the declarations' closest_key, as case files do
    f = tmp_path / "c.csv"
    f.write_text("元本,年利,日数,計算方法\n50万,20%,90,court\n", encoding="utf-8")
    r = invoke("batch", "damages", str(f))
    assert r.exit_code == 0
    assert "'計算方法' (did you mean '計算方式'?)" in r.stderr
    from saiken_cli.commands.spec import closest_key

    assert closest_key("Due_Dat", ["due-date", "弁済期"]) == "due-date" and closest_key("zzz", ["due-date"]) is None


def test_jobs_n_says_the_same_counts_and_each_stale_warning_once(tmp_path, monkeypatch, capsys):
    # --jobs N with a byte output: a worker sends each chunk as one Block (batch.Block); the
    # summary counts and the "verified only through" warnings must be those of --jobs 1
    from saiken_cli import pool
    from saiken_cli.commands.batch import run_batch

    monkeypatch.setattr(pool, "CHUNK", 8)
    monkeypatch.setenv("SAIKEN_TODAY", "2026-12-01")  # past the 施行令 tables' verified_through (2026-11-01)
    f = tmp_path / "s.csv"
    rows = [f"s{i},{'abc' if i % 11 == 3 else 200_000 + 1_000 * i},monthly,2026-11-25\n" for i in range(60)]
    f.write_text("case_id,net,period,paid-on\n" + "".join(rows), encoding="utf-8")
    said = {}
    for jobs in (1, 2):
        out = tmp_path / f"o{jobs}.jsonl"
        assert run_batch("sashiosae", str(f), output=str(out), out_format="jsonl", jobs=jobs) == 1
        said[jobs] = capsys.readouterr().err
    assert said[1] == said[2]
    assert "6 of 60 records have an error" in said[2]
    stale = [line for line in said[2].splitlines() if "2026-11-01" in line]
    assert stale and len(stale) == len(set(stale))  # each once, not once per record or per chunk
    assert (tmp_path / "o1.jsonl").read_bytes() == (tmp_path / "o2.jsonl").read_bytes()


def _split_lines(text: str) -> list[str]:
    """Lines as limits.text_lines gives them: split after each \\n only (a \\r stays in its line)."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _rows_both_ways(text: str, size: int):
    """(rows, blank) read by one csv reader as --jobs 1 does, and by LineChunks of ``size``
    lines, each pickled and read on its own as a worker does."""
    import pickle

    from saiken_cli.commands.batch import Counts, _csv_rows, _line_chunks, _non_blank

    lines = _split_lines(text)
    reader = csv.reader(iter(lines))
    ncols = len(next(reader))
    counts = Counts()
    one = list(_non_blank(_csv_rows(reader, ncols), counts))
    it = iter(lines)
    reader = csv.reader(it)
    next(reader)
    got, blank = [], 0
    for chunk in _line_chunks(it, reader.line_num, ncols, Counts(), size):
        chunk = pickle.loads(pickle.dumps(chunk))
        got.extend(chunk)
        blank += chunk.counts.blank
    return (one, counts.blank), (got, blank)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('a,"\n\r 1')), max_size=120),
    st.sampled_from(['id,n\n', '"i\nd",n\n', 'id,"n"\r\n']),
    st.integers(1, 6),
)
def test_workers_read_the_rows_of_their_lines_as_one_reader_reads_the_file(body, head, size):
    """Quoted line breaks, unclosed quotes, quotes inside a cell, a lone \\r, blank lines, a
    header over two lines: the rows, their line numbers, the problems and the blank count
    are the same whichever lines a chunk starts at."""
    one, chunked = _rows_both_ways(head + body, size)
    assert chunked == one


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab,"\n')), max_size=120), st.integers(1, 4))
def test_a_cell_over_the_field_limit_is_the_same_error_in_a_chunk(body, size):
    old = csv.field_size_limit(4)  # the csv module's limit (128 KiB), made small
    try:
        one, chunked = _rows_both_ways("id,n\n" + body, size)
    finally:
        csv.field_size_limit(old)
    assert chunked == one


def test_quoted_records_blank_rows_and_problems_come_out_the_same_at_jobs_2(tmp_path, monkeypatch, capsys):
    from saiken_cli import pool
    from saiken_cli.commands.batch import run_batch

    rows = []
    for i in range(60):
        rows.append(f'c{i},{10_000 + i},0.2,,,{1 + i}\n')
        if i % 7 == 0:
            rows.append(f'"q{i}\nline two",{20_000 + i},"14.6%",2020-01-01,2021-01-01,\n')  # a quoted line break
        if i % 11 == 0:
            rows.append("\n,,,,,\n")  # blank rows
        if i % 13 == 0:
            rows.append(f'c"{i}",5"0,0.2,,,1\n')  # quotes inside unquoted cells
    rows.append('"open,1,0.2,,,1\nx,2,0.2,,,1\n')  # a quote never closed: to the end of the file
    f = tmp_path / "q.csv"
    f.write_text("case_id,principal,rate,from,to,days\n" + "".join(rows), encoding="utf-8")
    outs, errs = {}, {}
    for jobs, chunk in ((1, 4), (2, 4), (3, 1000)):  # 1000: a file too small to share out, read in-process
        monkeypatch.setattr(pool, "CHUNK", chunk)
        out = tmp_path / f"o{jobs}.jsonl"
        assert run_batch("damages", str(f), output=str(out), jobs=jobs) == 1
        outs[jobs], errs[jobs] = out.read_bytes(), capsys.readouterr().err
    assert outs[1] == outs[2] == outs[3] and errs[1] == errs[2] == errs[3]
    assert "blank rows skipped" in errs[2] and b"is not closed" in outs[2]
