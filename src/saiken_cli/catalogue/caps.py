"""Phrasings of calc/caps.py (利息制限法の上限): see catalogue/__init__.py."""

MESSAGES = {
    "caps.percent_rounding": (
        "四捨五入で小数第{places}位まで (表示のみ; 判定は厳密値)",
        "rounded half-up to {places} decimal places (display only; verdicts compare exact values)",
    ),
}
