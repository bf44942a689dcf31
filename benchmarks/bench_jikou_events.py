"""jikou with many events: time against the number of events (issue 15 §2: n log n, not n²).

Before issue 15 every event rescanned every suspension window and every pending
proceeding: 40,000 events took 15.6 s (20,000 強制執行 events 16.8 s). The state now
answers each question in constant time; the events are sorted once.

    python benchmarks/bench_jikou_events.py [--max N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from saiken_cli.commands import jikou

MIXES = {
    "承認": ["承認"],
    "催告": ["催告"],
    "強制執行 (pending)": ["sashiosae"],
    "訴え提起+取下げ": ["teiso", "torisage"],
    "協議+拒絶": ["kyogi", "kyozetsu"],
}


def events(n: int, kinds: list[str]) -> list[str]:
    day = dt.date(2019, 6, 1)
    out = []
    for i in range(n):
        day += dt.timedelta(days=1)
        out.append(f"{day.isoformat()}:{kinds[i % len(kinds)]}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=40000)
    args = ap.parse_args()
    sizes = [n for n in (5000, 10000, 20000, 40000, 80000) if n <= args.max]
    for name, kinds in MIXES.items():
        times = []
        for n in sizes:
            evs = events(n, kinds)
            start = time.perf_counter()
            jikou.record({"last-payment": "2019-06-01", "as-of": "2300-01-01", "event": evs})
            times.append(time.perf_counter() - start)
        row = "  ".join(f"{n:>6,}: {t:5.2f} s" for n, t in zip(sizes, times))
        growth = times[-1] / times[0] / (sizes[-1] / sizes[0]) if len(sizes) > 1 and times[0] else 1
        print(f"{name:<20} {row}   (time per event, largest/smallest: {growth:.2f}; 1 = linear)")


if __name__ == "__main__":
    main()
