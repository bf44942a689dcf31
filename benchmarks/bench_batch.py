"""Batch throughput: rows per second of `saiken batch COMMAND` on generated cases.

For every command in GENERATORS (command → row generator) the script writes N generated
rows to a temporary CSV file and measures, on one core:

- ``record``: the record path alone (``module.record(fields)`` per row, in process);
- ``batch``:  the whole runner (read CSV → record → JSON Lines written to a file).

Target (issue 5): ≥ 20,000 damages rows/s, aim 100,000; issue 14: ≥ 24,000 at --jobs 1,
and --jobs 2 ≥ 1.6× --jobs 1 on 60,000 damages rows. ``--jobs 1,2`` measures the runner at
each number of worker processes: one core for --jobs 1 (pinned), every core otherwise. To
add a calculator, add a generator ``def gen_<cmd>(rng, i) -> dict[str, str]`` (keys = the
command's flag names, plus any id column) to GENERATORS.

    python benchmarks/bench_batch.py [--rows 50000] [--only damages] [--jobs 1,2]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from typing import Callable

# --- row generators: one per calculator ------------------------------------------------


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def gen_damages(rng: random.Random, i: int) -> dict[str, str]:
    """A portfolio of late-payment cases: a realistic mix of the ways offices give them."""
    principal = rng.choice([100_000, 300_000, 500_000, 1_000_000, 1_500_000, 3_000_000]) + rng.randrange(0, 10_000) * 100
    principal_text = rng.choice([str(principal), f"{principal:,}", f"{principal}円"])
    rate = rng.choice(["0.146", "14.6%", "0.2", "20%", "1割8分", "0.05", "legal", "0.1095"])
    row = {"case_id": f"C{i:07d}", "principal": principal_text, "rate": rate, "days": "", "from": "", "to": "",
           "due-date": "", "method": "", "payment": ""}
    kind = rng.random()
    if kind < 0.25 and rate != "legal":
        row["days"] = str(rng.randrange(1, 2000))
        return row
    first = _day(rng, date(2005, 1, 1), date(2026, 12, 31))
    last = first + timedelta(days=rng.randrange(0, 3650))
    last = min(last, date(2028, 12, 31))
    if kind < 0.5:
        row["due-date"], first = (first - timedelta(days=1)).isoformat(), first
        if last <= first:
            last = first + timedelta(days=1)
    else:
        row["from"] = first.isoformat()
    row["to"] = last.isoformat()
    row["method"] = rng.choice(["", "", "", "court", "court-each", "kyotaku", "actual"])
    if rng.random() < 0.15 and (last - first).days > 2:
        paid_on = first + timedelta(days=rng.randrange((last - first).days))
        row["payment"] = f"{paid_on.isoformat()}:{rng.randrange(1, principal // 2)}"
    return row


def gen_jikou(rng: random.Random, i: int) -> dict[str, str]:
    """A servicer's portfolio: last payments across the 2020 cutover, creditor types, events."""
    last = _day(rng, date(2012, 1, 1), date(2025, 12, 31))
    row = {"case_id": f"J{i:07d}", "last-payment": last.isoformat(), "as-of": "2026-11-22",
           "creditor": rng.choice(["company", "company", "company", "shinkin", "shinkumi", "jhf", "individual"]),
           "contract-date": "", "event": ""}
    if rng.random() < 0.5:
        row["contract-date"] = _day(rng, date(2008, 1, 1), last).isoformat()
    events = []
    if rng.random() < 0.3:
        events.append(f"{_day(rng, last, date(2026, 11, 22)).isoformat()}:saikoku")
    if rng.random() < 0.1:
        events.append(f"{_day(rng, last, date(2026, 11, 22)).isoformat()}:shounin")
    if events:
        row["event"] = ";".join(sorted(events))
    return row


def gen_sashiosae(rng: random.Random, i: int) -> dict[str, str]:
    """Pay slips: monthly mostly, some other periods, support and tax claims."""
    period = rng.choice(["monthly"] * 6 + ["semimonthly", "dekad", "weekly", "daily", "bonus", "retirement"])
    scale = {"daily": 30, "weekly": 4, "dekad": 3, "semimonthly": 2}.get(period, 1)
    net = rng.randrange(80_000, 900_000) // scale
    if period == "retirement":
        net *= 20
    row = {"case_id": f"S{i:07d}", "net": str(net), "period": period, "paid-on": "2026-10-25",
           "support": "", "tax": "", "dependents": ""}
    kind = rng.random()
    if kind < 0.15:
        row["support"] = "true"
    elif kind < 0.25 and period == "monthly":
        row["tax"] = "true"
        row["dependents"] = str(rng.randrange(0, 4))
    return row


GENERATORS: dict[str, Callable[[random.Random, int], dict[str, str]]] = {
    "damages": gen_damages,
    "jikou": gen_jikou,
    "sashiosae": gen_sashiosae,
}


# --- measurement -----------------------------------------------------------------------


def write_cases(path: str, command: str, rows: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    gen = GENERATORS[command]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        first = gen(rng, 0)
        writer = csv.DictWriter(fh, fieldnames=list(first))
        writer.writeheader()
        writer.writerow(first)
        for i in range(1, rows):
            writer.writerow(gen(rng, i))


def bench_record(command: str, path: str) -> tuple[float, int]:
    from saiken_cli.commands.batch import Header, aliases_of, calculators, flags_of
    from saiken_cli.commands.spec import NormFields
    from saiken_cli.errors import SaikenError

    mod = calculators()[command]
    header = Header(flags_of(mod), aliases_of(mod))
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [NormFields((header.flag_of(k), v) for k, v in r.items() if header.flag_of(k)) for r in csv.DictReader(fh)]
    errors = 0
    t0 = time.perf_counter()
    for fields in rows:
        try:
            mod.record(fields)
        except SaikenError:
            errors += 1
    return len(rows) / (time.perf_counter() - t0), errors


def _cpu() -> tuple[float, float]:
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def bench_batch(command: str, path: str, out_path: str, jobs: int = 1) -> float:
    """Rows per second of wall time; the CPU seconds of the runner and of its worker
    processes go to CPU_SECONDS (a shared machine's load moves the wall time, not these)."""
    from saiken_cli.commands.batch import run_batch

    with open(path, encoding="utf-8") as fh:
        n = sum(1 for _ in fh) - 1
    stderr, sys.stderr = sys.stderr, open(os.devnull, "w")
    try:
        c0 = _cpu()
        t0 = time.perf_counter()
        run_batch(command, path, output=out_path, out_format="jsonl", jobs=jobs)
        elapsed = time.perf_counter() - t0
        c1 = _cpu()
    finally:
        sys.stderr.close()
        sys.stderr = stderr
    CPU_SECONDS.append((jobs, c1[0] - c0[0], c1[1] - c0[1]))
    return n / elapsed


CPU_SECONDS: list[tuple[int, float, float]] = []  # (jobs, runner, workers) of each run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--only", choices=sorted(GENERATORS))
    ap.add_argument("--repeat", type=int, default=5, help="report the best of this many runs (a shared machine is noisy)")
    ap.add_argument("--jobs", default="1", help="comma-separated numbers of worker processes to measure, e.g. 1,2")
    args = ap.parse_args()
    jobs_list = [int(j) for j in args.jobs.split(",")]
    try:
        all_cores = os.sched_getaffinity(0)
    except (AttributeError, OSError):
        all_cores = None

    def pin(jobs: int) -> None:
        if all_cores is None:
            return
        try:  # one core for --jobs 1, as the target says; every core for more
            os.sched_setaffinity(0, {min(all_cores)} if jobs == 1 else all_cores)
        except OSError:
            pass

    try:
        load = os.getloadavg()
    except OSError:
        load = None
    if load is not None:
        print(f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({len(all_cores or ()) or '?'} cores)")
    with tempfile.TemporaryDirectory() as tmp:
        for command in [args.only] if args.only else GENERATORS:
            cases = os.path.join(tmp, f"{command}.csv")
            write_cases(cases, command, args.rows)
            pin(1)
            rec, errors = max(bench_record(command, cases) for _ in range(args.repeat))
            ends = []
            for jobs in jobs_list:
                pin(jobs)
                out = os.path.join(tmp, f"{command}.out{jobs}.jsonl")
                ends.append(max(bench_batch(command, cases, out, jobs) for _ in range(args.repeat)))
            batch = "   ".join(f"--jobs {j}: {e:9,.0f} rows/s" for j, e in zip(jobs_list, ends))
            print(f"{command:12s} record: {rec:9,.0f} rows/s   batch (CSV → JSONL file) {batch}"
                  f"   ({args.rows:,} rows, {errors:,} refused as bad input; best of {args.repeat})")
            for jobs in jobs_list:  # CPU time: what the load of a shared machine does not move
                runs = [(me, kids) for j, me, kids in CPU_SECONDS if j == jobs]
                me, kids = min(runs, key=lambda r: r[0] + r[1])
                bound = max(me, (me + kids) / max(1, len(all_cores or ()) or 1)) if jobs > 1 else me + kids
                print(f"{'':12s} --jobs {jobs}: CPU {me:.2f} s runner + {kids:.2f} s workers; "
                      f"{args.rows / bound:9,.0f} rows/s on idle cores")
            CPU_SECONDS.clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
