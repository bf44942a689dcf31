"""Start-up benchmark: one `saiken damages … --json` call vs `python -c pass`.

Prints the median wall time of repeated runs of each and their ratio. Target (issue 16):
ratio ≤ 4 (issue 5 asked ≤ 6). Both are run with the same interpreter (the venv's), so the
ratio measures what saiken adds on top of starting Python.

    python benchmarks/bench_startup.py [--runs N] [--instructions]

``--instructions`` also counts the instructions of each under valgrind (callgrind): a
figure that does not move with the load of a shared machine, to compare two versions of
the code (it leaves out system calls, so its ratio is not the wall-time ratio).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
import statistics
import subprocess
import sys
import time

# Measure what an installed saiken costs: pip byte-compiles an installed package, so let
# the warm-up run write .pyc files even where PYTHONDONTWRITEBYTECODE is set.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ARGS = ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json"]
# the installed console script (what shell scripts run), else `python -m saiken_cli`
_SCRIPT = os.path.join(os.path.dirname(sys.executable), "saiken")
SAIKEN = [_SCRIPT, *ARGS] if os.path.exists(_SCRIPT) else [sys.executable, "-m", "saiken_cli", *ARGS]
BASELINE = [sys.executable, "-c", "pass"]


def median_ms(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=ENV)  # warm the page cache and .pyc files
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=ENV)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def instructions(cmd: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", *cmd],
                           capture_output=True, text=True, check=True, env=ENV)
    return int(re.search(r"Collected : (\d+)", r.stderr)[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--instructions", action="store_true", help="also count instructions (valgrind)")
    args = ap.parse_args()
    # interleave the two so that load on a shared machine affects both alike
    base, cli = [], []
    for _ in range(3):
        base.append(median_ms(BASELINE, args.runs // 3 or 1))
        cli.append(median_ms(SAIKEN, args.runs // 3 or 1))
    b, c = statistics.median(base), statistics.median(cli)
    print(f"python -c pass               : {b:7.1f} ms (median)")
    print(f"saiken damages … --json      : {c:7.1f} ms (median)")
    print(f"ratio                        : {c / b:7.2f}x   (target ≤ 4x, issue 16)")
    if args.instructions:
        if not shutil.which("valgrind"):
            print("valgrind is not installed: no instruction counts")
            return 0
        bi, ci = instructions(BASELINE), instructions(SAIKEN)
        print(f"instructions, python -c pass : {bi / 1e6:7.1f} M")
        print(f"instructions, saiken …       : {ci / 1e6:7.1f} M   ({ci / bi:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
