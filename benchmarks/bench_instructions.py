"""Instructions per batch row, counted by valgrind (callgrind): a figure that does not move
with the load of a shared machine, unlike rows/s (bench_batch.py varies ±20–30 % here).

For COMMAND it writes N and 3N generated rows (bench_batch.GENERATORS), runs
``saiken batch COMMAND`` over each under ``valgrind --tool=callgrind`` and prints
(I(3N) − I(N)) / 2N: the cost of one more row, start-up excluded. Use it to compare two
versions of the code: a change that saves time saves instructions (writes to the output
file are system calls, which callgrind does not count).

    python benchmarks/bench_instructions.py [--rows 1000] [--only damages]

Skipped (exit 0, with a note) when valgrind is not installed. About 40 s per command.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_batch import GENERATORS, write_cases  # noqa: E402

RUN = (
    "import sys\n"
    "from saiken_cli.commands.batch import run_batch\n"
    "run_batch(sys.argv[1], sys.argv[2], output=sys.argv[3], out_format='jsonl')\n"
)


def instructions(command: str, cases: str, out: str, tmp: str) -> int:
    r = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/callgrind.out", sys.executable, "-c", RUN,
         command, cases, out],
        capture_output=True, text=True, check=True,
    )
    m = re.search(r"Collected\s*:\s*([0-9]+)", r.stderr) or re.search(r"refs:\s*([0-9,]+)", r.stderr)
    if not m:
        raise SystemExit(f"could not read valgrind's count:\n{r.stderr[-800:]}")
    return int(m.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("--only", choices=sorted(GENERATORS), default="damages")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("bench_instructions: valgrind is not installed; skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        small, large = os.path.join(tmp, "small.csv"), os.path.join(tmp, "large.csv")
        write_cases(small, args.only, args.rows)
        write_cases(large, args.only, 3 * args.rows)
        out = os.path.join(tmp, "out.jsonl")
        a = instructions(args.only, small, out, tmp)
        b = instructions(args.only, large, out, tmp)
    per_row = (b - a) / (2 * args.rows)
    print(f"{args.only:12s} {per_row:,.0f} instructions per batch row (valgrind; {args.rows:,} vs {3 * args.rows:,} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
