"""Issue 15 §4: outside a UTF-8 terminal. ``--json`` is UTF-8 bytes always; human output is
in the terminal's encoding, with what it cannot hold replaced (— → ―, • → ・, else ?),
never exit 70. PYTHONIOENCODING=cp932 is what Windows sets when output is redirected.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "examples" / "cases" / "card-loan.toml"
ENVS = {
    "cp932": {"PYTHONIOENCODING": "cp932"},
    "euc-jp": {"PYTHONIOENCODING": "euc-jp"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "C": {"LC_ALL": "C", "LANG": "C"},
    "C+cp932": {"LC_ALL": "C", "PYTHONIOENCODING": "cp932"},
}
HUMAN = [
    ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90"],
    ["jikou", "--last-payment", "2019-05-01", "--as-of", "2025-01-01"],
    ["kabarai", str(ROOT / "examples" / "kabarai" / "ref-8-1.csv"), "--format", "md"],
    ["rules"],
]
JSON = [
    ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json"],
    ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json", "--"],  # the Typer path
    ["jikou", "--last-payment", "2019-05-01", "--as-of", "2025-01-01", "--json"],
    ["report", str(CASE), "--format", "json"],
    ["schema", "damages"],
]


def run(env_extra: dict[str, str], args: list[str]):
    env = {k: v for k, v in os.environ.items() if k not in ("SAIKEN_DEBUG", "PYTHONIOENCODING", "PYTHONUTF8")}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "saiken_cli", *args], capture_output=True, env=env, timeout=60)


@pytest.mark.parametrize("env", ["cp932", "euc-jp", "ascii"])
@pytest.mark.parametrize("args", HUMAN, ids=lambda a: " ".join(a[:3])[-30:])
def test_human_output_in_a_legacy_encoding_never_crashes(env, args):
    # before: exit 70 (UnicodeEncodeError on — and •) for cp932, EUC-JP and ASCII
    r = run(ENVS[env], args)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-300:]
    encoding = ENVS[env].get("PYTHONIOENCODING", "utf-8")
    text = r.stdout.decode(encoding)  # every byte is the terminal's encoding
    assert text.strip()
    if encoding in ("cp932", "euc-jp"):
        assert "確認してください" in text  # Japanese stays Japanese


def test_nearest_characters_replace_what_cp932_lacks():
    r = run(ENVS["cp932"], HUMAN[0])
    text = r.stdout.decode("cp932")
    assert "・ 民法419条1項" in text  # • → ・
    assert "―" in text and "?" not in text.replace("???", "")  # — → ―


@pytest.mark.parametrize("env", ["cp932", "ascii", "C+cp932"])
@pytest.mark.parametrize("args", JSON, ids=lambda a: " ".join(a[:3])[-30:])
def test_json_is_utf8_bytes_whatever_the_terminal(env, args):
    # before: ascii → exit 70; cp932 → cp932 bytes that a JSON reader rejects
    r = run(ENVS[env], args)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-300:]
    json.loads(r.stdout.decode("utf-8"))


@pytest.mark.parametrize("env", ["cp932", "ascii"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_report_is_a_utf8_document_on_stdout_too(env, fmt):
    # before: cp932 bytes under <meta charset="UTF-8"> (html), exit 70 (ascii)
    r = run(ENVS[env], ["report", str(CASE), "--format", fmt])
    assert r.returncode == 0
    assert "事件報告書" in r.stdout.decode("utf-8") or "債権者" in r.stdout.decode("utf-8")


def test_batch_output_stays_utf8_in_a_cp932_terminal():
    r = run(ENVS["cp932"], ["batch", "damages", str(ROOT / "examples" / "batch" / "damages.csv")])
    assert r.returncode == 1
    rows = [json.loads(line) for line in r.stdout.decode("utf-8").splitlines()]
    assert rows[0]["debtor"] == "山田 太郎"
