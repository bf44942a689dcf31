"""Write examples/batch/office.xlsx: an office's case list as Excel keeps it (README "From Excel").

Japanese headers, a rate typed as a percent cell (14.6%) and others as bare numbers (18),
Excel dates, 和暦 and 漢数字 text, a blank row, and one bad row (元本 "未定").

    python examples/batch/make_office_xlsx.py
"""

from datetime import date
from pathlib import Path

import openpyxl


def main() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "案件一覧"
    ws.append(["案件番号", "債務者名", "元本", "利率", "起算日", "終期", "計算方式"])
    ws.append(["K-2024-101", "山田 太郎", 500000, 0.146, date(2023, 4, 1), date(2024, 3, 31), None])
    ws["D2"].number_format = "0.0%"
    ws.append(["K-2024-102", "佐藤 花子", "100万", 18, "令和二年四月一日", "R3.3.31", "court"])
    ws.append([])
    ws.append(["K-2024-103", "鈴木 一郎", "10万", 18, "H17.8.2", date(2007, 8, 15), "court-each"])
    ws.append(["K-2024-104", "田中 二郎", "未定", 14.6, date(2024, 1, 10), date(2024, 12, 31), None])
    ws.append(["K-2024-105", "高橋 次郎", "80万5千円", "14.6パーセント", "2022-02-01", "2024-02-29", "kyotaku"])
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy/m/d"
    out = Path(__file__).with_name("office.xlsx")
    wb.save(out)
    print(out)


if __name__ == "__main__":
    main()
