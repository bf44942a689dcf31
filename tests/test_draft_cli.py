"""`saiken draft enyou|seikyu MATTER.toml --debt N` on the example matter
(examples/cases/matter-sato.toml): the letter and the claim text, the refusals, bad input.

Facts of the example: debt 1 (株式会社Aサービサー) — old law, commercial 5 years; the payment
of 2019-09-30 renews the period (承認) to 2024-09-30, the 催告 of 2024-05-20 suspends it to
2024-11-20: barred, 援用 from 2024-11-21. Debt 2 (C信用金庫) runs until 2029; debt 4 (E債権回収)
has a judgment of 2017-03-15: 10 years, to 2027-03-15.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from saiken_cli.documents import grid

ROOT = Path(__file__).resolve().parent.parent
MATTER = str(ROOT / "examples" / "cases" / "matter-sato.toml")


def test_enyou_letter_on_the_default_grid(cli):
    r = cli("draft", "enyou", MATTER, "--debt", "1", "--date", "2026-12-01")
    assert r.exit_code == 0, r.stderr
    pages = r.stdout.split("\f")
    for page in pages:
        lines = page.splitlines()
        assert len(lines) <= 20 and all(grid.fits(line, 26) for line in lines)
    flat = r.stdout.replace("\n", "").replace("\f", "")
    for fact in ("消滅時効援用通知書", "令和8年12月1日", "株式会社Aサービサー　御中", "東京都港区芝公園4-2-8", "佐藤一郎",
                 "株式会社B銀行", "平成27年9月1日", "A-2015-0901", "金65万円", "民法第145条"):
        assert fact in flat, fact
    assert "--" not in flat and "UNVERIFIED" not in flat


@pytest.mark.parametrize("layout, width, height", [("yoko-20x26", 20, 26), ("yoko-13x40", 13, 40), ("tate-20x26", 20, 26)])
def test_enyou_each_layout(cli, layout, width, height):
    r = cli("draft", "enyou", MATTER, "--debt", "1", "--date", "2026-12-01", "--layout", layout, "--json")
    assert r.exit_code == 0, r.stderr
    out = r.json()
    assert out["layout"] == {"key": layout, "direction": layout[:4], "chars_per_line": width, "lines_per_page": height}
    for page in out["pages"]:
        assert len(page) <= height and all(grid.fits(line, width) for line in page)
    assert out["text"] == "\f".join("".join(line + "\n" for line in page) for page in out["pages"])
    assert out["jikou"]["status"] == "completed" and out["jikou"]["invocable_from"] == "2024-11-21"


def test_enyou_refused_while_running(cli, tmp_path):
    out = tmp_path / "letter.txt"
    r = cli("draft", "enyou", MATTER, "--debt", "2", "--date", "2026-12-01", "--output", str(out))
    assert r.exit_code == 2 and r.stderr.count("\n") == 1
    assert not out.exists()


def test_enyou_refused_after_a_judgment(cli):
    r = cli("draft", "enyou", MATTER, "--debt", "4", "--date", "2026-12-01")
    assert r.exit_code == 2 and "判決確定" in r.stderr and r.stderr.count("\n") == 1


def test_enyou_on_the_day_prescription_completes_and_the_day_after(cli, tmp_path):
    # debt 1 completes at the end of 2024-11-20: a letter dated that day is refused, the next day accepted
    r = cli("draft", "enyou", MATTER, "--debt", "1", "--date", "2024-11-20")
    assert r.exit_code == 2 and "2024-11-21" in r.stderr
    assert cli("draft", "enyou", MATTER, "--debt", "1", "--date", "2024-11-21").exit_code == 0


@pytest.mark.parametrize(
    "args, names",
    [
        (["--debt", "9"], "--debt"),
        (["--debt", "0"], "--debt"),
        (["--debt", "x"], "--debt"),
        (["--debt", "1", "--layout", "yoko-30x30"], "--layout"),
        (["--debt", "1", "--date", "2026-02-30"], "--date"),
        (["--debt", "1", "--format", "pdf"], "--output"),
    ],
)
def test_enyou_bad_input_is_one_line_exit_2(cli, args, names, tmp_path):
    r = cli("draft", "enyou", MATTER, *args)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and names in r.stderr, r.stderr


def test_enyou_names_the_missing_key(cli, tmp_path):
    text = Path(MATTER).read_text(encoding="utf-8").replace('creditor-address = "東京都港区芝公園4-2-8"\n', "")
    case = tmp_path / "m.toml"
    case.write_text(text, encoding="utf-8")
    (tmp_path / "histories").mkdir()
    for f in (ROOT / "examples" / "cases" / "histories").iterdir():
        shutil.copy(f, tmp_path / "histories" / f.name)
    out = tmp_path / "letter.pdf"
    r = cli("draft", "enyou", str(case), "--debt", "1", "--date", "2026-12-01", "--format", "pdf", "--output", str(out))
    assert r.exit_code == 2 and "[[debt]] #1: creditor-address is missing: add creditor-address" in r.stderr
    assert not out.exists()


def test_enyou_pdf(cli, tmp_path):
    out = tmp_path / "援用通知書.pdf"
    r = cli("draft", "enyou", MATTER, "--debt", "1", "--date", "2026-12-01", "--format", "pdf", "--output", str(out))
    assert r.exit_code == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        import unicodedata

        text = unicodedata.normalize("NFKC", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout)
        assert "消滅時効援用通知書" in "".join(text.split())


def test_seikyu_with_a_payment(cli):
    # 650,000 × 18% × 771/365 = 247,142 (2017-08-21 … 2019-09-30) − 50,000 paid = 197,142 unpaid
    r = cli("draft", "seikyu", MATTER, "--debt", "1", "--json")
    assert r.exit_code == 0, r.stderr
    out = r.json()
    assert out["lines"][0] == (
        "１　被告は、原告に対し、金84万7142円及びうち金65万円に対する令和元年10月1日から支払済みまで"
        "年18パーセントの割合による金員を支払え。"
    )
    assert out["lines"][1:] == ["２　訴訟費用は被告の負担とする。", "との判決並びに仮執行の宣言を求める。"]
    assert (out["amount_yen"], out["fixed_damages_yen"]) == (847142, 197142)


def test_seikyu_without_payments(cli):
    # debt 2: 80万 at 14% from the day after the acceleration date 2024-02-10
    r = cli("draft", "seikyu", MATTER, "--debt", "2")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == (
        "１　被告は、原告に対し、金80万円及びこれに対する令和6年2月11日から支払済みまで年14パーセントの割合による金員を支払え。"
    )


def test_seikyu_fixed_to_a_date(cli):
    # debt 2 to 2026-12-01: 800,000 × 14% × 1,025/365 = 314,520.5 → 314,520
    r = cli("draft", "seikyu", MATTER, "--debt", "2", "--fixed-to", "2026-12-01", "--json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["lines"][0] == (
        "１　被告は、原告に対し、金111万4520円及びうち金80万円に対する令和8年12月2日から支払済みまで"
        "年14パーセントの割合による金員を支払え。"
    )


def test_paths_in_the_matter_stay_inside_its_folder(cli, tmp_path):
    # the same rule as `saiken report`: a history outside the case file's folder needs --allow-outside-paths
    outside = ROOT / "examples" / "cases" / "histories" / "d-finance.csv"
    text = Path(MATTER).read_text(encoding="utf-8").replace('"histories/d-finance.csv"', f'"{outside}"')
    case = tmp_path / "m.toml"
    case.write_text(text, encoding="utf-8")
    r = cli("draft", "enyou", str(case), "--debt", "1", "--date", "2026-12-01")
    assert r.exit_code == 2 and r.stderr.count("\n") == 1
    r = cli("draft", "enyou", str(case), "--debt", "1", "--date", "2026-12-01", "--allow-outside-paths")
    assert r.exit_code == 0, r.stderr
