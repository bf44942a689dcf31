"""The 内容証明 grid: counting characters as the post office counts them, and laying text out
on a grid of ``chars_per_line`` × ``lines_per_page`` (rules/data/naiyo_shomei_*.toml).

Pure: no I/O, no clock. A document is a list of :class:`Block` (paragraphs, blank lines,
right-aligned lines); :func:`layout` wraps them into pages of lines, each line within the
grid by both measures:

- the post office's count (:func:`postal_count`: 記号 1字, 括弧 a pair 1字 counted on the
  opening bracket's line, ① = 2字, ⑩ = 3字, ㎡ = 2字), and
- the printed squares (every glyph one square, a closing bracket too).

Each glyph consumes ``max(1, postal count)`` squares (:func:`cells`), which is at least both.

Line breaking follows the usual 禁則 of Japanese typesetting by pushing characters down
(追い出し), never by squeezing one more into a line: 、。」 and the like do not begin a line,
「（ does not end one, and a number (digits with their commas) is not split when it fits on
a line of its own.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, NamedTuple

OPENING = "（(「『【〔［[｛{〈《〘〖“‘"
CLOSING = "）)」』】〕］]｝}〉》〙〗”’"
#: may not begin a line (行頭禁則): closing brackets, 句読点, small kana, 長音, …
NO_START = CLOSING + "、。，．,.・：；:;！？!?ー－‐ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ…‥〜～%％"
#: may not end a line (行末禁則): opening brackets
NO_END = OPENING + "〒￥¥＄$"
#: runs of these are kept together when they fit (a number: 1,234,567)
_NUMBERISH = set("0123456789０１２３４５６７８９,，.．")

# Enclosed characters: ① … ⑳ (U+2460–2473), ㉑ … ㉟ (U+3251–325F), ㊱ … ㊿ (U+32B1–32BF),
# parenthesised ⑴ … ⒇ (U+2474–2487), full stops ⒈ … ⒛ (U+2488–249B), circled letters
# Ⓐ … ⓩ (U+24B6–24E9), negative circled ❶ … ❿ (U+2776–277F) …
_ENCLOSED_RANGES = (
    (0x2460, 0x24FF),
    (0x2776, 0x2793),
    (0x3251, 0x325F),
    (0x3280, 0x32BF),
    (0x32D0, 0x32FE),
)


def _enclosed(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _ENCLOSED_RANGES)


def _is_closing(ch: str) -> bool:
    return ch in CLOSING


def postal_count(ch: str) -> int:
    """How many 字 the post office counts for one character (naiyo_shomei_counting.toml).

    A closing bracket counts 0: the pair counts 1, on the line of the opening bracket.
    An enclosed character counts its characters plus 1 for the frame (① 2, ⑩ 3).
    A squared unit (㎡, ㎏) counts its letters and digits (2). Everything else counts 1."""
    if _is_closing(ch):
        return 0
    if _enclosed(ch):
        inner = unicodedata.normalize("NFKC", ch).strip("().")
        return len(inner) + 1
    if unicodedata.category(ch) == "So" or 0x3300 <= ord(ch) <= 0x33FF:
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch and len(folded) > 1:  # ㎡ → m2, ㎏ → kg, ㌔ → キロ
            return len(folded)
    return 1


def cells(ch: str) -> int:
    """Squares one character takes on saiken's grid: its count, and at least one square."""
    return max(1, postal_count(ch))


def line_count(line: str) -> int:
    """The post office's count of one line (closing brackets counted with their opening one)."""
    return sum(postal_count(ch) for ch in line)


def line_cells(line: str) -> int:
    return sum(cells(ch) for ch in line)


def fits(line: str, width: int) -> bool:
    """Within the grid by both measures: the post office's count and the printed squares."""
    return line_count(line) <= width and len(line) <= width and line_cells(line) <= width


class Block(NamedTuple):
    """One paragraph of a document.

    ``first``: what the first line begins with (an indent 「　」 or an item number 「１　」);
    ``rest``: what each following line begins with (a hanging indent); ``align``: "left",
    "right" (pad on the left so the line ends at the grid's edge) or "center"."""

    text: str
    first: str = ""
    rest: str = ""
    align: str = "left"


BLANK = Block("")


def _units(text: str) -> list[str]:
    """Characters, with numbers kept as one unit (split later if longer than a line)."""
    out: list[str] = []
    for ch in text:
        if out and ch in _NUMBERISH and out[-1] and out[-1][-1] in _NUMBERISH and out[-1][0] in _NUMBERISH:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wrap(block: Block, width: int) -> list[str]:
    """The lines of one paragraph, each within ``width`` squares (greedy, with 追い出し)."""
    if width < 4:
        raise ValueError("a grid line holds at least 4 characters")
    first, rest = block.first, block.rest
    if line_cells(first) > width // 2:
        first = ""
    if line_cells(rest) > width // 2:
        rest = ""
    if not block.text:
        return [first.rstrip(" 　")]
    longest = width - max(line_cells(first), line_cells(rest))
    units: list[str] = []
    for unit in _units(block.text):
        if line_cells(unit) > longest:  # a number longer than a line: split it anyway
            units.extend(unit)
        else:
            units.append(unit)
    lines: list[str] = []
    current: list[str] = []
    prefix = first
    i = 0
    while i < len(units):
        unit = units[i]
        if line_cells(prefix) + line_cells("".join(current)) + line_cells(unit) <= width:
            current.append(unit)
            i += 1
            continue
        # ``unit`` does not fit: break before it, pushing characters down for 禁則 (追い出し)
        carry: list[str] = []
        while len(current) > 1 and (carry[0] if carry else unit)[0] in NO_START:
            carry.insert(0, current.pop())
        while len(current) > 1 and current[-1][-1] in NO_END:
            carry.insert(0, current.pop())
        if not current:  # nothing fits after this prefix (cannot happen: longest < width)
            current, carry = carry, []
        lines.append(prefix + "".join(current))
        prefix, current = rest, carry
    lines.append(prefix + "".join(current))
    if block.align == "right":
        return ["　" * (width - line_cells(ln)) + ln for ln in lines]
    if block.align == "center":
        return ["　" * ((width - line_cells(ln)) // 2) + ln for ln in lines]
    return [ln.rstrip(" 　") for ln in lines]


def layout(blocks: Iterable[Block], width: int, height: int) -> list[list[str]]:
    """Pages of at most ``height`` lines, each line within ``width``.

    Blank lines count as lines (a conservative reading: the page is a grid of rows). A blank
    line that would begin a page is dropped."""
    pages: list[list[str]] = [[]]
    for block in blocks:
        for line in wrap(block, width):
            if len(pages[-1]) >= height:
                pages.append([])
            if not line.strip() and not pages[-1]:
                continue
            pages[-1].append(line)
    while len(pages) > 1 and not any(ln.strip() for ln in pages[-1]):
        pages.pop()
    for page in pages:
        while page and not page[-1].strip():
            page.pop()
    return pages


def to_text(pages: list[list[str]]) -> str:
    """The pages as text: lines ended by newlines, pages separated by a form feed (\\f)."""
    return "\f".join("".join(line + "\n" for line in page) for page in pages)
