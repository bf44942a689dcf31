"""Issue 15 §3: "today" is the date in Japan (Asia/Tokyo), read once per run, said in the
output; a blank date flag is an error, not today.

The clock is faked by replacing ``time.time`` (the clock both ``date.today()`` and
saiken_cli.today read), in a subprocess with ``TZ=UTC``: the machine's local date and
Japan's differ between 15:00 and 24:00 UTC.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from conftest import invoke

# 2024-05-02 00:30 JST = 2024-05-01 15:30 UTC: Japan's day is one after the machine's
JST_0030 = datetime(2024, 5, 1, 15, 30, tzinfo=timezone.utc).timestamp()


def run_at(timestamp: float, *args: str, env_extra: dict[str, str] | None = None, stdin: str | None = None):
    code = (
        "import sys, time\n"
        f"time.time = lambda: {timestamp!r}\n"
        "from saiken_cli.entry import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("SAIKEN_TODAY", "SAIKEN_DEBUG")}
    env["TZ"] = "UTC"
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, input=stdin)


@pytest.mark.parametrize("json_args", [["--json"], ["--json", "--lang", "ja"]])
def test_a_prescription_that_completed_yesterday_in_japan_is_completed_at_0030_jst(json_args):
    # before: the machine's UTC date (2024-05-01) was "today": the 時効 read "running"
    r = run_at(JST_0030, "jikou", "--last-payment", "2019-05-01", *json_args)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["completion_date"] == "2024-05-01"
    assert out["as_of"] == "2024-05-02"
    assert out["status"] == "completed"
    assert out["today"] == {"date": "2024-05-02", "zone": "Asia/Tokyo", "source": "clock"}
    assert any("Asia/Tokyo" in a["text"] and "2024-05-02" in a["text"] for a in out["assumptions"])


def test_the_human_output_says_which_today_was_used():
    r = run_at(JST_0030, "jikou", "--last-payment", "2019-05-01")
    assert r.returncode == 0, r.stderr
    assert "日本時間 (Asia/Tokyo) の本日 2024-05-02" in r.stdout


def test_sashiosae_paid_on_and_report_date_default_to_japans_today(tmp_path):
    r = run_at(JST_0030, "sashiosae", "--net", "300000", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["paid_on"] == "2024-05-02"
    assert json.loads(r.stdout)["today"]["date"] == "2024-05-02"
    case = tmp_path / "c.toml"
    case.write_text('[case]\nid = "x"\n[jikou]\nlast-payment = 2019-05-01\n', encoding="utf-8")
    r = run_at(JST_0030, "report", str(case), "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["case"]["as_of"] == "2024-05-02"
    assert out["today"]["date"] == "2024-05-02"
    assert out["sections"][0]["result"]["status"] == "completed"
    md = run_at(JST_0030, "report", str(case))
    assert "| 基準日 | 2024-05-02 (令和6年5月2日) (日本時間の本日) |" in md.stdout  # the report header (report_doc)


def test_a_date_given_is_not_marked_as_today():
    r = run_at(JST_0030, "jikou", "--last-payment", "2019-05-01", "--as-of", "2024-05-01", "--json")
    out = json.loads(r.stdout)
    assert out["status"] == "running" and "today" not in out
    assert not any("Asia/Tokyo" in a["text"] for a in out["assumptions"])


def test_a_batch_uses_one_today_for_every_row():
    # before: each row read the clock; a batch started at 23:59:58 gave two dates. Here the
    # fake clock jumps two days after its first reading.
    code_clock = (
        "import itertools, sys, time\n"
        f"_t = itertools.chain([{JST_0030!r}], itertools.repeat({JST_0030 + 2 * 86400!r}))\n"
        "time.time = lambda: next(_t)\n"
        "from saiken_cli.entry import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("SAIKEN_TODAY", "SAIKEN_DEBUG")}
    env["TZ"] = "UTC"
    rows = "".join(json.dumps({"id": i, "last-payment": "2019-05-01"}) + "\n" for i in range(3))
    r = subprocess.run([sys.executable, "-c", code_clock, "batch", "jikou", "-", "--input-format", "jsonl"],
                       capture_output=True, text=True, env=env, input=rows)
    assert r.returncode == 0, r.stderr
    dates = {json.loads(line)["result"]["as_of"] for line in r.stdout.splitlines()}
    assert dates == {"2024-05-02"}


def test_saiken_today_fixes_the_date_and_is_said():
    r = run_at(JST_0030, "jikou", "--last-payment", "2019-05-01", "--json", env_extra={"SAIKEN_TODAY": "2030-01-01"})
    out = json.loads(r.stdout)
    assert out["as_of"] == "2030-01-01"
    assert out["today"] == {"date": "2030-01-01", "zone": "Asia/Tokyo", "source": "SAIKEN_TODAY"}


@pytest.mark.parametrize("bad", ["2030-13-01", "tomorrow", "", "20300101"])
def test_a_malformed_saiken_today_is_exit_2_naming_it(bad):
    r = run_at(JST_0030, "jikou", "--last-payment", "2019-05-01", "--json", env_extra={"SAIKEN_TODAY": bad})
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith("saiken: error: SAIKEN_TODAY:") and len(r.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["jikou", "--last-payment", "2019-05-01", "--as-of", ""],
        ["jikou", "--last-payment", "2019-05-01", "--as-of", " ", "--json"],
        ["sashiosae", "--net", "300000", "--paid-on", ""],
        ["sashiosae", "--net", "300000", "--paid-on", "", "--json"],
        ["kabarai", "examples/kabarai/ref-8-1.csv", "--as-of", ""],
    ],
)
def test_a_blank_date_flag_is_an_error_not_today(args):
    # before: --as-of "" silently meant today
    r = invoke(*args)
    assert r.exit_code == 2, r.stdout
    assert r.stderr.startswith("saiken: error: --") and "leave the flag out" in r.stderr


def test_report_blank_as_of_is_an_error(tmp_path):
    case = tmp_path / "c.toml"
    case.write_text('[case]\nid = "x"\n[jikou]\nlast-payment = 2019-05-01\n', encoding="utf-8")
    r = invoke("report", str(case), "--as-of", "")
    assert r.exit_code == 2 and "--as-of" in r.stderr


def test_calc_and_commands_read_no_clock_but_today_py():
    import pathlib

    src = pathlib.Path(__file__).resolve().parents[1] / "src" / "saiken_cli"
    for path in src.rglob("*.py"):
        if path.name == "today.py":
            continue
        text = path.read_text(encoding="utf-8")
        for clock in ("date.today(", "datetime.now(", "datetime.today(", "time.localtime("):
            assert clock not in text, f"{path.relative_to(src)} reads the clock ({clock}); use saiken_cli.today"
