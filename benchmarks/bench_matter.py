"""A 20-creditor matter: how long `saiken report` takes (issue 12).

Generates a matter file with N creditors (default 20): every fourth with a 取引履歴 of about
100 monthly rows (引き直し), the others with payments and 時効 events, and times

- ``analyse``: load_matter + analyse in process (the figures);
- ``md`` / ``json`` / ``html``: the whole command in a fresh process (start-up included), wall
  time and CPU time (on a shared machine the wall time includes waiting for a core).

Each is the best of ``--repeat`` runs (default 3).

    python benchmarks/bench_matter.py [--creditors 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def history(path: Path, start_year: int) -> None:
    lines = ["日付,借入,返済", f"{start_year}-04-01,500000,"]
    y, m = start_year, 4
    for _ in range(100):
        lines.append(f"{y:04d}-{m:02d}-27,,15000")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def matter(folder: Path, n: int) -> Path:
    parts = ['[case]\nid = "BENCH"\ndebtor = "試験太郎"\nas_of = 2026-12-01\n[income]\nnet = "30万"\n']
    for i in range(1, n + 1):
        if i % 4 == 0:
            history(folder / f"h{i}.csv", 2000 + i % 10)
            parts.append(f'[[debt]]\ncreditor = "債権者{i}"\naccount-number = "N-{i}"\ncontract-date = {2000 + i % 10}-04-01\n'
                         f'transactions = "h{i}.csv"\n')
        else:
            year = 2012 + i % 12
            parts.append(
                f'[[debt]]\ncreditor = "債権者{i}"\naccount-number = "N-{i}"\ncreditor-type = "company"\n'
                f'contract-date = {year - 2}-05-01\nprincipal = "{30 + i * 7}万"\ninterest = "{i * 1000}"\n'
                f'damages-rate = "14.6%"\nacceleration-date = {year}-06-10\nlast-payment = {year}-05-27\n'
                f'payment = ["{year + 1}-01-31:1万", "{year + 1}-07-31:1万"]\nevent = ["{year + 2}-03-01:催告"]\n'
            )
    case = folder / "bench.toml"
    case.write_text("\n".join(parts), encoding="utf-8")
    return case


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--creditors", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from saiken_cli.matter import analyse, load_matter

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        case = matter(folder, args.creditors)
        payload = analyse(load_matter(str(case)), date(2026, 12, 1))
        t = best(lambda: analyse(load_matter(str(case)), date(2026, 12, 1)), args.repeat)
        print(f"{args.creditors} creditors ({sum(1 for d in payload['debts'] if d['kabarai'])} with a history): "
              f"analyse {t * 1000:.0f} ms")
        env = {**os.environ, "SAIKEN_TODAY": "2026-12-01", "PYTHONPATH": str(ROOT / "src")}
        for fmt in ("md", "json", "html"):
            out = folder / f"out.{fmt}"
            cmd = [sys.executable, "-m", "saiken_cli", "report", str(case), "--format", fmt, "--output", str(out)]
            cpu = []

            def once() -> None:
                before = os.times()
                subprocess.run(cmd, check=True, capture_output=True, env=env)
                after = os.times()
                cpu.append(after.children_user + after.children_system - before.children_user - before.children_system)

            t = best(once, args.repeat)
            print(f"  saiken report --format {fmt}: {t * 1000:.0f} ms wall, {min(cpu) * 1000:.0f} ms CPU "
                  f"({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
