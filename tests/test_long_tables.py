"""Issue 15 §2 (speed): a long table (a kabarai ledger of a long history) is drawn in one pass
with the characters rich prints, and a large --json payload by orjson with json's bytes."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

import saiken_cli.render as R

cells = st.text(alphabet=st.sampled_from(list("0123456789-,.()円年月日令和RH abc*\n")), max_size=14)


def _drawn(tv, threshold):
    saved = R.FAST_TABLE_ROWS
    R.FAST_TABLE_ROWS = threshold
    try:
        out = io.StringIO()
        console = Console(file=out, width=400, color_system=None, highlight=False, markup=False, emoji=False, soft_wrap=False)
        R.draw(R.View("T", [], [tv], []), "ja", console=console, disclaimer=False)
        return out.getvalue()
    finally:
        R.FAST_TABLE_ROWS = saved


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda n: st.tuples(
            st.lists(cells.filter(lambda c: "\n" not in c and c.strip() == c and c), min_size=n, max_size=n),
            st.lists(st.lists(cells, min_size=n, max_size=n), min_size=1, max_size=6),
            st.sets(st.integers(0, n - 1)),
            st.text(alphabet="引き直し計算表ab", min_size=1, max_size=1),  # no wider than the table
        )
    )
)
def test_the_long_table_drawer_prints_what_rich_prints(data):
    columns, rows, numeric, title = data
    tv = R.TableView(title, columns, rows, numeric=numeric)
    assert _drawn(tv, 0) == _drawn(tv, 10**9)


def test_a_large_payload_is_written_with_jsons_bytes(capsys):
    payload = {
        "schema_version": "1",
        "ledger": [{"i": i, "s": "日本\x1b\u2028", "e": [], "o": {}, "n": None, "l": [1, [2, {"x": []}]]} for i in range(1500)],
        "empty": [],
        "nested": {"a": [1, 2], "b": {}},
        "big": [10**30, "x"],  # beyond 64 bits: json writes that item
        "long": list(range(1200)),
        "last": True,
    }
    R.write_json(payload)
    assert capsys.readouterr().out == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
