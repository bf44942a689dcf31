"""Bilingual messages of `fees` and `saisei` split cleanly into their ja / en halves (render.pick)."""

from __future__ import annotations

import pytest

from saiken_cli.render import pick

CASES = [
    ("fees", "--amount", "100万"),
    ("fees", "--unassessable"),
    ("fees", "--amount", "20億", "--filed-on", "2027-01-01"),
    ("fees", "--amount", "200万"),
    ("saisei", "--debt", "5000001", "--liquidation-value", "1", "--disposable-income", "1"),
    ("saisei", "--debt", "200万", "--liquidation-value", "300万", "--nin-i", "72", "--rounding", "1000"),
    ("saisei", "--debt", "37", "--rounding", "1000"),
    ("saisei", "--debt", "800万"),
]


@pytest.mark.parametrize("args", CASES, ids=[" ".join(c) for c in CASES])
def test_every_message_has_a_ja_and_an_en_half(cli, args):
    d = cli(*args, "--json").json()
    for key in ("assumptions", "notes", "warnings"):
        for text in d[key]:
            if " / " in text and "verified through" not in text:
                assert pick(text, "ja") != text, text
                assert pick(text, "en").isascii() or sum(ch.isascii() for ch in pick(text, "en")) >= 0.9 * len(pick(text, "en"))
