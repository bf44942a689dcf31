"""Render a report's HTML as a person would see it: headless Chromium → PDF (A4, print CSS),
then pdftoppm → one PNG per page.

    python scripts/render_report.py examples/cases/matter-sato.toml OUTDIR

writes OUTDIR/report.html, OUTDIR/report.pdf and OUTDIR/report-1.png, report-2.png, …
and prints the page count. Needs Debian's ``chromium`` and ``poppler-utils`` (pdftoppm);
without them it exits 77 (the conventional "skipped") saying which is missing.
tests/test_report_render.py runs it and is skipped with that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SKIPPED = 77
ROOT = Path(__file__).resolve().parent.parent


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def missing() -> str | None:
    """Why rendering cannot run here (None when it can)."""
    if chromium() is None:
        return "no headless Chromium installed (Debian: apt-get install chromium)"
    if shutil.which("pdftoppm") is None:
        return "no pdftoppm installed (Debian: apt-get install poppler-utils)"
    return None


def render_html(html: Path, outdir: Path, *, dpi: int = 80) -> tuple[Path, list[Path]]:
    pdf = outdir / (html.stem + ".pdf")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.resolve().as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(outdir / html.stem)], check=True,
                   capture_output=True, timeout=120)
    pngs = sorted(outdir.glob(html.stem + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return pdf, pngs


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    why = missing()
    if why:
        print(f"skipped: {why}", file=sys.stderr)
        return SKIPPED
    case, outdir = Path(argv[0]), Path(argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    html = outdir / "report.html"
    subprocess.run([sys.executable, "-m", "saiken_cli", "report", str(case), "--format", "html", "--output", str(html)],
                   check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    pdf, pngs = render_html(html, outdir)
    print(f"{pdf}: {len(pngs)} pages; PNG: {', '.join(p.name for p in pngs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
