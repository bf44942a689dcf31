"""Phrasings of saiken_cli/today.py (the date in Japan, when a date defaulted to today)."""

MESSAGES = {
    "today.defaulted": (
        "基準日の指定なし: 日本時間 (Asia/Tokyo) の本日 {today_on:iso} を使用",
        "no {flag}: today in Japan (Asia/Tokyo), {today_on:iso}, was used",
    ),
    "today.defaulted_by_env": (
        "基準日の指定なし: 日本時間 (Asia/Tokyo) の本日 {today_on:iso} (環境変数 SAIKEN_TODAY) を使用",
        "no {flag}: today in Japan (Asia/Tokyo), {today_on:iso} (SAIKEN_TODAY), was used",
    ),
}
