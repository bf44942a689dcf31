"""Issue 15 §2: limits before reading, not after; TOML bombs; deeply nested records.

Every fault here was reproduced on the code before the fix ("before:"). Each subprocess
runs under a 1 GB address-space limit, so a reader that takes all memory fails the test
quickly instead of the machine.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import invoke

ROOT = Path(__file__).resolve().parent.parent
GB = 1 << 30


def _limit_memory():  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (GB, GB))


def saiken(*args: str, timeout: float = 60, stdin=None):
    env = {k: v for k, v in os.environ.items() if k != "SAIKEN_DEBUG"}
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "saiken_cli", *args], capture_output=True, text=True, env=env,
                       timeout=timeout, preexec_fn=_limit_memory, stdin=stdin)
    return r, time.monotonic() - start


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("saiken: error: ") and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.mark.parametrize(
    "args, needle",
    [
        (["kabarai", "/dev/zero"], "20 MB"),  # before: all memory (2.99 GB), then exit 70
        (["report", "/dev/zero"], "a case file of at most"),  # before: all memory, exit 70
        (["batch", "damages", "/dev/zero"], "longer than 1 MB"),  # before: all memory, exit 70
        (["batch", "damages", "-", "--input-format", "csv"], "longer than 1 MB"),  # stdin from /dev/zero
    ],
)
def test_dev_zero_stops_at_the_limit_with_exit_2(args, needle):
    with open("/dev/zero", "rb") as zero:
        r, took = saiken(*args, stdin=zero)
    assert r.returncode == 2, r.stderr[-500:]
    assert needle in one_line(r.stderr)


def test_kabarai_reads_in_bounded_chunks(tmp_path):
    # a file just over the limit is refused without reading it whole
    big = tmp_path / "h.csv"
    with big.open("wb") as fh:
        fh.write(b"date,borrow,repay\n")
        fh.truncate(20 * 1024 * 1024 + 10)
    r = invoke("kabarai", str(big))
    assert r.exit_code == 2 and "20 MB" in r.stderr


# --- TOML bombs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, needle",
    [
        ("a" + ".a" * 20000 + " = 1\n", "nested at most 32"),  # before: 1.5 GB and 12 s in tomllib, exit 70
        ("[case]\nx = " + "[" * 20000 + "]" * 20000 + "\n", "nested at most 32"),  # before: RecursionError, exit 70
        ("[case]\nx = " + "{a=" * 5000 + "1" + "}" * 5000 + "\n", "nested at most 32"),
        ("[" + ".".join(["t"] * 40) + "]\nx = 1\n", "nested at most 32"),
        ("[case]\nnote = '" + "x" * (1 << 20) + "'\n", "a case file of at most"),
    ],
)
def test_toml_bombs_are_refused_before_parsing(tmp_path, text, needle):
    case = tmp_path / "bomb.toml"
    case.write_text(text, encoding="utf-8")
    r, took = saiken("report", str(case))
    assert r.returncode == 2, r.stderr[-300:]
    assert needle in one_line(r.stderr)
    assert took < 20


def test_ordinary_nesting_and_strings_with_dots_still_read(tmp_path):
    from saiken_cli import limits

    limits.check_toml('[case]\ntitle = "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h"\n'
                      "x.y.z = 1.5\n# " + "." * 100 + "\nlist = [[1, 2], [3.5, 4.5]]\n", "CASE")
    deep = "[case]\nx = " + "[" * 32 + "]" * 32 + "\n"
    limits.check_toml(deep, "CASE")  # 32 deep is allowed, 33 is not
    with pytest.raises(Exception):
        limits.check_toml("[case]\nx = " + "[" * 33 + "]" * 33 + "\n", "CASE")


def test_a_recursion_error_anywhere_in_input_handling_is_exit_2(monkeypatch):
    import saiken_cli.calc.damages as calc

    def deep(inp):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(calc, "compute", deep)
    r = invoke("damages", "--principal", "1", "--rate", "0.1", "--days", "1")
    assert r.exit_code == 2 and "nested too deeply" in r.stderr


# --- one deeply nested JSON Lines record ---------------------------------------------------------


def test_a_deeply_nested_jsonl_record_is_that_records_error(tmp_path):
    # before: RecursionError inside the reader ended the whole batch (exit 70)
    f = tmp_path / "c.jsonl"
    good = json.dumps({"id": "ok", "principal": "1000", "rate": "0.1", "days": 1})
    f.write_text(good + "\n" + '{"id": ' + "[" * 100000 + "]" * 100000 + "}\n" + good + "\n", encoding="utf-8")
    r = invoke("batch", "damages", str(f))
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.exit_code == 1 and len(rows) == 3
    assert "result" in rows[0] and "result" in rows[2]
    assert "nested too deeply" in rows[1]["error"] and rows[1]["exit_code"] == 2


def test_a_deeply_nested_kabarai_jsonl_line_is_exit_2(tmp_path):
    f = tmp_path / "h.jsonl"
    f.write_text('{"date": "2001-01-15", "borrow": 500000}\n{"x": ' + "[" * 100000 + "]" * 100000 + "}\n", encoding="utf-8")
    r = invoke("kabarai", str(f))
    assert r.exit_code == 2 and "line 2" in r.stderr


# --- text_lines: UTF-8 lines after the first are read by bytes.decode (batch speed) -----------

from saiken_cli import limits  # noqa: E402
import io  # noqa: E402


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_text_lines_reads_the_same_text_whatever_the_path(encoding):
    text = "案件番号,元本\r\nK-1,50万円\nK-2,80万5千円\n\nK-3,１２３\n最後の行"
    data = ("\ufeff" if encoding == "utf-8-sig" else "").encode("utf-8") + text.encode("cp932" if encoding == "cp932" else "utf-8")
    got = "".join(limits.text_lines(io.BytesIO(data), encoding))
    assert got == text


@pytest.mark.parametrize(
    "data, needle",
    [
        (b"a,b\nK-1,1\nK-2,\xff\n", "line 3 is not utf-8 text (byte 5 of the line)"),  # a bad byte after line 1
        (b"\xef\xbb\xbfa,b\n\xe6\x97\n", "line 2 is not utf-8 text (byte 1 of the line)"),  # a character cut by its line
        (b"a,b\nK-1,\xe6\x97", "line 2 ends in the middle of a character"),  # the last line, without a newline
    ],
)
def test_text_lines_names_the_line_of_a_bad_byte(data, needle):
    with pytest.raises(limits.UnreadableLine, match=needle.replace("(", r"\(").replace(")", r"\)")):
        list(limits.text_lines(io.BytesIO(data), "utf-8-sig", shown="utf-8"))
