"""Issue 15 §1: outputs that never destroy anything (saiken_cli/output.py).

Every fault here was reproduced on the code before the fix (noted as "before:").
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import invoke

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "batch" / "damages.csv"
CASE = ROOT / "examples" / "cases" / "card-loan.toml"
SAIKEN = [sys.executable, "-m", "saiken_cli"]


def saiken(*args: str, stdin=None, timeout: float = 60, **kw):
    env = {k: v for k, v in os.environ.items() if k != "SAIKEN_DEBUG"}
    return subprocess.run([*SAIKEN, *args], capture_output=True, text=True, stdin=stdin, timeout=timeout, env=env, **kw)


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("saiken: error: ") and "Traceback" not in stderr, stderr
    return lines[0]


# --- never over an input ------------------------------------------------------------------


def test_batch_from_stdin_onto_the_same_file_is_refused_and_the_input_kept(tmp_path):
    # before: the same-file check skipped stdin: `batch damages - -o s.csv < s.csv` truncated
    # (destroyed) its own input
    src = tmp_path / "s.csv"
    src.write_bytes(EXAMPLE.read_bytes())
    with src.open("rb") as fh:
        r = saiken("batch", "damages", "-", "--input-format", "csv", "--output", str(src), stdin=fh)
    assert r.returncode == 2
    assert "same file as standard input" in one_error_line(r.stderr)
    assert src.read_bytes() == EXAMPLE.read_bytes()


def test_batch_appending_to_its_own_stdin_is_refused(tmp_path):
    # `saiken batch damages - >> s.csv < s.csv` would read its own output for ever
    src = tmp_path / "s.csv"
    src.write_bytes(EXAMPLE.read_bytes())
    with src.open("rb") as fh, src.open("ab") as out:
        r = subprocess.run([*SAIKEN, "batch", "damages", "-", "--input-format", "csv"], stdin=fh, stdout=out,
                           stderr=subprocess.PIPE, text=True, timeout=60)
    assert r.returncode == 2 and "standard output" in r.stderr
    assert src.read_bytes() == EXAMPLE.read_bytes()


def test_report_onto_its_own_case_file_is_refused(tmp_path):
    # before: `saiken report c.toml -o c.toml` overwrote the case file with the report
    case = tmp_path / "c.toml"
    case.write_bytes(CASE.read_bytes())
    r = invoke("report", str(case), "-o", str(case))
    assert r.exit_code == 2 and "same file" in r.stderr
    assert case.read_bytes() == CASE.read_bytes()
    link = tmp_path / "link.md"
    link.symlink_to(case)
    r = invoke("report", str(case), "-o", str(link))  # through a symlink too
    assert r.exit_code == 2 and case.read_bytes() == CASE.read_bytes()


# --- full disk, unwritable paths: exit 2, one line, never 70 -------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "damages", str(EXAMPLE), "-o", "/dev/full"],
        ["report", str(CASE), "-o", "/dev/full"],
        ["report", str(CASE), "-o", "/nonexistent-folder/r.md"],
        ["batch", "damages", str(EXAMPLE), "-o", "/nonexistent-folder/o.jsonl"],
        ["report", str(CASE), "-o", "/proc/version"],
    ],
)
def test_an_output_that_cannot_be_written_is_exit_2_with_one_line(args):
    # before: exit 70 "a bug in saiken" (OSError, FileNotFoundError)
    r = saiken(*args)
    assert r.returncode == 2, r.stderr
    assert "--output" in one_error_line(r.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json"],
        ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90"],
        ["batch", "damages", str(EXAMPLE)],
    ],
)
def test_stdout_on_a_full_disk_is_exit_2_with_one_line(args):
    with open("/dev/full", "w") as full:
        r = subprocess.run([*SAIKEN, *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert r.returncode == 2
    assert "cannot be written" in one_error_line(r.stderr)


def test_a_report_to_a_read_only_folder_is_exit_2(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    r = invoke("report", str(CASE), "-o", str(ro / "r.md"))
    assert r.exit_code == 2 and "--output" in r.stderr


# --- atomic: complete or nothing; the previous good output survives -------------------------


def test_a_disk_full_part_way_keeps_the_previous_output_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    # before: the output was opened with open(path, "w") and truncated first: a failure
    # part-way left half a file at the path and the previous good output was gone
    import saiken_cli.commands.batch as B

    out = tmp_path / "o.jsonl"
    out.write_text("previous good output\n", encoding="utf-8")

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(B.JsonlWriter, "flush", full)
    r = invoke("batch", "damages", str(EXAMPLE), "-o", str(out))
    assert r.exit_code == 2 and "No space left" in r.stderr and "unchanged" in r.stderr
    assert out.read_text(encoding="utf-8") == "previous good output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.jsonl"]


def test_a_report_is_renamed_into_place_complete(tmp_path, monkeypatch):
    import saiken_cli.output as O

    out = tmp_path / "r.md"
    out.write_text("old report\n", encoding="utf-8")
    seen = []
    real = os.replace

    def spy(a, b):
        seen.append((Path(a).parent, Path(b)))
        assert Path(a).read_text(encoding="utf-8").endswith("\n") and len(Path(a).read_text(encoding="utf-8")) > 100
        assert out.read_text(encoding="utf-8") == "old report\n"  # untouched until the rename
        return real(a, b)

    monkeypatch.setattr(O.os, "replace", spy)
    r = invoke("report", str(CASE), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert seen == [(tmp_path, out)]
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


# --- modes and names ----------------------------------------------------------------------------


def test_new_outputs_are_private_and_existing_ones_keep_their_mode(tmp_path):
    # before: a new file got the umask's mode (0644: readable by every user of the machine)
    new = tmp_path / "new.jsonl"
    assert invoke("batch", "damages", str(EXAMPLE), "-o", str(new)).exit_code == 1
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    report = tmp_path / "new.md"
    assert invoke("report", str(CASE), "-o", str(report)).exit_code == 0
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    shared = tmp_path / "shared.jsonl"
    shared.write_text("", encoding="utf-8")
    shared.chmod(0o640)
    assert invoke("batch", "damages", str(EXAMPLE), "-o", str(shared)).exit_code == 1
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640


@pytest.mark.parametrize("name", ["", " ", "out\n.jsonl", "out\x1b[2J.jsonl", "a\tb"])
@pytest.mark.parametrize("command", ["batch", "report"])
def test_blank_names_and_control_characters_are_refused(tmp_path, monkeypatch, name, command):
    # before: `-o ' '` wrote a file called " "; a newline or an escape sequence went into a name
    monkeypatch.chdir(tmp_path)
    args = ["batch", "damages", str(EXAMPLE)] if command == "batch" else ["report", str(CASE)]
    r = invoke(*args, "-o", name)
    assert r.exit_code == 2, r.stderr
    assert "--output" in one_error_line(r.stderr) and "\x1b" not in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_special_files_are_written_directly(tmp_path):
    r = saiken("batch", "damages", str(EXAMPLE), "-o", "/dev/stdout")
    assert r.returncode == 1 and len(r.stdout.splitlines()) == 8
    r = saiken("report", str(CASE), "-o", "/dev/stdout")
    assert r.returncode == 0 and r.stdout.startswith("# ")
    r = saiken("report", str(CASE), "-o", "-")
    assert r.returncode == 0 and r.stdout.startswith("# ")
    assert saiken("report", str(CASE), "-o", "/dev/null").returncode == 0


def test_a_symlinked_output_replaces_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert invoke("batch", "damages", str(EXAMPLE), "-o", str(link)).exit_code == 1
    assert link.is_symlink() and len(target.read_text(encoding="utf-8").splitlines()) == 8


def test_the_module_api_for_other_writers(tmp_path):
    from saiken_cli import output
    from saiken_cli.errors import OutputError

    doc = tmp_path / "letter.txt"
    output.write_text(str(doc), "本文\n", inputs=[str(CASE)])
    assert doc.read_text(encoding="utf-8") == "本文\n"
    output.write_bytes(str(doc), b"%PDF-1.7\n")
    assert doc.read_bytes() == b"%PDF-1.7\n"
    with pytest.raises(OutputError):
        output.write_text(str(doc), "x", inputs=[str(doc)])
    with pytest.raises(RuntimeError):
        with output.open_output(str(doc)) as fh:
            fh.write("half")
            raise RuntimeError("a bug part-way")
    assert doc.read_bytes() == b"%PDF-1.7\n"  # the previous file survives
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.txt"]


# --- an interrupted batch: 130/143, says how many, keeps the partial output as .partial ------


def _wait_idle(pid: int, timeout: float = 60) -> None:
    """Until the process has used no CPU for 0.5 s (it is blocked reading stdin)."""
    import time

    def cpu() -> int:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    start = last_change = time.monotonic()
    last = cpu()
    while time.monotonic() - start < timeout:
        time.sleep(0.1)
        now = cpu()
        if now != last:
            last, last_change = now, time.monotonic()
        elif time.monotonic() - last_change >= 0.5 and time.monotonic() - start >= 1.0:
            return


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("signum, code", [(2, 130), (15, 143)])
def test_an_interrupted_batch_says_how_many_and_keeps_only_a_partial_file(tmp_path, signum, code):
    # before: SIGTERM killed the batch silently with the final path half written; SIGINT
    # left half a file at the final path too, and nothing said the output was incomplete
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SAIKEN_DEBUG"}
    p = subprocess.Popen([*SAIKEN, "batch", "damages", "-", "--input-format", "jsonl", "-o", str(out)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        rows = "".join(json.dumps({"id": i, "principal": "1000", "rate": "0.1", "days": i % 300 + 1}) + "\n" for i in range(300))
        p.stdin.write(rows.encode())
        p.stdin.flush()
        _wait_idle(p.pid)
        p.send_signal(signum)
        _, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    err = err.decode()
    assert p.returncode == code, err
    assert "interrupted after 300 records" in err and "incomplete" in err and "out.jsonl.partial" in err
    assert out.read_text(encoding="utf-8") == "previous\n"  # the final path never holds a partial output
    kept = (tmp_path / "out.jsonl.partial").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in kept] == list(range(300))
    assert sorted(x.name for x in tmp_path.iterdir()) == ["out.jsonl", "out.jsonl.partial"]
