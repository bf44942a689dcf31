"""The 内容証明 grid: the post office's character count (rules/data/naiyo_shomei_counting.toml)
and the layout engine (documents/grid.py).

Source of the counts: 日本郵便「内容証明 ご利用の条件等」, 謄本の字数の計算方法 — its own
worked examples: 「英字(固有名詞に限ります。)」 13字; 「1行20字(記号は、1個を1字とします。以下」
22字 and 「同じとします。)以内、1枚26行以内で作成。」 21字 (the closing bracket is counted with
the opening one, on the earlier line); % 1字; m2 2字; kg 2字.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from saiken_cli import rules
from saiken_cli.documents import grid


@pytest.mark.parametrize(
    "text, count",
    [
        ("英字(固有名詞に限ります。)", 13),
        ("1行20字(記号は、1個を1字とします。以下", 22),
        ("同じとします。)以内、1枚26行以内で作成。", 21),
        ("%", 1),
        ("m2", 2),
        ("kg", 2),
        ("㎡", 2),
        ("㎏", 2),
        ("①", 2),  # one digit + the frame
        ("⑩", 3),  # two digits + the frame
        ("「」", 1),  # a pair of brackets is one
        ("（１）", 2),
        ("１２３", 3),
        ("123", 3),  # half-width digits count one each, like full-width ones
        ("ABC", 3),
    ],
)
def test_postal_count_matches_the_post_office_examples(text, count):
    assert grid.line_count(text) == count


def test_a_closing_bracket_still_takes_a_square():
    assert grid.line_count("（括弧）") == 3
    assert grid.line_cells("（括弧）") == 4
    assert not grid.fits("あ" * 19 + "）", 19)  # 19 counted, but 20 squares
    assert grid.fits("あ" * 19 + "）", 20)


def test_the_layouts_are_the_post_office_grids():
    table = rules.load("naiyo_shomei_layouts")
    grids = {r.key: (r["direction"], r["chars_per_line"], r["lines_per_page"]) for r in table.rows}
    assert grids == {
        "yoko-26x20": ("yoko", 26, 20),
        "yoko-20x26": ("yoko", 20, 26),
        "yoko-13x40": ("yoko", 13, 40),
        "tate-20x26": ("tate", 20, 26),
    }
    for r in table.rows:  # every grid holds at most 520 characters a sheet
        assert r["chars_per_line"] * r["lines_per_page"] == 520
        assert r.status == "VERIFIED-OFFICIAL"
        assert r.citation.url == "https://www.post.japanpost.jp/service/fuka_service/syomei/use.html"


def test_kinsoku_pushes_punctuation_down_instead_of_overfilling():
    # 20 characters then 「。」: the 。 may not begin a line, so the last character goes down with it
    text = "あ" * 20 + "。"
    lines = grid.wrap(grid.Block(text), 20)
    assert lines == ["あ" * 19, "あ。"]
    # an opening bracket does not end a line
    lines = grid.wrap(grid.Block("あ" * 19 + "「い」"), 20)
    assert lines[0] == "あ" * 19 and lines[1] == "「い」"


def test_numbers_are_not_split_when_they_fit_on_a_line():
    lines = grid.wrap(grid.Block("金額は金1,686,657円です。"), 10)
    assert "1,686,657円" in "".join(lines)
    assert any(line.startswith("1,686,657") for line in lines)


def test_pages_split_by_form_feed_and_never_exceed_the_height():
    blocks = [grid.Block("あ" * 10) for _ in range(45)]
    pages = grid.layout(blocks, 13, 20)
    assert [len(p) for p in pages] == [20, 20, 5]
    text = grid.to_text(pages)
    assert text.count("\f") == 2
    assert all(len(page.splitlines()) <= 20 for page in text.split("\f"))


def test_right_alignment_ends_at_the_grid_edge():
    (line,) = grid.wrap(grid.Block("令和8年12月1日", align="right"), 26)
    assert grid.line_cells(line) == 26 and line.endswith("令和8年12月1日")


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("あいうえおかきくけこ東京都千代田区丁目番地号株式会社サービサー山田太郎ー・、。「」（）()0123456789-ABCXYZ①⑩㎡　 ")
    ),
    min_size=0,
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from([13, 20, 26]), st.sampled_from(["", "　", "１　"]), st.sampled_from(["left", "right", "center"]))
def test_no_line_ever_exceeds_the_grid(text, width, first, align):
    for line in grid.wrap(grid.Block(text, first=first, rest="　" * len(first), align=align), width):
        assert grid.fits(line, width), (line, width)
    # nothing is lost: the characters come out in order (only indents and line breaks are added)
    joined = "".join(grid.wrap(grid.Block(text, first=first, rest="　" * len(first)), width))
    assert joined.replace("　", "").replace(" ", "").replace("１", "") == text.replace("　", "").replace(" ", "").replace("１", "")
