"""計算書 (calculation statements) as typed data, built from a command's ``--json`` payload.

One :class:`Statement` feeds both writers (documents/pdf.py, documents/xlsx.py), so the PDF
and the workbook can never disagree. Cells hold typed values — ``int`` yen, ``date``,
``Decimal`` rates, ``str`` — with the column's kind saying how to show them: the PDF prints
``650,000`` and 和暦 dates; the workbook stores numbers as numbers and dates as dates.

Documents are Japanese only: labels here are Japanese, and message texts take their
Japanese phrasing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, Sequence

KINDS = ("text", "yen", "date", "int", "percent", "decimal")


class Col(NamedTuple):
    title: str
    kind: str = "text"


class Table(NamedTuple):
    title: str
    columns: Sequence[Col]
    rows: Sequence[Sequence[Any]]
    totals: Sequence[Any] | None = None  # a last row (合計), same shape as rows


class Statement(NamedTuple):
    title: str
    sheet: str  # the workbook sheet name (≤ 31 characters)
    summary: Sequence[tuple[str, Any, str]]  # (label, value, kind)
    tables: Sequence[Table]
    notes: Sequence[str] = ()  # 前提・注記
    review: Sequence[str] = ()  # open points for the lawyer (確認事項)
    basis: Sequence[str] = ()  # 根拠 (citation labels)
    subtitle: str = ""


def _d(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _ja(text: str) -> str:
    from saiken_cli.documents.wording import plain

    return plain(text)


def _basis(payload: dict[str, Any]) -> list[str]:
    out = []
    for c in payload.get("citations", []):
        label = c.get("label", "")
        if c.get("url"):
            label += f"  {c['url']}"
        out.append(label)
    return out


METHOD_JA = {
    "simple365": "単純日割 (元本×年利÷365×日数)",
    "court": "裁判所方式 (年単位+暦年日割、合算後に円未満切捨て)",
    "court-each": "裁判所方式 (各部分を円未満切捨て後に合算)",
    "kyotaku": "供託方式 (抽象的2月29日説)",
    "actual": "各年計算 (各日をその暦年の日数で除する)",
}


def damages_statement(payload: dict[str, Any], *, title: str = "遅延損害金計算書") -> Statement:
    """The `saiken damages --json` payload as a 遅延損害金計算書."""
    rate = Decimal(payload["rate_percent"])
    summary: list[tuple[str, Any, str]] = [
        ("元本", payload["principal_yen"], "yen"),
        ("利率 (年)", rate, "percent"),
    ]
    if payload["rate_basis"] != "given":
        summary.append(("利率の根拠", "法定利率 (遅滞の時の利率)", "text"))
    if payload.get("from"):
        summary += [("起算日", _d(payload["from"]), "date"), ("計算終了日", _d(payload["to"]), "date")]
    summary += [
        ("日数 (両端含む)", payload["days"], "int"),
        ("計算方式", METHOD_JA.get(payload["method"], payload["method"]), "text"),
        ("遅延損害金", payload["total_yen"], "yen"),
    ]
    if "remaining_principal_yen" in payload:
        summary += [
            ("弁済額合計", payload["payments_yen"], "yen"),
            ("残元本", payload["remaining_principal_yen"], "yen"),
            ("未払遅延損害金", payload["unpaid_damages_yen"], "yen"),
            ("残債務合計", payload["total_owed_yen"], "yen"),
        ]
    cols = [
        Col("自", "date"), Col("至", "date"), Col("日数", "int"), Col("元本", "yen"), Col("利率(%)", "percent"),
        Col("計算式"), Col("損害金", "yen"), Col("弁済日", "date"), Col("弁済額", "yen"),
        Col("損害金充当", "yen"), Col("元本充当", "yen"), Col("弁済後元本", "yen"),
    ]
    rows = []
    for seg in payload["segments"]:
        terms = []
        for part in seg["parts"]:
            if part["kind"] == "years":
                terms.append(f"{part['years']}年")
            else:
                terms.append(f"{part['days']}/{part['denominator']}")
        pay = seg.get("payment")
        rows.append(
            [
                _d(seg["from"]), _d(seg["to"]), seg["days"], seg["principal_yen"], Decimal(seg["rate"]) * 100,
                " + ".join(terms), seg["amount_yen"],
                _d(pay["date"]) if pay else None, pay["amount_yen"] if pay else None,
                pay["to_damages_yen"] if pay else None, pay["to_principal_yen"] if pay else None,
                pay["principal_after_yen"] if pay else None,
            ]
        )
    totals = [None, None, payload["days"], None, None, "合計", payload["total_yen"], None,
              payload.get("payments_yen") if payload.get("payments_yen") else None, None, None, None]
    notes = [_ja(x) for x in (*payload.get("assumptions", []), *payload.get("notes", []))]
    notes.append("端数処理: " + _ja(payload["rounding"]["basis"]))
    return Statement(
        title=title, sheet="遅延損害金", summary=summary, tables=[Table("計算明細", cols, rows, totals)],
        notes=notes, review=[_ja(w) for w in payload.get("warnings", [])], basis=_basis(payload),
    )


def kabarai_statement(payload: dict[str, Any]) -> Statement:
    """The `saiken kabarai --json` payload as 利息制限法に基づく引き直し計算書 (名古屋式の並び:
    one row per transaction — 年月日, 借入金額, 弁済額, 年利率, 日数, 利息, 未払利息, 残元金,
    過払利息, 過払利息累計)."""
    summary: list[tuple[str, Any, str]] = [
        ("時効 (計算基準日現在)", _ja(payload["headline"]), "text"),  # first: issue 11 §1 item 8
        ("取引期間 (自)", _d(payload["first_date"]), "date"),
        ("取引期間 (至)", _d(payload["last_transaction_date"]), "date"),
        ("計算基準日", _d(payload["as_of"]), "date"),
        ("借入金額合計", payload["borrowed_yen"], "yen"),
        ("弁済額合計", payload["repaid_yen"], "yen"),
        ("過払金", payload["overpayment_yen"], "yen"),
        ("過払利息", payload["overpayment_interest_yen"], "yen"),
        ("請求額合計", payload["claim_total_yen"], "yen"),
        ("残元金 (なお残る債務)", payload["balance_yen"], "yen"),
        ("過払金返還請求権の消滅時効 (最終取引から10年)", _d(payload["prescription_date"]), "date"),
    ]
    for s in payload["series"]:
        if s.get("subjective_prescription_date"):
            summary.append((f"同 (取引{s['index']}: 令和2年4月1日以後に生じた過払金 {s['new_law_overpayment_yen']:,}円, 知った時から5年)",
                            _d(s["subjective_prescription_date"]), "date"))
    if payload.get("unpaid_interest_yen"):
        summary.insert(9, ("未払利息", payload["unpaid_interest_yen"], "yen"))
    cols = [
        Col("番号", "int"), Col("年月日", "date"), Col("借入金額", "yen"), Col("弁済額", "yen"), Col("年利率(%)", "percent"),
        Col("日数", "int"), Col("利息", "yen"), Col("未払利息", "yen"), Col("残元金", "yen"),
        Col("過払利息", "yen"), Col("過払利息累計", "yen"),
    ]
    rows = []
    for n, r in enumerate(payload["ledger"], start=1):
        if r["rate_percent"]:
            rate: Any = Decimal(r["rate_percent"])
        elif r["overpay_rates"]:
            rates = {x["rate_percent"] for x in r["overpay_rates"]}
            rate = Decimal(rates.pop()) if len(rates) == 1 else "/".join(sorted(rates))
        else:
            rate = None
        rows.append(
            [
                n, _d(r["date"]), r["borrow_yen"] or None, r["repay_yen"] or None, rate, r["days"],
                r["interest_yen"] if r["rate_percent"] else None, r["unpaid_interest_yen"] or None, r["balance_yen"],
                r["overpayment_interest_yen"] or None, r["overpayment_interest_total_yen"] or None,
            ]
        )
    totals = [None, "合計", payload["borrowed_yen"], payload["repaid_yen"], None, None, None, None, None, None, None]
    o = payload["options"]
    notes = [
        "残元金がマイナスの場合は過払い (その絶対値が過払金) を示す。最終行は計算基準日。",
        "過払利息: " + {"5": "年5パーセント", "3": "年3パーセント", "split": "令和2年3月31日まで年5パーセント、同年4月1日から年3パーセント"}.get(o["overpay_interest"], o["overpay_interest"]),
        "日数: " + ("借入日を算入しない (片端)" if o["first_day"] == "one-end" else "借入日を算入する (両端)")
        + "、" + {"calendar": "閏年は366日で除する", "365": "常に365日で除する",
                "court": "1年単位で年利率を乗じ、残りの日数は暦年ごとに365日又は366日で除する"}.get(o["leap"], o["leap"]),
        "取引の分断: " + ("なし (一連計算)" if not o["split_at"] else "、".join(o["split_at"]) + " で分断"),
    ]
    notes += [_ja(x) for x in (*payload.get("assumptions", []), *payload.get("notes", []))]
    return Statement(
        title="利息制限法に基づく引き直し計算書", sheet="引き直し計算", summary=summary,
        tables=[Table("計算表", cols, rows, totals)], notes=notes,
        review=[_ja(w) for w in payload.get("warnings", [])], basis=_basis(payload),
        subtitle=f"取引履歴: {payload['source']}",
    )


# --- a matter (saiken report MATTER.toml --format pdf|xlsx) -------------------------------

JIKOU_STATUS_JA = {"completed": "完成", "running": "進行中", "suspended": "完成猶予中 (手続係属)"}


def _message(item: Any) -> str:
    """A message item (code + params) or a legacy string, in Japanese for a document."""
    return _ja(item)


def _jikou_state(j: dict[str, Any] | None) -> str:
    if j is None:
        return "未計算"
    state = JIKOU_STATUS_JA.get(j["status"], j["status"])
    if j.get("invocation_barred"):
        state += " (完成後の承認あり)"
    return state


def matter_front(payload: dict[str, Any]) -> Statement:
    """The 債権者一覧表: one row per creditor, with the totals."""
    case, totals = payload["case"], payload["totals"]
    summary: list[tuple[str, Any, str]] = []
    for key, label in (("id", "事件番号"), ("title", "件名"), ("debtor", "債務者")):
        if case.get(key):
            summary.append((label, case[key], "text"))
    summary += [
        ("基準日", _d(case["as_of"]), "date"),
        ("債権者数", totals["creditors"], "int"),
        ("残元本合計", totals["principal_yen"], "yen"),
        ("利息・損害金合計", totals["interest_yen"] + totals["damages_yen"], "yen"),
        ("残債務合計", totals["total_owed_yen"], "yen"),
        ("うち時効完成 (援用可能)", totals["time_barred_yen"], "yen"),
        ("過払金合計", totals["overpayment_yen"], "yen"),
    ]
    cols = [
        Col("番号", "int"), Col("債権者"), Col("原債権者"), Col("契約番号"), Col("残元本", "yen"), Col("利息", "yen"),
        Col("損害金", "yen"), Col("合計", "yen"), Col("時効完成日", "date"), Col("時効"), Col("援用可能日", "date"),
        Col("過払金", "yen"),
    ]
    rows = []
    review: list[str] = []
    for d in payload["debts"]:
        j = d.get("jikou")
        over = d.get("overpayment")
        rows.append([
            d["index"], d["creditor"], d.get("original_creditor") or "", d.get("account_number") or "", d["principal_yen"],
            d["interest_yen"], d["damages_yen"], d["total_owed_yen"], _d(j["completion_date"]) if j else None, _jikou_state(j),
            _d(j["invocable_from"]) if j and j["status"] == "completed" else None, over["overpayment_yen"] if over else None,
        ])
        for item in (*d.get("flags", []), *d.get("warnings", [])):
            review.append(f"{d['index']} {d['creditor']}: {_message(item)}")
    review += [_message(w) for w in payload.get("warnings", [])]
    total_row = [None, "合計", None, None, totals["principal_yen"], totals["interest_yen"], totals["damages_yen"],
                 totals["total_owed_yen"], None, None, None, totals["overpayment_yen"] or None]
    notes = [f"{x['date']} {x['creditor']}: {_message(x['message'])}" for x in payload.get("deadlines", [])]
    return Statement(
        title="債権者一覧表", sheet="債権者一覧表", summary=summary, tables=[Table("債権者一覧", cols, rows, total_row)],
        notes=[("期限: " + n) for n in notes], review=review,
    )


def debt_statement(d: dict[str, Any]) -> Statement:
    """One debt's 計算書: the figures, the damages calculation, the 時効 analysis and (with a
    history) the 引き直し ledger — one sheet of the workbook."""
    summary: list[tuple[str, Any, str]] = [("債権者", d["creditor"], "text")]
    for key, label in (("original_creditor", "原債権者"), ("account_number", "契約番号")):
        if d.get(key):
            summary.append((label, d[key], "text"))
    summary += [
        ("残元本", d["principal_yen"], "yen"),
        ("利息", d["interest_yen"], "yen"),
        ("遅延損害金", d["damages_yen"], "yen"),
        ("合計", d["total_owed_yen"], "yen"),
    ]
    tables: list[Table] = []
    notes: list[str] = [_message(x) for x in (*d.get("assumptions", []), *d.get("notes", []))]
    review: list[str] = [_message(x) for x in (*d.get("flags", []), *d.get("warnings", []))]
    basis: list[str] = []
    if d.get("damages"):
        st = damages_statement(d["damages"])
        summary += [(label, v, k) for label, v, k in st.summary if label in ("利率 (年)", "起算日", "計算方式")]
        tables += st.tables
        notes += st.notes
        review += st.review
        basis += st.basis
    j = d.get("jikou")
    if j is not None:
        rows = [["時効完成日", _d(j["completion_date"])], ["状態", _jikou_state(j)],
                ["援用可能日", _d(j["invocable_from"])], ["時効期間", f"{j['period_years']}年"],
                ["適用される法", "改正前の民法・商法" if j["regime"] == "old" else "改正後の民法"],
                ["期間の根拠", _ja(j.get("period_basis") or "")]]
        for r in j.get("readings", []):
            rows.append(["別の読み", f"{r['completion_date']} ({JIKOU_STATUS_JA.get(r['status'], r['status'])})"])
        tables.append(Table("消滅時効", [Col("項目"), Col("内容", "text")], [[a, b] for a, b in rows]))
        review += [_ja(w) for w in j.get("warnings", [])]
        basis += _basis(j)
    if d.get("kabarai"):
        st = kabarai_statement(d["kabarai"])
        summary += [(f"引き直し: {label}", v, k) for label, v, k in st.summary if label in ("過払金", "過払利息", "残元金 (なお残る債務)")]
        tables += st.tables
        notes += st.notes
        review += st.review
        basis += st.basis
    seen: set[str] = set()
    basis = [b for b in basis if not (b in seen or seen.add(b))]
    return Statement(
        title=f"計算書 ({d['creditor']})", sheet=f"{d['index']} {d['creditor']}", summary=summary, tables=tables,
        notes=list(dict.fromkeys(notes)), review=list(dict.fromkeys(review)), basis=basis,
    )
