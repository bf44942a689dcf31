"""PDF writers (reportlab): 計算書 (statements) and letters on the 内容証明 grid.

Fonts: reportlab's built-in Japanese CID fonts, so no font file is needed or shipped. The
body is HeiseiMin-W3 (明朝): courts' forms and 内容証明 letters are set in 明朝, and its thin
strokes stay crisp on office laser printers at 9–12 pt; headings stay 明朝 too (a bold
ゴシック title reads as an advertisement on a court paper). CID fonts are not embedded: the
viewer or printer supplies its own 明朝 for the Adobe-Japan1 character collection (every
Japanese-capable viewer has one; poppler's pdftoppm uses IPA明朝/Noto Serif CJK here).

Grid lines are a light grey (0.6): visible on a monochrome print, lighter than the text,
and allowed on 内容証明 paper (any colour; the squares are optional).

reportlab is imported only when a PDF is asked for (never on the --json path).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any, Sequence

from saiken_cli.documents.statements import Statement

MINCHO = "HeiseiMin-W3"
MINCHO_V = "HeiseiMin-W3-V"  # the same face with the vertical CMap (UniJIS-UCS2-V): 縦書き glyphs
_FONTS_READY = False


def _fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(MINCHO))
    vertical = UnicodeCIDFont(MINCHO, isVertical=True)
    vertical.name = vertical.fontName = MINCHO_V  # the PDF still names the font HeiseiMin-W3
    pdfmetrics.registerFont(vertical)
    _FONTS_READY = True


def _wareki(d: date) -> str:
    from saiken_cli.documents.jtext import wareki

    return wareki(d)


def cell_text(value: Any, kind: str, *, long_dates: bool = False) -> str:
    """A typed cell as printed: 650,000 / 2017/08/21 (tables) or 平成29年8月21日 / 18."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if kind == "yen":
        return f"{value:,}" + ("円" if long_dates else "")
    if isinstance(value, date):
        return f"{_wareki(value)}" if long_dates else f"{value.year}/{value.month:02d}/{value.day:02d}"
    if kind == "percent" and isinstance(value, Decimal):  # already in percent (18 = 18%)
        return format(value.normalize(), "f") + ("パーセント" if long_dates else "")
    if kind == "int":
        return f"{value:,}"
    return str(value)


def statements_pdf(statements: Sequence[Statement], *, made_on: date, heading: str | None = None) -> bytes:
    """One PDF (A4 portrait) with each statement in turn, each from a new page."""
    _fonts()
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    body = ParagraphStyle("body", fontName=MINCHO, fontSize=9.5, leading=14, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=11)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=4 * mm)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    h2 = ParagraphStyle("h2", parent=body, fontSize=11, leading=16, spaceBefore=4 * mm, spaceAfter=2 * mm)
    cell = ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9.5)
    cell_r = ParagraphStyle("cellr", parent=cell, alignment=TA_RIGHT)

    story: list[Any] = []
    width = A4[0] - 40 * mm
    for n, st in enumerate(statements):
        if n:
            story.append(PageBreak())
        story.append(Paragraph(escape(st.title), title))
        story.append(Paragraph(f"作成日　{escape(_wareki(made_on))}", right))
        if st.subtitle:
            story.append(Paragraph(escape(st.subtitle), body))
        story.append(Spacer(1, 3 * mm))
        summary = [[Paragraph(escape(label), body), Paragraph(escape(cell_text(v, k, long_dates=True)), body)]
                   for label, v, k in st.summary]
        if summary:
            t = Table(summary, colWidths=[width * 0.38, width * 0.62])
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.45, 0.45, 0.45)),
                ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]))
            story.append(t)
        for table in st.tables:
            story.append(Paragraph(escape(table.title), h2))
            head = [Paragraph(escape(c.title), cell) for c in table.columns]
            data = [head]
            for row in [*table.rows, *([table.totals] if table.totals else [])]:
                data.append([
                    Paragraph(escape(cell_text(v, c.kind)), cell_r if c.kind in ("yen", "int", "percent", "decimal") else cell)
                    for v, c in zip(row, table.columns)
                ])
            weights = [{"text": 1.6, "date": 1.45, "yen": 1.35, "int": 0.8, "percent": 1.05, "decimal": 1.0}[c.kind] for c in table.columns]
            scale = width / sum(weights)
            t = Table(data, colWidths=[w * scale for w in weights], repeatRows=1)
            style = [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.Color(0.45, 0.45, 0.45)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
            if table.totals:
                style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black))
            t.setStyle(TableStyle(style))
            story.append(t)
        for heading_text, items in (("前提・注記", st.notes), ("確認事項", st.review), ("根拠", st.basis)):
            if items:
                story.append(Paragraph(heading_text, h2))
                for item in items:
                    story.append(Paragraph("・" + escape(item), small))
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph("本計算書は計算の過程を示す参考資料です。提出の前に必ず内容をご確認ください。", small))

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(MINCHO, 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"－ {doc.page} －")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
        title=heading or (statements[0].title if statements else "計算書"), author="", creator="saiken", subject="",
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def letter_pdf(pages: Sequence[Sequence[str]], *, width: int, height: int, direction: str, title: str) -> bytes:
    """A letter on the 内容証明 grid: A4, one glyph per square.

    横書き: A4 portrait, ``height`` rows of ``width`` squares, a blank band at the foot for the
    post office's certification stamp (郵便認証司の証明文). 縦書き: A4 landscape, ``height``
    columns of ``width`` squares read right to left, the band on the left."""
    _fonts()
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as pdfcanvas

    from saiken_cli.documents import grid

    buf = io.BytesIO()
    size = A4 if direction == "yoko" else landscape(A4)
    c = pdfcanvas.Canvas(buf, pagesize=size, invariant=1)
    c.setTitle(title)
    c.setCreator("saiken")
    grey = colors.Color(0.6, 0.6, 0.6)
    pw, ph = size
    stamp_band = 50 * mm  # left blank for the post office's certification (郵便認証司の証明文)
    if direction == "yoko":
        across, along = pw - 40 * mm, ph - 22 * mm - stamp_band - 15 * mm  # a line's room, the lines' room
    else:
        across, along = ph - 36 * mm, pw - 20 * mm - stamp_band - 15 * mm
    # square cells, packed along the line; the lines spaced (原稿用紙 style) as room allows
    pitch = min(across / width * 1.6, along / height)
    box = min(across / width, pitch * 0.9)
    cellw = cellh = box
    font = box * 0.78
    if direction == "yoko":
        left, top = (pw - width * box) / 2, ph - 22 * mm
    else:
        right, top = pw - 20 * mm, (ph + width * box) / 2
    for page in pages:
        c.setLineWidth(0.35)
        c.setStrokeColor(grey)
        for row in range(height):
            for col in range(width):
                if direction == "yoko":
                    x, y = left + col * cellw + (cellw - box) / 2, top - row * pitch - box
                else:
                    x, y = right - row * pitch - box, top - (col + 1) * cellh + (cellh - box) / 2
                c.rect(x, y, box, box, stroke=1, fill=0)
        c.setFillColor(colors.black)
        c.setFont(MINCHO, font)
        for row, line in enumerate(page):
            col = 0
            for ch in line:
                span = grid.cells(ch)
                if ch not in (" ", "　"):
                    if direction == "yoko":
                        cx = left + col * cellw + cellw * span / 2
                        cy = top - row * pitch - box / 2 - font * 0.36
                        c.drawCentredString(cx, cy, ch)
                    else:
                        _draw_vertical(c, ch, right - row * pitch - box / 2, top - col * cellh - cellh / 2, font)
                col += span
        c.showPage()
    c.save()
    return buf.getvalue()


# 縦書き: the vertical CMap gives 、。「」ー and the like their vertical forms; these few have
# none in it and are drawn turned a quarter right (brackets, dashes, the equals sign, tildes).
_ROTATE = set("（）()－-‐―=＝～〜~")


def _draw_vertical(c, ch: str, cx: float, cy: float, font: float) -> None:
    """One character of a vertical column centred at (cx, cy)."""
    if ch in _ROTATE:
        c.saveState()
        c.setFont(MINCHO, font)
        c.translate(cx, cy)
        c.rotate(-90)
        c.drawCentredString(0, -font * 0.36, ch)
        c.restoreState()
    else:  # a vertical-font glyph hangs from its origin at the top centre
        c.setFont(MINCHO_V, font)
        c.drawString(cx, cy + font / 2, ch)
