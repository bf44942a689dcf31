"""Calc messages made fit for a document: Japanese only, no flag names, no verification labels.

calc still writes some notes with a flag in them (「--method court: …」); a document names the
fact instead (「計算方式: …」). This is the one place that does it, until the message
catalogue phrases every message for documents itself.
"""

from __future__ import annotations

import re
from typing import Any

FLAG_JA = {
    "acceleration-date": "期限の利益喪失日", "apply-142": "民法142条の適用", "as-of": "基準日",
    "claim-type": "債権の種類", "commercial": "商事法定利率", "compare": "方式の比較", "contract-date": "契約日",
    "creditor": "債権者の種別", "days": "日数", "due-date": "期限", "event": "時効の事由",
    "existing-principal": "既存の元本", "first-day": "初日の算入", "from": "起算日", "judgment-date": "判決確定日",
    "last-payment": "最終弁済日", "leap": "閏年の扱い", "lender": "貸主", "method": "計算方式",
    "overpay-interest": "過払利息の利率", "payment": "弁済", "per-days": "日数", "percent": "利率",
    "principal": "元本", "rate": "利率", "repay": "返済", "split-at": "取引の分断", "subrogation-date": "代位弁済日",
    "to": "計算終了日", "fixed-to": "損害金の確定日", "date": "書面の日付", "debt": "債務の番号", "layout": "用紙の形式",
}
_FLAG = re.compile(r"--([a-z][a-z0-9-]*)(?:[ =]([A-Za-z0-9][A-Za-z0-9._-]*))?")
#: the --method keys, when a message names one after 計算方式
METHOD_WORDS = {"simple365": "単純日割", "court-each": "裁判所方式 (各部分を切捨て)", "court-365": "年単位+365日割",
                "court": "裁判所方式", "kyotaku": "供託方式", "actual": "各年計算"}
_METHOD = re.compile(r"計算方式 (simple365|court-each|court-365|court|kyotaku|actual)(?![A-Za-z0-9-])")
_LABELS = (("(INTERPRETATION)", "(解釈による)"), ("INTERPRETATION", "解釈"), ("UNVERIFIED", "未確認"),
           ("VERIFIED-SECONDARY", "確認済(二次資料)"), ("VERIFIED-OFFICIAL", "確認済"), ("VERIFIED-STATUTE", "確認済(条文)"))


def plain(item: Any) -> str:
    """A calc message (an item, or a legacy bilingual string) in Japanese, with flags named in
    words and labels translated."""
    # the catalogue phrases every message item (the matter's own and the commands')
    from saiken_cli.catalogue import text

    out = text(item, "ja")

    def flag(m: re.Match) -> str:
        name = FLAG_JA.get(m.group(1), "指定")
        value = m.group(2)
        # a choice word (court, split) is the flag's English value: the name says enough;
        # a date or a number is kept
        if value and re.fullmatch(r"[0-9][0-9.,:/-]*", value):
            return f"{name} {value}"
        return name

    out = _FLAG.sub(flag, out)
    out = _METHOD.sub(lambda m: f"計算方式「{METHOD_WORDS[m.group(1)]}」", out)
    for label, word in _LABELS:
        out = out.replace(label, word)
    return out
