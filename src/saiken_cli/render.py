"""The one renderer: JSON to stdout, human tables (rich) to stdout, warnings to stderr.

Command modules build a :class:`View` (plain data, labels already in the chosen language)
from a result's JSON payload; this module draws it. rich is imported only here and only
for human output, so ``--json`` never pays for it.

Messages from calc (``{"code", "params"}`` items) are phrased by the one catalogue
(``saiken_cli.catalogue``): :func:`text` for a view, and ``--json`` gets each item's
``"text"`` in the ``--lang`` language (:func:`emit`).
"""


import json
import sys
from typing import Any, Collection, Iterable, NamedTuple, Sequence

from saiken_cli.catalogue import pick  # noqa: F401 - legacy "日本語 / English" strings of modules not yet converted
from saiken_cli.catalogue import day, localize, text, yen  # noqa: F401 - re-exported for the command views

DISCLAIMER = {
    "ja": "※ 参考計算です。法的助言ではありません。申立て・提出の前に必ず確認してください。",
    "en": "Not legal advice. Verify every figure before filing.",
}


# What a command draws. NamedTuples, not dataclasses: this module is imported by every
# `--json` call (for write_json), and importing dataclasses (with inspect) costs about
# 10 ms of start-up (issue 5 §3). The defaults are immutable: views are built, not changed.


class TableView(NamedTuple):
    title: str
    columns: list[str]
    rows: list[list[str]]
    numeric: Collection[int] = frozenset()  # right-aligned column indexes


class View(NamedTuple):
    title: str
    summary: Sequence[tuple[str, str]] = ()
    tables: Sequence[TableView] = ()
    sections: Sequence[tuple[str, list[str]]] = ()


def L(lang: str, ja: str, en: str) -> str:
    """A label in the chosen language."""
    return en if lang == "en" else ja


def citation_lines(citations: Iterable[dict[str, Any]], lang: str) -> list[str]:
    lines = []
    for c in citations:
        line = c.get("label", "")
        if lang == "en" and c.get("en"):
            line = f"{line} — {c['en']}"
        if c.get("url"):
            line += f" <{c['url']}>"
        lines.append(line)
    return lines


def split_citations(citations: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(basis, secondary): statutes, cases, official pages and stated interpretations are the
    legal basis (根拠); law-firm pages, blogs and the like (``kind`` secondary) are 参考 only."""
    basis: list[dict[str, Any]] = []
    secondary: list[dict[str, Any]] = []
    for c in citations:
        (secondary if c.get("kind") == "secondary" else basis).append(c)
    return basis, secondary


def citation_sections(citations: Iterable[dict[str, Any]], lang: str) -> list[tuple[str, list[str]]]:
    """The 根拠 section and, when there are secondary pages, a 参考 section after it."""
    basis, secondary = split_citations(citations)
    out: list[tuple[str, list[str]]] = []
    if basis:
        out.append((L(lang, "根拠", "Legal basis"), citation_lines(basis, lang)))
    if secondary:
        out.append((L(lang, "参考 (二次資料)", "Further reading (secondary sources)"), citation_lines(secondary, lang)))
    return out


def standard_sections(payload: dict[str, Any], lang: str) -> list[tuple[str, list[str]]]:
    """Assumptions, notes and legal basis (then 参考), in that order (warnings go to stderr)."""
    out: list[tuple[str, list[str]]] = []
    if payload.get("assumptions"):
        out.append((L(lang, "前提", "Assumptions"), [text(a, lang) for a in payload["assumptions"]]))
    if payload.get("notes"):
        out.append((L(lang, "注記", "Notes"), [text(n, lang) for n in payload["notes"]]))
    if payload.get("citations"):
        out.extend(citation_sections(payload["citations"], lang))
    return out


_CONTROLS = None


def plain(text: Any) -> str:
    """``text`` without control characters (ESC sequences, BEL, NUL …: Unicode Cc but for
    line feeds; a tab becomes a space), for every human rendering: terminal, Markdown, HTML.
    A case field cannot clear a screen or forge a line of output."""
    global _CONTROLS
    s = str(text)
    if s.isprintable():
        return s
    if _CONTROLS is None:
        import re

        _CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    return _CONTROLS.sub("", s.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))


#: a payload with a list longer than this (a kabarai ledger of a long history) is encoded by
#: orjson: the same bytes as json.dumps(indent=2, ensure_ascii=False), about 20× faster
#: (json's indented encoder is pure Python: 4.6 s for 100,000 ledger rows; orjson 0.2 s).
#: Not below it: importing orjson costs more start-up than encoding a small payload.
LARGE_JSON_LIST = 1000


def write_json(payload: dict[str, Any]) -> None:
    if any(type(v) is list and len(v) > LARGE_JSON_LIST for v in payload.values()):
        if _write_large_json(payload):
            return
    write_utf8(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _write_large_json(payload: dict[str, Any]) -> bool:
    """``json.dumps(payload, ensure_ascii=False, indent=2)`` written by orjson a list item at a
    time (the bytes of 100,000 ledger rows are never held at once); an item orjson refuses
    (an integer beyond 64 bits) is written by json, with the same bytes. False without orjson."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency; json is the fallback
        return False

    def enc(value: Any, pad: bytes) -> bytes:
        try:
            data = orjson.dumps(value, option=orjson.OPT_INDENT_2)
        except TypeError:
            data = json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")
        return data.replace(b"\n", b"\n" + pad)

    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    write = buffer.write if buffer is not None else (lambda b: out.write(b.decode("utf-8")))
    out.flush()
    block = [b"{"]
    for n, (key, value) in enumerate(payload.items()):
        block.append((b",\n  " if n else b"\n  ") + enc(key, b"") + b": ")
        if type(value) is not list or not value:
            block.append(enc(value, b"  "))
            continue
        block.append(b"[")
        for j, item in enumerate(value):
            block.append((b",\n    " if j else b"\n    ") + enc(item, b"    "))
            if len(block) >= 8192:
                write(b"".join(block))
                block.clear()
        block.append(b"\n  ]")
    block.append(b"\n}\n" if payload else b"}\n")
    write(b"".join(block))
    return True


def write_utf8(text: str) -> None:
    """Machine output (JSON): UTF-8 bytes on stdout whatever the terminal's encoding
    (PYTHONIOENCODING=cp932 is what Windows sets when output is redirected)."""
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is None or (getattr(out, "encoding", "") or "").lower().replace("-", "").replace("_", "") == "utf8":
        out.write(text)
        return
    out.flush()
    buffer.write(text.encode("utf-8"))


#: Characters of saiken's text that legacy encodings (cp932, EUC-JP) lack, and the nearest
#: one they have; what the terminal's encoding cannot hold at all becomes "?".
NEAREST = {"—": "―", "–": "－", "•": "・", "·": "・", "≤": "≦", "≥": "≧", "≈": "≒", "〜": "～", "¥": "￥", "½": "1/2"}


def _nearest(exc: UnicodeError):
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start : exc.end]:
        sub = NEAREST.get(ch, "?")
        try:
            sub.encode(exc.encoding)
        except (UnicodeError, LookupError):
            sub = "?"
        out.append(sub)
    return "".join(out), exc.end


def human_streams() -> None:
    """Human output in the terminal's encoding never crashes: characters it cannot hold
    are written as their nearest ones or "?" (stdout; stderr already escapes them)."""
    out = sys.stdout
    encoding = (getattr(out, "encoding", "") or "").lower().replace("-", "").replace("_", "")
    if encoding == "utf8" or not hasattr(out, "reconfigure"):
        return
    import codecs

    try:
        codecs.lookup_error("saiken-nearest")
    except LookupError:
        codecs.register_error("saiken-nearest", _nearest)
    try:
        out.reconfigure(errors="saiken-nearest")
    except (ValueError, OSError, LookupError):  # pragma: no cover - a stream that cannot be reconfigured
        pass


def warn(messages: Iterable[Any], lang: str = "ja") -> None:
    """Each warning (a message item, or a plain line) on stderr, in ``lang``."""
    for message in messages:
        sys.stderr.write(f"saiken: warning: {text(message, lang)}\n")


def emit(payload: dict[str, Any], view: "View | None", *, json_mode: bool, lang: str) -> None:
    """Print a result: JSON (only JSON on stdout) or the human view; warnings to stderr."""
    rules_mod = sys.modules.get("saiken_cli.rules")
    override = rules_mod.override_warning() if rules_mod is not None else None
    if override and isinstance(payload.get("warnings"), list) and override not in payload["warnings"]:
        payload["warnings"].append(override)  # rule data from SAIKEN_RULES_DIR: every output says so
    if json_mode or view is None:
        write_json(localize(payload, lang))
    else:
        draw(view, lang)
    warn(payload.get("warnings", []), lang)


def _console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    is_tty = hasattr(stream, "isatty") and stream.isatty()
    return Console(
        file=stream,
        width=None if is_tty else 120,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        color_system="auto" if is_tty else None,
    )


def draw(view: View, lang: str, *, console=None, disclaimer: bool = True) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = console or _console()
    console.print(Text(plain(view.title), style="bold"))
    if view.summary:
        summary = Table(box=box.SIMPLE_HEAVY, show_header=False, pad_edge=False)
        summary.add_column(style="bold")
        summary.add_column()
        for label, value in view.summary:
            summary.add_row(plain(label), plain(value))
        console.print(summary)
    for tv in view.tables:
        if len(tv.rows) > FAST_TABLE_ROWS and not console.record:
            _draw_long_table(tv, console)  # rich lays out a table in time that grows with its rows squared
            continue
        table = Table(title=tv.title, box=box.SIMPLE, title_justify="left", pad_edge=False)
        for i, col in enumerate(tv.columns):
            table.add_column(col, justify="right" if i in tv.numeric else "left", overflow="fold")
        for row in tv.rows:
            table.add_row(*(plain(c) for c in row))
        console.print(table)
    for heading, lines in view.sections:
        if not lines:
            continue
        console.print(Text(plain(heading), style="bold"))
        for line in lines:
            console.print(Text(f"  • {plain(line)}"))
    if disclaimer:
        console.print(Text(DISCLAIMER[lang if lang in DISCLAIMER else "ja"], style="dim"))


#: a table with more rows than this is drawn by :func:`_draw_long_table` (a kabarai ledger of
#: a long history: rich took 6 s for 2,000 rows and grows faster than the rows)
FAST_TABLE_ROWS = 500


def _draw_long_table(tv: TableView, console) -> None:
    """A long table in rich's box.SIMPLE layout (title, header, rule, rows), in two passes
    (the column widths, then the lines, written in blocks: memory does not grow with it).

    The same characters rich prints for a table that fits the console (tests/test_long_tables.py);
    a wider table is not folded to the console's width (its lines run on, as in a file)."""
    from rich.cells import cell_len

    ncols = len(tv.columns)
    numeric = [i in tv.numeric for i in range(ncols)]
    widths = [1] * ncols  # rich gives an empty column one cell

    def lines_of(texts: list[str]):
        if not any("\n" in t for t in texts):
            yield texts
            return
        parts = [t.split("\n") for t in texts]
        for k in range(max(len(p) for p in parts)):
            yield [p[k] if k < len(p) else "" for p in parts]

    header = [plain(c) for c in tv.columns]
    import itertools

    for texts in itertools.chain([header], ([plain(c) for c in row] for row in tv.rows)):  # pass 1: the widths
        for cells in lines_of(texts):
            for i, t in enumerate(cells):
                w = len(t) if t.isascii() else cell_len(t)
                if w > widths[i]:
                    widths[i] = w
    inner = sum(widths) + 3 * (ncols - 1)
    total = inner + 2

    def line(cells: list[str]) -> str:
        out = []
        for i, t in enumerate(cells):
            text = t.rstrip()  # measured as given, printed as rich justifies a cell
            pad = " " * (widths[i] - (len(text) if text.isascii() else cell_len(text)))
            out.append(pad + text if numeric[i] else text + pad)
        return " " + "   ".join(out) + " \n"

    title = plain(tv.title) if tv.title else ""
    blank = " " * total + "\n"
    chunk = [title + " " * max(0, total - cell_len(title)) + "\n" if title else "", blank, line(header),
             " " + "─" * inner + " \n"]
    out = console.file
    for row in tv.rows:  # pass 2: the lines
        for cells in lines_of([plain(c) for c in row]):
            chunk.append(line(cells))
        if len(chunk) >= 4096:
            out.write("".join(chunk))
            chunk.clear()
    chunk.append(blank)
    out.write("".join(chunk))
