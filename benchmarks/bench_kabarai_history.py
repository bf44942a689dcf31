"""kabarai over a long history: time and peak memory against its rows (issue 15 §2).

Target: 100,000 rows in < 10 s and < 200 MB, the human table included. Each size runs
in its own process (`saiken kabarai FILE --as-of last`, human table and --json), timed
and measured (peak RSS) by the parent.

    python benchmarks/bench_kabarai_history.py [--max N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time


def history(path: str, n: int) -> None:
    rng = random.Random(1)
    day = dt.date(1990, 1, 1)
    lines = ["date,borrow,repay"]
    for i in range(n):
        if i % 3 == 0:
            day += dt.timedelta(days=1)  # about three transactions a day: 100,000 rows end in 2081
        if i % 10 == 0:
            lines.append(f"{day.isoformat()},{rng.randint(1, 50) * 10000},")
        else:
            lines.append(f"{day.isoformat()},,{rng.randint(1, 30) * 1000}")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def run(args: list[str]) -> tuple[float, float]:
    """(seconds, peak MB) of one saiken process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "saiken_cli", *args], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, max(after.ru_maxrss, before.ru_maxrss) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=100000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in (n for n in (10000, 50000, 100000) if n <= args.max):
            path = os.path.join(tmp, f"h{n}.csv")
            history(path, n)
            for mode in ([], ["--json"]):
                t, mb = run(["kabarai", path, "--as-of", "last", *mode])
                print(f"{n:>7,} rows {'--json' if mode else 'table ':<7} {t:6.2f} s  peak {mb:6.0f} MB (max over runs so far)")


if __name__ == "__main__":
    main()
