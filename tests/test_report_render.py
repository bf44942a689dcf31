"""The HTML report rendered as a person sees it: headless Chromium → PDF (A4) → PNG pages
(scripts/render_report.py). Skipped, with the reason, where Chromium or pdftoppm is missing."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("render_report", ROOT / "scripts" / "render_report.py")
render_report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(render_report)

WHY = render_report.missing()


@pytest.mark.skipif(WHY is not None, reason=WHY or "")
def test_the_matter_report_renders_to_a4_pdf_and_png(tmp_path, monkeypatch):
    monkeypatch.setenv("SAIKEN_TODAY", "2026-12-01")
    r = subprocess.run(
        [__import__("sys").executable, str(ROOT / "scripts" / "render_report.py"),
         str(ROOT / "examples" / "cases" / "matter-sato.toml"), str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stderr
    pdf = tmp_path / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    # A4 portrait: 595 × 842 points
    import re

    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf.read_bytes())
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes)
    pngs = sorted(tmp_path.glob("report-*.png"))
    assert len(pngs) >= 3  # the list, the options and the details start on their own pages
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
