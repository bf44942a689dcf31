"""Papers that leave the office: letters on the 内容証明 grid, 請求の趣旨, 計算書 as PDF and Excel.

- grid.py        the post office's character count and the grid layout (pure)
- templates.py   document templates as dated, cited data (rules/templates/*.toml)
- enyou.py       消滅時効援用通知書: checks and text (pure)
- seikyu.py      請求の趣旨 from a damages calculation (pure; uses calc.damages)
- statements.py  計算書 as typed data from a command's --json payload (pure)
- pdf.py, xlsx.py the writers (reportlab, openpyxl: imported only when asked for)

Imports run CLI (commands/) → documents → calc → rules. Nothing here reads the clock: the
commands pass the date (saiken_cli.today: today in Japan, read once at the edge). Files are
written by the one atomic writer, saiken_cli.output.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Sequence

FILE_FORMATS = ("pdf", "xlsx")


def write_statements(fmt: str, path: str, statements: Sequence, *, made_on: date, inputs: Iterable[str] = (), front=None) -> int:
    """Render ``statements`` as ``fmt`` (pdf | xlsx) and write them to ``path`` atomically;
    the number of bytes written."""
    from saiken_cli.output import write_bytes

    if fmt == "pdf":
        from saiken_cli.documents.pdf import statements_pdf

        data = statements_pdf(([front] if front else []) + list(statements), made_on=made_on)
    else:
        from saiken_cli.documents.xlsx import statements_xlsx

        data = statements_xlsx(statements, made_on=made_on, front=front)
    write_bytes(path, data, inputs=tuple(inputs))
    return len(data)
