"""saiken never touches the network and never writes outside the paths it is given
(issue 5 §4)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import invoke

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "batch" / "damages.csv"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network access attempted: {args[:2]!r}")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse("socket", args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, refuse)


def test_commands_run_with_the_network_cut(no_network, tmp_path):
    from saiken_cli.entry import main

    with pytest.raises(NetworkUsed):  # the guard itself works
        socket.create_connection(("192.0.2.1", 80))

    calls = [
        ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json"],
        ["damages", "--principal", "100万", "--rate", "legal", "--due-date", "2020-03-31", "--to", "2021-03-31", "--method", "court"],
        ["rules", "rate", "--on", "2020-03-31", "--json"],
        ["rules", "--json"],
        ["schema", "damages"],
        ["batch", "damages", str(EXAMPLE), "--output", str(tmp_path / "o.csv")],
        ["--version"],
    ]
    for argv in calls:
        r = invoke(*argv)
        assert r.exit_code in (0, 1), (argv, r.stderr)
        assert "network" not in r.stderr, r.stderr
    assert main(calls[0]) == 0  # the console-script entry (fast path) too


def _files(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_batch_writes_only_its_output_path(tmp_path):
    work, home, tmp = tmp_path / "work", tmp_path / "home", tmp_path / "tmp"
    for d in (work, home, tmp):
        d.mkdir()
    (work / "cases.csv").write_bytes(EXAMPLE.read_bytes())
    (work / "out").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("_SAIKEN")}
    env.update(HOME=str(home), TMPDIR=str(tmp), XDG_CACHE_HOME=str(home / ".cache"), PYTHONDONTWRITEBYTECODE="1")
    src = Path(__file__).resolve().parent.parent / "src"
    before_src = _files(src)
    before = _files(tmp_path)
    runs = [
        ["batch", "damages", "cases.csv", "--output", "out/result.jsonl"],
        ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json"],
        ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90"],
        ["schema", "damages"],
        ["rules"],
    ]
    for argv in runs:
        r = subprocess.run([sys.executable, "-m", "saiken_cli", *argv], cwd=work, env=env, capture_output=True)
        assert r.returncode in (0, 1), r.stderr
    after = _files(tmp_path)
    created = sorted(set(after) - set(before))
    changed = sorted(k for k in before if after.get(k) != before[k])
    assert created == ["work/out/result.jsonl"] and changed == []
    assert _files(src) == before_src  # nothing written into the installed package either
